//! The accessibility audit: axe-core on the full page and the embed layout,
//! in both languages and both colour schemes. Any violation of serious or
//! critical impact fails; lesser ones are printed for a person to weigh.

mod common;

use e2e::axe::{self, Violation};
use e2e::Browser;

/// Audits the page at `query` in `scheme` once `prepare` has acted on it, printing
/// every violation found.
fn audit_after(query: &str, scheme: &str, prepare: impl Fn(&Browser)) -> Vec<Violation> {
    let browser = Browser::open(1280, 900);
    browser.emulate_color_scheme(scheme);
    browser.goto(&format!("/{query}"));
    browser.testid("postpaid-month");
    prepare(&browser);
    let violations = axe::audit(&browser);
    let serious = violations.iter().filter(|v| v.is_serious()).count();
    println!(
        "axe {query} {scheme}: {} violations, {serious} serious or critical",
        violations.len()
    );
    for violation in &violations {
        println!(
            "  {} ({}): {} at {:?}\n    {}",
            violation.rule,
            violation.impact,
            violation.help,
            violation.targets,
            violation.summary.replace('\n', "\n    ")
        );
    }
    common::assert_healthy(&browser);
    violations
}

/// Audits `layout` (a query suffix) in both languages and schemes, after `prepare`.
fn assert_no_serious(layout: &str, prepare: impl Fn(&Browser)) {
    let mut serious = Vec::new();
    for lang in ["zh", "en"] {
        for scheme in ["light", "dark"] {
            let query = format!("?lang={lang}{layout}");
            let found = audit_after(&query, scheme, &prepare);
            serious.extend(
                found
                    .into_iter()
                    .filter(Violation::is_serious)
                    .map(|v| format!("{query} {scheme}: {v:?}")),
            );
        }
    }
    assert!(
        serious.is_empty(),
        "serious or critical violations:\n{}",
        serious.join("\n")
    );
}

/// Opens everything the first view keeps closed: notices, the label guide with an
/// answer, a pinned scenario and the chart's readout.
fn open_everything(browser: &Browser) {
    browser.testid("notice");
    browser.find("[data-testid=label-guide] summary").click();
    browser.testid("guide-channel-wechat-mini-program").click();
    browser.testid("guide-comparison-authority").click();
    browser.testid("guide-result");
    browser.testid("pin").click();
    browser.testid("pin-cell");
    browser.testid("cost-chart").click();
}

#[test]
fn the_full_page_passes_axe_in_both_languages_and_schemes() {
    assert_no_serious("", |_| {});
}

#[test]
fn the_embed_layout_passes_axe_in_both_languages_and_schemes() {
    assert_no_serious("&embed=1", |_| {});
}

#[test]
fn the_page_with_notices_guide_pins_and_readout_open_passes_axe() {
    assert_no_serious("&volume=lots&months=99", open_everything);
}
