//! The browsers the tests can drive, and their WebDriver servers, each started from the
//! system's own binary (nothing is downloaded):
//!
//! | kind | browser | WebDriver server | how it runs |
//! |---|---|---|---|
//! | [`BrowserKind::Chromium`] | Debian's `chromium` | Debian's `chromedriver`, one per test process | headless |
//! | [`BrowserKind::Firefox`] | Debian's `firefox-esr` | `geckodriver` (crates.io, `cargo install`), one per session | headless |
//! | [`BrowserKind::Webkit`] | WebKitGTK's `MiniBrowser` (Debian's `webkit2gtk-driver`) | `WebKitWebDriver`, one per session | in a window on a virtual X display ([`crate::xvfb`]) |
//!
//! geckodriver and WebKitWebDriver accept one session at a time, so each
//! [`crate::Browser`] of those kinds starts its own server and stops it when dropped;
//! their output (which for Firefox includes the page's console, see [`crate::guard`]) goes
//! to a file that the session reads. chromedriver serves every session of the process and
//! is stopped at exit.

use std::io::{Read, Seek, SeekFrom};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::engines::{self, EnvVar};
use crate::process::terminate;
use crate::{runtime, xvfb};

/// How long a WebDriver server may take to report ready.
pub const STARTUP_TIMEOUT: Duration = Duration::from_secs(20);
/// The environment variable that picks the browser of [`crate::Browser::open`]:
/// "chromium" (the default), "firefox" or "webkit".
pub const BROWSER_ENV: &str = "E2E_BROWSER";

/// A browser the tests can drive, with the WebDriver server that drives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BrowserKind {
    /// Debian's headless Chromium, driven by Debian's chromedriver.
    Chromium,
    /// Debian's Firefox ESR, headless, driven by geckodriver.
    Firefox,
    /// WebKitGTK's MiniBrowser on a virtual X display, driven by WebKitWebDriver.
    Webkit,
}

impl BrowserKind {
    /// Every kind, Chromium first.
    pub const ALL: [BrowserKind; 3] = [
        BrowserKind::Chromium,
        BrowserKind::Firefox,
        BrowserKind::Webkit,
    ];

    /// The browser named by `E2E_BROWSER`, Chromium if unset; panics on an unknown name.
    pub fn selected() -> BrowserKind {
        match std::env::var(BROWSER_ENV) {
            Err(_) => BrowserKind::Chromium,
            Ok(name) => BrowserKind::named(&name).unwrap_or_else(|| {
                panic!(
                    "{BROWSER_ENV}={name:?} is not a browser these tests drive; \
                     use \"chromium\", \"firefox\" or \"webkit\""
                )
            }),
        }
    }

    /// The kind with this name ("chromium", "firefox", "webkit", or their packages'
    /// names), if any; the empty name is Chromium.
    pub fn named(name: &str) -> Option<BrowserKind> {
        match name.trim().to_ascii_lowercase().as_str() {
            "" | "chromium" => Some(BrowserKind::Chromium),
            "firefox" | "firefox-esr" => Some(BrowserKind::Firefox),
            "webkit" | "webkitgtk" => Some(BrowserKind::Webkit),
            _ => None,
        }
    }

    /// The kind's short name, as [`BrowserKind::named`] takes it and as folders are named.
    pub fn name(self) -> &'static str {
        match self {
            BrowserKind::Chromium => "chromium",
            BrowserKind::Firefox => "firefox",
            BrowserKind::Webkit => "webkit",
        }
    }
}

/// A WebDriver server child process; stopped when dropped (which a shared server in its
/// static slot never is: [`stop_drivers`] stops it at exit).
pub(crate) struct Driver {
    kind: BrowserKind,
    addr: SocketAddr,
    child: Mutex<Child>,
    log_dir: PathBuf,
    log: PathBuf,
}

