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
use crate::page_state::PageState;
use crate::url_state;

/// The `localStorage` key the pins are stored under; the version is its suffix.
pub const PINS_KEY: &str = "faceid-calculator.pins.v2";
/// The key under which version 1 of the page stored its pins as JSON.
pub const OLD_PINS_KEY: &str = "faceid-calculator.pins.v1";
/// How every text that version 1 stored begins.
const OLD_PINS_START: &str = r#"{"version":1,"pins":["#;
/// Most scenarios that can be pinned at once.
pub const MAX_PINS: usize = 4;
/// Most characters of a pin's name.
pub const PIN_NAME_MAX_CHARS: usize = 40;
/// The parameter a stored line names its pin with (not a field: URLs never carry it).
const NAME_PARAM: &str = "name";

/// Most bytes of stored text that are read. Four pins with every parameter at
/// its longest take about 2 KB; any other page of the same origin can write
/// this storage, and reading stops here whatever it left (megabytes of it
/// would otherwise hold up the start).
pub const MAX_STORED_BYTES: usize = 8 * 1024;

/// What in the stored text was not taken as it stood: one problem, however
/// many lines it concerns, so that one notice says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PinProblem {
    /// This many stored lines were not valid scenario queries and were dropped.
    Unreadable(usize),
    /// More was stored than the [`MAX_PINS`] pins kept (pins after them, or
    /// text past [`MAX_STORED_BYTES`]) and was dropped without being read;
    /// so were this many lines read that were not valid.
    Dropped(usize),
}

impl fmt::Display for PinProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PinProblem::Unreadable(count) => write!(f, "{count} stored pins were not valid"),
            PinProblem::Dropped(unreadable) => write!(
                f,
                "more was stored than the {MAX_PINS} pins kept ({unreadable} not valid)"
            ),
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
    encode_named(pins, &[])
}

/// The stored text for these pins, each line with its name (`names[i]`,
/// if any and not blank) as a `name` parameter after the scenario's query.
pub fn encode_named(pins: &[Scenario], names: &[String]) -> String {
    let lines = pins.iter().enumerate().map(|(i, scenario)| {
        let query = scenario_query(scenario);
        match names.get(i).map(|name| pin_name(name)) {
            Some(name) if !name.is_empty() => {
                format!("{query}&{NAME_PARAM}={}", url_state::percent_encode(&name))
            }
            _ => query,
        }
    });
    lines.collect::<Vec<_>>().join("\n")
}

/// The names the stored text gives the pins [`decode`] read from it, in
/// their order: each pin's first line's `name`, empty where there is none.
pub fn decode_names(stored: Option<&str>, pins: &[Scenario]) -> Vec<String> {
    let (text, _) = within_limit(stored.unwrap_or_default());
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    pins.iter()
        .map(|pin| {
            let line = lines
                .iter()
                .find(|line| scenario_from_query(line).as_ref() == Some(pin));
            let name = line.and_then(|line| url_state::param(line, NAME_PARAM));
            pin_name(&name.unwrap_or_default())
        })
        .collect()
}

/// A name as a pin keeps it: trimmed, on one line, at most [`PIN_NAME_MAX_CHARS`].
pub fn pin_name(name: &str) -> String {
    let one_line = name.replace(['\n', '\r', '\t'], " ");
    let cut: String = one_line.trim().chars().take(PIN_NAME_MAX_CHARS).collect();
    cut.trim_end().to_string()
}

/// The pins in a stored text (`None` when nothing is stored), and what was
/// wrong with it, if anything. Valid pins are kept in order, each scenario once, at most
/// [`MAX_PINS`]; reading stops there and at [`MAX_STORED_BYTES`], so the
/// work is bounded whatever is stored. Blank lines (a trailing line break,
/// say) are no pins.
pub fn decode(stored: Option<&str>) -> (Vec<Scenario>, Option<PinProblem>) {
    let (text, cut) = within_limit(stored.unwrap_or_default());
    let lines = text.lines().map(str::trim).filter(|line| !line.is_empty());
    valid_pins(lines.map(scenario_from_query), cut)
}

/// The pins in a text that version 1 of the page stored under [`OLD_PINS_KEY`]
/// (`{"version":1,"pins":["label=…",…]}`, written compactly): every quoted
/// query in it, checked as [`decode`] checks a line. A text that does not
/// start as version 1 wrote it yields nothing.
pub fn decode_old(stored: &str) -> (Vec<Scenario>, Option<PinProblem>) {
    if !stored.starts_with(OLD_PINS_START) {
        return (Vec::new(), None);
    }
    let (text, cut) = within_limit(stored);
    // Queries hold neither quotes nor backslashes, so each is one piece between quotes;
    // the pieces with no `=` are the JSON's keys and punctuation.
    let quoted = text.split('"').skip(1).step_by(2);
    let queries = quoted.filter(|piece| piece.contains('='));
    valid_pins(queries.map(scenario_from_query), cut)
}

/// The pins the page starts with: those under [`PINS_KEY`] when anything is
/// stored there, else those version 1 left under [`OLD_PINS_KEY`].
pub fn read_stored(
    current: Option<&str>,
    old: Option<&str>,
) -> (Vec<Scenario>, Option<PinProblem>) {
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

/// The start of `stored` that is read, and whether anything was left out: at
/// most [`MAX_STORED_BYTES`], ending at a line break so that no pin is judged
/// on part of its line.
fn within_limit(stored: &str) -> (&str, bool) {
    if stored.len() <= MAX_STORED_BYTES {
        return (stored, false);
    }
    let mut end = MAX_STORED_BYTES;
    while !stored.is_char_boundary(end) {
        end -= 1;
    }
    let head = &stored[..end];
    (head.rfind('\n').map_or("", |at| &head[..at]), true)
}

fn valid_pins(
    entries: impl Iterator<Item = Option<Scenario>>,
    cut: bool,
) -> (Vec<Scenario>, Option<PinProblem>) {
    let mut pins: Vec<Scenario> = Vec::new();
    let (mut unreadable, mut dropped) = (0, cut);
    // Lazy: entries after the last pin kept are not even read.
    for entry in entries {
        if pins.len() == MAX_PINS {
            dropped = true;
            break;
        }
        match entry {
            // A duplicate adds nothing the first copy does not show.
            Some(scenario) if pins.contains(&scenario) => {}
            Some(scenario) => pins.push(scenario),
            None => unreadable += 1,
        }
    }
    let problem = match (dropped, unreadable) {
        (true, _) => Some(PinProblem::Dropped(unreadable)),
        (false, 0) => None,
        (false, _) => Some(PinProblem::Unreadable(unreadable)),
    };
    (pins, problem)
}
