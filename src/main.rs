//! FaceID price calculator: the Yew shell around the `pricing` engine.

mod app;
mod book;
mod chart_scale;
mod components;
mod hooks;
mod i18n;
#[cfg(not(target_arch = "wasm32"))]
mod prerender;
mod state;
mod web;

// SAFETY: the page's wasm runs on one thread (no atomics, no workers share
// its memory), which is what `AssumeSingleThreaded` asks of its caller.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

/// In the browser: the calculator, taking over the pre-rendered first screen.
#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    let Some(document) = web::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(root) = web::document_root() {
        // Only the pre-rendered page is veiled for a linked scenario (static/linked.js).
        let _ = root.remove_attribute("data-linked");
    }
    let Some(host) = document.get_element_by_id("app") else {
        yew::Renderer::<app::App>::new().render();
        return;
    };
    // Release builds pre-render the default scenario into the root: adopted as it
    // stands when the URL asks for nothing else (so its first paint stays the
    // largest), replaced otherwise.
    let adopt = host.child_element_count() > 0 && !has_query();
    let renderer = yew::Renderer::<app::App>::with_root(host);
    if adopt {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}

/// Whether the URL carries a query: a scenario of its own, not the default.
#[cfg(target_arch = "wasm32")]
fn has_query() -> bool {
    web::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|search| search.len() > 1)
}

/// Natively, at build time: a pre-rendered part of the page on standard output
/// (`app` or `scriptless`, see [`prerender::Part`]).
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let name = std::env::args().nth(1).unwrap_or_default();
    match prerender::Part::named(&name) {
        Some(part) => {
            print!("{}", part.render());
            std::process::ExitCode::SUCCESS
        }
        None => {
            eprintln!(
                "usage: faceid-calculator app|scriptless (the pre-rendered parts of index.html)"
            );
            std::process::ExitCode::FAILURE
        }
    }
}
