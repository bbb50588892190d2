//! Phone first and nothing hidden, in every engine: the best total on screen
//! on a phone on load, on a linked scenario with the advanced area open and
//! while the slider moves; the results beside the inputs on a desktop while
//! an advanced input is edited; nothing under the finger moving as the
//! slider crosses a cliff; the recommendation not getting shorter during a
//! drag; every table within its card at 1280 px; no
//! sideways scrolling of the page at 360 px; label names whole; a linear
//! chart around the current volume.
//!
//! Firefox's and WebKit's windows cannot be as narrow as a phone: there the
//! page is framed at the phone's size ([`FramedSite`]).

mod common;

use common::{open_at, settled};
use e2e::{keys, Browser, BrowserKind};
use serde_json::{json, Value};

common::in_every_engine!(
    a_phone_shows_the_best_total,
    a_desktop_keeps_the_results_beside_the_inputs,
    nothing_under_the_finger_moves,
    a_drag_never_shortens_the_recommendation,
    tables_fit_and_names_stay_whole,
    the_saving_chart_spans_about_twice_the_volume,
);

/// A scenario a user shares: its advanced area opens (growth), its plan has
/// several orders, and its volume sits near a cliff.
const LINKED: &str = "?label=general-verify&volume=6050&months=24&growth=5";

/// Whether the element `css` names lies wholly inside the viewport.
fn on_screen(browser: &Browser, css: &str) -> bool {
    browser.execute(
        "const box = document.querySelector(arguments[0]).getBoundingClientRect();
         return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight
             && box.left >= 0 && box.right <= innerWidth;",
        &[json!(css)],
    ) == json!(true)
}

/// The top of the element `css` names, in the viewport, to the pixel.
fn top_of(browser: &Browser, css: &str) -> i64 {
    let top = browser.execute(
        "return Math.round(document.querySelector(arguments[0]).getBoundingClientRect().top);",
        &[json!(css)],
    );
    top.as_i64()
        .unwrap_or_else(|| panic!("{css} has no top: {top}"))
}

const BEST_TOTAL: &str = "[data-testid=best-total]";

/// At 390×844: the best total is on screen on the default page (its bar's
/// labels whole, in both languages), on a linked scenario whose advanced area
/// is open, and after the slider moved.
fn a_phone_shows_the_best_total(kind: BrowserKind) {
    for lang in ["zh", "en"] {
        let page = open_at(kind, &format!("?lang={lang}"), 390, 844);
        assert!(on_screen(&page.browser, BEST_TOTAL), "default page, {lang}");
        // The bar's labels keep to one line each, and whole: none is cut short.
        let cut = page.browser.execute(
            "return [...document.querySelectorAll('.recommendation .figures .figure-label')]
                 .filter(label => label.scrollWidth > label.clientWidth).map(label => label.textContent);",
            &[],
        );
        assert_eq!(cut, json!([]), "labels cut short in the bar, {lang}");
    }
    let page = open_at(kind, LINKED, 390, 844);
    let browser = &page.browser;
    assert_eq!(
        browser.execute(
            "return document.querySelector('details.advanced').open;",
            &[]
        ),
        json!(true),
        "the linked scenario opens the advanced area"
    );
    assert!(on_screen(browser, BEST_TOTAL), "linked scenario");
    let slider = browser.testid("volume-slider");
    for _ in 0..6 {
        slider.send_keys(&keys::ARROW_RIGHT.repeat(3));
        assert!(on_screen(browser, BEST_TOTAL), "while the slider moves");
    }
    settled(browser);
    assert!(on_screen(browser, BEST_TOTAL), "after the slider moved");
}

/// At 1280×900, with the growth field brought into view on a linked
/// scenario, the best total is still on screen beside it.
fn a_desktop_keeps_the_results_beside_the_inputs(kind: BrowserKind) {
    let page = open_at(kind, LINKED, 1280, 900);
    let browser = &page.browser;
    for field in ["#growth", "#legacy", "#start"] {
        browser.execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
            &[json!(field)],
        );
        assert!(on_screen(browser, field), "{field} is in view");
        assert!(
            on_screen(browser, BEST_TOTAL),
            "the best total beside {field}"
        );
    }
}

