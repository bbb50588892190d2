use pricing::Lang;
use yew::prelude::*;

use crate::i18n::text;

/// Properties of a [`LanguageSwitch`].
#[derive(Properties, PartialEq)]
pub struct LanguageSwitchProps {
    /// The page's language.
    pub lang: Lang,
    /// Receives the other language.
    pub on_change: Callback<Lang>,
}

/// Switches between Chinese and English, each named in itself.
#[component]
pub fn LanguageSwitch(props: &LanguageSwitchProps) -> Html {
    let other = match props.lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let onclick = {
        let on_change = props.on_change.clone();
        move |_: MouseEvent| on_change.emit(other)
    };
    let name = match other {
        Lang::Zh => "中文",
        Lang::En => "English",
    };
    html! {
        <button type="button" class="language-switch" data-testid="language-switch" lang={other.id()}
            aria-label={format!("{}: {name}", text(props.lang).language)} {onclick}>
            { name }
        </button>
    }
}
