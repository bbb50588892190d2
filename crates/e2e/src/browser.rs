//! A minimal blocking W3C WebDriver client for headless Chromium.
//!
//! The methods panic with precise messages (this is test code); [`Browser::command`] is the
//! fallible escape hatch for endpoints without a wrapper.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::Engine as _;
use serde_json::{json, Value};

use crate::{driver, http};

/// How long [`Browser::find`] polls for a selector by default.
pub const FIND_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one WebDriver command may take (navigation waits for the page load).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
/// How long a script run by [`Browser::execute_async`] may take.
const ASYNC_SCRIPT_TIMEOUT: Duration = Duration::from_secs(600);
/// Pause between two polls.
const POLL_INTERVAL: Duration = Duration::from_millis(50);
/// The W3C key under which an element reference travels.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Held while a session starts: when two Chromiums start at once on this 2-core machine,
/// one of them often stalls ~4 s before its first page; one after the other takes ~1 s each.
static STARTING: Mutex<()> = Mutex::new(());

/// Special keys for [`Element::send_keys`], as the W3C WebDriver code points.
pub mod keys {
    /// Backspace.
    pub const BACKSPACE: &str = "\u{E003}";
    /// Tab.
    pub const TAB: &str = "\u{E004}";
    /// Enter.
    pub const ENTER: &str = "\u{E007}";
    /// Shift (held until the end of the `send_keys` call).
    pub const SHIFT: &str = "\u{E008}";
    /// Control (held until the end of the `send_keys` call).
    pub const CONTROL: &str = "\u{E009}";
    /// Escape.
    pub const ESCAPE: &str = "\u{E00C}";
    /// Space.
    pub const SPACE: &str = "\u{E00D}";
    /// Page up.
    pub const PAGE_UP: &str = "\u{E00E}";
    /// Page down.
    pub const PAGE_DOWN: &str = "\u{E00F}";
    /// End.
    pub const END: &str = "\u{E010}";
    /// Home.
    pub const HOME: &str = "\u{E011}";
    /// Left arrow.
    pub const ARROW_LEFT: &str = "\u{E012}";
    /// Up arrow.
    pub const ARROW_UP: &str = "\u{E013}";
    /// Right arrow.
    pub const ARROW_RIGHT: &str = "\u{E014}";
    /// Down arrow.
    pub const ARROW_DOWN: &str = "\u{E015}";
    /// Delete.
    pub const DELETE: &str = "\u{E017}";
}

/// Why a WebDriver command failed.
#[derive(Debug)]
pub enum Error {
    /// Talking to chromedriver failed.
    Io(std::io::Error),
    /// chromedriver answered something that is not a WebDriver response.
    Protocol(String),
    /// chromedriver reported a WebDriver error such as "no such element".
    WebDriver {
        /// The HTTP status code.
        status: u16,
        /// The W3C error code, e.g. "no such element".
        error: String,
        /// chromedriver's message.
        message: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io(e) => write!(f, "cannot talk to chromedriver: {e}"),
            Error::Protocol(problem) => write!(f, "unexpected chromedriver response: {problem}"),
            Error::WebDriver {
                status,
                error,
                message,
            } => write!(f, "{error} (HTTP {status}): {message}"),
        }
    }
}

impl std::error::Error for Error {}

/// One browser console entry, as chromedriver reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// "SEVERE" for console.error, "WARNING", "INFO" for console.log, or "DEBUG".
    pub level: String,
    /// Source URL and position followed by the logged text in quotes.
    pub message: String,
}

/// One request the page made, as the DevTools Protocol's Network domain reported it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageRequest {
    /// The URL requested (the last one, after redirects).
    pub url: String,
    /// The HTTP status of the response, once one arrived.
    pub status: Option<u16>,
    /// Chromium's error text if the request failed, e.g. "net::ERR_CONNECTION_REFUSED".
    pub failure: Option<String>,
}

