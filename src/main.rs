//! FaceID price calculator: the Yew shell around the `pricing` engine.

mod app;
mod book;
mod chart_scale;
mod components;
mod hooks;
mod i18n;
mod state;
mod web;

// SAFETY: the page's wasm runs on one thread (no atomics, no workers share
// its memory), which is what `AssumeSingleThreaded` asks of its caller.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };

fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<app::App>::new().render();
}