/// The slider steps across the 1,000-call cliff, where the cliff note comes
/// and goes: the slider and the fields below it keep their places, at a
/// phone's width and a desktop's.
fn nothing_under_the_finger_moves(kind: BrowserKind) {
    for (width, height) in [(390, 844), (1280, 900)] {
        let page = open_at(kind, "?volume=900", width, height);
        let browser = &page.browser;
        let slider = browser.testid("volume-slider");
        browser.execute(
            "document.querySelector('[data-testid=volume-slider]').scrollIntoView({ block: 'center' });",
            &[],
        );
        let watched = ["[data-testid=volume-slider]", "#months"];
        let before: Vec<i64> = watched.iter().map(|css| top_of(browser, css)).collect();
        let mut notes = 0;
        for _ in 0..12 {
            slider.send_keys(keys::ARROW_RIGHT);
            settled(browser);
            notes += browser.find_all("[data-testid=cliff-note]").len();
            let now: Vec<i64> = watched.iter().map(|css| top_of(browser, css)).collect();
            assert_eq!(now, before, "{watched:?} moved at {width} px");
        }
        assert!(notes > 0, "the steps reached the cliff at {width} px");
    }
}

/// Presses the slider, drags it from `arguments[0]` to `arguments[1]`, eight
/// positions a frame, then lets it go; returns the recommendation's heights as the
/// browser laid it out for its frames during the drag (a resize observer's
/// reports: a script's own reading could see a state no frame ever showed),
/// and its height and minimum height once let go.
const DRAG: &str = "
const [from, to, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
const slider = document.querySelector('[data-testid=volume-slider]');
const card = document.querySelector('.recommendation');
const heights = [];
const observer = new ResizeObserver(() => heights.push(card.offsetHeight));
observer.observe(card);
const after = callback => requestAnimationFrame(() => setTimeout(callback, 16));
const step = position => {
  if (position > to) {
    observer.disconnect();
    slider.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    after(() => done([heights, card.offsetHeight, card.style.minHeight]));
    return;
  }
  slider.value = String(position);
  slider.dispatchEvent(new Event('input', { bubbles: true }));
  after(() => step(position + 8));
};
// A finger presses the slider first.
slider.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
after(() => step(from));";

/// A drag from 2,000 to 100 million calls a month over 36 months of growth,
/// where plans of four orders give way to none: while it lasts the
/// recommendation never gets shorter, so nothing below it moves back and
/// forth; let go, it takes its own height again.
fn a_drag_never_shortens_the_recommendation(kind: BrowserKind) {
    let page = open_at(kind, "?months=36&growth=2", 1280, 900);
    let (from, to) = (
        calculator::slider::position_of(2_000),
        calculator::slider::position_of(100_000_000),
    );
    let drag = page.browser.execute_async(DRAG, &[json!(from), json!(to)]);
    let heights: Vec<i64> = drag[0]
        .as_array()
        .map(|all| all.iter().filter_map(Value::as_i64).collect())
        .unwrap_or_default();
    assert!(
        heights.len() > 2,
        "the heights laid out during the drag: {drag}"
    );
    assert!(
        heights.windows(2).all(|pair| pair[1] >= pair[0]),
        "the recommendation got shorter during the drag: {heights:?}"
    );
    let (highest, released) = (heights.iter().max(), drag[1].as_i64());
    assert!(
        released.is_some_and(|own| Some(&own) < highest),
        "let go, the recommendation keeps the drag's height: {drag}"
    );
    assert_eq!(drag[2], json!(""), "a minimum height stays after the drag");
}

/// Every table fits its card at 1280 px in both languages, the page never
/// scrolls sideways at 360 px and its tables fit there (the plan's as blocks
/// of named lines), and at 1280 and 360 px each label's name in Chinese stays
/// on one line, inside its box.
fn tables_fit_and_names_stay_whole(kind: BrowserKind) {
    for lang in ["zh", "en"] {
        let query = format!("{LINKED}&promo_months=12&lang={lang}");
        let page = open_at(kind, &query, 1280, 900);
        // The month breakdown too, which opens on demand.
        page.browser.execute(
            "document.querySelectorAll('details').forEach(details => details.open = true);",
            &[],
        );
        page.browser.find("[data-testid=breakdown] table");
        let cut = page.browser.execute(
            "return [...document.querySelectorAll('.table-scroll, table')]
                 .filter(box => box.scrollWidth > box.clientWidth + 1)
                 .map(box => `${(box.querySelector('caption, th') || box).textContent.slice(0, 40)}: ${box.scrollWidth} > ${box.clientWidth} px; ` + [...box.querySelectorAll('tr:first-child > *, tbody tr:first-child > *')].map(c => c.textContent + '=' + Math.round(c.getBoundingClientRect().width)).join(' | '));",
            &[],
        );
        assert_eq!(
            cut,
            json!([]),
            "tables wider than their card at 1280 px, {lang}"
        );
        if lang == "zh" {
            assert_eq!(broken_label_names(&page.browser), json!([]), "at 1280 px");
        }

        let narrow = open_at(kind, &query, 360, 780);
        let widths = narrow.browser.execute(
            "return [document.documentElement.scrollWidth, innerWidth];",
            &[],
        );
        assert!(
            widths[0].as_u64() <= widths[1].as_u64(),
            "the page scrolls sideways at 360 px, {lang}: {widths}"
        );
        assert_tables_fit_a_phone(&narrow.browser, lang);
        if lang == "zh" {
            assert_eq!(broken_label_names(&narrow.browser), json!([]));
        }
    }
}

/// At a phone's width, with every disclosure open: the price tables, the
/// purchase schedule and the month breakdown do not scroll, and in the plan's
/// two tables, whose rows are blocks there, every cell shown is named by its
/// column.
fn assert_tables_fit_a_phone(browser: &Browser, lang: &str) {
    browser.execute(
        "document.querySelectorAll('details').forEach(details => details.open = true);",
        &[],
    );
    browser.find("[data-testid=breakdown] table");
    let scrolling = browser.execute(
        "return [...document.querySelectorAll('.table-scroll')]
             .filter(frame => !frame.querySelector('table.wide') && frame.scrollWidth > frame.clientWidth + 1)
             .map(frame => `${frame.querySelector('caption, th').textContent}: ${frame.scrollWidth} > ${frame.clientWidth}`);",
        &[],
    );
    assert_eq!(scrolling, json!([]), "tables that scroll at 360 px, {lang}");
    let unnamed = browser.execute(
        "const cells = [...document.querySelectorAll('table.compact tbody :is(th, td)')]
             .filter(cell => getComputedStyle(cell).display !== 'none');
         // Firefox reports the rule (`attr(data-column)`), the others the text it gives.
         const named = cell => cell.dataset.column && [JSON.stringify(cell.dataset.column), 'attr(data-column)']
             .includes(getComputedStyle(cell, '::before').content);
         return [cells.length, cells.filter(cell => !named(cell)).map(cell => cell.textContent)];",
        &[],
    );
    assert!(
        unnamed[0].as_u64() > Some(20),
        "the plan's cells at 360 px, {lang}: {unnamed}"
    );
    assert_eq!(
        unnamed[1],
        json!([]),
        "cells without their column's name at 360 px, {lang}"
    );
}

/// The label picker's names that take more than one line or run into their
/// box's padding.
fn broken_label_names(browser: &Browser) -> Value {
    browser.execute(
        "return [...document.querySelectorAll('.choice')].filter(choice => {
             const range = document.createRange();
             range.selectNodeContents(choice.lastChild);
             const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
             const inner = choice.getBoundingClientRect().right
                 - parseFloat(getComputedStyle(choice).paddingRight);
             return tops.size > 1 || choice.lastChild.getBoundingClientRect().right > inner + 0.5;
         }).map(choice => choice.textContent);",
        &[],
    )
}

