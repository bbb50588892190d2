//! The cheapest plan over any purchase months: which packs to buy, and in
//! which months, so that packs plus postpaid cost the least; with a lower
//! bound that no plan can beat, so that a plan is called the cheapest only
//! when it is proven to be.
//!
//! # Model
//!
//! Month `m` bills `v x (1 + g/100)^(m-1) x (1 + r/100)` calls (growth `g`,
//! retries `r`, month profile), rounded once, half away from zero. Legacy
//! calls are used first, earliest month first, only in months 1 …
//! `legacy_months`; what is left then expires. At the start of any month the
//! plan may buy any multiset of the label's packs, priced in the column in
//! force that month (the promotional one until `promo_months`, the list
//! price after); a pack is valid in that month and the 11 after it. Each
//! month, packs are used earliest to expire first, as far as the month's
//! calls go; the rest is billed postpaid at the tier of the calls it bills,
//! in the column in force that month ([`crate::price_plan`] is this model,
//! literally). Ties: the lower total, then fewer unused calls, then fewer packs.
//!
//! # Runs
//!
//! Cut any plan's months where no pack is left at the end of a month (after
//! expiry). Between two cuts lies a run: every month of it but the last is
//! served wholly by packs (a month with postpaid calls ends with no pack
//! left), and its packs are bought inside it and used or lost inside it. So
//! a run of months `s..=t` costs at least the cheapest multiset whose
//! capacity covers what its packs serve, `D(s..t) - x_t` with `x_t` the
//! postpaid calls of month `t`, plus month `t`'s bill; packs bought in
//! different months are still one multiset, at least as dear as the same
//! packs at the cheapest column in force in the run (the promotional price
//! never exceeds the list price, a tested property of the price book). The
//! [`span::Span`] queries give that minimum over `x_t`, piece by piece.
//! Two more bounds hold for every plan of a run: across the promotion's end,
//! the calls after the last month promotional packs reach cost at least the
//! list/promotional ratio more; and an order serves at most the calls of 12
//! consecutive months, so each served call costs at least the lowest price
//! per call an order of that size reaches. A run costs at least the largest.
//!
//! - **Lower bound:** the cheapest chain of runs and postpaid months with
//!   run costs relaxed like this, by dynamic programming over the first
//!   month: `LB(s) = min(bill(s) + LB(s+1), min_t run(s, t) + LB(t+1))`. It
//!   ignores only that packs expire, so no plan costs less.
//! - **Plan:** the same recursion over the same candidates, each turned into
//!   orders that use every pack before it expires ([`chain::Run`]) and priced
//!   at the columns of their purchase months. When a run's cheapest multiset
//!   fits, the run costs exactly its bound.
//!
//! When the plan's total equals the bound, it is the cheapest possible; else
//! it is the cheapest found, within the difference. The yearly plan (packs
//! bought at months 1, 13, 25 only) is compared with the search's, so the
//! plan never costs more than it.
//!
//! # Complexity
//!
//! Per label and buying column, once: the pack table (`O(L x p)`, `L` at most
//! 14 000 units of 100 calls for the 2021-02-01 prices) and range minima per
//! tier price. Per recommendation, `O(M^2 x tiers)` constant-time range
//! queries for `M` months, independent of the volume, of the promotion's
//! end, of retries and of the legacy balance; turning a candidate into orders
//! is `O(M x p)`, and only candidates that can still win are turned.

mod any_month;
mod chain;
mod error;
mod exact;
mod floor;
mod pack_costs;
mod range_min;
mod span;
mod tables;
mod yearly;

use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::billing::{price_months, Balances, Order};
use crate::calls::Calls;
use crate::label::{Label, PriceColumn};
use crate::price_book::{LabelPrices, PriceBook};
use crate::scenario::{MonthsOfCalls, Scenario};
pub use error::OptimizerError;
use tables::{yuan, Tables};

