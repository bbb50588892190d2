//! The text forms of amounts, prices, call counts and chart numbers: the one
//! place where numbers become text. Amounts are rounded here, once, to 分.

use pricing::money::round_bill;
use pricing::Calls;
use rust_decimal::{Decimal, RoundingStrategy};

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

/// Decimals of a price per call: enough to tell 0.7425 from 0.74.
pub const PER_CALL_DECIMALS: u32 = 4;

/// A price per call for people: at most [`PER_CALL_DECIMALS`] decimals, trailing zeros dropped ("0.7425", "0.6").
pub fn per_call(price: Decimal) -> String {
    price
        .round_dp_with_strategy(PER_CALL_DECIMALS, RoundingStrategy::MidpointAwayFromZero)
        .normalize()
        .to_string()
}

/// A price per call for files: exactly [`PER_CALL_DECIMALS`] decimals ("0.7117", "0.6000").
pub fn per_call_fixed(price: Decimal) -> String {
    let mut rounded =
        price.round_dp_with_strategy(PER_CALL_DECIMALS, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(PER_CALL_DECIMALS);
    rounded.to_string()
}

/// `value` with exactly `decimals` decimals, rounded half away from zero.
///
/// Written with integers because the float formatter alone is about 10 KB
/// of the WebAssembly bundle; chart values stay far inside `i64`.
pub fn fixed(value: f64, decimals: u32) -> String {
    let scale = 10i64.pow(decimals);
    // `as` saturates, and NaN becomes 0: a chart never shows garbage digits.
    let scaled = (value * scale as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (scaled_abs, scale_abs) = (scaled.unsigned_abs(), scale.unsigned_abs());
    let (whole, fraction) = (scaled_abs / scale_abs, scaled_abs % scale_abs);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!(
            "{sign}{whole}.{fraction:0width$}",
            width = decimals as usize
        )
    }
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
    fn amounts_round_half_away_from_zero_once() {
        assert_eq!(plain(d("0.125")), "0.13");
        assert_eq!(plain(d("0.135")), "0.14");
        assert_eq!(plain(d("-0.125")), "-0.13");
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
        assert_eq!(per_call(d("74.25") / d("100")), "0.7425");
        assert_eq!(per_call(d("0.60")), "0.6");
        assert_eq!(per_call(d("0.71165")), "0.7117");
        assert_eq!(per_call_fixed(d("0.6")), "0.6000");
        assert_eq!(per_call_fixed(d("0.71165")), "0.7117");
        assert_eq!(per_call_fixed(d("0.67585")), "0.6759");
    }

    #[test]
    fn fixed_rounds_half_away_from_zero_and_pads() {
        assert_eq!(fixed(0.25, 1), "0.3");
        assert_eq!(fixed(-0.25, 1), "-0.3");
        assert_eq!(fixed(0.05, 2), "0.05");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(720.0, 0), "720");
        assert_eq!(fixed(1.5, 0), "2");
        assert_eq!(fixed(f64::NAN, 1), "0.0");
    }

    #[test]
    fn fixed_agrees_with_the_float_formatter_away_from_ties() {
        for i in 0..20_000 {
            let value = f64::from(i) * 0.0137 - 100.0;
            // Near a tie the two may differ by the binary representation's last bit.
            // The float formatter also writes "-0.00", where the chart wants "0.00".
            let near_tie = ((value * 100.0).abs().fract() - 0.5).abs() < 1e-6;
            if near_tie || (value * 100.0).round() == 0.0 {
                continue;
            }
            assert_eq!(fixed(value, 2), format!("{value:.2}"), "{value}");
        }
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
    }
}
