//! A blocking browser session for the tests: a thin wrapper over the `thirtyfour`
//! WebDriver client, driven on one tokio runtime shared by the test threads. One API for
//! the three engines of [`BrowserKind`]; what only Chromium can do (DevTools commands,
//! emulated media) says so when asked of another engine.
//!
//! The methods panic with precise messages (this is test code); [`Browser::command`] is the
//! fallible escape hatch for endpoints without a wrapper.

use std::cell::RefCell;
use std::fmt;
use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use thirtyfour::common::command::{Command, FormatRequestData};
use thirtyfour::error::{WebDriverError, WebDriverErrorInner, WebDriverResult};
use thirtyfour::prelude::*;
use thirtyfour::{RequestData, SessionId};

use crate::driver::{self, BrowserKind};
use crate::engines::{self, Guarded};
use crate::guard::{
    firefox_console, origin_of, LogEntry, NetworkLog, PageRequest, Recorded, RECORDER_JS,
};
use crate::runtime;

/// How long [`Browser::find`] polls for a selector by default.
pub const FIND_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one WebDriver command may take (navigation waits for the page load).
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
/// How long a script run by [`Browser::execute_async`] may take.
const ASYNC_SCRIPT_TIMEOUT: Duration = Duration::from_secs(600);
/// How long a window resize may take to reach the page's viewport.
const RESIZE_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a page may take to render a frame ([`Browser::wait_for_frame`]).
const FRAME_TIMEOUT: Duration = Duration::from_secs(5);
/// Pause between two polls.
const POLL_INTERVAL: Duration = Duration::from_millis(50);
/// Most reads of the performance log in one go (each read drains what chromedriver holds).
const MAX_LOG_READS: usize = 100;

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
    /// thirtyfour reported an error: the driver refused the command or was unreachable.
    WebDriver(WebDriverError),
    /// The command had no answer within the time it is allowed.
    Timeout(Duration),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::WebDriver(e) => write!(f, "{e}"),
            Error::Timeout(limit) => write!(f, "no answer from the WebDriver server in {limit:?}"),
        }
    }
}

impl std::error::Error for Error {}

/// A browser session; the session is deleted and its profile removed on drop.
///
/// Dropping a session checks the whole of it, every page it opened: any console error
/// or panic message the test did not read with [`Browser::console_messages`], and any
/// request to another host or for a file the server does not have, fails the test.
/// What each engine can see of that is in [`crate::guard`]'s table.
pub struct Browser {
    kind: BrowserKind,
    /// The session; `None` only while it is being quit on drop.
    driver: Option<WebDriver>,
    /// The session's WebDriver server; dropped (stopped, if it is the session's own)
    /// after the session is quit.
    server: driver::Server,
    base_url: String,
    profile: PathBuf,
    find_timeout: Duration,
    network: RefCell<NetworkLog>,
    /// Firefox and WebKit: what the guard read from the pages and the browser's output.
    page_log: RefCell<PageLog>,
}

/// Console entries that Firefox and WebKit pages logged, read but not yet taken, and how
/// far the browser's output has been read.
#[derive(Default)]
struct PageLog {
    console: Vec<LogEntry>,
    output_read: u64,
}

/// An element found in the current page.
pub struct Element<'b> {
    element: WebElement,
    selector: String,
    /// An element belongs to its session's page: it must not outlive the [`Browser`].
    session: PhantomData<&'b Browser>,
}

impl Browser {
    /// Opens a browser with a `width`×`height` viewport on the release bundle served at "/".
    pub fn open(width: u32, height: u32) -> Browser {
        Browser::open_at(&crate::server::bundle_server("/").base_url(), width, height)
    }

    /// Opens a browser with a `width`×`height` viewport; relative URLs resolve against `base_url`.
    pub fn open_at(base_url: &str, width: u32, height: u32) -> Browser {
        Browser::open_with(BrowserKind::selected(), base_url, width, height)
    }

