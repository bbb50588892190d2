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

/// In the browser: the calculator, taking over from the pre-rendered first screen.
#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    let document = web::window().and_then(|w| w.document());
    if let Some(root) = document.as_ref().and_then(|d| d.document_element()) {
        // The pre-rendered page is replaced now: its "linked scenario" veil must not cover the live one.
        let _ = root.remove_attribute("data-linked");
    }
    match document.and_then(|d| d.get_element_by_id("app")) {
        Some(host) => yew::Renderer::<app::App>::with_root(host).render(),
        None => yew::Renderer::<app::App>::new().render(),
    };
}

/// Natively, at build time: the first screen's HTML on standard output.
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match prerender::first_screen() {
        Ok(html) => {
            print!("{html}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("pre-rendering: the embedded price book is broken: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
