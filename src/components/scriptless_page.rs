use calculator::{Lang, PageState};
use pricing::Optimizer;
use yew::prelude::*;

use super::label_comparison::LabelComparison;
use crate::book::Book;
use crate::i18n::text;

/// Why the calculator is missing, in both languages (the page cannot switch without scripts).
const NEEDS_JS: &str = "计算器本身需要 JavaScript 与 WebAssembly；下面是公告中的两张价格表。\
     · The calculator itself needs JavaScript and WebAssembly; below are the announcement's two price tables.";

/// The page a browser without scripts shows, inside `<noscript>`: the title,
/// why the calculator is missing, and the announcement's two tables with all
/// four labels. Rendered at build time only (`src/prerender.rs`).
#[component]
pub fn ScriptlessPage() -> Html {
    let t = text(Lang::default());
    html! {
        <noscript>
            <div class="page scriptless">
                <header class="masthead">
                    <div>
                        <h1>{ t.title }</h1>
                        <p class="subtitle">{ t.subtitle }</p>
                    </div>
                </header>
                <p class="needs-js">{ NEEDS_JS }</p>
                <section class="tables">
                    if let Ok(optimizer) = Optimizer::embedded() {
                        <LabelComparison book={Book(optimizer.book())} label={PageState::default().scenario.label} />
                    }
                </section>
                <footer class="source"><p>{ t.source }</p></footer>
            </div>
        </noscript>
    }
}