/// What a recommended plan is, in one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// Buy no packs.
    PostpaidOnly,
    /// Packs cover every call.
    PacksOnly,
    /// Packs, and postpaid for the calls beyond them.
    PacksAndPostpaid,
}

impl Strategy {
    /// What several labels' plans are together: postpaid only when none buys
    /// packs, packs only when each covers every call, else packs and postpaid.
    pub fn together(kinds: impl IntoIterator<Item = Strategy>) -> Strategy {
        let (mut any_packs, mut all_covered) = (false, true);
        for kind in kinds {
            any_packs |= kind != Strategy::PostpaidOnly;
            all_covered &= kind == Strategy::PacksOnly;
        }
        match (any_packs, all_covered) {
            (false, _) => Strategy::PostpaidOnly,
            (true, true) => Strategy::PacksOnly,
            (true, false) => Strategy::PacksAndPostpaid,
        }
    }
}

/// The cheapest plan for a scenario, with what it is proven to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    /// Packs to buy, by purchase month; empty for postpaid only.
    pub orders: Vec<Order>,
    /// Packs plus postpaid over the horizon.
    pub total: Decimal,
    /// Pack calls that expire unused.
    pub unused: Calls,
    /// What the plan is.
    pub strategy: Strategy,
    /// No plan over any purchase months costs less than this.
    pub lower_bound: Decimal,
}

impl Recommendation {
    /// Whether no plan can cost less: the total meets the lower bound.
    pub fn is_proven(&self) -> bool {
        self.total <= self.lower_bound
    }

    /// How much a cheaper plan could save at most; zero when proven.
    pub fn gap(&self) -> Decimal {
        (self.total - self.lower_bound).max(Decimal::ZERO)
    }

    /// Packs bought over the horizon.
    pub fn pack_count(&self) -> u64 {
        self.orders.iter().map(Order::packs).sum()
    }
}

/// Finds cheapest plans; tables are built once per label and column.
pub struct Optimizer<'b> {
    book: &'b PriceBook,
    tables: [OnceLock<Result<Tables, OptimizerError>>; 8],
    exact_budget: u64,
}

impl<'b> Optimizer<'b> {
    /// An optimizer over a price book.
    pub fn new(book: &'b PriceBook) -> Optimizer<'b> {
        Optimizer {
            book,
            tables: Default::default(),
            exact_budget: exact::WORK_BUDGET,
        }
    }

    /// The same optimizer with another bound on the exact program's work
    /// (lane positions times packs); past it the search over runs plans, with
    /// a lower bound. Zero always takes the search over runs: tests and
    /// benches compare the two.
    pub fn with_exact_budget(self, work: u64) -> Optimizer<'b> {
        Optimizer {
            exact_budget: work,
            ..self
        }
    }

