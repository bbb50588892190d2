//! End to end: the label guide, the slider's range and stops, the cost
//! chart against the engine, language switching, the phone layout, keyboard
//! operation, and screenshots for a person to look at.

mod common;

use std::path::PathBuf;

use calculator::{cost_curve, decode, format, slider};
use common::{assert_healthy, expect_best, expect_postpaid, open, SETTLE};
use e2e::{keys, Browser};
use pricing::cliff::cliffs;
use pricing::{resolve_label, Channel, Comparison, PriceColumn};
use serde_json::json;

fn volume_field(browser: &Browser) -> String {
    browser
        .find("#volume")
        .prop("value")
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_label_guide_maps_every_channel_and_comparison() {
    let browser = open("?lang=en");
    browser.find("[data-testid=label-guide] summary").click();
    for channel in Channel::ALL {
        for comparison in Comparison::ALL {
            browser
                .testid(&format!("guide-channel-{}", channel.id()))
                .click();
            browser
                .testid(&format!("guide-comparison-{}", comparison.id()))
                .click();
            let expected = resolve_label(channel, comparison);
            let result = browser.testid("guide-result");
            assert_eq!(
                result.attr("data-label").as_deref(),
                Some(expected.id()),
                "{channel:?} {comparison:?}"
            );
            let name = common::ENGLISH_LABEL_NAMES[expected.index()];
            assert!(
                result.text().contains(name),
                "{} names {name}",
                result.text()
            );
            let picked = browser.find(&format!("input[name=label][value={}]", expected.id()));
            assert_eq!(
                picked.prop("checked"),
                json!(true),
                "the guide sets the label"
            );
        }
    }
    assert_healthy(&browser);
}

#[test]
fn the_slider_spans_the_range_and_stops_at_bounds_and_packs() {
    let browser = open("?volume=1000");
    let slider = browser.testid("volume-slider");
    assert_eq!(slider.attr("min").as_deref(), Some("0"));
    assert_eq!(slider.attr("max"), Some(slider::max_position().to_string()));
    slider.send_keys(keys::END);
    e2e::wait_until("the top of the range", SETTLE, || {
        volume_field(&browser) == "1000000000"
    });
    slider.send_keys(keys::HOME);
    e2e::wait_until("the bottom of the range", SETTLE, || {
        volume_field(&browser) == "0"
    });
    for snap in slider::SNAP_POINTS {
        let position = slider::position_of(snap);
        browser.execute(
            "const s = arguments[0]; s.value = arguments[1]; s.dispatchEvent(new Event('input', {bubbles: true}));",
            &[slider.to_json(), json!(position.to_string())],
        );
        e2e::wait_until(&format!("the slider at {snap}"), SETTLE, || {
            volume_field(&browser) == snap.to_string()
        });
    }
    // Stops: from 1 000 the next stops of 微信活体人脸核身 are 1 001 and 5 000.
    browser.goto("/?volume=1000");
    browser.testid("next-stop").click();
    e2e::wait_until("1001", SETTLE, || volume_field(&browser) == "1001");
    browser.testid("next-stop").click();
    e2e::wait_until("5000", SETTLE, || volume_field(&browser) == "5000");
    browser.testid("previous-stop").click();
    e2e::wait_until("back to 1001", SETTLE, || volume_field(&browser) == "1001");
    expect_postpaid(&browser, "?volume=1001");
    assert!(browser.testid("cliff-note").text().contains("1,000"));
    assert_healthy(&browser);
}

#[test]
fn the_chart_marks_what_the_engine_computes() {
    let query = "?label=wechat-verify&volume=950&months=12";
    let browser = open(query);
    browser.testid("cost-chart");
    let (page, _) = decode(query);
    let optimizer = pricing::Optimizer::embedded().unwrap();
    let curve = cost_curve(optimizer, &page.scenario).unwrap();
    let current = browser.testid("chart-current");
    let estimate = expect_best(&browser, query);
    assert_eq!(current.attr("data-volume").as_deref(), Some("950"));
    assert_eq!(
        current.attr("data-best"),
        Some(format::plain(estimate.best_total()))
    );
    assert_eq!(
        current.attr("data-postpaid"),
        Some(format::plain(estimate.postpaid_total()))
    );
    let shown: Vec<String> = browser
        .find_all("[data-testid=break-even]")
        .iter()
        .filter_map(|e| e.attr("data-volume"))
        .collect();
    let expected: Vec<String> = curve
        .break_evens
        .iter()
        .map(|b| b.volume.to_string())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(shown, expected);
    let cliff_marks: Vec<String> = browser
        .find_all("[data-testid=chart-cliff]")
        .iter()
        .filter_map(|e| e.attr("data-volume"))
        .collect();
    let bounds: Vec<String> = cliffs(
        common::book().label(page.scenario.label),
        PriceColumn::Promo,
    )
    .iter()
    .map(|c| c.bound.to_string())
    .collect();
    assert_eq!(cliff_marks, bounds);
    // The readout follows the keyboard: End shows the last sample, 10^9.
    let chart = browser.find("[data-testid=cost-chart] svg");
    chart.send_keys(keys::END);
    e2e::wait_until("the readout at the top", SETTLE, || {
        browser
            .testid("chart-readout")
            .text()
            .starts_with("1,000,000,000")
    });
    // Moving the slider moves the marker without recomputing the curve.
    browser.testid("volume-slider").send_keys(keys::ARROW_RIGHT);
    e2e::wait_until("the marker to move", SETTLE, || {
        browser
            .testid("chart-current")
            .attr("data-volume")
            .as_deref()
            == Some("960")
    });
    assert_healthy(&browser);
}

#[test]
fn switching_language_translates_and_keeps_the_figures() {
    let query = "?volume=12345&months=6";
    let browser = open(query);
    let before = common::amount(&browser, "postpaid-total");
    let shown_before = browser.testid("postpaid-total").text();
    assert!(browser.text("h1").contains("价格计算器"));
    browser.testid("language-switch").click();
    e2e::wait_until("English", SETTLE, || {
        browser.text("h1") == "FaceID price calculator"
    });
    assert_eq!(common::amount(&browser, "postpaid-total"), before);
    // The same amount, formatted for English readers now.
    let shown = browser.testid("postpaid-total").text();
    assert!(
        shown.starts_with('¥') && shown_before.ends_with('元'),
        "{shown_before} -> {shown}"
    );
    e2e::wait_until("lang=en in the URL", SETTLE, || {
        browser.current_url().contains("lang=en")
    });
    assert_eq!(
        browser.execute("return document.documentElement.lang", &[]),
        json!("en")
    );
    assert!(browser
        .testid("chart-readout")
        .text()
        .contains("calls/month"));
    browser.testid("language-switch").click();
    e2e::wait_until("Chinese", SETTLE, || {
        browser.text("h1").contains("价格计算器")
    });
    e2e::wait_until("lang=zh in the URL", SETTLE, || {
        browser.current_url().contains("lang=zh")
    });
    assert_healthy(&browser);
}

#[test]
fn a_360_pixel_phone_needs_no_horizontal_scrolling() {
    let browser = Browser::open(360, 740);
    for query in [
        "?lang=zh&volume=6050&label=general-verify",
        "?lang=en&volume=250000&months=36&growth=3",
    ] {
        browser.goto(&format!("/{query}"));
        browser.testid("cost-chart");
        let widths = browser.execute(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]",
            &[],
        );
        assert!(
            widths[0].as_i64() <= widths[1].as_i64(),
            "{query}: page wider than the screen {widths}"
        );
    }
    assert_healthy(&browser);
}

