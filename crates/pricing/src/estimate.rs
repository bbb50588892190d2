//! The figures of a scenario, computed in one place: for each label of the
//! estimate, postpaid only, the cheapest plan, and that plan re-priced month
//! by month and at the list price; and the totals over every label.

use rust_decimal::Decimal;

use crate::billing::{price_months, Bill};
use crate::calls::Calls;
use crate::label::{Label, PriceColumn};
use crate::money::per_call;
use crate::optimizer::{Goal, Optimizer, OptimizerError, PlanWork, Recommendation, Strategy};
use crate::scenario::{Held, MonthsOfCalls, Scenario};
use crate::work::Work;

/// The exact program's work (lane positions times packs, bounded from above)
/// per search that [`Estimate::at_once`] takes on at once: about 2 ms
/// natively (a 12-month horizon of 10 000 calls a month is 144 000).
const AT_ONCE_WORK: u64 = 250_000;

/// The figures of one label: every channel billed under it, priced together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelEstimate {
    /// The label.
    pub label: Label,
    /// The plan that buys no packs, month by month.
    pub postpaid: Bill,
    /// The cheapest plan.
    pub best: Recommendation,
    /// The cheapest plan re-priced month by month by the plain billing rules.
    pub best_bill: Bill,
    /// The same purchases and months at the list price.
    pub best_at_list_price: Bill,
    /// The cheapest plan that buys only at months 1, 13 and 25, re-priced.
    pub yearly: Bill,
    /// The packs already held on the label, as given.
    pub held: Vec<Held>,
}

impl LabelEstimate {
    /// Prices one label's question and finds its cheapest plan.
    pub fn new(
        optimizer: &Optimizer<'_>,
        scenario: &Scenario,
    ) -> Result<LabelEstimate, OptimizerError> {
        let calls = scenario.months_of_calls();
        let best = optimizer.recommend_for(scenario, &calls)?;
        LabelEstimate::with_plan(optimizer, scenario, &calls, best)
    }

    /// Prices one label's question around a plan already found.
    fn with_plan(
        optimizer: &Optimizer<'_>,
        scenario: &Scenario,
        calls: &MonthsOfCalls,
        best: Recommendation,
    ) -> Result<LabelEstimate, OptimizerError> {
        let prices = optimizer.book().label(scenario.label);
        let yearly = optimizer.yearly_plan(scenario)?;
        let at_list = Scenario {
            column: PriceColumn::List,
            ..scenario.clone()
        };
        Ok(LabelEstimate {
            label: scenario.label,
            postpaid: price_months(prices, scenario, calls, &[]),
            best_bill: price_months(prices, scenario, calls, &best.orders),
            best_at_list_price: price_months(prices, &at_list, calls, &best.orders),
            yearly: price_months(prices, scenario, calls, &yearly),
            best,
            held: scenario.held_on(scenario.label),
        })
    }

    /// The yearly plan standing in for the cheapest while the search runs:
    /// no lower bound is claimed for it.
    fn yearly_only(
        optimizer: &Optimizer<'_>,
        scenario: &Scenario,
    ) -> Result<LabelEstimate, OptimizerError> {
        let calls = scenario.months_of_calls();
        let orders = optimizer.yearly_plan(scenario)?;
        let (bill, strategy) = optimizer.priced_plan(scenario, &calls, &orders);
        let plan = Recommendation {
            orders,
            total: bill.total(),
            unused: bill.unused,
            strategy,
            lower_bound: Decimal::ZERO,
        };
        LabelEstimate::with_plan(optimizer, scenario, &calls, plan)
    }

    /// What buying in any month saves against buying only at months 1, 13 and 25.
    pub fn saving_against_yearly(&self) -> Decimal {
        self.yearly.total() - self.best.total
    }