    /// The price book this optimizer works on.
    pub fn book(&self) -> &'b PriceBook {
        self.book
    }

    /// The cheapest plan for a scenario.
    pub fn recommend(&self, scenario: &Scenario) -> Result<Recommendation, OptimizerError> {
        self.recommend_for(scenario, &scenario.months_of_calls())
    }

    /// [`Optimizer::recommend`] with the scenario's calls already worked out.
    pub(crate) fn recommend_for(
        &self,
        scenario: &Scenario,
        calls: &MonthsOfCalls,
    ) -> Result<Recommendation, OptimizerError> {
        let mut work = self.plan_work(scenario, calls, Goal::Plan)?;
        loop {
            if let Some(plan) = work.advance(usize::MAX) {
                return Ok(plan);
            }
        }
    }

    /// The search for a scenario's cheapest plan, to be advanced a step at
    /// a time. For a [`Goal::Plan`] whose exact program is small
    /// ([`exact::EXACT_FIRST`]), that program. Otherwise the search over runs
    /// first, which takes milliseconds and often proves its plan, then the
    /// exact program where it does not and its work fits the budget; past
    /// the budget the search over runs' plan stands, with its lower bound.
    pub(crate) fn plan_work<'o>(
        &'o self,
        scenario: &Scenario,
        calls: &MonthsOfCalls,
        goal: Goal,
    ) -> Result<PlanWork<'o>, OptimizerError> {
        let months = self.months(scenario, calls)?;
        let prices = self.book.label(scenario.label);
        // A plan to show may try any scenario, stopped by its work done;
        // a point of the curve only those whose bound fits its budget.
        let (admit, limit) = match goal {
            Goal::Plan if self.exact_budget > 0 => (u64::MAX, self.exact_budget),
            _ => {
                let budget = self.exact_budget.min(exact::CURVE_BUDGET);
                (budget, budget)
            }
        };
        let program = exact::Program::new(
            prices,
            &months.volumes,
            &months.columns,
            months.tables,
            admit,
        )
        .map(|mut program| {
            program.limit_to(limit);
            Box::new(program)
        });
        let exact_first = goal == Goal::Plan
            && program
                .as_ref()
                .is_some_and(|program| program.work() <= exact::EXACT_FIRST.min(self.exact_budget));
        let (search, then) = match (exact_first, program) {
            (true, Some(program)) => (Work::Exact(program), None),
            (_, program) => (Work::Runs(months.start()), program),
        };
        Ok(PlanWork {
            search: Some(search),
            then,
            unproven: None,
            months,
            prices,
            scenario: scenario.clone(),
            calls: calls.clone(),
        })
    }

    /// Whether the scenario's plan is the exact program's and its work is
    /// at most `work` (lane positions times packs): a way to tell a plan that
    /// can be computed within a frame.
    pub(crate) fn exact_within(&self, scenario: &Scenario, work: u64) -> bool {
        let calls = scenario.months_of_calls();
        let Ok(months) = self.months(scenario, &calls) else {
            return false;
        };
        let Some(tables) = months.tables.iter().flatten().next() else {
            return false;
        };
        exact::work(months.prices, &months.volumes, tables.costs.unit)
            .is_some_and(|needed| needed <= work.min(self.exact_budget))
    }

    /// A plan re-priced month by month, and what it is.
    pub(crate) fn priced_plan(
        &self,
        scenario: &Scenario,
        calls: &MonthsOfCalls,
        orders: &[Order],
    ) -> (crate::billing::Bill, Strategy) {
        priced(self.book.label(scenario.label), scenario, calls, orders)
    }

    /// The cheapest plan that buys only at the start of each 12-month window
    /// (months 1, 13, 25), for comparison with [`Optimizer::recommend`].
    pub fn yearly_plan(&self, scenario: &Scenario) -> Result<Vec<Order>, OptimizerError> {
        let months = self.months(scenario, &scenario.months_of_calls())?;
        Ok(months.yearly_orders(&scenario.windows()))
    }

    /// The scenario's months as the search reads them, with the tables of
    /// every column packs may be bought at.
    fn months<'s>(
        &'s self,
        scenario: &Scenario,
        calls: &MonthsOfCalls,
    ) -> Result<any_month::Months<'s>, OptimizerError> {
        let volumes = after_legacy(scenario, calls.billed.clone());
        let columns: Vec<PriceColumn> = (0..volumes.len())
            .map(|month| scenario.column_in(month))
            .collect();
        let mut tables = [None, None];
        for &column in &columns {
            let at = usize::from(column == PriceColumn::List);
            if tables[at].is_none() {
                tables[at] = Some(self.tables(scenario.label, column)?);
            }
        }
        let prices = self.book.label(scenario.label);
        Ok(any_month::Months {
            prices,
            volumes,
            columns,
            tables,
            list_over_promo: list_over_promo(prices),
        })
    }

    fn tables(&self, label: Label, column: PriceColumn) -> Result<&Tables, OptimizerError> {
        let slot = label.index() * 2 + usize::from(column == PriceColumn::List);
        self.tables[slot]
            .get_or_init(|| Tables::new(self.book.label(label), column))
            .as_ref()
            .map_err(Clone::clone)
    }
}

