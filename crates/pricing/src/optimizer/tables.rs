//! What the searches precompute per label and buying column, and the whole
//! fen they count in: the pack table, the cheapest multiset of at least each
//! capacity, range minima per postpaid tier. A leaf the searches read.

use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::label::PriceColumn;
use crate::price_book::LabelPrices;

use super::error::OptimizerError;
use super::pack_costs::{self, PackCosts};
use super::range_min::RangeMin;

/// The range-minimum tables' amounts are whole fen, as integers: pack
/// prices are whole fen, and a tier price times the capacity unit has at
/// most two decimals (checked when the tables are built). Comparing
/// integers instead of decimals was a fifth of a recommendation's time.
pub(super) type Fen = i64;

/// The key of a capacity no multiset of packs has: above every real key.
pub(super) const NO_KEY: Fen = Fen::MAX;

/// An amount of whole fen as [`Fen`]; [`NO_KEY`] if it is not one or does not fit.
pub(super) fn fen(amount: Decimal) -> Fen {
    crate::money::whole_fen(amount).unwrap_or(NO_KEY)
}

/// Prefix minima of the price per unit over the table, compared exactly by
/// cross-multiplying whole fen and units.
fn ratio_minima(costs: &PackCosts) -> Vec<usize> {
    let mut minima = vec![0; costs.table_len()];
    let mut best: Option<(i128, i128, usize)> = None;
    for (k, slot) in minima.iter_mut().enumerate().skip(1) {
        if let Some((price, _)) = costs.in_table_fen(k) {
            let price = i128::from(price);
            let lower = best.is_none_or(|(p, c, _)| price * c < p * k as i128);
            if lower && price != i128::from(NO_KEY) {
                best = Some((price, k as i128, k));
            }
        }
        *slot = best.map_or(0, |(_, _, k)| k);
    }
    minima
}

/// `h(k) - k x step` in whole fen; [`NO_KEY`] if it does not fit.
fn tier_key(price: Fen, step: Fen, k: usize) -> Fen {
    Fen::try_from(k)
        .ok()
        .and_then(|k| step.checked_mul(k))
        .and_then(|total| price.checked_sub(total))
        .unwrap_or(NO_KEY)
}

/// Whole fen as an amount.
pub(super) fn yuan(fen: Fen) -> Decimal {
    Decimal::new(fen, 2)
}

/// Everything precomputed for one label and the price column packs are bought at.
pub(super) struct Tables {
    pub(super) costs: PackCosts,
    /// Per postpaid column (`PriceColumn::ALL`'s order), built when first
    /// needed: most scenarios bill postpaid in one column only.
    pub(super) tier_keys: [OnceLock<TierKeys>; 2],
    /// The cheapest multiset of at least each capacity, for the exact program;
    /// built when first needed.
    cover: OnceLock<Cover>,
    /// Keys `(h(k), k, packs)` for covering everything: cheapest, then least unused.
    pub(super) cover_mins: RangeMin<(Fen, usize, u64)>,
    /// `ratio_mins[k]`: the capacity in `1..=k` of the lowest price per unit
    /// `h(c) / c` (0 if none has a multiset), for the cheapest rate an order
    /// of at most `k` units can reach.
    pub(super) ratio_mins: Vec<usize>,
}

/// Per tier of one postpaid column: range minima over the table of the keys
/// `(h(k) - k x unit x u_t, packs, k)`, and how a key changes per period,
/// `price_B - calls_B x u_t`.
pub(super) struct TierKeys {
    pub(super) mins: Vec<RangeMin<(Fen, u64, usize)>>,
    pub(super) drift: Vec<Decimal>,
}

impl Tables {
    pub(super) fn new(
        prices: &LabelPrices,
        buy_column: PriceColumn,
    ) -> Result<Tables, OptimizerError> {
        let label = prices.label;
        // Checked for both columns now, so that building their keys later cannot fail.
        let unit = Decimal::from(pack_costs::unit_calls(prices));
        // Tier steps and pack prices in whole fen keep every key a whole fen.
        let uneven = prices.tiers.iter().any(|tier| {
            PriceColumn::ALL
                .iter()
                .any(|&column| (unit * tier.unit.get(column)).normalize().scale() > 2)
        }) || prices
            .packs
            .iter()
            .any(|pack| pack.price.get(buy_column).normalize().scale() > 2);
        if uneven {
            return Err(OptimizerError::UnevenRounding(label));
        }
        let costs = PackCosts::new(prices, buy_column)
            .map_err(|error| OptimizerError::Table(label, error))?;
        let cover_keys = (0..costs.table_len())
            .map(|k| {
                costs
                    .in_table_fen(k)
                    .map_or((NO_KEY, k, u64::MAX), |(fen, packs)| (fen, k, packs))
            })
            .collect();
        let ratio_mins = ratio_minima(&costs);
        Ok(Tables {
            costs,
            tier_keys: Default::default(),
            cover: OnceLock::new(),
            cover_mins: RangeMin::new(cover_keys),
            ratio_mins,
        })
    }