    /// The plan's orders bought at the promotional price ahead of their first
    /// use at the list price, each with what buying it then saves.
    pub fn bought_ahead(&self) -> Vec<Ahead> {
        let months = &self.best_bill.months;
        self.best
            .orders
            .iter()
            .zip(&self.best_bill.orders)
            .enumerate()
            .filter(|(_, (_, used))| {
                let first_use = used.drawn.map(|(first, _)| first);
                let later = first_use.and_then(|month| months.get(month));
                used.column == PriceColumn::Promo
                    && later.is_some_and(|month| month.column == PriceColumn::List)
            })
            .map(|(index, (order, used))| Ahead {
                order: index,
                saving: order.cost(PriceColumn::List) - used.cost,
            })
            .collect()
    }

    /// Billed calls over the horizon.
    pub fn calls(&self) -> Calls {
        self.postpaid.months.iter().map(|month| month.calls).sum()
    }
}

/// An order bought while the promotional price lasts, first used after it ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ahead {
    /// Index of the order in the plan.
    pub order: usize,
    /// What the same packs would cost more at the list price.
    pub saving: Decimal,
}

/// The figures of a whole scenario: one [`LabelEstimate`] per label, the
/// main label first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Estimate {
    /// Per label, in [`Scenario::labels`]' order; never empty.
    pub labels: Vec<LabelEstimate>,
    /// When two channels share a label: the cheapest plans' total with each
    /// channel priced on its own, for what pricing them together saves.
    pub apart: Option<Decimal>,
    /// Whether the plans are the any-month search's; false while the yearly
    /// plans stand in for them ([`Estimate::yearly`]), which claim nothing.
    pub refined: bool,
    /// Calls held on labels no channel bills ([`Scenario::held_without_calls`]): lost.
    pub held_idle: Calls,
}

impl Estimate {
    /// Prices every label of a scenario and finds each one's cheapest plan.
    pub fn new(optimizer: &Optimizer<'_>, scenario: &Scenario) -> Result<Estimate, OptimizerError> {
        let mut work = EstimateWork::new(optimizer, scenario);
        to_the_end(|| work.advance(usize::MAX))
    }

    /// The whole estimate if each of its searches is the exact program at
    /// most [`AT_ONCE_WORK`]: a page computes it on every input, with no
    /// stand-in; `None` for a scenario whose searches take longer.
    pub fn at_once(
        optimizer: &Optimizer<'_>,
        scenario: &Scenario,
    ) -> Option<Result<Estimate, OptimizerError>> {
        let small = searches(scenario)
            .iter()
            .all(|job| optimizer.exact_within(job, AT_ONCE_WORK));
        small.then(|| Estimate::new(optimizer, scenario))
    }

    /// The estimate with each label's yearly plan (packs bought at months 1,
    /// 13 and 25 only) in place of the cheapest: quick to compute, to show
    /// while the search runs. `refined` is false and no bound is claimed.
    pub fn yearly(
        optimizer: &Optimizer<'_>,
        scenario: &Scenario,
    ) -> Result<Estimate, OptimizerError> {
        let labels = scenario
            .labels()
            .into_iter()
            .map(|label| LabelEstimate::yearly_only(optimizer, &scenario.for_label(label)))
            .collect::<Result<Vec<_>, _>>()?;
        let apart = match scenario.shares_a_label() {
            true => {
                let mut total = Decimal::ZERO;
                for alone in scenario.channels_apart() {
                    total += LabelEstimate::yearly_only(optimizer, &alone)?.best.total;
                }
                Some(total)
            }
            false => None,
        };
        Ok(Estimate {
            labels,
            apart,
            refined: false,
            held_idle: scenario.held_without_calls(),
        })
    }

    /// The main label's figures.
    pub fn main(&self) -> &LabelEstimate {
        &self.labels[0]
    }

    fn sum(&self, of: impl Fn(&LabelEstimate) -> Decimal) -> Decimal {
        self.labels.iter().map(of).sum()
    }

    /// The postpaid bills of the first month, every label.
    pub fn postpaid_first_month(&self) -> Decimal {
        self.sum(|label| {
            label
                .postpaid
                .months
                .first()
                .map_or(Decimal::ZERO, |month| month.bill)
        })
    }

    /// Postpaid only over the horizon, every label.
    pub fn postpaid_total(&self) -> Decimal {
        self.sum(|label| label.postpaid.total())
    }

