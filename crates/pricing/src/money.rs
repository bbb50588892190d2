//! Exact amounts: conversion of call counts, rounding of bill lines, and
//! the plain and grouped text forms of amounts.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::Calls;

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

/// Rounds a bill line to 分, half away from zero; only bill lines are rounded.
pub fn round_bill(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// An amount as the hooks show it: rounded to 分, two decimals, no grouping ("8800.00").
pub fn plain(amount: Decimal) -> String {
    let mut rounded = round_bill(amount);
    rounded.rescale(2);
    rounded.to_string()
}

/// An amount for people: rounded to 分, two decimals, thousands grouped ("8,800.00").
pub fn grouped(amount: Decimal) -> String {
    let text = plain(amount);
    let (sign, digits) = text
        .strip_prefix('-')
        .map_or(("", text.as_str()), |d| ("-", d));
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "00"));
    format!("{sign}{}.{fraction}", group_digits(whole))
}

/// A price exactly as the price book writes it, thousands grouped ("1,100", "697.5", "0.60").
pub fn grouped_exact(price: Decimal) -> String {
    let text = price.to_string();
    let (whole, fraction) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(w, f)| (w, Some(f)));
    let (sign, whole) = whole.strip_prefix('-').map_or(("", whole), |w| ("-", w));
    match fraction {
        Some(fraction) => format!("{sign}{}.{fraction}", group_digits(whole)),
        None => format!("{sign}{}", group_digits(whole)),
    }
}

/// A call count with thousands grouped ("1,000,000").
pub fn grouped_calls(calls: Calls) -> String {
    group_digits(&calls.to_string())
}

/// A unit price to at most `places` decimals, trailing zeros dropped ("0.7425").
pub fn unit_price(price: Decimal, places: u32) -> String {
    price
        .round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

fn group_digits(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
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
        assert_eq!(plain(amount(3, d("0.104"))), "0.31");
        assert_eq!(plain(amount(5, d("0.105"))), "0.53");
    }

    #[test]
    fn text_forms() {
        assert_eq!(plain(d("8800")), "8800.00");
        assert_eq!(plain(d("74.25")), "74.25");
        assert_eq!(grouped(d("1234567.5")), "1,234,567.50");
        assert_eq!(grouped(d("999")), "999.00");
        assert_eq!(grouped(d("-1000")), "-1,000.00");
        assert_eq!(grouped_calls(1_000_000_000), "1,000,000,000");
        assert_eq!(grouped_calls(0), "0");
        assert_eq!(grouped_exact(d("697.5")), "697.5");
        assert_eq!(grouped_exact(d("0.60")), "0.60");
        assert_eq!(grouped_exact(d("1100")), "1,100");
        assert_eq!(unit_price(d("74.25") / d("100"), 4), "0.7425");
        assert_eq!(unit_price(d("0.60"), 4), "0.6");
    }

    proptest! {
        #[test]
        fn grouping_only_inserts_commas(cents in 0i64..10_000_000_000_000) {
            let value = Decimal::new(cents, 2);
            let text = grouped(value);
            prop_assert_eq!(text.replace(',', ""), plain(value));
            let whole = text.split('.').next().unwrap_or_default();
            for group in whole.split(',').skip(1) {
                prop_assert_eq!(group.len(), 3);
            }
        }

        #[test]
        fn rounding_moves_less_than_half_a_fen(millis in -1_000_000_000i64..1_000_000_000) {
            let value = Decimal::new(millis, 3);
            let rounded = round_bill(value);
            prop_assert!((rounded - value).abs() <= d("0.005"));
            prop_assert_eq!(rounded.scale() <= 2, true);
        }
    }
}
