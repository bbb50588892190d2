//! What the fuzz targets share: turning the fuzzer's bytes into a valid
//! scenario, so that every input explores the engine rather than the parser.

use arbitrary::Arbitrary;
use pricing::scenario::{GROWTH_DECIMALS, LEGACY_MAX, MONTHS_MAX, MONTHS_MIN, VOLUME_MAX};
use pricing::{Label, Lang, PageState, PriceColumn, Scenario};
use rust_decimal::Decimal;

/// A scenario's fields as the fuzzer picks them, before they are brought into range.
#[derive(Arbitrary, Debug)]
pub struct RawScenario {
    label: u8,
    volume: u64,
    months: u32,
    column: bool,
    /// Growth in 1/10 000 of a percent; brought into -50..=100 %.
    growth: i32,
    legacy: u64,
    english: bool,
    embed: bool,
}

impl RawScenario {
    /// The valid scenario closest to these fields: every value wrapped into its allowed range.
    pub fn scenario(&self) -> Scenario {
        let span = i64::from(MONTHS_MAX - MONTHS_MIN + 1);
        let growth_steps = 150 * 10i64.pow(GROWTH_DECIMALS) + 1;
        Scenario {
            label: Label::ALL[usize::from(self.label) % Label::ALL.len()],
            volume: self.volume % (VOLUME_MAX + 1),
            months: MONTHS_MIN + (i64::from(self.months) % span) as u32,
            column: if self.column {
                PriceColumn::List
            } else {
                PriceColumn::Promo
            },
            growth: Decimal::new(
                i64::from(self.growth).rem_euclid(growth_steps) - 50 * 10i64.pow(GROWTH_DECIMALS),
                GROWTH_DECIMALS,
            ),
            legacy: self.legacy % (LEGACY_MAX + 1),
        }
    }

    /// The page state around [`RawScenario::scenario`].
    pub fn page(&self) -> PageState {
        PageState {
            scenario: self.scenario(),
            lang: if self.english { Lang::En } else { Lang::Zh },
            embed: self.embed,
        }
    }
}
