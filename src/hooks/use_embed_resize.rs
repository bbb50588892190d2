use js_sys::{Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{ResizeObserver, Window};
use yew::prelude::*;

/// The message type the embedding page listens for (docs/contracts.md, "Embedding").
pub const RESIZE_MESSAGE: &str = "faceid-calculator:resize";

/// In an iframe, tells the parent page the document's height whenever it
/// changes, so that the frame can fit its content. Nothing is ever read
/// from the parent.
#[hook]
pub fn use_embed_resize(embed: bool) {
    use_effect_with(embed, |&embed| {
        let observer = embed.then(observe_height).flatten();
        move || {
            if let Some((observer, _callback)) = observer {
                observer.disconnect();
            }
        }
    });
}

type Observer = (ResizeObserver, Closure<dyn FnMut()>);

fn observe_height() -> Option<Observer> {
    let window = crate::web::window()?;
    let parent = window.parent().ok().flatten()?;
    if Object::is(&parent, &window) {
        return None;
    }
    let root = window.document()?.document_element()?;
    let callback = Closure::<dyn FnMut()>::new(move || post_height(&parent));
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    Some((observer, callback))
}

fn post_height(parent: &Window) {
    let Some(root) = crate::web::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let message = Object::new();
    // Setting plain data properties on a fresh object cannot fail.
    let _ = Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE.into());
    // The root's box is as tall as the content whatever the frame's height;
    // scrollHeight is never less than the frame, so a frame could not shrink.
    let height = root.get_bounding_client_rect().height().ceil();
    let _ = Reflect::set(&message, &"height".into(), &JsValue::from(height));
    // Only a height is sent, so any embedding origin may receive it.
    let _ = parent.post_message(&message, "*");
}