    /// The cheapest plans' total over the horizon, every label.
    pub fn best_total(&self) -> Decimal {
        self.sum(|label| label.best.total)
    }

    /// The tier the main label's first-month postpaid calls fall in.
    pub fn first_month_tier(&self) -> Option<usize> {
        self.main()
            .postpaid
            .months
            .first()
            .and_then(|month| month.tier)
    }

    /// What the cheapest plans save against postpaid only.
    pub fn saving_against_postpaid(&self) -> Decimal {
        self.postpaid_total() - self.best_total()
    }

    /// What the promotion saves on the cheapest plans against the list price.
    pub fn saving_against_list_price(&self) -> Decimal {
        self.sum(|label| label.best_at_list_price.total()) - self.best_total()
    }

    /// What pricing channels of the same label together saves against
    /// pricing each alone; `None` when no two channels share a label.
    pub fn saving_from_sharing(&self) -> Option<Decimal> {
        self.apart.map(|apart| apart - self.best_total())
    }

    /// No plans can cost less than this, every label together.
    pub fn lower_bound(&self) -> Decimal {
        self.sum(|label| label.best.lower_bound)
    }

    /// Whether every label's plan is proven the cheapest possible (never
    /// while the yearly plans stand in).
    pub fn is_proven(&self) -> bool {
        self.refined && self.labels.iter().all(|label| label.best.is_proven())
    }

    /// How much cheaper plans could be at most; zero when proven.
    pub fn gap(&self) -> Decimal {
        self.sum(|label| label.best.gap())
    }

    /// What buying in any month saves against buying only at months 1, 13 and 25, every label.
    pub fn saving_against_yearly(&self) -> Decimal {
        self.sum(LabelEstimate::saving_against_yearly)
    }

    /// Pack calls that expire unused, every label.
    pub fn unused(&self) -> Calls {
        self.labels.iter().map(|label| label.best.unused).sum()
    }

    /// Legacy calls lost when the legacy packs expire (the main label's: the
    /// balance is its own).
    pub fn legacy_expired(&self) -> Calls {
        self.main().best_bill.legacy_expired
    }

    /// Calls left on packs already held when they expire, every label's,
    /// and those held on labels no channel bills.
    pub fn held_expired(&self) -> Calls {
        let expired = self.labels.iter().map(|l| l.best_bill.held_expired);
        expired.sum::<Calls>() + self.held_idle
    }

    /// Calls taken from packs already held, every label.
    pub fn held_used(&self) -> Calls {
        let months = self.labels.iter().flat_map(|l| &l.best_bill.months);
        months.map(|m| m.held).sum()
    }

    /// Billed calls over the horizon, every label.
    pub fn calls(&self) -> Calls {
        self.labels.iter().map(LabelEstimate::calls).sum()
    }

    /// The cheapest plans' average price per call, unrounded; `None` without calls.
    pub fn average_per_call(&self) -> Option<Decimal> {
        per_call(self.best_total(), self.calls())
    }

    /// The estimate in the four figures of [`Totals`].
    pub fn totals(&self) -> Totals {
        Totals {
            postpaid: self.postpaid_total(),
            best: self.best_total(),
            strategy: self.strategy(),
            calls: self.calls(),
        }
    }

    /// What the cheapest plans are, together: postpaid only when no label
    /// buys packs, packs only when every label's packs cover every call.
    pub fn strategy(&self) -> Strategy {
        Strategy::together(self.labels.iter().map(|label| label.best.strategy))
    }
}

/// What a scenario costs in four figures, every label together: all the
/// cost curve draws at a volume. Cheaper than an [`Estimate`], which also
/// re-prices each plan month by month and at the list price.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Totals {
    /// Postpaid only, over the horizon.
    pub postpaid: Decimal,
    /// The cheapest plans, over the horizon.
    pub best: Decimal,
    /// What the cheapest plans are, together.
    pub strategy: Strategy,
    /// Billed calls over the horizon.
    pub calls: Calls,
}

