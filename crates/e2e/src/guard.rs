//! The session-wide guard's bookkeeping: what the page logged and requested, and which of
//! it breaks the page's promises (no error, no panic, nothing outside its own origin).
//!
//! What each engine's guard sees, and how:
//!
//! | | console errors and panics | failed or foreign requests |
//! |---|---|---|
//! | Chromium | every message of every page and frame from the first byte, and the browser's own complaints (a refused CSP, a failed load): chromedriver's browser log (`goog:loggingPrefs`) | every request: the DevTools `Network` events of chromedriver's performance log |
//! | Firefox | every `console.*` call and uncaught exception or rejection of every page and frame from the first byte: Firefox prints them to its output (pref `devtools.console.stdout.content`), which the session's own geckodriver writes to a file the session reads; CSP refusals and failed element loads from [`RECORDER_JS`] | the Resource Timing entries of every page and frame (URL and `responseStatus`), read by [`RECORDER_JS`] before each navigation and at the end |
//! | WebKit | [`RECORDER_JS`] only, from the moment it is installed (after each navigation's load, so not what the page logged while loading): `console.error`, uncaught exceptions, unhandled rejections, CSP refusals, failed element loads | Resource Timing URLs (WebKitGTK gives no status: a 404 shows only as a failed element load or as the error it causes) |
//!
//! geckodriver and WebKitWebDriver cannot return browser logs (W3C WebDriver has no log
//! endpoint), and WebKitGTK's MiniBrowser, driven by WebDriver, does not print the
//! console. A Chromium test that breaks the page fails however early it breaks; in
//! Firefox and WebKit the scenario's own checks (figures that never appear) catch what
//! happens before the recorder is in place.

use std::collections::HashMap;

use serde_json::Value;
use thirtyfour::BrowserLogEntry;

/// One browser console entry, as the driver reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogEntry {
    /// "SEVERE" for console.error, "WARNING", "INFO" for console.log, or "DEBUG".
    pub level: String,
    /// Source URL and position followed by the logged text in quotes.
    pub message: String,
}

impl From<BrowserLogEntry> for LogEntry {
    fn from(entry: BrowserLogEntry) -> LogEntry {
        LogEntry {
            level: entry.level,
            message: entry.message,
        }
    }
}

impl LogEntry {
    /// Whether the entry is an error or a Rust panic's message.
    pub fn is_problem(&self) -> bool {
        self.level == "SEVERE" || self.message.contains("panicked")
    }
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

impl PageRequest {
    /// Whether the request breaks the no-network promise of a page served at `origin`
    /// (`scheme://host:port`): another origin, an error status, or a failed load.
    pub fn is_unexpected(&self, origin: &str) -> bool {
        let is_http = self.url.starts_with("http://") || self.url.starts_with("https://");
        if !is_http {
            // data: and blob: URLs are the page's own bytes (the icon, downloads).
            return false;
        }
        origin_of(&self.url) != origin
            || self.status.is_some_and(|status| status >= 400)
            || self
                .failure
                .as_deref()
                .is_some_and(|error| error != "net::ERR_ABORTED")
    }
}

/// The requests seen so far, in the order they started.
#[derive(Default)]
pub(crate) struct NetworkLog {
    order: Vec<String>,
    by_id: HashMap<String, PageRequest>,
}

impl NetworkLog {
    /// Takes in the entries of chromedriver's performance log; returns how many there were.
    pub(crate) fn record_performance_log(&mut self, entries: &[BrowserLogEntry]) -> usize {
        for entry in entries {
            if let Ok(event) = serde_json::from_str::<Value>(&entry.message) {
                self.record(&event["message"]["method"], &event["message"]["params"]);
            }
        }
        entries.len()
    }

