//! End to end in Chromium: a copied link reproduces the figures, and pins survive
//! corrupted storage and are taken over from the first version's format (downloads and
//! pins surviving a reload run in every engine: `engines.rs`).

mod common;

use calculator::pinned::{OLD_PINS_KEY, PINS_KEY};
use common::{assert_healthy, expect_best, expect_postpaid, open, SETTLE};
use e2e::Browser;
use serde_json::json;

/// The figures the hooks show, in a fixed order.
fn figures(browser: &Browser) -> Vec<String> {
    [
        "postpaid-month",
        "postpaid-total",
        "best-plan",
        "best-total",
        "best-saving",
    ]
    .iter()
    .map(|hook| {
        let element = browser.testid(hook);
        element.attr("value").unwrap_or_else(|| element.text())
    })
    .collect()
}

#[test]
fn a_copied_link_reproduces_the_figures_in_a_fresh_browser() {
    let query =
        "?label=general-compare&volume=123456&months=30&price=list&growth=1.5&legacy=40000&lang=en";
    let browser = open(query);
    expect_best(&browser, query);
    let grant = json!({ "cmd": "Browser.grantPermissions", "params": {
        "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] } });
    browser
        .command("POST", "/goog/cdp/execute", Some(&grant))
        .expect("clipboard permission");
    browser.testid("copy-link").click();
    let link = browser.testid("copied-link").text();
    for param in [
        "label=general-compare",
        "volume=123456",
        "months=30",
        "price=list",
        "growth=1.5",
        "legacy=40000",
        "lang=en",
    ] {
        assert!(link.contains(param), "{link} carries {param}");
    }
    let clipboard = browser.execute_async(
        "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('failed: ' + e))",
        &[],
    );
    assert_eq!(clipboard, json!(link), "the clipboard holds the link");
    let shown = figures(&browser);
    drop(browser);
    let fresh = Browser::open(1280, 900);
    fresh.goto(&link);
    expect_best(&fresh, query);
    assert_eq!(figures(&fresh), shown);
    assert_healthy(&fresh);
}

/// Runs `script` in the page (to change its storage), then opens `path`.
fn reload_with(browser: &Browser, script: &str, path: &str) {
    browser.execute(script, &[]);
    browser.goto(path);
}

fn pinned_volumes(browser: &Browser) -> usize {
    browser.find_all("[data-testid=open-pin]").len()
}

/// Pins surviving a reload run in every engine (`engines.rs`); here, what the page does
/// with storage it did not write.
#[test]
fn corrupted_or_old_pin_storage_is_reported_or_taken_over() {
    let browser = open("?volume=5000&lang=en");
    // A hand-edited store keeps its valid pin and reports the bad one.
    reload_with(
        &browser,
        &format!("localStorage.setItem('{PINS_KEY}', 'volume=42\\nvolume=abc')"),
        "/?lang=en",
    );
    e2e::wait_until("one pin", SETTLE, || pinned_volumes(&browser) == 1);
    // One notice, with how many lines were dropped.
    assert!(browser.testid("pin-notice").text().contains("(1)"));
    // Garbage is dropped with a notice, and the page still works.
    reload_with(
        &browser,
        &format!("localStorage.setItem('{PINS_KEY}', '{{{{not json')"),
        "/?lang=en&volume=1001",
    );
    expect_postpaid(&browser, "?volume=1001");
    assert!(!browser.testid("pin-notice").text().is_empty());
    assert_eq!(pinned_volumes(&browser), 0);
    // Pins that the first version of the page stored as JSON are taken over.
    reload_with(
        &browser,
        &format!("localStorage.removeItem('{PINS_KEY}'); localStorage.setItem('{OLD_PINS_KEY}', JSON.stringify({{version: 1, pins: ['volume=4242', 'volume=99']}}))"),
        "/?lang=en",
    );
    e2e::wait_until("two old pins", SETTLE, || pinned_volumes(&browser) == 2);
    assert!(browser.testid("pins").text().contains("4,242"));
    assert_healthy(&browser);
}