/// The requests seen so far, in the order they started.
#[derive(Default)]
struct NetworkLog {
    order: Vec<String>,
    by_id: HashMap<String, PageRequest>,
}

/// A headless Chromium session; the session is deleted and its profile removed on drop.
///
/// Dropping a session checks the whole of it, every page it opened: any console error
/// or panic message the test did not read with [`Browser::console_messages`], and any
/// request to another host or for a file the server does not have, fails the test.
pub struct Browser {
    driver: SocketAddr,
    session: String,
    base_url: String,
    profile: PathBuf,
    find_timeout: Duration,
    network: RefCell<NetworkLog>,
}

/// An element found in the current page.
pub struct Element<'b> {
    browser: &'b Browser,
    id: String,
    selector: String,
}

impl Browser {
    /// Opens a browser with a `width`×`height` viewport on the release bundle served at "/".
    pub fn open(width: u32, height: u32) -> Browser {
        Browser::open_at(&crate::server::bundle_server("/").base_url(), width, height)
    }

    /// Opens a browser with a `width`×`height` viewport; relative URLs resolve against `base_url`.
    pub fn open_at(base_url: &str, width: u32, height: u32) -> Browser {
        let _one_at_a_time = STARTING.lock().unwrap_or_else(|p| p.into_inner());
        let driver = driver::address();
        let profile = crate::fresh_temp_dir("chromium-profile");
        let body = new_session_body(&profile, width, height);
        let value = send(driver, "POST", "/session", Some(&body), COMMAND_TIMEOUT)
            .unwrap_or_else(|e| panic!("cannot start a Chromium session: {e}"));
        let session = value["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("new session response without sessionId: {value}"))
            .to_owned();
        let browser = Browser {
            driver,
            session,
            base_url: with_trailing_slash(base_url),
            profile,
            find_timeout: FIND_TIMEOUT,
            network: RefCell::default(),
        };
        browser.pin_viewport(width, height);
        browser
    }

    /// The base URL that relative paths resolve against; it ends in '/'.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The absolute URL for `path_and_query` relative to the base URL (absolute URLs pass).
    pub fn url(&self, path_and_query: &str) -> String {
        if path_and_query.starts_with("http://") || path_and_query.starts_with("https://") {
            path_and_query.to_owned()
        } else {
            format!(
                "{}{}",
                self.base_url,
                path_and_query.trim_start_matches('/')
            )
        }
    }

    /// Navigates to `path_and_query` relative to the base URL and waits for the page load.
    pub fn goto(&self, path_and_query: &str) {
        let url = self.url(path_and_query);
        self.run(
            "POST",
            "/url",
            Some(json!({ "url": url })),
            &format!("navigate to {url}"),
        );
    }

    /// The URL of the current page.
    pub fn current_url(&self) -> String {
        string(self.run("GET", "/url", None, "read the current URL"))
    }

    /// Changes how long [`Browser::find`] polls before giving up.
    pub fn set_find_timeout(&mut self, timeout: Duration) {
        self.find_timeout = timeout;
    }

    /// The first element matching `css`, polling up to the find timeout (10 s by default).
    pub fn find(&self, css: &str) -> Element<'_> {
        let deadline = Instant::now() + self.find_timeout;
        loop {
            match self.try_find(css) {
                Ok(Some(element)) => return element,
                Ok(None) if Instant::now() < deadline => std::thread::sleep(POLL_INTERVAL),
                Ok(None) => panic!(
                    "no element matches `{css}` after {:?} on {}",
                    self.find_timeout,
                    self.describe_page()
                ),
                Err(e) => panic!("cannot look for `{css}`: {e}"),
            }
        }
    }

