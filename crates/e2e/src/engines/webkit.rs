//! WebKitGTK's MiniBrowser, driven by WebKitWebDriver (Debian's
//! webkit2gtk-driver), in a window on a virtual X display ([`crate::xvfb`]):
//! one server per session; the guard's in-page recorder catches the page's
//! errors itself, from after each load.

use std::path::{Path, PathBuf};

use serde_json::json;
use thirtyfour::error::WebDriverResult;
use thirtyfour::Capabilities;

use super::{fixed_binary, w3c_capabilities, Engine, EnvVar, Guarded};
use crate::driver::download_dir;
use crate::xvfb;

/// The narrowest window WebKitGTK's MiniBrowser makes: its toolbar's width.
pub const WEBKIT_MIN_WIDTH: u32 = 447;

/// WebKitGTK's MiniBrowser.
pub(super) struct Webkit;

impl Engine for Webkit {
    fn binary(&self) -> &'static str {
        "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
    }

    fn driver_binary(&self) -> Result<PathBuf, String> {
        fixed_binary("/usr/bin/WebKitWebDriver", self.install_hint())
    }

    fn install_hint(&self) -> &'static str {
        "run scripts/setup-test.sh, which installs Debian's webkit2gtk-driver \
         (WebKitWebDriver and MiniBrowser) and xvfb"
    }

    fn driver_args(&self, port: u16, _log: &Path) -> Result<Vec<String>, String> {
        Ok(vec![format!("--port={port}")])
    }

    /// The virtual display, and the session's own XDG download folder:
    /// MiniBrowser saves downloads there (instead of the user's ~/Downloads),
    /// and GLib reads the folders from $XDG_CONFIG_HOME/user-dirs.dirs.
    fn driver_env(&self, profile: &Path) -> Result<Vec<EnvVar>, String> {
        let config = profile.join("config");
        let downloads = download_dir(profile);
        let dirs = format!("XDG_DOWNLOAD_DIR=\"{}\"\n", downloads.display());
        std::fs::create_dir_all(&config)
            .and_then(|()| std::fs::create_dir_all(&downloads))
            .and_then(|()| std::fs::write(config.join("user-dirs.dirs"), dirs))
            .map_err(|e| format!("cannot prepare {}: {e}", profile.display()))?;
        Ok(vec![
            ("DISPLAY", Some(xvfb::display()?)),
            ("WAYLAND_DISPLAY", None),
            ("XDG_CONFIG_HOME", Some(config.display().to_string())),
        ])
    }

    fn capabilities(
        &self,
        _profile: &Path,
        _width: u32,
        _height: u32,
    ) -> WebDriverResult<Capabilities> {
        // MiniBrowser in automation mode keeps no data between sessions (an ephemeral
        // website data manager); its profile folder holds only its downloads.
        let options = json!({
            "binary": self.binary(),
            "args": ["--automation", "--enable-smooth-scrolling=false"],
        });
        Ok(w3c_capabilities(
            json!({ "webkitgtk:browserOptions": options }),
        ))
    }

    fn min_width(&self) -> u32 {
        WEBKIT_MIN_WIDTH
    }

    fn guarded(&self) -> Guarded {
        Guarded::InPage {
            console_in_page: true,
            console_in_output: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    #[test]
    fn session_asks_for_minibrowser_in_automation_mode() {
        let capabilities = Webkit
            .capabilities(Path::new("/tmp/p"), 800, 600)
            .expect("capabilities");
        let asked = Value::from(capabilities);
        let options = &asked["webkitgtk:browserOptions"];
        assert_eq!(
            options["binary"],
            "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
        );
        assert_eq!(options["args"][0], "--automation");
    }
}
