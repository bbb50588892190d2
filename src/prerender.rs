//! The page's first screen as HTML, rendered natively when the release bundle
//! is built (`scripts/dist.py` renders it first and puts it into `index.html`), so that a
//! visitor reads the default scenario before the wasm has arrived.

use yew::prelude::*;
use yew::ServerRenderer;

use crate::app::App;
use crate::components::scriptless_page::ScriptlessPage;
use crate::start::Start;

/// What `index.html` receives: `<div id="app">`'s content, or the `<noscript>` element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The calculator in its default state, which the wasm replaces.
    App,
    /// The announcement's tables for a browser without scripts.
    Scriptless,
}

impl Part {
    /// The part a command-line argument names.
    pub fn named(name: &str) -> Option<Part> {
        match name {
            "app" => Some(Part::App),
            "scriptless" => Some(Part::Scriptless),
            _ => None,
        }
    }

    /// The part's HTML.
    pub fn render(self) -> String {
        match self {
            // The default page: the URL the pre-rendered HTML stands for is empty.
            Part::App => block_on(
                ServerRenderer::<App>::with_props(|| Start::from_query("")).hydratable(false),
            ),
            Part::Scriptless => block_on(ServerRenderer::<ScriptlessPage>::new().hydratable(false)),
        }
    }
}

fn block_on<C: BaseComponent>(renderer: ServerRenderer<C>) -> String {
    futures::executor::block_on(renderer.render())
}
