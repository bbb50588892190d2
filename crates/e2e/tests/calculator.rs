//! End to end in headless Chromium: the price tables and what invalid typing leaves
//! alone (the URL, slider and notice scenarios run in every engine: `engines.rs`).

mod common;

use std::time::Duration;

use calculator::fields::{MONTHS, VOLUME};
use calculator::format;
use common::{assert_healthy, book, expect_postpaid, open, type_into};
use pricing::Label;

#[test]
fn tables_show_the_announcements_figures_for_the_chosen_label() {
    let browser = open("?label=general-verify");
    let prices = book().label(Label::GeneralVerify);
    let rows = browser.find_all("[data-testid=pack-table] tbody tr");
    assert_eq!(rows.len(), prices.packs.len());
    for (row, pack) in rows.iter().zip(&prices.packs) {
        let text = row.text();
        assert!(
            text.contains(&format::grouped_calls(pack.calls.into())),
            "{text}"
        );
        assert!(
            text.contains(&format::grouped_exact(pack.price.list)),
            "{text}"
        );
        assert!(
            text.contains(&format::grouped_exact(pack.price.promo)),
            "{text}"
        );
    }
    let tiers = browser.find_all("[data-testid=tier-table] tbody tr");
    assert_eq!(tiers.len(), prices.tiers.len());
    for (row, tier) in tiers.iter().zip(&prices.tiers) {
        let text = row.text();
        assert!(
            text.ends_with(&format!(
                "{} {}",
                format::grouped_exact(tier.unit.list),
                format::grouped_exact(tier.unit.promo)
            )),
            "{text}"
        );
    }
    // 10 000 calls a month fall in the 1 000 < n <= 10 000 tier.
    assert_eq!(
        browser
            .find_all("[data-testid=tier-table] tr.applies")
            .len(),
        1
    );
    assert!(browser
        .text("[data-testid=current-tier]")
        .contains("10,000"));
    assert_healthy(&browser);
}

#[test]
fn the_four_labels_side_by_side_show_the_missing_pack_as_a_dash() {
    let browser = open("?lang=en");
    browser.testid("compare-labels").click();
    let comparison = browser.testid("label-comparison");
    let first_row = browser
        .find("[data-testid=label-comparison] tbody tr")
        .text();
    let cells: Vec<String> = book()
        .labels()
        .iter()
        .take(3)
        .flat_map(|p| {
            [
                format::grouped_exact(p.packs[0].price.list),
                format::grouped_exact(p.packs[0].price.promo),
            ]
        })
        .collect();
    assert_eq!(first_row, format!("100 {} -", cells.join(" ")));
    for name in common::ENGLISH_LABEL_NAMES {
        assert!(comparison.text().contains(name));
    }
    assert_healthy(&browser);
}

#[test]
fn invalid_typing_keeps_the_last_valid_figures() {
    let browser = open("?volume=2500");
    expect_postpaid(&browser, "?volume=2500");
    let field = browser.find("#volume");
    let mut last_valid = 2500;
    for bad in ["abc", "-5", "1.5", "2000000000", "1e5"] {
        type_into(&field, bad);
        let message = browser.testid("volume-message").text();
        assert!(!message.is_empty(), "{bad} should be explained");
        // Each keystroke that leaves a valid number is taken at once, so the
        // figures are those of the longest valid prefix typed, if any.
        last_valid = last_valid_prefix(bad, |text| VOLUME.read(text).ok().and_then(|v| v.whole()))
            .unwrap_or(last_valid);
        expect_postpaid(&browser, &format!("?volume={last_valid}"));
    }
    type_into(&field, "");
    assert!(!browser.testid("volume-message").text().is_empty());
    expect_postpaid(&browser, &format!("?volume={last_valid}"));
    type_into(&field, "30000");
    expect_postpaid(&browser, "?volume=30000");
    assert!(browser.find_all("[data-testid=volume-message]").is_empty());
    let months = browser.find("#months");
    type_into(&months, "37");
    assert!(!browser.testid("months-message").text().is_empty());
    let months = last_valid_prefix("37", |text| MONTHS.read(text).ok().and_then(|v| v.whole()));
    assert_eq!(months, Some(3));
    expect_postpaid(&browser, "?volume=30000&months=3");
    std::thread::sleep(Duration::from_millis(100));
    assert_healthy(&browser);
}

/// The value of the longest prefix of `typed` that the field's rules accept.
fn last_valid_prefix<T>(typed: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
    (1..=typed.len())
        .filter_map(|end| parse(&typed[..end]))
        .last()
}
