use pricing::url_state;
use yew::prelude::*;

use crate::state::AppState;

/// The page state, read from the URL once and written back (replacing the
/// history entry, not adding one) whenever it changes.
#[hook]
pub fn use_page_state() -> UseReducerHandle<AppState> {
    let state = use_reducer(|| {
        let (page, notices) = url_state::decode(&current_query());
        AppState { page, notices }
    });
    let page = state.page.clone();
    use_effect_with(page, |page| replace_query(&url_state::encode(page)));
    state
}

fn current_query() -> String {
    web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
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
