//! The month profile's shapes as the page offers them: flat months, one peak
//! month a year, or a season of 12 months taken from numbers people type or
//! paste (last year's monthly calls, say), as multipliers of their average.

use std::fmt;

use pricing::limits::{PROFILE_DECIMALS, PROFILE_FACTOR_MAX, PROFILE_LEN_MAX};
use rust_decimal::{Decimal, RoundingStrategy};

use crate::input::{parse_number, InputError};

/// The kinds of profile the page's control offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// The same volume every month: no profile.
    Flat,
    /// One month of each year at `factor` times the others.
    Peak {
        /// The peak month, from 0 (January is 0 when the horizon starts in January).
        month: usize,
        /// Its multiplier.
        factor: Decimal,
    },
    /// Any other profile.
    Season,
}

/// The peak month a newly chosen peak starts with: November, from 0.
pub const DEFAULT_PEAK_MONTH: usize = 10;
/// The factor a newly chosen peak starts with.
pub const DEFAULT_PEAK_FACTOR: Decimal = Decimal::from_parts(2, 0, 0, false, 0);

impl Shape {
    /// The shape of a profile: flat when empty, a peak when it is 12
    /// multipliers of which exactly one is not 1, a season otherwise.
    pub fn of(profile: &[Decimal]) -> Shape {
        if profile.is_empty() {
            return Shape::Flat;
        }
        let mut others = profile
            .iter()
            .enumerate()
            .filter(|(_, w)| **w != Decimal::ONE);
        match (profile.len(), others.next(), others.next()) {
            (PROFILE_LEN_MAX, Some((month, &factor)), None) => Shape::Peak { month, factor },
            _ => Shape::Season,
        }
    }

    /// Whether `profile` is of this kind, as the control shows it; a season
    /// takes any non-empty profile (a peak and flat months are seasons too).
    pub fn holds(self, profile: &[Decimal]) -> bool {
        match self {
            Shape::Flat => profile.is_empty(),
            Shape::Peak { .. } => {
                profile.len() == PROFILE_LEN_MAX
                    && profile.iter().filter(|w| **w != Decimal::ONE).count() <= 1
            }
            Shape::Season => !profile.is_empty(),
        }
    }
}

/// Twelve months of 1 but `month` (from 0, wrapped into the year) at `factor`.
pub fn peak(month: usize, factor: Decimal) -> Vec<Decimal> {
    let mut profile = vec![Decimal::ONE; PROFILE_LEN_MAX];
    profile[month % PROFILE_LEN_MAX] = factor;
    profile
}

/// Why typed or pasted numbers make no season.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeasonError {
    /// Not one number.
    Empty,
    /// More than 12 numbers.
    TooMany(usize),
    /// The number at this position (from 1) is not a number of calls.
    Bad(usize, InputError),
    /// Every number is 0: there is no average to divide by.
    AllZero,
    /// The month at this position (from 1) is more than 10 times the average.
    TooPeaked(usize),
}

impl fmt::Display for SeasonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SeasonError::Empty => f.write_str("no numbers"),
            SeasonError::TooMany(found) => write!(f, "{found} numbers, at most {PROFILE_LEN_MAX}"),
            SeasonError::Bad(at, error) => write!(f, "number {at}: {error}"),
            SeasonError::AllZero => f.write_str("every number is 0"),
            SeasonError::TooPeaked(at) => write!(f, "month {at} is over 10 times the average"),
        }
    }
}

/// The multipliers of 1 to 12 numbers of calls (or multipliers), typed or
/// pasted: each number over their average, rounded half away from zero to
/// 2 decimals. Numbers may be separated by line breaks, tabs, semicolons,
/// commas or spaces; where lines or tabs separate them (a spreadsheet
/// column or row), commas inside a number group its digits (`12,345`).
pub fn season(text: &str) -> Result<Vec<Decimal>, SeasonError> {
    let numbers = numbers_in(text)?;
    let sum: Decimal = numbers.iter().sum();
    if sum.is_zero() {
        return Err(SeasonError::AllZero);
    }
    let count = Decimal::from(numbers.len());
    numbers
        .iter()
        .enumerate()
        .map(|(at, number)| {
            // Over the average as `number x count / sum`: exact where the
            // average itself (8/3, say) is not.
            let factor = (number * count / sum)
                .round_dp_with_strategy(PROFILE_DECIMALS, RoundingStrategy::MidpointAwayFromZero);
            if factor > PROFILE_FACTOR_MAX {
                Err(SeasonError::TooPeaked(at + 1))
            } else {
                Ok(factor.normalize())
            }
        })
        .collect()
}

