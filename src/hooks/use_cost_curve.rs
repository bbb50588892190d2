use std::rc::Rc;

use calculator::{CostCurve, CurveWork, Plans};
use pricing::{OptimizerError, Scenario, Work};
use yew::prelude::*;

use super::use_background::use_background;
use crate::book::Engine;

/// How long the inputs must rest before the cheapest plans' curve is
/// computed, in milliseconds: the estimate's search goes first.
const REST_MS: u32 = 300;

/// A curve as the page shows it.
type Curve = Result<Rc<CostCurve>, OptimizerError>;

/// The cost curve for a scenario, whatever its volume. It is computed after
/// the other inputs change, in the background ([`use_background`]), so
/// typing and the slider are answered first and no task is long: first
/// with the yearly plans (quick), then with the cheapest plans, which
/// replace it once done. Until the first is done the previous curve is shown.
#[hook]
pub fn use_cost_curve(engine: Engine, scenario: &Scenario) -> Option<Curve> {
    let without_volume = Scenario {
        volume: 0,
        ..scenario.clone()
    };
    let curve = move |plans| {
        move |scenario: &Scenario| {
            Some(CurveWork::new(engine.0, scenario, plans).then(|curve| curve.map(Rc::new)))
        }
    };
    let yearly = use_background(without_volume.clone(), 0, curve(Plans::Yearly));
    let yearly_done = yearly.as_ref().is_some_and(|run| run.0 == without_volume);
    // Made only once the yearly curve is done: the start-up's first tasks
    // have enough to do.
    let cheapest = use_background(
        (without_volume.clone(), yearly_done),
        REST_MS,
        move |(scenario, yearly_done): &(Scenario, bool)| {
            yearly_done
                .then(|| curve(Plans::Cheapest)(scenario))
                .flatten()
        },
    );
    let current = |for_scenario: &Scenario| *for_scenario == without_volume;
    match (cheapest, yearly) {
        (Some(run), _) if current(&run.0 .0) => Some(run.1.clone()),
        (_, Some(run)) if current(&run.0) => Some(run.1.clone()),
        (Some(run), _) => Some(run.1.clone()),
        (None, Some(run)) => Some(run.1.clone()),
        (None, None) => None,
    }
}