impl Totals {
    /// Prices postpaid only and the cheapest plan of every label of a scenario.
    pub fn new(optimizer: &Optimizer<'_>, scenario: &Scenario) -> Result<Totals, OptimizerError> {
        let mut work = TotalsWork::new(optimizer, scenario);
        to_the_end(|| work.advance(usize::MAX))
    }

    /// [`Totals::new`] with each label's yearly plan (packs bought at months
    /// 1, 13 and 25 only) in place of the cheapest: quick, to show first.
    pub fn yearly(
        optimizer: &Optimizer<'_>,
        scenario: &Scenario,
    ) -> Result<Totals, OptimizerError> {
        let mut totals = Totals::zero();
        for (index, label) in scenario.labels().into_iter().enumerate() {
            let one = scenario.for_label(label);
            let calls = one.months_of_calls();
            let orders = optimizer.yearly_plan(&one)?;
            let (bill, strategy) = optimizer.priced_plan(&one, &calls, &orders);
            totals.add(
                optimizer,
                (&one, &calls),
                (bill.total(), strategy),
                index == 0,
            );
        }
        Ok(totals)
    }

    fn zero() -> Totals {
        Totals {
            postpaid: Decimal::ZERO,
            best: Decimal::ZERO,
            strategy: Strategy::PostpaidOnly,
            calls: 0,
        }
    }

    /// Adds one label's figures: its postpaid bill and calls, and its plan's
    /// total and kind (alone if it is the `first` label, else together with
    /// the kinds before it).
    fn add(
        &mut self,
        optimizer: &Optimizer<'_>,
        (one, calls): (&Scenario, &MonthsOfCalls),
        (best, strategy): (Decimal, Strategy),
        first: bool,
    ) {
        let bill = price_months(optimizer.book().label(one.label), one, calls, &[]);
        self.postpaid += bill.total();
        self.calls += calls.billed.iter().sum::<Calls>();
        self.best += best;
        self.strategy = match first {
            true => strategy,
            false => Strategy::together([self.strategy, strategy]),
        };
    }
}

/// [`Totals`] computed a few months of search at a time, label by label.
pub struct TotalsWork<'o> {
    optimizer: &'o Optimizer<'o>,
    /// Each label's question, with its calls.
    jobs: Vec<(Scenario, MonthsOfCalls)>,
    totals: Totals,
    done: usize,
    current: Option<PlanWork<'o>>,
}

impl Work for TotalsWork<'_> {
    type Output = Result<Totals, OptimizerError>;

    /// One more month searched.
    fn step(&mut self) -> Option<Self::Output> {
        self.advance(1).transpose()
    }
}

impl<'o> TotalsWork<'o> {
    /// The work for a scenario's totals, nothing searched yet.
    pub fn new(optimizer: &'o Optimizer<'o>, scenario: &Scenario) -> TotalsWork<'o> {
        let jobs = scenario
            .labels()
            .into_iter()
            .map(|label| {
                let one = scenario.for_label(label);
                let calls = one.months_of_calls();
                (one, calls)
            })
            .collect();
        TotalsWork {
            optimizer,
            jobs,
            totals: Totals::zero(),
            done: 0,
            current: None,
        }
    }

    /// Searches up to `months` more months; the totals once every label is done.
    pub fn advance(&mut self, months: usize) -> Result<Option<Totals>, OptimizerError> {
        for _ in 0..months {
            let Some((one, calls)) = self.jobs.get(self.done) else {
                break;
            };
            let work = match &mut self.current {
                Some(work) => work,
                None => self
                    .current
                    .insert(self.optimizer.plan_work(one, calls, Goal::Total)?),
            };
            if let Some(plan) = work.advance(1) {
                let first = self.done == 0;
                let figures = (plan.total, plan.strategy);
                self.totals
                    .add(self.optimizer, (one, calls), figures, first);
                self.done += 1;
                self.current = None;
            }
        }
        Ok((self.done == self.jobs.len()).then_some(self.totals))
    }
}

