use yew::prelude::*;

use crate::hooks::use_lang;
use crate::i18n::MonthNames;

/// How this page names months: from the [`ContextProvider`] around the
/// calculator (the page's language and `start`); outside one, numbered
/// months in the page's language.
#[hook]
pub fn use_month_names() -> MonthNames {
    let lang = use_lang();
    use_context::<MonthNames>().unwrap_or(MonthNames { lang, start: None })
}
