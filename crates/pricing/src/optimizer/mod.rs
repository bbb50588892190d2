//! The exact cheapest plan: which packs to buy at the start of each 12-month
//! window, if any, so that packs plus postpaid cost the least.
//!
//! # Model
//!
//! Month `m` bills `v x (1 + g/100)^(m-1) x (1 + r/100)` calls (growth `g`,
//! retries `r`), rounded once, half away from zero. Legacy calls are used
//! first, earliest month first, only in months 1 … `legacy_months`; what is
//! left then expires. The horizon is cut into windows of 12 months (the last
//! may be shorter). At the start of a window the plan buys a multiset of the
//! label's packs, priced in the column in force that month (the promotional
//! one until `promo_months`, the list price after), valid for that window
//! only and used in time order before postpaid; calls they do not cover are
//! billed postpaid month by month, each month at the tier of the calls it
//! bills and in the column in force that month. Windows are therefore
//! independent, and so is the optimum of each. This is the purchase model:
//! the plan is the cheapest among plans that buy at the start of each
//! window, which is exact within the model and not over every purchase day.
//!
//! # Algorithm
//!
//! In a window, everything depends on the packs' total capacity `C` only:
//! the packs cover the first `C` calls, so the postpaid bill is `P(C)` and
//! the plan costs `h(C) + P(C)`, with `h` the cheapest multiset of exact
//! capacity `C` ([`pack_costs::PackCosts`], periodic beyond a small table).
//! `C >= V` (all calls covered) costs `min h(C)` over `C >= V`, answered from
//! range minima over one period. For `C < V`, exactly one month `j` is partly
//! covered and its billed calls `b` lie in one tier `t`; for those `C`, `P(C)
//! = rest_j + round((pre_j - C) x u_t)`, linear in `C` up to a rounding term
//! that is constant because `u_t` times the capacity unit has at most two
//! decimals (checked). So each (month, tier) piece asks for the minimum of
//! `h(C) - C x u_t` over an interval: a range-minimum query over the table
//! per tier price, where the periodic part needs only the first or the last
//! period of the interval, by the sign of `price_B - calls_B x u_t`.
//!
//! A window whose months straddle the promotion's end keeps one pack table
//! (its buying column) and takes each month's tier price from that month's
//! column: the pieces above are per (month, tier) anyway, so each piece asks
//! the range minima of its own month's column.
//!
//! # Complexity
//!
//! Per label and buying column, once: `O(L x p)` to build the table of `L =
//! T + size_B` capacities (`p` pack sizes; `L` is at most 14 000 units of 100
//! calls for the 2021-02-01 prices), and `O(L)` per tier price for the range
//! minima of each postpaid column, built the first time a month is billed in
//! that column. Per recommendation: `O(M x
//! (tiers + p))` for `M` months, with constant-time range queries (a short
//! range is scanned, at most 32 keys), independent of the volume, of the
//! promotion's end, of retries and of the legacy balance. Ties: the lower
//! total, then fewer unused calls, then fewer packs.

mod pack_costs;
mod range_min;

use std::sync::OnceLock;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::billing::{month_bill, Legacy, Purchase};
use crate::label::{Label, PriceColumn};
use crate::money::calls_decimal;
use crate::price_book::{LabelPrices, PriceBook};
use crate::scenario::Scenario;
use crate::Calls;
use pack_costs::{PackCosts, TableError};
use range_min::RangeMin;

/// Why no plan could be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptimizerError {
    /// The pack table could not be built for this label.
    Table(Label, TableError),
    /// A tier price times the capacity unit has more than two decimals, so
    /// rounding would not be uniform over a tier.
    UnevenRounding(Label),
}

impl std::fmt::Display for OptimizerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptimizerError::Table(label, error) => {
                write!(f, "no pack table for {label}: {error:?}")
            }
            OptimizerError::UnevenRounding(label) => {
                write!(f, "tier prices of {label} round unevenly")
            }
        }
    }
}