#[test]
fn the_main_controls_work_from_the_keyboard() {
    let browser = open("?volume=1000&lang=en");
    let active = || {
        browser.execute("return document.activeElement.id || document.activeElement.dataset.testid || document.activeElement.name", &[])
    };
    // Label radios: arrow keys move the choice.
    browser
        .find("input[name=label][value=wechat-verify]")
        .send_keys(keys::ARROW_RIGHT);
    e2e::wait_until("the next label", SETTLE, || {
        browser.current_url().contains("label=wechat-compare")
    });
    // Tab from the volume field reaches the slider, then the stop buttons.
    let field = browser.find("#volume");
    field.send_keys(keys::TAB);
    assert_eq!(active(), json!("volume-slider"));
    browser.testid("volume-slider").send_keys(keys::ARROW_RIGHT);
    let next = slider::volume_at(slider::position_of(1000) + 1).to_string();
    e2e::wait_until("one slider step up", SETTLE, || {
        volume_field(&browser) == next
    });
    browser.testid("volume-slider").send_keys(keys::TAB);
    assert_eq!(active(), json!("previous-stop"));
    browser.testid("previous-stop").send_keys(keys::ENTER);
    e2e::wait_until("back to 1001", SETTLE, || volume_field(&browser) == "1001");
    // Focus is visible.
    let outline = browser.execute(
        "return getComputedStyle(document.activeElement).outlineStyle",
        &[],
    );
    assert_ne!(outline, json!("none"));
    // The price column by keyboard.
    browser
        .find("input[name=price][value=promo]")
        .send_keys(keys::ARROW_RIGHT);
    e2e::wait_until("list price", SETTLE, || {
        browser.current_url().contains("price=list")
    });
    expect_postpaid(&browser, "?volume=1001&price=list&label=wechat-compare");
    assert_healthy(&browser);
}

/// Saves the page at 1280 and 360 pixels, light and dark, for a person to look at.
#[test]
fn screenshots_for_review() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    std::fs::create_dir_all(&folder).expect("a folder for screenshots");
    for (width, height) in [(1280, 2000), (360, 3600)] {
        for theme in ["light", "dark"] {
            let browser = Browser::open(width, height);
            browser.emulate_color_scheme(theme);
            browser.goto("/?label=general-verify&volume=6050&months=24");
            browser.testid("cost-chart");
            let dark = browser.execute(
                "return matchMedia('(prefers-color-scheme: dark)').matches",
                &[],
            );
            assert_eq!(dark, json!(theme == "dark"));
            browser.screenshot_png(folder.join(format!("calculator-{width}-{theme}.png")));
            assert_healthy(&browser);
        }
    }
}

#[test]
fn both_price_tables_fit_their_cards_at_1280_pixels_in_both_languages() {
    for lang in ["zh", "en"] {
        let browser = common::open(&format!("?label=general-verify&lang={lang}"));
        for table in ["pack-table", "tier-table"] {
            let overflow = browser.execute(
                "const box = document.querySelector(`[data-testid=${arguments[0]}]`).parentElement;
                 return box.scrollWidth - box.clientWidth;",
                &[serde_json::json!(table)],
            );
            assert_eq!(
                overflow,
                serde_json::json!(0),
                "{table} scrolls sideways in {lang}"
            );
        }
        assert_healthy(&browser);
    }
}