/// One table a scenario needs: a label's pack table at a buying column, or
/// its tier keys for a postpaid column.
#[derive(Clone, Copy, Debug)]
enum Piece {
    Packs(Label, PriceColumn),
    TierKeys(Label, PriceColumn, PriceColumn),
}

/// The tables a scenario needs, built one piece per [`Preparation::advance`],
/// so that a page can spread the work over several short tasks before its
/// first estimate (which then finds them built).
pub struct Preparation<'o> {
    optimizer: &'o Optimizer<'o>,
    pieces: Vec<Piece>,
}

impl crate::work::Work for Preparation<'_> {
    type Output = ();

    /// One more piece built.
    fn step(&mut self) -> Option<()> {
        self.advance().then_some(())
    }
}

impl Preparation<'_> {
    /// Builds the next piece; `true` once every piece is built. A table that
    /// cannot be built is left for the estimate to report.
    pub fn advance(&mut self) -> bool {
        let Some(piece) = self.pieces.pop() else {
            return true;
        };
        let book = self.optimizer.book;
        match piece {
            Piece::Packs(label, column) => {
                let _ = self.optimizer.tables(label, column);
            }
            Piece::TierKeys(label, buy, postpaid) => {
                if let Ok(tables) = self.optimizer.tables(label, buy) {
                    tables.tier_keys(book.label(label), postpaid);
                }
            }
        }
        self.pieces.is_empty()
    }
}

impl<'b> Optimizer<'b> {
    /// The tables `scenario` needs, to be built a piece at a time.
    pub fn prepare<'o>(&'o self, scenario: &Scenario) -> Preparation<'o> {
        let mut columns: Vec<PriceColumn> = (0..scenario.months as usize)
            .map(|month| scenario.column_in(month))
            .collect();
        columns.sort_by_key(|&column| column == PriceColumn::List);
        columns.dedup();
        let mut pieces = Vec::new();
        for label in scenario.labels() {
            for &buy in &columns {
                pieces.push(Piece::Packs(label, buy));
                pieces.extend(
                    columns
                        .iter()
                        .map(|&postpaid| Piece::TierKeys(label, buy, postpaid)),
                );
            }
        }
        // Built from the end: the first piece first.
        pieces.reverse();
        Preparation {
            optimizer: self,
            pieces,
        }
    }
}

impl Optimizer<'static> {
    /// The optimizer for the embedded price book, shared by every caller.
    pub fn embedded() -> Result<&'static Optimizer<'static>, crate::PriceBookError> {
        static OPTIMIZER: OnceLock<Optimizer<'static>> = OnceLock::new();
        let book = PriceBook::embedded()?;
        Ok(OPTIMIZER.get_or_init(|| Optimizer::new(book)))
    }
}

/// A plan re-priced month by month, and what it is.
fn priced(
    prices: &LabelPrices,
    scenario: &Scenario,
    calls: &MonthsOfCalls,
    orders: &[Order],
) -> (crate::billing::Bill, Strategy) {
    let bill = price_months(prices, scenario, calls, orders);
    let strategy = if orders.is_empty() {
        Strategy::PostpaidOnly
    } else if bill.months.iter().all(|month| month.postpaid == 0) {
        Strategy::PacksOnly
    } else {
        Strategy::PacksAndPostpaid
    };
    (bill, strategy)
}

/// What a search is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Goal {
    /// A plan to show: the cheapest, ties broken as documented.
    Plan,
    /// Only the cheapest total (a point of the cost curve): any plan proven
    /// the cheapest will do.
    Total,
}

