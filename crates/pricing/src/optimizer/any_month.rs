//! The search over runs of months (see the module above): the plan and its
//! lower bound by one dynamic program, last month first.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::ops::Range;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::billing::{month_bill, Order};
use crate::calls::Calls;
use crate::label::PriceColumn;
use crate::money::calls_decimal;
use crate::price_book::LabelPrices;
use crate::scenario::PACK_VALID_MONTHS;

use super::chain::Run;
use super::span::{Bounds, Candidate, Piece, Span};
use super::tables::Tables;
use super::yearly;

const VALID: usize = PACK_VALID_MONTHS as usize;

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
    /// The least ratio of a pack's list price to its promotional price,
    /// rounded down: packs bought at the list price cost at least this much
    /// more than the same packs at the promotional one.
    pub list_over_promo: Decimal,
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

/// Which pack table a candidate comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    /// The table of the run's first month: the cheapest column in the run.
    First,
    /// The list price's, in a run the promotion's end cuts.
    List,
}

/// A run's candidate waiting to be turned into orders.
#[derive(Clone, Copy)]
struct Entry {
    last: usize,
    source: Source,
    candidate: Candidate,
}

/// The candidates of the runs from one month, by the least rank their plans can have.
struct Pool {
    entries: Vec<Entry>,
    queue: BinaryHeap<Reverse<(Key, usize)>>,
    /// Candidates must rank below this to be worth keeping.
    bar: Key,
}

impl Pool {
    fn new(bar: Key) -> Pool {
        Pool {
            entries: Vec::new(),
            queue: BinaryHeap::new(),
            bar,
        }
    }

    fn clear(&mut self, bar: Key) {
        self.entries.clear();
        self.queue.clear();
        self.bar = bar;
    }

    fn push(
        &mut self,
        last: usize,
        source: Source,
        candidate: Candidate,
        floor: Decimal,
        next: &Key,
    ) {
        let least = Key {
            cost: floor + candidate.postpaid_cost + next.cost,
            unused: candidate.unused + next.unused,
            packs: candidate.packs + next.packs,
            orders: usize::from(candidate.units > 0) + next.orders,
        };
        if least >= self.bar {
            return;
        }
        self.queue.push(Reverse((least, self.entries.len())));
        self.entries.push(Entry {
            last,
            source,
            candidate,
        });
    }

    fn pop(&mut self) -> Option<(Key, Entry)> {
        let Reverse((least, index)) = self.queue.pop()?;
        Some((least, self.entries[index]))
    }
}

/// `calls` at `rate` a call, rounded up to 分: every plan's cost is whole
/// fen, so this stays a lower bound.
fn at_rate(rate: Decimal, calls: Calls) -> Decimal {
    let exact = rate * calls_decimal(calls);
    exact.round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity)
}

/// The least a piece's plans can cost when every call the packs serve costs
/// at least `rate`: the served calls at the rate plus the month's bill, which
/// is within half a fen of linear in the billed calls, so least at an end.
fn rate_bound(rate: Decimal, piece: &Piece) -> Decimal {
    let (least, most) = piece.billed;
    let half_fen = Decimal::new(5, 3);
    [least, most]
        .into_iter()
        .map(|billed| {
            let served = at_rate(rate, piece.through - billed) - Decimal::new(1, 2);
            served + calls_decimal(billed) * piece.unit - half_fen
        })
        .min()
        .unwrap_or(Decimal::ZERO)
        .round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity)
}

/// A search under way: the best plans from the months done so far (the
/// last months first) and their lower bounds.
pub(super) struct Search {
    bills: Vec<Decimal>,
    best: Vec<(Key, Step)>,
    bound: Vec<Decimal>,
    pool: Pool,
    /// Months not done yet: `0..left`.
    left: usize,
}

