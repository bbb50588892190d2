use std::rc::Rc;

use calculator::{CostCurve, CurveWork, Plans};
use pricing::{OptimizerError, Scenario};
use yew::prelude::*;

use crate::book::Engine;
use crate::slices::Slices;

/// How long the inputs must rest before the cheapest plans' curve is
/// computed, in milliseconds: the estimate's search goes first.
const REST_MS: u32 = 300;

/// The cost curve for a scenario, whatever its volume. It is computed after
/// the other inputs change, in short tasks ([`Slices`]), so typing and the
/// slider are answered first and no task is long: first with the yearly
/// plans (quick), then with the cheapest plans, which replace it once
/// done. Until the first is done the previous curve is shown.
#[hook]
pub fn use_cost_curve(
    engine: Engine,
    scenario: &Scenario,
) -> Option<Result<Rc<CostCurve>, OptimizerError>> {
    let curve = use_state(|| None::<Result<Rc<CostCurve>, OptimizerError>>);
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
            let live = move || *generation.borrow() == mine;
            let mut quick = CurveWork::new(engine.0, scenario, Plans::Yearly);
            let (first_live, first_curve, scenario) =
                (live.clone(), curve.clone(), scenario.clone());
            Slices {
                step: Box::new(move || quick.advance(1).transpose()),
                live: Box::new(live.clone()),
                done: Box::new(move |result| {
                    first_curve.set(Some(result.map(Rc::new)));
                    // Made only now: the start-up's first tasks have enough to do.
                    let mut cheapest = CurveWork::new(engine.0, &scenario, Plans::Cheapest);
                    Slices {
                        step: Box::new(move || cheapest.advance(1).transpose()),
                        live: Box::new(first_live),
                        done: Box::new(move |result| curve.set(Some(result.map(Rc::new)))),
                    }
                    .start(REST_MS);
                }),
            }
            .start(0);
        });
    }
    (*curve).clone()
}
