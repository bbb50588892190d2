//! The plain pricing functions: what a given purchase plan costs, month by
//! month, under the billing rules. The optimizer's answers are re-priced here.

use rust_decimal::Decimal;

use crate::label::PriceColumn;
use crate::money::{amount, round_bill};
use crate::price_book::{LabelPrices, Pack};
use crate::scenario::{MonthsOfCalls, Scenario};
use crate::Calls;

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
    /// Calls these packs hold together.
    pub fn calls(&self) -> Calls {
        Calls::from(self.pack.calls) * Calls::from(self.count)
    }

    /// What these packs cost together.
    pub fn cost(&self, column: PriceColumn) -> Decimal {
        self.pack.price.get(column) * Decimal::from(self.count)
    }
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
    /// What the packs cost.
    pub packs_cost: Decimal,
    /// What postpaid costs over the horizon.
    pub postpaid_cost: Decimal,
    /// Pack calls that expire unused or outlast the horizon.
    pub unused: Calls,
    /// Legacy calls left when the legacy packs expired.
    pub legacy_expired: Calls,
}

impl Bill {
    /// Packs plus postpaid over the horizon.
    pub fn total(&self) -> Decimal {
        self.packs_cost + self.postpaid_cost
    }
}

/// Prices a plan: `purchases[w]` are bought at the start of window `w` of
/// [`Scenario::windows`], at the price column in force that month. Legacy
/// calls go first while they last and may be used, then packs in purchase
/// order (the earliest to expire first), then postpaid at the column in
/// force in each month.
pub fn price_plan(prices: &LabelPrices, scenario: &Scenario, purchases: &[Vec<Purchase>]) -> Bill {
    price_months(prices, scenario, &scenario.months_of_calls(), purchases)
}

/// [`price_plan`] with the scenario's calls already worked out.
pub(crate) fn price_months(
    prices: &LabelPrices,
    scenario: &Scenario,
    calls: &MonthsOfCalls,
    purchases: &[Vec<Purchase>],
) -> Bill {
    let (volumes, verifications) = (&calls.billed, &calls.verifications);
    let mut legacy = Legacy::new(scenario);
    let mut bill = Bill {
        months: Vec::with_capacity(volumes.len()),
        packs_cost: Decimal::ZERO,
        postpaid_cost: Decimal::ZERO,
        unused: 0,
        legacy_expired: 0,
    };
    for (window, months) in scenario.windows().into_iter().enumerate() {
        let bought = purchases.get(window).map_or(&[][..], Vec::as_slice);
        let buy_column = scenario.column_in(months.start);
        let mut capacity: Calls = bought.iter().map(Purchase::calls).sum();
        bill.packs_cost += bought.iter().map(|p| p.cost(buy_column)).sum::<Decimal>();
        for month in months {
            let calls = volumes[month];
            let from_legacy = legacy.take(month, calls);
            let from_packs = (calls - from_legacy).min(capacity);
            capacity -= from_packs;
            let postpaid = calls - from_legacy - from_packs;
            let column = scenario.column_in(month);
            let line = MonthLine {
                verifications: verifications[month],
                calls,
                column,
                legacy: from_legacy,
                packs: from_packs,
                postpaid,
                tier: prices.tier_index(postpaid),
                bill: month_bill(prices, column, postpaid),
            };
            bill.postpaid_cost += line.bill;
            bill.months.push(line);
        }
        bill.unused += capacity;
    }
    bill.legacy_expired = legacy.expired();
    bill
}

/// The legacy balance as the months use it up, until it expires.
pub struct Legacy {
    left: Calls,
    usable_months: usize,
}

impl Legacy {
    /// The scenario's balance, usable in its first `legacy_months` months.
    pub fn new(scenario: &Scenario) -> Legacy {
        Legacy {
            left: Calls::from(scenario.legacy),
            usable_months: scenario.legacy_months as usize,
        }
    }

    /// Takes what it can of a month's calls; nothing once expired.
    pub fn take(&mut self, month: usize, calls: Calls) -> Calls {
        if month >= self.usable_months {
            return 0;
        }
        let used = calls.min(self.left);
        self.left -= used;
        used
    }

    /// What is left: lost once the legacy packs expire.
    pub fn expired(&self) -> Calls {
        self.left
    }
}

/// The plan that buys no packs.
pub fn postpaid_only(prices: &LabelPrices, scenario: &Scenario) -> Bill {
    price_plan(prices, scenario, &[])
}
