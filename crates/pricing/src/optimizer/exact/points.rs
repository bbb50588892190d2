//! A month of the exact program kept as points rather than lanes: when a
//! known plan bounds the program ([`super::super::floor`]), the states that
//! can still beat it are few and far apart, and a lane would walk every
//! unit between them.
//!
//! The purchase step is the same closure as along a lane, taken in
//! ascending position: a state's best key is final once every lower state
//! has bought from it, because every pack adds capacity. A candidate the
//! bound rejects is never stored: buying never lowers the cost so far plus
//! the floor, so nothing reached through it could meet the bound either.

use std::collections::BTreeMap;

use super::super::tables::Cover;
use super::month::{At, CapFrom, Key, Month, MonthBill, MonthTrace, PackRow, Settlement};
use super::month::{HELD, MONTH_POINTS, UNREACHED};

/// One position's keys: before buying, after buying, and the pack added
/// last (index + 1, 0 for none).
#[derive(Clone, Copy)]
struct Point {
    held: Key,
    bought: Key,
    tag: u8,
}

const NEW: Point = Point {
    held: UNREACHED,
    bought: UNREACHED,
    tag: 0,
};

/// How the month's expiry cap was reached, by position.
#[derive(Clone, Copy)]
enum Capped {
    Held,
    Bought { position: u64, units: u64 },
}

/// A month under way, kept as points.
pub(super) struct PointMonth {
    month: Month,
    points: BTreeMap<u64, Point>,
    /// The next position to buy from; `None` once all have.
    next: Option<u64>,
    capped: (Key, Option<Capped>),
}

impl PointMonth {
    /// Places `frontier`'s states and reaches the cap from each of them.
    pub(super) fn open(month: Month, frontier: &[(u64, Key)], cover: &Cover) -> PointMonth {
        let mut points = BTreeMap::new();
        let mut capped = (UNREACHED, None);
        for &(position, key) in frontier {
            if position >= month.cap {
                if key < capped.0 {
                    capped = (key, Some(Capped::Held));
                }
                continue;
            }
            let point = points.entry(position).or_insert(NEW);
            if key < point.held {
                point.held = key;
                point.bought = key.ordered(month.left);
            }
            let (reached, units) = month.to_cap(cover, position, key);
            if reached < capped.0 {
                capped = (reached, Some(Capped::Bought { position, units }));
            }
        }
        let next = points.keys().next().copied();
        PointMonth {
            month,
            points,
            next,
            capped,
        }
    }

    /// Whether every state has bought.
    pub(super) fn bought(&self) -> bool {
        self.next.is_none()
    }

    /// Buys from up to `count` more states, lowest first, storing only the
    /// states `keep` accepts: whether all have bought, and the work done.
    pub(super) fn buy(
        &mut self,
        packs: &PackRow,
        count: usize,
        keep: impl Fn(u64, Key) -> bool,
    ) -> (bool, u64) {
        let unit = self.month.unit;
        let mut work = 0u64;
        for _ in 0..count {
            let Some(position) = self.next else {
                return (true, work);
            };
            let from = self.points.get(&position).map_or(UNREACHED, |p| p.bought);
            if from != UNREACHED {
                for (&(units, fen), tag) in packs.iter().zip(1u8..) {
                    let calls = units.saturating_mul(unit);
                    let to = position.saturating_add(calls);
                    if to >= self.month.cap {
                        continue;
                    }
                    let candidate = from.plus(fen, calls, 1);
                    if !keep(to, candidate) {
                        continue;
                    }
                    let point = self.points.entry(to).or_insert(NEW);
                    if candidate < point.bought {
                        (point.bought, point.tag) = (candidate, tag);
                    }
                }
                work += packs.len() as u64;
            }
            if self.points.len() as u64 > MONTH_POINTS {
                return (false, u64::MAX);
            }
            self.next = self
                .points
                .range(position + 1..)
                .next()
                .map(|(&position, _)| position);
        }
        (self.next.is_none(), work)
    }

    /// Takes the better of buying and not buying at each point and bills
    /// the month, as a month in lanes does.
    pub(super) fn close(self, bill: &MonthBill<'_>) -> (MonthTrace, Vec<(u64, Key)>, bool) {
        let mut trace = MonthTrace::empty();
        let mut positions = Vec::with_capacity(self.points.len());
        let mut settled = Settlement::new(&self.month, bill);
        for (slot, (&position, point)) in self.points.iter().enumerate() {
            let (key, tag) = match point.tag == 0 || point.held <= point.bought {
                true => (point.held, point.tag | HELD),
                false => (point.bought, point.tag),
            };
            positions.push(position);
            trace.tags.push(tag);
            if key != UNREACHED {
                settled.add(position, At::Slot(slot), key);
            }
        }
        trace.cap = match self.capped.1 {
            Some(Capped::Held) => Some(CapFrom::Held),
            Some(Capped::Bought { position, units }) => positions
                .binary_search(&position)
                .ok()
                .map(|slot| CapFrom::Bought { slot, units }),
            None => None,
        };
        trace.points = Some(positions);
        settled.finish(trace, self.capped.0)
    }
}
