use yew::prelude::*;

/// Whether the volume slider is being dragged (pressed and not yet let
/// go), with the one callback, made once, that the slider reports its drags to.
#[hook]
pub fn use_slider_drag() -> (bool, Callback<bool>) {
    let active = use_state_eq(|| false);
    let report = {
        let active = active.clone();
        use_memo((), move |()| Callback::from(move |on: bool| active.set(on)))
    };
    (*active, (*report).clone())
}