/// The non-negative numbers in `text`, 1 to 12 of them.
fn numbers_in(text: &str) -> Result<Vec<Decimal>, SeasonError> {
    let tabular = text.contains(['\n', '\t']);
    let is_separator =
        |c: char| matches!(c, '\n' | '\r' | '\t' | ';' | ' ') || (c == ',' && !tabular);
    let items: Vec<String> = text
        .split(is_separator)
        .filter(|item| !item.is_empty())
        .map(|item| item.replace(',', ""))
        .collect();
    if items.is_empty() {
        return Err(SeasonError::Empty);
    }
    if items.len() > PROFILE_LEN_MAX {
        return Err(SeasonError::TooMany(items.len()));
    }
    let most = Decimal::from(u64::MAX);
    items
        .iter()
        .enumerate()
        .map(|(at, item)| {
            parse_number(item, Decimal::ZERO, most, 6).map_err(|e| SeasonError::Bad(at + 1, e))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    fn texts(profile: &[Decimal]) -> Vec<String> {
        profile.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_pasted_spreadsheet_column_becomes_multipliers_of_its_average() {
        // Eleven months of 10,000 calls and a November of 32,000: average 11,833.33.
        let column = "10,000\n10,000\n10,000\n10,000\n10,000\n10,000\n10,000\n10,000\n10,000\n10,000\n32,000\n10,000\n";
        let profile = season(column).unwrap();
        assert_eq!(profile.len(), 12);
        assert_eq!(profile[0], d("0.85"), "10 000 / 11 833.33 = 0.845 -> 0.85");
        assert_eq!(profile[10], d("2.7"), "32 000 / 11 833.33 = 2.704 -> 2.70");
    }

    #[test]
    fn typed_numbers_split_on_commas_and_spaces() {
        assert_eq!(texts(&season("1, 3").unwrap()), ["0.5", "1.5"]);
        assert_eq!(texts(&season("2 2 2").unwrap()), ["1", "1", "1"]);
        assert_eq!(texts(&season("1\t2\t3").unwrap()), ["0.5", "1", "1.5"]);
        // Half a hundredth rounds away from zero: 1 / (8/3) = 0.375 -> 0.38.
        assert_eq!(texts(&season("1;1;6").unwrap()), ["0.38", "0.38", "2.25"]);
    }

    #[test]
    fn bad_numbers_say_which_and_why() {
        assert_eq!(season(" \n"), Err(SeasonError::Empty));
        assert_eq!(season("0,0"), Err(SeasonError::AllZero));
        assert_eq!(
            season(&vec!["1"; 13].join(",")),
            Err(SeasonError::TooMany(13))
        );
        assert_eq!(
            season("5,x,5"),
            Err(SeasonError::Bad(2, InputError::NotANumber))
        );
        assert_eq!(
            season("5,-1"),
            Err(SeasonError::Bad(2, InputError::TooSmall("0".into())))
        );
        // One busy month of twelve: 12 times the average, above the limit of 10.
        let lonely = "0,0,0,0,0,0,0,0,0,0,0,7";
        assert_eq!(season(lonely), Err(SeasonError::TooPeaked(12)));
    }

    #[test]
    fn shapes_are_recognised_and_held() {
        assert_eq!(Shape::of(&[]), Shape::Flat);
        let november = peak(DEFAULT_PEAK_MONTH, DEFAULT_PEAK_FACTOR);
        assert_eq!(
            Shape::of(&november),
            Shape::Peak {
                month: 10,
                factor: d("2")
            }
        );
        assert_eq!(Shape::of(&[d("1"), d("2")]), Shape::Season);
        assert_eq!(Shape::of(&[Decimal::ONE; 12]), Shape::Season);
        // A peak whose factor is typed back to 1 is still shown as a peak.
        let peak_kind = Shape::of(&november);
        assert!(peak_kind.holds(&[Decimal::ONE; 12]));
        assert!(!peak_kind.holds(&[d("1"), d("2")]));
        assert!(Shape::Season.holds(&november));
        assert!(!Shape::Flat.holds(&november));
    }
}
