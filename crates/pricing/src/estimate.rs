//! The figures of a scenario, computed in one place: postpaid only, the
//! cheapest plan, and that plan re-priced month by month and at the list price.

use rust_decimal::Decimal;

use crate::billing::{postpaid_only, price_plan, Bill};
use crate::label::PriceColumn;
use crate::money::per_call;
use crate::optimizer::{Optimizer, OptimizerError, Recommendation};
use crate::scenario::Scenario;
use crate::Calls;

/// The figures for one scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Estimate {
    /// The plan that buys no packs, month by month.
    pub postpaid: Bill,
    /// The cheapest plan.
    pub best: Recommendation,
    /// The cheapest plan re-priced month by month by the plain billing rules.
    pub best_bill: Bill,
    /// The same purchases and months at the list price.
    pub best_at_list_price: Bill,
}

impl Estimate {
    /// Prices a scenario and finds its cheapest plan.
    pub fn new(optimizer: &Optimizer<'_>, scenario: &Scenario) -> Result<Estimate, OptimizerError> {
        let prices = optimizer.book().label(scenario.label);
        let best = optimizer.recommend(scenario)?;
        let purchases = best.purchases();
        let at_list = Scenario {
            column: PriceColumn::List,
            ..scenario.clone()
        };
        Ok(Estimate {
            postpaid: postpaid_only(prices, scenario),
            best_bill: price_plan(prices, scenario, &purchases),
            best_at_list_price: price_plan(prices, &at_list, &purchases),
            best,
        })
    }

    /// The postpaid bill of the first month.
    pub fn postpaid_first_month(&self) -> Decimal {
        self.postpaid
            .months
            .first()
            .map_or(Decimal::ZERO, |month| month.bill)
    }

    /// The tier the first month's postpaid calls fall in.
    pub fn first_month_tier(&self) -> Option<usize> {
        self.postpaid.months.first().and_then(|month| month.tier)
    }

    /// What the cheapest plan saves against postpaid only.
    pub fn saving_against_postpaid(&self) -> Decimal {
        self.postpaid.total() - self.best.total
    }

    /// What the promotion saves on the cheapest plan against the list price.
    pub fn saving_against_list_price(&self) -> Decimal {
        self.best_at_list_price.total() - self.best.total
    }

    /// Calls over the horizon.
    pub fn calls(&self) -> Calls {
        self.postpaid.months.iter().map(|month| month.calls).sum()
    }

    /// The cheapest plan's average price per call, unrounded; `None` without calls.
    pub fn average_per_call(&self) -> Option<Decimal> {
        per_call(self.best.total, self.calls())
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
            estimate.best_at_list_price.total(),
            Decimal::new(539_250, 2)
        );
        assert_eq!(
            estimate.saving_against_list_price(),
            Decimal::new(130_350, 2)
        );
        assert_eq!(estimate.best_bill.total(), estimate.best.total);
        assert_eq!(
            estimate.average_per_call().map(|p| p.round_dp(4)),
            Some(Decimal::new(6759, 4))
        );
    }

    #[test]
    fn no_calls_cost_nothing_and_have_no_average() {
        let scenario = Scenario {
            volume: 0,
            ..Scenario::default()
        };
        let estimate = Estimate::new(crate::Optimizer::embedded().unwrap(), &scenario).unwrap();
        assert_eq!(estimate.best.total, Decimal::ZERO);
        assert_eq!(estimate.average_per_call(), None);
        assert!(estimate.best.windows.iter().all(|w| w.purchases.is_empty()));
    }
}
