use std::rc::Rc;

use calculator::format;
use pricing::{Estimate, LabelEstimate};
use yew::prelude::*;

use super::label_table::label_table;
use crate::hooks::use_month_names;
use crate::i18n::{
    ahead_sentence, column_name, fill, label_name, purchase_items, text, MonthNames,
};

use super::amount::amount;

/// Properties of a [`PurchaseSchedule`].
#[derive(Properties, PartialEq)]
pub struct PurchaseScheduleProps {
    /// The scenario's figures.
    pub estimate: Rc<Estimate>,
}

/// The plan's orders by purchase month: what each buys, at which price, the
/// months its calls are used in, how long it stays valid and what it leaves
/// unused; what buying ahead of the promotion's end saves; and the packs
/// already held, which go first.
#[component]
pub fn PurchaseSchedule(props: &PurchaseScheduleProps) -> Html {
    let names = use_month_names();
    let labels = &props.estimate.labels;
    let shown = |label: &&LabelEstimate| !label.best.orders.is_empty() || !label.held.is_empty();
    if !labels.iter().any(|label| shown(&label)) {
        return Html::default();
    }
    html! {
        <div class="schedule" data-testid="schedule">
            <h3>{ text(names.lang).schedule }</h3>
            for label in labels.iter().filter(shown) {
                { order_table(label, labels.len() > 1, names) }
            }
        </div>
    }
}

/// One label's packs held and orders; captioned with the label's name when there are several.
fn order_table(estimate: &LabelEstimate, captioned: bool, names: MonthNames) -> Html {
    let lang = names.lang;
    let t = text(lang);
    let orders = estimate.best.orders.iter().zip(&estimate.best_bill.orders);
    // Each cell carries its column's name: below 600 px a row becomes a block
    // of named lines (static/style.css, `.compact`).
    let rows = html! {
        <>
            <thead>
                <tr>
                    <th scope="col" class="number">{ t.schedule_month }</th>
                    <th scope="col">{ t.schedule_packs }</th>
                    <th scope="col">{ t.price_column }</th>
                    <th scope="col" class="number">{ t.schedule_cost }</th>
                    <th scope="col">{ t.schedule_used }</th>
                    <th scope="col" class="number">{ t.schedule_valid }</th>
                    <th scope="col" class="number">{ t.schedule_unused }</th>
                </tr>
            </thead>
            <tbody>
                for (order, used) in orders {
                    <tr key={order.month} data-testid="order" data-month={(order.month + 1).to_string()}>
                        <th scope="row" class="number" data-column={t.schedule_month}>{ names.cell(order.month) }</th>
                        // A size of packs per line, never broken inside: the
                        // column stays narrow and each line reads whole.
                        <td class="packs" data-column={t.schedule_packs}>
                            for item in purchase_items(&order.purchases, lang) {
                                <span>{ item }</span>
                            }
                        </td>
                        <td data-column={t.price_column}>{ column_name(used.column, lang) }</td>
                        <td class="number" data-column={t.schedule_cost}>{ amount(used.cost, "order-cost", "", lang) }</td>
                        <td data-testid="order-used" data-column={t.schedule_used}>{ used.drawn.map(|(first, last)| names.span(first, last)).unwrap_or_else(|| "—".into()) }</td>
                        <td class="number" data-column={t.schedule_valid}>{ names.cell(order.last_valid_month()) }</td>
                        <td class="number" data-column={t.schedule_unused}>{ format::grouped_calls(used.unused) }</td>
                    </tr>
                }
            </tbody>
        </>
    };
    let after = html! {
        <>
            for held in &estimate.held {
                <p class="held" data-testid="held-line">{ fill(t.held_line, &[
                    ("label", label_name(held.label, lang)),
                    ("calls", &format::grouped_calls(held.calls.into())),
                    ("month", &names.name((held.months as usize).saturating_sub(1))),
                ]) }</p>
            }
            for ahead in estimate.bought_ahead() {
                if let Some(order) = estimate.best.orders.get(ahead.order) {
                    <p class="ahead" data-testid="bought-ahead">
                        { amount(ahead.saving, "ahead-saving", "hook-only", lang) }
                        { ahead_sentence(order, &ahead, names) }
                    </p>
                }
            }
        </>
    };
    if estimate.best.orders.is_empty() {
        return after;
    }
    label_table(estimate.label, captioned, lang, rows, after)
}