/// The linear chart runs from no calls to about twice the current volume, says so
/// in its title, and draws both totals through the samples in that range,
/// the current volume's among them.
fn the_saving_chart_spans_about_twice_the_volume(kind: BrowserKind) {
    let page = open_at(kind, &format!("{LINKED}&lang=en"), 1280, 900);
    let chart = page.browser.testid("saving-chart");
    let high: u64 = chart
        .attr("data-high")
        .and_then(|high| high.parse().ok())
        .unwrap_or_default();
    // The first sample at twice the volume or more: twelve samples a decade.
    assert!((12_100..12_100 * 6 / 5).contains(&high), "{high}");
    let title = page.browser.text("[data-testid=saving-chart] figcaption");
    let words = format!(
        "0 to {} calls a month",
        calculator::format::grouped_calls(high.into())
    );
    assert!(title.contains(&words), "{title}");
    let segments = page.browser.execute(
        "return [...document.querySelectorAll('[data-testid=saving-chart] path.line')]
             .map(line => line.getAttribute('d').split(' L').length);",
        &[],
    );
    let counts: Vec<u64> = segments
        .as_array()
        .map(|all| all.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default();
    assert_eq!(counts.len(), 2, "two lines: {segments}");
    assert!(
        counts.iter().all(|&n| n >= 10),
        "points per line: {segments}"
    );
}
