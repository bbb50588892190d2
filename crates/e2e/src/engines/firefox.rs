//! Debian's Firefox ESR, headless, driven by geckodriver (built from
//! crates.io at a pinned version): one server per session, as geckodriver
//! takes one session at a time; Firefox prints the page's console to the
//! server's output, which the guard reads beside its in-page recorder.

use std::path::{Path, PathBuf};

use serde_json::{json, Value};
use thirtyfour::error::{WebDriverError, WebDriverResult};
use thirtyfour::Capabilities;

use super::{w3c_capabilities, Engine, EnvVar, Guarded};
use crate::driver::{download_dir, free_port};

/// The narrowest window headless Firefox ESR makes (asked for less, it stays this wide).
pub const FIREFOX_MIN_WIDTH: u32 = 500;

/// Firefox ESR.
pub(super) struct Firefox;

impl Engine for Firefox {
    fn binary(&self) -> &'static str {
        "/usr/bin/firefox-esr"
    }

    /// geckodriver is looked for in cargo's bin folder, where
    /// `scripts/setup-test.sh` installs the pinned version, then on `PATH`.
    fn driver_binary(&self) -> Result<PathBuf, String> {
        find_geckodriver().ok_or_else(|| {
            format!(
                "geckodriver is neither in cargo's bin folder nor on PATH: {}",
                self.install_hint()
            )
        })
    }

    fn install_hint(&self) -> &'static str {
        "run scripts/setup-test.sh, which installs Debian's firefox-esr and builds \
         the geckodriver version it pins with cargo install"
    }

    fn driver_args(&self, port: u16, log: &Path) -> Result<Vec<String>, String> {
        Ok(vec![
            format!("--port={port}"),
            // Each geckodriver hands Firefox a WebDriver BiDi port; the default (9222)
            // would clash between two sessions at once.
            format!("--websocket-port={}", free_port()?),
            // Its temporary profiles go where the server's log is, removed with it.
            format!("--profile-root={}", log.parent().unwrap_or(log).display()),
        ])
    }

    fn driver_env(&self, _profile: &Path) -> Result<Vec<EnvVar>, String> {
        Ok(vec![("MOZ_CRASHREPORTER_DISABLE", Some("1".to_owned()))])
    }

    fn capabilities(
        &self,
        profile: &Path,
        _width: u32,
        _height: u32,
    ) -> WebDriverResult<Capabilities> {
        let downloads = download_dir(profile);
        std::fs::create_dir_all(&downloads)
            .map_err(|e| WebDriverError::RequestFailed(format!("{downloads:?}: {e}")))?;
        let options = json!({
            "binary": self.binary(),
            "args": ["-headless"],
            "prefs": prefs(&downloads),
        });
        Ok(w3c_capabilities(json!({
            "browserName": "firefox",
            "moz:firefoxOptions": options,
        })))
    }

    fn min_width(&self) -> u32 {
        FIREFOX_MIN_WIDTH
    }

    fn guarded(&self) -> Guarded {
        Guarded::InPage {
            console_in_page: false,
            console_in_output: true,
        }
    }
}

/// geckodriver in `$CARGO_HOME/bin` or `~/.cargo/bin`, else on `PATH`.
fn find_geckodriver() -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default();
    let cargo_home = std::env::var_os("CARGO_HOME").map(PathBuf::from);
    let home_cargo = std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo"));
    let cargo_bins = cargo_home
        .into_iter()
        .chain(home_cargo)
        .map(|d| d.join("bin"));
    cargo_bins
        .chain(on_path)
        .map(|dir| dir.join("geckodriver"))
        .find(|candidate| candidate.is_file())
}

/// Firefox's preferences beyond geckodriver's own (which already turn off updates,
/// telemetry and most of what calls home): the page's console on stdout for the guard,
/// downloads saved to `downloads` without asking, and no other background network use
/// (this machine has none beyond loopback; a failing sync logs errors of its own).
fn prefs(downloads: &Path) -> Value {
    json!({
        "devtools.console.stdout.content": true,
        "devtools.console.stdout.chrome": false,
        "browser.download.folderList": 2,
        "browser.download.dir": downloads.display().to_string(),
        "browser.download.useDownloadDir": true,
        "browser.download.always_ask_before_handling_new_types": false,
        "browser.download.start_downloads_in_tmp_dir": false,
        "browser.download.alwaysOpenPanel": false,
        "app.normandy.enabled": false,
        "messaging-system.rsexperimentloader.enabled": false,
        "nimbus.rollouts.enabled": false,
        "browser.region.update.enabled": false,
        "browser.region.network.url": "",
        "network.connectivity-service.enabled": false,
        "network.captive-portal-service.enabled": false,
        "network.dns.disablePrefetch": true,
        "network.prefetch-next": false,
        "browser.safebrowsing.update.enabled": false,
        "services.settings.poll_interval": 86400,
        "extensions.getAddons.cache.enabled": false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geckodriver_gets_its_own_bidi_port_and_profile_root() {
        let args = Firefox
            .driver_args(4444, Path::new("/tmp/wd/driver.log"))
            .expect("args");
        assert_eq!(args[0], "--port=4444");
        assert!(args[1].starts_with("--websocket-port="), "{args:?}");
        assert_ne!(args[1], "--websocket-port=9222");
        assert_eq!(args[2], "--profile-root=/tmp/wd");
    }

    #[test]
    fn session_asks_for_headless_firefox_printing_the_page_console() {
        let profile = crate::fresh_temp_dir("capabilities");
        let capabilities = Firefox
            .capabilities(&profile, 800, 600)
            .expect("capabilities");
        let asked = Value::from(capabilities);
        let options = &asked["moz:firefoxOptions"];
        assert_eq!(asked["browserName"], "firefox");
        assert_eq!(options["binary"], "/usr/bin/firefox-esr");
        assert!(options["args"]
            .as_array()
            .expect("args")
            .contains(&json!("-headless")));
        let prefs = &options["prefs"];
        assert_eq!(prefs["devtools.console.stdout.content"], true);
        assert_eq!(
            prefs["browser.download.dir"],
            json!(profile.join("downloads").display().to_string())
        );
        assert!(profile.join("downloads").is_dir());
        std::fs::remove_dir_all(&profile).expect("remove the profile");
    }
}
