//! What one month of the exact program is made of, whether its states are
//! kept in lanes or as points: the key plans are ranked by, the month's
//! boundaries and postpaid prices, what it keeps to trace the plan back, and
//! the billing that moves its states on to the next month.

use crate::calls::Calls;
use crate::label::PriceColumn;
use crate::price_book::LabelPrices;

use super::super::tables::Cover;

/// The most states a month may hold, in lanes (25 bytes a slot: its key
/// after buying and its tag) or as points (64 bytes a settled point, 32 a
/// queued landing, so fewer fit: [`MONTH_POINTS`]): about 100 MB either
/// way. Past it the program stops, with no plan, so that a page's memory
/// stays within reach.
#[cfg(not(target_os = "wasi"))]
pub(super) const MONTH_STATES: u64 = 4_000_000;

/// On WASI (the engine's 32-bit test run, under node) a tenth: node crashed
/// on exit after test binaries whose searches took hundreds of megabytes.
#[cfg(target_os = "wasi")]
pub(super) const MONTH_STATES: u64 = 200_000;

/// Sorts states by place (a position or a slot), keeping the best of each.
pub(super) fn states_in_order(states: &mut Vec<(u64, Key)>) {
    states.sort_unstable();
    states.dedup_by_key(|&mut (place, _)| place);
}

/// The most points and queued landings a month kept as points may hold.
#[cfg(not(target_os = "wasi"))]
pub(super) const MONTH_POINTS: u64 = 2_000_000;

/// On WASI, as [`MONTH_STATES`].
#[cfg(target_os = "wasi")]
pub(super) const MONTH_POINTS: u64 = 100_000;

/// How a plan from the start is ranked so far: cheaper, then less capacity
/// bought plus postpaid calls (fewer unused calls), fewer packs, fewer
/// orders, then orders placed later (months left after each order, summed:
/// money paid later, and a plan that buys when the packs run out).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Key {
    pub(super) fen: i64,
    pub(super) waste: u64,
    pub(super) packs: u32,
    pub(super) orders: u16,
    pub(super) early: u16,
}

pub(super) const UNREACHED: Key = Key {
    fen: i64::MAX,
    waste: u64::MAX,
    packs: u32::MAX,
    orders: u16::MAX,
    early: u16::MAX,
};

impl Key {
    pub(super) fn plus(self, fen: i64, waste: u64, packs: u64) -> Key {
        Key {
            fen: self.fen.saturating_add(fen),
            waste: self.waste.saturating_add(waste),
            packs: self
                .packs
                .saturating_add(u32::try_from(packs).unwrap_or(u32::MAX)),
            ..self
        }
    }

    /// One more order, placed with `left` months to go.
    pub(super) fn ordered(self, left: u32) -> Key {
        Key {
            orders: self.orders.saturating_add(1),
            early: self
                .early
                .saturating_add(u16::try_from(left).unwrap_or(u16::MAX)),
            ..self
        }
    }
}

/// Positions of one residue, from `base` up to the cap, one unit apart.
pub(super) struct Lane {
    pub(super) base: u64,
    /// Where the lane's slots start in the month's flat arrays.
    pub(super) start: usize,
    pub(super) len: usize,
}

/// How the month's expiry cap was reached.
#[derive(Clone, Copy)]
pub(super) enum CapFrom {
    /// A state already at the cap, buying nothing.
    Held,
    /// A state at `slot`, buying the cheapest multiset of at least the rest.
    Bought { slot: usize, units: u64 },
}

/// Where a state after the month's purchase is.
#[derive(Clone, Copy)]
pub(super) enum At {
    Slot(usize),
    Cap,
}