    /// The cheapest multiset of at least each capacity, built on first use.
    pub(super) fn cover(&self) -> &Cover {
        self.cover.get_or_init(|| Cover::new(&self.costs))
    }

    /// The tier keys of a postpaid column, built on first use.
    pub(super) fn tier_keys(&self, prices: &LabelPrices, column: PriceColumn) -> &TierKeys {
        let at = usize::from(column == PriceColumn::List);
        self.tier_keys[at].get_or_init(|| TierKeys::new(prices, &self.costs, column))
    }
}

impl TierKeys {
    fn new(prices: &LabelPrices, costs: &PackCosts, column: PriceColumn) -> TierKeys {
        let unit = Decimal::from(costs.unit);
        let best_calls = Decimal::from(costs.unit * costs.sizes[costs.best]);
        let mut mins = Vec::new();
        let mut drift = Vec::new();
        for tier in &prices.tiers {
            // Whole fen: Tables::new refused any tier whose step is not.
            let step = fen(unit * tier.unit.get(column));
            let keys = (0..costs.table_len())
                .map(|k| match costs.in_table_fen(k) {
                    Some((price, packs)) => (tier_key(price, step, k), packs, k),
                    None => (NO_KEY, u64::MAX, k),
                })
                .collect();
            mins.push(RangeMin::new(keys));
            drift.push(costs.prices[costs.best] - best_calls * tier.unit.get(column));
        }
        TierKeys { mins, drift }
    }
}

/// The cheapest multiset holding at least `k` units, for every `k`: `(fen,
/// units, packs)`, built from the exact-capacity table.
pub(super) struct Cover {
    keys: Vec<(i64, u64, u64)>,
    threshold: usize,
    period: u64,
    best_fen: i64,
}

impl Cover {
    /// A minimal multiset for "at least `k`" holds less than `k` plus its
    /// largest pack, and past the table's threshold `h(k + P) = h(k) + B`;
    /// so the least over `j >= T` is the least over one period, and below it
    /// a suffix minimum.
    pub(super) fn new(costs: &PackCosts) -> Cover {
        let (threshold, period) = (costs.threshold, costs.period());
        let best_fen = crate::money::whole_fen(costs.prices[costs.best]).unwrap_or(NO_KEY);
        let exact = |k: usize| {
            costs
                .in_table_fen(k)
                .map_or((NO_KEY, k as u64, u64::MAX), |(fen, packs)| {
                    (fen, k as u64, packs)
                })
        };
        let len = threshold + period;
        let mut keys: Vec<(i64, u64, u64)> = (0..len).map(exact).collect();
        let least_of_period = keys[threshold..].iter().copied().min();
        let mut next =
            least_of_period.map_or((NO_KEY, u64::MAX, u64::MAX), |(fen, units, packs)| {
                (
                    fen.saturating_add(best_fen),
                    units + period as u64,
                    packs + 1,
                )
            });
        for key in keys.iter_mut().rev() {
            next = next.min(*key);
            *key = next;
        }
        Cover {
            keys,
            threshold,
            period: period as u64,
            best_fen,
        }
    }

    /// The cheapest multiset of at least `k` units: `(fen, units, packs)`.
    pub(super) fn at_least(&self, k: u64) -> (i64, u64, u64) {
        let len = self.keys.len() as u64;
        if k < len {
            return self.keys[k as usize];
        }
        let t = self.threshold as u64;
        let periods = (k - t) / self.period;
        let (fen, units, packs) = self.keys[(k - periods * self.period) as usize];
        let extra = i64::try_from(periods).unwrap_or(i64::MAX);
        (
            fen.saturating_add(self.best_fen.saturating_mul(extra)),
            units + periods * self.period,
            packs.saturating_add(periods),
        )
    }
}
