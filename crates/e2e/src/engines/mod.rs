//! What differs between the three engines the tests drive, one file each:
//! where the browser and its WebDriver server are, how the server starts,
//! what a session asks for, the narrowest viewport, and where the guard
//! reads the console and the requests. The session API
//! ([`crate::Browser`]) and the servers ([`crate::driver`]) ask the engine
//! through [`Engine`] and never match on the kind.

use std::path::{Path, PathBuf};

use serde_json::Value;
use thirtyfour::error::WebDriverResult;
use thirtyfour::Capabilities;

use crate::driver::BrowserKind;

mod chromium;
mod firefox;
mod webkit;

/// Where the guard reads a session's console and requests ([`crate::guard`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Guarded {
    /// The logs chromedriver buffers: the console from the first byte, and
    /// DevTools Network events.
    DevTools,
    /// A recorder script in each page (Resource Timing, and the errors it
    /// catches when `console_in_page`); when `console_in_output`, the page
    /// console the browser prints to its server's output too.
    InPage {
        /// The recorder catches the page's errors itself.
        console_in_page: bool,
        /// The browser prints the page's console where the session reads it.
        console_in_output: bool,
    },
}

/// A variable of a WebDriver server's environment: set to a value, or removed.
pub(crate) type EnvVar = (&'static str, Option<String>);

/// One engine's facts and set-up.
pub(crate) trait Engine: Sync {
    /// The browser's executable.
    fn binary(&self) -> &'static str;

    /// The WebDriver server's executable, or why it is missing.
    fn driver_binary(&self) -> Result<PathBuf, String>;

    /// What to run when the browser or its server is missing.
    fn install_hint(&self) -> &'static str;

    /// Whether one server serves every session of the process (else one per
    /// session, stopped with it).
    fn shares_its_server(&self) -> bool {
        false
    }

    /// The server's command-line arguments for listening on `port` and logging to `log`.
    fn driver_args(&self, port: u16, log: &Path) -> Result<Vec<String>, String>;

    /// The environment of a session's own server (and so of its browser),
    /// whose profile folder is `profile`.
    fn driver_env(&self, _profile: &Path) -> Result<Vec<EnvVar>, String> {
        Ok(Vec::new())
    }

    /// What a session asks of the browser and its server.
    fn capabilities(
        &self,
        profile: &Path,
        width: u32,
        height: u32,
    ) -> WebDriverResult<Capabilities>;

    /// The narrowest viewport the engine can show, in CSS pixels.
    fn min_width(&self) -> u32;

    /// Where the guard reads the console and the requests.
    fn guarded(&self) -> Guarded;

    /// Whether the viewport is pinned by DevTools emulation (else the window
    /// is sized until the viewport is right).
    fn emulates_viewport(&self) -> bool {
        false
    }
}

/// The engine of a kind.
pub(crate) fn of(kind: BrowserKind) -> &'static dyn Engine {
    match kind {
        BrowserKind::Chromium => &chromium::Chromium,
        BrowserKind::Firefox => &firefox::Firefox,
        BrowserKind::Webkit => &webkit::Webkit,
    }
}

/// A server at a fixed path, or why it is missing.
fn fixed_binary(path: &str, install_hint: &str) -> Result<PathBuf, String> {
    if Path::new(path).is_file() {
        Ok(PathBuf::from(path))
    } else {
        Err(format!("{path} is missing: {install_hint}"))
    }
}

/// A capabilities object from JSON (always an object here).
fn w3c_capabilities(value: Value) -> Capabilities {
    match value {
        Value::Object(map) => Capabilities::from(map),
        other => unreachable!("capabilities are an object, not {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_own_engine() {
        let binaries: Vec<&str> = BrowserKind::ALL.map(|kind| of(kind).binary()).to_vec();
        assert_eq!(
            binaries,
            [
                "/usr/bin/chromium",
                "/usr/bin/firefox-esr",
                "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
            ]
        );
        let shared: Vec<bool> = BrowserKind::ALL
            .map(|kind| of(kind).shares_its_server())
            .to_vec();
        assert_eq!(shared, [true, false, false]);
    }
}
