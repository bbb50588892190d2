//! A month of the exact program kept in lanes: one dense array per residue
//! of its states modulo the pack unit, from the lowest state to the expiry
//! cap, walked by the unbounded-knapsack closure a piece at a time.

use super::super::tables::Cover;
use super::month::{states_in_order, HELD, UNREACHED};
use super::month::{At, CapFrom, Key, Month, MonthBill, MonthTrace, PackRow, Settlement};

/// Slots of a lane a step walks: about a millisecond natively.
const SLOTS_PER_STEP: usize = 50_000;

/// A month under way: the states before buying, and after buying lane by lane.
pub(super) struct LaneMonth {
    pub(super) month: Month,
    pub(super) trace: MonthTrace,
    /// The states the month starts with, by slot: few next to the slots,
    /// so kept apart from them.
    pub(super) held: Vec<(u64, Key)>,
    pub(super) bought: Vec<Key>,
    /// The best state at the expiry cap.
    pub(super) capped: Key,
    pub(super) lanes_done: usize,
    /// Where the lane under way resumes.
    pub(super) lane_at: usize,
}

impl LaneMonth {
    /// Places `frontier`'s states in the month's lanes (laid out by
    /// [`Month::lanes`]) and reaches the cap from each of them.
    pub(super) fn open(
        month: Month,
        mut trace: MonthTrace,
        frontier: &[(u64, Key)],
        cover: &Cover,
    ) -> LaneMonth {
        let slots = trace.slots();
        trace.tags = vec![0; slots];
        let mut held: Vec<(u64, Key)> = Vec::with_capacity(frontier.len());
        let mut capped = UNREACHED;
        for &(position, key) in frontier {
            if position >= month.cap {
                if key < capped {
                    capped = key;
                    trace.cap = Some(CapFrom::Held);
                }
                continue;
            }
            let Some(slot) = trace.slot_of(position, month.unit) else {
                continue;
            };
            held.push((slot as u64, key));
            let (reached, units) = month.to_cap(cover, position, key);
            if reached < capped {
                capped = reached;
                trace.cap = Some(CapFrom::Bought { slot, units });
            }
        }
        // One state per slot, the best, in slot order for the walk in `close`.
        // (The same sort as a month kept as points: one copy in the page.)
        states_in_order(&mut held);
        let mut bought = vec![UNREACHED; slots];
        for &(slot, key) in &held {
            bought[slot as usize] = key.ordered(month.left);
        }
        LaneMonth {
            month,
            trace,
            held,
            bought,
            capped,
            lanes_done: 0,
            lane_at: 0,
        }
    }

    /// The purchase step along the next piece of a lane: the
    /// unbounded-knapsack closure over "bought something".
    pub(super) fn buy_in_next_lane(&mut self, packs: &PackRow) {
        let Some(lane) = self.trace.lanes.get(self.lanes_done) else {
            return;
        };
        let (first, end) = (self.lane_at, (self.lane_at + SLOTS_PER_STEP).min(lane.len));
        (self.lanes_done, self.lane_at) = match end == lane.len {
            true => (self.lanes_done + 1, 0),
            false => (self.lanes_done, end),
        };
        let range = lane.start..lane.start + lane.len;
        let (bought, tags) = (&mut self.bought[range.clone()], &mut self.trace.tags[range]);
        let unit = self.month.unit;
        let steps: Vec<(usize, i64, u64, u8)> = packs
            .iter()
            .zip(1u8..)
            .filter_map(|(&(units, fen), tag)| {
                Some((
                    usize::try_from(units).ok()?,
                    fen,
                    units.saturating_mul(unit),
                    tag,
                ))
            })
            .collect();
        // One pass, every pack at each position: the positions below are
        // final when a position is reached, and the lane is read once.
        for slot in first..end {
            let (mut best, mut tag) = (bought[slot], tags[slot]);
            for &(step, fen, calls, pack) in &steps {
                let Some(from) = slot.checked_sub(step) else {
                    continue;
                };
                let candidate = bought[from].plus(fen, calls, 1);
                if candidate < best {
                    (best, tag) = (candidate, pack);
                }
            }
            (bought[slot], tags[slot]) = (best, tag);
        }
    }

    /// Takes the better of buying and not buying at each position, bills the
    /// month and moves every state on: those that end at or before `D(t +
    /// 1)` become one state there. The trace, the next month's states, and
    /// false if an amount overflowed.
    pub(super) fn close(self, bill: &MonthBill<'_>) -> (MonthTrace, Vec<(u64, Key)>, bool) {
        let LaneMonth {
            month,
            mut trace,
            held,
            bought,
            capped,
            ..
        } = self;
        let mut settled = Settlement::new(&month, bill);
        let mut starts = held.iter().peekable();
        for lane in &trace.lanes {
            for index in 0..lane.len {
                let slot = lane.start + index;
                let held = match starts.next_if(|&&(at, _)| at == slot as u64) {
                    Some(&(_, key)) => key,
                    None => UNREACHED,
                };
                let tag = &mut trace.tags[slot];
                let key = if *tag == 0 || held <= bought[slot] {
                    *tag |= HELD;
                    held
                } else {
                    bought[slot]
                };
                if key != UNREACHED {
                    let position = lane.base + index as u64 * month.unit;
                    settled.add(position, At::Slot(slot), key);
                }
            }
        }
        settled.finish(trace, capped)
    }
}
