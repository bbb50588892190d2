//! Numbers as people type and paste them into a field, turned into the plain
//! notation that URLs carry (`3000`, `1.5`): thousands separators (`3,000`,
//! `3 000`), full-width digits and punctuation from a Chinese input method
//! (`３０００`), a trailing unit (`3000次`, `3000 calls`, `30%`, `12个月`), and
//! the magnitudes people write (`3千`, `1.5万`, `2亿`, `3k`, `1.2m`). The
//! field's own rule (range and decimals) then judges the plain number, so a
//! typed value is taken exactly when its plain form would be; the URL keeps
//! the plain form.

use std::str::FromStr;

use rust_decimal::Decimal;

/// Units a field's text may end with; each is left out before reading.
const UNITS: [&str; 12] = [
    "calls/month",
    "calls",
    "call",
    "次/月",
    "次",
    "/月",
    "个月",
    "months",
    "month",
    "月",
    "%",
    "元",
];

/// Magnitude words and letters, with what they multiply by.
const MAGNITUDES: [(&str, u64); 6] = [
    ("千", 1_000),
    ("万", 10_000),
    ("亿", 100_000_000),
    ("k", 1_000),
    ("m", 1_000_000),
    ("b", 1_000_000_000),
];

/// The plain notation of a typed number, or `None` when the text is not one
/// a person would mean as a number (`2,5` and `1,00` are refused rather than
/// guessed). Text that is plain already comes back as it is, trimmed.
pub fn plain_number(text: &str) -> Option<String> {
    let text: String = text.chars().map(half_width).collect();
    let mut text = text.trim().to_ascii_lowercase();
    strip_unit(&mut text);
    let factor = strip_magnitude(&mut text);
    let digits = without_separators(text.trim())?;
    match factor {
        None => Some(digits),
        Some(factor) => {
            let number = Decimal::from_str(&digits).ok()?;
            let scaled = number.checked_mul(Decimal::from(factor))?;
            Some(scaled.normalize().to_string())
        }
    }
}

/// A full-width form (U+FF01 … U+FF5E, the ideographic space) as its ASCII
/// form; Chinese commas and full stops as `,` and `.`.
fn half_width(c: char) -> char {
    match c {
        '、' => ',',
        '。' => '.',
        _ => ascii_form(c),
    }
}

/// A full-width form (U+FF01 … U+FF5E) or the ideographic space as its ASCII
/// form; any other character as it is. Pasted text goes through it too.
pub(crate) fn ascii_form(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Leaves out one trailing unit, if the text ends with one after a digit.
fn strip_unit(text: &mut String) {
    for unit in UNITS {
        if let Some(rest) = text.strip_suffix(unit) {
            let rest = rest.trim_end();
            if rest.ends_with(|c: char| {
                c.is_ascii_digit() || MAGNITUDES.iter().any(|(m, _)| rest.ends_with(m))
            }) {
                *text = rest.to_string();
                return;
            }
        }
    }
}

/// Leaves out a trailing magnitude after a digit, and gives its factor.
fn strip_magnitude(text: &mut String) -> Option<u64> {
    let (word, factor) = MAGNITUDES.iter().find(|(word, _)| {
        text.strip_suffix(word)
            .is_some_and(|rest| rest.trim_end().ends_with(|c: char| c.is_ascii_digit()))
    })?;
    let rest = text.strip_suffix(word)?.trim_end().to_string();
    *text = rest;
    Some(*factor)
}

/// The number with its thousands separators left out: `,` or a single space
/// before each group of exactly three digits of the whole part. Anything
/// else (`2,5`, `1,00`, separators in the decimals) is no typed number.
fn without_separators(text: &str) -> Option<String> {
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text, None),
    };
    if !whole.contains([',', ' ']) {
        return Some(text.to_string());
    }
    let (sign, digits) = match whole.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", whole),
    };
    let mut groups = digits.split([',', ' ']);
    let first = groups.next()?;
    let first_ok = (1..=3).contains(&first.len()) && first.bytes().all(|b| b.is_ascii_digit());
    let mut plain = format!("{sign}{first}");
    for group in groups {
        if group.len() != 3 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        plain.push_str(group);
    }
    if !first_ok {
        return None;
    }
    if let Some(fraction) = fraction {
        plain.push('.');
        plain.push_str(fraction);
    }
    Some(plain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn plain(text: &str) -> Option<String> {
        plain_number(text)
    }

    #[test]
    fn what_people_type_reads_as_they_mean_it() {
        for (typed, meant) in [
            ("3,000", "3000"),
            ("3 000", "3000"),
            ("1,234,567", "1234567"),
            ("３０００", "3000"),
            ("３，０００", "3000"),
            ("3000次", "3000"),
            ("3000 次/月", "3000"),
            ("3,000 calls", "3000"),
            ("30%", "30"),
            ("２．５％", "2.5"),
            ("12个月", "12"),
            ("3千", "3000"),
            ("1.5万", "15000"),
            ("1.5万次", "15000"),
            ("2亿", "200000000"),
            ("3k", "3000"),
            ("3K", "3000"),
            ("1.2m", "1200000"),
            ("1.2M calls", "1200000"),
            ("-2.5", "-2.5"),
            ("  42 ", "42"),
            ("1,000.5", "1000.5"),
        ] {
            assert_eq!(plain(typed).as_deref(), Some(meant), "{typed}");
        }
    }

    #[test]
    fn ambiguous_text_is_refused_rather_than_guessed() {
        for typed in [
            "2,5",
            "1,00",
            "1,0000",
            ",000",
            "12,34,567",
            "3,000,",
            "k",
            "万",
        ] {
            let read = plain(typed);
            // Either refused here, or left for the strict reader to refuse.
            assert!(
                read.as_deref()
                    .is_none_or(|t| Decimal::from_str(t).is_err()),
                "{typed} read as {read:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn grouped_full_width_and_unit_forms_read_as_the_number(n in 0u64..=10_000_000_000) {
            let grouped = group(n, ',');
            prop_assert_eq!(plain(&grouped), Some(n.to_string()));
            prop_assert_eq!(plain(&group(n, ' ')), Some(n.to_string()));
            let wide: String = grouped.chars().map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 + 0xfee0).unwrap_or(c),
                ',' => '，',
                _ => c,
            }).collect();
            prop_assert_eq!(plain(&wide), Some(n.to_string()));
            prop_assert_eq!(plain(&format!("{grouped}次")), Some(n.to_string()));
            prop_assert_eq!(plain(&format!("{n}k")), Some((Decimal::from(n) * Decimal::from(1000)).to_string()));
        }

        #[test]
        fn plain_numbers_come_back_unchanged(text in "-?[0-9]{1,12}(\\.[0-9]{1,6})?") {
            prop_assert_eq!(plain(&text), Some(text.clone()));
        }

        #[test]
        fn never_panics(text in ".{0,40}") {
            let _ = plain(&text);
        }
    }

    fn group(n: u64, separator: char) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(separator);
            }
            out.push(c);
        }
        out
    }
}
