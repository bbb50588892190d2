//! Exact amounts: conversion of call counts and rounding of bill lines.
//! Their text forms are the page model's business.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::calls::Calls;

/// A call count as a decimal; counts in this crate stay far below 2^96.
pub fn calls_decimal(calls: Calls) -> Decimal {
    i128::try_from(calls)
        .ok()
        .and_then(|n| Decimal::try_from_i128_with_scale(n, 0).ok())
        .unwrap_or(Decimal::MAX)
}

/// `calls` at `unit` 元 each, unrounded.
pub fn amount(calls: Calls, unit: Decimal) -> Decimal {
    calls_decimal(calls) * unit
}

/// A total spread over its calls, unrounded; `None` without calls.
pub fn per_call(total: Decimal, calls: Calls) -> Option<Decimal> {
    (calls > 0).then(|| total / calls_decimal(calls))
}

/// An amount as a whole number of 分, if it is one and fits in an `i64`:
/// the integer form the optimizer's tables compare and add.
pub fn whole_fen(amount: Decimal) -> Option<i64> {
    let fen = amount.checked_mul(Decimal::ONE_HUNDRED)?;
    if fen.fract().is_zero() {
        fen.to_i64()
    } else {
        None
    }
}

/// Rounds a bill line to 分, half away from zero; only bill lines are rounded.
pub fn round_bill(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero_not_to_even() {
        assert_eq!(round_bill(d("0.125")), d("0.13"));
        assert_eq!(round_bill(d("0.135")), d("0.14"));
        assert_eq!(round_bill(d("0.124")), d("0.12"));
        assert_eq!(round_bill(d("-0.125")), d("-0.13"));
        assert_eq!(round_bill(amount(3, d("0.104"))), d("0.31"));
        assert_eq!(round_bill(amount(5, d("0.105"))), d("0.53"));
    }

    proptest! {
        #[test]
        fn rounding_moves_less_than_half_a_fen(millis in -1_000_000_000i64..1_000_000_000) {
            let value = Decimal::new(millis, 3);
            let rounded = round_bill(value);
            prop_assert!((rounded - value).abs() <= d("0.005"));
            prop_assert_eq!(rounded.scale() <= 2, true);
        }
    }
}
