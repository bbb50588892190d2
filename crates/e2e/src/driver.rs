//! Starts Debian's `chromedriver` once per test process and stops it at exit.

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::http;

/// Debian's Chromium binary.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// Debian's chromedriver binary.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// How long chromedriver may take to report ready.
pub const STARTUP_TIMEOUT: Duration = Duration::from_secs(20);

const INSTALL_HINT: &str = "install Debian's chromium and chromium-driver: run scripts/setup.sh";

/// A chromedriver child process.
struct Driver {
    addr: SocketAddr,
    child: Mutex<Child>,
    log_dir: PathBuf,
}

static DRIVER: OnceLock<Result<Driver, String>> = OnceLock::new();

/// The address of this process's chromedriver, starting it on first use.
///
/// Panics with a precise message if Chromium or chromedriver is missing or does not start;
/// later calls fail fast with the same message.
pub fn address() -> SocketAddr {
    match DRIVER.get_or_init(start) {
        Ok(driver) => driver.addr,
        Err(message) => panic!("{message}"),
    }
}

fn start() -> Result<Driver, String> {
    for binary in [CHROMIUM, CHROMEDRIVER] {
        if !Path::new(binary).is_file() {
            return Err(format!("{binary} is missing: {INSTALL_HINT}"));
        }
    }
    let port = free_port()?;
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let log_dir = crate::fresh_temp_dir("chromedriver");
    let log = log_dir.join("chromedriver.log");
    let child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .arg(format!("--log-path={}", log.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {CHROMEDRIVER}: {e} ({INSTALL_HINT})"))?;
    let driver = Driver {
        addr,
        child: Mutex::new(child),
        log_dir,
    };
    if let Err(problem) = wait_until_ready(&driver) {
        let message = format!(
            "chromedriver on {addr} {problem}; its log ends:\n{}",
            log_tail(&log)
        );
        driver.stop();
        return Err(message);
    }
    stop_at_exit();
    Ok(driver)
}

/// Asks the OS for a free loopback port.
fn free_port() -> Result<u16, String> {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|e| format!("cannot find a free port for chromedriver: {e}"))
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
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn is_ready(addr: SocketAddr) -> bool {
    let Ok(response) = http::request(addr, "GET", "/status", None, Duration::from_secs(2)) else {
        return false;
    };
    serde_json::from_slice::<serde_json::Value>(&response.body)
        .map(|status| status["value"]["ready"] == true)
        .unwrap_or(false)
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

    /// Asks chromedriver to close its browsers and exit (killing it after 3 s), then removes
    /// its log.
    fn stop(&self) {
        let _ = http::request(self.addr, "GET", "/shutdown", None, Duration::from_secs(5));
        let mut child = self.lock_child();
        let deadline = Instant::now() + Duration::from_secs(3);
        while matches!(child.try_wait(), Ok(None)) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        let _ = std::fs::remove_dir_all(&self.log_dir);
    }
}

/// Registers [`stop_driver`] with the C runtime's `atexit`, which runs when the test
/// harness exits normally (Rust never drops statics).
fn stop_at_exit() {
    extern "C" {
        fn atexit(callback: extern "C" fn()) -> std::os::raw::c_int;
    }
    // SAFETY: `stop_driver` is a plain `extern "C" fn()` that never unwinds.
    unsafe {
        atexit(stop_driver);
    }
}

extern "C" fn stop_driver() {
    let _ = std::panic::catch_unwind(|| {
        if let Some(Ok(driver)) = DRIVER.get() {
            driver.stop();
        }
    });
}
