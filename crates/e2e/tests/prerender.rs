//! The pre-rendered first screen (docs/performance.md): the release `index.html`
//! alone, as a client that runs no script receives it, shows the default scenario's
//! figures and the announcement's tables; the wasm then replaces it with the live page,
//! which starts exactly where the pre-rendered one stood;
//! and a link to another scenario never shows the default figures meanwhile.

mod common;

use calculator::format;
use common::{book, engine_estimate, expect_postpaid, settled, type_into};
use e2e::server::{bundle_server, get};
use e2e::{Browser, BrowserKind};
use pricing::{LabelPrices, Price};
use serde_json::{json, Value};

/// The release `index.html` as served, scripts not run.
fn served_html() -> String {
    let (status, _, body) = get(bundle_server("/"), "/", "content-type");
    assert_eq!(status, 200);
    String::from_utf8(body).expect("index.html is UTF-8")
}

/// The part of `html` from the first `from` to the next `to` after it.
fn between<'h>(html: &'h str, from: &str, to: &str) -> &'h str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("no {from:?} in the pre-rendered page"));
    let end = html[start..]
        .find(to)
        .unwrap_or_else(|| panic!("no {to:?} after {from:?}"));
    &html[start..start + end]
}

/// The two cells a price takes in the tables, list price then promotional price.
fn cells(price: Price) -> String {
    format!(
        r#"<td class="number">{}</td><td class="number">{}</td>"#,
        format::grouped_exact(price.list),
        format::grouped_exact(price.promo)
    )
}

/// Fails unless `part` holds the cells of every pack and every tier of `prices`.
fn assert_all_cells(part: &str, prices: &LabelPrices) {
    let packs = prices
        .packs
        .iter()
        .map(|pack| (format!("{} calls", pack.calls), pack.price));
    let tiers = prices
        .tiers
        .iter()
        .enumerate()
        .map(|(at, tier)| (format!("tier {at}"), tier.unit));
    for (what, price) in packs.chain(tiers) {
        assert!(part.contains(&cells(price)), "{:?}, {what}", prices.label);
    }
}

