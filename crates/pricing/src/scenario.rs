//! What the user asks about: a label, a monthly volume, further channels, a
//! horizon, a price column and how long its promotion lasts, the months'
//! shape and growth, billed retries, and a legacy balance with its expiry;
//! and the ranges of each that the engine is built for (its arithmetic stays
//! exact and in range there).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::calls::Calls;
use crate::label::{Label, PriceColumn};
use crate::money::calls_decimal;

/// Most calls a month may be given as the starting volume.
pub const VOLUME_MAX: u64 = 1_000_000_000;
/// Shortest horizon, in months.
pub const MONTHS_MIN: u32 = 1;
/// Longest horizon, in months.
pub const MONTHS_MAX: u32 = 36;
/// Lowest monthly growth, in percent.
pub const GROWTH_MIN: Decimal = Decimal::from_parts(50, 0, 0, true, 0);
/// Highest monthly growth, in percent.
pub const GROWTH_MAX: Decimal = Decimal::from_parts(100, 0, 0, false, 0);
/// Largest legacy balance: more calls than any horizon can use.
pub const LEGACY_MAX: u64 = 1_000_000_000_000;
/// Longest a legacy pack can still be used: packs are valid for a year.
pub const LEGACY_MONTHS_MAX: u32 = 12;
/// Most billed attempts beyond the verifications, in percent.
pub const RETRY_MAX: Decimal = Decimal::from_parts(300, 0, 0, false, 0);
/// Months a resource pack stays valid after purchase.
pub const PACK_VALID_MONTHS: u32 = 12;
/// Most multipliers in a month profile: one per month of a year.
pub const PROFILE_LEN_MAX: usize = 12;
/// Largest month multiplier of a profile.
pub const PROFILE_FACTOR_MAX: Decimal = Decimal::from_parts(10, 0, 0, false, 0);
/// Most decimals of a month multiplier.
pub const PROFILE_DECIMALS: u32 = 2;
/// Most channels beside the main one.
pub const EXTRA_MAX: usize = 3;
/// Most entries of packs already held.
pub const HELD_MAX: usize = 8;
/// Most calls left on one entry of packs already held.
pub const HELD_CALLS_MAX: u64 = 1_000_000_000_000;
/// Longest packs already held can still be used: packs are valid for a year.
pub const HELD_MONTHS_MAX: u32 = 12;

/// Packs the customer already holds on one label: the calls left on them,
/// usable in months 1 … `months` of the estimate. They are used after legacy
/// calls and before any pack the plan buys (they expire no later than one),
/// earliest-expiring first; what is left after month `months` is lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held {
    /// The label the packs are for.
    pub label: Label,
    /// Calls left on them.
    pub calls: u64,
    /// The last month of the estimate (from 1) they can be used in, 1 … [`HELD_MONTHS_MAX`].
    pub months: u32,
}

/// A further channel of the estimate: calls of its own, billed under a label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExtraChannel {
    /// The label its calls are billed under.
    pub label: Label,
    /// Its calls in the first month.
    pub volume: u64,
}

/// A scenario's calls month by month, every channel of its label added up.
#[derive(Clone)]
pub(crate) struct MonthsOfCalls {
    /// Billed calls (attempts).
    pub billed: Vec<Calls>,
    /// Verifications, before retries.
    pub verifications: Vec<Calls>,
}

/// A pricing question: everything that decides the bill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    /// The billing label.
    pub label: Label,
    /// Calls in the first month.
    pub volume: u64,
    /// Horizon in months.
    pub months: u32,
    /// Promotional or list price.
    pub column: PriceColumn,
    /// Months (from the first) in which the promotional price still applies,
    /// the list price after; `None` for the whole horizon. Only with [`PriceColumn::Promo`].
    pub promo_months: Option<u32>,
    /// Monthly growth of the volume, in percent.
    pub growth: Decimal,
    /// Multipliers of the volume, month by month in turn (at most
    /// [`PROFILE_LEN_MAX`], each 0 … [`PROFILE_FACTOR_MAX`]); empty for flat months.
    pub profile: Vec<Decimal>,
    /// Channels beside the main one (at most [`EXTRA_MAX`]); they share
    /// everything but the label, the volume and the legacy balance.
    pub extra: Vec<ExtraChannel>,
    /// Billed attempts beyond the verifications (retries, billed failures), in percent.
    pub retry: Decimal,
    /// Calls left on packs bought before 2021-02-01, used before anything else.
    pub legacy: u64,
    /// Months (from the first) in which the legacy calls can be used; the rest expires.
    pub legacy_months: u32,
    /// Packs already held, on any label (at most [`HELD_MAX`] entries).
    pub held: Vec<Held>,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            label: Label::WechatVerify,
            volume: 10_000,
            months: 12,
            column: PriceColumn::Promo,
            promo_months: None,
            growth: Decimal::ZERO,
            profile: Vec::new(),
            extra: Vec::new(),
            retry: Decimal::ZERO,
            legacy: 0,
            legacy_months: LEGACY_MONTHS_MAX,
            held: Vec::new(),
        }
    }
}

