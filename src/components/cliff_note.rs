use pricing::cliff::near_cliff;
use pricing::{LabelPrices, PriceColumn};
use yew::prelude::*;

use crate::hooks::use_lang;

use crate::i18n::cliff_sentence;

/// Properties of a [`CliffNote`].
#[derive(Properties, PartialEq)]
pub struct CliffNoteProps {
    /// The chosen label's prices.
    pub prices: &'static LabelPrices,
    /// The column that prices the scenario.
    pub column: PriceColumn,
    /// Calls per month.
    pub volume: u64,
}

/// One sentence when the volume sits just below or above a tier cliff.
#[component]
pub fn CliffNote(props: &CliffNoteProps) -> Html {
    let lang = use_lang();
    match near_cliff(props.prices, props.column, props.volume) {
        Some(side) => html! {
            <p class="cliff-note" data-testid="cliff-note" role="status">{ cliff_sentence(side, lang) }</p>
        },
        None => Html::default(),
    }
}