/// The WebDriver server of one session: the process's shared server, or its own.
pub(crate) enum Server {
    /// chromedriver, shared by every session of the process.
    Shared(&'static Driver),
    /// geckodriver or WebKitWebDriver, started for this session and stopped on drop.
    Own(Driver),
}

impl Server {
    fn driver(&self) -> &Driver {
        match self {
            Server::Shared(driver) => driver,
            Server::Own(driver) => driver,
        }
    }

    /// The server's URL.
    pub(crate) fn url(&self) -> String {
        format!("http://{}", self.driver().addr)
    }

    /// A session's own server's output (stdout and stderr, which for geckodriver include
    /// Firefox's), from byte `from` on; `None` for a shared server.
    pub(crate) fn output_since(&self, from: u64) -> Option<String> {
        let Server::Own(driver) = self else {
            return None;
        };
        let mut file = std::fs::File::open(&driver.log).ok()?;
        file.seek(SeekFrom::Start(from)).ok()?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).ok()?;
        Some(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// The last lines of the server's log, for an error message.
    pub(crate) fn log_tail(&self) -> String {
        log_tail(&self.driver().log)
    }
}

/// A WebDriver server for one new session of `kind` whose profile folder is `profile`:
/// the shared one (started on first use), or a new one of its own.
///
/// A server of its own can give the browser an environment of its own: MiniBrowser
/// saves downloads in the XDG download folder, which is made `downloads` in `profile`
/// (instead of the user's `~/Downloads`).
///
/// Fails with a precise message if the browser, its server or (for WebKit) Xvfb is
/// missing or does not start; for a shared server, later calls fail fast the same way.
pub(crate) fn serve(kind: BrowserKind, profile: &Path) -> Result<Server, String> {
    let engine = engines::of(kind);
    if engine.shares_its_server() {
        match shared_slot(kind).get_or_init(|| start(kind, &[])) {
            Ok(driver) => Ok(Server::Shared(driver)),
            Err(message) => Err(message.clone()),
        }
    } else {
        let env = engine.driver_env(profile)?;
        start(kind, &env).map(Server::Own)
    }
}

/// The folder where the browser of a session with this profile saves downloads.
pub(crate) fn download_dir(profile: &Path) -> PathBuf {
    profile.join("downloads")
}

/// This process's shared server for `kind`.
fn shared_slot(kind: BrowserKind) -> &'static OnceLock<Result<Driver, String>> {
    static CHROMEDRIVER: OnceLock<Result<Driver, String>> = OnceLock::new();
    match kind {
        BrowserKind::Chromium => &CHROMEDRIVER,
        other => unreachable!("{other:?} has one server per session"),
    }
}

fn start(kind: BrowserKind, env: &[EnvVar]) -> Result<Driver, String> {
    let engine = engines::of(kind);
    if !Path::new(engine.binary()).is_file() {
        return Err(format!(
            "{} is missing: {}",
            engine.binary(),
            engine.install_hint()
        ));
    }
    let program = engine.driver_binary()?;
    let port = free_port()?;
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let log_dir = crate::fresh_temp_dir("webdriver");
    let log = log_dir.join("driver.log");
    let mut command = Command::new(&program);
    command
        .args(engine.driver_args(port, &log)?)
        .stdin(Stdio::null());
    if engine.shares_its_server() {
        command.stdout(Stdio::null()).stderr(Stdio::null());
    } else {
        // The browser inherits these: Firefox's console goes to the same file.
        let file = std::fs::File::create(&log)
            .map_err(|e| format!("cannot create {}: {e}", log.display()))?;
        let copy = file
            .try_clone()
            .map_err(|e| format!("cannot share {}: {e}", log.display()))?;
        command.stdout(file).stderr(copy);
    }
    for (name, value) in env {
        match value {
            Some(value) => command.env(name, value),
            None => command.env_remove(name),
        };
    }
    let child = command.spawn().map_err(|e| {
        format!(
            "cannot start {}: {e} ({})",
            program.display(),
            engine.install_hint()
        )
    })?;
    let driver = Driver {
        kind,
        addr,
        child: Mutex::new(child),
        log_dir,
        log,
    };
    if let Err(problem) = wait_until_ready(&driver) {
        // Dropping `driver` stops the server.
        return Err(format!(
            "{} on {addr} {problem}; its log ends:\n{}",
            program.display(),
            log_tail(&driver.log)
        ));
    }
    stop_at_exit();
    Ok(driver)
}

/// Asks the OS for a free loopback port.
pub(crate) fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|e| format!("cannot find a free port for the WebDriver server: {e}"))
}

