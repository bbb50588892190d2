//! End to end: month profiles and further channels, from the URL, from the
//! controls, from a pasted spreadsheet column, and refused with notices that
//! keep what they could.

mod common;

use common::{
    amount, assert_healthy, engine_estimate, expect_best, expect_postpaid, field_value, open,
    type_into, wait_for_url, SETTLE,
};
use e2e::Browser;
use pricing::Scenario;

/// The query string of the page's current URL, with its `?`.
fn current_query(browser: &Browser) -> String {
    let url = browser.current_url();
    url.find('?')
        .map_or_else(String::new, |at| url[at..].to_string())
}

/// Waits until the URL holds `part`, then checks every figure against the
/// engine's for the URL's own query.
fn expect_figures_of_the_url(browser: &Browser, part: &str) -> String {
    wait_for_url(browser, part, part);
    let query = current_query(browser);
    expect_postpaid(browser, &query);
    expect_best(browser, &query);
    query
}

/// Opens `query`, opens the advanced area and picks the months' `shape`.
fn open_with_shape(query: &str, shape: &str) -> Browser {
    let browser = open(query);
    browser.find("details.advanced summary").click();
    browser
        .find(&format!("input[name=shape][value={shape}]"))
        .click();
    browser
}

/// The months' verifications the page lists, as plain numbers.
fn listed_month_volumes(browser: &Browser) -> Vec<String> {
    browser
        .find_all("[data-testid=month-volumes] li")
        .iter()
        .map(|item| item.text().replace(',', ""))
        .collect()
}

fn engine_month_volumes(query: &str) -> Vec<String> {
    let (page, _) = calculator::decode(query);
    let main = Scenario {
        extra: Vec::new(),
        months: page.scenario.months.min(12),
        ..page.scenario
    };
    main.month_verifications()
        .iter()
        .map(u128::to_string)
        .collect()
}

#[test]
fn two_channels_of_one_label_are_priced_together_from_the_url() {
    // The hand-checked pair: 82 650.00 together, 86 720.00 apart.
    let query = "?label=general-verify&volume=6000&extra=general-verify:6000&lang=en";
    let browser = open(query);
    expect_postpaid(&browser, query);
    expect_best(&browser, query);
    assert_eq!(amount(&browser, "best-total"), "82650.00");
    assert_eq!(amount(&browser, "sharing-saving"), "4070.00");
    let sentence = browser.testid("sharing").text();
    assert!(sentence.contains("4,070.00"), "{sentence}");
    // The advanced area opens to show the channel, with its label and volume.
    assert_eq!(field_value(&browser, "#extra-volume-0"), "6000");
    assert_eq!(field_value(&browser, "#extra-label-0"), "general-verify");
    assert_healthy(&browser);
}

#[test]
fn a_profile_and_channels_of_other_labels_load_from_the_url() {
    let query = "?volume=20000&months=24&profile=1,1,1,1,1,1,1,1,1,1,3,1&extra=general-compare:5000,wechat-compare:2000&lang=en";
    let browser = open(query);
    expect_postpaid(&browser, query);
    let estimate = expect_best(&browser, query);
    assert_eq!(estimate.labels.len(), 3);
    assert!(browser.find_all("[data-testid=notice]").is_empty());
    assert!(
        browser.find_all("[data-testid=sharing]").is_empty(),
        "no label is shared"
    );
    // The plan names each label; the months list shows the November peak.
    let plan = browser.testid("best-plan").text();
    for name in [
        "WeChat liveness verification",
        "General liveness comparison",
    ] {
        assert!(plan.contains(name), "{plan} names {name}");
    }
    assert_eq!(listed_month_volumes(&browser), engine_month_volumes(query));
    assert_eq!(listed_month_volumes(&browser)[10], "60000");
    assert!(!browser.testid("chart-scaled").text().is_empty());
    assert!(
        browser
            .find("input[name=shape][value=peak]")
            .prop("checked")
            == serde_json::json!(true)
    );
    assert_healthy(&browser);
}

