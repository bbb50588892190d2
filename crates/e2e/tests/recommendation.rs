//! End to end: the recommendation panel agrees with the engine.

mod common;

use common::{assert_healthy, expect_best, expect_postpaid, open, type_into};
use calculator::format;

fn check(query: &str) {
    let browser = open(query);
    let estimate = expect_best(&browser, query);
    expect_postpaid(&browser, query);
    let plan = browser.testid("best-plan").text();
    for window in &estimate.best.windows {
        for purchase in &window.purchases {
            let words = format!(
                "{} × {}",
                format::grouped_calls(purchase.count.into()),
                format::grouped_calls(purchase.pack.calls.into())
            );
            assert!(plan.contains(&words), "{plan} should say {words}");
        }
    }
    assert_healthy(&browser);
}

#[test]
fn panel_matches_the_engine_for_a_mixed_plan() {
    // One 5 000 pack and 1 050 calls postpaid beat both alternatives.
    check("?label=general-verify&volume=6050&months=1&lang=en");
}

#[test]
fn panel_matches_the_engine_over_three_windows() {
    check("?label=wechat-compare&volume=850000&months=36");
}

#[test]
fn panel_matches_the_engine_with_growth() {
    check("?label=general-compare&volume=120000&months=24&growth=7.5&price=list");
}

#[test]
fn panel_matches_the_engine_with_a_legacy_balance() {
    check("?label=wechat-verify&volume=30000&months=12&legacy=45000");
}

#[test]
fn typing_growth_and_legacy_reprices_the_plan() {
    let browser = open("?volume=50000&months=18");
    expect_best(&browser, "?volume=50000&months=18");
    browser.find("details.advanced summary").click();
    type_into(&browser.find("#growth"), "12.5");
    expect_best(&browser, "?volume=50000&months=18&growth=12.5");
    type_into(&browser.find("#legacy"), "200000");
    expect_best(
        &browser,
        "?volume=50000&months=18&growth=12.5&legacy=200000",
    );
    e2e::wait_until("growth and legacy in the URL", common::SETTLE, || {
        let url = browser.current_url();
        url.contains("growth=12.5") && url.contains("legacy=200000")
    });
    let rows = || browser.find_all("[data-testid=breakdown] tbody tr").len();
    assert_eq!(rows(), 0, "the month rows are drawn only once opened");
    browser.find("[data-testid=breakdown] summary").click();
    e2e::wait_until("18 month rows", common::SETTLE, || rows() == 18);
    assert_healthy(&browser);
}
