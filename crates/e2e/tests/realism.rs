//! End to end: the promotion's end, expiring legacy packs and billed
//! retries, from the URL, from the controls, and refused with a notice.

mod common;

use common::{
    assert_healthy, engine_estimate, expect_best, expect_postpaid, field_value, open, type_into,
    SETTLE,
};

#[test]
fn the_new_parameters_load_from_the_url() {
    let query = "?months=36&promo_months=12&retry=15&legacy=50000&legacy_months=3&lang=en";
    let browser = open(query);
    expect_postpaid(&browser, query);
    let estimate = expect_best(&browser, query);
    assert!(browser.find_all("[data-testid=notice]").is_empty());
    // The controls show the values in force.
    assert_eq!(field_value(&browser, "#promo_months"), "12");
    assert_eq!(field_value(&browser, "#retry"), "15");
    assert_eq!(field_value(&browser, "#legacy_months"), "3");
    // 10 000 verifications bill 11 500 attempts; legacy calls that outlive month 3 are lost.
    assert_eq!(estimate.main().postpaid.months[0].calls, 11_500);
    assert!(estimate.main().best_bill.legacy_expired > 0);
    assert!(browser.testid("best-legacy-expired").text().contains(
        &calculator::format::grouped_calls(estimate.main().best_bill.legacy_expired)
    ));
    assert!(!browser.testid("purchase-model").text().is_empty());
    assert_healthy(&browser);
}

#[test]
fn the_promotions_end_is_set_from_its_control() {
    let browser = open("?months=36&lang=en");
    expect_best(&browser, "?months=36");
    browser.find("input[name=promo-end][value=limited]").click();
    // Limiting starts at 12 months.
    expect_best(&browser, "?months=36&promo_months=12");
    assert_eq!(common::amount(&browser, "best-total"), "272300.00");
    type_into(&browser.find("#promo_months"), "6");
    expect_best(&browser, "?months=36&promo_months=6");
    e2e::wait_until("promo_months=6 in the URL", SETTLE, || {
        browser.current_url().contains("promo_months=6")
    });
    browser.find("input[name=promo-end][value=whole]").click();
    expect_best(&browser, "?months=36");
    e2e::wait_until("no promo_months in the URL", SETTLE, || {
        !browser.current_url().contains("promo_months")
    });
    // At the list price there is no promotion to end.
    browser.find("input[name=price][value=list]").click();
    expect_best(&browser, "?months=36&price=list");
    assert!(browser.find_all("[data-testid=promotion-end]").is_empty());
    assert_healthy(&browser);
}

#[test]
fn retries_and_legacy_expiry_are_set_from_their_fields() {
    let browser = open("?volume=20000&legacy=100000&lang=en");
    expect_best(&browser, "?volume=20000&legacy=100000");
    type_into(&browser.find("#retry"), "12.5");
    expect_best(&browser, "?volume=20000&legacy=100000&retry=12.5");
    type_into(&browser.find("#legacy_months"), "2");
    let query = "?volume=20000&legacy=100000&retry=12.5&legacy_months=2";
    let estimate = expect_best(&browser, query);
    // 20 000 verifications are 22 500 billed attempts; the breakdown shows both.
    browser.find("[data-testid=breakdown] summary").click();
    let first_row = browser.find("[data-testid=breakdown] tbody tr").text();
    assert!(
        first_row.contains("20,000") && first_row.contains("22,500"),
        "{first_row}"
    );
    assert_eq!(
        estimate.main().best_bill.legacy_expired,
        100_000 - 2 * 22_500
    );
    assert!(browser.testid("legacy-expired").text().contains("55,000"));
    // Refused values keep the last valid ones and say why.
    type_into(&browser.find("#retry"), "300.5");
    assert!(!browser.testid("retry-message").text().is_empty());
    type_into(&browser.find("#legacy_months"), "13");
    assert!(!browser.testid("legacy_months-message").text().is_empty());
    // Typed a key at a time: 300 was the last valid retry, 1 the last valid month.
    expect_best(
        &browser,
        "?volume=20000&legacy=100000&retry=300&legacy_months=1",
    );
    assert_healthy(&browser);
}

#[test]
fn bad_values_of_the_new_parameters_give_notices_and_defaults() {
    let browser = open("?promo_months=37&retry=1.234&legacy_months=0&lang=en");
    let notices: Vec<String> = browser
        .find_all("[data-testid=notice]")
        .iter()
        .map(|n| n.text())
        .collect();
    assert_eq!(notices.len(), 3, "{notices:?}");
    for (notice, param) in notices
        .iter()
        .zip(["promo_months", "retry", "legacy_months"])
    {
        assert!(notice.contains(param), "{notice} should name {param}");
    }
    expect_best(&browser, "");
    let browser = open("?price=list&promo_months=6&lang=en");
    let notice = browser.testid("notice").text();
    assert!(
        notice.contains("promo_months") && notice.contains("discount price"),
        "{notice}"
    );
    expect_postpaid(&browser, "?price=list");
    assert_eq!(
        engine_estimate("?price=list&promo_months=6").best_total(),
        engine_estimate("?price=list").best_total()
    );
    assert_healthy(&browser);
}
