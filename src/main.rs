//! FaceID price calculator: the Yew shell around the `pricing` engine.

mod app;
mod book;
mod chart_scale;
mod components;
mod hooks;
mod i18n;
mod state;
mod web;

fn main() {
    console_error_panic_hook::set_once();
    yew::Renderer::<app::App>::new().render();
}