    /// The first element matching `css` right now, if any.
    pub fn try_find(&self, css: &str) -> Result<Option<Element<'_>>, Error> {
        match self.command("POST", "/element", Some(&locator(css))) {
            Ok(value) => Ok(Some(self.element(&value, css))),
            Err(Error::WebDriver { error, .. }) if error == "no such element" => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// All elements matching `css` right now (no waiting; possibly none).
    pub fn find_all(&self, css: &str) -> Vec<Element<'_>> {
        let value = self.run(
            "POST",
            "/elements",
            Some(locator(css)),
            &format!("find all `{css}`"),
        );
        value
            .as_array()
            .unwrap_or_else(|| panic!("find all `{css}`: expected an array, got {value}"))
            .iter()
            .map(|reference| self.element(reference, css))
            .collect()
    }

    /// The element with `data-testid="id"`, polling like [`Browser::find`].
    pub fn testid(&self, id: &str) -> Element<'_> {
        self.find(&testid_selector(id))
    }

    /// The rendered text of the first element matching `css`.
    pub fn text(&self, css: &str) -> String {
        self.find(css).text()
    }

    /// Polls until the text of `css` equals `expected`; returns it.
    pub fn wait_for_text(&self, css: &str, expected: &str, timeout: Duration) -> String {
        self.wait_for_text_matching(css, &format!("equal {expected:?}"), timeout, |text| {
            text == expected
        })
    }

    /// Polls until the text of `css` satisfies `accept` (described by `what`); returns it.
    pub fn wait_for_text_matching(
        &self,
        css: &str,
        what: &str,
        timeout: Duration,
        accept: impl Fn(&str) -> bool,
    ) -> String {
        let deadline = Instant::now() + timeout;
        let mut last_seen = None;
        loop {
            if let Ok(Some(element)) = self.try_find(css) {
                if let Ok(text) = element.try_text() {
                    if accept(&text) {
                        return text;
                    }
                    last_seen = Some(text);
                }
            }
            if Instant::now() >= deadline {
                let seen = last_seen.map_or("no such element".to_owned(), |t| format!("{t:?}"));
                panic!("text of `{css}` did not {what} within {timeout:?}; last seen: {seen}");
            }
            std::thread::sleep(POLL_INTERVAL);
        }
    }

    /// Runs `js` as a function body with `arguments` = `args`; returns its result.
    pub fn execute(&self, js: &str, args: &[Value]) -> Value {
        let body = json!({ "script": js, "args": args });
        self.run(
            "POST",
            "/execute/sync",
            Some(body),
            &format!("execute script {js:?}"),
        )
    }

    /// Runs `js` as a function body whose last argument is a callback; returns what the
    /// script passes to it. The script may take up to 10 minutes.
    pub fn execute_async(&self, js: &str, args: &[Value]) -> Value {
        let millis = ASYNC_SCRIPT_TIMEOUT.as_millis();
        self.run(
            "POST",
            "/timeouts",
            Some(json!({ "script": millis })),
            "set the script timeout",
        );
        let body = json!({ "script": js, "args": args });
        let path = format!("/session/{}/execute/async", self.session);
        let wait = ASYNC_SCRIPT_TIMEOUT + COMMAND_TIMEOUT;
        send(self.driver, "POST", &path, Some(&body), wait)
            .unwrap_or_else(|e| panic!("cannot execute async script {js:?}: {e}"))
    }

    /// Makes later commands act inside `frame`, an `<iframe>` of the current page.
    pub fn enter_frame(&self, frame: &Element<'_>) {
        let body = json!({ "id": frame.to_json() });
        let doing = format!("enter the frame `{}`", frame.selector);
        self.run("POST", "/frame", Some(body), &doing);
    }

    /// Makes later commands act on the parent of the current frame again.
    pub fn leave_frame(&self) {
        self.run("POST", "/frame/parent", Some(json!({})), "leave the frame");
    }

    /// The browser console entries logged since the previous call (chromedriver clears them).
    pub fn console_messages(&self) -> Vec<LogEntry> {
        let value = self.run(
            "POST",
            "/se/log",
            Some(json!({ "type": "browser" })),
            "read the browser console log",
        );
        let Value::Array(entries) = value else {
            panic!("browser console log: expected an array, got {value}");
        };
        entries
            .iter()
            .map(|entry| LogEntry {
                level: entry["level"].as_str().unwrap_or_default().to_owned(),
                message: entry["message"].as_str().unwrap_or_default().to_owned(),
            })
            .collect()
    }

    /// Every request the pages of this session made so far, in the order they started.
    pub fn page_requests(&self) -> Vec<PageRequest> {
        self.read_network_events();
        let log = self.network.borrow();
        log.order
            .iter()
            .filter_map(|id| log.by_id.get(id).cloned())
            .collect()
    }

    /// The requests that break the page's no-network promise: to any origin but the
    /// base URL's, answered with an error status, or failed (other than cancelled).
    pub fn unexpected_requests(&self) -> Vec<PageRequest> {
        let origin = origin_of(&self.base_url);
        self.page_requests()
            .into_iter()
            .filter(|request| is_unexpected(request, origin))
            .collect()
    }

    /// What went wrong in this session since the last call: console errors and panics
    /// not read with [`Browser::console_messages`], and unexpected requests. Each is
    /// reported once, so a test that provokes one on purpose can take it here.
    pub fn problems(&self) -> Vec<String> {
        let console = self
            .console_messages()
            .into_iter()
            .filter(|entry| entry.level == "SEVERE" || entry.message.contains("panicked"));
        let console = console.map(|entry| format!("console {}: {}", entry.level, entry.message));
        let requests = self.unexpected_requests();
        *self.network.borrow_mut() = NetworkLog::default();
        let requests = requests.into_iter().map(|request| {
            format!(
                "request {} (status {:?}, failure {:?})",
                request.url, request.status, request.failure
            )
        });
        console.chain(requests).collect()
    }

    /// Panics listing [`Browser::problems`], if there are any.
    pub fn assert_clean(&self) {
        let problems = self.problems();
        assert!(
            problems.is_empty(),
            "the page logged errors or made requests it must not:\n{}",
            problems.join("\n")
        );
    }

    /// Moves the DevTools Network events chromedriver has buffered into the log.
    fn read_network_events(&self) {
        let body = json!({ "type": "performance" });
        let value = self.run("POST", "/se/log", Some(body), "read the performance log");
        let Value::Array(entries) = value else {
            panic!("performance log: expected an array, got {value}");
        };
        let mut log = self.network.borrow_mut();
        for entry in entries {
            let Some(text) = entry["message"].as_str() else {
                continue;
            };
            if let Ok(event) = serde_json::from_str::<Value>(text) {
                log.record(&event["message"]["method"], &event["message"]["params"]);
            }
        }
    }

    /// Saves a PNG screenshot of the viewport to `path`.
    pub fn screenshot_png(&self, path: impl AsRef<Path>) {
        let path = path.as_ref();
        let encoded = string(self.run("GET", "/screenshot", None, "take a screenshot"));
        let png = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .unwrap_or_else(|e| panic!("screenshot is not valid base64: {e}"));
        std::fs::write(path, png)
            .unwrap_or_else(|e| panic!("cannot write screenshot {}: {e}", path.display()));
    }

    /// Resizes the window and pins the page's viewport to `width`×`height` CSS pixels.
    pub fn set_window_size(&self, width: u32, height: u32) {
        let rect = json!({ "width": width, "height": height });
        self.run(
            "POST",
            "/window/rect",
            Some(rect),
            &format!("resize the window to {width}x{height}"),
        );
        self.pin_viewport(width, height);
    }

    /// Makes the viewport exactly `width`×`height`: headless Chromium otherwise keeps
    /// 143 px of the window height for emulated browser UI and widens windows below 500 px.
    fn pin_viewport(&self, width: u32, height: u32) {
        let params = json!({
            "width": width,
            "height": height,
            "deviceScaleFactor": 1,
            "mobile": false
        });
        self.cdp("Emulation.setDeviceMetricsOverride", params);
    }

    /// Runs a DevTools Protocol command in the current page, e.g. "Emulation.setCPUThrottlingRate".
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        let body = json!({ "cmd": cmd, "params": params });
        self.run(
            "POST",
            "/goog/cdp/execute",
            Some(body),
            &format!("run {cmd}"),
        )
    }

    /// Makes `prefers-color-scheme` match `scheme` ("light" or "dark") from now on.
    pub fn emulate_color_scheme(&self, scheme: &str) {
        let feature = json!({ "name": "prefers-color-scheme", "value": scheme });
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [feature] }),
        );
    }

    /// Sends a raw WebDriver command; `path` is relative to the session, e.g. "/title".
    pub fn command(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, Error> {
        let path = format!("/session/{}{path}", self.session);
        send(self.driver, method, &path, body, COMMAND_TIMEOUT)
    }

    /// Runs a command that must succeed; panics with `doing` and the error otherwise.
    fn run(&self, method: &str, path: &str, body: Option<Value>, doing: &str) -> Value {
        self.command(method, path, body.as_ref())
            .unwrap_or_else(|e| panic!("cannot {doing}: {e}"))
    }

    /// The current URL for an error message, without panicking.
    fn describe_page(&self) -> String {
        self.command("GET", "/url", None)
            .map_or_else(|e| format!("a page whose URL is unknown ({e})"), string)
    }

    fn element(&self, reference: &Value, css: &str) -> Element<'_> {
        let id = reference[ELEMENT_KEY]
            .as_str()
            .unwrap_or_else(|| panic!("`{css}`: not an element reference: {reference}"));
        Element {
            browser: self,
            id: id.to_owned(),
            selector: css.to_owned(),
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // A test that already failed keeps its own message.
        let problems = if std::thread::panicking() {
            Vec::new()
        } else {
            self.problems()
        };
        let _ = self.command("DELETE", "", None);
        let _ = std::fs::remove_dir_all(&self.profile);
        assert!(
            problems.is_empty(),
            "the page logged errors or made requests it must not:\n{}",
            problems.join("\n")
        );
    }
}

