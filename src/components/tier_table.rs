use calculator::format;
use pricing::LabelPrices;
use yew::prelude::*;

use super::column_heading::column_heading;

use crate::hooks::use_lang;

use crate::i18n::{text, tier_range};

/// Properties of a [`TierTable`].
#[derive(Properties, PartialEq)]
pub struct TierTableProps {
    /// The chosen label's prices.
    pub prices: &'static LabelPrices,
    /// The tier the first month falls in, highlighted.
    pub current: Option<usize>,
    /// Receives a tier bound the user picks as the volume.
    pub on_pick_volume: Callback<u64>,
}

/// The announcement's postpaid table for one label, the applicable tier marked.
#[component]
pub fn TierTable(props: &TierTableProps) -> Html {
    let lang = use_lang();
    let t = text(lang);
    html! {
        <div class="table-scroll" tabindex="0">
        <table class="prices" data-testid="tier-table">
            <caption>{ t.tiers_title }</caption>
            <thead>
                <tr>
                    <th scope="col">{ t.monthly_calls }</th>
                    { column_heading(t.list, t.yuan_per_call) }
                    { column_heading(t.promo, t.yuan_per_call) }
                </tr>
            </thead>
            <tbody>
                for (index, tier) in props.prices.tiers.iter().enumerate() {
                    <tr key={index} class={classes!((props.current == Some(index)).then_some("applies"))}
                        aria-current={(props.current == Some(index)).then_some("true")}
                        data-testid={(props.current == Some(index)).then_some("current-tier")}>
                        <th scope="row">
                            <button type="button" class="link"
                                onclick={
                                    let (pick, bound) = (props.on_pick_volume.clone(), tier.up_to.unwrap_or(tier.above + 1));
                                    move |_: MouseEvent| pick.emit(bound)
                                }>
                                { tier_range(tier, lang) }
                            </button>
                        </th>
                        <td class="number">{ format::grouped_exact(tier.unit.list) }</td>
                        <td class="number">{ format::grouped_exact(tier.unit.promo) }</td>
                    </tr>
                }
            </tbody>
        </table>
        </div>
    }
}
