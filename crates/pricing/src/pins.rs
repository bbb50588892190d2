//! Pinned scenarios as the page keeps them in `localStorage`: the pure codec.
//! The app reads and writes the storage; this module turns the stored text
//! into scenarios and back, and never panics on whatever the text holds
//! (another version of the page, a hand edit, a truncated write).
//!
//! The stored text, under the key [`PINS_KEY`], is
//!
//! ```text
//! {"version":1,"pins":["label=wechat-verify&volume=10000&months=12&price=promo&growth=0&legacy=0"]}
//! ```
//!
//! Each pin is the scenario's part of the page's URL query (see
//! [`scenario_query`]), so a pin reads exactly like a shared link and is
//! checked by the same rules ([`url_state::decode`]).

use std::fmt;

use crate::json::{self, Json};
use crate::scenario::Scenario;
use crate::url_state::{self, PageState, Param};

/// The `localStorage` key the pins are stored under.
pub const PINS_KEY: &str = "faceid-calculator.pins.v1";
/// Version of the stored text; a text of another version is not read.
pub const PINS_VERSION: u32 = 1;
/// Most scenarios that can be pinned at once.
pub const MAX_PINS: usize = 4;

/// Something in the stored text that was not taken as it stood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PinProblem {
    /// Not a JSON object with a `version` number and a `pins` list: nothing was read.
    Unreadable,
    /// Written by another version of the page (the version found): nothing was read.
    OtherVersion(u64),
    /// The pin at this index (from 0) is not a valid scenario query and was dropped.
    BadPin(usize),
    /// This many distinct valid pins were found; only the first [`MAX_PINS`] were kept.
    TooMany(usize),
}

impl fmt::Display for PinProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PinProblem::Unreadable => f.write_str("stored pins are unreadable"),
            PinProblem::OtherVersion(version) => {
                write!(
                    f,
                    "stored pins are of version {version}, not {PINS_VERSION}"
                )
            }
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
    let queries = pins.iter().map(|pin| Json::String(scenario_query(pin)));
    Json::object([
        ("version", Json::int(PINS_VERSION)),
        ("pins", Json::Array(queries.collect())),
    ])
    .compact()
}

/// The pins in a stored text (`None` when nothing is stored), and what was
/// wrong with it. Valid pins are kept in order, each scenario once, at most
/// [`MAX_PINS`]; problems are listed in the order they were found.
pub fn decode(stored: Option<&str>) -> (Vec<Scenario>, Vec<PinProblem>) {
    let Some(text) = stored else {
        return (Vec::new(), Vec::new());
    };
    match stored_entries(text) {
        Ok(entries) => valid_pins(&entries),
        Err(problem) => (Vec::new(), vec![problem]),
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
    // Reuse the URL encoder so a pin is written exactly as a shared link is.
    url_state::encode(&state)
        .split('&')
        .filter(|pair| is_scenario_pair(pair))
        .collect::<Vec<_>>()
        .join("&")
}

/// The scenario a pin's query describes, or `None` if any value in it is
/// malformed, out of range or repeated. Missing parameters take their
/// defaults, as in a URL.
pub fn scenario_from_query(query: &str) -> Option<Scenario> {
    let (state, notices) = url_state::decode(query);
    notices.is_empty().then_some(state.scenario)
}

fn is_scenario_pair(pair: &str) -> bool {
    let name = pair.split_once('=').map_or(pair, |(name, _)| name);
    Param::ALL
        .iter()
        .any(|param| param.is_scenario() && param.name() == name)
}

/// The stored list of pins, if the text is a readable object of this version.
fn stored_entries(text: &str) -> Result<Vec<Json>, PinProblem> {
    let root = json::parse(text).map_err(|_| PinProblem::Unreadable)?;
    let version = root
        .get("version")
        .and_then(Json::as_u64)
        .ok_or(PinProblem::Unreadable)?;
    // Checked before the pins: another version may store them differently.
    if version != u64::from(PINS_VERSION) {
        return Err(PinProblem::OtherVersion(version));
    }
    match root.get("pins") {
        Some(Json::Array(entries)) => Ok(entries.clone()),
        _ => Err(PinProblem::Unreadable),
    }
}

fn valid_pins(entries: &[Json]) -> (Vec<Scenario>, Vec<PinProblem>) {
    let mut pins: Vec<Scenario> = Vec::new();
    let mut problems = Vec::new();
    for (index, entry) in entries.iter().enumerate() {
        match entry.as_str().and_then(scenario_from_query) {
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