impl NetworkLog {
    /// Takes in one DevTools Network event; other events are ignored.
    fn record(&mut self, method: &Value, params: &Value) {
        let Some(id) = params["requestId"].as_str() else {
            return;
        };
        match method.as_str() {
            Some("Network.requestWillBeSent") => {
                if !self.by_id.contains_key(id) {
                    self.order.push(id.to_owned());
                }
                // A redirect reuses the id: the request now stands for the new URL.
                let url = params["request"]["url"].as_str().unwrap_or_default();
                let request = PageRequest {
                    url: url.to_owned(),
                    ..PageRequest::default()
                };
                self.by_id.insert(id.to_owned(), request);
            }
            Some("Network.responseReceived") => {
                if let Some(request) = self.by_id.get_mut(id) {
                    let status = params["response"]["status"].as_u64();
                    request.status = status.and_then(|s| u16::try_from(s).ok());
                }
            }
            Some("Network.loadingFailed") => {
                if let Some(request) = self.by_id.get_mut(id) {
                    let error = params["errorText"].as_str().unwrap_or("failed");
                    request.failure = Some(error.to_owned());
                }
            }
            _ => {}
        }
    }
}

/// `scheme://host:port` of a URL.
fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |at| at + 3);
    let end = url[after_scheme..]
        .find('/')
        .map_or(url.len(), |at| after_scheme + at);
    &url[..end]
}

