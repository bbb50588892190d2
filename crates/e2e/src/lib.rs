//! Helpers for end-to-end browser tests of the calculator.
//!
//! - [`bundle`] builds the release bundle with `trunk` once per test process.
//! - [`server`] serves a directory over HTTP on 127.0.0.1, optionally under a path prefix.
//! - [`driver`] names the browsers (Chromium, Firefox ESR, WebKitGTK) and starts their
//!   WebDriver servers: `chromedriver` once per test process, `geckodriver` and
//!   `WebKitWebDriver` once per session.
//! - [`xvfb`] is the virtual X display that WebKitGTK's MiniBrowser runs on.
//! - [`browser`] is a blocking session over the `thirtyfour` WebDriver client, with a
//!   session-wide console and network guard ([`guard`], which says what each engine checks).
//! - [`axe`] runs the axe-core accessibility audit in the page.
//!
//! Nothing here downloads a browser or a driver: the browsers, chromedriver and
//! WebKitWebDriver are Debian's packages, geckodriver is built from crates.io at a pinned
//! version; `scripts/setup-test.sh` installs them all, and a missing one fails the test
//! with a message naming that script.

#![warn(missing_docs)]

pub mod axe;
pub mod browser;
pub mod bundle;
pub mod driver;
mod engines;
pub mod guard;
mod process;
mod runtime;
pub mod server;
pub mod xvfb;

pub use browser::{keys, Browser, Element, Error};
pub use driver::BrowserKind;
pub use guard::{LogEntry, PageRequest};
pub use server::{ServedRequest, StaticServer};

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// The workspace root: two levels above this crate's manifest directory.
pub fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(Path::parent)
        .expect("crates/e2e lies two levels below the workspace root")
}

/// Creates a fresh, empty directory under the system temp dir, named after `label`.
pub fn fresh_temp_dir(label: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("e2e-{label}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create temp dir {}: {e}", dir.display()));
    dir
}

/// Polls `ready` every 50 ms until it returns true; panics naming `what` after `timeout`.
pub fn wait_until(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !ready() {
        if Instant::now() >= deadline {
            panic!("timed out after {timeout:?} waiting for {what}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
