use pricing::{Label, PriceColumn};
use yew::prelude::*;

use crate::hooks::use_lang;

use super::label_comparison::LabelComparison;
use super::pack_table::PackTable;
use super::tier_table::TierTable;
use crate::book::Book;
use crate::i18n::text;

/// Properties of [`PriceTables`].
#[derive(Properties, PartialEq)]
pub struct PriceTablesProps {
    /// The price book.
    pub book: Book,
    /// The label shown.
    pub label: Label,
    /// The column that prices the scenario.
    pub column: PriceColumn,
    /// Pack sizes the cheapest plan buys.
    pub bought: Vec<u64>,
    /// The tier the first month falls in.
    pub current_tier: Option<usize>,
    /// Receives a volume picked from a table.
    pub on_pick_volume: Callback<u64>,
}

/// The announcement's tables for the chosen label, or all four side by side.
#[component]
pub fn PriceTables(props: &PriceTablesProps) -> Html {
    let lang = use_lang();
    let book = props.book;
    let t = text(lang);
    let show_all = use_state(|| false);
    let toggle = {
        let show_all = show_all.clone();
        move |_: MouseEvent| show_all.set(!*show_all)
    };
    let prices = book.0.label(props.label);
    html! {
        <section class="tables">
            <div class="tables-head">
                <button type="button" class="toggle" data-testid="compare-labels"
                    aria-pressed={(*show_all).to_string()} onclick={toggle}>
                    { if *show_all { t.one_label } else { t.all_labels } }
                </button>
            </div>
            if *show_all {
                <LabelComparison {book} label={props.label} />
            } else {
                <div class="table-pair">
                    <PackTable {prices} column={props.column} bought={props.bought.clone()}
                        on_pick_volume={props.on_pick_volume.clone()} />
                    <TierTable {prices} current={props.current_tier}
                        on_pick_volume={props.on_pick_volume.clone()} />
                </div>
            }
        </section>
    }
}