/// Whether a request breaks the no-network promise of a page served at `origin`.
fn is_unexpected(request: &PageRequest, origin: &str) -> bool {
    let is_http = request.url.starts_with("http://") || request.url.starts_with("https://");
    if !is_http {
        // data: and blob: URLs are the page's own bytes (the icon, downloads).
        return false;
    }
    origin_of(&request.url) != origin
        || request.status.is_some_and(|status| status >= 400)
        || request
            .failure
            .as_deref()
            .is_some_and(|error| error != "net::ERR_ABORTED")
}

impl Element<'_> {
    /// Clicks the element's centre.
    pub fn click(&self) {
        self.run("POST", "/click", Some(json!({})), "click");
    }

    /// Empties an editable element.
    pub fn clear(&self) {
        self.run("POST", "/clear", Some(json!({})), "clear");
    }

    /// Focuses the element and types `text`, which may contain [`keys`] constants.
    pub fn send_keys(&self, text: &str) {
        self.run(
            "POST",
            "/value",
            Some(json!({ "text": text })),
            &format!("send keys {text:?} to"),
        );
    }

    /// The element's HTML attribute `name`, if present.
    pub fn attr(&self, name: &str) -> Option<String> {
        let value = self.run(
            "GET",
            &format!("/attribute/{name}"),
            None,
            &format!("read attribute {name:?} of"),
        );
        value.as_str().map(str::to_owned)
    }

    /// The element's DOM property `name` (e.g. "value", "checked") as JSON.
    pub fn prop(&self, name: &str) -> Value {
        self.run(
            "GET",
            &format!("/property/{name}"),
            None,
            &format!("read property {name:?} of"),
        )
    }

    /// The element's rendered text.
    pub fn text(&self) -> String {
        self.try_text()
            .unwrap_or_else(|e| panic!("cannot read text of `{}`: {e}", self.selector))
    }

    /// The W3C element reference, for passing the element to [`Browser::execute`].
    pub fn to_json(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }

    fn try_text(&self) -> Result<String, Error> {
        self.command("GET", "/text", None).map(string)
    }

    fn command(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, Error> {
        let path = format!("/element/{}{path}", self.id);
        self.browser.command(method, &path, body)
    }

    fn run(&self, method: &str, path: &str, body: Option<Value>, doing: &str) -> Value {
        self.command(method, path, body.as_ref())
            .unwrap_or_else(|e| panic!("cannot {doing} `{}`: {e}", self.selector))
    }
}

