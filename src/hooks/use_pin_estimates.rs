use std::cell::RefCell;
use std::rc::Rc;

use pricing::{Estimate, EstimateWork, Scenario};
use yew::prelude::*;

use crate::book::Engine;
use crate::slices::Slices;

/// A pin's scenario and its searched estimate (`None` when it has no plan).
type Searched = (Scenario, Option<Rc<Estimate>>);

/// The pins' estimates, searched one pin at a time in short tasks
/// ([`Slices`]): a pin's full search took a long task at 4x CPU slowdown,
/// and stored pins took one on every load. An entry is `None` while its
/// pin's search runs; a pin keeps its estimate while others come and go.
#[hook]
pub fn use_pin_estimates(engine: Engine, pins: &[Scenario]) -> Vec<Option<Option<Rc<Estimate>>>> {
    let searched = use_state(Vec::<Searched>::new);
    // Bumped whenever the pin to search changes: a search no longer wanted stops.
    let generation = use_mut_ref(|| 0u64);
    // The first pin not searched yet: the search follows it, not the whole list.
    let next = pins
        .iter()
        .find(|pin| !searched.iter().any(|(scenario, _)| scenario == *pin))
        .cloned();
    {
        let (searched, pins) = (searched.clone(), pins.to_vec());
        use_effect_with(next, move |next| {
            *generation.borrow_mut() += 1;
            if let Some(next) = next {
                search(engine, next.clone(), pins, searched, generation);
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

/// Searches `pin` in slices, then keeps its estimate beside those of the
/// other pins still pinned.
fn search(
    engine: Engine,
    pin: Scenario,
    pins: Vec<Scenario>,
    searched: UseStateHandle<Vec<Searched>>,
    generation: Rc<RefCell<u64>>,
) {
    let mine = *generation.borrow();
    let mut work = EstimateWork::new(engine.0, &pin);
    Slices {
        step: Box::new(move || work.advance(1).transpose()),
        live: Box::new(move || *generation.borrow() == mine),
        done: Box::new(move |result| {
            let mut next: Vec<Searched> = searched
                .iter()
                .filter(|(scenario, _)| pins.contains(scenario))
                .cloned()
                .collect();
            next.push((pin, result.ok().map(Rc::new)));
            searched.set(next);
        }),
    }
    .start(0);
}
