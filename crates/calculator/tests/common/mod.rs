//! What the page model's test files share: decimal literals and states drawn
//! through the field table, so that every field the page has is exercised.

#![allow(dead_code)]

use std::str::FromStr;

use calculator::fields::FIELDS;
use calculator::PageState;
use pricing::Scenario;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A decimal literal.
pub fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// Any page state the URL can carry.
pub fn any_state() -> impl Strategy<Value = PageState> {
    prop::collection::vec(any::<u64>(), FIELDS.len())
        .prop_map(|picks| PageState::from_picks(&picks))
}

/// Any scenario the page accepts.
pub fn any_scenario() -> impl Strategy<Value = Scenario> {
    any_state().prop_map(|state| state.scenario)
}