/// Polls `GET /status` until `value.ready` is true, the child exits, or the wait runs out.
fn wait_until_ready(driver: &Driver) -> Result<(), String> {
    let deadline = Instant::now() + STARTUP_TIMEOUT;
    loop {
        if let Ok(Some(status)) = driver.lock_child().try_wait() {
            return Err(format!("exited at startup ({status})"));
        }
        if is_ready(driver.addr) {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(format!("was not ready within {STARTUP_TIMEOUT:?}"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn is_ready(addr: SocketAddr) -> bool {
    let status = runtime::block_on_within(Duration::from_secs(2), async move {
        let response = reqwest::get(format!("http://{addr}/status")).await?;
        response.json::<Value>().await
    });
    matches!(status, Ok(Ok(status)) if status["value"]["ready"] == true)
}

fn log_tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(30)..].join("\n")
}

impl Driver {
    fn lock_child(&self) -> std::sync::MutexGuard<'_, Child> {
        self.child.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Stops the server (chromedriver is asked to close its browsers and exit first; the
    /// others have no session left by now), then removes its log and profiles.
    fn stop(&self) {
        if engines::of(self.kind).shares_its_server() {
            request_shutdown(self.addr);
        }
        terminate(&mut self.lock_child(), Duration::from_secs(3));
        let _ = std::fs::remove_dir_all(&self.log_dir);
    }
}

/// Asks chromedriver at `addr` to close its browsers and exit, waiting up to 5 s.
///
/// From a thread of its own: at exit, the main thread's thread-locals, which entering the
/// runtime needs, may already be gone.
fn request_shutdown(addr: SocketAddr) {
    let shutdown = format!("http://{addr}/shutdown");
    let asking = std::thread::spawn(move || {
        let _ = runtime::block_on_within(Duration::from_secs(5), reqwest::get(shutdown));
    });
    let _ = asking.join();
}

impl Drop for Driver {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Registers [`stop_drivers`] with the C runtime's `atexit`, which runs when the test
/// harness exits normally (Rust never drops statics).
fn stop_at_exit() {
    static REGISTERED: OnceLock<()> = OnceLock::new();
    REGISTERED.get_or_init(|| {
        extern "C" {
            fn atexit(callback: extern "C" fn()) -> std::os::raw::c_int;
        }
        // SAFETY: `stop_drivers` is a plain `extern "C" fn()` that never unwinds.
        unsafe {
            atexit(stop_drivers);
        }
    });
}

/// Stops the shared servers, then the virtual display.
extern "C" fn stop_drivers() {
    let _ = std::panic::catch_unwind(|| {
        let shared = BrowserKind::ALL
            .into_iter()
            .filter(|&kind| engines::of(kind).shares_its_server());
        for kind in shared {
            if let Some(Ok(driver)) = shared_slot(kind).get() {
                driver.stop();
            }
        }
        xvfb::stop();
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_browsers() {
        assert_eq!(BrowserKind::named("chromium"), Some(BrowserKind::Chromium));
        assert_eq!(
            BrowserKind::named(" Chromium "),
            Some(BrowserKind::Chromium)
        );
        assert_eq!(BrowserKind::named(""), Some(BrowserKind::Chromium));
        assert_eq!(
            BrowserKind::named("firefox-esr"),
            Some(BrowserKind::Firefox)
        );
        assert_eq!(BrowserKind::named("WebKit"), Some(BrowserKind::Webkit));
        assert_eq!(BrowserKind::named("netscape"), None);
        for kind in BrowserKind::ALL {
            assert_eq!(BrowserKind::named(kind.name()), Some(kind));
        }
    }
}
