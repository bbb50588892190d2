//! The core scenarios, each in Chromium, Firefox ESR and WebKitGTK (`chromium::…`,
//! `firefox::…`, `webkit::…`): a URL's scenario, the slider and the typed volume across
//! the 1000-call cliff, notices for a malformed URL, the recommendation, the CSV and JSON
//! downloads, the embedded frames' resize messages and pins that survive a reload; that
//! the console and network guard sees what the page logs; and screenshots at 1280 and
//! 360 px, saved under `target/screenshots/<engine>/`. The rest of the suite runs in
//! Chromium only.
//!
//! Expected figures come from the engine (`pricing`), apart from two hand-checked ones.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use calculator::pinned::PINS_KEY;
use calculator::{format, slider};
use common::{
    amount, assert_healthy, assert_plan_in_words, downloaded_blob, expect_best, expect_postpaid,
    open_at, open_in, open_sized, settled, type_into, wait_for_url, SETTLE,
};
use e2e::{keys, Browser, BrowserKind, Element};
use serde_json::{json, Value};

common::in_every_engine!(
    a_url_loads_its_scenario,
    typing_a_volume_crosses_the_1000_call_cliff,
    the_slider_crosses_the_1000_call_cliff,
    a_malformed_url_shows_notices_and_valid_figures,
    the_recommendation_matches_the_engine,
    the_csv_and_json_downloads_match_the_page,
    the_embedded_frames_fit_their_calculators,
    pins_survive_a_reload,
    the_guard_sees_what_the_page_logs,
    screenshots_at_1280_and_360,
    a_link_fetches_its_wasm_while_the_page_is_parsed,
);

/// A linked scenario needs the wasm for its figures: static/boot.js preloads
/// it while the HTML is parsed, and the loader's fetch takes that download
/// over instead of starting another: the wasm is downloaded once in every
/// engine. Chromium's resource timings name the initiator: the preload link
/// on a linked page, the loader's fetch on the default page (complete
/// without the wasm, it fetches it after its first paint). Firefox leaves a
/// download taken over from a preload out of its timings, and WebKit names
/// the fetch that took it over.
fn a_link_fetches_its_wasm_while_the_page_is_parsed(kind: BrowserKind) {
    for (query, initiator) in [("?volume=6050&months=24", "link"), ("", "fetch")] {
        let browser = open_in(kind, query);
        let fetched = browser.execute(
            "return performance.getEntriesByType('resource')
                 .filter(entry => entry.name.endsWith('.wasm'))
                 .map(entry => entry.initiatorType);",
            &[],
        );
        let downloads = fetched.as_array().map_or(0, Vec::len);
        assert!(
            downloads <= 1,
            "the wasm downloaded twice for {query:?}: {fetched}"
        );
        if kind == BrowserKind::Chromium {
            assert_eq!(
                fetched,
                json!([initiator]),
                "the wasm's download for {query:?}"
            );
        }
        assert_healthy(&browser);
    }
}

// ---------------------------------------------------------------------------------------
// Scenarios

fn a_url_loads_its_scenario(kind: BrowserKind) {
    let query = "?label=wechat-compare&volume=250000&months=24&price=list&lang=en";
    let browser = open_in(kind, query);
    let estimate = expect_postpaid(&browser, query);
    assert_eq!(estimate.main().postpaid.months.len(), 24);
    assert_eq!(browser.find("#months").prop("value"), json!("24"));
    let label = browser.find("input[name=label][value=wechat-compare]");
    assert_eq!(label.prop("checked"), json!(true));
    let price = browser.find("input[name=price][value=list]");
    assert_eq!(price.prop("checked"), json!(true));
    let lang = browser.execute("return document.documentElement.lang", &[]);
    assert_eq!(lang, json!("en"));
    assert!(browser.find_all("[data-testid=notice]").is_empty());
    assert_healthy(&browser);
}

fn typing_a_volume_crosses_the_1000_call_cliff(kind: BrowserKind) {
    let browser = open_in(kind, "?volume=1000");
    expect_postpaid(&browser, "?volume=1000");
    // Hand-checked against the announcement: 1 000 calls at 0.96, 1 001 at 0.88.
    assert_eq!(amount(&browser, "postpaid-month"), "960.00");
    type_into(&browser.find("#volume"), "1001");
    expect_postpaid(&browser, "?volume=1001");
    assert_eq!(amount(&browser, "postpaid-month"), "880.88");
    wait_for_url(&browser, "volume=1001 in the URL", "volume=1001");
    assert_healthy(&browser);
}