/// The searches an estimate needs: each label's, then each channel of a
/// shared label on its own (for what pricing them together saves).
fn searches(scenario: &Scenario) -> Vec<Scenario> {
    let mut jobs: Vec<Scenario> = scenario
        .labels()
        .into_iter()
        .map(|label| scenario.for_label(label))
        .collect();
    if scenario.shares_a_label() {
        // A label with one channel is already priced alone among the labels.
        jobs.extend(
            scenario
                .channels_apart()
                .into_iter()
                .filter(|alone| scenario.channels_of(alone.label) > 1),
        );
    }
    jobs
}

/// Advances stepwise work until it yields its result.
fn to_the_end<T>(
    mut advance: impl FnMut() -> Result<Option<T>, OptimizerError>,
) -> Result<T, OptimizerError> {
    loop {
        if let Some(done) = advance()? {
            return Ok(done);
        }
    }
}

/// An [`Estimate`] computed a few months of search at a time, so that a page
/// can spread it over several tasks: [`EstimateWork::advance`] until it
/// returns the estimate. Each label is searched, then each channel of a
/// shared label on its own (for what pricing them together saves).
pub struct EstimateWork<'o> {
    optimizer: &'o Optimizer<'o>,
    scenario: Scenario,
    /// What each search is for: the labels' questions, then the channels of
    /// shared labels alone.
    jobs: Vec<Scenario>,
    plans: Vec<Recommendation>,
    current: Option<PlanWork<'o>>,
}

impl Work for EstimateWork<'_> {
    type Output = Result<Estimate, OptimizerError>;

    /// One more month searched.
    fn step(&mut self) -> Option<Self::Output> {
        self.advance(1).transpose()
    }
}

