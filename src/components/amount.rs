use calculator::format;
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::hooks::use_lang;
use crate::i18n::yuan;

/// Properties of an [`Amount`].
#[derive(Properties, PartialEq)]
pub struct AmountProps {
    /// The amount in 元, unrounded; it is rounded to 分 once, here.
    pub value: Decimal,
    /// The test hook, if this amount is one.
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    /// Extra classes.
    #[prop_or_default]
    pub class: Classes,
}

/// An amount of money: the plain figure for machines in `value`
/// (`241600.00`), the same figure formatted for people as the text
/// (`¥241,600.00`, `241,600.00 元`), so nothing is shown twice.
#[component]
pub fn Amount(props: &AmountProps) -> Html {
    let lang = use_lang();
    html! {
        <data class={props.class.clone()} value={format::plain(props.value)} data-testid={props.testid.clone()}>
            { yuan(props.value, lang) }
        </data>
    }
}
