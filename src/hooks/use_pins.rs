use calculator::pinned::{self as pins, PinError, PinProblem, OLD_PINS_KEY, PINS_KEY};
use gloo_timers::callback::Timeout;
use pricing::Scenario;
use yew::prelude::*;

use crate::web;

/// The pinned scenarios, kept in local storage under a versioned key.
#[derive(Clone, PartialEq)]
pub struct Pins {
    /// Valid pins, at most four.
    pub pins: Vec<Scenario>,
    /// What was dropped when the stored pins were read, or why they could not be kept.
    pub problems: Vec<PinProblem>,
    /// Why the last pin was not added, if it was not.
    pub refused: Option<PinError>,
    /// Whether storage failed (private browsing, quota): pins then last for this visit only.
    pub storage_failed: bool,
}

impl Pins {
    /// The pins as stored in this browser (those of version 1 too), cleaned.
    fn stored() -> Pins {
        let stored = web::load(PINS_KEY);
        let storage_failed = stored.is_err();
        let current = stored.ok().flatten();
        let old = current
            .is_none()
            .then(|| web::load(OLD_PINS_KEY).ok().flatten());
        let (pins, problems) = pins::read_stored(current.as_deref(), old.flatten().as_deref());
        Pins {
            pins,
            problems,
            refused: None,
            storage_failed,
        }
    }
}

/// What the pins section can ask for.
#[derive(Clone, PartialEq)]
pub struct PinActions {
    /// Pins a scenario.
    pub add: Callback<Scenario>,
    /// Removes the pin at an index.
    pub remove: Callback<usize>,
}

/// Reads the pins once, after the first render (those of version 1 too);
/// every change is written back. Stored data that is corrupt or hand-edited loses only its bad parts,
/// and the cleaned list is written back so the problem is reported once.
#[hook]
pub fn use_pins() -> (Pins, PinActions) {
    // Read after the first render: that render also runs natively at build
    // time (src/prerender.rs), where there is no storage.
    let state = use_state(|| Pins {
        pins: Vec::new(),
        problems: Vec::new(),
        refused: None,
        storage_failed: false,
    });
    // Whether storage has been read: nothing is written back before.
    let loaded = use_mut_ref(|| false);
    {
        let (state, loaded) = (state.clone(), loaded.clone());
        use_effect_with((), move |()| {
            // In a task of its own: the first read of local storage takes
            // milliseconds, and the page's other first effects run in this one.
            Timeout::new(0, move || {
                *loaded.borrow_mut() = true;
                let stored = Pins::stored();
                // Nothing stored, nothing to render again.
                if stored != *state {
                    state.set(stored);
                }
            })
            .forget();
        });
    }
    {
        let pins = state.pins.clone();
        let had_problems = !state.problems.is_empty();
        // As this render saw it: the first render's effects run before any read.
        let loaded = *loaded.borrow();
        use_effect_with(pins, move |pins| {
            let stored = || web::load(PINS_KEY).ok().flatten().is_some();
            if loaded && (had_problems || stored() || !pins.is_empty()) {
                // A refused write leaves the pins in this page only; nothing else depends on it.
                let _ = web::store(PINS_KEY, &pins::encode(pins));
            }
        });
    }
    // The same actions while the pins stay the same: a slider step does not
    // render the pins section again.
    let actions = {
        let state = state.clone();
        use_memo((*state).clone(), move |_| PinActions {
            add: add_action(state.clone()),
            remove: remove_action(state),
        })
    };
    ((*state).clone(), (*actions).clone())
}

fn add_action(state: UseStateHandle<Pins>) -> Callback<Scenario> {
    Callback::from(move |scenario: Scenario| {
        let mut next = (*state).clone();
        match pins::add(&next.pins, scenario) {
            Ok(pins) => {
                next.pins = pins;
                next.refused = None;
            }
            Err(error) => next.refused = Some(error),
        }
        state.set(next);
    })
}

fn remove_action(state: UseStateHandle<Pins>) -> Callback<usize> {
    Callback::from(move |index: usize| {
        let mut next = (*state).clone();
        next.pins = pins::remove(&next.pins, index);
        next.refused = None;
        state.set(next);
    })
}
