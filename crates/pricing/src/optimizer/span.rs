//! Consecutive months served from one stock of packs bought inside them:
//! the cheapest capacity for covering their calls, whole or up to a part of
//! the last month, by range-minimum queries over the pack table.
//!
//! Everything depends on the packs' total capacity `C` only: the packs cover
//! the first `C` calls. `C` of at least all the calls costs `min h(C)` over
//! those capacities, answered from range minima over one period. For `C`
//! short of them, some month `j` is partly covered and its billed calls `b`
//! lie in one tier `t`; for those `C`, the bill is `rest_j + round((pre_j - C)
//! x u_t)`, linear in `C` up to a rounding term that is constant because
//! `u_t` times the capacity unit has at most two decimals (checked when the
//! tables are built). So each (month, tier) piece asks for the minimum of
//! `h(C) - C x u_t` over an interval: a range-minimum query over the table
//! per tier price, where the periodic part needs only the first or the last
//! period of the interval, by the sign of `price_B - calls_B x u_t`.

use rust_decimal::Decimal;

use crate::billing::{month_bill, Purchase};
use crate::calls::Calls;
use crate::label::PriceColumn;
use crate::money::calls_decimal;
use crate::price_book::LabelPrices;

use super::tables::{yuan, Tables, NO_KEY};

/// Months served from packs bought at the price column of `tables`.
pub(super) struct Span<'a> {
    pub prices: &'a LabelPrices,
    pub tables: &'a Tables,
    pub volumes: &'a [Calls],
    /// The column each month's postpaid bill is priced at.
    pub columns: &'a [PriceColumn],
}

/// A capacity worth comparing, with what it leads to.
#[derive(Clone, Copy, Debug)]
pub(super) struct Candidate {
    /// Capacity in units of the table.
    pub units: u128,
    /// What the packs cost at the table's column.
    pub packs_cost: Decimal,
    pub postpaid_cost: Decimal,
    /// Calls the packs serve.
    pub served: Calls,
    pub unused: Calls,
    pub packs: u64,
}

impl Candidate {
    /// Cheaper first, then fewer unused calls, then fewer packs.
    pub fn key(&self) -> (Decimal, Calls, u64) {
        (
            self.packs_cost + self.postpaid_cost,
            self.unused,
            self.packs,
        )
    }
}

/// Whether pieces also bound the capacities above them (for the lower bound).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Bounds {
    Above,
    Skip,
}

/// One (month, tier) piece: the best capacities inside it, and a bound on
/// what a capacity above the piece costs when it still serves only the
/// piece's calls (packs that expire unused elsewhere in the span).
pub(super) struct Piece {
    /// The best capacities inside the piece, best first.
    pub best: Vec<Candidate>,
    /// The least and most calls the piece bills postpaid in its month.
    pub billed: (Calls, Calls),
    /// Its tier's price per call.
    pub unit: Decimal,
    /// Calls of the span through the piece's month.
    pub through: Calls,
    pub above_bound: Option<Decimal>,
}

