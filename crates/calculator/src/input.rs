//! Parsing of the numbers people type and URLs carry. The number inputs and
//! the URL codec share these rules (through the field table), so a value is
//! valid in both or neither.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

/// Why a typed or linked value was not taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputError {
    /// Nothing was given.
    Empty,
    /// Not a number at all.
    NotANumber,
    /// A whole number was needed.
    Fractional,
    /// Below the smallest allowed value, given as text.
    TooSmall(String),
    /// Above the largest allowed value, given as text.
    TooLarge(String),
    /// More decimals than allowed.
    TooPrecise(u32),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Empty => f.write_str("empty"),
            InputError::NotANumber => f.write_str("not a number"),
            InputError::Fractional => f.write_str("not a whole number"),
            InputError::TooSmall(min) => write!(f, "below {min}"),
            InputError::TooLarge(max) => write!(f, "above {max}"),
            InputError::TooPrecise(places) => write!(f, "more than {places} decimals"),
        }
    }
}

/// A number in `min..=max` with at most `places` decimals, written in plain
/// decimal notation (surrounding blanks allowed); 0 places asks for a whole number.
pub fn parse_number(
    text: &str,
    min: Decimal,
    max: Decimal,
    places: u32,
) -> Result<Decimal, InputError> {
    let number = parse_decimal(text)?;
    if places == 0 && !number.fract().is_zero() {
        return Err(InputError::Fractional);
    }
    check_range(number, min, max)?;
    if number.normalize().scale() > places {
        return Err(InputError::TooPrecise(places));
    }
    Ok(number.normalize())
}

fn check_range(number: Decimal, min: Decimal, max: Decimal) -> Result<(), InputError> {
    if number < min {
        Err(InputError::TooSmall(min.normalize().to_string()))
    } else if number > max {
        Err(InputError::TooLarge(max.normalize().to_string()))
    } else {
        Ok(())
    }
}

/// Plain decimal notation only: an optional `-`, digits, an optional `.digits`.
fn parse_decimal(text: &str) -> Result<Decimal, InputError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(InputError::Empty);
    }
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let has_digit = !whole.is_empty() || !fraction.is_empty();
    if !has_digit
        || !plain(whole)
        || !plain(fraction)
        || (digits.contains('.') && fraction.is_empty())
    {
        return Err(InputError::NotANumber);
    }
    let negative = text.starts_with('-');
    // Every range here ends below 10^13, so a longer number stands for any
    // number beyond it; this also keeps the text inside a Decimal's 28 digits.
    if whole.trim_start_matches('0').len() > 13 {
        let beyond = Decimal::from(100_000_000_000_000u64);
        return Ok(if negative { -beyond } else { beyond });
    }
    let fraction = fraction.trim_end_matches('0');
    if fraction.len() > 12 {
        return Err(InputError::TooPrecise(12));
    }
    let sign = if negative { "-" } else { "" };
    let normal = format!("{sign}{}.{}", or_zero(whole), or_zero(fraction));
    Decimal::from_str(&normal).map_err(|_| InputError::NotANumber)
}

fn or_zero(digits: &str) -> &str {
    if digits.is_empty() {
        "0"
    } else {
        digits
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse_whole(text: &str, min: u64, max: u64) -> Result<u64, InputError> {
        parse_number(text, Decimal::from(min), Decimal::from(max), 0)
            .map(|n| u64::from_str(&n.to_string()).unwrap())
    }

    fn parse_bounded_decimal(
        text: &str,
        min: Decimal,
        max: Decimal,
        places: u32,
    ) -> Result<Decimal, InputError> {
        parse_number(text, min, max, places)
    }

    #[test]
    fn whole_numbers() {
        assert_eq!(
            parse_whole("10000", 0, 100),
            Err(InputError::TooLarge("100".into()))
        );
        assert_eq!(parse_whole(" 42 ", 0, 100), Ok(42));
        assert_eq!(parse_whole("007", 0, 100), Ok(7));
        assert_eq!(parse_whole("", 0, 100), Err(InputError::Empty));
        assert_eq!(parse_whole("abc", 0, 100), Err(InputError::NotANumber));
        assert_eq!(parse_whole("1e3", 0, 10_000), Err(InputError::NotANumber));
        assert_eq!(parse_whole("1,000", 0, 10_000), Err(InputError::NotANumber));
        assert_eq!(
            parse_whole("-1", 0, 100),
            Err(InputError::TooSmall("0".into()))
        );
        assert_eq!(
            parse_whole("0", 1, 36),
            Err(InputError::TooSmall("1".into()))
        );
        assert_eq!(parse_whole("1.5", 0, 100), Err(InputError::Fractional));
        assert_eq!(parse_whole("12.000", 0, 100), Ok(12));
        assert_eq!(
            parse_whole("99999999999999999999999999999999", 0, 100),
            Err(InputError::TooLarge("100".into()))
        );
        assert_eq!(
            parse_whole("-99999999999999999999999999999999", 0, 100),
            Err(InputError::TooSmall("0".into()))
        );
        assert_eq!(
            parse_whole("1.0000000000000000000001", 0, 100),
            Err(InputError::TooPrecise(12))
        );
        assert_eq!(parse_whole("５", 0, 100), Err(InputError::NotANumber));
    }

    #[test]
    fn decimals() {
        let min = Decimal::from(-50);
        let max = Decimal::from(100);
        let parse = |text: &str| parse_bounded_decimal(text, min, max, 4);
        assert_eq!(parse("2.5"), Ok(Decimal::new(25, 1)));
        assert_eq!(parse("-50"), Ok(Decimal::from(-50)));
        assert_eq!(parse("2.50000"), Ok(Decimal::new(25, 1)));
        assert_eq!(parse(".5"), Ok(Decimal::new(5, 1)));
        assert_eq!(parse("5."), Err(InputError::NotANumber));
        assert_eq!(parse("-"), Err(InputError::NotANumber));
        assert_eq!(parse("100.01"), Err(InputError::TooLarge("100".into())));
        assert_eq!(parse("-50.5"), Err(InputError::TooSmall("-50".into())));
        assert_eq!(parse("1.23456"), Err(InputError::TooPrecise(4)));
        assert_eq!(parse("NaN"), Err(InputError::NotANumber));
    }

    proptest! {
        #[test]
        fn never_panics_and_respects_the_range(text in ".{0,40}") {
            if let Ok(n) = parse_whole(&text, 3, 1_000_000_000) {
                prop_assert!((3..=1_000_000_000).contains(&n));
            }
            let (min, max) = (Decimal::from(-50), Decimal::from(100));
            if let Ok(d) = parse_bounded_decimal(&text, min, max, 4) {
                prop_assert!(d >= min && d <= max && d.scale() <= 4);
            }
        }

        #[test]
        fn every_whole_number_in_range_parses(n in 0u64..=1_000_000_000) {
            prop_assert_eq!(parse_whole(&n.to_string(), 0, 1_000_000_000), Ok(n));
        }
    }
}