/// What one month kept for tracing the best plan back.
pub(super) struct MonthTrace {
    pub(super) lanes: Vec<Lane>,
    /// `(residue, lane)` by residue: finds a position's lane.
    pub(super) residues: Vec<(u64, usize)>,
    /// Per slot: the pack (index + 1) the closure added last to reach it, 0
    /// for none; [`HELD`] set when the state there bought nothing this month.
    pub(super) tags: Vec<u8>,
    pub(super) cap: Option<CapFrom>,
    /// The state that ended the month at `D(t + 1)`.
    pub(super) reset: Option<At>,
    /// For a month kept as points, not lanes: each slot's position, ascending.
    pub(super) points: Option<Vec<u64>>,
}

pub(super) const HELD: u8 = 0x80;

/// A month's postpaid prices: per tier, fen per call as `numer / denom`.
pub(super) struct MonthBill<'a> {
    pub(super) prices: &'a LabelPrices,
    pub(super) rates: Vec<(u64, u64)>,
}

impl MonthBill<'_> {
    pub(super) fn new(prices: &LabelPrices, column: PriceColumn) -> Option<MonthBill<'_>> {
        let rates = prices
            .tiers
            .iter()
            .map(|tier| {
                let fen = tier
                    .unit
                    .get(column)
                    .checked_mul(rust_decimal::Decimal::ONE_HUNDRED)?;
                let numer = u64::try_from(fen.mantissa()).ok()?;
                let denom = 10u64.checked_pow(fen.scale())?;
                Some((numer, denom))
            })
            .collect::<Option<Vec<_>>>()?;
        Some(MonthBill { prices, rates })
    }

    /// The bill of `calls` postpaid calls in whole fen, rounded half away from zero.
    pub(super) fn fen(&self, calls: u64) -> Option<i64> {
        let Some(tier) = self.prices.tier_index(Calls::from(calls)) else {
            return Some(0);
        };
        let (numer, denom) = self.rates[tier];
        let exact = calls.checked_mul(numer)?;
        let rest = exact % denom;
        let fen = exact / denom + u64::from(rest >= denom - rest);
        i64::try_from(fen).ok()
    }
}

/// A month's packs at its column: `(units, fen)` in price-book order.
pub(super) type PackRow = Vec<(u64, i64)>;

impl MonthTrace {
    /// The slots of all its lanes.
    pub(super) fn slots(&self) -> usize {
        self.lanes.last().map_or(0, |lane| lane.start + lane.len)
    }

    pub(super) fn empty() -> MonthTrace {
        MonthTrace {
            lanes: Vec::new(),
            residues: Vec::new(),
            tags: Vec::new(),
            cap: None,
            reset: None,
            points: None,
        }
    }

    pub(super) fn position(&self, slot: usize, unit: u64) -> Option<u64> {
        if let Some(points) = &self.points {
            return points.get(slot).copied();
        }
        let lane = self.lanes.iter().rev().find(|lane| lane.start <= slot)?;
        Some(lane.base + (slot - lane.start) as u64 * unit)
    }

    pub(super) fn slot_of(&self, position: u64, unit: u64) -> Option<usize> {
        if let Some(points) = &self.points {
            return points.binary_search(&position).ok();
        }
        let residue = position % unit;
        let at = self
            .residues
            .binary_search_by_key(&residue, |&(r, _)| r)
            .ok()?;
        let lane = &self.lanes[self.residues[at].1];
        let index = usize::try_from(position.checked_sub(lane.base)? / unit).ok()?;
        (index < lane.len).then_some(lane.start + index)
    }

    /// The state before the month's purchase that led to `slot`, and the
    /// packs bought, counted per pack.
    pub(super) fn walk_back(
        &self,
        mut slot: usize,
        packs: &PackRow,
        unit: u64,
    ) -> Option<(u64, Vec<u64>)> {
        let mut counts = vec![0u64; packs.len()];
        if self.tags[slot] & HELD == 0 {
            loop {
                let tag = usize::from(self.tags[slot] & !HELD);
                if tag == 0 {
                    break;
                }
                counts[tag - 1] += 1;
                let units = packs[tag - 1].0;
                slot = match &self.points {
                    Some(_) => {
                        let from = self.position(slot, unit)?.checked_sub(units * unit)?;
                        self.slot_of(from, unit)?
                    }
                    None => slot.checked_sub(usize::try_from(units).ok()?)?,
                };
            }
        }
        Some((self.position(slot, unit)?, counts))
    }
}

