//! Pinned scenarios as the page keeps them in `localStorage`: the pure codec.
//! The app reads and writes the storage; this module turns the stored text
//! into scenarios and back, and never panics on whatever the text holds
//! (a hand edit, a truncated write, an older page).
//!
//! The stored text, under the key [`PINS_KEY`], is one pin per line, each
//! the scenario's part of the page's URL query (see [`scenario_query`]):
//!
//! ```text
//! label=wechat-verify&volume=10000&months=12&price=promo&growth=0&legacy=0
//! label=general-compare&volume=1001&months=36&price=list&growth=-2.5&legacy=300
//! ```
//!
//! So a pin reads exactly like a shared link and is checked by the same
//! rules ([`url_state::decode`]); the page needs no other reader. The version
//! is in the key: a later format goes under a new key. Pins that version 1
//! of the page stored as JSON under [`OLD_PINS_KEY`] are read once by
//! [`decode_old`], which takes the quoted queries out of that text.

use std::fmt;

use pricing::Scenario;

use crate::fields::FIELDS;
use crate::url_state::{self, PageState};

/// The `localStorage` key the pins are stored under; the version is its suffix.
pub const PINS_KEY: &str = "faceid-calculator.pins.v2";
/// The key under which version 1 of the page stored its pins as JSON.
pub const OLD_PINS_KEY: &str = "faceid-calculator.pins.v1";
/// How every text that version 1 stored begins.
const OLD_PINS_START: &str = r#"{"version":1,"pins":["#;
/// Most scenarios that can be pinned at once.
pub const MAX_PINS: usize = 4;

/// Something in the stored text that was not taken as it stood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PinProblem {
    /// The pin on this line (from 0) is not a valid scenario query and was dropped.
    BadPin(usize),
    /// This many distinct valid pins were found; only the first [`MAX_PINS`] were kept.
    TooMany(usize),
}

impl fmt::Display for PinProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PinProblem::BadPin(index) => write!(f, "pin {} is not a valid scenario", index + 1),
            PinProblem::TooMany(found) => {
                write!(f, "{found} pins stored, only the first {MAX_PINS} kept")
            }
        }
    }
}

/// Why a scenario could not be pinned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinError {
    /// [`MAX_PINS`] scenarios are pinned already.
    Full,
    /// The scenario is pinned already.
    AlreadyPinned,
}

impl fmt::Display for PinError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PinError::Full => write!(f, "{MAX_PINS} scenarios are pinned already"),
            PinError::AlreadyPinned => f.write_str("this scenario is pinned already"),
        }
    }
}

impl std::error::Error for PinError {}

/// The stored text for these pins, every one of them, in order.
pub fn encode(pins: &[Scenario]) -> String {
    pins.iter()
        .map(scenario_query)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The pins in a stored text (`None` when nothing is stored), and what was
/// wrong with it. Valid pins are kept in order, each scenario once, at most
/// [`MAX_PINS`]; problems are listed in the order they were found. Blank
/// lines (a trailing line break, say) are no pins.
pub fn decode(stored: Option<&str>) -> (Vec<Scenario>, Vec<PinProblem>) {
    let lines = stored.unwrap_or_default().lines().map(str::trim);
    let entries = lines.enumerate().filter(|(_, line)| !line.is_empty());
    valid_pins(entries.map(|(index, line)| (index, scenario_from_query(line))))
}

/// The pins in a text that version 1 of the page stored under [`OLD_PINS_KEY`]
/// (`{"version":1,"pins":["label=…",…]}`, written compactly): every quoted
/// query in it, checked as [`decode`] checks a line. A text that does not
/// start as version 1 wrote it yields nothing.
pub fn decode_old(stored: &str) -> (Vec<Scenario>, Vec<PinProblem>) {
    if !stored.starts_with(OLD_PINS_START) {
        return (Vec::new(), Vec::new());
    }
    // Queries hold neither quotes nor backslashes, so each is one piece between quotes;
    // the pieces with no `=` are the JSON's keys and punctuation.
    let quoted = stored.split('"').skip(1).step_by(2);
    let queries = quoted.filter(|piece| piece.contains('='));
    valid_pins(queries.map(scenario_from_query).enumerate())
}

/// The pins the page starts with: those under [`PINS_KEY`] when anything is
/// stored there, else those version 1 left under [`OLD_PINS_KEY`].
pub fn read_stored(current: Option<&str>, old: Option<&str>) -> (Vec<Scenario>, Vec<PinProblem>) {
    match (current, old) {
        (None, Some(old)) => decode_old(old),
        (current, _) => decode(current),
    }
}

/// `pins` with `scenario` added at the end.
pub fn add(pins: &[Scenario], scenario: Scenario) -> Result<Vec<Scenario>, PinError> {
    if pins.contains(&scenario) {
        return Err(PinError::AlreadyPinned);
    }
    if pins.len() >= MAX_PINS {
        return Err(PinError::Full);
    }
    let mut added = pins.to_vec();
    added.push(scenario);
    Ok(added)
}

/// `pins` without the one at `index`; unchanged if there is none there.
pub fn remove(pins: &[Scenario], index: usize) -> Vec<Scenario> {
    pins.iter()
        .enumerate()
        .filter(|&(at, _)| at != index)
        .map(|(_, scenario)| scenario.clone())
        .collect()
}

/// The scenario's parameters of the page's URL query, in URL order:
/// `label=…&volume=…&months=…&price=…&growth=…&legacy=…`.
pub fn scenario_query(scenario: &Scenario) -> String {
    let state = PageState {
        scenario: scenario.clone(),
        ..PageState::default()
    };
    url_state::query(
        &state,
        FIELDS.iter().copied().filter(|field| field.scenario),
    )
}

/// The scenario a pin's query describes, or `None` if it names no field or
/// any value in it is malformed, out of range or repeated. Missing
/// parameters take their defaults, as in a URL.
pub fn scenario_from_query(query: &str) -> Option<Scenario> {
    if !url_state::names_a_field(query) {
        return None;
    }
    let (state, notices) = url_state::decode(query);
    notices.is_empty().then_some(state.scenario)
}

fn valid_pins(
    entries: impl Iterator<Item = (usize, Option<Scenario>)>,
) -> (Vec<Scenario>, Vec<PinProblem>) {
    let mut pins: Vec<Scenario> = Vec::new();
    let mut problems = Vec::new();
    for (index, entry) in entries {
        match entry {
            // A duplicate adds nothing the first copy does not show.
            Some(scenario) if pins.contains(&scenario) => {}
            Some(scenario) => pins.push(scenario),
            None => problems.push(PinProblem::BadPin(index)),
        }
    }
    if pins.len() > MAX_PINS {
        problems.push(PinProblem::TooMany(pins.len()));
        pins.truncate(MAX_PINS);
    }
    (pins, problems)
}