/// What a recommended plan is, in one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// Buy no packs.
    PostpaidOnly,
    /// Packs cover every call.
    PacksOnly,
    /// Packs, and postpaid for the calls beyond them.
    PacksAndPostpaid,
}

impl Strategy {
    /// What several labels' plans are together: postpaid only when none buys
    /// packs, packs only when each covers every call, else packs and postpaid.
    pub fn together(kinds: impl IntoIterator<Item = Strategy>) -> Strategy {
        let (mut any_packs, mut all_covered) = (false, true);
        for kind in kinds {
            any_packs |= kind != Strategy::PostpaidOnly;
            all_covered &= kind == Strategy::PacksOnly;
        }
        match (any_packs, all_covered) {
            (false, _) => Strategy::PostpaidOnly,
            (true, true) => Strategy::PacksOnly,
            (true, false) => Strategy::PacksAndPostpaid,
        }
    }
}

/// What to buy at the start of one window, and what the window costs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WindowPlan {
    /// First month of the window, counted from 0.
    pub first_month: usize,
    /// Months in the window.
    pub months: usize,
    /// Packs bought, largest first; empty for postpaid only.
    pub purchases: Vec<Purchase>,
    /// What the packs cost.
    pub packs_cost: Decimal,
    /// What postpaid costs over the window.
    pub postpaid_cost: Decimal,
    /// Pack calls left when the window ends.
    pub unused: Calls,
}

impl WindowPlan {
    /// Packs plus postpaid over the window.
    pub fn total(&self) -> Decimal {
        self.packs_cost + self.postpaid_cost
    }
}

/// The cheapest plan for a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    /// One plan per window of the horizon.
    pub windows: Vec<WindowPlan>,
    /// Packs plus postpaid over the horizon.
    pub total: Decimal,
    /// Pack calls that expire unused.
    pub unused: Calls,
    /// What the plan is.
    pub strategy: Strategy,
}

impl Recommendation {
    /// The purchases per window, as [`crate::billing::price_plan`] takes them.
    pub fn purchases(&self) -> Vec<Vec<Purchase>> {
        self.windows
            .iter()
            .map(|window| window.purchases.clone())
            .collect()
    }

    /// Packs bought over the horizon.
    pub fn pack_count(&self) -> u64 {
        self.windows
            .iter()
            .flat_map(|w| &w.purchases)
            .map(|p| p.count)
            .sum()
    }
}

/// Finds cheapest plans; tables are built once per label and column.
pub struct Optimizer<'b> {
    book: &'b PriceBook,
    tables: [OnceLock<Result<Tables, OptimizerError>>; 8],
}

impl<'b> Optimizer<'b> {
    /// An optimizer over a price book.
    pub fn new(book: &'b PriceBook) -> Optimizer<'b> {
        Optimizer {
            book,
            tables: Default::default(),
        }
    }

    /// The price book this optimizer works on.
    pub fn book(&self) -> &'b PriceBook {
        self.book
    }

    /// The cheapest plan for a scenario.
    pub fn recommend(&self, scenario: &Scenario) -> Result<Recommendation, OptimizerError> {
        self.recommend_for(scenario, scenario.month_volumes())
    }

    /// [`Optimizer::recommend`] with the scenario's billed calls already worked out.
    pub(crate) fn recommend_for(
        &self,
        scenario: &Scenario,
        billed: Vec<Calls>,
    ) -> Result<Recommendation, OptimizerError> {
        let prices = self.book.label(scenario.label);
        let all_volumes = after_legacy(scenario, billed);
        let columns: Vec<PriceColumn> = (0..all_volumes.len())
            .map(|month| scenario.column_in(month))
            .collect();
        let mut windows: Vec<WindowPlan> = Vec::new();
        for months in scenario.windows() {
            let window = Window {
                prices,
                tables: self.tables(scenario.label, columns[months.start])?,
                volumes: &all_volumes[months.clone()],
                columns: &columns[months.clone()],
            };
            // Flat volumes at one price repeat a window exactly; its plan repeats too.
            let same = windows.last().filter(|last| {
                let earlier = last.first_month..last.first_month + last.months;
                window.volumes == &all_volumes[earlier.clone()]
                    && window.columns == &columns[earlier]
            });
            let plan = match same {
                Some(last) => WindowPlan {
                    first_month: months.start,
                    ..last.clone()
                },
                None => window.best(months.start),
            };
            windows.push(plan);
        }
        Ok(summarize(windows))
    }

