use std::rc::Rc;

use pricing::{Estimate, EstimateWork, Scenario, Work};
use yew::prelude::*;

use super::use_background::use_background;
use crate::book::Engine;

/// A pin's searched plan: `None` while its search runs, then its estimate
/// (`None` when it has no plan).
pub type PinPlan = Option<Option<Rc<Estimate>>>;

/// A pin's scenario and its searched estimate.
type Searched = (Scenario, Option<Rc<Estimate>>);

/// The pins' estimates, searched one pin at a time in the background
/// ([`use_background`]): a pin's full search took a long task at 4x CPU
/// slowdown, and stored pins took one on every load. A pin keeps its
/// estimate while others come and go.
#[hook]
pub fn use_pin_estimates(engine: Engine, pins: &[Scenario]) -> Vec<PinPlan> {
    let searched = use_state(Vec::<Searched>::new);
    // The first pin not searched yet: the search follows it, not the whole list.
    let next = pins
        .iter()
        .find(|pin| !searched.iter().any(|(scenario, _)| scenario == *pin))
        .cloned();
    let found = use_background(next, 0, move |next: &Option<Scenario>| {
        let pin = next.as_ref()?;
        Some(EstimateWork::new(engine.0, pin).then(|found| found.ok().map(Rc::new)))
    });
    {
        // Each finished search joins the estimates of the pins still pinned.
        let (searched, pins) = (searched.clone(), pins.to_vec());
        use_effect_with(found, move |found| {
            if let Some((Some(pin), estimate)) = found.as_deref() {
                let mut next: Vec<Searched> = searched
                    .iter()
                    .filter(|(scenario, _)| pins.contains(scenario) && scenario != pin)
                    .cloned()
                    .collect();
                next.push((pin.clone(), estimate.clone()));
                searched.set(next);
            }
        });
    }
    pins.iter()
        .map(|pin| {
            searched
                .iter()
                .find(|(scenario, _)| scenario == pin)
                .map(|(_, estimate)| estimate.clone())
        })
        .collect()
}
