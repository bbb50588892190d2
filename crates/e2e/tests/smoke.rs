//! Smoke tests of the e2e helpers themselves, on a tiny hand-written site (no trunk needed).

use std::path::{Path, PathBuf};
use std::time::Duration;

use e2e::server::get;
use e2e::{keys, Browser, StaticServer};

const PREFIX: &str = "/tools/faceid-price/";

const INDEX_HTML: &str = r#"<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>e2e smoke</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="style.css">
  <script type="module" src="app.js"></script>
</head>
<body>
  <p data-testid="greeting">Hello</p>
  <button id="change">Change</button>
  <button id="complain">Complain</button>
  <button id="reach-out">Reach out</button>
  <input id="slider" type="range" min="0" max="10" step="1" value="5">
  <output id="slider-value">5</output>
  <p data-testid="wasm-status">loading</p>
</body>
</html>
"#;

// A module script and instantiateStreaming both fail unless the MIME types are right.
const APP_JS: &str = r#"const greeting = document.querySelector('[data-testid="greeting"]');
document.getElementById('change').addEventListener('click', () => { greeting.textContent = 'Clicked'; });
document.getElementById('complain').addEventListener('click', () => console.error('smoke: deliberate error', 42));
// A file the site lacks, and another origin (port 1 refuses at once).
document.getElementById('reach-out').addEventListener('click', () => {
  fetch('missing.js').catch(() => {});
  fetch('http://127.0.0.1:1/elsewhere.js').catch(() => {});
});
const slider = document.getElementById('slider');
slider.addEventListener('input', () => { document.getElementById('slider-value').textContent = slider.value; });
await WebAssembly.instantiateStreaming(fetch('app_bg.wasm'));
document.querySelector('[data-testid="wasm-status"]').textContent = 'wasm ok';
"#;

/// The smallest valid WebAssembly module: magic number and version 1.
const EMPTY_WASM: &[u8] = b"\0asm\x01\0\0\0";

/// The fixture site, served under [`PREFIX`]; its files are removed on drop.
struct FixtureSite {
    server: StaticServer,
    dir: PathBuf,
}