    fn tables(&self, label: Label, column: PriceColumn) -> Result<&Tables, OptimizerError> {
        let slot = label.index() * 2 + usize::from(column == PriceColumn::List);
        self.tables[slot]
            .get_or_init(|| Tables::new(self.book.label(label), column))
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl Optimizer<'static> {
    /// The optimizer for the embedded price book, shared by every caller.
    pub fn embedded() -> Result<&'static Optimizer<'static>, crate::PriceBookError> {
        static OPTIMIZER: OnceLock<Optimizer<'static>> = OnceLock::new();
        let book = PriceBook::embedded()?;
        Ok(OPTIMIZER.get_or_init(|| Optimizer::new(book)))
    }
}

fn summarize(windows: Vec<WindowPlan>) -> Recommendation {
    let total = windows.iter().map(WindowPlan::total).sum();
    let unused = windows.iter().map(|w| w.unused).sum();
    let strategy = if windows.iter().all(|w| w.purchases.is_empty()) {
        Strategy::PostpaidOnly
    } else if windows.iter().all(|w| w.postpaid_cost.is_zero()) {
        Strategy::PacksOnly
    } else {
        Strategy::PacksAndPostpaid
    };
    Recommendation {
        windows,
        total,
        unused,
        strategy,
    }
}

/// Month volumes with legacy calls taken out, earliest month first, while they may be used.
fn after_legacy(scenario: &Scenario, mut volumes: Vec<Calls>) -> Vec<Calls> {
    let mut legacy = Legacy::new(scenario);
    for (month, calls) in volumes.iter_mut().enumerate() {
        *calls -= legacy.take(month, *calls);
    }
    volumes
}

/// The range-minimum tables' amounts are whole fen, as integers: pack
/// prices are whole fen, and a tier price times the capacity unit has at
/// most two decimals (checked when the tables are built). Comparing
/// integers instead of decimals was a fifth of a recommendation's time.
type Fen = i64;

/// The key of a capacity no multiset of packs has: above every real key.
const NO_KEY: Fen = Fen::MAX;

/// An amount of whole fen as [`Fen`]; [`NO_KEY`] if it is not one or does not fit.
fn fen(amount: Decimal) -> Fen {
    let fen = amount * Decimal::ONE_HUNDRED;
    match fen.fract().is_zero() {
        true => fen.to_i64().unwrap_or(NO_KEY),
        false => NO_KEY,
    }
}

/// Whole fen as an amount.
fn yuan(fen: Fen) -> Decimal {
    Decimal::new(fen, 2)
}

/// Everything precomputed for one label and the price column packs are bought at.
struct Tables {
    costs: PackCosts,
    /// Per postpaid column (`PriceColumn::ALL`'s order), built when first
    /// needed: most scenarios bill postpaid in one column only.
    tier_keys: [OnceLock<TierKeys>; 2],
    /// Keys `(h(k), k, packs)` for covering everything: cheapest, then least unused.
    cover_mins: RangeMin<(Fen, usize, u64)>,
}

/// Per tier of one postpaid column: range minima over the table of the keys
/// `(h(k) - k x unit x u_t, packs, k)`, and how a key changes per period,
/// `price_B - calls_B x u_t`.
struct TierKeys {
    mins: Vec<RangeMin<(Fen, u64, usize)>>,
    drift: Vec<Decimal>,
}

impl Tables {
    fn new(prices: &LabelPrices, buy_column: PriceColumn) -> Result<Tables, OptimizerError> {
        let label = prices.label;
        let costs = PackCosts::new(prices, buy_column)
            .map_err(|error| OptimizerError::Table(label, error))?;
        // Checked for both columns now, so that building their keys later cannot fail.
        let unit = Decimal::from(costs.unit);
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
        let cover_keys = (0..costs.table_len())
            .map(|k| {
                costs.in_table(k).map_or((NO_KEY, k, u64::MAX), |cost| {
                    (fen(cost.price), k, cost.packs)
                })
            })
            .collect();
        Ok(Tables {
            costs,
            tier_keys: Default::default(),
            cover_mins: RangeMin::new(cover_keys),
        })
    }

