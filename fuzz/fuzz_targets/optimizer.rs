//! Every valid scenario, channels and profile included: the optimizer
//! answers without panicking, and each label's plan re-prices exactly, never
//! costs more than postpaid alone or the yearly plan, and never less than
//! its lower bound.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pricing::{price_plan, Estimate, Optimizer};
use pricing_fuzz::RawPage;

fuzz_target!(|raw: RawPage| {
    let scenario = raw.scenario();
    let Ok(optimizer) = Optimizer::embedded() else {
        panic!("the embedded price book does not load");
    };
    let estimate = match Estimate::new(optimizer, &scenario) {
        Ok(estimate) => estimate,
        Err(error) => panic!("no plan for {scenario:?}: {error}"),
    };
    assert!(estimate.best_total() <= estimate.postpaid_total());
    for label in &estimate.labels {
        assert!(label.best.total <= label.postpaid.total());
        let prices = optimizer.book().label(label.label);
        let repriced = price_plan(prices, &scenario.for_label(label.label), &label.best.orders);
        assert_eq!(repriced.total(), label.best.total);
        assert!(label.best.total <= label.yearly.total());
        assert!(label.best.lower_bound <= label.best.total);
    }
});
