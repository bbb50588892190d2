//! Packs already held, read from a block pasted from the console's resource
//! pack list: one pack per line with its label, the calls left and the
//! expiry date, in whatever columns and separators the copy brings. Each
//! line is read on its own; a line that cannot be read is refused with its
//! reason, and nothing else is lost.
//!
//! - **Label:** any of the names a caller passes (the announcement's Chinese
//!   name, the page's English name, the URL id), anywhere in the line.
//! - **Expiry:** a date `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` or
//!   `YYYY年M月D日` (the day may be left out). A pack expiring in a month is
//!   counted usable through that month: it is usable in months 1 … (that
//!   month − month 1 + 1), which must be 1 … 12.
//! - **Calls left:** the number after a word for "left" (`剩余`, `余量`,
//!   `remaining`, `left`), else the last number of the line outside the
//!   date; thousands separators (`,`, spaces inside the number) are read.

use std::fmt;

use pricing::limits::{HELD_CALLS_MAX, HELD_MONTHS_MAX};
use pricing::{Held, Label};

use crate::calendar::CalendarMonth;

/// Why one pasted line gave no entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineProblem {
    /// No label's name is in the line.
    NoLabel,
    /// No expiry date is in the line.
    NoDate,
    /// No count of calls left is in the line.
    NoCalls,
    /// The calls left are more than an entry may hold.
    TooManyCalls,
    /// The pack expired before month 1.
    Expired,
    /// The pack expires more than 12 months after month 1's start: not a
    /// pack of this price list.
    TooLate,
}

impl fmt::Display for LineProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LineProblem::NoLabel => "no label named",
            LineProblem::NoDate => "no expiry date",
            LineProblem::NoCalls => "no calls left",
            LineProblem::TooManyCalls => "more calls than a pack list holds",
            LineProblem::Expired => "expired before month 1",
            LineProblem::TooLate => "expires more than 12 months after month 1",
        })
    }
}

/// What one non-blank pasted line gave: the line (from 1) and its entry or
/// why there is none.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedLine {
    /// The line's number in the block, from 1.
    pub line: usize,
    /// Its entry, or why it gave none.
    pub read: Result<Held, LineProblem>,
}

/// Reads every non-blank line of `block`. `names` lists each label's names
/// as people write them; `first` is the calendar month of month 1.
pub fn read_block(block: &str, names: &[(Label, &str)], first: CalendarMonth) -> Vec<PastedLine> {
    let lines = block.lines().enumerate();
    let filled = lines.filter(|(_, text)| !text.trim().is_empty());
    filled
        .map(|(index, text)| PastedLine {
            line: index + 1,
            read: read_line(text, names, first),
        })
        .collect()
}

/// One line's entry, or why it gives none.
pub fn read_line(
    text: &str,
    names: &[(Label, &str)],
    first: CalendarMonth,
) -> Result<Held, LineProblem> {
    let text = normalized(text);
    let label = label_in(&text, names).ok_or(LineProblem::NoLabel)?;
    let (expiry, rest) = date_in(&text).ok_or(LineProblem::NoDate)?;
    let calls = calls_in(&rest).ok_or(LineProblem::NoCalls)?;
    if calls > HELD_CALLS_MAX {
        return Err(LineProblem::TooManyCalls);
    }
    let months = expiry.months_since(first) + 1;
    if months < 1 {
        return Err(LineProblem::Expired);
    }
    let months = u32::try_from(months).map_err(|_| LineProblem::TooLate)?;
    if months > HELD_MONTHS_MAX {
        return Err(LineProblem::TooLate);
    }
    Ok(Held {
        label,
        calls,
        months,
    })
}

/// Full-width digits and punctuation as their ASCII forms; the rest as given.
fn normalized(text: &str) -> String {
    text.chars().map(crate::typed::ascii_form).collect()
}

/// The label whose name comes in the line; the longest name wins, so that a
/// name inside another never decides.
fn label_in(text: &str, names: &[(Label, &str)]) -> Option<Label> {
    let lower = text.to_ascii_lowercase();
    names
        .iter()
        .filter(|(_, name)| !name.is_empty() && lower.contains(&name.to_ascii_lowercase()))
        .max_by_key(|(_, name)| name.chars().count())
        .map(|&(label, _)| label)
}

/// The first date in the line, as its calendar month, and the line without it.
fn date_in(text: &str) -> Option<(CalendarMonth, String)> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len()).find_map(|start| {
        let (month, end) = date_at(&chars, start)?;
        let rest: String = chars[..start].iter().chain(&chars[end..]).collect();
        Some((month, rest))
    })
}

/// A date starting at `start`: four digits of a year, a separator, one or two
/// digits of a month, and optionally a separator and a day; its month and
/// where it ends.
fn date_at(chars: &[char], start: usize) -> Option<(CalendarMonth, usize)> {
    if start > 0 && chars[start - 1].is_ascii_digit() {
        return None;
    }
    let year = digits(chars, start, 4, 4)?;
    let sep = *chars.get(start + 4)?;
    if !matches!(sep, '-' | '/' | '.' | '年') {
        return None;
    }
    let month_start = start + 5;
    let month = digits(chars, month_start, 1, 2)?;
    let mut end = month_start + month.1;
    if let Some(&next) = chars.get(end) {
        if matches!(next, '-' | '/' | '.' | '月') {
            end += 1;
            if let Some(day) = digits(chars, end, 1, 2) {
                end += day.1;
                if chars.get(end) == Some(&'日') {
                    end += 1;
                }
            }
        }
    }
    let month = CalendarMonth::new(year.0 as u32, month.0 as u32)?;
    Some((month, end))
}

