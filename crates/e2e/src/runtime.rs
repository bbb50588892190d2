//! The one tokio runtime under the blocking API: thirtyfour is async, the tests are not.

use std::future::Future;
use std::sync::OnceLock;
use std::time::Duration;

use tokio::runtime::Runtime;

/// The process's runtime: one worker thread runs the HTTP connections' background work,
/// and each test thread drives its own commands with [`block_on_within`].
fn runtime() -> &'static Runtime {
    static RUNTIME: OnceLock<Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("e2e-webdriver")
            .enable_all()
            .build()
            .unwrap_or_else(|e| panic!("cannot start the tokio runtime for WebDriver: {e}"))
    })
}

/// Runs `future` to completion on the calling thread; `Err(limit)` if it takes longer.
pub(crate) fn block_on_within<F: Future>(
    limit: Duration,
    future: F,
) -> Result<F::Output, Duration> {
    // The timer must be made inside the runtime, hence the async block.
    let limited = async move { tokio::time::timeout(limit, future).await };
    runtime().block_on(limited).map_err(|_| limit)
}