impl<'o> EstimateWork<'o> {
    /// The work for a scenario's estimate, nothing searched yet.
    pub fn new(optimizer: &'o Optimizer<'o>, scenario: &Scenario) -> EstimateWork<'o> {
        EstimateWork {
            optimizer,
            scenario: scenario.clone(),
            jobs: searches(scenario),
            plans: Vec::new(),
            current: None,
        }
    }

    /// Searches up to `months` more months; the estimate once every search is done.
    pub fn advance(&mut self, months: usize) -> Result<Option<Estimate>, OptimizerError> {
        for _ in 0..months {
            let Some(job) = self.jobs.get(self.plans.len()) else {
                return self.assemble().map(Some);
            };
            let work = match &mut self.current {
                Some(work) => work,
                None => self.current.insert(self.optimizer.plan_work(
                    job,
                    &job.months_of_calls(),
                    Goal::Plan,
                )?),
            };
            if let Some(plan) = work.advance(1) {
                self.plans.push(plan);
                self.current = None;
            }
        }
        match self.plans.len() == self.jobs.len() {
            true => self.assemble().map(Some),
            false => Ok(None),
        }
    }

    fn assemble(&mut self) -> Result<Estimate, OptimizerError> {
        let label_count = self.scenario.labels().len();
        let mut plans = std::mem::take(&mut self.plans).into_iter();
        let labels = self.jobs[..label_count]
            .iter()
            .zip(plans.by_ref())
            .map(|(job, plan)| {
                LabelEstimate::with_plan(self.optimizer, job, &job.months_of_calls(), plan)
            })
            .collect::<Result<Vec<_>, _>>()?;
        let apart = self.scenario.shares_a_label().then(|| {
            let mut alone_plans = plans;
            self.scenario
                .channels_apart()
                .into_iter()
                .map(|alone| match self.scenario.channels_of(alone.label) {
                    1 => labels
                        .iter()
                        .find(|l| l.label == alone.label)
                        .map_or(Decimal::ZERO, |l| l.best.total),
                    _ => alone_plans.next().map_or(Decimal::ZERO, |plan| plan.total),
                })
                .sum()
        });
        Ok(Estimate {
            labels,
            apart,
            refined: true,
            held_idle: self.scenario.held_without_calls(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Label;

    #[test]
    fn savings_are_differences_of_repriced_plans() {
        let scenario = Scenario {
            label: Label::GeneralVerify,
            volume: 6_050,
            months: 1,
            ..Scenario::default()
        };
        let estimate = Estimate::new(crate::Optimizer::embedded().unwrap(), &scenario).unwrap();
        // Postpaid 6 050 x 0.68 = 4 114; best one 5 000 pack + 1 050 x 0.68 = 4 089.
        assert_eq!(estimate.saving_against_postpaid(), Decimal::new(25, 0));
        // At list price: 4 500 + 1 050 x 0.85 = 5 392.50.
        assert_eq!(
            estimate.main().best_at_list_price.total(),
            Decimal::new(539_250, 2)
        );
        assert_eq!(
            estimate.saving_against_list_price(),
            Decimal::new(130_350, 2)
        );
        assert_eq!(estimate.main().best_bill.total(), estimate.best_total());
        assert_eq!(
            estimate.average_per_call().map(|p| p.round_dp(4)),
            Some(Decimal::new(6759, 4))
        );
    }

    #[test]
    fn an_estimate_searched_a_few_months_at_a_time_is_the_same() {
        let optimizer = crate::Optimizer::embedded().unwrap();
        let channel = |label, volume| crate::ExtraChannel { label, volume };
        let scenario = Scenario {
            volume: 3_000,
            months: 20,
            growth: Decimal::from(4),
            promo_months: Some(7),
            extra: vec![
                channel(Label::WechatVerify, 2_000),
                channel(Label::GeneralCompare, 9_000),
            ],
            ..Scenario::default()
        };
        let whole = Estimate::new(optimizer, &scenario).unwrap();
        assert!(whole.refined);
        assert!(whole.apart.is_some(), "two channels share a label");
        for months in [1, 5] {
            let mut work = EstimateWork::new(optimizer, &scenario);
            let mut advances = 0;
            let sliced = loop {
                advances += 1;
                if let Some(estimate) = work.advance(months).unwrap() {
                    break estimate;
                }
            };
            assert_eq!(sliced, whole);
            // Three searches of 20 months (two labels, two channels alone, one
            // of which is the label itself): at least 60 months of work.
            assert!(advances * months >= 60);
        }
        // The stand-in: the yearly plans, claiming nothing, never cheaper.
        let quick = Estimate::yearly(optimizer, &scenario).unwrap();
        assert!(!quick.refined && !quick.is_proven());
        assert!(quick.best_total() >= whole.best_total());
        for (stand_in, found) in quick.labels.iter().zip(&whole.labels) {
            assert_eq!(stand_in.best.total, found.yearly.total());
        }
    }

    #[test]
    fn small_scenarios_are_final_at_once_and_large_ones_are_not() {
        let optimizer = crate::Optimizer::embedded().unwrap();
        // The default page: 10 000 calls a month for 12 months, one lane.
        let small = Scenario::default();
        let at_once = Estimate::at_once(optimizer, &small).unwrap().unwrap();
        assert!(at_once.refined && at_once.is_proven());
        assert_eq!(at_once, Estimate::new(optimizer, &small).unwrap());
        // Growing from 15 000 for 36 months: the search runs in slices.
        let large = Scenario {
            volume: 15_000,
            months: 36,
            growth: Decimal::from(5),
            ..Scenario::default()
        };
        assert!(Estimate::at_once(optimizer, &large).is_none());
        // A second channel that is large makes the whole estimate wait.
        let mixed = Scenario {
            extra: vec![crate::ExtraChannel {
                label: Label::GeneralVerify,
                volume: 2_000_000,
            }],
            ..small
        };
        assert!(Estimate::at_once(optimizer, &mixed).is_none());
    }

    #[test]
    fn no_calls_cost_nothing_and_have_no_average() {
        let scenario = Scenario {
            volume: 0,
            ..Scenario::default()
        };
        let estimate = Estimate::new(crate::Optimizer::embedded().unwrap(), &scenario).unwrap();
        assert_eq!(estimate.best_total(), Decimal::ZERO);
        assert_eq!(estimate.average_per_call(), None);
        assert!(estimate.main().best.orders.is_empty());
    }
}