    /// Opens a browser of `kind`; otherwise as [`Browser::open_at`].
    pub fn open_with(kind: BrowserKind, base_url: &str, width: u32, height: u32) -> Browser {
        let _one_at_a_time = STARTING.lock().unwrap_or_else(|p| p.into_inner());
        let profile = crate::fresh_temp_dir("browser-profile");
        let server = driver::serve(kind, &profile).unwrap_or_else(|e| {
            let _ = std::fs::remove_dir_all(&profile);
            panic!("{e}")
        });
        let capabilities = engines::of(kind)
            .capabilities(&profile, width, height)
            .unwrap_or_else(|e| panic!("cannot describe the {kind:?} session: {e}"));
        let session = WebDriver::builder(server.url(), capabilities)
            .request_timeout(ASYNC_SCRIPT_TIMEOUT + COMMAND_TIMEOUT)
            .into_future();
        let driver = call(COMMAND_TIMEOUT, session).unwrap_or_else(|e| {
            let _ = std::fs::remove_dir_all(&profile);
            panic!(
                "cannot start a {kind:?} session: {e}\nits WebDriver server's log ends:\n{}",
                server.log_tail()
            )
        });
        let browser = Browser {
            kind,
            driver: Some(driver),
            server,
            base_url: with_trailing_slash(base_url),
            profile,
            find_timeout: FIND_TIMEOUT,
            network: RefCell::default(),
            page_log: RefCell::default(),
        };
        browser.pin_viewport(width, height);
        browser
    }

    /// The engine this session drives.
    pub fn kind(&self) -> BrowserKind {
        self.kind
    }

    /// Where the guard reads this session's console and requests.
    fn guarded(&self) -> Guarded {
        engines::of(self.kind).guarded()
    }

