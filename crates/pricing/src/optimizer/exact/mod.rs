//! The exact plan: a dynamic program over the consumption pointer, in whole
//! fen and whole calls.
//!
//! # Why one number is the whole history
//!
//! Every pack lasts the same 12 months, so "earliest to expire first" uses
//! packs in purchase order: a pack bought later serves a call only once every
//! earlier one is used up or expired. Whatever a plan has bought by the start
//! of month `t` therefore serves one stretch of the calls to come, from the
//! calls so far `D(t)` up to a position `Q` on the cumulative-demand axis,
//! whatever it buys next; and what it buys next serves the calls from `Q` on.
//! The state of any plan at the start of a month is that one position.
//!
//! # The program
//!
//! At the start of month `t` a plan at `Q` buys a multiset of capacity `C` at
//! the month's column and moves to `Q' = min(max(Q, D(t)) + C, D(t + 12))`:
//! packs bought in month `t` cannot serve a call after month `t + 11`. Month
//! `t` then bills postpaid `D(t + 1) - clamp(Q', D(t), D(t + 1))` calls at
//! their tier, in the month's column, rounded to 分 as the bill line is.
//! Every plan is one path through these states and every path is a plan, so
//! the cheapest path is the cheapest plan: exact by construction, with no
//! bound to meet. Ties go as in [`crate::price_plan`]'s ranking: fewer unused
//! calls (capacity bought plus postpaid calls, which differ from unused calls
//! by the constant `D(M)`), then fewer packs, then fewer orders.
//!
//! # Lanes
//!
//! A position is reached only from an anchor, a month boundary where packs
//! ran out (`max(Q, D(t))`) or expired (`D(t + 12)`), plus whole units of the
//! pack sizes' greatest common divisor. Positions of one residue modulo the
//! unit form a lane; a month keeps one lane per residue its states have, from
//! the lowest state to the expiry cap. The purchase step is an
//! unbounded-knapsack closure along each lane, in one pass that tries every
//! pack at each position: constant work per position and pack, whatever the
//! number of packs bought. The cap
//! is reached with the cheapest multiset of at least the missing capacity
//! ([`Cover`]), one lookup per state.
//!
//! # Cost
//!
//! Work and memory grow with the lanes times the calls of 12 consecutive
//! months in units. A plan that opens on the exact program does so only
//! when its bound on that work is small ([`EXACT_FIRST`]); otherwise the
//! search over runs plans first, and when it does not prove its plan the
//! program runs bounded by that plan's total ([`Program::bound_by`]): a
//! floor under the cost to come drops every state no plan through which
//! can cost as little ([`super::floor`]). The states left are then few and
//! far apart, and a month keeps them as points rather than lanes
//! ([`points`]). The work done is counted and the program stops, with no
//! plan, past its limit ([`WORK_BUDGET`]).

use crate::billing::{Order, Purchase};
use crate::calls::Calls;
use crate::label::PriceColumn;
use crate::price_book::LabelPrices;
use crate::scenario::PACK_VALID_MONTHS;

use super::floor::{order_rate, per_call, Floor};
use super::pack_costs::PackCosts;
use super::tables::{Cover, Tables};

mod lanes;
mod month;
mod points;

use lanes::LaneMonth;
use month::{At, CapFrom, Key, Month, MonthBill, MonthTrace, PackRow, MONTH_STATES, UNREACHED};

const VALID: usize = PACK_VALID_MONTHS as usize;

/// Work (lane positions times pack sizes, or points times pack sizes) a
/// plan to show may take by default, about 2.5 s natively at most; past it
/// the search over runs' plan stands with its gap. The grid of 756
/// scenarios needed at most 142 million.
pub(super) const WORK_BUDGET: u64 = 200_000_000;

/// Work a point of the cost curve may take: its bound on the work must fit,
/// as must the work done.
pub(super) const CURVE_BUDGET: u64 = 60_000_000;

/// Work up to which a plan to show is the exact program's alone (about 15
/// ms natively), ties broken as documented. Past it the search over runs,
/// a few milliseconds whatever the volume, goes first, and the exact program
/// runs only if that plan is not proven: a proven plan is the cheapest, if
/// not always the one with the fewest unused calls among equals.
pub(super) const EXACT_FIRST: u64 = 2_000_000;