impl Drop for FixtureSite {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Writes the fixture site into a fresh temp dir (with a secret file beside its root).
fn serve_fixture_site() -> FixtureSite {
    let dir = e2e::fresh_temp_dir("smoke-site");
    let root = dir.join("root");
    write(&root.join("index.html"), INDEX_HTML.as_bytes());
    write(&root.join("app.js"), APP_JS.as_bytes());
    write(&root.join("style.css"), b"#slider { width: 300px; }\n");
    write(&root.join("app_bg.wasm"), EMPTY_WASM);
    write(&root.join("sub dir/note.txt"), b"spaced out\n");
    write(&dir.join("secret.txt"), b"outside\n");
    let server = StaticServer::start(&root, PREFIX).expect("fixture server starts");
    FixtureSite { server, dir }
}

fn write(path: &Path, contents: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

#[test]
fn static_server_maps_prefix_to_root_with_content_types() {
    let site = serve_fixture_site();
    let server = &site.server;
    assert_eq!(
        server.base_url(),
        format!("http://{}{PREFIX}", server.addr())
    );
    let content_type = |target| {
        let (status, value, _) = get(server, target, "content-type");
        (status, value.unwrap_or_default())
    };
    let html = (200, "text/html; charset=utf-8".to_owned());
    assert_eq!(content_type("/tools/faceid-price/"), html);
    assert_eq!(content_type("/tools/faceid-price/?lang=en&x=1"), html);
    assert_eq!(content_type("/tools/faceid-price/index.html#top"), html);
    assert_eq!(
        content_type("/tools/faceid-price/app_bg.wasm").1,
        "application/wasm"
    );
    assert_eq!(
        content_type("/tools/faceid-price/app.js").1,
        "text/javascript; charset=utf-8"
    );
    assert_eq!(
        content_type("/tools/faceid-price/style.css").1,
        "text/css; charset=utf-8"
    );
    assert_eq!(content_type("/index.html").0, 404);
    assert_eq!(content_type("/tools/faceid-price/missing.js").0, 404);
    assert_eq!(content_type("/tools/faceid-price/../secret.txt").0, 403);
    assert_eq!(content_type("/tools/faceid-price/%2e%2e/secret.txt").0, 403);

    let (status, _, body) = get(
        server,
        "/tools/faceid-price/sub%20dir/note.txt",
        "connection",
    );
    assert_eq!((status, body.as_slice()), (200, &b"spaced out\n"[..]));
    let (status, connection, _) = get(server, "/tools/faceid-price/", "connection");
    assert_eq!((status, connection.as_deref()), (200, Some("close")));
    let (status, location, _) = get(server, "/tools/faceid-price", "location");
    assert_eq!((status, location.as_deref()), (301, Some(PREFIX)));
}

#[test]
fn headless_chromium_clicks_types_and_reads_the_console() {
    let site = serve_fixture_site();
    let server = &site.server;
    let browser = Browser::open_at(&server.base_url(), 1024, 768);
    browser.goto("?lang=en");
    assert_eq!(
        browser.current_url(),
        format!("{}?lang=en", server.base_url())
    );
    browser.wait_for_text(
        "[data-testid=wasm-status]",
        "wasm ok",
        Duration::from_secs(10),
    );

    assert_eq!(browser.testid("greeting").text(), "Hello");
    assert_eq!(browser.find_all("button").len(), 3);
    browser.find("#change").click();
    browser.wait_for_text("[data-testid=greeting]", "Clicked", Duration::from_secs(5));

    let slider = browser.find("#slider");
    assert_eq!(slider.attr("type").as_deref(), Some("range"));
    slider.send_keys(keys::ARROW_RIGHT);
    assert_eq!(slider.prop("value"), "6");
    assert_eq!(browser.text("#slider-value"), "6");
    let value = browser.execute("return arguments[0].valueAsNumber;", &[slider.to_json()]);
    assert_eq!(value, 6);

    let before = browser.console_messages();
    assert!(
        before.iter().all(|entry| entry.level != "SEVERE"),
        "unexpected console errors: {before:?}"
    );
    browser.find("#complain").click();
    let logged = browser.console_messages();
    assert!(
        logged
            .iter()
            .any(|entry| entry.level == "SEVERE"
                && entry.message.contains("smoke: deliberate error")),
        "console.error not captured: {logged:?}"
    );

    let failed: Vec<_> = server
        .requests()
        .into_iter()
        .filter(|r| r.status != 200)
        .collect();
    assert!(failed.is_empty(), "requests that failed: {failed:?}");
}

#[test]
fn sessions_report_requests_elsewhere_and_unread_errors() {
    let site = serve_fixture_site();
    let browser = Browser::open_at(&site.server.base_url(), 1024, 768);
    browser.goto("");
    browser.wait_for_text(
        "[data-testid=wasm-status]",
        "wasm ok",
        Duration::from_secs(10),
    );
    let own = browser.page_requests();
    assert!(own
        .iter()
        .any(|r| r.url.ends_with("/app_bg.wasm") && r.status == Some(200)));
    assert_eq!(browser.problems(), Vec::<String>::new());

    browser.find("#reach-out").click();
    browser.find("#complain").click();
    let mut problems = Vec::new();
    let has = |problems: &[String], needle: &str| problems.iter().any(|p| p.contains(needle));
    let needles = [
        "missing.js (status Some(404)",
        "http://127.0.0.1:1/elsewhere.js",
        "smoke: deliberate error",
    ];
    e2e::wait_until("all three problems", Duration::from_secs(10), || {
        problems.extend(browser.problems());
        needles.iter().all(|needle| has(&problems, needle))
    });
    // Chromium may log each failed load to the console a moment later: take that too,
    // so the session closes clean.
    std::thread::sleep(Duration::from_millis(500));
    let late = browser.problems();
    assert!(late.iter().all(|p| p.starts_with("console")), "{late:?}");
}

#[test]
fn viewport_and_screenshot_match_the_requested_size() {
    let site = serve_fixture_site();
    let browser = Browser::open_at(&site.server.base_url(), 1024, 768);
    browser.goto("");
    assert_eq!(viewport(&browser), (1024, 768));
    browser.set_window_size(375, 667);
    assert_eq!(viewport(&browser), (375, 667));

    let shots = e2e::fresh_temp_dir("smoke-shot");
    browser.screenshot_png(shots.join("page.png"));
    let png = std::fs::read(shots.join("page.png")).unwrap();
    std::fs::remove_dir_all(&shots).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert_eq!(png_size(&png), (375, 667));
}

/// The page's `innerWidth` and `innerHeight`.
fn viewport(browser: &Browser) -> (u64, u64) {
    let size = browser.execute("return [innerWidth, innerHeight];", &[]);
    (size[0].as_u64().unwrap(), size[1].as_u64().unwrap())
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(png: &[u8]) -> (u64, u64) {
    let be = |at: usize| u64::from(u32::from_be_bytes(png[at..at + 4].try_into().unwrap()));
    (be(16), be(20))
}
