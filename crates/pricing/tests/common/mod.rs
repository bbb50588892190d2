//! What the engine's test files share: decimal literals and generators of
//! labels and price columns.

#![allow(dead_code)]

use std::str::FromStr;

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

/// A scenario with growth in tenths of a percent, the rest at its defaults.
pub fn scenario(
    label: Label,
    column: PriceColumn,
    volume: u64,
    months: u32,
    growth: i64,
    legacy: u64,
) -> Scenario {
    Scenario {
        label,
        column,
        volume,
        months,
        growth: Decimal::new(growth, 1),
        legacy,
        ..Scenario::default()
    }
}