impl Search {
    /// The plan from month 0, once every month is done.
    pub fn found(mut self) -> Found {
        let h = self.best.len() - 1;
        let mut orders = Vec::new();
        let mut s = 0;
        while s < h {
            match std::mem::replace(&mut self.best[s].1, Step::End) {
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
            total: self.best[0].0.cost,
            lower_bound: self.bound[0],
        }
    }
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

    /// A search with no month done yet.
    pub fn start(&self) -> Search {
        let h = self.volumes.len();
        let zero = Key {
            cost: Decimal::ZERO,
            unused: 0,
            packs: 0,
            orders: 0,
        };
        Search {
            bills: (0..h)
                .map(|m| month_bill(self.prices, self.columns[m], self.volumes[m]))
                .collect(),
            best: (0..=h).map(|_| (zero, Step::End)).collect(),
            bound: vec![Decimal::ZERO; h + 1],
            pool: Pool::new(zero),
            left: h,
        }
    }

    /// Finds the best plan from one more month on (the last not yet done);
    /// true once every month is done.
    pub fn step(&self, search: &mut Search) -> bool {
        let Some(s) = search.left.checked_sub(1) else {
            return true;
        };
        let h = self.volumes.len();
        let after = search.best[s + 1].0;
        let mut here = (
            Key {
                cost: search.bills[s] + after.cost,
                ..after
            },
            Step::Postpaid,
        );
        let mut low = search.bills[s] + search.bound[s + 1];
        search.pool.clear(here.0);
        for t in s..h {
            let (next, next_bound) = (search.best[t + 1].0, search.bound[t + 1]);
            let run_low = self.gather(s, t, &next, next_bound, &mut search.pool);
            low = low.min(run_low);
        }
        self.realize(s, &search.best, &mut search.pool, &mut here);
        search.best[s] = here;
        search.bound[s] = low;
        search.left = s;
        s == 0
    }

    /// Adds the best capacities of the runs `s..=t` to the pool, ranked by
    /// the least their plans can cost, if that can beat `here`; returns the
    /// runs' lower bound.
    fn gather(
        &self,
        s: usize,
        t: usize,
        next: &Key,
        next_bound: Decimal,
        pool: &mut Pool,
    ) -> Decimal {
        let Some(cheapest) = self.tables(self.columns[s]) else {
            return Decimal::MAX;
        };
        let span = self.span(s..t + 1, cheapest);
        let (late_partial, late_cover) = self.late_extra(s, t, &span);
        let mut low = Decimal::MAX;
        // Bought at the run's first column, packs cost least: a candidate's
        // own figures, plus what its late calls must cost more, are the best
        // its orders can do.
        let rate = span.order_rate(self.most_in_a_year(s, t));
        span.for_each_piece(t - s, Decimal::ZERO, 1, Bounds::Above, |piece| {
            let mut least = piece.above_bound.unwrap_or(Decimal::MAX);
            for candidate in &piece.best {
                least = least.min(candidate.packs_cost + candidate.postpaid_cost);
            }
            // Without a capacity, the piece bounds nothing.
            if least < Decimal::MAX {
                let by_rate = rate.map_or(Decimal::ZERO, |rate| rate_bound(rate, &piece));
                let piece_low = least.max(by_rate).checked_add(late_partial + next_bound);
                low = low.min(piece_low.unwrap_or(Decimal::MAX));
            }
            for candidate in piece.best {
                let floor = candidate.packs_cost + late_partial;
                pool.push(t, Source::First, candidate, floor, next);
            }
        });
        let covered: Calls = self.volumes[s..=t].iter().sum();
        let by_rate = rate.map_or(Decimal::ZERO, |rate| at_rate(rate, covered));
        for candidate in span.covers_all(1) {
            let floor = candidate.packs_cost + late_cover;
            low = low.min(candidate.packs_cost.max(by_rate) + late_cover + next_bound);
            pool.push(t, Source::First, candidate, floor, next);
        }
        // Where the list price starts inside the run, multisets chosen at it
        // may fit better; they cost no less than the cheapest multiset of
        // their capacity at the promotional price, plus the late calls' extra.
        let list = PriceColumn::List;
        if self.columns[s] != list && self.columns[t] == list {
            if let Some(tables) = self.tables(list) {
                let span = self.span(s..t + 1, tables);
                let floor = |c: &Candidate, late: Decimal| {
                    late + cheapest
                        .costs
                        .cost(c.units)
                        .map_or(c.packs_cost, |cost| cost.price)
                };
                span.for_each_piece(t - s, Decimal::ZERO, 1, Bounds::Skip, |piece| {
                    for candidate in piece.best {
                        pool.push(
                            t,
                            Source::List,
                            candidate,
                            floor(&candidate, late_partial),
                            next,
                        );
                    }
                });
                for candidate in span.covers_all(1) {
                    pool.push(
                        t,
                        Source::List,
                        candidate,
                        floor(&candidate, late_cover),
                        next,
                    );
                }
            }
        }
        low
    }

    /// The most calls any 12 consecutive months of `s..=t` have: no order
    /// bought in the run serves more.
    fn most_in_a_year(&self, s: usize, t: usize) -> Calls {
        (s..=t)
            .map(|a| self.volumes[a..=t.min(a + VALID - 1)].iter().sum::<Calls>())
            .max()
            .unwrap_or(0)
    }

    /// What a run's packs must cost beyond the promotional price, because
    /// packs bought at it expire before the run's late months: those months'
    /// calls are served by packs bought at the list price, which cost at
    /// least `list_over_promo` times as much. For a run whose last month is
    /// partly postpaid, and for one whose last month is covered.
    fn late_extra(&self, s: usize, t: usize, span: &Span<'_>) -> (Decimal, Decimal) {
        let none = (Decimal::ZERO, Decimal::ZERO);
        if self.columns[s] != PriceColumn::Promo {
            return none;
        }
        let Some(first_list) = self.columns.iter().position(|&c| c == PriceColumn::List) else {
            return none;
        };
        let last_reached = first_list - 1 + VALID - 1;
        if t <= last_reached {
            return none;
        }
        let extra = self.list_over_promo - Decimal::ONE;
        let cost = |calls: Calls| {
            span.cover(calls, calls)
                .map_or(Decimal::ZERO, |c| c.packs_cost)
        };
        let before_last: Calls = self.volumes[last_reached + 1..t].iter().sum();
        let through_last = before_last + self.volumes[t];
        (extra * cost(before_last), extra * cost(through_last))
    }

    /// Turns the pool's candidates into orders, least rank first, until none
    /// left can beat the best found. A run whose best capacity does not fit
    /// into orders adds its next best ones.
    fn realize(&self, s: usize, best: &[(Key, Step)], pool: &mut Pool, here: &mut (Key, Step)) {
        let mut widened = vec![false; self.volumes.len()];
        while let Some((least, entry)) = pool.pop() {
            if least >= here.0 {
                break;
            }
            let t = entry.last;
            let column = match entry.source {
                Source::List => PriceColumn::List,
                Source::First => self.columns[s],
            };
            let Some(tables) = self.tables(column) else {
                continue;
            };
            let span = self.span(s..t + 1, tables);
            let next = &best[t + 1].0;
            if self.try_run(s, t, &span, &entry.candidate, next, here) {
                continue;
            }
            if entry.source == Source::First && !widened[t] {
                widened[t] = true;
                span.for_each_piece(t - s, Decimal::ZERO, ALTERNATIVES, Bounds::Skip, |piece| {
                    for candidate in piece.best.into_iter().skip(1) {
                        pool.push(t, Source::First, candidate, candidate.packs_cost, next);
                    }
                });
                for candidate in span.covers_all(ALTERNATIVES).into_iter().skip(1) {
                    pool.push(t, Source::First, candidate, candidate.packs_cost, next);
                }
            }
        }
    }

    /// Turns a candidate into orders and keeps it if it ranks better; false
    /// if it does not fit into orders.
    fn try_run(
        &self,
        s: usize,
        t: usize,
        span: &Span<'_>,
        candidate: &Candidate,
        next: &Key,
        here: &mut (Key, Step),
    ) -> bool {
        let run = Run {
            start: s,
            volumes: span.volumes,
            columns: &self.columns,
            ends_horizon: t + 1 == self.volumes.len(),
        };
        let counts = span.tables.costs.multiset(candidate.units);
        let Some(found) = run.orders(&self.prices.packs, &counts, candidate.served) else {
            return false;
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
        true
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
