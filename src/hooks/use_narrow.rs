use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Windows that count as a phone: 600 CSS pixels wide or less.
const NARROW_QUERY: &str = "(max-width: 600px)";

/// Whether the window is phone-narrow, updated as it is resized (a phone
/// turned sideways), for drawings that must pick their own proportions.
#[hook]
pub fn use_narrow() -> bool {
    let narrow = use_state(is_narrow);
    {
        let narrow = narrow.clone();
        use_effect_with((), move |()| {
            let window = crate::web::window();
            let listener = Closure::<dyn Fn()>::new(move || narrow.set(is_narrow()));
            if let Some(window) = &window {
                // Without the listener the chart keeps its first layout: harmless.
                let _ = window
                    .add_event_listener_with_callback("resize", listener.as_ref().unchecked_ref());
            }
            move || {
                if let Some(window) = &window {
                    let _ = window.remove_event_listener_with_callback(
                        "resize",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    *narrow
}

/// Asks a media query rather than `innerWidth`, which makes the browser lay
/// the page out first: a few milliseconds in the middle of the first render.
fn is_narrow() -> bool {
    crate::web::window()
        .and_then(|window| window.match_media(NARROW_QUERY).ok().flatten())
        .is_some_and(|query| query.matches())
}
