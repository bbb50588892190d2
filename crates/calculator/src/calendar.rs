//! Calendar months: what `start` names as month 1 of the estimate, and the
//! months after it. Naming a month in words is the page's language's job;
//! here a month is a year and a month number, written `YYYY-MM` in URLs and
//! exports.

use std::fmt;

/// A month of the calendar, e.g. March 2027.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarMonth {
    year: u32,
    month: u32,
}

/// The earliest month `start` may name: the announcement's month.
pub const START_MIN: CalendarMonth = CalendarMonth {
    year: 2021,
    month: 2,
};
/// The latest month `start` may name.
pub const START_MAX: CalendarMonth = CalendarMonth {
    year: 2099,
    month: 12,
};

impl CalendarMonth {
    /// The month, if `month` is 1 … 12 and `year` has four digits.
    pub fn new(year: u32, month: u32) -> Option<CalendarMonth> {
        ((1000..=9999).contains(&year) && (1..=12).contains(&month))
            .then_some(CalendarMonth { year, month })
    }

    /// A month written `YYYY-MM`, exactly.
    pub fn parse(text: &str) -> Option<CalendarMonth> {
        let (year, month) = text.split_once('-')?;
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4 || month.len() != 2 || !all_digits(year) || !all_digits(month) {
            return None;
        }
        CalendarMonth::new(year.parse().ok()?, month.parse().ok()?)
    }

    /// The year.
    pub fn year(self) -> u32 {
        self.year
    }

    /// The month of the year, 1 … 12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// Months from `earlier` to this one (negative if this one is earlier).
    pub fn months_since(self, earlier: CalendarMonth) -> i64 {
        self.ordinal() - earlier.ordinal()
    }

    /// The month `months` after this one.
    pub fn plus(self, months: usize) -> CalendarMonth {
        let ordinal = self
            .ordinal()
            .saturating_add(i64::try_from(months).unwrap_or(i64::MAX));
        CalendarMonth {
            year: u32::try_from(ordinal.div_euclid(12)).unwrap_or(u32::MAX),
            month: ordinal.rem_euclid(12) as u32 + 1,
        }
    }

    fn ordinal(self) -> i64 {
        i64::from(self.year) * 12 + i64::from(self.month) - 1
    }
}

/// `YYYY-MM`.
impl fmt::Display for CalendarMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parse_takes_only_yyyy_mm() {
        assert_eq!(CalendarMonth::parse("2027-03"), CalendarMonth::new(2027, 3));
        for bad in [
            "2027-3",
            "2027-13",
            "2027-00",
            "27-03",
            "2027/03",
            "2027-03-01",
            "+027-03",
            "",
        ] {
            assert_eq!(CalendarMonth::parse(bad), None, "{bad}");
        }
        assert_eq!(
            CalendarMonth::new(2027, 3).map(|m| m.to_string()),
            Some("2027-03".into())
        );
    }

    #[test]
    fn months_carry_over_the_year() {
        let nov = CalendarMonth::new(2026, 11).unwrap();
        assert_eq!(nov.plus(2), CalendarMonth::new(2027, 1).unwrap());
        assert_eq!(nov.plus(14).months_since(nov), 14);
        assert_eq!(nov.months_since(nov.plus(3)), -3);
    }

    proptest! {
        #[test]
        fn plus_and_months_since_agree(year in 2021u32..2100, month in 1u32..=12, n in 0usize..500) {
            let first = CalendarMonth::new(year, month).unwrap();
            let later = first.plus(n);
            prop_assert_eq!(later.months_since(first), n as i64);
            prop_assert_eq!(CalendarMonth::parse(&later.to_string()), Some(later));
        }
    }
}
