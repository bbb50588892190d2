use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ResizeObserver};
use yew::prelude::*;

/// Keeps the element behind `node` from getting shorter while `holding`:
/// whenever it grows its minimum height rises to its height, and the minimum
/// goes once it is not holding. During a slider drag the cards below then move
/// only when the element needs more room than before, not each time a plan
/// with fewer lines passes by. A resize observer reads the height after the
/// browser's own layout, so a render never waits for a layout of its own.
#[hook]
pub fn use_held_height(node: NodeRef, holding: bool) {
    use_effect_with(holding, move |&holding| {
        let held = holding.then(|| hold(&node)).flatten();
        move || {
            if let Some(held) = held {
                held.observer.disconnect();
                // Only the layout would suffer if the style could not be set.
                let _ = held.element.style().remove_property("min-height");
            }
        }
    });
}

/// An element held at its height, and the observer (with its callback) that holds it.
struct Held {
    element: HtmlElement,
    observer: ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

fn hold(node: &NodeRef) -> Option<Held> {
    let element = node.cast::<HtmlElement>()?;
    let target = element.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        // Whole pixels: formatting a float would pull its code into the wasm.
        let height = target.offset_height();
        let _ = target
            .style()
            .set_property("min-height", &format!("{height}px"));
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&element);
    Some(Held {
        element,
        observer,
        _callback: callback,
    })
}