    /// The tier keys of a postpaid column, built on first use.
    fn tier_keys(&self, prices: &LabelPrices, column: PriceColumn) -> &TierKeys {
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
            let step = unit * tier.unit.get(column);
            let keys = (0..costs.table_len())
                .map(|k| match costs.in_table(k) {
                    Some(cost) => (fen(cost.price - step * Decimal::from(k)), cost.packs, k),
                    None => (NO_KEY, u64::MAX, k),
                })
                .collect();
            mins.push(RangeMin::new(keys));
            drift.push(costs.prices[costs.best] - best_calls * tier.unit.get(column));
        }
        TierKeys { mins, drift }
    }
}

/// One window's months and what prices them.
struct Window<'a> {
    prices: &'a LabelPrices,
    /// Built for the column packs are bought at: the one in force in the window's first month.
    tables: &'a Tables,
    volumes: &'a [Calls],
    /// The column each month's postpaid bill is priced at.
    columns: &'a [PriceColumn],
}

/// A capacity worth comparing, with what it leads to.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    units: u128,
    packs_cost: Decimal,
    postpaid_cost: Decimal,
    unused: Calls,
    packs: u64,
}

impl Candidate {
    fn key(&self) -> (Decimal, Calls, u64) {
        (
            self.packs_cost + self.postpaid_cost,
            self.unused,
            self.packs,
        )
    }
}

