//! Stopping the processes the harness starts (drivers, the X display): a
//! leaf both their modules use.

use std::process::Child;
use std::time::{Duration, Instant};

/// Sends SIGTERM to `child`, waits up to `grace` for it to exit, then kills it.
pub(crate) fn terminate(child: &mut Child, grace: Duration) {
    extern "C" {
        fn kill(pid: i32, signal: i32) -> i32;
    }
    const SIGTERM: i32 = 15;
    if matches!(child.try_wait(), Ok(None)) {
        if let Ok(pid) = i32::try_from(child.id()) {
            // SAFETY: `kill` only sends a signal to the child we started and still own.
            unsafe {
                kill(pid, SIGTERM);
            }
        }
    }
    let deadline = Instant::now() + grace;
    while matches!(child.try_wait(), Ok(None)) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
}
