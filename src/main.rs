//! FaceID price calculator: the Yew shell around the `pricing` engine.

mod app;
mod book;
mod chart_scale;
mod components;
mod hooks;
mod i18n;
mod pre_rendered;
#[cfg(not(target_arch = "wasm32"))]
mod prerender;
mod slices;
mod start;
mod state;
mod web;

// talc rather than the default dlmalloc (1.7 KB gzip more) or lol_alloc
// (0.65 KB less, but its free list, walked on every free, took a third of
// each slider step).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// In the browser: the calculator, taking over the pre-rendered page once the
/// tables its scenario needs are built, a few per task (the pre-rendered page
/// stays readable meanwhile, and tasks stay short).
#[cfg(target_arch = "wasm32")]
fn main() {
    // Release builds abort on a panic without a message (scripts/dist.py).
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // Not in the task that instantiates the wasm, which is long enough already.
    web::later(0, start);
}

/// Reads the price book and the URL's scenario, then prepares, estimates and mounts.
#[cfg(target_arch = "wasm32")]
fn start() {
    let query = web::query();
    let mut start = start::Start::from_query(&query);
    let Ok(optimizer) = pricing::Optimizer::embedded() else {
        // The app shows what is wrong with the price book.
        return mount(&query, start);
    };
    let mut preparation = optimizer.prepare(&start.page.scenario);
    slices::Slices {
        step: Box::new(move || pricing::Work::step(&mut preparation)),
        live: Box::new(|| true),
        // Then the first estimate, then the mount, each in a task of its own.
        done: Box::new(move |()| {
            web::later(0, move || {
                let first = hooks::quick_estimate(optimizer, &start.page.scenario);
                start.first = Some(std::rc::Rc::new(first));
                web::later(0, move || mount(&query, start));
            });
        }),
    }
    .start(0);
}

/// Renders the calculator into `#app`, replacing the pre-rendered page in one
/// task; when the URL asks for nothing else, that page's deferred sections stay
/// until the live ones are rendered (`Later`), so nothing moves.
#[cfg(target_arch = "wasm32")]
fn mount(query: &str, start: start::Start) {
    let host = web::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    let Some(host) = host else {
        yew::Renderer::<app::App>::with_props(start).render();
        return;
    };
    // What static/boot.js's veil and the stand-ins apply to (scripts/dist.py, "pre-rendered page").
    let _ = host.remove_attribute("data-pre-rendered");
    if query.len() <= 1 {
        pre_rendered::keep_sections(&host);
    }
    yew::Renderer::<app::App>::with_root_and_props(host, start).render();
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
