//! The release bundle on any host (docs/contracts.md, "Release build for any host", and docs/security.md):
//! built for a sub-path it works there, and its Content-Security-Policy refuses nothing
//! the page needs: the one inline script, static/boot.js, is allowed by its hash.

mod common;

use std::path::Path;

use common::{assert_healthy, SETTLE};
use e2e::{bundle, Browser, StaticServer};

/// Where the deployment tests serve the bundle.
const PREFIX: &str = "/tools/faceid-price/";

/// The policy index.html sets, exactly as docs/security.md states it, but for the
/// hash of the inline boot script, which the release build adds after `'wasm-unsafe-eval'`.
const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {boot}; style-src 'self'; \
                   connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; \
                   form-action 'none'";

/// The base64 SHA-256 of the inline boot script's text, taken by the browser itself.
const BOOT_HASH: &str = "
const done = arguments[arguments.length - 1];
const text = document.querySelector('script[data-wasm]').textContent;
crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  .then(digest => done(btoa(String.fromCharCode(...new Uint8Array(digest)))));";

/// Serves the bundle built for [`PREFIX`] on a server of the test's own, so that its
/// request log holds only the test's requests.
fn serve_sub_path_bundle() -> StaticServer {
    let dist = bundle::dist_for(PREFIX);
    StaticServer::start(dist, PREFIX).expect("the bundle for the sub-path is served")
}

/// Fails unless every request was answered 200 (so none went outside the prefix).
fn assert_all_served(server: &StaticServer) {
    let requests = server.requests();
    let failed: Vec<_> = requests.iter().filter(|r| r.status != 200).collect();
    assert!(failed.is_empty(), "requests not served: {failed:?}");
}

#[test]
fn the_bundle_built_for_a_sub_path_works_under_it() {
    let server = serve_sub_path_bundle();
    let browser = Browser::open_at(&server.base_url(), 1280, 900);
    browser.goto("?volume=1001");
    e2e::wait_until("880.88 for 1001 calls", SETTLE, || {
        browser.testid("postpaid-month").attr("value").as_deref() == Some("880.88")
    });
    assert_healthy(&browser);
    assert_all_served(&server);
    let targets: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    for part in ["loader-", "_bg.wasm", "style-"] {
        assert!(
            targets
                .iter()
                .any(|t| t.starts_with(PREFIX) && t.contains(part)),
            "no request for `{part}` under {PREFIX}: {targets:?}"
        );
    }
}

#[test]
fn the_embedding_example_lies_beside_the_app_under_a_sub_path() {
    let server = serve_sub_path_bundle();
    let browser = Browser::open_at(&server.base_url(), 1280, 900);
    browser.goto("embed-example.html");
    let frames = browser.find_all("iframe.faceid-calculator");
    assert_eq!(frames.len(), 2, "the example frames two calculators");
    for frame in &frames {
        browser.enter_frame(frame);
        browser.find("[data-testid=postpaid-month]");
        let page = browser.execute("return location.origin + location.pathname;", &[]);
        browser.leave_frame();
        assert_eq!(
            page,
            server.base_url(),
            "the frame's `./?…` resolves under the prefix"
        );
    }
    assert_healthy(&browser);
    assert_all_served(&server);
}

#[test]
fn the_root_bundle_sets_the_policy_and_inlines_only_the_hashed_boot() {
    let dist = bundle::dist();
    let html = std::fs::read_to_string(dist.join("index.html")).expect("index.html");
    assert_no_inline_code(&html, dist);

    let browser = Browser::open(1280, 900);
    browser.goto("?volume=1001");
    browser.testid("postpaid-month");
    let boot = browser.execute_async(BOOT_HASH, &[]);
    let boot = format!("'sha256-{}'", boot.as_str().expect("a base64 digest"));
    assert_eq!(
        csp_of(&html),
        Some(CSP.replace("{boot}", &boot)),
        "the policy allows exactly the boot script's text"
    );
    // The boot script ran under the policy: it keeps the wasm's memory for the tests.
    let started = browser.execute("return Boolean(window.faceidCalculator);", &[]);
    assert_eq!(started, true, "static/boot.js did not run");
    // A refused script, style or connection is logged as a SEVERE console entry.
    assert_healthy(&browser);
    // The policy is in force, not merely present: an inline script does not run.
    let ran = browser.execute(
        "window.inlineRan = false;
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true;';
        document.head.append(script);
        return window.inlineRan;",
        &[],
    );
    assert_eq!(ran, false, "the CSP let an inline script run");
    // The refusal is logged; take it, so that closing the session finds nothing else.
    let mut problems = Vec::new();
    e2e::wait_until("the refusal in the console", SETTLE, || {
        problems.extend(browser.problems());
        !problems.is_empty()
    });
    assert!(
        problems
            .iter()
            .all(|p| p.contains("violates the following Content Security Policy")),
        "{problems:?}"
    );
}

/// The content of the `<meta http-equiv="Content-Security-Policy">` of a page.
fn csp_of(html: &str) -> Option<String> {
    html.split("<meta").skip(1).find_map(|meta| {
        let tag = meta.split_once('>')?.0;
        let is_csp = attribute(tag, "http-equiv")
            .is_some_and(|v| v.eq_ignore_ascii_case("Content-Security-Policy"));
        is_csp.then(|| attribute(tag, "content").map(str::to_owned))?
    })
}

/// Fails if the page has an inline style or an inline script other than the boot
/// script (the one with `data-wasm`); checks that each other script file exists and
/// carries an integrity hash.
fn assert_no_inline_code(html: &str, dist: &Path) {
    assert!(!html.contains("<style"), "inline <style> in index.html");
    assert!(!html.contains(" style="), "style attribute in index.html");
    let scripts: Vec<&str> = html.split("<script").skip(1).collect();
    let (boots, files): (Vec<&str>, Vec<&str>) = scripts.into_iter().partition(|script| {
        let tag = script.split_once('>').map_or(*script, |(tag, _)| tag);
        attribute(tag, "data-wasm").is_some()
    });
    assert_eq!(boots.len(), 1, "one inline boot script");
    assert!(!files.is_empty(), "no script file in index.html");
    for script in files {
        let (tag, rest) = script.split_once('>').expect("a complete <script> tag");
        assert!(
            rest.starts_with("</script>"),
            "inline script in index.html: <script{script}"
        );
        assert!(
            attribute(tag, "integrity").is_some_and(|v| v.starts_with("sha384-")),
            "no SRI: <script{tag}>"
        );
        let src = attribute(tag, "src").expect("the script has a src");
        let file = src.rsplit('/').next().unwrap_or_default();
        assert!(dist.join(file).is_file(), "{src} is not in the bundle");
    }
}

/// The value of attribute `name` in the inside of a tag, quoted or not (the
/// release build's HTML is minified: attributes in any order, quotes only
/// where a value needs them).
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut rest = tag;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        let end = rest.find(|c: char| c == '=' || c.is_whitespace())?;
        let (key, after) = rest.split_at(end);
        let Some(value_part) = after.strip_prefix('=') else {
            rest = after;
            continue;
        };
        let (value, next) = match value_part.chars().next()? {
            quote @ ('"' | '\'') => {
                let inner = &value_part[1..];
                let close = inner.find(quote)?;
                (&inner[..close], &inner[close + 1..])
            }
            _ => {
                let close = value_part
                    .find(char::is_whitespace)
                    .unwrap_or(value_part.len());
                value_part.split_at(close)
            }
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        rest = next;
    }
}
