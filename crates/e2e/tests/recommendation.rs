//! End to end: the recommendation panel agrees with the engine.

mod common;

use calculator::format;
use common::{assert_healthy, assert_plan_in_words, expect_best, expect_postpaid, open, type_into};

fn check(query: &str) {
    let browser = open(query);
    let estimate = expect_best(&browser, query);
    expect_postpaid(&browser, query);
    assert_plan_in_words(&browser, &estimate);
    assert_healthy(&browser);
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

#[test]
fn when_postpaid_is_cheapest_the_panel_says_so_once_and_where_packs_start_to_pay() {
    // 50 calls in one month of 微信活体人脸核身: 48.00 postpaid against 96 for
    // the smallest pack.
    let query = "?volume=50&months=1&lang=en";
    let browser = open(query);
    let estimate = expect_best(&browser, query);
    assert_eq!(estimate.strategy(), pricing::Strategy::PostpaidOnly);
    let panel = browser.find(".recommendation").text();
    assert_eq!(panel.matches("Postpaid only").count(), 1, "{panel}");
    assert!(!panel.contains("Saving vs postpaid"), "{panel}");
    // The nearest volume above from which packs pay, as the engine's curve has it.
    let (page, _) = calculator::decode(query);
    let curve = calculator::cost_curve(pricing::Optimizer::embedded().unwrap(), &page.scenario)
        .expect("a curve");
    let from = curve.packs_pay_from(50).expect("packs pay at some volume");
    let shown = browser.testid("packs-pay-from");
    assert_eq!(shown.attr("data-volume"), Some(from.to_string()));
    assert!(shown.text().contains(&format::grouped_calls(from.into())));
    // Where packs win, the saving is shown as before.
    type_into(&browser.find("#volume"), &from.to_string());
    let estimate = expect_best(&browser, &query.replace("50", &from.to_string()));
    assert_ne!(estimate.strategy(), pricing::Strategy::PostpaidOnly);
    assert!(browser
        .find(".recommendation")
        .text()
        .contains("Saving vs postpaid"));
    assert!(browser.find_all("[data-testid=packs-pay-from]").is_empty());
    assert_healthy(&browser);
}