fn the_slider_crosses_the_1000_call_cliff(kind: BrowserKind) {
    let query = "?volume=1000&label=wechat-compare";
    let browser = open_in(kind, query);
    expect_postpaid(&browser, query);
    let at_cliff = slider::position_of(1000);
    let slider = browser.testid("volume-slider");
    slider.send_keys(keys::ARROW_RIGHT);
    let next = slider::volume_at(at_cliff + 1);
    assert!(next > 1000, "one step right crosses the cliff");
    expect_postpaid(&browser, &format!("?volume={next}&label=wechat-compare"));
    let field = browser.find("#volume");
    assert_eq!(field.prop("value"), json!(next.to_string()));
    slider.send_keys(&keys::ARROW_LEFT.repeat(2));
    let below = slider::volume_at(at_cliff - 1);
    expect_postpaid(&browser, &format!("?volume={below}&label=wechat-compare"));
    wait_for_url(
        &browser,
        "the slider's volume in the URL",
        &format!("volume={below}"),
    );
    slider.send_keys(keys::END);
    expect_postpaid(&browser, "?volume=1000000000&label=wechat-compare");
    assert_healthy(&browser);
}

fn a_malformed_url_shows_notices_and_valid_figures(kind: BrowserKind) {
    let browser = open_in(kind, "?volume=12abc&months=99&label=wechat&price=");
    let notices: Vec<String> = browser
        .find_all("[data-testid=notice]")
        .iter()
        .map(Element::text)
        .collect();
    assert_eq!(notices.len(), 4, "{notices:?}");
    for (notice, param) in notices.iter().zip(["volume", "months", "label", "price"]) {
        assert!(notice.contains(param), "{notice} should name {param}");
    }
    assert!(
        notices[0].contains("10000"),
        "says what it used: {}",
        notices[0]
    );
    expect_postpaid(&browser, "");
    // The URL is rewritten to the values in force.
    wait_for_url(&browser, "a clean URL", "volume=10000&months=12");
    assert_healthy(&browser);
}

fn the_recommendation_matches_the_engine(kind: BrowserKind) {
    // One 5 000 pack and 1 050 calls postpaid beat both alternatives.
    let query = "?label=general-verify&volume=6050&months=1&lang=en";
    let browser = open_in(kind, query);
    let estimate = expect_best(&browser, query);
    assert!(
        estimate.saving_against_postpaid() > rust_decimal::Decimal::ZERO,
        "the scenario is one where packs win"
    );
    expect_postpaid(&browser, query);
    assert_plan_in_words(&browser, &estimate);
    assert_healthy(&browser);
}

/// The file the browser saved in `dir` with this extension, once it is whole.
fn saved_file(dir: &Path, extension: &str) -> Vec<u8> {
    let mut found = None;
    e2e::wait_until(
        &format!("a .{extension} file in {}", dir.display()),
        SETTLE,
        || {
            let entries = std::fs::read_dir(dir).expect("the download folder");
            let names: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            let partial = names
                .iter()
                .any(|p| p.extension().is_some_and(|e| e == "part"));
            found = names
                .into_iter()
                .find(|p| p.extension().is_some_and(|e| e == extension));
            found.is_some() && !partial
        },
    );
    let path = found.expect("found");
    let bytes = std::fs::read(&path).expect("the saved file");
    std::fs::remove_file(&path).expect("remove the saved file");
    bytes
}

