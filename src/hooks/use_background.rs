use std::cell::Cell;
use std::rc::Rc;

use pricing::Work;
use yew::prelude::*;

use crate::slices::Slices;

/// The last finished run: the inputs it was for, and what it yielded.
pub type Finished<D, T> = Option<Rc<(D, T)>>;

/// Runs `make(deps)`'s work in short tasks ([`Slices`]) starting `delay_ms`
/// after `deps` change; no work when `make` gives none. A change of `deps`
/// (or the component going) cancels the run under way through the effect's
/// clean-up. Gives the last run that finished, with its inputs, so that the
/// caller can tell a current answer from one it keeps showing meanwhile.
#[hook]
pub fn use_background<D, W, M>(deps: D, delay_ms: u32, make: M) -> Finished<D, W::Output>
where
    D: PartialEq + Clone + 'static,
    W: Work + 'static,
    W::Output: 'static,
    M: FnOnce(&D) -> Option<W> + 'static,
{
    let finished = use_state(|| None::<Rc<(D, W::Output)>>);
    {
        let finished = finished.clone();
        use_effect_with(deps, move |deps| {
            let cancelled = Rc::new(Cell::new(false));
            if let Some(mut work) = make(deps) {
                let (deps, live) = (deps.clone(), cancelled.clone());
                Slices {
                    step: Box::new(move || work.step()),
                    live: Box::new(move || !live.get()),
                    done: Box::new(move |output| finished.set(Some(Rc::new((deps, output))))),
                }
                .start(delay_ms);
            }
            move || cancelled.set(true)
        });
    }
    (*finished).clone()
}