impl Scenario {
    /// Billed calls of [`Scenario::label`] in each month of the horizon: for
    /// each of its channels, `volume x w(m) x (1 + growth/100)^(m-1) x (1 +
    /// retry/100)` rounded once, half away from zero, to a whole call (`w`
    /// the profile's multiplier of the month); then added up month by month.
    pub fn month_volumes(&self) -> Vec<Calls> {
        self.counted(false).billed
    }

    /// Verifications in each month, before retries: what [`Scenario::month_volumes`]
    /// bills without the retry factor, rounded the same way.
    pub fn month_verifications(&self) -> Vec<Calls> {
        self.months_of_calls().verifications
    }

    /// Both [`Scenario::month_volumes`] and [`Scenario::month_verifications`],
    /// from one pass over the channels: pricing a plan needs both.
    pub(crate) fn months_of_calls(&self) -> MonthsOfCalls {
        self.counted(true)
    }

    /// The billed calls, and the verifications only if asked: rounding is
    /// much of a recommendation's time, and the optimizer needs no
    /// verifications.
    fn counted(&self, verifications: bool) -> MonthsOfCalls {
        let attempts = Decimal::ONE + self.retry / Decimal::ONE_HUNDRED;
        let months = self.months as usize;
        let mut sums = MonthsOfCalls {
            billed: vec![0; months],
            verifications: vec![0; if verifications { months } else { 0 }],
        };
        for volume in self.own_volumes() {
            for (month, exact) in self.exact_volumes(volume).into_iter().enumerate() {
                if let Some(sum) = sums.verifications.get_mut(month) {
                    *sum += whole_calls(exact);
                }
                sums.billed[month] += whole_calls(exact.saturating_mul(attempts));
            }
        }
        sums
    }

    /// The labels of the estimate, the main one first, then the others in the
    /// order their channels first appear.
    pub fn labels(&self) -> Vec<Label> {
        let mut labels = vec![self.label];
        for channel in &self.extra {
            if !labels.contains(&channel.label) {
                labels.push(channel.label);
            }
        }
        labels
    }

    /// The question for one label of the estimate: the channels billed under
    /// it, and the packs held on it. The legacy balance stays with the main label.
    pub fn for_label(&self, label: Label) -> Scenario {
        let held = self.held_on(label);
        if label == self.label {
            return Scenario {
                held,
                ..self.clone()
            };
        }
        Scenario {
            label,
            volume: 0,
            legacy: 0,
            held,
            ..self.clone()
        }
    }

    /// The entries of packs held on `label`, in the order given.
    pub fn held_on(&self, label: Label) -> Vec<Held> {
        self.held
            .iter()
            .filter(|h| h.label == label)
            .copied()
            .collect()
    }

    /// Calls held on labels that no channel of the estimate bills: nothing
    /// can use them, so they are lost.
    pub fn held_without_calls(&self) -> Calls {
        let labels = self.labels();
        let idle = self.held.iter().filter(|h| !labels.contains(&h.label));
        idle.map(|h| Calls::from(h.calls)).sum()
    }

    /// Each channel as a question of its own, the main one first: what the
    /// estimate would be if no two channels were priced together.
    /// The packs held on a label go with the first of its channels.
    pub fn channels_apart(&self) -> Vec<Scenario> {
        let main = Scenario {
            extra: Vec::new(),
            held: self.held_on(self.label),
            ..self.clone()
        };
        let mut holders = vec![self.label];
        let extra = self.extra.iter().map(|channel| {
            let first = !holders.contains(&channel.label);
            holders.push(channel.label);
            Scenario {
                label: channel.label,
                volume: channel.volume,
                legacy: 0,
                held: if first {
                    self.held_on(channel.label)
                } else {
                    Vec::new()
                },
                ..main.clone()
            }
        });
        let extra: Vec<Scenario> = extra.collect();
        std::iter::once(main).chain(extra).collect()
    }

    /// Whether two channels are billed under the same label.
    pub fn shares_a_label(&self) -> bool {
        self.labels().len() < self.extra.len() + 1
    }

    /// How many channels, the main one included, are billed under `label`.
    pub fn channels_of(&self, label: Label) -> usize {
        let main = usize::from(self.label == label);
        main + self.extra.iter().filter(|c| c.label == label).count()
    }

