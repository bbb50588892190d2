use calculator::{format, Lang};
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::i18n::yuan;

/// An amount of money: the plain figure for machines in `value`
/// (`241600.00`), the same figure formatted for people as the text
/// (`¥241,600.00`, `241,600.00 元`), so nothing is shown twice; `value` is
/// unrounded and rounded to 分 once, here. `testid` is its test hook. A
/// function, not a component: it keeps no state, and a component's machinery
/// costs the wasm about a kilobyte.
pub fn amount(value: Decimal, testid: &'static str, class: &'static str, lang: Lang) -> Html {
    html! {
        <data class={(!class.is_empty()).then_some(class)} value={format::plain(value)} data-testid={testid}>
            { yuan(value, lang) }
        </data>
    }
}
