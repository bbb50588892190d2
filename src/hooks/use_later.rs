use std::cell::Cell;

use gloo_timers::callback::Timeout;
use yew::prelude::*;
use yew::suspense::{Suspension, SuspensionResult};

/// How far apart, in milliseconds, waiting components resume: resumed at
/// once, they would all render in one task again.
const STAGGER_MS: u32 = 20;

thread_local! {
    /// Components waiting now, so that each resumes after those before it.
    static WAITING: Cell<u32> = const { Cell::new(0) };
}

/// Suspends the calling component on its first render in the browser, for a
/// few tasks, so that a large page renders (or hydrates) in several short
/// tasks instead of one long one. Rendered natively at build time, it never
/// suspends: the pre-rendered page holds everything.
#[hook]
pub fn use_later() -> SuspensionResult<()> {
    let waited = use_mut_ref(|| !cfg!(target_arch = "wasm32"));
    if *waited.borrow() {
        return Ok(());
    }
    let (suspension, handle) = Suspension::new();
    let place = WAITING.with(|waiting| waiting.replace(waiting.get() + 1));
    Timeout::new(STAGGER_MS * (place + 1), move || {
        WAITING.with(|waiting| waiting.set(waiting.get().saturating_sub(1)));
        *waited.borrow_mut() = true;
        handle.resume();
    })
    .forget();
    Err(suspension)
}
