//! What the engine's test files share: decimal literals and generators of
//! labels, price columns and whole scenarios.

#![allow(dead_code)]

use std::str::FromStr;

use pricing::scenario::{LEGACY_MAX, MONTHS_MAX, MONTHS_MIN, VOLUME_MAX};
use pricing::{Label, PriceColumn, Scenario};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A decimal literal.
pub fn d(text: &str) -> Decimal {
    Decimal::from_str(text).unwrap()
}

/// Any of the four labels.
pub fn any_label() -> impl Strategy<Value = Label> {
    (0usize..4).prop_map(|i| Label::ALL[i])
}

/// Either price column.
pub fn any_column() -> impl Strategy<Value = PriceColumn> {
    any::<bool>().prop_map(|list| {
        if list {
            PriceColumn::List
        } else {
            PriceColumn::Promo
        }
    })
}

/// Any scenario the page accepts.
pub fn any_scenario() -> impl Strategy<Value = Scenario> {
    (
        any_label(),
        0..=VOLUME_MAX,
        MONTHS_MIN..=MONTHS_MAX,
        any_column(),
        -500_000i64..=1_000_000,
        0..=LEGACY_MAX,
    )
        .prop_map(|(label, volume, months, column, growth, legacy)| Scenario {
            label,
            volume,
            months,
            column,
            growth: Decimal::new(growth, 4).normalize(),
            legacy,
        })
}
