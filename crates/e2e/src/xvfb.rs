//! A virtual X display for the browser that cannot run headless: WebKitGTK's MiniBrowser
//! (GTK 3) needs an X server. One `Xvfb` (Debian's `xvfb`) per test process, started on
//! first use on a display number it picks itself (`-displayfd`), stopped at exit.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Mutex, OnceLock};
use std::time::Duration;

/// The X server's executable.
pub const XVFB: &str = "/usr/bin/Xvfb";
/// How long Xvfb may take to name its display.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(10);
/// The screen: wide enough for the widest window the tests ask for, tall enough for
/// full-page screenshots (X lets windows grow past the screen, but not by much in
/// every toolkit).
const SCREEN: &str = "2560x4096x24";

/// A running Xvfb.
struct Display {
    /// ":N".
    name: String,
    child: Mutex<Child>,
}

fn slot() -> &'static OnceLock<Result<Display, String>> {
    static DISPLAY: OnceLock<Result<Display, String>> = OnceLock::new();
    &DISPLAY
}

/// The `DISPLAY` value of this process's virtual display, starting Xvfb on first use.
pub(crate) fn display() -> Result<String, String> {
    match slot().get_or_init(start) {
        Ok(display) => Ok(display.name.clone()),
        Err(message) => Err(message.clone()),
    }
}

fn start() -> Result<Display, String> {
    if !Path::new(XVFB).is_file() {
        return Err(format!(
            "{XVFB} is missing: install Debian's xvfb: run scripts/setup-test.sh"
        ));
    }
    // `-displayfd 1`: Xvfb finds a free display number itself and writes it to stdout
    // once it accepts connections, so two test processes never race for one number.
    let mut child = Command::new(XVFB)
        .args([
            "-displayfd",
            "1",
            "-screen",
            "0",
            SCREEN,
            "-nolisten",
            "tcp",
        ])
        .args(["-noreset", "-nocursor"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start {XVFB}: {e} (run scripts/setup-test.sh)"))?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = tx.send(line);
    });
    let number = rx
        .recv_timeout(STARTUP_TIMEOUT)
        .ok()
        .and_then(|line| line.trim().parse::<u32>().ok());
    let Some(number) = number else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(format!(
            "{XVFB} did not report a display within {STARTUP_TIMEOUT:?}"
        ));
    };
    Ok(Display {
        name: format!(":{number}"),
        child: Mutex::new(child),
    })
}

/// Stops the display if this process started one: SIGTERM, so that Xvfb removes its
/// lock file and socket, then SIGKILL after 3 s.
pub(crate) fn stop() {
    let Some(Ok(display)) = slot().get() else {
        return;
    };
    let mut child = display.child.lock().unwrap_or_else(|p| p.into_inner());
    if matches!(child.try_wait(), Ok(None)) {
        crate::process::terminate(&mut child, Duration::from_secs(3));
    }
}