/// One month's boundaries: `lo = D(t)`, `end = D(t + 1)`, `cap = D(t + 12)`
/// (or the horizon's end).
pub(super) struct Month {
    pub(super) lo: u64,
    pub(super) end: u64,
    pub(super) cap: u64,
    pub(super) unit: u64,
    /// Months from this one to the horizon's end.
    pub(super) left: u32,
}

/// A month's states billed and moved on to the next month.
pub(super) struct Settlement<'m, 'b> {
    pub(super) month: &'m Month,
    pub(super) bill: &'m MonthBill<'b>,
    pub(super) next: Vec<(u64, Key)>,
    /// The best state that ended the month at `D(t + 1)`, and where it was.
    pub(super) reset: (Key, Option<At>),
    pub(super) ok: bool,
}

impl<'m, 'b> Settlement<'m, 'b> {
    pub(super) fn new(month: &'m Month, bill: &'m MonthBill<'b>) -> Settlement<'m, 'b> {
        Settlement {
            month,
            bill,
            next: Vec::new(),
            reset: (UNREACHED, None),
            ok: true,
        }
    }

    /// Bills the month for a state at `position` after buying; those that
    /// end at or before `D(t + 1)` become one state there.
    pub(super) fn add(&mut self, position: u64, at: At, key: Key) {
        let month = self.month;
        let postpaid = month.end - position.clamp(month.lo, month.end);
        let key = match self.bill.fen(postpaid) {
            Some(fen) => key.plus(fen, postpaid, 0),
            None => {
                self.ok = false;
                UNREACHED
            }
        };
        if position > month.end {
            self.next.push((position, key));
        } else if key < self.reset.0 {
            self.reset = (key, Some(at));
        }
    }

    /// Adds the state at the cap, if any: the trace, the next month's
    /// states, and false if an amount overflowed.
    pub(super) fn finish(
        mut self,
        mut trace: MonthTrace,
        capped: Key,
    ) -> (MonthTrace, Vec<(u64, Key)>, bool) {
        if capped != UNREACHED {
            self.add(self.month.cap, At::Cap, capped);
        }
        trace.reset = self.reset.1;
        self.next.push((self.month.end, self.reset.0));
        (trace, self.next, self.ok)
    }
}

impl Month {
    /// A state at `position` buying the cheapest multiset that reaches the
    /// cap: its key then, and the units bought.
    pub(super) fn to_cap(&self, cover: &Cover, position: u64, key: Key) -> (Key, u64) {
        let missing = (self.cap - position).div_ceil(self.unit);
        let (fen, units, count) = cover.at_least(missing);
        let reached = key
            .plus(fen, units.saturating_mul(self.unit), count)
            .ordered(self.left);
        (reached, units)
    }

    /// One lane per residue of the states below the cap, from the lowest.
    pub(super) fn lanes(&self, frontier: &[(u64, Key)]) -> MonthTrace {
        let mut trace = MonthTrace::empty();
        let mut bases: Vec<u64> = Vec::new();
        for &(position, _) in frontier.iter().filter(|&&(p, _)| p < self.cap) {
            let residue = position % self.unit;
            match trace.residues.binary_search_by_key(&residue, |&(r, _)| r) {
                Ok(at) => {
                    let base = &mut bases[trace.residues[at].1];
                    *base = (*base).min(position);
                }
                Err(at) => {
                    trace.residues.insert(at, (residue, bases.len()));
                    bases.push(position);
                }
            }
        }
        let mut start = 0;
        for base in bases {
            let len = usize::try_from((self.cap - base - 1) / self.unit + 1).unwrap_or(0);
            trace.lanes.push(Lane { base, start, len });
            start += len;
        }
        trace
    }
}
