use std::rc::Rc;

use calculator::format;
use pricing::{Estimate, LabelEstimate, LabelPrices};
use web_sys::HtmlDetailsElement;
use yew::prelude::*;

use crate::hooks::use_month_names;

use super::label_table::label_table;
use crate::book::Book;
use crate::i18n::{column_name, purchase_words, text, tier_range, MonthNames};

/// Properties of a [`MonthBreakdown`].
#[derive(Properties, PartialEq)]
pub struct MonthBreakdownProps {
    /// The scenario's figures.
    pub estimate: Rc<Estimate>,
    /// The price book, for naming each label's tiers.
    pub book: Book,
}

/// The cheapest plan month by month, in a disclosure the user opens.
///
/// The rows are rendered only while it is open: 36 months of figures
/// rewritten on every slider step were most of a step's time.
#[component]
pub fn MonthBreakdown(props: &MonthBreakdownProps) -> Html {
    let names = use_month_names();
    let t = text(names.lang);
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            open.set(event.target_unchecked_into::<HtmlDetailsElement>().open());
        })
    };
    html! {
        <details class="breakdown" data-testid="breakdown" {ontoggle}>
            <summary>{ t.breakdown }</summary>
            if *open {
                for label in &props.estimate.labels {
                    { month_table(label, props.book.0.label(label.label), props.estimate.labels.len() > 1, names) }
                }
            }
        </details>
    }
}

/// One label's months; captioned with the label's name when there are several.
fn month_table(
    estimate: &LabelEstimate,
    prices: &LabelPrices,
    captioned: bool,
    names: MonthNames,
) -> Html {
    let lang = names.lang;
    let t = text(lang);
    let starts: Vec<(usize, String)> = estimate
        .best
        .orders
        .iter()
        .map(|order| (order.month, purchase_words(&order.purchases, lang)))
        .collect();
    let bill_heading = AttrValue::from(format!("{} ({})", t.month_bill, t.yuan));
    // Each cell carries its column's name: below 600 px a row becomes a block
    // of named lines (static/style.css, `.compact`).
    let rows = html! {
        <>
            <thead>
                <tr>
                    <th scope="col">{ t.month }</th>
                    <th scope="col">{ t.bought }</th>
                    <th scope="col" class="number">{ t.verifications }</th>
                    <th scope="col" class="number">{ t.attempts }</th>
                    <th scope="col">{ t.price_column }</th>
                    <th scope="col" class="number">{ t.from_legacy }</th>
                    <th scope="col" class="number">{ t.from_packs }</th>
                    <th scope="col" class="number">{ t.billed_postpaid }</th>
                    <th scope="col">{ t.tier }</th>
                    <th scope="col" class="number">{ bill_heading.clone() }</th>
                </tr>
            </thead>
            <tbody>
                for (index, line) in estimate.best_bill.months.iter().enumerate() {
                    <tr key={index}>
                        <th scope="row" data-column={t.month}>{ names.cell(index) }</th>
                        <td data-column={t.bought}>{ starts.iter().find(|(first, _)| *first == index).map(|(_, words)| words.clone()).unwrap_or_default() }</td>
                        <td class="number" data-column={t.verifications}>{ format::grouped_calls(line.verifications) }</td>
                        <td class="number" data-column={t.attempts}>{ format::grouped_calls(line.calls) }</td>
                        <td data-column={t.price_column}>{ column_name(line.column, lang) }</td>
                        // Legacy and held calls: both were bought before the plan.
                        <td class="number" data-column={t.from_legacy}>{ format::grouped_calls(line.legacy + line.held) }</td>
                        <td class="number" data-column={t.from_packs}>{ format::grouped_calls(line.packs) }</td>
                        <td class="number" data-column={t.billed_postpaid}>{ format::grouped_calls(line.postpaid) }</td>
                        <td data-column={t.tier}>{ line.tier.and_then(|tier| prices.tiers.get(tier)).map(|tier| tier_range(tier, lang)).unwrap_or_default() }</td>
                        <td class="number" data-column={bill_heading.clone()}>{ format::grouped(line.bill) }</td>
                    </tr>
                }
            </tbody>
        </>
    };
    let expired = estimate.best_bill.legacy_expired;
    let after = html! {
        if expired > 0 {
            <p class="field-help" data-testid="legacy-expired">
                { format!("{}: {} {}", t.legacy_expired, format::grouped_calls(expired), t.calls) }
            </p>
        }
    };
    label_table(estimate.label, captioned, lang, rows, after)
}
