//! Pins that compare: the table shows every parameter that differs between
//! the pinned scenarios and marks those rows, marks the cheapest pin's total,
//! writes amounts and counts with their units, and keeps each pin's name.

mod common;

use calculator::format;
use calculator::pinned::PINS_KEY;
use common::{assert_healthy, engine_estimate, open_in, settled, SETTLE};
use e2e::BrowserKind;

#[test]
fn pins_show_what_differs_the_cheapest_and_their_names() {
    let browser = open_in(BrowserKind::Chromium, "?volume=5000&lang=en");
    browser.execute(&format!("localStorage.removeItem('{PINS_KEY}')"), &[]);
    let queries = ["?volume=5000&growth=5", "?volume=5000&growth=0&retry=10"];
    for query in queries {
        browser.goto(&format!("/{query}&lang=en"));
        settled(&browser);
        browser.testid("pin").click();
    }
    let pins = || browser.find_all("[data-testid=open-pin]").len();
    e2e::wait_until("two pins", SETTLE, || pins() == 2);
    // Rows that differ are marked; rows that do not are not.
    let rows = browser.execute(
        "return [...document.querySelectorAll('.pin-table tr')].map(r => [r.querySelector('th').textContent, r.dataset.differs || '']);",
        &[],
    );
    let rows: Vec<(String, String)> = serde_json::from_value(rows).expect("rows");
    let marked = |name: &str| {
        rows.iter()
            .find(|(n, _)| n == name)
            .map(|(_, d)| d.as_str())
    };
    assert_eq!(marked("Monthly growth"), Some("true"), "{rows:?}");
    assert_eq!(marked("Billed retries"), Some("true"), "{rows:?}");
    assert_eq!(marked("Billing label"), Some("false"), "{rows:?}");
    assert_eq!(marked("Calls per month"), Some("false"), "{rows:?}");
    assert!(
        marked("Calls left on packs bought before 2021-02-01").is_none(),
        "{rows:?}"
    );
    // Units in the cells, and the cheapest pin marked.
    let totals: Vec<_> = queries
        .iter()
        .map(|q| engine_estimate(q).best_total())
        .collect();
    let cheapest = if totals[0] <= totals[1] { 0 } else { 1 };
    e2e::wait_until("the cheapest pin", SETTLE, || {
        browser.find_all("[data-testid=cheapest-pin]").len() == 1
    });
    let table = browser.testid("pins").text();
    assert!(table.contains("5,000 calls/month"), "{table}");
    assert!(
        table.contains(&format!("¥{}", format::grouped(totals[cheapest]))),
        "{table}"
    );
    let badge_column = browser.execute(
        "const b = document.querySelector('[data-testid=cheapest-pin]'); return [...b.closest('tr').children].indexOf(b.closest('td')) - 1;",
        &[],
    );
    assert_eq!(badge_column.as_u64(), Some(cheapest as u64));
    // A name is kept across a reload.
    let name = browser.find_all("[data-testid=pin-name]").remove(0);
    name.send_keys("Growth plan\n");
    e2e::wait_until("the stored name", SETTLE, || {
        browser
            .execute(
                "return localStorage.getItem(arguments[0]) || '';",
                &[serde_json::json!(PINS_KEY)],
            )
            .as_str()
            .is_some_and(|stored| stored.contains("name=Growth%20plan"))
    });
    browser.goto("/?volume=5000&lang=en");
    e2e::wait_until("two pins again", SETTLE, || pins() == 2);
    let names = browser.execute(
        "return [...document.querySelectorAll('[data-testid=pin-name]')].map(i => i.value);",
        &[],
    );
    assert_eq!(names, serde_json::json!(["Growth plan", ""]));
    assert_healthy(&browser);
}
