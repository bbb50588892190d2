//! The search over runs of months (see the module above): the plan and its
//! lower bound by one dynamic program, last month first.

use std::ops::Range;

use rust_decimal::Decimal;

use crate::billing::{month_bill, Order};
use crate::label::PriceColumn;
use crate::price_book::LabelPrices;
use crate::Calls;

use super::chain::Run;
use super::span::{Candidate, Span};
use super::{yearly, Tables};

/// Capacities tried per piece of a run: the best may not fit into orders
/// that each run out in time, while one as cheap or nearly so does.
const ALTERNATIVES: usize = 4;

/// A scenario's months as the search reads them.
pub(super) struct Months<'a> {
    pub prices: &'a LabelPrices,
    /// Calls to pay in each month, legacy calls taken out.
    pub volumes: Vec<Calls>,
    /// The column in force in each month.
    pub columns: Vec<PriceColumn>,
    /// Pack tables per column (promotional, list), for the columns in force.
    pub tables: [Option<&'a Tables>; 2],
}

/// What the search found.
pub(super) struct Found {
    pub orders: Vec<Order>,
    pub total: Decimal,
    pub lower_bound: Decimal,
}

/// How a plan from some month on is ranked: cheaper, then fewer unused
/// calls, then fewer packs, then fewer orders (simpler to carry out).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    cost: Decimal,
    unused: Calls,
    packs: u64,
    orders: usize,
}

/// The best plan from a month on: its first step, and where it leads.
enum Step {
    End,
    Postpaid,
    Run { last: usize, orders: Vec<Order> },
}

impl Months<'_> {
    fn tables(&self, column: PriceColumn) -> Option<&Tables> {
        self.tables[usize::from(column == PriceColumn::List)]
    }

    fn span<'s>(&'s self, months: Range<usize>, tables: &'s Tables) -> Span<'s> {
        Span {
            prices: self.prices,
            tables,
            volumes: &self.volumes[months.clone()],
            columns: &self.columns[months],
        }
    }

    /// The plan and its lower bound.
    pub fn search(&self) -> Found {
        let h = self.volumes.len();
        let bills: Vec<Decimal> = (0..h)
            .map(|m| month_bill(self.prices, self.columns[m], self.volumes[m]))
            .collect();
        let zero = Key {
            cost: Decimal::ZERO,
            unused: 0,
            packs: 0,
            orders: 0,
        };
        let mut best: Vec<(Key, Step)> = (0..=h).map(|_| (zero, Step::End)).collect();
        let mut bound = vec![Decimal::ZERO; h + 1];
        for s in (0..h).rev() {
            let after = best[s + 1].0;
            let mut here = (
                Key {
                    cost: bills[s] + after.cost,
                    ..after
                },
                Step::Postpaid,
            );
            let mut low = bills[s] + bound[s + 1];
            for t in s..h {
                self.runs(s, t, &best[t + 1].0, bound[t + 1], &mut here, &mut low);
            }
            best[s] = here;
            bound[s] = low;
        }
        let mut orders = Vec::new();
        let mut s = 0;
        while s < h {
            match std::mem::replace(&mut best[s].1, Step::End) {
                Step::End => break,
                Step::Postpaid => s += 1,
                Step::Run { last, orders: run } => {
                    orders.extend(run);
                    s = last + 1;
                }
            }
        }
        Found {
            orders,
            total: best[0].0.cost,
            lower_bound: bound[0],
        }
    }

    /// Tries the runs of months `s..=t` followed by the best plan after them.
    fn runs(
        &self,
        s: usize,
        t: usize,
        next: &Key,
        next_bound: Decimal,
        here: &mut (Key, Step),
        low: &mut Decimal,
    ) {
        let Some(cheapest) = self.tables(self.columns[s]) else {
            return;
        };
        let span = self.span(s..t + 1, cheapest);
        let mut candidates: Vec<Candidate> = Vec::new();
        for piece in span.pieces_at(t - s, Decimal::ZERO, ALTERNATIVES) {
            if let Some(above) = piece.above_bound {
                *low = (*low).min(above + next_bound);
            }
            candidates.extend(piece.best);
        }
        candidates.extend(span.cover_all(ALTERNATIVES));
        for candidate in &candidates {
            let cost = candidate.packs_cost + candidate.postpaid_cost;
            *low = (*low).min(cost + next_bound);
            // Bought at the run's first column, packs cost least: no order can undercut it.
            if cost + next.cost <= here.0.cost {
                self.try_run(s, t, &span, candidate, next, here);
            }
        }
        // Where the list price starts inside the run, multisets chosen at it may fit better.
        let list = PriceColumn::List;
        if self.columns[s] != list && self.columns[t] == list {
            if let Some(tables) = self.tables(list) {
                let span = self.span(s..t + 1, tables);
                let mut candidates: Vec<Candidate> = span
                    .pieces_at(t - s, Decimal::ZERO, ALTERNATIVES)
                    .into_iter()
                    .flat_map(|piece| piece.best)
                    .collect();
                candidates.extend(span.cover_all(ALTERNATIVES));
                for candidate in &candidates {
                    self.try_run(s, t, &span, candidate, next, here);
                }
            }
        }
    }

    /// Turns a candidate into orders and keeps it if it ranks better.
    fn try_run(
        &self,
        s: usize,
        t: usize,
        span: &Span<'_>,
        candidate: &Candidate,
        next: &Key,
        here: &mut (Key, Step),
    ) {
        let run = Run {
            start: s,
            volumes: span.volumes,
            columns: &self.columns,
            ends_horizon: t + 1 == self.volumes.len(),
        };
        let counts = span.tables.costs.multiset(candidate.units);
        let Some(found) = run.orders(&self.prices.packs, &counts, candidate.served) else {
            return;
        };
        let key = Key {
            cost: found.cost + candidate.postpaid_cost + next.cost,
            unused: candidate.unused + next.unused,
            packs: candidate.packs + next.packs,
            orders: found.orders.len() + next.orders,
        };
        if key < here.0 {
            *here = (
                key,
                Step::Run {
                    last: t,
                    orders: found.orders,
                },
            );
        }
    }

    /// The yearly plan's orders: each window's cheapest, on its own.
    pub fn yearly_orders(&self, windows: &[Range<usize>]) -> Vec<Order> {
        windows
            .iter()
            .filter_map(|months| {
                let tables = self.tables(self.columns[months.start])?;
                yearly::window_order(&self.span(months.clone(), tables), months.start)
            })
            .collect()
    }
}
