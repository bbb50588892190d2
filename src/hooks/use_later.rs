use std::cell::Cell;

use yew::prelude::*;

/// How far apart, in milliseconds, waiting components get their turn. Each
/// timer fires in a task of its own, so a few milliseconds keep them apart
/// and in order; input events are handled in between.
const STAGGER_MS: u32 = 4;

thread_local! {
    /// Components waiting now, so that each gets its turn after those before it.
    static WAITING: Cell<u32> = const { Cell::new(0) };
}

/// Whether the calling component's turn to render has come: not on its first
/// render in the browser, but a few tasks later, so that a large page renders
/// in several short tasks instead of one long one; `first` comes before every
/// other waiting component. Rendered natively at build time, its turn has
/// always come: the pre-rendered page holds everything.
#[hook]
pub fn use_later(first: bool) -> bool {
    let turn = use_state(|| !cfg!(target_arch = "wasm32"));
    {
        let turn = turn.clone();
        use_effect_with((), move |()| {
            if !*turn {
                let place = WAITING.with(|waiting| waiting.replace(waiting.get() + 1));
                // Browsers hold timers nested this deep to 4 ms or more: the
                // others wait a step longer than `first` ever does.
                let delay = if first { 0 } else { STAGGER_MS * (place + 2) };
                // Runs once; setting the state of an unmounted component does nothing.
                crate::web::later(delay, move || {
                    WAITING.with(|waiting| waiting.set(waiting.get().saturating_sub(1)));
                    turn.set(true);
                });
            }
        });
    }
    *turn
}