fn the_csv_and_json_downloads_match_the_page(kind: BrowserKind) {
    let query = "?label=wechat-verify&volume=30000&months=18&growth=2.5&legacy=10000";
    let browser = open_in(kind, query);
    let estimate = expect_best(&browser, query);
    expect_postpaid(&browser, query);
    let best_total = amount(&browser, "best-total");
    assert_eq!(best_total, calculator::format::plain(estimate.best_total()));

    let csv_bytes = downloaded_blob(&browser, "download-csv");
    let csv = String::from_utf8(csv_bytes.clone()).expect("UTF-8");
    assert!(
        csv.starts_with('\u{feff}'),
        "a BOM for spreadsheet programs"
    );
    // The scenario in words and its link, a blank line, then the table, in
    // the page's language (Chinese here) with the labels' ids beside their names.
    let body = csv.trim_start_matches('\u{feff}');
    let (about, table) = body.split_once("\r\n\r\n").expect("lines above the table");
    assert!(
        about.starts_with("场景,") && about.contains("链接,http"),
        "{about}"
    );
    let rows: Vec<Vec<&str>> = table
        .lines()
        .map(|line| line.split(',').collect())
        .collect();
    assert_eq!(rows[0][0], "行类型");
    let amount_column = rows[0].len() - 1;
    let total = rows.last().expect("a total row");
    assert_eq!(
        (total[0], total[amount_column]),
        ("合计", best_total.as_str())
    );
    let months = rows.iter().filter(|row| row[0] == "月份").count();
    assert_eq!(months, 18);
    assert!(rows[1..].iter().all(|row| row[4] == "wechat-verify"));
    // The browser saved a file, and the file is the Blob.
    let dir = browser.download_dir();
    assert_eq!(
        saved_file(&dir, "csv"),
        csv_bytes,
        "the saved CSV is the Blob"
    );

    let json_bytes = downloaded_blob(&browser, "download-json");
    let exported: Value = serde_json::from_slice(&json_bytes).expect("valid JSON");
    let schema = calculator::downloads::EXPORT_SCHEMA_VERSION;
    assert_eq!(exported["schema_version"], json!(schema));
    assert_eq!(exported["recommended"]["total"], json!(best_total));
    let postpaid_total = amount(&browser, "postpaid-total");
    assert_eq!(exported["postpaid_only"]["total"], json!(postpaid_total));
    assert_eq!(exported["scenario"]["legacy"], json!(10000));
    assert_eq!(
        saved_file(&dir, "json"),
        json_bytes,
        "the saved JSON is the Blob"
    );
    let status = browser.testid("share-status").text();
    assert!(
        status.contains("JSON") || status.contains("下载"),
        "the page says what it saved: {status}"
    );
    assert_healthy(&browser);
}

/// The query strings of the example page's two frames, in page order.
const EMBED_PRESETS: [&str; 2] = [
    "?embed=1&label=wechat-verify&volume=1000",
    "?embed=1&label=general-compare&volume=250000&months=24&lang=en",
];

fn the_embedded_frames_fit_their_calculators(kind: BrowserKind) {
    let browser = open_sized(kind, 1280, 900);
    browser.goto("embed-example.html");
    let frames = browser.find_all("iframe.faceid-calculator");
    assert_eq!(frames.len(), 2, "the example frames two calculators");
    for (frame, preset) in frames.iter().zip(EMBED_PRESETS) {
        // As written in the page (WebKitWebDriver answers an attribute read with the
        // resolved URL).
        let src = browser.execute(
            "return arguments[0].getAttribute('src')",
            &[frame.to_json()],
        );
        assert_eq!(src, json!(format!("./{preset}")));
        assert!(frame.attr("title").is_some_and(|t| !t.is_empty()));
        browser.enter_frame(frame);
        expect_postpaid(&browser, preset);
        browser.leave_frame();
    }
    wait_until_frames_fit(&browser);
    // Narrower, the content reflows taller and the frames follow (as narrow as the
    // engine's window goes: Firefox and WebKit have a minimum).
    browser.set_window_size(browser.min_width().max(375), 800);
    wait_until_frames_fit(&browser);
    assert_healthy(&browser);
}