#[test]
fn shapes_and_channels_are_set_from_the_controls() {
    let browser = open_with_shape("?volume=5000&lang=en", "peak");
    let query = expect_figures_of_the_url(&browser, "profile=1,1,1,1,1,1,1,1,1,1,2,1");
    assert_eq!(listed_month_volumes(&browser), engine_month_volumes(&query));
    // The peak moves to March and grows to 2.5 times the other months.
    browser.find("#peak-month option[value='2']").click();
    expect_figures_of_the_url(&browser, "profile=1,1,2,1,1,1,1,1,1,1,1,1");
    type_into(&browser.find("#peak-factor"), "2.5");
    expect_figures_of_the_url(&browser, "profile=1,1,2.5,1");
    // A channel on another label, then its volume.
    browser.testid("add-extra").click();
    expect_figures_of_the_url(&browser, "extra=wechat-verify:1000");
    browser
        .find("#extra-label-0 option[value=general-verify]")
        .click();
    expect_figures_of_the_url(&browser, "extra=general-verify:1000");
    type_into(&browser.find("#extra-volume-0"), "25000");
    let query = expect_figures_of_the_url(&browser, "extra=general-verify:25000");
    assert_eq!(engine_estimate(&query).labels.len(), 2);
    // Removing it and going back to flat months leaves both out of the URL.
    browser.testid("remove-extra-0").click();
    browser.find("input[name=shape][value=flat]").click();
    e2e::wait_until("no profile or extra in the URL", SETTLE, || {
        let url = browser.current_url();
        !url.contains("profile=") && !url.contains("extra=")
    });
    expect_best(&browser, "?volume=5000");
    assert_healthy(&browser);
}

#[test]
fn a_pasted_spreadsheet_column_becomes_the_season() {
    let browser = open_with_shape("?volume=10000&lang=en", "season");
    wait_for_url(&browser, "a season of ones", "profile=1,1,1");
    let column = "10,000\n10,000\n10,000\n10,000\n10,000\n10,000\n10,000\n10,000\n10,000\n10,000\n32,000\n10,000";
    let expected = calculator::profile::season(column).expect("a season");
    let written: Vec<String> = expected.iter().map(|w| w.normalize().to_string()).collect();
    let area = browser.find("#season");
    area.clear();
    area.send_keys(column);
    let query = expect_figures_of_the_url(&browser, &format!("profile={}", written.join(",")));
    assert_eq!(listed_month_volumes(&browser), engine_month_volumes(&query));
    // What was pasted stays in the area; the multipliers are shown beside it.
    assert!(browser
        .find("#season")
        .prop("value")
        .as_str()
        .is_some_and(|v| v.contains("32,000")));
    assert!(browser.testid("season-multipliers").text().contains("2.7"));
    // Numbers that make no season say why, and the last season stays.
    type_into(&browser.find("#season"), "0,0,0");
    let message = browser.testid("season-message").text();
    assert!(message.contains('0'), "{message}");
    wait_for_url(
        &browser,
        "the last season kept",
        &format!("profile={}", written.join(",")),
    );
    expect_best(&browser, &query);
    assert_healthy(&browser);
}

#[test]
fn bad_profiles_and_channels_give_notices_and_keep_what_they_can() {
    let query = "?profile=2,x,3&extra=nope:5,general-verify:100,wechat-verify&lang=en";
    let browser = open(query);
    let notices: Vec<String> = browser
        .find_all("[data-testid=notice]")
        .iter()
        .map(|n| n.text())
        .collect();
    assert_eq!(notices.len(), 2, "{notices:?}");
    assert!(
        notices[0].contains("profile") && notices[0].contains("2,1,3"),
        "{}",
        notices[0]
    );
    assert!(
        notices[1].contains("extra") && notices[1].contains("general-verify:100"),
        "{}",
        notices[1]
    );
    // What was kept is in force, and in the URL.
    let kept = "?profile=2,1,3&extra=general-verify:100";
    expect_postpaid(&browser, kept);
    expect_best(&browser, kept);
    wait_for_url(
        &browser,
        "the kept values",
        "profile=2,1,3&extra=general-verify:100",
    );
    let too_many = format!("?profile={}", vec!["1"; 13].join(","));
    browser.goto(&too_many);
    let notice = browser.testid("notice").text();
    assert!(notice.contains("12"), "{notice}");
    expect_best(&browser, &format!("?profile={}", ["1"; 12].join(",")));
    assert_healthy(&browser);
}