    /// Where the browser saves the files that pages download: a folder of the session's
    /// profile (removed with it), set by Chromium's and Firefox's download preferences and
    /// by the XDG download folder of WebKit's own server's environment.
    pub fn download_dir(&self) -> PathBuf {
        driver::download_dir(&self.profile)
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
            let relative = path_and_query.trim_start_matches('/');
            format!("{}{relative}", self.base_url)
        }
    }

    /// Navigates to `path_and_query` relative to the base URL and waits for the page load
    /// and, on the calculator, for the wasm to take over its pre-rendered first screen.
    pub fn goto(&self, path_and_query: &str) {
        self.goto_first_screen(path_and_query);
        // What a test finds must be the live page: the calculator marks `html[data-live]`
        // once it has taken over, and no pre-rendered section stands in any more
        // (`data-stand-in`, src/pre_rendered.rs); other pages have no `#app`.
        let live = "return !document.getElementById('app') \
                    || (document.documentElement.hasAttribute('data-live') \
                        && !document.querySelector('#app [data-stand-in]'));";
        crate::wait_until(
            "the wasm to take over the pre-rendered page",
            self.find_timeout,
            || self.execute(live, &[]) == serde_json::json!(true),
        );
    }

    /// Navigates to `path_and_query` and waits for the page load only: on the calculator
    /// the pre-rendered first screen may still be showing.
    ///
    /// In Firefox and WebKit the guard reads the page it leaves first, and installs its
    /// recorder in the new one once it has loaded ([`crate::guard`]).
    pub fn goto_first_screen(&self, path_and_query: &str) {
        let url = self.url(path_and_query);
        let in_page = self.guarded() != Guarded::DevTools;
        if in_page {
            self.read_page();
        }
        must(
            format!("navigate to {url}"),
            self.driver().goto(url.as_str()),
        );
        if in_page {
            self.read_page();
        }
    }

    /// The URL of the current page.
    pub fn current_url(&self) -> String {
        must("read the current URL", self.driver().current_url()).to_string()
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
        match call(COMMAND_TIMEOUT, self.driver().find(By::Css(css))) {
            Ok(element) => Ok(Some(self.element(element, css))),
            Err(Error::WebDriver(e))
                if matches!(e.as_inner(), WebDriverErrorInner::NoSuchElement(_)) =>
            {
                Ok(None)
            }
            Err(e) => Err(e),
        }
    }

    /// All elements matching `css` right now (no waiting; possibly none).
    pub fn find_all(&self, css: &str) -> Vec<Element<'_>> {
        let found = must(
            format!("find all `{css}`"),
            self.driver().find_all(By::Css(css)),
        );
        let elements = found.into_iter();
        elements.map(|element| self.element(element, css)).collect()
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
        let ran = must(
            format!("execute script {js:?}"),
            self.driver().execute(js, args.to_vec()),
        );
        ran.json().clone()
    }

    /// Runs `js` as a function body whose last argument is a callback; returns what the
    /// script passes to it. The script may take up to 10 minutes.
    pub fn execute_async(&self, js: &str, args: &[Value]) -> Value {
        let driver = self.driver();
        must(
            "set the script timeout",
            driver.set_script_timeout(ASYNC_SCRIPT_TIMEOUT),
        );
        let run = driver.execute_async(js, args.to_vec());
        call(ASYNC_SCRIPT_TIMEOUT + COMMAND_TIMEOUT, run)
            .unwrap_or_else(|e| panic!("cannot execute async script {js:?}: {e}"))
            .json()
            .clone()
    }

    /// Makes later commands act inside `frame`, an `<iframe>` of the current page.
    pub fn enter_frame(&self, frame: &Element<'_>) {
        let doing = format!("enter the frame `{}`", frame.selector);
        must(doing, frame.element.clone().enter_frame());
    }

    /// Makes later commands act on the parent of the current frame again.
    pub fn leave_frame(&self) {
        must("leave the frame", self.driver().enter_parent_frame());
    }

    /// The browser console entries logged since the previous call, as far as the engine
    /// lets the guard see them ([`crate::guard`]).
    pub fn console_messages(&self) -> Vec<LogEntry> {
        match self.guarded() {
            Guarded::DevTools => {
                let read = self.driver().browser_log();
                let entries = must("read the browser console log", read);
                entries.into_iter().map(LogEntry::from).collect()
            }
            Guarded::InPage { .. } => {
                self.read_page();
                std::mem::take(&mut self.page_log.borrow_mut().console)
            }
        }
    }

    /// Every request the pages of this session made so far, in the order they started.
    pub fn page_requests(&self) -> Vec<PageRequest> {
        self.read_network_events();
        self.network.borrow().requests()
    }

    /// The requests that break the page's no-network promise: to any origin but the
    /// base URL's, answered with an error status, or failed (other than cancelled).
    pub fn unexpected_requests(&self) -> Vec<PageRequest> {
        let origin = origin_of(&self.base_url);
        let requests = self.page_requests().into_iter();
        requests.filter(|r| r.is_unexpected(origin)).collect()
    }

    /// What went wrong in this session since the last call: console errors and panics
    /// not read with [`Browser::console_messages`], and unexpected requests. Each is
    /// reported once, so a test that provokes one on purpose can take it here.
    pub fn problems(&self) -> Vec<String> {
        let console = self.console_messages().into_iter();
        let console = console
            .filter(LogEntry::is_problem)
            .map(|entry| format!("console {}: {}", entry.level, entry.message));
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

    /// Moves the requests the engine reports into the log: the DevTools Network events
    /// chromedriver has buffered, or the pages' Resource Timing entries.
    fn read_network_events(&self) {
        match self.guarded() {
            Guarded::DevTools => {
                let mut log = self.network.borrow_mut();
                for _ in 0..MAX_LOG_READS {
                    let read = self.driver().get_log("performance");
                    let entries = must("read the performance log", read);
                    if log.record_performance_log(&entries) == 0 {
                        break;
                    }
                }
            }
            Guarded::InPage { .. } => self.read_page(),
        }
    }

    /// Firefox and WebKit: runs the guard's recorder in the current page (installing it
    /// where it is missing) and keeps what it returns; in Firefox, also reads the page
    /// console that the browser printed since the last read.
    fn read_page(&self) {
        let (console_in_page, console_in_output) = match self.guarded() {
            Guarded::DevTools => (false, false),
            Guarded::InPage {
                console_in_page,
                console_in_output,
            } => (console_in_page, console_in_output),
        };
        let options = json!({ "console": console_in_page });
        let ran = call(
            COMMAND_TIMEOUT,
            self.driver().execute(RECORDER_JS, vec![options]),
        )
        .unwrap_or_else(|e| panic!("cannot run the console and network guard: {e}"));
        let recorded = Recorded::from_json(ran.json());
        self.network.borrow_mut().record_all(recorded.requests);
        let mut page_log = self.page_log.borrow_mut();
        page_log.console.extend(recorded.problems);
        if console_in_output {
            let read_so_far = page_log.output_read;
            if let Some(output) = self.server.output_since(read_so_far) {
                let (entries, complete) = firefox_console(&output);
                page_log.console.extend(entries);
                page_log.output_read = read_so_far + complete as u64;
            }
        }
    }

    /// Saves a PNG screenshot of the viewport to `path`, once the page has rendered a
    /// frame ([`Browser::wait_for_frame`]).
    pub fn screenshot_png(&self, path: impl AsRef<Path>) {
        let path = path.as_ref();
        self.wait_for_frame();
        let png = must("take a screenshot", self.driver().screenshot_as_png());
        write_png(path, &png);
    }

    /// Saves a PNG of the part of the viewport at `x`, `y` (CSS pixels from its top left
    /// corner), `width`×`height` CSS pixels, to `path`: the viewport's screenshot, cropped
    /// by a canvas in the current page (which must allow `data:` images).
    ///
    /// Instead of an element screenshot, which WebKitGTK gets wrong for an `<iframe>`
    /// (parts of it come out black).
    pub fn screenshot_region_png(
        &self,
        path: impl AsRef<Path>,
        (x, y): (u32, u32),
        (width, height): (u32, u32),
    ) {
        self.wait_for_frame();
        let whole = must(
            "take a screenshot",
            self.driver().screenshot_as_png_base64(),
        );
        let cropped = self.execute_async(
            "const [data, x, y, width, height, done] = arguments;
             const image = new Image();
             image.onerror = () => done('cannot decode the screenshot');
             image.onload = () => {
               const scale = image.naturalWidth / window.innerWidth;
               const canvas = document.createElement('canvas');
               canvas.width = Math.round(width * scale);
               canvas.height = Math.round(height * scale);
               canvas.getContext('2d').drawImage(image, x * scale, y * scale,
                 width * scale, height * scale, 0, 0, canvas.width, canvas.height);
               canvas.toBlob((png) => png.arrayBuffer()
                 .then((bytes) => done(Array.from(new Uint8Array(bytes)))), 'image/png');
             };
             image.src = 'data:image/png;base64,' + data;",
            &[
                json!(whole),
                json!(x),
                json!(y),
                json!(width),
                json!(height),
            ],
        );
        let png: Vec<u8> = serde_json::from_value(cropped.clone())
            .unwrap_or_else(|_| panic!("cannot crop the screenshot: {cropped}"));
        write_png(path.as_ref(), &png);
    }

    /// Waits until the page has rendered a frame after this call (two animation frames,
    /// at most 5 s), so that a screenshot shows the latest layout: once
    /// WebKitGTK gave one from before its first paint after a load and a resize (white,
    /// with a black band the height of the resize).
    pub fn wait_for_frame(&self) {
        let rendered = self.execute_async(
            "const done = arguments[arguments.length - 1];
             const timer = setTimeout(() => done(false), arguments[0]);
             requestAnimationFrame(() => requestAnimationFrame(() => {
               clearTimeout(timer);
               done(true);
             }));",
            &[json!(FRAME_TIMEOUT.as_millis())],
        );
        assert_eq!(
            rendered,
            json!(true),
            "the page rendered no frame within {FRAME_TIMEOUT:?}"
        );
    }

    /// Resizes the window and pins the page's viewport to `width`×`height` CSS pixels.
    ///
    /// Panics if the engine cannot show a viewport that small: Firefox's window is at
    /// least 500 px wide, WebKitGTK's MiniBrowser 447 px (its toolbar), as their
    /// engines say ([`min_width`]); Chromium's viewport can be any size.
    pub fn set_window_size(&self, width: u32, height: u32) {
        must(
            format!("resize the window to {width}x{height}"),
            self.driver().set_window_rect(0, 0, width, height),
        );
        self.pin_viewport(width, height);
    }

    /// The narrowest viewport the engine can show, in CSS pixels.
    pub fn min_width(&self) -> u32 {
        min_width(self.kind)
    }

    /// The page's viewport, `innerWidth`×`innerHeight`.
    pub fn viewport(&self) -> (u32, u32) {
        let size = self.execute("return [innerWidth, innerHeight];", &[]);
        let side = |at: usize| {
            size[at]
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .unwrap_or_else(|| panic!("the viewport's size is not [w, h]: {size}"))
        };
        (side(0), side(1))
    }

    /// Makes the viewport exactly `width`×`height`: headless Chromium otherwise keeps
    /// 143 px of the window height for emulated browser UI and widens windows below 500 px;
    /// Firefox and WebKit get a window as much larger as their toolbars take.
    fn pin_viewport(&self, width: u32, height: u32) {
        if engines::of(self.kind).emulates_viewport() {
            let cdp = self.driver().cdp();
            let emulation = cdp.emulation();
            let pin = emulation.set_device_metrics_override(width, height, 1.0, false);
            must(format!("pin the viewport to {width}x{height}"), pin);
        } else {
            self.fit_window(width, height);
        }
    }

    /// Sizes the window so that the viewport is `width`×`height`: sets the window to that,
    /// measures what the browser's own parts take, and grows the window by as much.
    fn fit_window(&self, width: u32, height: u32) {
        let minimum = self.min_width();
        assert!(
            width >= minimum,
            "{:?} cannot show a viewport {width} px wide: its window is at least {minimum} px",
            self.kind
        );
        let mut window = (width, height);
        let mut shown = (0, 0);
        for _ in 0..3 {
            shown = self.resize_window(window);
            if shown == (width, height) {
                return;
            }
            let grow = |want: u32, got: u32, now: u32| (now + want).saturating_sub(got).max(1);
            window = (
                grow(width, shown.0, window.0),
                grow(height, shown.1, window.1),
            );
        }
        assert_eq!(
            shown,
            (width, height),
            "{:?} would not show a {width}x{height} viewport",
            self.kind
        );
    }

    /// Sets the window's outer size to `window` and returns the viewport once the page
    /// shows the change. WebKitGTK answers the command before the page's viewport
    /// follows (when the machine is busy, a read right after it can give the old size),
    /// so this polls until the viewport differs from before, for at most
    /// [`RESIZE_TIMEOUT`]; a window already that size is not waited for.
    fn resize_window(&self, window: (u32, u32)) -> (u32, u32) {
        let before = self.viewport();
        let rect = must("read the window's size", self.driver().get_window_rect());
        must(
            format!("resize the window to {}x{}", window.0, window.1),
            self.driver().set_window_rect(0, 0, window.0, window.1),
        );
        if (rect.width, rect.height) == (i64::from(window.0), i64::from(window.1)) {
            return self.viewport();
        }
        let deadline = Instant::now() + RESIZE_TIMEOUT;
        loop {
            let shown = self.viewport();
            if shown != before || Instant::now() >= deadline {
                return shown;
            }
            std::thread::sleep(POLL_INTERVAL);
        }
    }

    /// Runs a DevTools Protocol command in the current page, e.g. "Emulation.setCPUThrottlingRate".
    /// Chromium only.
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        assert!(
            engines::of(self.kind).emulates_viewport(),
            "DevTools commands ({cmd}) exist in Chromium only, not in {:?}",
            self.kind
        );
        let cdp = self.driver().cdp();
        must(format!("run {cmd}"), cdp.send_raw(cmd, params))
    }

    /// Makes `prefers-color-scheme` match `scheme` ("light" or "dark") from now on.
    /// Chromium only.
    pub fn emulate_color_scheme(&self, scheme: &str) {
        let feature = json!({ "name": "prefers-color-scheme", "value": scheme });
        self.cdp(
            "Emulation.setEmulatedMedia",
            json!({ "features": [feature] }),
        );
    }

    /// Sends a raw WebDriver command; `path` is relative to the session, e.g. "/title".
    pub fn command(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, Error> {
        let method = http::Method::from_bytes(method.as_bytes()).map_err(|e| {
            Error::WebDriver(WebDriverError::RequestFailed(format!(
                "bad method {method:?}: {e}"
            )))
        })?;
        let raw = RawCommand {
            method,
            path: path.to_owned(),
            body: body.cloned(),
        };
        let sent = self.driver().cmd(raw);
        call(COMMAND_TIMEOUT, async { sent.await?.value_json() })
    }

    /// The session, which is open from [`Browser::open_with`] until drop.
    fn driver(&self) -> &WebDriver {
        self.driver
            .as_ref()
            .expect("the session stays open until the browser is dropped")
    }

    /// The current URL for an error message, without panicking.
    fn describe_page(&self) -> String {
        match call(COMMAND_TIMEOUT, self.driver().current_url()) {
            Ok(url) => url.to_string(),
            Err(e) => format!("a page whose URL is unknown ({e})"),
        }
    }

    fn element(&self, element: WebElement, css: &str) -> Element<'_> {
        Element {
            element,
            selector: css.to_owned(),
            session: PhantomData,
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
        if let Some(driver) = self.driver.take() {
            let _ = call(COMMAND_TIMEOUT, driver.quit());
        }
        let _ = std::fs::remove_dir_all(&self.profile);
        assert!(
            problems.is_empty(),
            "the page logged errors or made requests it must not:\n{}",
            problems.join("\n")
        );
    }
}

