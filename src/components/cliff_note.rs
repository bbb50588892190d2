use calculator::Lang;
use pricing::cliff::near_cliff;
use pricing::{LabelPrices, Scenario};
use yew::prelude::*;

use crate::i18n::cliff_sentence;

/// One sentence when the scenario's volume sits just below or above a tier
/// cliff of its label's `prices`. A
/// function, not a component: it keeps no state, and a component's machinery
/// costs the wasm about a kilobyte.
pub fn cliff_note(prices: &LabelPrices, scenario: &Scenario, lang: Lang) -> Html {
    match near_cliff(prices, scenario.column, scenario.volume) {
        Some(side) => html! {
            <p class="cliff-note" data-testid="cliff-note" role="status">{ cliff_sentence(side, lang) }</p>
        },
        None => Html::default(),
    }
}
