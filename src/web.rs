//! The few browser services the page uses beyond rendering: the clipboard,
//! file downloads and local storage. Each failure is a value, never a panic.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Storage, Url};

/// Why a browser service did not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebError(pub String);

fn error(doing: &str, value: wasm_bindgen::JsValue) -> WebError {
    WebError(format!(
        "{doing}: {}",
        value
            .as_string()
            .or_else(|| value
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message())))
            .unwrap_or_else(|| "unknown error".to_owned())
    ))
}

fn missing(what: &str) -> WebError {
    WebError(format!("{what} is not available"))
}

/// Puts text on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), WebError> {
    let window = window().ok_or_else(|| missing("window"))?;
    let promise = window.navigator().clipboard().write_text(text);
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| error("copy", e))
}

/// Offers text as a file download.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), WebError> {
    let document = window()
        .and_then(|w| w.document())
        .ok_or_else(|| missing("document"))?;
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| error("blob", e))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|e| error("object URL", e))?;
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| error("link", e))?
        .dyn_into()
        .map_err(|_| missing("a link element"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The click has handed the blob to the download; the URL is no longer needed.
    let _ = Url::revoke_object_url(&url);
    Ok(())
}

/// The browser window, or `None` when the page is rendered natively at build time
/// (where calling into the browser would abort the build).
pub fn window() -> Option<web_sys::Window> {
    if cfg!(target_arch = "wasm32") {
        web_sys::window()
    } else {
        None
    }
}

/// Runs `task` once after `delay_ms`, in a task of its own. Unlike a
/// forgotten `gloo_timers` timeout, the closure is freed once it has run: the
/// page schedules one per slice of a search, and a long session would
/// otherwise keep every one of them.
pub fn later(delay_ms: u32, task: impl FnOnce() + 'static) {
    let Some(window) = window() else {
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(task);
    let delay = i32::try_from(delay_ms).unwrap_or(i32::MAX);
    // Only fails without a window's timers, where nothing could run it anyway.
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), delay);
}

/// Records a moment in the page's performance timeline (a User Timing mark),
/// where Lighthouse and the browser bench read it.
pub fn mark(name: &str) {
    if let Some(performance) = window().and_then(|w| w.performance()) {
        // A page that cannot record it works the same.
        let _ = performance.mark(name);
    }
}

/// This month by the browser's clock, if there is a browser.
pub fn this_month() -> Option<calculator::calendar::CalendarMonth> {
    window()?;
    let now = js_sys::Date::new_0();
    let (year, month) = (now.get_full_year(), now.get_month() + 1);
    calculator::calendar::CalendarMonth::new(year, month)
}

/// The page's query string, `?` included (empty if there is none).
pub fn query() -> String {
    window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default()
}

/// The document's `<html>` element, if there is a document.
pub fn document_root() -> Option<web_sys::Element> {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
}

fn local_storage() -> Result<Storage, WebError> {
    window()
        .ok_or_else(|| missing("window"))?
        .local_storage()
        .map_err(|e| error("local storage", e))?
        .ok_or_else(|| missing("local storage"))
}

/// The start of the text stored under a key, if any: at most `max_units`
/// UTF-16 code units of it, so that megabytes left there by another page of
/// the origin are never copied into the wasm.
pub fn load_start(key: &str, max_units: u32) -> Result<Option<String>, WebError> {
    let storage = local_storage()?;
    let get_item = js_sys::Reflect::get(&storage, &"getItem".into())
        .map_err(|e| error("read", e))?
        .dyn_into::<js_sys::Function>()
        .map_err(|e| error("read", e))?;
    let stored = get_item
        .call1(&storage, &key.into())
        .map_err(|e| error("read", e))?;
    let Some(text) = stored.dyn_ref::<js_sys::JsString>() else {
        return Ok(None);
    };
    Ok(Some(String::from(text.slice(0, max_units))))
}

/// Stores text under a key.
pub fn store(key: &str, value: &str) -> Result<(), WebError> {
    local_storage()?
        .set_item(key, value)
        .map_err(|e| error("write", e))
}

/// The page's address without its query, for building links to scenarios.
pub fn page_address() -> String {
    window()
        .and_then(|w| {
            let location = w.location();
            Some(format!(
                "{}{}",
                location.origin().ok()?,
                location.pathname().ok()?
            ))
        })
        .unwrap_or_default()
}
