use calculator::pinned::{
    self as pins, PinError, PinProblem, MAX_STORED_BYTES, OLD_PINS_KEY, PINS_KEY,
};
use pricing::Scenario;
use yew::prelude::*;

use crate::web;

/// The pinned scenarios, kept in local storage under a versioned key.
#[derive(Clone, PartialEq)]
pub struct Pins {
    /// Valid pins, at most four.
    pub pins: Vec<Scenario>,
    /// Each pin's name, in the pins' order; empty for none.
    pub names: Vec<String>,
    /// What was dropped when the stored pins were read.
    pub problem: Option<PinProblem>,
    /// Why the last pin was not added, if it was not.
    pub refused: Option<PinError>,
    /// Whether storage failed (private browsing, quota): pins then last for this visit only.
    pub storage_failed: bool,
}

impl Pins {
    /// The pins as stored in this browser (those of version 1 too), cleaned.
    /// Only the start of what is stored is read: one unit past the codec's
    /// limit, so that it knows when there was more.
    fn stored() -> Pins {
        let stored = web::load_start(PINS_KEY, READ_UNITS);
        let storage_failed = stored.is_err();
        let current = stored.ok().flatten();
        let old = current
            .is_none()
            .then(|| web::load_start(OLD_PINS_KEY, READ_UNITS).ok().flatten());
        let (pins, problem) = pins::read_stored(current.as_deref(), old.flatten().as_deref());
        let names = pins::decode_names(current.as_deref(), &pins);
        Pins {
            pins,
            names,
            problem,
            refused: None,
            storage_failed,
        }
    }
}

/// How much of a stored text is copied out of storage, in UTF-16 code units.
const READ_UNITS: u32 = MAX_STORED_BYTES as u32 + 1;

/// What the pins section can ask for.
#[derive(Clone, PartialEq)]
pub struct PinActions {
    /// Pins a scenario.
    pub add: Callback<Scenario>,
    /// Removes the pin at an index.
    pub remove: Callback<usize>,
    /// Names the pin at an index.
    pub rename: Callback<(usize, String)>,
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
        names: Vec::new(),
        problem: None,
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
            crate::web::later(0, move || {
                *loaded.borrow_mut() = true;
                let stored = Pins::stored();
                // Nothing stored, nothing to render again.
                if stored != *state {
                    state.set(stored);
                }
            });
        });
    }
    {
        // With the problems: stored text with no valid pin in it is cleaned
        // too, so that its notice does not come back on every visit.
        let deps = (
            state.pins.clone(),
            state.names.clone(),
            state.problem.is_some(),
        );
        // As this render saw it: the first render's effects run before any read.
        let loaded = *loaded.borrow();
        use_effect_with(deps, move |(pins, names, had_problems)| {
            let stored = || web::load_start(PINS_KEY, 0).ok().flatten().is_some();
            if loaded && (*had_problems || stored() || !pins.is_empty()) {
                // A refused write leaves the pins in this page only; nothing else depends on it.
                let _ = web::store(PINS_KEY, &pins::encode_named(pins, names));
            }
        });
    }
    // The same actions while the pins stay the same: a slider step does not
    // render the pins section again.
    let actions = {
        let state = state.clone();
        use_memo((*state).clone(), move |_| PinActions {
            add: add_action(state.clone()),
            remove: remove_action(state.clone()),
            rename: rename_action(state),
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
                next.names.resize(next.pins.len(), String::new());
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
        if index < next.names.len() {
            next.names.remove(index);
        }
        next.refused = None;
        state.set(next);
    })
}

fn rename_action(state: UseStateHandle<Pins>) -> Callback<(usize, String)> {
    Callback::from(move |(index, name): (usize, String)| {
        let mut next = (*state).clone();
        next.names.resize(next.pins.len(), String::new());
        if let Some(slot) = next.names.get_mut(index) {
            *slot = pins::pin_name(&name);
        }
        state.set(next);
    })
}
