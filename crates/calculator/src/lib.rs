//! The calculator page's model, beside the pricing engine: which fields the
//! page has and how their text is read and written, the state a URL carries,
//! pinned scenarios, the downloads, the cost curve, the slider's scale and
//! stops, the month profile's shapes, and the text forms of amounts. Plain Rust with no web dependency;
//! the Yew shell renders what this crate computes.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod calendar;
mod cost_curve;
mod export;
pub mod fields;
pub mod format;
pub mod held_paste;
mod input;
mod json;
mod lang;
mod page_state;
mod pins;
pub mod profile;
mod stops;
pub mod typed;
mod url_state;
mod volume_scale;

pub use cost_curve::{
    cost_curve, point, BreakEven, CostCurve, CurvePoint, CurveWork, Plans, CURVE_FROM,
};
pub use fields::Problem;
pub use input::InputError;
pub use lang::Lang;
pub use page_state::PageState;
pub use url_state::{decode, encode, Notice, GIVEN_MAX_CHARS};

/// The downloads: CSV and JSON of an estimate.
pub mod downloads {
    pub use crate::export::{
        csv, csv_file_name, json, strategy_id, tier_text, CsvWords, CSV_COLUMN_COUNT,
        EXPORT_SCHEMA_VERSION,
    };
    pub use crate::json::Json;
}

/// Pinned scenarios as the page keeps them in local storage.
pub mod pinned {
    pub use crate::pins::{
        add, decode, decode_names, decode_old, encode, encode_named, pin_name, read_stored, remove,
        scenario_from_query, scenario_query, PinError, PinProblem, MAX_PINS, MAX_STORED_BYTES,
        OLD_PINS_KEY, PINS_KEY, PIN_NAME_MAX_CHARS,
    };
}

/// The volume slider: its scale and the stops it snaps between.
pub mod slider {
    pub use crate::stops::{next_stop, previous_stop, stops};
    pub use crate::volume_scale::{max_position, position_of, volume_at, SNAP_POINTS};
}