/// Sends one WebDriver request and unwraps the `value` of its JSON response.
fn send(
    driver: SocketAddr,
    method: &str,
    path: &str,
    body: Option<&Value>,
    timeout: Duration,
) -> Result<Value, Error> {
    let body = body.map(Value::to_string);
    let response =
        http::request(driver, method, path, body.as_deref(), timeout).map_err(Error::Io)?;
    let mut parsed: Value = serde_json::from_slice(&response.body).map_err(|e| {
        let text = String::from_utf8_lossy(&response.body);
        Error::Protocol(format!(
            "{method} {path}: HTTP {}: {e}: {text}",
            response.status
        ))
    })?;
    let value = parsed["value"].take();
    if response.status == 200 {
        return Ok(value);
    }
    Err(Error::WebDriver {
        status: response.status,
        error: value["error"]
            .as_str()
            .unwrap_or("unknown error")
            .to_owned(),
        message: value["message"].as_str().unwrap_or_default().to_owned(),
    })
}

fn new_session_body(profile: &Path, width: u32, height: u32) -> Value {
    let args = [
        "--headless=new".to_owned(),
        "--no-sandbox".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-dev-shm-usage".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        "--no-first-run".to_owned(),
        "--disable-quic".to_owned(),
        format!("--user-data-dir={}", profile.display()),
        format!("--window-size={width},{height}"),
    ];
    json!({
        "capabilities": {
            "alwaysMatch": {
                "goog:chromeOptions": {
                    "binary": driver::CHROMIUM,
                    "args": args,
                    "perfLoggingPrefs": { "enableNetwork": true, "enablePage": false }
                },
                "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" }
            }
        }
    })
}

fn locator(css: &str) -> Value {
    json!({ "using": "css selector", "value": css })
}