/// Between `least` and `most` ASCII digits at `at`: their value and count.
fn digits(chars: &[char], at: usize, least: usize, most: usize) -> Option<(u64, usize)> {
    let run = chars
        .get(at..)?
        .iter()
        .take(most)
        .take_while(|c| c.is_ascii_digit())
        .count();
    if run < least || chars.get(at + run).is_some_and(char::is_ascii_digit) {
        return None;
    }
    let value = chars[at..at + run]
        .iter()
        .fold(0u64, |n, c| n * 10 + u64::from(c.to_digit(10).unwrap_or(0)));
    Some((value, run))
}

/// Words after which the calls left are written.
const LEFT_WORDS: [&str; 5] = ["剩余", "余量", "remaining", "left", "可用"];

/// The calls left: the number after a word for "left", else the last number.
fn calls_in(text: &str) -> Option<u64> {
    let lower = text.to_ascii_lowercase();
    let after_word = LEFT_WORDS
        .iter()
        .filter_map(|word| lower.find(word).map(|at| at + word.len()))
        .filter_map(|at| numbers(&lower[at..]).first().copied())
        .next();
    after_word.or_else(|| numbers(&lower).last().copied())
}

/// The whole numbers of a text, reading `,` and single spaces between groups
/// of three digits as thousands separators; a number too large is skipped.
fn numbers(text: &str) -> Vec<u64> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        if !chars[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let mut value: Option<u64> = Some(0);
        while at < chars.len() {
            let c = chars[at];
            if let Some(d) = c.to_digit(10) {
                value = value
                    .and_then(|v| v.checked_mul(10))
                    .and_then(|v| v.checked_add(u64::from(d)));
                at += 1;
            } else if matches!(c, ',' | ' ') && group_follows(&chars, at + 1) {
                at += 1;
            } else {
                break;
            }
        }
        found.extend(value);
    }
    found
}

/// Whether exactly three digits start at `at` (a thousands group).
fn group_follows(chars: &[char], at: usize) -> bool {
    let three = chars
        .get(at..at + 3)
        .is_some_and(|g| g.iter().all(char::is_ascii_digit));
    three && !chars.get(at + 3).is_some_and(char::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [(Label, &str); 5] = [
        (Label::WechatVerify, "微信活体人脸核身"),
        (Label::GeneralVerify, "通用活体人脸核身"),
        (Label::WechatVerify, "WeChat liveness verification"),
        (Label::GeneralCompare, "general-compare"),
        (Label::WechatCompare, "微信活体人脸比对"),
    ];

    fn march_2027() -> CalendarMonth {
        CalendarMonth::new(2027, 3).unwrap()
    }

    fn held(label: Label, calls: u64, months: u32) -> Result<Held, LineProblem> {
        Ok(Held {
            label,
            calls,
            months,
        })
    }

    #[test]
    fn console_like_lines_in_any_columns() {
        let block = "资源包名称\t剩余量\t到期时间\n\
            微信活体人脸核身资源包 10万次\t剩余 32,000 次\t2027-05-31 23:59:59\n\
            通用活体人脸核身 | 8000 | 2028/01/15\n\
            \n\
            WeChat liveness verification, remaining 1 200, expires 2027.03.02\n\
            general-compare 2027年4月30日 到期 可用 ５００ 次\n";
        let read = read_block(block, &NAMES, march_2027());
        let got: Vec<(usize, Result<Held, LineProblem>)> =
            read.into_iter().map(|l| (l.line, l.read)).collect();
        assert_eq!(
            got,
            [
                (1, Err(LineProblem::NoLabel)),
                (2, held(Label::WechatVerify, 32_000, 3)),
                (3, held(Label::GeneralVerify, 8_000, 11)),
                (5, held(Label::WechatVerify, 1_200, 1)),
                (6, held(Label::GeneralCompare, 500, 2)),
            ]
        );
    }

    #[test]
    fn lines_that_cannot_be_read_say_why() {
        let first = march_2027();
        let line = |text| read_line(text, &NAMES, first);
        assert_eq!(line("微信活体人脸核身 32000"), Err(LineProblem::NoDate));
        assert_eq!(
            line("微信活体人脸核身 2027-05-31"),
            Err(LineProblem::NoCalls)
        );
        assert_eq!(
            line("微信活体人脸核身 32000 2027-02-28"),
            Err(LineProblem::Expired)
        );
        assert_eq!(
            line("微信活体人脸核身 32000 2028-03-01"),
            Err(LineProblem::TooLate)
        );
        assert_eq!(
            line("微信活体人脸核身 32000 2028-02-29"),
            held(Label::WechatVerify, 32_000, 12)
        );
        assert_eq!(
            line("微信活体人脸核身 2027-04-01 剩余 9999999999999"),
            Err(LineProblem::TooManyCalls)
        );
        assert_eq!(line("32000 2027-05-31"), Err(LineProblem::NoLabel));
        assert_eq!(
            line("微信活体人脸核身 32000 2027-13-01"),
            Err(LineProblem::NoDate)
        );
    }

    #[test]
    fn the_longest_name_decides_and_case_does_not_matter() {
        let names = [
            (Label::WechatVerify, "verify"),
            (Label::GeneralVerify, "general-verify"),
        ];
        assert_eq!(
            read_line("GENERAL-VERIFY 100 2027-03-31", &names, march_2027()),
            held(Label::GeneralVerify, 100, 1)
        );
    }
}
