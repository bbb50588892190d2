//! End to end: a copied link reproduces the figures, the CSV and JSON
//! downloads agree with the page, and pinned scenarios survive reloads and
//! corrupted storage.

mod common;

use calculator::pinned::{OLD_PINS_KEY, PINS_KEY};
use common::{assert_healthy, expect_best, expect_postpaid, open, SETTLE};
use e2e::Browser;
use serde_json::{json, Value};

/// Runs an asynchronous script; it calls its last argument with the result.
fn execute_async(browser: &Browser, js: &str) -> Value {
    let body = json!({ "script": js, "args": [] });
    browser
        .command("POST", "/execute/async", Some(&body))
        .expect("the script finishes")
}

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
    let clipboard = execute_async(
        &browser,
        "navigator.clipboard.readText().then(arguments[0], e => arguments[0]('failed: ' + e))",
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

/// Clicks a download button and returns the text of the file it made.
fn downloaded_text(browser: &Browser, button: &str) -> String {
    browser.execute(
        "window.__blobs = []; const make = URL.createObjectURL.bind(URL);
         URL.createObjectURL = blob => { window.__blobs.push(blob); return make(blob); };",
        &[],
    );
    browser.testid(button).click();
    // The bytes, not Blob.text(): decoding would drop the byte-order mark.
    let bytes = execute_async(
        browser,
        "window.__blobs[0].arrayBuffer().then(b => arguments[0](Array.from(new Uint8Array(b))))",
    );
    let bytes: Vec<u8> = serde_json::from_value(bytes).expect("the download's bytes");
    String::from_utf8(bytes).expect("UTF-8")
}

#[test]
fn the_csv_and_json_downloads_match_the_page() {
    let query = "?label=wechat-verify&volume=30000&months=18&growth=2.5&legacy=10000";
    let browser = open(query);
    expect_best(&browser, query);
    expect_postpaid(&browser, query);
    let best_total = common::amount(&browser, "best-total");
    let csv = downloaded_text(&browser, "download-csv");
    assert!(
        csv.starts_with('\u{feff}'),
        "a BOM for spreadsheet programs"
    );
    let rows: Vec<Vec<&str>> = csv
        .trim_start_matches('\u{feff}')
        .lines()
        .map(|l| l.split(',').collect())
        .collect();
    let header = &rows[0];
    let amount = header
        .iter()
        .position(|c| *c == "amount")
        .expect("an amount column");
    let total_row = rows.iter().find(|r| r[0] == "total").expect("a total row");
    assert_eq!(total_row[amount], best_total);
    assert_eq!(rows.iter().filter(|r| r[0] == "month").count(), 18);
    let json: Value =
        serde_json::from_str(&downloaded_text(&browser, "download-json")).expect("valid JSON");
    assert_eq!(
        json["schema_version"],
        json!(calculator::downloads::EXPORT_SCHEMA_VERSION)
    );
    assert_eq!(json["recommended"]["total"], json!(best_total));
    assert_eq!(
        json["postpaid_only"]["total"],
        json!(common::amount(&browser, "postpaid-total"))
    );
    assert_eq!(json["scenario"]["legacy"], json!(10000));
    assert!(
        browser.testid("share-status").text().contains("JSON")
            || browser.testid("share-status").text().contains("下载")
    );
    assert_healthy(&browser);
}

/// Runs `script` in the page (to change its storage), then opens `path`.
fn reload_with(browser: &Browser, script: &str, path: &str) {
    browser.execute(script, &[]);
    browser.goto(path);
}

fn pinned_volumes(browser: &Browser) -> usize {
    browser.find_all("[data-testid=open-pin]").len()
}

#[test]
fn pins_survive_a_reload_and_corrupted_storage() {
    let browser = open("?volume=5000&lang=en");
    browser.execute(&format!("localStorage.removeItem('{PINS_KEY}')"), &[]);
    browser.goto("/?volume=5000&lang=en");
    browser.testid("pin").click();
    browser.testid("volume-slider").send_keys(e2e::keys::END);
    e2e::wait_until("the top volume", SETTLE, || {
        browser.current_url().contains("volume=1000000000")
    });
    browser.testid("pin").click();
    e2e::wait_until("two pins", SETTLE, || pinned_volumes(&browser) == 2);
    browser.goto("/?volume=777&lang=en");
    e2e::wait_until("two pins after a reload", SETTLE, || {
        pinned_volumes(&browser) == 2
    });
    let cells = browser.testid("pins").text();
    assert!(
        cells.contains("5,000") && cells.contains("1,000,000,000"),
        "{cells}"
    );
    // Opening a pin loads its scenario.
    browser.find_all("[data-testid=open-pin]")[0].click();
    e2e::wait_until("the pinned volume", SETTLE, || {
        browser.current_url().contains("volume=5000&")
    });
    expect_best(&browser, "?volume=5000");
    // A hand-edited store keeps its valid pin and reports the bad one.
    reload_with(
        &browser,
        &format!("localStorage.setItem('{PINS_KEY}', 'volume=42\\nvolume=abc')"),
        "/?lang=en",
    );
    e2e::wait_until("one pin", SETTLE, || pinned_volumes(&browser) == 1);
    assert!(browser.testid("pin-notice").text().contains("2"));
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
