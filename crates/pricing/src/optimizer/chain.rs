//! Turning one multiset of packs into orders over a run of months, so that
//! every pack is used up before it expires.
//!
//! Packs are used earliest-bought first, so a run's orders cover consecutive
//! stretches of its calls: an order bought in month `a` serves from where the
//! one before it ran out, and must run out itself by the end of month `a +
//! 11`. Each order is bought in the month its first call is used (buying
//! earlier only shortens its life), except that while the promotional price
//! lasts, an order needed after it ends is bought in its last month if it
//! still runs out in time: the same packs, cheaper. Orders are filled
//! greedily, as far as their validity reaches, which only moves later orders
//! later and so lets them reach further; the packs are tried in one order,
//! largest first and smallest first, keeping the cheaper, then the one
//! with fewer orders.

use rust_decimal::Decimal;

use crate::billing::{Order, Purchase};
use crate::calls::Calls;
use crate::label::PriceColumn;
use crate::price_book::Pack;
use crate::scenario::PACK_VALID_MONTHS;

/// A run of months whose calls packs serve without a gap.
pub(super) struct Run<'a> {
    /// Its first month in the horizon, counted from 0.
    pub start: usize,
    /// Calls still to pay in each of its months, legacy calls taken out.
    pub volumes: &'a [Calls],
    /// The column in force in every month of the horizon.
    pub columns: &'a [PriceColumn],
    /// Whether the run's last month is the horizon's.
    pub ends_horizon: bool,
}

/// Orders that serve a run, and what they cost.
pub(super) struct Orders {
    pub orders: Vec<Order>,
    pub cost: Decimal,
}

const VALID: usize = PACK_VALID_MONTHS as usize;

impl Run<'_> {
    /// Orders holding exactly `counts` (per pack, in `packs`' order) that
    /// serve the run's first `served` calls, each order used up before it
    /// expires; packs beyond `served` may expire unused only if the last
    /// order expires with the run or the horizon ends. `None` if the greedy
    /// fill finds no such orders.
    pub fn orders(&self, packs: &[Pack], counts: &[u64], served: Calls) -> Option<Orders> {
        let capacity: Calls = packs
            .iter()
            .zip(counts)
            .map(|(pack, &n)| Calls::from(pack.calls) * Calls::from(n))
            .sum();
        let through = self.through();
        let ascending: Vec<usize> = (0..packs.len()).collect();
        let descending: Vec<usize> = ascending.iter().rev().copied().collect();
        [descending, ascending]
            .iter()
            .filter_map(|order| self.fill(packs, counts, order, &through))
            .map(|filled| self.bought_ahead(filled, &through, served))
            .filter(|placed| self.waste_allowed(placed, capacity, served))
            .map(|placed| self.priced(packs, placed))
            .min_by_key(|orders| (orders.cost, orders.orders.len()))
    }

    /// Calls of the run through each of its months.
    fn through(&self) -> Vec<Calls> {
        self.volumes
            .iter()
            .scan(0, |sum, &v| {
                *sum += v;
                Some(*sum)
            })
            .collect()
    }

    /// How far an order bought in run month `at` may reach, in the run's
    /// calls: unbounded if it is still valid in the run's last month.
    fn reach(&self, at: usize, through: &[Calls]) -> Calls {
        let last_valid = at + VALID - 1;
        match last_valid + 1 < through.len() {
            true => through[last_valid],
            false => Calls::MAX,
        }
    }

    /// Orders as (run month, counts, where the order ends in the run's calls).
    fn fill(
        &self,
        packs: &[Pack],
        counts: &[u64],
        order: &[usize],
        through: &[Calls],
    ) -> Option<Vec<(usize, Vec<u64>, Calls)>> {
        let mut filled = Vec::new();
        let (mut at, mut end) = (0usize, 0 as Calls);
        let mut current = vec![0u64; packs.len()];
        for &i in order {
            let size = Calls::from(packs[i].calls);
            let mut left = counts[i];
            while left > 0 {
                let room = self.reach(at, through).saturating_sub(end) / size;
                let take = u64::try_from(room.min(Calls::from(left))).unwrap_or(left);
                current[i] += take;
                end += size * Calls::from(take);
                left -= take;
                if left == 0 {
                    break;
                }
                if current.iter().all(|&n| n == 0) {
                    return None;
                }
                filled.push((
                    at,
                    std::mem::replace(&mut current, vec![0; packs.len()]),
                    end,
                ));
                // The next order is first used in the month the call after `end` falls in.
                let next = through.iter().position(|&calls| calls > end)?;
                if next <= at {
                    return None;
                }
                at = next;
            }
        }
        if current.iter().any(|&n| n > 0) {
            filled.push((at, current, end));
        }
        Some(filled)
    }

    /// Unused packs are lost only where the plan says: when the last order
    /// expires with the run's last month or the horizon ends. Otherwise they
    /// would serve the month after the run, which the plan bills postpaid.
    fn waste_allowed(&self, placed: &[(usize, Vec<u64>)], capacity: Calls, served: Calls) -> bool {
        let last_month = self.volumes.len() - 1;
        capacity == served
            || self.ends_horizon
            || placed
                .last()
                .is_some_and(|(at, _)| at + VALID - 1 == last_month)
    }

    /// Moves orders ahead of the promotion's end where the calls they serve
    /// still fall before they expire, and merges orders of one month.
    fn bought_ahead(
        &self,
        filled: Vec<(usize, Vec<u64>, Calls)>,
        through: &[Calls],
        served: Calls,
    ) -> Vec<(usize, Vec<u64>)> {
        let last_promo = self.last_promo_month();
        let mut placed: Vec<(usize, Vec<u64>)> = Vec::new();
        for (at, counts, end) in filled {
            let ahead = last_promo
                .filter(|&promo| promo < at && end.min(served) <= self.reach(promo, through));
            let at = ahead.unwrap_or(at);
            match placed.last_mut() {
                Some((month, known)) if *month == at => {
                    known.iter_mut().zip(&counts).for_each(|(k, n)| *k += n);
                }
                _ => placed.push((at, counts)),
            }
        }
        placed
    }

    /// The orders in the horizon's months, priced at their months' columns.
    fn priced(&self, packs: &[Pack], placed: Vec<(usize, Vec<u64>)>) -> Orders {
        let mut cost = Decimal::ZERO;
        let orders = placed
            .into_iter()
            .map(|(at, counts)| {
                let month = self.start + at;
                let purchases = Purchase::from_counts(packs, counts);
                let order = Order { month, purchases };
                cost += order.cost(self.columns[month]);
                order
            })
            .collect();
        Orders { orders, cost }
    }

    /// The run month of the last promotional month, if the price changes
    /// from promotional to list inside the run after it starts.
    fn last_promo_month(&self) -> Option<usize> {
        let months = &self.columns[self.start..self.start + self.volumes.len()];
        let first_list = months.iter().position(|&c| c == PriceColumn::List)?;
        (first_list > 0 && months[0] == PriceColumn::Promo).then(|| first_list - 1)
    }
}
