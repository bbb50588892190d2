//! The plain pricing functions: what a given purchase plan costs, month by
//! month, under the billing rules. The optimizer's answers are re-priced here.

use rust_decimal::Decimal;

use crate::calls::Calls;
use crate::label::PriceColumn;
use crate::money::{amount, round_bill};
use crate::price_book::{LabelPrices, Pack};
use crate::scenario::{MonthsOfCalls, Scenario, PACK_VALID_MONTHS};

/// The postpaid bill of a month with `calls` billed calls, rounded to 分.
pub fn month_bill(prices: &LabelPrices, column: PriceColumn, calls: Calls) -> Decimal {
    prices.tier_index(calls).map_or(Decimal::ZERO, |tier| {
        round_bill(amount(calls, prices.tiers[tier].unit.get(column)))
    })
}

/// A number of packs of one size bought together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Purchase {
    /// The pack bought.
    pub pack: Pack,
    /// How many of it.
    pub count: u64,
}

impl Purchase {
    /// Purchases from counts per pack (in `packs`' order), largest pack first,
    /// leaving out packs not bought.
    pub(crate) fn from_counts(
        packs: &[Pack],
        counts: impl IntoIterator<Item = u64>,
    ) -> Vec<Purchase> {
        let mut purchases: Vec<Purchase> = packs
            .iter()
            .zip(counts)
            .filter(|(_, count)| *count > 0)
            .map(|(pack, count)| Purchase { pack: *pack, count })
            .collect();
        purchases.reverse();
        purchases
    }

    /// Calls these packs hold together.
    pub fn calls(&self) -> Calls {
        Calls::from(self.pack.calls) * Calls::from(self.count)
    }

    /// What these packs cost together.
    pub fn cost(&self, column: PriceColumn) -> Decimal {
        self.pack.price.get(column) * Decimal::from(self.count)
    }
}

/// Packs bought together at the start of one month: valid in that month and
/// the [`PACK_VALID_MONTHS`] - 1 after it, priced in the column in force that month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Order {
    /// Month of purchase, counted from 0.
    pub month: usize,
    /// Packs bought, largest first.
    pub purchases: Vec<Purchase>,
}

impl Order {
    /// Calls these packs hold together.
    pub fn calls(&self) -> Calls {
        self.purchases.iter().map(Purchase::calls).sum()
    }

    /// Packs bought.
    pub fn packs(&self) -> u64 {
        self.purchases.iter().map(|p| p.count).sum()
    }

    /// The last month the packs may be used in, counted from 0.
    pub fn last_valid_month(&self) -> usize {
        self.month + PACK_VALID_MONTHS as usize - 1
    }

    /// What the packs cost in a price column.
    pub fn cost(&self, column: PriceColumn) -> Decimal {
        self.purchases.iter().map(|p| p.cost(column)).sum()
    }
}

/// What became of one order's calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrderUse {
    /// The column the order was priced at.
    pub column: PriceColumn,
    /// What the order cost.
    pub cost: Decimal,
    /// The months its calls were used in, counted from 0; `None` if never.
    pub drawn: Option<(usize, usize)>,
    /// Calls left when it expired or the horizon ended.
    pub unused: Calls,
}

/// How one month's calls are paid for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthLine {
    /// Verifications in the month, before retries.
    pub verifications: Calls,
    /// Billed calls (attempts) in the month.
    pub calls: Calls,
    /// The price column in force in the month.
    pub column: PriceColumn,
    /// Calls taken from the legacy balance.
    pub legacy: Calls,
    /// Calls taken from packs already held.
    pub held: Calls,
    /// Calls taken from packs bought in the plan.
    pub packs: Calls,
    /// Calls billed postpaid.
    pub postpaid: Calls,
    /// Index of the postpaid tier, `None` if nothing is billed.
    pub tier: Option<usize>,
    /// The month's postpaid bill, rounded to 分.
    pub bill: Decimal,
}

/// A plan priced month by month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bill {
    /// One line per month of the horizon.
    pub months: Vec<MonthLine>,
    /// Per order of the plan, in purchase order: its price and what its calls did.
    pub orders: Vec<OrderUse>,
    /// What the packs cost.
    pub packs_cost: Decimal,
    /// What postpaid costs over the horizon.
    pub postpaid_cost: Decimal,
    /// Pack calls that expire unused or outlast the horizon.
    pub unused: Calls,
    /// Legacy calls left when the legacy packs expired.
    pub legacy_expired: Calls,
    /// Calls left on packs already held when they expired (or the horizon ended).
    pub held_expired: Calls,
}

impl Bill {
    /// Packs plus postpaid over the horizon.
    pub fn total(&self) -> Decimal {
        self.packs_cost + self.postpaid_cost
    }
}

/// Prices a plan by simulating the deduction month by month. Each order is
/// bought at the start of its month at the column in force then. Each month,
/// legacy calls go first while they last and may be used, then packs, the
/// earliest to expire first (all packs last equally long, so the earliest
/// bought), then postpaid at the tier of the calls it bills, in the column in
/// force that month. Packs left at the end of their last valid month expire;
/// packs left when the horizon ends count as unused too. Orders must be sorted
/// by month; orders of a month after the horizon are never used. Packs already
/// held go right after legacy calls, earliest-expiring first: they expire no
/// later than any pack bought.
pub fn price_plan(prices: &LabelPrices, scenario: &Scenario, orders: &[Order]) -> Bill {
    price_months(prices, scenario, &scenario.months_of_calls(), orders)
}

