//! Packs already held (`held`) and calendar months (`start`), in Chromium: from
//! the URL, from the controls and from a block pasted from the console; bad
//! entries give notices and lose nothing else. Expected figures come from the
//! engine, apart from the hand-checked plan of 30,000 calls held for 3 months.

mod common;

use calculator::calendar::CalendarMonth;
use common::{
    amount, assert_healthy, engine_estimate, expect_best, open_in, settled, type_into,
    wait_for_url, SETTLE,
};
use e2e::Element;

/// 10,000 calls a month for 12 months, 30,000 held through month 3: one
/// 100,000 pack in month 4, 68,000.00 (crates/pricing/tests/held.rs works it out).
const HELD_QUERY: &str = "?held=wechat-verify:30000@3&lang=en";

#[test]
fn held_packs_from_the_url_are_used_first() {
    let browser = open_in(e2e::BrowserKind::Chromium, HELD_QUERY);
    expect_best(&browser, HELD_QUERY);
    assert_eq!(amount(&browser, "best-total"), "68000.00");
    let plan = browser.testid("best-plan").text();
    assert_eq!(plan, "month 4: 1 × 100,000 calls");
    let held = browser.testid("held-line").text();
    assert!(
        held.contains("30,000") && held.contains("month 3"),
        "{held}"
    );
    // The breakdown's first months are all held calls.
    browser.find("[data-testid=breakdown] summary").click();
    let first_row = browser.find("[data-testid=breakdown] tbody tr").text();
    assert!(first_row.contains("10,000"), "{first_row}");
    assert_healthy(&browser);
}

#[test]
fn a_start_month_names_the_months_and_changes_no_figure() {
    let query = format!("{HELD_QUERY}&start=2027-03");
    let browser = open_in(e2e::BrowserKind::Chromium, &query);
    expect_best(&browser, HELD_QUERY);
    assert_eq!(
        browser.testid("best-plan").text(),
        "Jun 2027: 1 × 100,000 calls"
    );
    let held = browser.testid("held-line").text();
    assert!(held.contains("May 2027"), "{held}");
    let order = browser.find("[data-testid=order] th").text();
    assert_eq!(order, "Jun 2027");
    // In Chinese, the calendar month in the page's words.
    browser.goto("/?held=wechat-verify:30000@3&start=2027-03&lang=zh");
    settled(&browser);
    let plan = browser.testid("best-plan").text();
    assert_eq!(plan, "2027年6月：1 × 100,000 次");
    assert_healthy(&browser);
}

#[test]
fn bad_held_entries_and_start_give_notices_and_keep_the_rest() {
    let query = "?held=wechat-verify:30000@3,wechat-verify:5@13,nobody:1@1&start=2027-13&lang=en";
    let browser = open_in(e2e::BrowserKind::Chromium, query);
    let notices: Vec<String> = browser
        .find_all("[data-testid=notice]")
        .iter()
        .map(Element::text)
        .collect();
    assert_eq!(notices.len(), 2, "{notices:#?}");
    assert!(notices[0].contains("held"), "{}", notices[0]);
    assert!(notices[1].contains("start"), "{}", notices[1]);
    // The readable entry stands: the figures are those of it alone.
    expect_best(&browser, HELD_QUERY);
    wait_for_url(&browser, "the kept entry", "held=wechat-verify:30000@3");
    assert!(!browser.current_url().contains("start="));
    assert_healthy(&browser);
}

#[test]
fn held_packs_from_the_controls() {
    let browser = open_in(e2e::BrowserKind::Chromium, "?lang=en");
    browser.execute(
        "document.querySelector('details.advanced').open = true;",
        &[],
    );
    browser.testid("add-held").click();
    wait_for_url(&browser, "a new entry", "held=wechat-verify:10000@12");
    type_into(&browser.find("#held-calls-0"), "30000");
    browser.execute(
        "const s = document.getElementById('held-months-0'); s.value = '3'; s.dispatchEvent(new Event('change', { bubbles: true }));",
        &[],
    );
    wait_for_url(&browser, "the edited entry", "held=wechat-verify:30000@3");
    expect_best(&browser, HELD_QUERY);
    browser.testid("remove-held-0").click();
    e2e::wait_until("the entry removed", SETTLE, || {
        !browser.current_url().contains("held=")
    });
    expect_best(&browser, "");
    assert_healthy(&browser);
}

#[test]
fn held_packs_from_a_pasted_console_list() {
    let browser = open_in(e2e::BrowserKind::Chromium, "?lang=en&start=2027-03");
    browser.execute(
        "document.querySelector('details.advanced').open = true;",
        &[],
    );
    let block = "Pack name\tLeft\tExpires\n\
        微信活体人脸核身资源包\t剩余 30,000 次\t2027-05-31 23:59:59\n\
        通用活体人脸核身 | 8000 | 2028/01/15\n";
    browser.execute(
        "document.getElementById('held-paste').value = arguments[0];",
        &[serde_json::json!(block)],
    );
    browser.testid("held-read").click();
    wait_for_url(
        &browser,
        "the pasted entries",
        "held=wechat-verify:30000@3,general-verify:8000@11",
    );
    let report = browser.testid("held-report").text();
    assert!(report.contains("2 packs read"), "{report}");
    let refused: Vec<String> = browser
        .find_all("[data-testid=held-refused]")
        .iter()
        .map(Element::text)
        .collect();
    assert_eq!(refused, ["Line 1 not read: no label named."]);
    // The general-verify pack has no channel here: it is lost, and said so.
    let query = "?held=wechat-verify:30000@3,general-verify:8000@11";
    let estimate = engine_estimate(query);
    expect_best(&browser, query);
    assert_eq!(estimate.held_expired(), 8_000);
    let expired = browser.testid("best-held-expired").text();
    assert!(expired.contains("8,000"), "{expired}");
    assert_healthy(&browser);
}

#[test]
fn pasting_without_a_start_counts_from_this_month() {
    let browser = open_in(e2e::BrowserKind::Chromium, "?lang=en");
    browser.execute(
        "document.querySelector('details.advanced').open = true;",
        &[],
    );
    let this_month = browser.execute(
        "const d = new Date(); return d.getFullYear() * 12 + d.getMonth();",
        &[],
    );
    let ordinal = this_month.as_u64().expect("a month");
    let first =
        CalendarMonth::new((ordinal / 12) as u32, (ordinal % 12) as u32 + 1).expect("this month");
    // Expiring at the end of the month after next: usable through month 3.
    let expiry = first.plus(2);
    let block = format!("微信活体人脸核身 剩余 30000 {expiry}-28");
    browser.execute(
        "document.getElementById('held-paste').value = arguments[0];",
        &[serde_json::json!(block)],
    );
    browser.testid("held-read").click();
    wait_for_url(&browser, "the start", &format!("start={first}"));
    wait_for_url(&browser, "the entry", "held=wechat-verify:30000@3");
    expect_best(&browser, HELD_QUERY);
    assert_healthy(&browser);
}