/// Polls until every frame is as tall as its calculator's document (within 3 px) and
/// taller than an iframe nobody resized (150 px).
fn wait_until_frames_fit(browser: &Browser) {
    let deadline = Instant::now() + SETTLE;
    loop {
        let heights = browser.execute(
            "return Array.from(document.querySelectorAll('iframe.faceid-calculator'), (frame) => {
                const html = frame.contentDocument && frame.contentDocument.documentElement;
                const content = html ? Math.ceil(html.getBoundingClientRect().height) : 0;
                return [frame.clientHeight, content];
            });",
            &[],
        );
        let fit = |row: &Value| {
            let frame = row[0].as_u64().unwrap_or_default();
            let content = row[1].as_u64().unwrap_or_default();
            frame > 150 && frame.abs_diff(content) <= 3
        };
        if heights.as_array().is_some_and(|rows| rows.iter().all(fit)) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the frames did not take their calculators' heights in {:?} within {SETTLE:?} \
             (docs/contracts.md, \"Embedding\"); [frame, content] heights: {heights}",
            browser.kind()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn pins_survive_a_reload(kind: BrowserKind) {
    let browser = open_in(kind, "?volume=5000&lang=en");
    let pins = || browser.find_all("[data-testid=open-pin]").len();
    browser.execute(&format!("localStorage.removeItem('{PINS_KEY}')"), &[]);
    browser.goto("/?volume=5000&lang=en");
    settled(&browser);
    browser.testid("pin").click();
    e2e::wait_until("one pin", SETTLE, || pins() == 1);
    browser.testid("volume-slider").send_keys(keys::END);
    wait_for_url(&browser, "the top volume", "volume=1000000000");
    browser.testid("pin").click();
    e2e::wait_until("two pins", SETTLE, || pins() == 2);
    browser.goto("/?volume=777&lang=en");
    e2e::wait_until("two pins after a reload", SETTLE, || pins() == 2);
    settled(&browser);
    let listed = browser.testid("pins").text();
    assert!(
        listed.contains("5,000") && listed.contains("1,000,000,000"),
        "{listed}"
    );
    // Each pin's plan is searched after the page shows (a task at a time), then listed.
    for query in ["volume=5000", "volume=1000000000"] {
        let best = format::grouped(common::engine_estimate(query).best_total());
        e2e::wait_until("the pins' searched totals", SETTLE, || {
            browser.testid("pins").text().contains(&best)
        });
    }
    // Opening a pin loads its scenario.
    browser.find_all("[data-testid=open-pin]")[0].click();
    wait_for_url(&browser, "the pinned volume", "volume=5000&");
    expect_best(&browser, "?volume=5000");
    assert_healthy(&browser);
}

/// The guard is what fails a test whose page logs an error or loads a missing file: it
/// must see both in this engine.
fn the_guard_sees_what_the_page_logs(kind: BrowserKind) {
    let browser = open_in(kind, "?volume=1000");
    browser.execute(
        "console.error('e2e: a provoked error');
         setTimeout(() => { throw new Error('e2e: a provoked exception'); }, 0);
         Promise.reject(new Error('e2e: a provoked rejection'));
         const image = document.createElement('img');
         image.alt = '';
         image.src = 'no-such-file.png';
         document.head.append(image);",
        &[],
    );
    let needles = [
        "e2e: a provoked error",
        "e2e: a provoked exception",
        "e2e: a provoked rejection",
        "no-such-file.png",
    ];
    let mut problems = Vec::new();
    let has = |problems: &[String], needle: &str| problems.iter().any(|p| p.contains(needle));
    let deadline = Instant::now() + SETTLE;
    while !needles.iter().all(|needle| has(&problems, needle)) {
        assert!(
            Instant::now() < deadline,
            "the guard of {kind:?} missed some of {needles:?}; it saw {problems:#?}"
        );
        problems.extend(browser.problems());
        std::thread::sleep(Duration::from_millis(50));
    }
    // Each problem is reported once: the session now closes clean.
    std::thread::sleep(Duration::from_millis(300));
    let late: Vec<String> = browser.problems();
    assert!(
        late.iter().all(|p| p.contains("no-such-file.png")),
        "unexpected: {late:?}"
    );
}

/// The scenario of the screenshots (the same as Chromium's suite takes).
const SCREENSHOT_QUERY: &str = "?label=general-verify&volume=6050&months=24";

