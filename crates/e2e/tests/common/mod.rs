//! What the calculator's browser tests share: expected figures come from
//! the pricing engine, never from numbers written into the tests.

#![allow(dead_code)]

use std::time::Duration;

use calculator::{decode, format};
use e2e::{keys, Browser, Element};
use pricing::{Estimate, PriceBook};
use rust_decimal::Decimal;

/// How long a figure may take to follow an input.
pub const SETTLE: Duration = Duration::from_secs(5);

/// The figures the engine gives for the scenario of a query string.
pub fn engine_estimate(query: &str) -> Estimate {
    let (page, _) = decode(query);
    let optimizer = pricing::Optimizer::embedded().expect("the price book parses");
    Estimate::new(optimizer, &page.scenario).expect("a plan")
}

/// The labels' names in English, in `Label::ALL`'s order, as the page shows them.
pub const ENGLISH_LABEL_NAMES: [&str; 4] = [
    "WeChat liveness verification",
    "WeChat liveness comparison",
    "General liveness verification",
    "General liveness comparison",
];

/// The embedded price book.
pub fn book() -> &'static PriceBook {
    PriceBook::embedded().expect("the price book parses")
}

/// Opens the calculator at a query string, waiting for the figures to render.
pub fn open(query: &str) -> Browser {
    let browser = Browser::open(1280, 900);
    browser.goto(&format!("/{query}"));
    browser.testid("postpaid-month");
    browser
}

/// The plain figure of an amount hook: the `value` of its `<data>` element.
pub fn amount(browser: &Browser, hook: &str) -> String {
    browser.testid(hook).attr("value").unwrap_or_default()
}

/// Waits until an amount hook holds `expected` to the fen, and checks that
/// its text shows the same amount formatted for people, once.
pub fn wait_for_amount(browser: &Browser, hook: &str, expected: Decimal) {
    let plain = format::plain(expected);
    e2e::wait_until(&format!("{hook} = {plain}"), SETTLE, || {
        amount(browser, hook) == plain
    });
    let element = browser.testid(hook);
    assert_eq!(element.prop("tagName"), serde_json::json!("DATA"), "{hook}");
    let shown = element.prop("textContent");
    let shown = shown.as_str().unwrap_or_default();
    let formatted = shown.contains(&format::grouped(expected));
    let with_currency = shown.contains('元') || shown.contains('¥');
    assert!(
        formatted && with_currency,
        "{hook} shows {shown:?} for {plain}"
    );
}

/// Waits until the postpaid figures equal the engine's for `query`.
pub fn expect_postpaid(browser: &Browser, query: &str) {
    let estimate = engine_estimate(query);
    wait_for_amount(browser, "postpaid-month", estimate.postpaid_first_month());
    wait_for_amount(browser, "postpaid-total", estimate.postpaid.total());
}

/// Replaces a text field's content by typing, as a person would.
pub fn type_into(field: &Element<'_>, text: &str) {
    field.send_keys(&format!("{}a{}", keys::CONTROL, keys::CONTROL));
    field.send_keys(keys::BACKSPACE);
    field.send_keys(text);
}

/// Fails if the page logged an error or a panic, made a request it must not, or
/// shows NaN anywhere. (Closing the browser checks the first two again.)
pub fn assert_healthy(browser: &Browser) {
    browser.assert_clean();
    let body = browser.text("body");
    assert!(!body.contains("NaN"), "the page shows NaN: {body}");
}

/// Waits until the recommendation's hooks equal the engine's for `query`.
pub fn expect_best(browser: &Browser, query: &str) -> Estimate {
    let estimate = engine_estimate(query);
    wait_for_amount(browser, "best-total", estimate.best.total);
    wait_for_amount(browser, "best-saving", estimate.saving_against_postpaid());
    estimate
}
