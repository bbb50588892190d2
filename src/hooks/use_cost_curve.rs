use std::rc::Rc;

use calculator::{CostCurve, CurveWork};
use pricing::{OptimizerError, Scenario};
use yew::prelude::*;

use super::slices::Slices;
use crate::book::Engine;

/// The cost curve for a scenario, whatever its volume. It is computed after
/// the other inputs change, a few volumes per task ([`Slices`]), so typing
/// and the slider are answered first and no task is long; until it is done
/// the previous curve is shown.
#[hook]
pub fn use_cost_curve(
    engine: Engine,
    scenario: &Scenario,
) -> Option<Rc<Result<CostCurve, OptimizerError>>> {
    let curve = use_state(|| None::<Rc<Result<CostCurve, OptimizerError>>>);
    // Bumped on every change: slices for older inputs stop.
    let generation = use_mut_ref(|| 0u64);
    let without_volume = Scenario {
        volume: 0,
        ..scenario.clone()
    };
    {
        let curve = curve.clone();
        use_effect_with(without_volume, move |scenario| {
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            let mut work = CurveWork::new(engine.0, scenario);
            Slices {
                step: Box::new(move || work.advance(engine.0, 1).transpose()),
                live: Box::new(move || *generation.borrow() == mine),
                done: Box::new(move |result| curve.set(Some(Rc::new(result)))),
            }
            .start(0);
        });
    }
    (*curve).clone()
}