/// The program for one scenario's months, advanced a step at a time.
pub(super) struct Program<'a> {
    prices: &'a LabelPrices,
    unit: u64,
    /// `D(t)`: calls of months `0..t`.
    cumulative: Vec<u64>,
    columns: Vec<PriceColumn>,
    packs: [PackRow; 2],
    covers: [Option<&'a Cover>; 2],
    /// Postpaid prices per column (promotional, list); `None` if a rate
    /// does not fit whole numbers.
    bills: [Option<MonthBill<'a>>; 2],
    costs: [Option<&'a PackCosts>; 2],
    /// States at the start of the next month: positions and keys; after the
    /// last month, the one state at the horizon's end.
    frontier: Vec<(u64, Key)>,
    /// The bound on the program's work it was admitted with.
    work: u64,
    /// The month under way, between pieces of work.
    pending: Option<Pending>,
    traces: Vec<MonthTrace>,
    /// Set when an amount did not fit: the program gives no plan.
    overflowed: bool,
    /// A known plan's total and the floor under the cost to come: states
    /// that cannot lead to a plan at that total or less are dropped.
    bound: Option<(i64, Floor)>,
    /// Work done so far (lane positions times packs), and where it stops:
    /// past it the program gives no plan.
    spent: u64,
    limit: u64,
    /// States the months' traces keep, for tracing the plan back.
    kept: u64,
}

/// What the program found.
pub(super) struct Exact {
    pub orders: Vec<Order>,
    /// The plan's total in whole fen.
    pub fen: i64,
}

impl<'a> Program<'a> {
    /// The program for `volumes` (legacy calls taken out) bought and billed
    /// at `columns`; `None` when its work would pass `budget` or its amounts
    /// do not fit whole fen.
    pub(super) fn new(
        prices: &'a LabelPrices,
        volumes: &[Calls],
        columns: &[PriceColumn],
        tables: [Option<&'a Tables>; 2],
        budget: u64,
    ) -> Option<Program<'a>> {
        let cumulative = cumulative(volumes)?;
        let unit = tables.iter().flatten().next()?.costs.unit;
        let work = work(prices, volumes, unit)?;
        if work > budget {
            return None;
        }
        let row = |tables: Option<&Tables>| -> Option<PackRow> {
            let Some(tables) = tables else {
                return Some(Vec::new());
            };
            let costs = &tables.costs;
            costs
                .sizes
                .iter()
                .zip(&costs.prices)
                .map(|(&size, &price)| Some((size, crate::money::whole_fen(price)?)))
                .collect()
        };
        let packs = [row(tables[0])?, row(tables[1])?];
        let zero = Key {
            fen: 0,
            waste: 0,
            packs: 0,
            orders: 0,
            early: 0,
        };
        Some(Program {
            prices,
            unit,
            cumulative,
            columns: columns.to_vec(),
            packs,
            covers: tables.map(|t| t.map(Tables::cover)),
            bills: [PriceColumn::Promo, PriceColumn::List]
                .map(|column| MonthBill::new(prices, column)),
            costs: tables.map(|t| t.map(|t| &t.costs)),
            frontier: vec![(0, zero)],
            work,
            pending: None,
            traces: Vec::new(),
            overflowed: false,
            bound: None,
            spent: 0,
            kept: 0,
            limit: u64::MAX,
        })
    }

    /// Keeps only states through which a plan can cost `fen` or less, the
    /// total of a plan already found: the program then finds the cheapest
    /// plan as before, ties included, if it costs no more ([`Floor`]).
    pub(super) fn bound_by(&mut self, fen: i64) {
        if let Some(floor) = self.floor() {
            self.bound = Some((fen, floor));
        }
    }

    /// Stops the program, with no plan, once its work passes `work` lane
    /// positions times packs.
    pub(super) fn limit_to(&mut self, work: u64) {
        self.limit = work;
    }

    /// The floor under the cost to come, if every column's prices are
    /// whole numbers: each month's least order price per call within its
    /// 12 months' calls, and its least postpaid tier price.
    fn floor(&self) -> Option<Floor> {
        let months = self.columns.len();
        let mut orders = Vec::with_capacity(months);
        let mut postpaid = Vec::with_capacity(months);
        for t in 0..months {
            let at = usize::from(self.columns[t] == PriceColumn::List);
            let window = self.month(t).cap - self.cumulative[t];
            orders.push(match (self.costs[at], self.covers[at]) {
                (Some(costs), Some(cover)) => order_rate(costs, cover, window),
                _ => u64::MAX,
            });
            // The month bills at most its own calls postpaid, so at one of
            // the tiers up to its own.
            let calls = self.cumulative[t + 1] - self.cumulative[t];
            let bill = self.bills[at].as_ref()?;
            let reach = self
                .prices
                .tier_index(Calls::from(calls))
                .map_or(0, |tier| tier + 1);
            let least = bill.rates[..reach]
                .iter()
                .map(|&(numer, denom)| per_call(i64::try_from(numer).unwrap_or(i64::MAX), denom))
                .min()
                .unwrap_or(u64::MAX);
            postpaid.push(least);
        }
        Some(Floor::new(&self.cumulative, &orders, &postpaid))
    }

    /// The states of `frontier` through which a plan can still meet the bound.
    fn viable(&self, t: usize, mut frontier: Vec<(u64, Key)>) -> Vec<(u64, Key)> {
        frontier.retain(|&(position, key)| self.keeps(t, position, key));
        frontier
    }

    /// Whether a plan through a state at `position` in month `t`, at `key`
    /// so far, can still cost no more than the bound.
    fn keeps(&self, t: usize, position: u64, key: Key) -> bool {
        match &self.bound {
            Some((ceiling, floor)) => key.fen.saturating_add(floor.at(t, position)) <= *ceiling,
            None => key != UNREACHED,
        }
    }

    /// The bound on the program's work (lane positions times packs).
    pub(super) fn work(&self) -> u64 {
        self.work
    }

    /// Month `t`'s boundaries on the cumulative-demand axis.
    fn month(&self, t: usize) -> Month {
        let months = self.columns.len();
        Month {
            lo: self.cumulative[t],
            end: self.cumulative[t + 1],
            cap: self.cumulative[(t + VALID).min(months)],
            unit: self.unit,
            left: u32::try_from(months - t).unwrap_or(u32::MAX),
        }
    }

    /// Does the next piece of work: opening a month, a piece of its
    /// purchases, or billing the month; true once every month is done, or
    /// once the work passes its limit. Purchases go in pieces of about a
    /// millisecond natively, so a page can stop between any two.
    pub(super) fn step(&mut self) -> bool {
        let t = self.traces.len();
        let months = self.columns.len();
        if t >= months || self.spent > self.limit {
            return true;
        }
        let at = usize::from(self.columns[t] == PriceColumn::List);
        match self.pending.take() {
            None => match self.covers[at] {
                Some(cover) => {
                    let frontier = std::mem::take(&mut self.frontier);
                    let frontier = self.viable(t, frontier);
                    let month = self.month(t);
                    let packs = self.packs[at].len() as u64 + 2;
                    let lanes = month.lanes(&frontier);
                    let slots = lanes.slots() as u64;
                    let sparse = (frontier.len() as u64).saturating_mul(SPARSE) < slots;
                    if !sparse && slots > MONTH_STATES {
                        self.spent = u64::MAX;
                        return true;
                    }
                    if self.bound.is_some() && sparse {
                        let packs = self.packs[at].len();
                        self.pending = Some(Pending::Points(points::PointMonth::open(
                            month, &frontier, cover, packs,
                        )));
                        return false;
                    }
                    self.spent = self.spent.saturating_add(slots.saturating_mul(packs));
                    if self.spent > self.limit {
                        return true;
                    }
                    self.pending = Some(Pending::Lanes(LaneMonth::open(
                        month, lanes, &frontier, cover,
                    )));
                }
                None => {
                    self.overflowed = true;
                    self.traces.push(MonthTrace::empty());
                    return t + 1 >= months;
                }
            },
            Some(mut pending) if !pending.bought() => {
                let keep = |position: u64, key: Key| self.keeps(t, position, key);
                let (done, work) = pending.buy(&self.packs[at], keep);
                self.spent = self.spent.saturating_add(work);
                if self.spent > self.limit {
                    return true;
                }
                if !done {
                    self.pending = Some(pending);
                    return false;
                }
                self.pending = Some(pending);
            }
            Some(pending) => {
                let Some(bill) = &self.bills[at] else {
                    self.overflowed = true;
                    self.traces.push(MonthTrace::empty());
                    return t + 1 >= months;
                };
                let (trace, next, ok) = pending.close(bill);
                self.overflowed |= !ok;
                self.frontier = next;
                self.kept = self.kept.saturating_add(trace.tags.len() as u64);
                if self.kept > KEPT_STATES {
                    self.spent = u64::MAX;
                }
                self.traces.push(trace);
                return t + 1 >= months;
            }
        }
        false
    }

    /// The cheapest plan, once every month is done; `None` if an amount overflowed.
    pub(super) fn found(self) -> Option<Exact> {
        if self.overflowed || self.traces.len() < self.columns.len() {
            return None;
        }
        let &(mut position, key) = self.frontier.last()?;
        // Past the bound, the best plan left need not be the cheapest.
        if !self.keeps(self.columns.len(), position, key) {
            return None;
        }
        let mut orders = Vec::new();
        for (t, trace) in self.traces.iter().enumerate().rev() {
            let month = self.month(t);
            let at = match position == month.end {
                true => trace.reset?,
                false if position == month.cap => At::Cap,
                false => At::Slot(trace.slot_of(position, self.unit)?),
            };
            let column = usize::from(self.columns[t] == PriceColumn::List);
            let (before, counts) = match at {
                At::Cap => match trace.cap? {
                    CapFrom::Held => (position, Vec::new()),
                    CapFrom::Bought { slot, units } => (
                        trace.position(slot, self.unit)?,
                        self.costs[column]?.multiset(Calls::from(units)),
                    ),
                },
                At::Slot(slot) => trace.walk_back(slot, &self.packs[column], self.unit)?,
            };
            if counts.iter().any(|&count| count > 0) {
                orders.push(Order {
                    month: t,
                    purchases: Purchase::from_counts(&self.prices.packs, counts),
                });
            }
            position = before;
        }
        orders.reverse();
        Some(Exact {
            orders,
            fen: key.fen,
        })
    }
}

/// `D(t)` for every month boundary, if the calls fit a `u64`.
fn cumulative(volumes: &[Calls]) -> Option<Vec<u64>> {
    let mut cumulative = vec![0u64];
    for &calls in volumes {
        let last = *cumulative.last()?;
        cumulative.push(last.checked_add(u64::try_from(calls).ok()?)?);
    }
    Some(cumulative)
}

/// The exact program's work for `volumes` (legacy calls taken out) in lane
/// positions times packs, bounded from above; `None` if it is past counting.
pub(super) fn work(prices: &LabelPrices, volumes: &[Calls], unit: u64) -> Option<u64> {
    if unit == 0 {
        return None;
    }
    work_bound(&cumulative(volumes)?, unit, prices.packs.len() as u64)
}

/// An upper bound on lane positions times packs over the months: a month's lanes are at most the residues,
/// modulo the unit, of the anchors so far (`D(s)` for `s <= t`, where packs
/// may run out, and `D(s + 12)` for `s < t`, where they may expire).
fn work_bound(cumulative: &[u64], unit: u64, packs: u64) -> Option<u64> {
    let months = cumulative.len() - 1;
    let mut residues: Vec<u64> = Vec::new();
    let mut add = |position: u64| {
        let residue = position % unit;
        if let Err(at) = residues.binary_search(&residue) {
            residues.insert(at, residue);
        }
        residues.len() as u64
    };
    let mut work = 0u64;
    for t in 0..months {
        let mut lanes = add(cumulative[t]);
        if t > 0 {
            lanes = add(cumulative[(t - 1 + VALID).min(months)]);
        }
        let cap = cumulative[(t + VALID).min(months)];
        let slots = (cap - cumulative[t]) / unit + 1;
        work = work.checked_add(slots.checked_mul(lanes)?.checked_mul(packs + 2)?)?;
    }
    Some(work)
}

/// A month under way, kept in lanes, or as points when a bound leaves few
/// states.
enum Pending {
    Lanes(LaneMonth),
    Points(points::PointMonth),
}

impl Pending {
    /// Whether the month's purchases are all done.
    fn bought(&self) -> bool {
        match self {
            Pending::Lanes(month) => month.lanes_done >= month.trace.lanes.len(),
            Pending::Points(month) => month.bought(),
        }
    }

    /// Does the next piece of the month's purchases, keeping only states
    /// `keep` accepts where it may: whether they are all done, and the work
    /// it took (lanes are counted when the month opens).
    fn buy(&mut self, packs: &PackRow, keep: impl Fn(u64, Key) -> bool) -> (bool, u64) {
        match self {
            Pending::Lanes(month) => {
                month.buy_in_next_lane(packs);
                (month.lanes_done >= month.trace.lanes.len(), 0)
            }
            Pending::Points(month) => month.buy(packs, keep),
        }
    }

    fn close(self, bill: &MonthBill<'_>) -> (MonthTrace, Vec<(u64, Key)>, bool) {
        match self {
            Pending::Lanes(month) => month.close(bill),
            Pending::Points(month) => month.close(bill),
        }
    }
}

/// The most states all months' traces may keep together (a byte a lane
/// slot, nine a point): past it the program stops, with no plan. Node's WASI
/// (the 32-bit test run) crashed on exit after programs that kept tens of
/// millions; the page's memory stays in reach too.
const KEPT_STATES: u64 = 20_000_000;

/// A bounded month is kept as points when its lanes have more than this
/// many slots per state it starts with: a point costs about ten slots.
const SPARSE: u64 = 16;