impl Element<'_> {
    /// Clicks the element's centre.
    pub fn click(&self) {
        self.run("click", self.element.click());
    }

    /// Empties an editable element.
    pub fn clear(&self) {
        self.run("clear", self.element.clear());
    }

    /// Focuses the element and types `text`, which may contain [`keys`] constants.
    pub fn send_keys(&self, text: &str) {
        self.run(
            &format!("send keys {text:?} to"),
            self.element.send_keys(text),
        );
    }

    /// The element's HTML attribute `name`, if present.
    pub fn attr(&self, name: &str) -> Option<String> {
        self.run(
            &format!("read attribute {name:?} of"),
            self.element.attr(name),
        )
    }

    /// The element's HTML attribute `name`, if present; an error if the element is gone
    /// (re-rendered) or the driver refuses, for polling.
    pub fn try_attr(&self, name: &str) -> Result<Option<String>, Error> {
        call(COMMAND_TIMEOUT, self.element.attr(name))
    }

    /// The element's DOM property `name` (e.g. "value", "checked") as JSON.
    pub fn prop(&self, name: &str) -> Value {
        let id = self.element.element_id();
        let read = self
            .element
            .handle()
            .cmd(Command::GetElementProperty(id, name.into()));
        let doing = format!("read property {name:?} of");
        self.run(&doing, async { read.await?.value_json() })
    }

    /// The element's rendered text.
    pub fn text(&self) -> String {
        self.try_text()
            .unwrap_or_else(|e| panic!("cannot read text of `{}`: {e}", self.selector))
    }

    /// The W3C element reference, for passing the element to [`Browser::execute`].
    pub fn to_json(&self) -> Value {
        self.element
            .to_json()
            .unwrap_or_else(|e| panic!("cannot refer to `{}`: {e}", self.selector))
    }

    /// The element's rendered text; an error if the element is gone (re-rendered) or
    /// the driver refuses, for polling.
    pub fn try_text(&self) -> Result<String, Error> {
        call(COMMAND_TIMEOUT, self.element.text())
    }

    /// Runs a command on the element that must succeed; panics with `doing` otherwise.
    fn run<T>(&self, doing: &str, command: impl Future<Output = WebDriverResult<T>>) -> T {
        call(COMMAND_TIMEOUT, command)
            .unwrap_or_else(|e| panic!("cannot {doing} `{}`: {e}", self.selector))
    }
}

