//! What the calculator's browser tests share: expected figures come from
//! the pricing engine, never from numbers written into the tests.

#![allow(dead_code)]

use std::time::Duration;

use calculator::{decode, format};
use e2e::{keys, Browser, BrowserKind, Element};
use pricing::{Estimate, PriceBook};
use rust_decimal::Decimal;

/// One test per scenario and engine: `chromium::<scenario>`, `firefox::<scenario>` and
/// `webkit::<scenario>`.
#[allow(unused_macros)]
macro_rules! in_every_engine {
    ($($scenario:ident),* $(,)?) => {
        mod chromium {
            $( #[test] fn $scenario() { super::$scenario(e2e::BrowserKind::Chromium) } )*
        }
        mod firefox {
            $( #[test] fn $scenario() { super::$scenario(e2e::BrowserKind::Firefox) } )*
        }
        mod webkit {
            $( #[test] fn $scenario() { super::$scenario(e2e::BrowserKind::Webkit) } )*
        }
    };
}
#[allow(unused_imports)]
pub(crate) use in_every_engine;

/// How long a figure may take to follow an input (WebKit under Xvfb is the slowest).
/// The searched plan of a large scenario may take seconds in the background
/// (the exact program works up to its limit, about 2.5 s natively, before the
/// search over runs' plan stands): waits end as soon as the page is there.
pub const SETTLE: Duration = Duration::from_secs(30);

/// The figures the engine gives for the scenario of a query string.
pub fn engine_estimate(query: &str) -> Estimate {
    let (page, _) = decode(query);
    let optimizer = pricing::Optimizer::embedded().expect("the price book parses");
    Estimate::new(optimizer, &page.scenario).expect("a plan")
}

/// The labels' names in English, in `Label::ALL`'s order, as the page shows them.
pub const ENGLISH_LABEL_NAMES: [&str; 4] = [
    "WeChat liveness verification",
    "WeChat liveness comparison",
    "General liveness verification",
    "General liveness comparison",
];

/// The embedded price book.
pub fn book() -> &'static PriceBook {
    PriceBook::embedded().expect("the price book parses")
}

/// Opens the calculator at a query string in the browser `E2E_BROWSER` names
/// (Chromium unless set), waiting for the figures to render.
pub fn open(query: &str) -> Browser {
    open_in(BrowserKind::selected(), query)
}

/// Opens the calculator at a query string in `kind` at 1280×900, waiting for the
/// figures to render and the searched plan to replace the quick one.
pub fn open_in(kind: BrowserKind, query: &str) -> Browser {
    let browser = open_sized(kind, 1280, 900);
    browser.goto(&format!("/{query}"));
    browser.testid("postpaid-month");
    settled(&browser);
    browser
}

/// Waits until the live page (`html[data-live]`, not the pre-rendered one)
/// shows the searched plan in place of the quick yearly one: the panel then
/// stops growing, so a click lands where it was aimed (WebKit's driver aims
/// before it clicks).
///
/// A page that has failed (`html[data-failed]`, static/boot.js) never refines:
/// it is reported as failed at once instead of as a timeout.
pub fn settled(browser: &Browser) {
    e2e::wait_until("the refined plan", SETTLE, || {
        browser
            .find_all(
                "html[data-failed], html[data-live] [data-testid=best-proof][data-refined=true]",
            )
            .len()
            == 1
    });
    assert!(
        browser.find_all("html[data-failed]").is_empty(),
        "the page failed (html[data-failed]) instead of refining its plan"
    );
}

/// A `kind` session with a `width`×`height` viewport on the release bundle, before it
/// has opened a page.
pub fn open_sized(kind: BrowserKind, width: u32, height: u32) -> Browser {
    let base = e2e::server::bundle_server("/").base_url();
    let mut browser = Browser::open_with(kind, &base, width, height);
    browser.set_find_timeout(SETTLE);
    browser
}

/// The plain figure of an amount hook: the `value` of its `<data>` element.
pub fn amount(browser: &Browser, hook: &str) -> String {
    browser.testid(hook).attr("value").unwrap_or_default()
}

/// [`amount`] for polling: `None` while the hook is missing or being re-rendered.
fn try_amount(browser: &Browser, hook: &str) -> Option<String> {
    let element = browser
        .try_find(&format!("[data-testid=\"{hook}\"]"))
        .ok()??;
    element.try_attr("value").ok()?
}

/// Waits until an amount hook holds `expected` to the fen, and checks that
/// its text shows the same amount formatted for people, once.
pub fn wait_for_amount(browser: &Browser, hook: &str, expected: Decimal) {
    let plain = format::plain(expected);
    e2e::wait_until(&format!("{hook} = {plain}"), SETTLE, || {
        try_amount(browser, hook).as_deref() == Some(plain.as_str())
    });
    let element = browser.testid(hook);
    assert_eq!(element.prop("tagName"), serde_json::json!("DATA"), "{hook}");
    let shown = element.prop("textContent");
    let shown = shown.as_str().unwrap_or_default();
    let formatted = shown.contains(&format::grouped(expected));
    let with_currency = shown.contains('元') || shown.contains('¥');
    assert!(
        formatted && with_currency,
        "{hook} shows {shown:?} for {plain}"
    );
}

/// Waits until the postpaid figures equal the engine's for `query`.
pub fn expect_postpaid(browser: &Browser, query: &str) -> Estimate {
    let estimate = engine_estimate(query);
    wait_for_amount(browser, "postpaid-month", estimate.postpaid_first_month());
    wait_for_amount(browser, "postpaid-total", estimate.postpaid_total());
    estimate
}

/// Waits until the page's URL contains `part`.
pub fn wait_for_url(browser: &Browser, what: &str, part: &str) {
    e2e::wait_until(what, SETTLE, || browser.current_url().contains(part));
}

/// Replaces a text field's content by typing, as a person would.
pub fn type_into(field: &Element<'_>, text: &str) {
    field.send_keys(&format!("{}a{}", keys::CONTROL, keys::CONTROL));
    field.send_keys(keys::BACKSPACE);
    field.send_keys(text);
}

/// Fails if the page logged an error or a panic, made a request it must not, or
/// shows NaN anywhere. (Closing the browser checks the first two again.)
pub fn assert_healthy(browser: &Browser) {
    browser.assert_clean();
    let body = browser.text("body");
    assert!(!body.contains("NaN"), "the page shows NaN: {body}");
}

/// Waits until the recommendation's hooks equal the engine's for `query`.
pub fn expect_best(browser: &Browser, query: &str) -> Estimate {
    let estimate = engine_estimate(query);
    wait_for_amount(browser, "best-total", estimate.best_total());
    // The yearly plans stand in until the search over every month is done;
    // their total may already be the cheapest's.
    settled(browser);
    wait_for_amount(browser, "best-total", estimate.best_total());
    wait_for_amount(browser, "best-saving", estimate.saving_against_postpaid());
    estimate
}

/// Fails unless the panel's plan names every order of the engine's best
/// plan, in purchase order, as its month (from 1) and "count × pack size".
pub fn assert_plan_in_words(browser: &Browser, estimate: &Estimate) {
    let plan = browser.testid("best-plan").text();
    let mut rest = plan.as_str();
    for order in &estimate.main().best.orders {
        let month = (order.month + 1).to_string();
        let at = rest
            .find(&month)
            .unwrap_or_else(|| panic!("{plan} should name month {month}"));
        rest = &rest[at + month.len()..];
        for purchase in &order.purchases {
            let words = format!(
                "{} × {}",
                format::grouped_calls(purchase.count.into()),
                format::grouped_calls(purchase.pack.calls.into())
            );
            let at = rest
                .find(&words)
                .unwrap_or_else(|| panic!("{plan} should say {words} after month {month}"));
            rest = &rest[at + words.len()..];
        }
    }
}

/// Clicks a download button and returns the bytes of the Blob the page made for it.
pub fn downloaded_blob(browser: &Browser, button: &str) -> Vec<u8> {
    browser.execute(
        "window.__blobs = []; const make = URL.createObjectURL.bind(URL);
         URL.createObjectURL = blob => { window.__blobs.push(blob); return make(blob); };",
        &[],
    );
    browser.testid(button).click();
    let bytes = browser.execute_async(
        "const done = arguments[arguments.length - 1];
         const wait = () => window.__blobs.length
           ? window.__blobs[0].arrayBuffer().then(b => done(Array.from(new Uint8Array(b))))
           : setTimeout(wait, 20);
         wait();",
        &[],
    );
    serde_json::from_value(bytes).expect("the download's bytes")
}

/// The current value of the form control `css` selects, as text.
pub fn field_value(browser: &Browser, css: &str) -> String {
    let value = browser.find(css).prop("value");
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_string)
}

/// The release bundle plus one page of its own, [`FramedSite::PAGE`], that
/// frames the calculator at a size and query, served from a temporary folder
/// removed on drop. Firefox's and WebKit's windows cannot be as narrow as a
/// phone; inside the frame the page lays itself out exactly as in a viewport
/// of the frame's size (its media queries and `vw` units answer to the frame).
/// The frame is in the host page's markup: WebKitGTK can hang a command that
/// arrives while a frame that a script made is still loading.
pub struct FramedSite {
    /// Serves the folder.
    pub server: e2e::StaticServer,
    dir: std::path::PathBuf,
}

impl FramedSite {
    /// The host page's path; its frame is `#shot`.
    pub const PAGE: &'static str = "framed.html";

    /// Serves the bundle with a host page framing `query` at `width`×`height`.
    pub fn start(query: &str, width: u32, height: u32) -> FramedSite {
        let dir = e2e::fresh_temp_dir("framed-site");
        let bundle = e2e::bundle::dist();
        for entry in std::fs::read_dir(bundle).expect("the bundle's folder") {
            let from = entry.expect("a bundle file").path();
            if from.is_file() {
                let to = dir.join(from.file_name().expect("a file name"));
                std::fs::copy(&from, to).expect("copy a bundle file");
            }
        }
        let page = format!(
            r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>The calculator, {width} px wide</title>
  <link rel="icon" href="data:,">
  <style>body {{ margin: 0; }}</style>
</head>
<body>
  <iframe id="shot" title="The calculator, {width} px wide" src="./{query}"
    width="{width}" height="{height}" frameborder="0"></iframe>
</body>
</html>
"#
        );
        std::fs::write(dir.join(Self::PAGE), page).expect("write the host page");
        let server = e2e::StaticServer::start(&dir, "/").expect("serve the framed site");
        FramedSite { server, dir }
    }
}

impl Drop for FramedSite {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A page at a viewport's size: the browser, in the frame where the engine
/// needs one, and the site serving that frame (dropped after the browser).
pub struct SizedPage {
    /// The session, switched into the frame when there is one.
    pub browser: Browser,
    /// The framing site, where the engine's window cannot be that narrow.
    pub site: Option<FramedSite>,
}

/// Opens the calculator at `query` in a `width`×`height` viewport, framed
/// where `kind`'s window cannot be that narrow, and waits for the searched plan.
pub fn open_at(kind: BrowserKind, query: &str, width: u32, height: u32) -> SizedPage {
    if width >= e2e::browser::min_width(kind) {
        let browser = open_sized(kind, width, height);
        browser.goto(&format!("/{query}"));
        settled(&browser);
        return SizedPage {
            browser,
            site: None,
        };
    }
    let site = FramedSite::start(query, width, height);
    // Room below the frame, which grows to the page's height for a whole-page shot.
    let mut browser = Browser::open_with(kind, &site.server.base_url(), 1280, height + 1000);
    browser.set_find_timeout(SETTLE);
    // The load includes the frame's.
    browser.goto(FramedSite::PAGE);
    {
        let frame = browser.find("#shot");
        browser.enter_frame(&frame);
    }
    settled(&browser);
    let inner = browser.execute("return [innerWidth, innerHeight];", &[]);
    assert_eq!(
        inner,
        serde_json::json!([width, height]),
        "the frame is the viewport"
    );
    SizedPage {
        browser,
        site: Some(site),
    }
}