/// The `value` of the element carrying hook `testid`.
fn hook_value<'h>(html: &'h str, testid: &str) -> &'h str {
    let hook = format!(r#"data-testid="{testid}""#);
    let at = html.find(&hook).unwrap_or_else(|| panic!("no {hook}"));
    let tag_start = html[..at].rfind('<').unwrap_or(0);
    let tag_end = at + html[at..].find('>').unwrap_or(0);
    let value = html[tag_start..tag_end]
        .split(r#"value=""#)
        .nth(1)
        .unwrap_or_else(|| panic!("{hook} has no value"));
    &value[..value.find('"').unwrap_or(value.len())]
}

#[test]
fn the_html_alone_holds_the_default_figures_and_the_announcements_tables() {
    let html = served_html();
    let default = engine_estimate("");
    assert_eq!(
        hook_value(&html, "best-total"),
        format::plain(default.best_total())
    );
    assert_eq!(
        hook_value(&html, "postpaid-month"),
        format::plain(default.postpaid_first_month())
    );

    // The chosen label's pack and tier tables, as the live page first shows them.
    let chosen = book().label(pricing::Scenario::default().label);
    assert_all_cells(
        between(&html, r#"data-testid="pack-table""#, "</section>"),
        chosen,
    );

    // Without scripts: both tables with every label, as the announcement prints them.
    let scriptless = between(&html, "<noscript>", "</noscript>");
    assert!(
        scriptless.contains("JavaScript"),
        "says what the calculator needs"
    );
    for prices in book().labels() {
        assert_all_cells(scriptless, prices);
    }
    // Hand-checked against the announcement: 微信活体人脸核身, 100 次, 120 元 / 96 元;
    // 通用活体人脸比对 over 200,000 calls a month, 0.1 / 0.08 元 per call.
    assert!(scriptless.contains(
        r#"<th scope="row">100</th><td class="number">120</td><td class="number">96</td>"#
    ));
    assert!(scriptless.contains(r#"<td class="number">0.1</td><td class="number">0.08</td></tr>"#));
}

#[test]
fn the_pre_rendered_page_holds_nothing_the_csp_refuses() {
    let html = served_html();
    // The boot script alone is inline, allowed by its hash (tests/deploy.rs checks the hash).
    let inline_scripts = html
        .match_indices("<script")
        .map(|(at, _)| between(&html[at..], "<script", ">"))
        .filter(|tag| !tag.contains("src=") && !tag.contains("data-wasm"))
        .count();
    assert_eq!(inline_scripts, 0, "inline scripts in {html}");
    assert!(!html.contains(" style="), "inline style attributes");
    assert!(!html.contains("<style"), "inline style elements");
}

/// Chromium at 1280×900 on `path`, with `probe` run before any script of the page.
fn probed(probe: &str, path: &str) -> Browser {
    let browser = common::open_sized(BrowserKind::Chromium, 1280, 900);
    browser.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": probe }),
    );
    browser.goto(path);
    browser
}

/// Records where the pre-rendered page puts a few landmarks and its deferred
/// sections, then the same at the moment the live page has taken over (before
/// any later task, so before the browser could paint anything in between).
const TAKE_OVER_PROBE: &str = "
const landmarks = () => ['h1', '#volume', '[data-testid=best-total]', '[data-testid=cliff-note]',
    '[data-later=share] > *', '[data-later=tables] > *', 'footer']
  .map(css => document.querySelector('#app ' + css))
  .map(node => node && JSON.stringify(node.getBoundingClientRect()));
document.addEventListener('DOMContentLoaded', () => {
  window.__before = landmarks();
  window.__sections = [...document.querySelectorAll('#app [data-later]')];
  new MutationObserver((_, observer) => {
    if (!document.documentElement.hasAttribute('data-live')) return;
    observer.disconnect();
    window.__after = landmarks();
    window.__keptAtTakeOver = window.__sections.filter(node => node.isConnected).length;
    window.__namedAtTakeOver = window.__sections
      .filter(node => document.querySelector(`#app [data-later=${node.dataset.later}]`)).length;
  }).observe(document.documentElement, { attributes: true });
});";

#[test]
fn the_live_page_takes_over_without_moving_anything_and_works() {
    let browser = probed(TAKE_OVER_PROBE, "/");
    let before = browser.execute("return window.__before;", &[]);
    assert!(
        before
            .as_array()
            .is_some_and(|all| all.iter().all(Value::is_string)),
        "every landmark is pre-rendered: {before}"
    );
    assert_eq!(
        browser.execute("return window.__after;", &[]),
        before,
        "the live page's first frame puts everything where the pre-rendered one did"
    );
    let sections = browser.execute("return window.__sections.length;", &[]);
    assert!(sections.as_u64() > Some(2), "deferred sections: {sections}");
    assert_eq!(
        browser.execute("return window.__namedAtTakeOver;", &[]),
        sections,
        "no deferred section is missing when the live page takes over"
    );
    let kept = browser.execute("return window.__keptAtTakeOver;", &[]);
    assert!(
        kept.as_u64() > Some(0),
        "pre-rendered sections stand in until their live versions are rendered: {kept}"
    );
    settled(&browser);
    let replaced = "return window.__sections.every(node => !node.isConnected)
        && document.querySelectorAll('#app [data-later]').length === window.__sections.length;";
    assert_eq!(
        browser.execute(replaced, &[]),
        json!(true),
        "then each is replaced by its live version"
    );
    assert_eq!(browser.find_all("#app .page").len(), 1);
    type_into(&browser.find("#volume"), "5000");
    expect_postpaid(&browser, "?volume=5000");
    settled(&browser);
    common::assert_healthy(&browser);
    // A linked scenario is not the pre-rendered one: nothing of it is kept.
    browser.goto("/?volume=777");
    expect_postpaid(&browser, "?volume=777");
    assert_eq!(
        browser.execute("return window.__keptAtTakeOver;", &[]),
        json!(0),
        "a linked scenario keeps nothing of the default one"
    );
}

/// Records the order in which the live page renders its deferred sections.
const LATER_ORDER_PROBE: &str = "
window.__laterOrder = [];
new MutationObserver(records => {
  if (!document.documentElement.hasAttribute('data-live')) return;
  for (const record of records) for (const node of record.addedNodes) {
    if (node.nodeType !== 1) continue;
    for (const section of [node, ...node.querySelectorAll('[data-later]')]) {
      const name = section.dataset.later;
      if (name && !window.__laterOrder.includes(name)) window.__laterOrder.push(name);
    }
  }
}).observe(document, { childList: true, subtree: true });";

/// A link's reader waits for its figures: the live page renders the results
/// before the inputs.
#[test]
fn a_link_renders_its_figures_first() {
    let browser = probed(
        LATER_ORDER_PROBE,
        "/?label=general-verify&volume=6050&months=24",
    );
    settled(&browser);
    let order = browser.execute("return window.__laterOrder;", &[]);
    let names: Vec<&str> = order
        .as_array()
        .map(|all| all.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let at = |name: &str| names.iter().position(|n| *n == name);
    assert!(
        at("results").is_some() && at("results") < at("inputs"),
        "the results after the inputs: {order}"
    );
}

/// Records every total the live page shows as its headline, and whether its
/// plan was the searched one (`best-proof`'s `data-refined`) when it did.
const HEADLINE_PROBE: &str = "
window.__headlines = [];
new MutationObserver(() => {
  if (!document.documentElement.hasAttribute('data-live')) return;
  const total = document.querySelector('[data-testid=best-total]');
  const proof = document.querySelector('[data-testid=best-proof]');
  const seen = total && [total.getAttribute('value'), proof && proof.dataset.refined];
  const last = window.__headlines[window.__headlines.length - 1];
  if (seen && (!last || last[0] !== seen[0])) window.__headlines.push(seen);
}).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });";

/// A linked scenario too large to plan at once (36 months of growth, a
/// season, four channels): its headline total first appears with the
/// searched plan and never changes, though the yearly plan stands in first.
#[test]
fn a_links_headline_total_never_changes() {
    let query = "/?months=36&growth=2&promo_months=6&profile=1,1,1,1,1,1,1,1,1,1,3,1\
                 &extra=general-verify:5000,wechat-compare:3000,general-compare:2000";
    let browser = probed(HEADLINE_PROBE, query);
    settled(&browser);
    let headlines = browser.execute("return window.__headlines;", &[]);
    let shown = headlines.as_array().map_or(0, Vec::len);
    assert_eq!(shown, 1, "the headline totals shown: {headlines}");
    assert_eq!(headlines[0][1], json!("true"), "{headlines}");
    assert!(
        browser
            .find_all("[data-testid=best-total-pending]")
            .is_empty(),
        "the stand-in's place is taken"
    );
}

/// Fails unless each problem the page reported names one of `expected`.
fn assert_only_problems(browser: &Browser, expected: &[&str]) {
    let problems = browser.problems();
    let foreseen = |problem: &String| expected.iter().any(|part| problem.contains(part));
    assert!(problems.iter().all(foreseen), "{problems:?}");
}

/// Whether every element matching `css` is rendered visibly (false if none is).
fn shown(browser: &Browser, css: &str) -> bool {
    let js = "const all = [...document.querySelectorAll(arguments[0])];
              return all.length > 0 && all.every(e => e.checkVisibility({ visibilityProperty: true }));";
    browser.execute(js, &[json!(css)]) == json!(true)
}

/// Opens `query` with the wasm refused, so the pre-rendered screen stays, and
/// returns the browser and whether the default scenario's figures are displayed.
fn first_screen_only(query: &str) -> (Browser, bool, bool) {
    let browser = common::open_sized(BrowserKind::Chromium, 1280, 900);
    browser.cdp("Network.enable", json!({}));
    browser.cdp("Network.setBlockedURLs", json!({ "urls": ["*.wasm"] }));
    browser.goto_first_screen(&format!("/{query}"));
    let figures = shown(&browser, "[data-testid=best-total]");
    // Waiting for the linked scenario, or (the wasm refused) saying the
    // calculator could not start, which replaces the wait (static/boot.js).
    let waiting = shown(&browser, ".linked-wait") || shown(&browser, ".failure");
    // The refused wasm (its request, and the loader's failed fetch) is the only
    // problem the page may report; the loader reports it after the first paint,
    // at a moment that varies, so the test waits for it.
    let mut seen = Vec::new();
    e2e::wait_until("the loader's failed fetch", common::SETTLE, || {
        seen.extend(browser.problems());
        seen.iter()
            .any(|problem| problem.contains("Failed to fetch"))
    });
    let foreseen =
        |problem: &String| problem.contains("_bg.wasm") || problem.contains("Failed to fetch");
    assert!(seen.iter().all(foreseen), "{seen:?}");
    (browser, figures, waiting)
}

#[test]
fn a_link_to_another_scenario_never_shows_the_default_figures() {
    let (plain, figures, _) = first_screen_only("");
    assert!(
        figures && !shown(&plain, ".linked-wait"),
        "the default link shows its figures at once"
    );
    let (linked, figures, waiting) = first_screen_only("?volume=5000&label=general-verify");
    assert!(
        !figures && waiting,
        "a linked scenario waits for its own figures"
    );
    assert!(
        shown(&linked, "[data-testid=pack-table]"),
        "the prices still show"
    );
    assert!(
        !shown(&linked, ".badge"),
        "no pack is marked as bought for the default scenario"
    );
    assert!(!shown(&linked, "#volume"), "nor the default volume");
}

#[test]
fn without_scripts_the_page_shows_the_announcements_tables_and_why() {
    let browser = common::open_sized(BrowserKind::Chromium, 1280, 900);
    browser.cdp(
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": true }),
    );
    browser.goto_first_screen("/");
    assert!(shown(&browser, ".scriptless h1"), "the title");
    assert!(
        !shown(&browser, "#app"),
        "not the calculator's inert first screen"
    );
    assert!(shown(&browser, ".needs-js"), "what the calculator needs");
    assert!(
        shown(&browser, "[data-testid=label-comparison]"),
        "all four labels' tables"
    );
    assert!(!shown(&browser, "#volume"), "no input that could not work");
    assert!(
        !shown(&browser, "[data-testid=best-total]"),
        "no figure it could not update"
    );
    // With scripts back on the same page comes alive; leaving the scriptless one
    // cancels the preloads it never ran, and nothing else may have failed.
    browser.cdp(
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": false }),
    );
    browser.goto("/");
    settled(&browser);
    assert_only_problems(&browser, &[".js ", ".wasm "]);
}
