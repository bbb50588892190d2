//! Every valid scenario: the optimizer answers without panicking, and its
//! plan re-prices exactly and never costs more than postpaid alone.
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
    assert!(estimate.best.total <= estimate.postpaid.total());
    let purchases: Vec<_> = estimate
        .best
        .windows
        .iter()
        .map(|w| w.purchases.clone())
        .collect();
    let prices = optimizer.book().label(scenario.label);
    assert_eq!(
        price_plan(prices, &scenario, &purchases).total(),
        estimate.best.total
    );
});