    /// The first-month volumes of the channels billed under this scenario's label.
    fn own_volumes(&self) -> impl Iterator<Item = u64> + '_ {
        let same = self.extra.iter().filter(|c| c.label == self.label);
        std::iter::once(self.volume).chain(same.map(|c| c.volume))
    }

    /// `volume x w(m) x (1 + growth/100)^(m-1)` for each month, unrounded.
    fn exact_volumes(&self, volume: u64) -> Vec<Decimal> {
        let factor = Decimal::ONE + self.growth / Decimal::ONE_HUNDRED;
        let mut exact = calls_decimal(Calls::from(volume));
        (0..self.months as usize)
            .map(|month| {
                if month > 0 {
                    exact = exact.saturating_mul(factor);
                }
                match self.profile.is_empty() {
                    true => exact,
                    false => exact.saturating_mul(self.multiplier(month)),
                }
            })
            .collect()
    }

    /// The profile's multiplier of a month (from 0): 1 without a profile.
    pub fn multiplier(&self, month: usize) -> Decimal {
        match self.profile.len() {
            0 => Decimal::ONE,
            len => self.profile[month % len],
        }
    }

    /// The price column in force in a month (from 0): the promotional one
    /// until the promotion ends, the list price after.
    pub fn column_in(&self, month: usize) -> PriceColumn {
        match (self.column, self.promo_months) {
            (PriceColumn::Promo, Some(promo)) if month >= promo as usize => PriceColumn::List,
            (column, _) => column,
        }
    }

    /// The months of the horizon cut into pack validity windows, as index ranges.
    pub fn windows(&self) -> Vec<std::ops::Range<usize>> {
        let months = self.months as usize;
        let step = PACK_VALID_MONTHS as usize;
        (0..months)
            .step_by(step)
            .map(|start| start..(start + step).min(months))
            .collect()
    }
}

fn whole_calls(exact: Decimal) -> Calls {
    exact
        .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
        .to_u128()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn with_growth(volume: u64, growth: &str, months: u32) -> Scenario {
        Scenario {
            volume,
            months,
            growth: Decimal::from_str(growth).unwrap(),
            ..Scenario::default()
        }
    }

    #[test]
    fn flat_volume_repeats() {
        assert_eq!(
            with_growth(1234, "0", 3).month_volumes(),
            vec![1234, 1234, 1234]
        );
    }

    #[test]
    fn growth_compounds_and_rounds_half_away_from_zero() {
        // 1000, 1025, 1050.625 -> 1051, 1076.890625 -> 1077
        assert_eq!(
            with_growth(1000, "2.5", 4).month_volumes(),
            vec![1000, 1025, 1051, 1077]
        );
        // 3 x 0.5 = 1.5 -> 2; 0.75 -> 1; 0.375 -> 0
        assert_eq!(with_growth(3, "-50", 4).month_volumes(), vec![3, 2, 1, 0]);
    }

    #[test]
    fn retries_are_billed_with_one_rounding() {
        // 1000 x 1.025^2 = 1050.625; x 1.15 = 1208.21875 -> 1208 (not 1051 x 1.15 = 1208.65 -> 1209).
        let scenario = Scenario {
            retry: Decimal::from_str("15").unwrap(),
            ..with_growth(1000, "2.5", 3)
        };
        assert_eq!(scenario.month_volumes(), vec![1150, 1179, 1208]);
        assert_eq!(scenario.month_verifications(), vec![1000, 1025, 1051]);
        let half = Scenario {
            retry: Decimal::from_str("50").unwrap(),
            ..with_growth(3, "0", 1)
        };
        assert_eq!(half.month_volumes(), vec![5], "4.5 rounds away from zero");
    }

    #[test]
    fn the_promotion_ends_after_its_months_and_only_for_the_promotional_column() {
        let scenario = Scenario {
            promo_months: Some(2),
            months: 4,
            ..Scenario::default()
        };
        let columns: Vec<_> = (0..4).map(|m| scenario.column_in(m)).collect();
        use PriceColumn::{List, Promo};
        assert_eq!(columns, vec![Promo, Promo, List, List]);
        let none = Scenario {
            promo_months: Some(0),
            ..scenario.clone()
        };
        assert_eq!(none.column_in(0), List);
        let list = Scenario {
            column: List,
            promo_months: Some(3),
            ..scenario
        };
        assert_eq!(list.column_in(0), List);
        assert_eq!(Scenario::default().column_in(35), Promo);
    }

    #[test]
    fn top_of_range_does_not_overflow() {
        let volumes = with_growth(VOLUME_MAX, "100", MONTHS_MAX).month_volumes();
        assert_eq!(volumes[35], 1_000_000_000u128 << 35);
        let retried = Scenario {
            retry: RETRY_MAX,
            ..with_growth(VOLUME_MAX, "100", MONTHS_MAX)
        };
        assert_eq!(retried.month_volumes()[35], 4_000_000_000u128 << 35);
    }

    #[test]
    fn windows_are_twelve_months_with_a_short_last_one() {
        let scenario = Scenario {
            months: 30,
            ..Scenario::default()
        };
        assert_eq!(scenario.windows(), vec![0..12, 12..24, 24..30]);
        let scenario = Scenario {
            months: 12,
            ..Scenario::default()
        };
        assert_eq!(scenario.windows(), vec![0..12]);
    }
}