/// Saves, under `target/screenshots/<engine>/`, in Chinese and in English
/// (`-en`): the whole page at 1280 and at 360 px (`calculator-1280.png`,
/// `calculator-360.png`), and the first screen of a 390 × 844 phone
/// (`phone-390.png`), as a phone shows it. Where the engine's window cannot
/// be that narrow (Firefox, WebKit), the page is framed at that width in a
/// page of its own origin and the frame's part of the viewport is shot:
/// inside the frame the page lays itself out exactly as in a viewport of
/// the frame's size (its media queries and `vw` units answer to the frame).
fn screenshots_at_1280_and_360(kind: BrowserKind) {
    let folder = e2e::workspace_root()
        .join("target/screenshots")
        .join(kind.name());
    std::fs::create_dir_all(&folder).expect("a folder for screenshots");
    for (lang, suffix) in [("", ""), ("&lang=en", "-en")] {
        let query = format!("{SCREENSHOT_QUERY}{lang}");
        let wide = open_sized(kind, 1280, 2000);
        wide.goto(&format!("/{query}"));
        wide.testid("cost-chart");
        expect_postpaid(&wide, &query);
        let height = fit_viewport_to_page(&wide, 1280);
        let path = folder.join(format!("calculator-1280{suffix}.png"));
        wide.screenshot_png(&path);
        assert_eq!(png_size(&path), (1280, height));
        assert_healthy(&wide);
        drop(wide);
        let path = folder.join(format!("calculator-360{suffix}.png"));
        shoot_narrow(kind, &query, (360, 6000), true, &path);
        let path = folder.join(format!("phone-390{suffix}.png"));
        shoot_narrow(kind, &query, (390, 844), false, &path);
        assert_eq!(png_size(&path), (390, 844));
    }
}

/// Shoots the page at `query` in a `size` viewport (framed where the engine
/// needs it): the whole page if `whole`, else the viewport as it is.
fn shoot_narrow(kind: BrowserKind, query: &str, size: (u32, u32), whole: bool, path: &Path) {
    let (width, height) = size;
    let page = open_at(kind, query, width, height);
    let browser = &page.browser;
    browser.testid("cost-chart");
    expect_postpaid(browser, query);
    if page.site.is_none() {
        let height = if whole {
            fit_viewport_to_page(browser, width)
        } else {
            height
        };
        browser.screenshot_png(path);
        assert_eq!(png_size(path), (width, height));
        assert_healthy(browser);
        return;
    }
    browser.leave_frame();
    // As tall as the page if the whole page is wanted, so that the shot ends
    // where the page does.
    let rect = browser.execute(
        "const frame = document.getElementById('shot');
         if (arguments[0]) {
             const page = frame.contentDocument.documentElement;
             frame.height = String(Math.ceil(page.getBoundingClientRect().height));
         }
         const box = frame.getBoundingClientRect();
         return [box.left, box.top, box.width, box.height].map(Math.round);",
        &[json!(whole)],
    );
    let side = |at: usize| rect[at].as_u64().and_then(|n| u32::try_from(n).ok());
    let (Some(x), Some(y), Some(shot_width), Some(shot_height)) =
        (side(0), side(1), side(2), side(3))
    else {
        panic!("the frame's box is not four whole numbers: {rect}");
    };
    assert!(
        y + shot_height <= browser.viewport().1,
        "the frame fits in the viewport"
    );
    // From a screenshot of the viewport: an element screenshot of a frame comes out
    // partly black in WebKit.
    browser.screenshot_region_png(path, (x, y), (shot_width, shot_height));
    assert_healthy(browser);
    assert_eq!(png_size(path).0, width);
}

/// Makes the viewport `width` wide and exactly as tall as the page, so that a screenshot
/// of it shows the whole page and ends where the page does; returns that height. A few
/// tries: the page can reflow when its scroll bar goes away.
fn fit_viewport_to_page(browser: &Browser, width: u32) -> u32 {
    let page_height = || {
        let value = browser.execute(
            "return Math.ceil(document.documentElement.getBoundingClientRect().height)",
            &[],
        );
        let height = value.as_u64().and_then(|h| u32::try_from(h).ok());
        height.unwrap_or_else(|| panic!("the page's height is not a whole number: {value}"))
    };
    for _ in 0..3 {
        let height = page_height();
        if browser.viewport() == (width, height) {
            return height;
        }
        browser.set_window_size(width, height);
    }
    let height = page_height();
    assert_eq!(
        browser.viewport(),
        (width, height),
        "the viewport does not settle at the page's height"
    );
    height
}

/// Width and height from a PNG file's IHDR chunk.
fn png_size(path: &Path) -> (u32, u32) {
    let png = std::fs::read(path).expect("the screenshot");
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "{} is not a PNG",
        path.display()
    );
    let be = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().expect("4 bytes"));
    (be(16), be(20))
}
