//! Long computations spread over short tasks, so that the page answers
//! input in between and no task is long.

/// How long one slice may take, in milliseconds: well under the 50 ms that
/// make a task long, even on a slow phone (one step may take longer).
const SLICE_MS: f64 = 8.0;

/// A computation in steps: `step` until it yields, then `done` with what it
/// yielded; abandoned at the next slice once `live` says the inputs moved on.
pub struct Slices<T> {
    /// One step of the computation; `Some` once it is finished.
    pub step: Box<dyn FnMut() -> Option<T>>,
    /// Whether the computation is still wanted.
    pub live: Box<dyn Fn() -> bool>,
    /// What to do with the result.
    pub done: Box<dyn FnOnce(T)>,
}

impl<T: 'static> Slices<T> {
    /// Runs the computation in slices of about [`SLICE_MS`], starting after `delay_ms`.
    pub fn start(self, delay_ms: u32) {
        // Each slice runs once and ends the chain or schedules the next: nothing to cancel.
        crate::web::later(delay_ms, move || self.slice());
    }

    fn slice(mut self) {
        if !(self.live)() {
            return;
        }
        let started = js_sys::Date::now();
        loop {
            if let Some(result) = (self.step)() {
                return self.finish(result);
            }
            if js_sys::Date::now() - started >= SLICE_MS {
                return self.start(0);
            }
        }
    }

    /// Hands the result over in a task of its own: `done` usually renders,
    /// and a render after a full slice would make one long task.
    fn finish(self, result: T) {
        crate::web::later(0, move || {
            if (self.live)() {
                (self.done)(result);
            }
        });
    }
}