    /// Takes in one DevTools Network event; other events are ignored.
    pub(crate) fn record(&mut self, method: &Value, params: &Value) {
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

    /// Takes in requests known only by URL and status (the Resource Timing API's view).
    pub(crate) fn record_all(&mut self, requests: Vec<PageRequest>) {
        for request in requests {
            let id = format!("timing-{}", self.order.len());
            self.order.push(id.clone());
            self.by_id.insert(id, request);
        }
    }

    /// Every request, in the order they started.
    pub(crate) fn requests(&self) -> Vec<PageRequest> {
        let order = self.order.iter();
        order.filter_map(|id| self.by_id.get(id).cloned()).collect()
    }
}

/// The script that the session runs in Firefox and WebKit pages after each load, before
/// each navigation and at the end: it installs a recorder in the top window and every
/// same-origin frame that has none yet, then returns and forgets what the recorders
/// noted and what the Resource Timing API lists, as
/// `{ problems: [[level, message]], requests: [[url, status or null]] }`.
///
/// `arguments[0].console`: whether to record `console.error`, uncaught exceptions and
/// unhandled rejections too (WebKit; Firefox prints those itself). CSP refusals and
/// elements that fail to load are recorded in both. The page's CSP does not apply:
/// WebDriver runs the script, the page does not load it.
pub const RECORDER_JS: &str = r#"
const options = arguments[0] || {};
let root = window;
try { if (window.top.document) { root = window.top; } } catch (_) { /* a foreign parent */ }
const windows = [];
const visit = (win) => {
  try { void win.document.documentElement; } catch (_) { return; }
  windows.push(win);
  for (let i = 0; i < win.frames.length; i++) { visit(win.frames[i]); }
};
visit(root);
const text = (value) => {
  try {
    if (typeof value === 'string') { return value; }
    if (value && typeof value === 'object' && 'message' in value) {
      return String(value.name) + ': ' + String(value.message) + ' ' + String(value.stack || '');
    }
    return JSON.stringify(value);
  } catch (_) { return String(value); }
};
const install = (win) => {
  if (win.__e2eGuard) { return win.__e2eGuard; }
  const guard = { problems: [], navigationRead: false };
  win.__e2eGuard = guard;
  const note = (message) => guard.problems.push(['SEVERE', message]);
  if (options.console) {
    const original = win.console.error;
    win.console.error = function (...args) {
      note('console.error: ' + args.map(text).join(' '));
      return original.apply(this, args);
    };
    win.addEventListener('error', (event) => {
      if (event.target && event.target.tagName) { return; }
      const what = event.error ? text(event.error) : event.message;
      note('uncaught ' + what + ' at ' + event.filename + ':' + event.lineno);
    });
    win.addEventListener('unhandledrejection', (event) => {
      note('unhandled rejection: ' + text(event.reason));
    });
  }
  win.addEventListener('error', (event) => {
    const element = event.target;
    if (element && element.tagName) {
      const url = element.currentSrc || element.src || element.href || '';
      note('failed to load <' + element.tagName.toLowerCase() + '> ' + url);
    }
  }, true);
  win.addEventListener('securitypolicyviolation', (event) => {
    note('CSP refused ' + (event.blockedURI || 'inline') + ' (' + event.violatedDirective + ')');
  }, true);
  try { win.performance.setResourceTimingBufferSize(100000); } catch (_) { /* older engines */ }
  return guard;
};
const problems = [];
const requests = [];
for (const win of windows) {
  const guard = install(win);
  problems.push(...guard.problems.splice(0));
  const timing = win.performance;
  const status = (entry) => (typeof entry.responseStatus === 'number' ? entry.responseStatus : null);
  if (!guard.navigationRead) {
    guard.navigationRead = true;
    for (const entry of timing.getEntriesByType('navigation')) { requests.push([entry.name, status(entry)]); }
  }
  for (const entry of timing.getEntriesByType('resource')) { requests.push([entry.name, status(entry)]); }
  timing.clearResourceTimings();
}
return { problems, requests };
"#;

/// What one run of [`RECORDER_JS`] returned.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Recorded {
    pub(crate) problems: Vec<LogEntry>,
    pub(crate) requests: Vec<PageRequest>,
}

impl Recorded {
    /// Reads the script's result; anything unexpected is itself reported as a problem.
    pub(crate) fn from_json(value: &Value) -> Recorded {
        let (Some(problems), Some(requests)) =
            (value["problems"].as_array(), value["requests"].as_array())
        else {
            return Recorded {
                problems: vec![LogEntry {
                    level: "SEVERE".to_owned(),
                    message: format!("the guard's recorder returned {value}"),
                }],
                requests: Vec::new(),
            };
        };
        let problems = problems.iter().map(|pair| LogEntry {
            level: pair[0].as_str().unwrap_or("SEVERE").to_owned(),
            message: pair[1]
                .as_str()
                .map_or_else(|| pair[1].to_string(), str::to_owned),
        });
        let requests = requests.iter().map(|pair| PageRequest {
            url: pair[0].as_str().unwrap_or_default().to_owned(),
            // Firefox reports 0 for an opaque cross-origin response: no status known.
            status: pair[1]
                .as_u64()
                .and_then(|s| u16::try_from(s).ok())
                .filter(|s| *s != 0),
            failure: None,
        });
        Recorded {
            problems: problems.collect(),
            requests: requests.collect(),
        }
    }
}

/// The page's console in Firefox's output (pref `devtools.console.stdout.content`): each
/// complete line that starts a content `console.*` message or a content script's
/// "JavaScript error", as a [`LogEntry`]; and how many bytes of `output` were complete
/// lines (a partial last line is left for the next read).
///
/// Firefox's own chrome code logs there too: its messages carry a prefix naming the
/// module (`console.error: RSLoader: …`), and its script errors name a `resource:` or
/// `chrome:` URL; both are left out. Content arguments are printed as values: a string
/// in quotes, an object in parentheses.
pub(crate) fn firefox_console(output: &str) -> (Vec<LogEntry>, usize) {
    let complete = output.rfind('\n').map_or(0, |at| at + 1);
    let mut entries = Vec::new();
    for line in output[..complete].lines() {
        let entry = |level: &str| LogEntry {
            level: level.to_owned(),
            message: line.to_owned(),
        };
        if let Some(rest) = line.strip_prefix("JavaScript error: ") {
            if rest.starts_with("http://") || rest.starts_with("https://") {
                entries.push(entry("SEVERE"));
            }
            continue;
        }
        let Some((method, rest)) = line
            .strip_prefix("console.")
            .and_then(|line| line.split_once(": "))
        else {
            continue;
        };
        if has_module_prefix(rest) {
            continue;
        }
        match method {
            "error" | "assert" => entries.push(entry("SEVERE")),
            "warn" => entries.push(entry("WARNING")),
            "log" | "info" | "debug" | "trace" => entries.push(entry("INFO")),
            _ => {}
        }
    }
    (entries, complete)
}

/// Whether a Firefox console line's text starts with a chrome module's `Name: ` prefix.
fn has_module_prefix(text: &str) -> bool {
    let name_len = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || "_.-".contains(c)))
        .unwrap_or(text.len());
    name_len > 0 && text.as_bytes()[0].is_ascii_alphabetic() && text[name_len..].starts_with(": ")
}