/// A WebDriver command that thirtyfour has no method for, by method and session path.
#[derive(Debug)]
struct RawCommand {
    method: http::Method,
    path: String,
    body: Option<Value>,
}

impl FormatRequestData for RawCommand {
    fn format_request(&self, session_id: &SessionId) -> RequestData {
        let uri = format!("session/{session_id}{}", self.path);
        let request = RequestData::new(self.method.clone(), uri);
        match &self.body {
            Some(body) => request.add_body(body.clone()),
            None => request,
        }
    }
}

/// Waits for one thirtyfour call on the runtime, at most `limit`.
fn call<T>(limit: Duration, command: impl Future<Output = WebDriverResult<T>>) -> Result<T, Error> {
    match runtime::block_on_within(limit, command) {
        Ok(result) => result.map_err(Error::WebDriver),
        Err(limit) => Err(Error::Timeout(limit)),
    }
}

/// Runs a command that must succeed; panics with `doing` and the error otherwise.
fn must<T>(doing: impl fmt::Display, command: impl Future<Output = WebDriverResult<T>>) -> T {
    call(COMMAND_TIMEOUT, command).unwrap_or_else(|e| panic!("cannot {doing}: {e}"))
}

/// The narrowest viewport `kind` can show.
pub fn min_width(kind: BrowserKind) -> u32 {
    engines::of(kind).min_width()
}

fn write_png(path: &Path, png: &[u8]) {
    std::fs::write(path, png)
        .unwrap_or_else(|e| panic!("cannot write screenshot {}: {e}", path.display()));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_test_ids() {
        assert_eq!(testid_selector("price"), r#"[data-testid="price"]"#);
        assert_eq!(testid_selector(r#"a"b"#), r#"[data-testid="a\"b"]"#);
    }

    #[test]
    fn relative_urls_resolve_against_the_base() {
        assert_eq!(with_trailing_slash("http://h/x"), "http://h/x/");
        assert_eq!(with_trailing_slash("http://h/x/"), "http://h/x/");
    }
}
