use std::rc::Rc;

use pricing::{Estimate, EstimateWork, OptimizerError, Scenario, Work};
use yew::prelude::*;

use super::use_background::use_background;
use crate::book::Engine;
use crate::start::Start;

/// How long the inputs must rest before the search for the cheapest plan
/// starts, in milliseconds: a slider drag pays only for the quick estimate.
const REST_MS: u32 = 150;

/// What the page shows for a scenario.
pub type Shown = Rc<Result<Rc<Estimate>, OptimizerError>>;

/// A scenario's quick estimate.
pub type Quick = Result<Rc<Estimate>, OptimizerError>;

/// What the page shows at once: the whole estimate where its plans take
/// about a millisecond or two ([`Estimate::at_once`]), else the yearly plans
/// standing in while the search runs.
pub fn quick_estimate(optimizer: &pricing::Optimizer<'_>, scenario: &Scenario) -> Quick {
    Estimate::at_once(optimizer, scenario)
        .unwrap_or_else(|| Estimate::yearly(optimizer, scenario))
        .map(Rc::new)
}

/// The scenario's estimate. Where its plans are quick to find, the whole
/// estimate at once, on every input. Else at once [`Estimate::yearly`], with
/// the yearly plans standing in (marked as not yet refined); once the inputs
/// rest, the search over every purchase month runs a step per slice
/// ([`use_background`]) and its estimate replaces the stand-in. `first` is the
/// start's estimate, worked out before mounting, used for its own scenario.
#[hook]
pub fn use_estimate(engine: Engine, scenario: &Scenario, first: &Start) -> Shown {
    let first = first
        .first
        .clone()
        .filter(|_| first.page.scenario == *scenario);
    let quick = use_memo(scenario.clone(), move |scenario| match first {
        Some(quick) => (*quick).clone(),
        None => quick_estimate(engine.0, scenario),
    });
    let final_at_once = matches!(&*quick, Ok(estimate) if estimate.refined);
    let searched = use_background(scenario.clone(), REST_MS, move |scenario: &Scenario| {
        (!final_at_once).then(|| {
            EstimateWork::new(engine.0, scenario).then(|found| Rc::new(found.map(Rc::new)))
        })
    });
    match searched {
        Some(run) if run.0 == *scenario => run.1.clone(),
        _ => Rc::new((*quick).clone()),
    }
}
