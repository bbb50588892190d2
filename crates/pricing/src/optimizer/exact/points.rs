//! A month of the exact program kept as points rather than lanes: when a
//! known plan bounds the program ([`super::super::floor`]), the states that
//! can still beat it are few and far apart, and a lane would walk every
//! unit between them.
//!
//! The purchase step is the same closure as along a lane, taken in
//! ascending position: a state's best key is final once every lower state
//! has bought from it, because every pack adds capacity. What a state buys
//! with one more pack of size `s` lands at its position plus `s`; taken in
//! ascending order, those landings ascend too, so each pack keeps a queue
//! that only grows at its end, and the next position to settle is the least
//! of the queues' heads and the month's next starting state: a merge, with
//! no search tree. A candidate the bound rejects is never queued: buying
//! never lowers the cost so far plus the floor, so nothing reached through
//! it could meet the bound either.

use super::super::tables::Cover;
use super::month::{states_in_order, HELD, MONTH_POINTS, UNREACHED};
use super::month::{At, CapFrom, Key, Month, MonthBill, MonthTrace, PackRow, Settlement};

/// One settled position's keys: before buying, after buying, and the pack
/// added last (index + 1, 0 for none).
#[derive(Clone, Copy)]
struct Point {
    position: u64,
    held: Key,
    bought: Key,
    tag: u8,
}

/// Positions a step settles: about a millisecond natively.
const POINTS_PER_STEP: usize = 4_000;

/// How the month's expiry cap was reached, by position.
#[derive(Clone, Copy)]
enum Capped {
    Held,
    Bought { position: u64, units: u64 },
}

/// Positions in ascending order, read from the front.
#[derive(Default)]
struct Queue {
    items: Vec<(u64, Key)>,
    read: usize,
}

impl Queue {
    fn head(&self) -> Option<u64> {
        self.items.get(self.read).map(|&(position, _)| position)
    }

    /// The key at the head if it is at `position`, taken.
    fn take_at(&mut self, position: u64) -> Option<Key> {
        let &(at, key) = self.items.get(self.read)?;
        (at == position).then(|| {
            self.read += 1;
            key
        })
    }
}

/// A month under way, kept as points.
pub(super) struct PointMonth {
    month: Month,
    /// The states the month starts with, below the cap, one per position.
    starts: Queue,
    /// Per pack, what buying one more of it reached, ascending.
    landings: Vec<Queue>,
    /// The positions settled so far, ascending.
    settled: Vec<Point>,
    capped: (Key, Option<Capped>),
}

impl PointMonth {
    /// Places `frontier`'s states and reaches the cap from each of them.
    pub(super) fn open(
        month: Month,
        frontier: &[(u64, Key)],
        cover: &Cover,
        packs: usize,
    ) -> PointMonth {
        let mut starts: Vec<(u64, Key)> = Vec::with_capacity(frontier.len());
        let mut capped = (UNREACHED, None);
        for &(position, key) in frontier {
            if position >= month.cap {
                if key < capped.0 {
                    capped = (key, Some(Capped::Held));
                }
                continue;
            }
            starts.push((position, key));
            let (reached, units) = month.to_cap(cover, position, key);
            if reached < capped.0 {
                capped = (reached, Some(Capped::Bought { position, units }));
            }
        }
        states_in_order(&mut starts);
        PointMonth {
            month,
            starts: Queue {
                items: starts,
                read: 0,
            },
            landings: (0..packs).map(|_| Queue::default()).collect(),
            settled: Vec::new(),
            capped,
        }
    }

    /// The next position to settle: the least head.
    fn next(&self) -> Option<u64> {
        let landings = self.landings.iter().filter_map(Queue::head);
        self.starts.head().into_iter().chain(landings).min()
    }

    /// Whether every state has bought.
    pub(super) fn bought(&self) -> bool {
        self.next().is_none()
    }

    /// Settles up to [`POINTS_PER_STEP`] more positions, lowest first, and queues what
    /// each buys that `keep` accepts: whether all are settled, and the work
    /// done; `u64::MAX` work past [`MONTH_POINTS`].
    pub(super) fn buy(&mut self, packs: &PackRow, keep: impl Fn(u64, Key) -> bool) -> (bool, u64) {
        let unit = self.month.unit;
        let mut work = 0u64;
        for _ in 0..POINTS_PER_STEP {
            let Some(position) = self.next() else {
                return (true, work);
            };
            let held = self.starts.take_at(position).unwrap_or(UNREACHED);
            let mut point = Point {
                position,
                held,
                bought: match held == UNREACHED {
                    true => UNREACHED,
                    false => held.ordered(self.month.left),
                },
                tag: 0,
            };
            // Packs in index order, the first of equal keys kept, as in a lane.
            for (queue, tag) in self.landings.iter_mut().zip(1u8..) {
                if let Some(candidate) = queue.take_at(position) {
                    if candidate < point.bought {
                        (point.bought, point.tag) = (candidate, tag);
                    }
                }
            }
            self.settled.push(point);
            if point.bought == UNREACHED {
                continue;
            }
            for (&(units, fen), queue) in packs.iter().zip(&mut self.landings) {
                let calls = units.saturating_mul(unit);
                let to = position.saturating_add(calls);
                let candidate = point.bought.plus(fen, calls, 1);
                if to < self.month.cap && keep(to, candidate) {
                    queue.items.push((to, candidate));
                }
            }
            work += packs.len() as u64;
            let held: usize = self.landings.iter().map(|queue| queue.items.len()).sum();
            if (held + self.settled.len()) as u64 > MONTH_POINTS {
                return (false, u64::MAX);
            }
        }
        (self.bought(), work)
    }

    /// Takes the better of buying and not buying at each point and bills
    /// the month, as a month in lanes does.
    pub(super) fn close(self, bill: &MonthBill<'_>) -> (MonthTrace, Vec<(u64, Key)>, bool) {
        let mut trace = MonthTrace::empty();
        let mut positions = Vec::with_capacity(self.settled.len());
        let mut settled = Settlement::new(&self.month, bill);
        for (slot, point) in self.settled.iter().enumerate() {
            let (key, tag) = match point.tag == 0 || point.held <= point.bought {
                true => (point.held, point.tag | HELD),
                false => (point.bought, point.tag),
            };
            positions.push(point.position);
            trace.tags.push(tag);
            if key != UNREACHED {
                settled.add(point.position, At::Slot(slot), key);
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
