use calculator::encode;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::start::Start;
use crate::state::AppState;

/// How long the state must rest before the URL follows it.
const URL_DELAY_MS: u32 = 150;

/// The page state, from the start (the URL read once) and written back (replacing the
/// history entry, not adding one) once it has rested for [`URL_DELAY_MS`]
/// with every field readable.
///
/// The wait keeps `history.replaceState`, which costs milliseconds and which
/// Chromium throttles when called too often, out of each slider step.
#[hook]
pub fn use_page_state(start: &Start) -> UseReducerHandle<AppState> {
    let state = use_reducer(|| AppState::new(start.page.clone(), start.notices.clone()));
    // While a field cannot be read, the URL waits: a field becoming
    // unreadable also cancels the write of the value typed on the way.
    let deps = (state.page.clone(), state.unread.is_empty());
    use_effect_with(deps, |(page, readable)| {
        let query = encode(page);
        let write = readable.then(|| Timeout::new(URL_DELAY_MS, move || replace_query(&query)));
        // A newer state cancels the write still waiting for this one.
        move || drop(write)
    });
    state
}

fn replace_query(query: &str) {
    let Some(window) = crate::web::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let Ok(history) = window.history() else {
        return;
    };
    // The page keeps working if the browser refuses; only the URL goes stale.
    let _ = history.replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some(&format!("{path}?{query}")),
    );
}
