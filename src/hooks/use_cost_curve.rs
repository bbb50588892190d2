use std::rc::Rc;

use calculator::{cost_curve, CostCurve};
use gloo_render::{request_animation_frame, AnimationFrame};
use pricing::{OptimizerError, Scenario};
use yew::prelude::*;

use crate::book::Engine;

/// The cost curve for a scenario, whatever its volume. It is computed on the
/// next animation frame after the other inputs change, so typing and the
/// slider are answered first; until then the previous curve is shown.
#[hook]
pub fn use_cost_curve(
    engine: Engine,
    scenario: &Scenario,
) -> Option<Rc<Result<CostCurve, OptimizerError>>> {
    let curve = use_state(|| None::<Rc<Result<CostCurve, OptimizerError>>>);
    let pending = use_mut_ref(|| None::<AnimationFrame>);
    let without_volume = Scenario {
        volume: 0,
        ..scenario.clone()
    };
    {
        let curve = curve.clone();
        use_effect_with(without_volume, move |scenario| {
            let scenario = scenario.clone();
            let frame = request_animation_frame(move |_| {
                curve.set(Some(Rc::new(cost_curve(engine.0, &scenario))))
            });
            // Replacing the handle cancels a frame still waiting for stale inputs.
            *pending.borrow_mut() = Some(frame);
        });
    }
    (*curve).clone()
}