/// The search for one scenario's cheapest plan, under way.
pub(crate) struct PlanWork<'o> {
    months: any_month::Months<'o>,
    search: Option<Work<'o>>,
    /// The exact program, to run after the search over runs if that does
    /// not prove its plan.
    then: Option<Box<exact::Program<'o>>>,
    /// The search over runs' plan while the exact program looks for a cheaper one.
    unproven: Option<Recommendation>,
    prices: &'o LabelPrices,
    scenario: Scenario,
    calls: MonthsOfCalls,
}

/// Which search a plan comes from.
enum Work<'o> {
    /// The exact program: its plan is the cheapest there is.
    Exact(Box<exact::Program<'o>>),
    /// The search over runs, with a lower bound.
    Runs(any_month::Search),
}

impl PlanWork<'_> {
    /// Does up to `steps` more steps of the search; the plan once done.
    pub(crate) fn advance(&mut self, steps: usize) -> Option<Recommendation> {
        let mut done = false;
        for _ in 0..steps {
            done = match self.search.as_mut()? {
                Work::Exact(program) => program.step(),
                Work::Runs(search) => self.months.step(search),
            };
            if done {
                break;
            }
        }
        if !done {
            return None;
        }
        match self.search.take()? {
            Work::Exact(program) => match (program.found(), self.unproven.take()) {
                (Some(found), _) => Some(self.exact(found)),
                (None, Some(plan)) => Some(plan),
                // An amount outgrew whole fen: the search over runs, which
                // counts in decimals, plans instead.
                (None, None) => {
                    self.search = Some(Work::Runs(self.months.start()));
                    None
                }
            },
            Work::Runs(search) => {
                let plan = self.runs(search.found());
                match (plan.is_proven(), self.then.take()) {
                    (false, Some(mut program)) => {
                        if let Some(fen) = crate::money::whole_fen(plan.total) {
                            program.bound_by(fen);
                        }
                        self.unproven = Some(plan);
                        self.search = Some(Work::Exact(program));
                        None
                    }
                    _ => Some(plan),
                }
            }
        }
    }

    /// The exact program's plan: proven, its total its own lower bound.
    fn exact(&self, found: exact::Exact) -> Recommendation {
        let (bill, strategy) = priced(self.prices, &self.scenario, &self.calls, &found.orders);
        debug_assert_eq!(
            bill.total(),
            yuan(found.fen),
            "the plan re-prices as searched"
        );
        Recommendation {
            orders: found.orders,
            total: bill.total(),
            unused: bill.unused,
            strategy,
            lower_bound: bill.total(),
        }
    }

    /// The search over runs' plan, or the yearly plan where that is cheaper.
    fn runs(&self, found: any_month::Found) -> Recommendation {
        let (bill, strategy) = priced(self.prices, &self.scenario, &self.calls, &found.orders);
        debug_assert_eq!(bill.total(), found.total, "the plan re-prices as searched");
        let searched = Recommendation {
            orders: found.orders,
            total: bill.total(),
            unused: bill.unused,
            strategy,
            lower_bound: found.lower_bound,
        };
        // The search's candidates include every yearly plan's runs, but a
        // run's best capacities may not fit into orders where the yearly
        // plan's does: comparing guarantees the plan is never dearer.
        let yearly = self.months.yearly_orders(&self.scenario.windows());
        let (bill, strategy) = priced(self.prices, &self.scenario, &self.calls, &yearly);
        let rank = |plan: &Recommendation| {
            let orders = plan.orders.len();
            (plan.total, plan.unused, plan.pack_count(), orders)
        };
        let yearly = Recommendation {
            orders: yearly,
            total: bill.total(),
            unused: bill.unused,
            strategy,
            lower_bound: searched.lower_bound,
        };
        match rank(&yearly) < rank(&searched) {
            true => yearly,
            false => searched,
        }
    }
}