/// `scheme://host:port` of a URL.
pub(crate) fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map_or(0, |at| at + 3);
    let end = url[after_scheme..]
        .find('/')
        .map_or(url.len(), |at| after_scheme + at);
    &url[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
        assert!(!ok.is_unexpected(origin));
        let blob = request("blob:http://127.0.0.1:4242/1", None, None);
        assert!(!blob.is_unexpected(origin));
        let aborted = request("http://127.0.0.1:4242/a.js", None, Some("net::ERR_ABORTED"));
        assert!(!aborted.is_unexpected(origin));
        for bad in [
            request("http://127.0.0.1:4243/app.js", Some(200), None),
            request("https://example.com/x.js", None, None),
            request("http://127.0.0.1:4242/missing.js", Some(404), None),
            request("http://127.0.0.1:4242/a.js", None, Some("net::ERR_FAILED")),
        ] {
            assert!(bad.is_unexpected(origin), "{bad:?}");
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
        assert_eq!(
            log.requests(),
            [
                request("http://h/a/", Some(200), None),
                request("http://x/b", None, Some("net::ERR_NAME_NOT_RESOLVED")),
            ]
        );
    }

    #[test]
    fn reads_network_events_from_the_performance_log() {
        let event = json!({ "message": {
            "method": "Network.requestWillBeSent",
            "params": { "requestId": "7", "request": { "url": "http://h/x.js" } }
        }, "webview": "ABC" });
        let entries = [
            BrowserLogEntry {
                level: "INFO".to_owned(),
                message: event.to_string(),
                timestamp: 0,
                source: None,
            },
            BrowserLogEntry {
                level: "INFO".to_owned(),
                message: "not JSON".to_owned(),
                timestamp: 0,
                source: None,
            },
        ];
        let mut log = NetworkLog::default();
        assert_eq!(log.record_performance_log(&entries), 2);
        assert_eq!(log.requests(), [request("http://h/x.js", None, None)]);
    }

    #[test]
    fn reads_the_page_console_from_firefoxs_output() {
        let output = "1795948148113\tmozrunner::runner\tINFO\tRunning command: firefox\n\
            console.error: RSLoader: \n  Failed to retrieve recipes\n\
            console.log: \"a log\"\n\
            console.error: \"an error\" ({a:1})\n\
            console.warn: \"warned\"\n\
            JavaScript error: http://127.0.0.1:4902/index.html, line 1: Error: boom\n\
            JavaScript error: resource://gre/modules/X.sys.mjs, line 9: TypeError: x\n\
            console.error: \"not yet a whole li";
        let (entries, complete) = firefox_console(output);
        let seen: Vec<(&str, &str)> = entries
            .iter()
            .map(|e| (e.level.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            seen,
            [
                ("INFO", "console.log: \"a log\""),
                ("SEVERE", "console.error: \"an error\" ({a:1})"),
                ("WARNING", "console.warn: \"warned\""),
                (
                    "SEVERE",
                    "JavaScript error: http://127.0.0.1:4902/index.html, line 1: Error: boom"
                ),
            ]
        );
        assert_eq!(&output[complete..], "console.error: \"not yet a whole li");
        assert!(firefox_console("console.log: \"panicked at src/x.rs\"\n").0[0].is_problem());
    }

    #[test]
    fn module_prefixes_mark_firefoxs_own_messages() {
        assert!(has_module_prefix("RSLoader: x"));
        assert!(has_module_prefix("Nimbus.sys-1: x"));
        assert!(!has_module_prefix("\"RSLoader: x\""));
        assert!(!has_module_prefix("({a: 1})"));
        assert!(!has_module_prefix("42"));
        assert!(!has_module_prefix("Error"));
    }

    #[test]
    fn reads_the_recorders_result() {
        let recorded = Recorded::from_json(&json!({
            "problems": [["SEVERE", "console.error: x"]],
            "requests": [["http://h/", 200], ["http://h/a.wasm", null], ["http://x/y", 0]]
        }));
        assert_eq!(
            recorded.problems,
            [LogEntry {
                level: "SEVERE".to_owned(),
                message: "console.error: x".to_owned()
            }]
        );
        assert_eq!(
            recorded.requests,
            [
                request("http://h/", Some(200), None),
                request("http://h/a.wasm", None, None),
                request("http://x/y", None, None),
            ]
        );
        let broken = Recorded::from_json(&json!("oops"));
        assert!(broken.problems[0].is_problem(), "{broken:?}");
        let mut log = NetworkLog::default();
        log.record_all(recorded.requests);
        log.record_all(vec![request("http://h/b", Some(404), None)]);
        assert_eq!(log.requests().len(), 4);
        assert!(log.requests()[3].is_unexpected("http://h"));
    }

    #[test]
    fn errors_and_panics_are_problems() {
        let entry = |level: &str, message: &str| LogEntry {
            level: level.to_owned(),
            message: message.to_owned(),
        };
        assert!(entry("SEVERE", "x").is_problem());
        assert!(entry("INFO", "panicked at src/app.rs:1:1").is_problem());
        assert!(!entry("WARNING", "x").is_problem());
    }
}
