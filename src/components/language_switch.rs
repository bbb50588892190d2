use calculator::Lang;
use yew::prelude::*;

use crate::hooks::use_lang;

use crate::i18n::text;

/// Properties of a [`LanguageSwitch`].
#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    /// Receives the other language.
    pub on_change: Callback<Lang>,
}

/// Switches between Chinese and English, each named in itself.
#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let lang = use_lang();
    // The next language in turn: with two, the other one.
    let at = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
    let other = Lang::ALL[(at + 1) % Lang::ALL.len()];
    let onclick = {
        let on_change = props.on_change.clone();
        move |_: MouseEvent| on_change.emit(other)
    };
    let name = text(other).own_name;
    html! {
        <button type="button" class="language-switch" data-testid="language-switch" lang={text(other).html_lang}
            aria-label={format!("{}: {name}", text(lang).language)} {onclick}>
            { name }
        </button>
    }
}
