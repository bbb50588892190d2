use std::cell::RefCell;
use std::rc::Rc;

use calculator::{CostCurve, CurveWork};
use gloo_timers::callback::Timeout;
use pricing::{OptimizerError, Scenario};
use yew::prelude::*;

use crate::book::Engine;

/// How long one slice of the curve's work may take, in milliseconds: well
/// under the 50 ms that make a task long, even on a slow phone.
const SLICE_MS: f64 = 8.0;

/// The cost curve for a scenario, whatever its volume. It is computed after
/// the other inputs change, a few volumes per task in tasks of about
/// [`SLICE_MS`], so typing and the slider are answered first and no task is
/// long; until it is done the previous curve is shown.
#[hook]
pub fn use_cost_curve(
    engine: Engine,
    scenario: &Scenario,
) -> Option<Rc<Result<CostCurve, OptimizerError>>> {
    let curve = use_state(|| None::<Rc<Result<CostCurve, OptimizerError>>>);
    // Bumped on every change: a chain of slices for older inputs stops.
    let generation = use_mut_ref(|| 0u64);
    let without_volume = Scenario {
        volume: 0,
        ..scenario.clone()
    };
    {
        let curve = curve.clone();
        use_effect_with(without_volume, move |scenario| {
            let work = Rc::new(RefCell::new(CurveWork::new(engine.0, scenario)));
            *generation.borrow_mut() += 1;
            let current = *generation.borrow();
            next_slice(engine, work, curve, generation.clone(), current);
        });
    }
    (*curve).clone()
}

/// Schedules one slice of the curve's work, and the next from it until done
/// or until the inputs change (`generation` moves past `mine`).
fn next_slice(
    engine: Engine,
    work: Rc<RefCell<CurveWork>>,
    curve: UseStateHandle<Option<Rc<Result<CostCurve, OptimizerError>>>>,
    generation: Rc<RefCell<u64>>,
    mine: u64,
) {
    let slice = Timeout::new(0, move || {
        if *generation.borrow() != mine {
            return;
        }
        let started = js_sys::Date::now();
        let done = loop {
            match work.borrow_mut().advance(engine.0, 1) {
                Ok(None) if js_sys::Date::now() - started < SLICE_MS => continue,
                Ok(None) => break None,
                Ok(Some(found)) => break Some(Ok(found)),
                Err(error) => break Some(Err(error)),
            }
        };
        match done {
            Some(result) => curve.set(Some(Rc::new(result))),
            None => next_slice(engine, work, curve, generation, mine),
        }
    });
    // It runs once and ends the chain or schedules the next: nothing to cancel.
    slice.forget();
}
