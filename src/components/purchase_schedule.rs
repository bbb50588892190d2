use std::rc::Rc;

use calculator::{format, Lang};
use pricing::{Estimate, LabelEstimate};
use yew::prelude::*;

use super::label_table::label_table;
use crate::hooks::use_lang;
use crate::i18n::{ahead_sentence, column_name, fill, purchase_items, text};

use super::amount::Amount;

/// Properties of a [`PurchaseSchedule`].
#[derive(Properties, PartialEq)]
pub struct PurchaseScheduleProps {
    /// The scenario's figures.
    pub estimate: Rc<Estimate>,
}

/// The plan's orders by purchase month: what each buys, at which price, the
/// months its calls are used in, how long it stays valid and what it leaves
/// unused; and what buying ahead of the promotion's end saves.
#[component]
pub fn PurchaseSchedule(props: &PurchaseScheduleProps) -> Html {
    let lang = use_lang();
    let labels = &props.estimate.labels;
    if labels.iter().all(|label| label.best.orders.is_empty()) {
        return Html::default();
    }
    html! {
        <div class="schedule" data-testid="schedule">
            <h3>{ text(lang).schedule }</h3>
            for label in labels.iter().filter(|label| !label.best.orders.is_empty()) {
                { order_table(label, labels.len() > 1, lang) }
            }
        </div>
    }
}

/// One label's orders; captioned with the label's name when there are several.
fn order_table(estimate: &LabelEstimate, captioned: bool, lang: Lang) -> Html {
    let t = text(lang);
    let orders = estimate.best.orders.iter().zip(&estimate.best_bill.orders);
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
                        <th scope="row" class="number">{ order.month + 1 }</th>
                        // A size of packs per line, never broken inside: the
                        // column stays narrow and each line reads whole.
                        <td class="packs">
                            for item in purchase_items(&order.purchases, lang) {
                                <span>{ item }</span>
                            }
                        </td>
                        <td>{ column_name(used.column, lang) }</td>
                        <td class="number"><Amount testid="order-cost" value={used.cost} /></td>
                        <td data-testid="order-used">{ used.drawn.map(|(first, last)| months_used(first, last, lang)).unwrap_or_else(|| "—".into()) }</td>
                        <td class="number">{ order.last_valid_month() + 1 }</td>
                        <td class="number">{ format::grouped_calls(used.unused) }</td>
                    </tr>
                }
            </tbody>
        </>
    };
    let after = html! {
        for ahead in estimate.bought_ahead() {
            if let Some(order) = estimate.best.orders.get(ahead.order) {
                <p class="ahead" data-testid="bought-ahead">
                    <Amount class="hook-only" testid="ahead-saving" value={ahead.saving} />
                    { ahead_sentence(order, &ahead, lang) }
                </p>
            }
        }
    };
    label_table(estimate.label, captioned, lang, rows, after)
}

/// The months an order's calls are used in, counted from 1.
fn months_used(first: usize, last: usize, lang: Lang) -> String {
    let (from, to) = ((first + 1).to_string(), (last + 1).to_string());
    if first == last {
        return fill(text(lang).one_month, &[("month", &from)]);
    }
    fill(text(lang).months_range, &[("from", &from), ("to", &to)])
}
