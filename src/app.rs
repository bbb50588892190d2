//! The root: the calculator, or a message if the embedded price book is broken.

use calculator::Lang;
use pricing::Optimizer;
use yew::prelude::*;

use crate::book::Engine;
use crate::components::later::Later;
use crate::components::page::Page;
use crate::i18n::text;
use crate::start::Start;

/// The whole calculator from its start, or a message if the embedded price
/// book is broken.
#[component]
pub fn App(start: &Start) -> Html {
    match Optimizer::embedded() {
        // Deferred too: the take-over's first task then only swaps the pre-rendered page in.
        Ok(optimizer) => html! {
            <Later name="page"><Page engine={Engine(optimizer)} start={start.clone()} /></Later>
        },
        Err(error) => html! {
            <main class="broken" role="alert">
                <h1>{ Lang::ALL.map(|lang| text(lang).book_error).join(" / ") }</h1>
                <p>{ error.to_string() }</p>
            </main>
        },
    }
}
