use yew::prelude::*;

/// Keeps the element behind `node` from getting shorter while `holding`:
/// after each render its minimum height rises to the height it has, and the
/// minimum goes once it is not holding. During a slider drag the cards below
/// then move only when the element needs more room than before, not each time
/// a plan with fewer lines passes by.
#[hook]
pub fn use_held_height(node: NodeRef, holding: bool) {
    use_effect(move || {
        if let Some(element) = node.cast::<web_sys::HtmlElement>() {
            let style = element.style();
            // Only the layout would suffer if the style could not be set.
            let _ = if holding {
                // Whole pixels: formatting a float would pull its code into the wasm.
                let height = element.offset_height();
                style.set_property("min-height", &format!("{height}px"))
            } else {
                style.remove_property("min-height").map(drop)
            };
        }
    });
}
