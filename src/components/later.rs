use yew::prelude::*;

use crate::hooks::use_later;

/// Properties of [`Later`].
#[derive(Properties, PartialEq)]
pub struct LaterProps {
    /// What to render a task later.
    pub children: Html,
}

/// Its children, rendered (or hydrated) a task after the rest of the page in
/// the browser; until then the pre-rendered markup, or nothing, stands in.
#[component]
pub fn Later(props: &LaterProps) -> Html {
    html! {
        <Suspense fallback={Html::default()}>
            <Waiting>{ props.children.clone() }</Waiting>
        </Suspense>
    }
}

/// The suspending part: a component may suspend only below a `Suspense`.
#[component]
fn Waiting(props: &LaterProps) -> HtmlResult {
    use_later()?;
    Ok(props.children.clone())
}
