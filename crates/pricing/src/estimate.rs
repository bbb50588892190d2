//! Everything the page shows about a scenario, computed in one place.

use rust_decimal::Decimal;

use crate::billing::{postpaid_only, Bill};
use crate::price_book::PriceBook;
use crate::scenario::Scenario;

/// The figures for one scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Estimate {
    /// The plan that buys no packs, month by month.
    pub postpaid: Bill,
}

impl Estimate {
    /// Prices a scenario.
    pub fn new(book: &PriceBook, scenario: &Scenario) -> Estimate {
        Estimate {
            postpaid: postpaid_only(book.label(scenario.label), scenario),
        }
    }

    /// The postpaid bill of the first month.
    pub fn postpaid_first_month(&self) -> Decimal {
        self.postpaid
            .months
            .first()
            .map_or(Decimal::ZERO, |month| month.bill)
    }

    /// The tier the first month's postpaid calls fall in.
    pub fn first_month_tier(&self) -> Option<usize> {
        self.postpaid.months.first().and_then(|month| month.tier)
    }
}