fn testid_selector(id: &str) -> String {
    format!(
        "[data-testid=\"{}\"]",
        id.replace('\\', "\\\\").replace('"', "\\\"")
    )
}

fn with_trailing_slash(url: &str) -> String {
    format!("{}/", url.trim_end_matches('/'))
}

/// A JSON string's contents, or the JSON text of anything else.
fn string(value: Value) -> String {
    match value {
        Value::String(text) => text,
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_test_ids() {
        assert_eq!(testid_selector("price"), r#"[data-testid="price"]"#);
        assert_eq!(testid_selector(r#"a"b"#), r#"[data-testid="a\"b"]"#);
    }

    fn request(url: &str, status: Option<u16>, failure: Option<&str>) -> PageRequest {
        PageRequest {
            url: url.to_owned(),
            status,
            failure: failure.map(str::to_owned),
        }
    }

    #[test]
    fn only_own_files_are_expected_requests() {
        let origin = origin_of("http://127.0.0.1:4242/tools/x/");
        assert_eq!(origin, "http://127.0.0.1:4242");
        let ok = request("http://127.0.0.1:4242/app_bg.wasm", Some(200), None);
        assert!(!is_unexpected(&ok, origin));
        assert!(!is_unexpected(
            &request("blob:http://127.0.0.1:4242/1", None, None),
            origin
        ));
        let aborted = request("http://127.0.0.1:4242/a.js", None, Some("net::ERR_ABORTED"));
        assert!(!is_unexpected(&aborted, origin));
        for bad in [
            request("http://127.0.0.1:4243/app.js", Some(200), None),
            request("https://example.com/x.js", None, None),
            request("http://127.0.0.1:4242/missing.js", Some(404), None),
            request("http://127.0.0.1:4242/a.js", None, Some("net::ERR_FAILED")),
        ] {
            assert!(is_unexpected(&bad, origin), "{bad:?}");
        }
    }

    #[test]
    fn network_events_follow_redirects_and_failures() {
        let mut log = NetworkLog::default();
        let sent = json!("Network.requestWillBeSent");
        log.record(
            &sent,
            &json!({ "requestId": "1", "request": { "url": "http://h/a" } }),
        );
        log.record(
            &sent,
            &json!({ "requestId": "1", "request": { "url": "http://h/a/" } }),
        );
        log.record(
            &json!("Network.responseReceived"),
            &json!({ "requestId": "1", "response": { "status": 200 } }),
        );
        log.record(
            &sent,
            &json!({ "requestId": "2", "request": { "url": "http://x/b" } }),
        );
        log.record(
            &json!("Network.loadingFailed"),
            &json!({ "requestId": "2", "errorText": "net::ERR_NAME_NOT_RESOLVED" }),
        );
        assert_eq!(log.order, ["1", "2"]);
        assert_eq!(log.by_id["1"], request("http://h/a/", Some(200), None));
        assert_eq!(
            log.by_id["2"],
            request("http://x/b", None, Some("net::ERR_NAME_NOT_RESOLVED"))
        );
    }

    #[test]
    fn session_asks_for_headless_chromium_with_browser_logs() {
        let body = new_session_body(Path::new("/tmp/p"), 800, 600);
        let always = &body["capabilities"]["alwaysMatch"];
        assert_eq!(always["goog:chromeOptions"]["binary"], "/usr/bin/chromium");
        assert_eq!(always["goog:loggingPrefs"]["browser"], "ALL");
        assert_eq!(always["goog:loggingPrefs"]["performance"], "ALL");
        assert_eq!(
            always["goog:chromeOptions"]["perfLoggingPrefs"]["enableNetwork"],
            true
        );
        let args = always["goog:chromeOptions"]["args"].as_array().unwrap();
        assert!(args.contains(&json!("--window-size=800,600")));
        assert!(args.contains(&json!("--user-data-dir=/tmp/p")));
    }
}
