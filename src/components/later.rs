use yew::prelude::*;

use crate::hooks::use_later;
use crate::pre_rendered;

/// Properties of [`Later`].
#[derive(Properties, PartialEq)]
pub struct LaterProps {
    /// The section's name in the page's markup (`data-later`), unique on the page.
    pub name: &'static str,
    /// What to render a few tasks later.
    pub children: Html,
    /// Rendered before the other waiting sections: what a link's reader waits for.
    #[prop_or_default]
    pub first: bool,
}

/// Its children, rendered a few tasks after the rest of the page in the
/// browser. Until then the same section of the pre-rendered page stands in
/// when the live page took that page over (so nothing below it moves), or nothing.
#[component]
pub fn Later(props: &LaterProps) -> Html {
    let turn = use_later(props.first);
    let stand_in = use_state(|| pre_rendered::take_section(props.name));
    match (turn, &*stand_in) {
        (false, Some(section)) => Html::VRef(section.clone().into()),
        (false, None) => Html::default(),
        (true, _) => html! {
            <div class="later" data-later={props.name}>{ props.children.clone() }</div>
        },
    }
}
