//! The page's first screen as HTML, rendered natively when the release bundle
//! is built (`scripts/prerender.py` puts it into `index.html`), so that a
//! visitor reads the default scenario before the wasm has arrived.

use calculator::PageState;
use pricing::{Optimizer, PriceBookError};
use yew::prelude::*;
use yew::ServerRenderer;

use crate::app::App;
use crate::book::Book;
use crate::components::label_comparison::LabelComparison;

/// Shown instead of the figures while a link's own scenario loads (`static/linked.js`).
const LINKED_WAIT: &str = "正在按链接中的场景计算… · Working out the linked scenario…";

/// Shown with scripts off, above the announcement's tables.
const NEEDS_JS: &str = "计算器本身需要 JavaScript 与 WebAssembly；下面是公告中的两张价格表。\
     · The calculator itself needs JavaScript and WebAssembly; below are the announcement's two price tables.";

/// What the wasm replaces: a notice for linked scenarios, then the calculator
/// in its default state.
#[component]
fn FirstScreen() -> Html {
    html! {
        <>
            <p class="linked-wait" role="status">{ LINKED_WAIT }</p>
            <App />
        </>
    }
}

/// Properties of [`ScriptlessTables`].
#[derive(Properties, PartialEq)]
struct ScriptlessTablesProps {
    book: Book,
}

/// The announcement's two tables with all four labels, for a page without scripts.
#[component]
fn ScriptlessTables(props: &ScriptlessTablesProps) -> Html {
    html! {
        <noscript>
            <section class="tables">
                <p class="needs-js">{ NEEDS_JS }</p>
                <LabelComparison book={props.book} label={PageState::default().scenario.label} />
            </section>
        </noscript>
    }
}

/// The first screen, with the scriptless tables at the end of its `<main>`.
pub fn first_screen() -> Result<String, PriceBookError> {
    let book = Book(Optimizer::embedded()?.book());
    let screen = render(ServerRenderer::<FirstScreen>::new());
    let tables = render(ServerRenderer::<ScriptlessTables>::with_props(move || {
        ScriptlessTablesProps { book }
    }));
    Ok(match screen.rfind("</main>") {
        Some(end) => format!("{}{tables}{}", &screen[..end], &screen[end..]),
        None => format!("{screen}{tables}"),
    })
}

fn render<C: BaseComponent>(renderer: ServerRenderer<C>) -> String {
    // Not hydratable: the wasm clears its root and renders afresh, which
    // costs no hydration code in the bundle and tolerates any URL.
    futures::executor::block_on(renderer.hydratable(false).render())
}