impl Window<'_> {
    fn best(&self, first_month: usize) -> WindowPlan {
        let mut best = self.cover_all();
        for candidate in self.partial_cover() {
            if candidate.key() < best.key() {
                best = candidate;
            }
        }
        WindowPlan {
            first_month,
            months: self.volumes.len(),
            purchases: self.purchases(best.units),
            packs_cost: best.packs_cost,
            postpaid_cost: best.postpaid_cost,
            unused: best.unused,
        }
    }

    fn unit(&self) -> u128 {
        u128::from(self.tables.costs.unit)
    }

    fn purchases(&self, units: u128) -> Vec<Purchase> {
        let counts = self.tables.costs.multiset(units);
        let mut purchases: Vec<Purchase> = self
            .prices
            .packs
            .iter()
            .zip(counts)
            .filter(|(_, count)| *count > 0)
            .map(|(pack, count)| Purchase { pack: *pack, count })
            .collect();
        purchases.reverse();
        purchases
    }

    /// The cheapest capacity of at least all the window's calls.
    fn cover_all(&self) -> Candidate {
        let calls: Calls = self.volumes.iter().sum();
        let needed = calls.div_ceil(self.unit());
        let costs = &self.tables.costs;
        let (len, start, period) = (costs.table_len(), costs.threshold, costs.period() as u128);
        let (first, periods) = costs.split(needed);
        // From `first` to the table's end at `periods`, and the part of the
        // period before `first` one period later; later periods cost more.
        let mut options = vec![(self.tables.cover_mins.argmin(first, len - 1), periods)];
        if first > start {
            options.push((self.tables.cover_mins.argmin(start, first - 1), periods + 1));
        }
        options
            .into_iter()
            .filter_map(|(index, extra)| {
                let cost = costs.in_table(index)?;
                let units = index as u128 + extra * period;
                let cost = costs.with_extra_best(cost, extra);
                Some(Candidate {
                    units,
                    packs_cost: cost.price,
                    postpaid_cost: Decimal::ZERO,
                    unused: units * self.unit() - calls,
                    packs: cost.packs,
                })
            })
            .min_by_key(Candidate::key)
            .unwrap_or(Candidate {
                units: 0,
                packs_cost: Decimal::MAX,
                postpaid_cost: Decimal::ZERO,
                unused: 0,
                packs: 0,
            })
    }

    /// The best capacity for each (month, tier) piece of the capacities that
    /// leave some calls to postpaid.
    fn partial_cover(&self) -> Vec<Candidate> {
        let bills: Vec<Decimal> = self
            .volumes
            .iter()
            .zip(self.columns)
            .map(|(&v, &column)| month_bill(self.prices, column, v))
            .collect();
        let mut after = Decimal::ZERO;
        let mut rest = vec![Decimal::ZERO; bills.len()];
        for j in (0..bills.len()).rev() {
            rest[j] = after;
            after += bills[j];
        }
        let mut before: Calls = 0;
        let mut candidates = Vec::new();
        for (j, &calls) in self.volumes.iter().enumerate() {
            let through = before + calls;
            for (t, tier) in self.prices.tiers.iter().enumerate() {
                // Billed calls b = through - C must satisfy above < b <= up_to and b <= calls.
                let low = tier.up_to.map_or(before, |up| {
                    through.saturating_sub(Calls::from(up)).max(before)
                });
                let Some(high) = through.checked_sub(Calls::from(tier.above) + 1) else {
                    continue;
                };
                let (lo, hi) = (low.div_ceil(self.unit()), high / self.unit());
                if lo > hi {
                    continue;
                }
                let Some(units) = self.tier_best(self.columns[j], t, lo, hi) else {
                    continue;
                };
                if let Some(cost) = self.tables.costs.cost(units) {
                    let billed = through - units * self.unit();
                    let postpaid_cost = month_bill(self.prices, self.columns[j], billed) + rest[j];
                    candidates.push(Candidate {
                        units,
                        packs_cost: cost.price,
                        postpaid_cost,
                        unused: 0,
                        packs: cost.packs,
                    });
                }
            }
            before = through;
        }
        candidates
    }

    /// The capacity (in units) in `lo..=hi` that minimises `h(k) - k x u_t`,
    /// then the pack count: inside the table by a range query, beyond it in
    /// the periods that can hold the minimum. Within one tier range the key
    /// differs from the window's total by a constant, so it orders them alike.
    fn tier_best(&self, column: PriceColumn, t: usize, lo: u128, hi: u128) -> Option<u128> {
        let costs = &self.tables.costs;
        let keys = self.tables.tier_keys(self.prices, column);
        let mins = &keys.mins[t];
        let (len, period) = (costs.table_len() as u128, costs.period() as u128);
        let drift = keys.drift[t];
        let mut best: Option<((Decimal, u64), u128)> = None;
        let mut consider = |index: usize, periods: u128| {
            let (value, packs, _) = mins.keys()[index];
            if value == NO_KEY {
                return;
            }
            let key = (
                yuan(value) + drift * calls_decimal(periods),
                packs.saturating_add(periods as u64),
            );
            if best.is_none_or(|(known, _)| key < known) {
                best = Some((key, index as u128 + periods * period));
            }
        };
        if lo < len {
            consider(mins.argmin(lo as usize, hi.min(len - 1) as usize), 0);
        }
        if hi >= len {
            let (first, first_periods) = costs.split(lo.max(len));
            let (last, last_periods) = costs.split(hi);
            if first_periods == last_periods {
                consider(mins.argmin(first, last), first_periods);
            } else {
                let table_end = len as usize - 1;
                consider(mins.argmin(first, table_end), first_periods);
                consider(mins.argmin(costs.threshold, last), last_periods);
                if last_periods - first_periods >= 2 {
                    // A whole period: its best is earliest if keys grow per period.
                    let rising = drift >= Decimal::ZERO;
                    let periods = if rising {
                        first_periods + 1
                    } else {
                        last_periods - 1
                    };
                    consider(mins.argmin(costs.threshold, table_end), periods);
                }
            }
        }
        best.map(|(_, units)| units)
    }
}
