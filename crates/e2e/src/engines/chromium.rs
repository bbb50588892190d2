//! Debian's Chromium, headless, driven by Debian's chromedriver: one server
//! for every session of the process; the guard reads DevTools' logs; the
//! viewport is pinned by emulation (headless Chromium otherwise keeps 143 px
//! of the window for emulated browser UI and widens windows below 500 px).

use std::path::{Path, PathBuf};

use serde_json::json;
use thirtyfour::error::WebDriverResult;
use thirtyfour::prelude::*;
use thirtyfour::{Capabilities, LoggingPrefsLogLevel};

use super::{fixed_binary, Engine, Guarded};
use crate::driver::download_dir;

/// Chromium.
pub(super) struct Chromium;

impl Engine for Chromium {
    fn binary(&self) -> &'static str {
        "/usr/bin/chromium"
    }

    fn driver_binary(&self) -> Result<PathBuf, String> {
        fixed_binary("/usr/bin/chromedriver", self.install_hint())
    }

    fn install_hint(&self) -> &'static str {
        "install Debian's chromium and chromium-driver: run scripts/setup-test.sh"
    }

    fn shares_its_server(&self) -> bool {
        true
    }

    fn driver_args(&self, port: u16, log: &Path) -> Result<Vec<String>, String> {
        Ok(vec![
            format!("--port={port}"),
            format!("--log-path={}", log.display()),
        ])
    }

    fn capabilities(
        &self,
        profile: &Path,
        width: u32,
        height: u32,
    ) -> WebDriverResult<Capabilities> {
        let mut capabilities = DesiredCapabilities::chrome();
        capabilities.set_binary(self.binary())?;
        for arg in args(profile, width, height) {
            capabilities.add_arg(&arg)?;
        }
        // The guard's sources: console and browser messages, and DevTools Network events.
        capabilities.set_logging_prefs("browser", LoggingPrefsLogLevel::All)?;
        capabilities.set_logging_prefs("performance", LoggingPrefsLogLevel::All)?;
        let performance = json!({ "enableNetwork": true, "enablePage": false });
        capabilities.add_experimental_option("perfLoggingPrefs", performance)?;
        // Downloads go to the session's profile (removed with it), not ~/Downloads.
        let prefs = json!({
            "download.default_directory": download_dir(profile).display().to_string(),
            "download.prompt_for_download": false,
        });
        capabilities.add_experimental_option("prefs", prefs)?;
        Ok(capabilities.into())
    }

    fn min_width(&self) -> u32 {
        1
    }

    fn guarded(&self) -> Guarded {
        Guarded::DevTools
    }

    fn emulates_viewport(&self) -> bool {
        true
    }
}

/// Headless, no network of its own (this machine has none beyond loopback), a fresh profile.
fn args(profile: &Path, width: u32, height: u32) -> Vec<String> {
    let fixed = [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];
    let mut args: Vec<String> = fixed.iter().map(|arg| (*arg).to_owned()).collect();
    args.push(format!("--user-data-dir={}", profile.display()));
    args.push(format!("--window-size={width},{height}"));
    args
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    #[test]
    fn session_asks_for_headless_chromium_with_browser_logs() {
        let capabilities = Chromium
            .capabilities(Path::new("/tmp/p"), 800, 600)
            .expect("capabilities");
        let asked = Value::from(capabilities);
        let options = &asked["goog:chromeOptions"];
        assert_eq!(options["binary"], "/usr/bin/chromium");
        assert_eq!(asked["goog:loggingPrefs"]["browser"], "ALL");
        assert_eq!(asked["goog:loggingPrefs"]["performance"], "ALL");
        assert_eq!(
            options["prefs"]["download.default_directory"],
            "/tmp/p/downloads"
        );
        assert_eq!(options["perfLoggingPrefs"]["enableNetwork"], true);
        let args = options["args"].as_array().expect("args");
        for arg in [
            "--headless=new",
            "--disable-background-networking",
            "--disable-quic",
            "--window-size=800,600",
            "--user-data-dir=/tmp/p",
        ] {
            assert!(args.contains(&json!(arg)), "{arg} missing from {args:?}");
        }
    }
}
