use calculator::format;
use pricing::{LabelPrices, PriceColumn};
use yew::prelude::*;

use super::column_heading::column_heading;

use crate::hooks::use_lang;

use crate::i18n::text;

/// Properties of a [`PackTable`].
#[derive(Properties, PartialEq)]
pub struct PackTableProps {
    /// The chosen label's prices.
    pub prices: &'static LabelPrices,
    /// The column that prices the scenario.
    pub column: PriceColumn,
    /// Pack sizes the cheapest plan buys, marked.
    pub bought: Vec<u64>,
    /// Receives a pack size the user picks as the volume.
    pub on_pick_volume: Callback<u64>,
}

/// The announcement's pack table for one label, with the price per call.
#[component]
pub fn PackTable(props: &PackTableProps) -> Html {
    let lang = use_lang();
    let t = text(lang);
    html! {
        <div class="table-scroll" tabindex="0">
        <table class="prices" data-testid="pack-table">
            <caption>{ t.packs_title }</caption>
            <thead>
                <tr>
                    <th scope="col">{ t.pack_size }</th>
                    { column_heading(t.list, t.yuan) }
                    { column_heading(t.promo, t.yuan) }
                    { column_heading(t.per_call, t.yuan_per_call) }
                    { column_heading(t.pack_saving, t.yuan) }
                </tr>
            </thead>
            <tbody>
                for pack in &props.prices.packs {
                    <tr key={pack.calls} class={classes!(props.bought.contains(&pack.calls).then_some("bought"))}
                        data-testid={props.bought.contains(&pack.calls).then_some("bought-pack")}>
                        <th scope="row">
                            <button type="button" class="link"
                                onclick={
                                    let (pick, calls) = (props.on_pick_volume.clone(), pack.calls);
                                    move |_: MouseEvent| pick.emit(calls)
                                }>
                                { format!("{} {}", format::grouped_calls(pack.calls.into()), t.calls) }
                            </button>
                            if props.bought.contains(&pack.calls) {
                                <span class="badge">{ t.bought_mark }</span>
                            }
                        </th>
                        <td class="number">{ format::grouped_exact(pack.price.list) }</td>
                        <td class="number">{ format::grouped_exact(pack.price.promo) }</td>
                        <td class="number">{ format::per_call(pack.per_call(props.column)) }</td>
                        <td class="number">{ format::grouped_exact(pack.price.list - pack.price.promo) }</td>
                    </tr>
                }
            </tbody>
        </table>
        </div>
    }
}
