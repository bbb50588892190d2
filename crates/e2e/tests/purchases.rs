//! End to end: packs bought in any month. The plan in words by purchase
//! month, the purchase schedule (what each order costs, the months it is
//! used in, how long it stays valid), whether the plan is proven the
//! cheapest, what it saves against yearly buying, and buying ahead of the
//! promotion's end.

mod common;

use common::{amount, assert_healthy, assert_plan_in_words, expect_best, open, wait_for_amount};
use rust_decimal::Decimal;

/// 微信活体人脸核身, 300 calls a month growing 15 % for 18 months.
const GROWING: &str = "?label=wechat-verify&volume=300&months=18&growth=15&lang=en";

/// Order rows of the schedule: (bought in month, the months used in).
fn schedule_rows(browser: &e2e::Browser) -> Vec<(String, String)> {
    let months = browser.find_all("[data-testid=order]");
    let used = browser.find_all("[data-testid=order-used]");
    assert_eq!(months.len(), used.len());
    months
        .iter()
        .zip(&used)
        .map(|(row, used)| (row.attr("data-month").unwrap_or_default(), used.text()))
        .collect()
}

#[test]
fn a_growing_volume_buys_when_the_packs_run_out() {
    let browser = open(GROWING);
    let estimate = expect_best(&browser, GROWING);
    assert_eq!(amount(&browser, "best-total"), "17620.88");
    assert_plan_in_words(&browser, &estimate);
    let plan = browser.testid("best-plan").text();
    assert_eq!(
        plan,
        "month 1: 1 × 1,000 calls; month 3: 1 × 10,000 calls; month 14: 1 × 10,000 calls"
    );
    // The total meets the lower bound: the page says it is proven.
    let proof = browser.testid("best-proof");
    assert_eq!(proof.attr("data-proven").as_deref(), Some("true"));
    assert!(
        proof.text().contains("No plan costs less"),
        "{}",
        proof.text()
    );
    assert_eq!(amount(&browser, "best-gap"), "0.00");
    // Yearly buying costs 18 764.00: buying when the packs run out saves 1 143.12.
    wait_for_amount(&browser, "yearly-saving", Decimal::new(114_312, 2));
    // The months named are the yearly plan's (the start of each year), not the plan's own.
    let yearly = browser.testid("yearly").text();
    assert!(
        yearly.contains("start of each year (month 1; month 13)"),
        "{yearly}"
    );
    let rows = schedule_rows(&browser);
    let expected = [
        ("1", "months 1–3"),
        ("3", "months 3–14"),
        ("14", "months 14–18"),
    ];
    assert_eq!(rows.len(), expected.len(), "{rows:?}");
    for ((month, used), (want_month, want_used)) in rows.iter().zip(expected) {
        assert_eq!((month.as_str(), used.as_str()), (want_month, want_used));
    }
    let costs: Vec<String> = browser
        .find_all("[data-testid=order-cost]")
        .iter()
        .map(|cost| cost.attr("value").unwrap_or_default())
        .collect();
    assert_eq!(costs, ["880.00", "7600.00", "7600.00"]);
    assert!(browser.find_all("[data-testid=bought-ahead]").is_empty());
    assert_healthy(&browser);
}

#[test]
fn buying_ahead_of_the_promotions_end_is_explained() {
    let query = format!("{GROWING}&promo_months=6");
    let browser = open(&query);
    let estimate = expect_best(&browser, &query);
    assert_eq!(amount(&browser, "best-total"), "19038.80");
    assert_plan_in_words(&browser, &estimate);
    let ahead = browser.testid("bought-ahead");
    assert!(ahead.text().contains("in month 6"), "{}", ahead.text());
    assert_eq!(amount(&browser, "ahead-saving"), "1900.00");
    // The proof sentence says what the engine proved, and the gap is its difference.
    let proven = estimate.is_proven();
    let proof = browser.testid("best-proof");
    assert_eq!(proof.attr("data-proven"), Some(proven.to_string()));
    wait_for_amount(&browser, "best-gap", estimate.gap());
    if !proven {
        assert!(
            proof.text().contains("could save at most"),
            "{}",
            proof.text()
        );
    }
    let rows = schedule_rows(&browser);
    assert_eq!(
        rows.iter()
            .map(|(month, _)| month.as_str())
            .collect::<Vec<_>>(),
        ["2", "6"]
    );
    assert_eq!(rows[1].1, "months 13–17");
    assert_healthy(&browser);
}