/// The least ratio of a pack's list price to its promotional price, rounded
/// down to six decimals so that it never exceeds the exact one; 1 if a
/// promotional price is zero or above the list price.
fn list_over_promo(prices: &LabelPrices) -> Decimal {
    prices
        .packs
        .iter()
        .map(|pack| {
            let (list, promo) = (pack.price.list, pack.price.promo);
            match promo > Decimal::ZERO {
                true => {
                    (list / promo).round_dp_with_strategy(6, rust_decimal::RoundingStrategy::ToZero)
                }
                false => Decimal::ONE,
            }
        })
        .fold(Decimal::MAX, Decimal::min)
        .max(Decimal::ONE)
}

/// Month volumes with legacy calls and held packs taken out, as billing takes
/// them: before any pack the plan buys, so the plan is one for what is left.
fn after_legacy(scenario: &Scenario, mut volumes: Vec<Calls>) -> Vec<Calls> {
    let mut balances = Balances::new(scenario);
    for (month, calls) in volumes.iter_mut().enumerate() {
        let (legacy, held) = balances.take(month, *calls);
        *calls -= legacy + held;
    }
    volumes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ExtraChannel;

    fn built(
        optimizer: &Optimizer<'_>,
        label: Label,
        buy: PriceColumn,
        postpaid: PriceColumn,
    ) -> bool {
        let slot = label.index() * 2 + usize::from(buy == PriceColumn::List);
        let at = usize::from(postpaid == PriceColumn::List);
        optimizer.tables[slot]
            .get()
            .and_then(|tables| tables.as_ref().ok())
            .is_some_and(|tables| tables.tier_keys[at].get().is_some())
    }

    #[test]
    fn a_preparation_builds_every_table_the_scenario_prices_with_and_no_other() {
        let book = PriceBook::embedded().expect("the embedded book parses");
        let scenario = Scenario {
            label: Label::WechatVerify,
            months: 24,
            promo_months: Some(6),
            extra: vec![ExtraChannel {
                label: Label::GeneralCompare,
                volume: 3000,
            }],
            ..Scenario::default()
        };
        let optimizer = Optimizer::new(book);
        let mut preparation = optimizer.prepare(&scenario);
        let mut steps = 1;
        while !preparation.advance() {
            steps += 1;
        }
        // Two labels, each bought and billed at both columns: a pack table and two keys each.
        assert_eq!(steps, 2 * 2 * 3);
        for label in Label::ALL {
            for (buy, postpaid) in [PriceColumn::Promo, PriceColumn::List]
                .into_iter()
                .flat_map(|buy| {
                    PriceColumn::ALL
                        .into_iter()
                        .map(move |postpaid| (buy, postpaid))
                })
            {
                let needed = scenario.labels().contains(&label);
                assert_eq!(
                    built(&optimizer, label, buy, postpaid),
                    needed,
                    "{label:?} {buy:?} {postpaid:?}"
                );
            }
        }
    }

    #[test]
    fn a_scenario_at_one_column_prepares_only_that_column() {
        let book = PriceBook::embedded().expect("the embedded book parses");
        let scenario = Scenario::default();
        let optimizer = Optimizer::new(book);
        let mut preparation = optimizer.prepare(&scenario);
        while !preparation.advance() {}
        let column = scenario.column;
        let other = PriceColumn::ALL
            .into_iter()
            .find(|&c| c != column)
            .expect("two columns");
        assert!(built(&optimizer, scenario.label, column, column));
        assert!(!built(&optimizer, scenario.label, column, other));
        assert!(!built(&optimizer, scenario.label, other, column));
    }

    /// The exact program's plan for `scenario`, bounded by a plan of
    /// `ceiling` fen when given, with no limit on its work.
    fn exact_plan(scenario: &Scenario, ceiling: Option<i64>) -> Option<exact::Exact> {
        let optimizer = Optimizer::embedded().expect("the embedded book parses");
        let calls = scenario.months_of_calls();
        let months = optimizer.months(scenario, &calls).expect("tables build");
        let mut program = exact::Program::new(
            months.prices,
            &months.volumes,
            &months.columns,
            months.tables,
            u64::MAX,
        )?;
        if let Some(fen) = ceiling {
            program.bound_by(fen);
        }
        while !program.step() {}
        program.found()
    }

    /// What ranks two plans of the same total: unused calls and packs.
    fn rank(scenario: &Scenario, found: &exact::Exact) -> (Decimal, Calls, u64, usize) {
        let optimizer = Optimizer::embedded().expect("the embedded book parses");
        let calls = scenario.months_of_calls();
        let (bill, _) = optimizer.priced_plan(scenario, &calls, &found.orders);
        let packs = found.orders.iter().map(Order::packs).sum();
        (bill.total(), bill.unused, packs, found.orders.len())
    }

    fn real_book_scenario() -> impl proptest::strategy::Strategy<Value = Scenario> {
        use proptest::prelude::*;
        (
            0..Label::ALL.len(),
            200u64..8_000,
            prop_oneof![Just(0i64), 1i64..11],
            12u32..=36,
            prop_oneof![Just(None), (1u32..36).prop_map(Some)],
            prop_oneof![Just((0u64, 0u32)), (1u64..30_000, 1u32..12)],
        )
            .prop_map(
                |(label, volume, growth, months, promo, (legacy, legacy_months))| Scenario {
                    label: Label::ALL[label],
                    volume,
                    months,
                    growth: Decimal::from(growth),
                    promo_months: promo.filter(|&m| m < months),
                    legacy,
                    legacy_months,
                    ..Scenario::default()
                },
            )
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

        /// A bound at or above the optimum changes nothing the plan is
        /// ranked by, whether the months stay in lanes or become points.
        #[test]
        fn a_bound_keeps_the_cheapest_plan(scenario in real_book_scenario(), slack in 0i64..200_000) {
            // Unbounded, a month may pass the states a month may hold.
            let free = exact_plan(&scenario, None);
            proptest::prop_assume!(free.is_some());
            let free = free.expect("assumed");
            let bounded = exact_plan(&scenario, Some(free.fen + slack)).expect("a plan within the bound");
            proptest::prop_assert_eq!(bounded.fen, free.fen);
            proptest::prop_assert_eq!(rank(&scenario, &bounded), rank(&scenario, &free));
        }

        /// A bound below the optimum leaves no plan: the floor never lets
        /// a dearer plan through as if it met the bound.
        #[test]
        fn a_bound_below_the_optimum_finds_nothing(scenario in real_book_scenario()) {
            let free = exact_plan(&scenario, None);
            proptest::prop_assume!(free.is_some());
            let free = free.expect("assumed");
            proptest::prop_assert!(exact_plan(&scenario, Some(free.fen - 1)).is_none());
        }
    }

    #[test]
    fn large_scenarios_keep_few_states_as_points_and_still_find_the_optimum() {
        // 15 % growth over 36 months from 5,000 calls, the promotion ending
        // after 6: dense lanes alone walk about 200 million slots.
        let scenario = Scenario {
            label: Label::WechatVerify,
            volume: 5_000,
            months: 36,
            growth: Decimal::from(15),
            promo_months: Some(6),
            ..Scenario::default()
        };
        let optimizer = Optimizer::embedded().expect("the embedded book parses");
        let runs = Optimizer::new(optimizer.book)
            .with_exact_budget(0)
            .recommend(&scenario)
            .expect("a plan");
        let plan = optimizer.recommend(&scenario).expect("a plan");
        assert!(plan.total <= runs.total);
        // The unbounded program's lanes take hundreds of megabytes here, which
        // node's WASI (the 32-bit run, with smaller limits) crashes on at
        // exit: proven and compared natively.
        #[cfg(not(target_arch = "wasm32"))]
        {
            assert!(plan.is_proven());
            let free = exact_plan(&scenario, None).expect("a plan");
            assert_eq!(plan.total, yuan(free.fen));
        }
    }
}