impl Span<'_> {
    fn unit(&self) -> u128 {
        u128::from(self.tables.costs.unit)
    }

    /// The packs of a capacity, largest first.
    pub fn purchases(&self, units: u128) -> Vec<Purchase> {
        Purchase::from_counts(&self.prices.packs, self.tables.costs.multiset(units))
    }

    /// The cheapest capacity of at least `calls` calls, serving `served`.
    pub fn cover(&self, calls: Calls, served: Calls) -> Option<Candidate> {
        self.covers(calls, served, 1).into_iter().next()
    }

    /// The `k` cheapest capacities of at least `calls` calls, serving `served`, best first.
    pub fn covers(&self, calls: Calls, served: Calls, k: usize) -> Vec<Candidate> {
        let needed = calls.div_ceil(self.unit());
        let costs = &self.tables.costs;
        let (len, start, period) = (costs.table_len(), costs.threshold, costs.period() as u128);
        let (first, periods) = costs.split(needed);
        let mins = &self.tables.cover_mins;
        // From `first` to the table's end at `periods`, and the part of the
        // period before `first` one period later; later periods cost more.
        let mut found: Vec<Candidate> = Vec::with_capacity(2 * k);
        let mut offer = |index: usize, extra: u128| {
            let Some(cost) = costs.in_table(index) else {
                return;
            };
            let units = index as u128 + extra * period;
            let cost = costs.with_extra_best(cost, extra);
            found.push(Candidate {
                units,
                packs_cost: cost.price,
                postpaid_cost: Decimal::ZERO,
                served,
                unused: units * self.unit() - served,
                packs: cost.packs,
            });
        };
        mins.smallest(first, len - 1, k, |index| offer(index, periods));
        if first > start {
            mins.smallest(start, first - 1, k, |index| offer(index, periods + 1));
        }
        // A handful of items: a sort routine would weigh more in the page than this.
        smallest_first(&mut found, |a, b| a.key() < b.key());
        found.truncate(k);
        found
    }

    /// The `k` cheapest capacities covering every call of the span, best first.
    pub fn covers_all(&self, k: usize) -> Vec<Candidate> {
        let calls: Calls = self.volumes.iter().sum();
        self.covers(calls, calls, k)
    }

    /// The lowest price per call an order serving at most `most` calls can
    /// have: its packs cost at least the cheapest multiset holding what it
    /// serves, so at least the best price per unit among capacities up to
    /// `most`, or the cheapest capacity above `most` spread over `most`.
    /// Rounded down, so that it stays a lower bound; `None` when no order
    /// can serve anything.
    pub fn order_rate(&self, most: Calls) -> Option<Decimal> {
        let (price, calls) = self.order_price(most)?;
        let rate = price / calls_decimal(calls);
        Some(rate.round_dp_with_strategy(12, rust_decimal::RoundingStrategy::ToZero))
    }

    /// [`Span::order_rate`] as (price, calls).
    fn order_price(&self, most: Calls) -> Option<(Decimal, Calls)> {
        let costs = &self.tables.costs;
        let units = usize::try_from(most / self.unit()).unwrap_or(usize::MAX);
        let last = costs.table_len() - 1;
        let within = self.tables.ratio_mins[units.min(last)];
        let within = costs
            .in_table(within)
            .filter(|_| within > 0)
            .map(|cost| (cost.price, within as Calls * self.unit()));
        // Beyond the table a capacity is a table entry plus best packs: its
        // price per unit is at least the lower of theirs.
        let best = (
            costs.prices[costs.best],
            Calls::from(costs.sizes[costs.best]) * self.unit(),
        );
        let within = match units > last {
            true => Some(within.map_or(best, |w| cheaper(w, best))),
            false => within,
        };
        let above = self
            .cover(most + 1, most)
            .filter(|_| most > 0)
            .map(|c| (c.packs_cost, most));
        match (within, above) {
            (Some(a), Some(b)) => Some(cheaper(a, b)),
            (a, b) => a.or(b),
        }
    }

    /// The postpaid bill of each whole month.
    pub fn bills(&self) -> Vec<Decimal> {
        self.volumes
            .iter()
            .zip(self.columns)
            .map(|(&v, &column)| month_bill(self.prices, column, v))
            .collect()
    }

    /// The pieces of month `j` partly covered, months before it covered and
    /// months after it postpaid at `rest` in all; up to `k` capacities each.
    pub fn for_each_piece(
        &self,
        j: usize,
        rest: Decimal,
        k: usize,
        bounds: Bounds,
        mut each: impl FnMut(Piece),
    ) {
        let before: Calls = self.volumes[..j].iter().sum();
        let calls = self.volumes[j];
        let through = before + calls;
        let column = self.columns[j];
        for (t, tier) in self.prices.tiers.iter().enumerate() {
            // Billed calls b = through - C must satisfy above < b <= up_to and b <= calls.
            let low = tier.up_to.map_or(before, |up| {
                through.saturating_sub(Calls::from(up)).max(before)
            });
            let Some(high) = through.checked_sub(Calls::from(tier.above) + 1) else {
                continue;
            };
            if low > high {
                continue;
            }
            let above_bound = match bounds {
                Bounds::Above => self
                    .cover(high + 1, high)
                    .map(|c| c.packs_cost + month_bill(self.prices, column, through - high) + rest),
                Bounds::Skip => None,
            };
            let (lo, hi) = (low.div_ceil(self.unit()), high / self.unit());
            let units = match lo <= hi {
                true => self.tier_bests(column, t, lo, hi, k),
                false => Vec::new(),
            };
            let best = units
                .into_iter()
                .filter_map(|units| {
                    let cost = self.tables.costs.cost(units)?;
                    let served = units * self.unit();
                    Some(Candidate {
                        units,
                        packs_cost: cost.price,
                        postpaid_cost: month_bill(self.prices, column, through - served) + rest,
                        served,
                        unused: 0,
                        packs: cost.packs,
                    })
                })
                .collect();
            each(Piece {
                best,
                billed: (through - high, through - low),
                unit: tier.unit.get(column),
                through,
                above_bound,
            });
        }
    }

    /// The `k` capacities (in units) in `lo..=hi` that minimise `h(k) - k x
    /// u_t`, then the pack count, best first: inside the table by range
    /// queries, beyond it in the periods that can hold the minimum. Within one
    /// tier range the key differs from the span's total by a constant, so it
    /// orders them alike.
    fn tier_bests(&self, column: PriceColumn, t: usize, lo: u128, hi: u128, k: usize) -> Vec<u128> {
        let costs = &self.tables.costs;
        let keys = self.tables.tier_keys(self.prices, column);
        let mins = &keys.mins[t];
        let (len, period) = (costs.table_len() as u128, costs.period() as u128);
        let drift = keys.drift[t];
        let mut found: Vec<((Decimal, u64), u128)> = Vec::with_capacity(3 * k);
        let mut consider = |from: usize, to: usize, periods: u128| {
            mins.smallest(from, to, k, |index| {
                let (value, packs, _) = mins.keys()[index];
                if value == NO_KEY {
                    return;
                }
                let key = (
                    yuan(value) + drift * calls_decimal(periods),
                    packs.saturating_add(periods as u64),
                );
                found.push((key, index as u128 + periods * period));
            });
        };
        if lo < len {
            consider(lo as usize, hi.min(len - 1) as usize, 0);
        }
        if hi >= len {
            let (first, first_periods) = costs.split(lo.max(len));
            let (last, last_periods) = costs.split(hi);
            if first_periods == last_periods {
                consider(first, last, first_periods);
            } else {
                let table_end = len as usize - 1;
                consider(first, table_end, first_periods);
                consider(costs.threshold, last, last_periods);
                if last_periods - first_periods >= 2 {
                    // A whole period: its best is earliest if keys grow per period.
                    let rising = drift >= Decimal::ZERO;
                    let periods = if rising {
                        first_periods + 1
                    } else {
                        last_periods - 1
                    };
                    consider(costs.threshold, table_end, periods);
                }
            }
        }
        smallest_first(&mut found, |a, b| a < b);
        found.truncate(k);
        found.into_iter().map(|(_, units)| units).collect()
    }
}

/// Orders a few items smallest first, earlier items first among equals.
fn smallest_first<T>(items: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && less(&items[j], &items[j - 1]) {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// The lower of two prices per call, each as (price, calls).
fn cheaper(a: (Decimal, Calls), b: (Decimal, Calls)) -> (Decimal, Calls) {
    match b.0 * calls_decimal(a.1) < a.0 * calls_decimal(b.1) {
        true => b,
        false => a,
    }
}