/// One order's packs while they last.
struct Stock {
    order: usize,
    left: Calls,
    last_month: usize,
}

/// [`price_plan`] with the scenario's calls already worked out.
pub(crate) fn price_months(
    prices: &LabelPrices,
    scenario: &Scenario,
    calls: &MonthsOfCalls,
    orders: &[Order],
) -> Bill {
    let (volumes, verifications) = (&calls.billed, &calls.verifications);
    let mut balances = Balances::new(scenario);
    let mut bill = Bill {
        months: Vec::with_capacity(volumes.len()),
        orders: Vec::with_capacity(orders.len()),
        packs_cost: Decimal::ZERO,
        postpaid_cost: Decimal::ZERO,
        unused: 0,
        legacy_expired: 0,
        held_expired: 0,
    };
    let mut stock: std::collections::VecDeque<Stock> = Default::default();
    let mut next_order = 0;
    for (month, &calls) in volumes.iter().enumerate() {
        while let Some(order) = orders.get(next_order).filter(|o| o.month <= month) {
            let column = scenario.column_in(order.month);
            let cost = order.cost(column);
            bill.packs_cost += cost;
            bill.orders.push(OrderUse {
                column,
                cost,
                drawn: None,
                unused: 0,
            });
            stock.push_back(Stock {
                order: next_order,
                left: order.calls(),
                last_month: order.last_valid_month(),
            });
            next_order += 1;
        }
        let (from_legacy, from_held) = balances.take(month, calls);
        let mut wanted = calls - from_legacy - from_held;
        for packs in stock.iter_mut() {
            let taken = wanted.min(packs.left);
            if taken > 0 {
                packs.left -= taken;
                wanted -= taken;
                let drawn = &mut bill.orders[packs.order].drawn;
                *drawn = Some((drawn.map_or(month, |(first, _)| first), month));
            }
        }
        let postpaid = wanted;
        let column = scenario.column_in(month);
        let line = MonthLine {
            verifications: verifications[month],
            calls,
            column,
            legacy: from_legacy,
            held: from_held,
            packs: calls - from_legacy - from_held - postpaid,
            postpaid,
            tier: prices.tier_index(postpaid),
            bill: month_bill(prices, column, postpaid),
        };
        bill.postpaid_cost += line.bill;
        bill.months.push(line);
        let last = month + 1 == volumes.len();
        stock.retain(|packs| {
            let gone = last || packs.last_month <= month || packs.left == 0;
            if gone {
                bill.orders[packs.order].unused = packs.left;
                bill.unused += packs.left;
            }
            !gone
        });
    }
    (bill.legacy_expired, bill.held_expired) = balances.expired();
    bill
}

/// What the customer holds before the plan buys anything, as the months use
/// it up: the legacy balance first, then the packs held on the label,
/// earliest-expiring first. Each lasts until its last usable month.
pub struct Balances {
    /// Legacy first, then held entries by expiry: (calls left, months usable, legacy?).
    entries: Vec<(Calls, usize, bool)>,
}

impl Balances {
    /// The scenario's legacy balance and its label's held packs.
    pub fn new(scenario: &Scenario) -> Balances {
        let legacy = (
            Calls::from(scenario.legacy),
            scenario.legacy_months as usize,
            true,
        );
        let mut held: Vec<(Calls, usize, bool)> = scenario
            .held_on(scenario.label)
            .iter()
            .map(|h| (Calls::from(h.calls), h.months as usize, false))
            .collect();
        // Stable: entries that expire together keep their order (it changes nothing).
        held.sort_by_key(|&(_, months, _)| months);
        Balances {
            entries: std::iter::once(legacy).chain(held).collect(),
        }
    }

    /// Takes what it can of a month's calls: (from legacy, from held packs);
    /// nothing from an entry once it has expired.
    pub fn take(&mut self, month: usize, calls: Calls) -> (Calls, Calls) {
        let (mut legacy, mut held) = (0, 0);
        let mut wanted = calls;
        for (left, months, is_legacy) in self.entries.iter_mut() {
            if month >= *months || wanted == 0 {
                continue;
            }
            let used = wanted.min(*left);
            *left -= used;
            wanted -= used;
            match is_legacy {
                true => legacy += used,
                false => held += used,
            }
        }
        (legacy, held)
    }

    /// What is left: (legacy, held), lost once each expires.
    pub fn expired(&self) -> (Calls, Calls) {
        let sum = |legacy: bool| {
            let left = self.entries.iter().filter(|e| e.2 == legacy);
            left.map(|e| e.0).sum()
        };
        (sum(true), sum(false))
    }
}

/// The plan that buys no packs.
pub fn postpaid_only(prices: &LabelPrices, scenario: &Scenario) -> Bill {
    price_plan(prices, scenario, &[])
}
