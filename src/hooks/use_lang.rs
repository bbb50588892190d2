use calculator::Lang;
use yew::prelude::*;

/// The page's language, from the [`ContextProvider`] around the calculator.
/// Outside one (a component rendered on its own) it is the default, Chinese.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}
