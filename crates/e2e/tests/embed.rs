//! The embedding contract (README, "Embedding"): the example page frames two calculators
//! with their presets, and each frame takes the height its calculator posts in
//! `{ "type": "faceid-calculator:resize", "height": <px> }` messages.

mod common;

use std::time::{Duration, Instant};

use common::{assert_healthy, expect_postpaid};
use e2e::Browser;
use serde_json::Value;

/// The query strings of the example page's two frames, in page order.
const PRESETS: [&str; 2] = [
    "?embed=1&label=wechat-verify&volume=1000",
    "?embed=1&label=general-compare&volume=250000&months=24&lang=en",
];

/// The height of an iframe that nobody has resized.
const DEFAULT_FRAME_HEIGHT: u64 = 150;
/// How far a frame's height may be from its content's height.
const TOLERANCE_PX: u64 = 3;
/// How long the frames may take to fit their content.
const FIT_TIMEOUT: Duration = Duration::from_secs(15);

#[test]
fn each_frame_shows_its_preset_and_fits_its_calculator() {
    let browser = Browser::open(1280, 900);
    browser.goto("embed-example.html");
    let frames = browser.find_all("iframe.faceid-calculator");
    assert_eq!(frames.len(), 2, "the example frames two calculators");
    for (frame, preset) in frames.iter().zip(PRESETS) {
        assert_eq!(frame.attr("src"), Some(format!("./{preset}")));
        assert!(frame.attr("title").is_some_and(|t| !t.is_empty()));
        browser.enter_frame(frame);
        expect_postpaid(&browser, preset);
        browser.leave_frame();
    }

    wait_until_frames_fit(&browser);
    // On a phone the content reflows taller; the frames follow.
    browser.set_window_size(375, 800);
    wait_until_frames_fit(&browser);
    assert_healthy(&browser);
}

/// Each frame's height and its calculator's document height, measured in the parent page.
#[derive(Debug)]
struct Fit {
    frame: u64,
    content: u64,
}

impl Fit {
    fn holds(&self) -> bool {
        self.frame > DEFAULT_FRAME_HEIGHT && self.frame.abs_diff(self.content) <= TOLERANCE_PX
    }
}

/// Polls until every frame is resized to its calculator's height.
fn wait_until_frames_fit(browser: &Browser) {
    let deadline = Instant::now() + FIT_TIMEOUT;
    loop {
        let fits = measure(browser);
        if fits.iter().all(Fit::holds) {
            return;
        }
        assert!(
            Instant::now() < deadline,
            "the frames did not take their calculators' heights within {FIT_TIMEOUT:?} \
             (the page posts them, README \"Embedding\"); last measured: {fits:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The frames are same-origin, so the parent page can read their documents. The html
/// element's box is as tall as the content (unlike its scrollHeight, which is at least
/// the frame's viewport), so a frame that is too tall shows as well as one too short.
fn measure(browser: &Browser) -> Vec<Fit> {
    let value = browser.execute(
        "return Array.from(document.querySelectorAll('iframe.faceid-calculator'), (frame) => {
            const html = frame.contentDocument && frame.contentDocument.documentElement;
            const content = html ? Math.ceil(html.getBoundingClientRect().height) : 0;
            return [frame.clientHeight, content];
        });",
        &[],
    );
    let Value::Array(rows) = value else {
        panic!("expected an array of heights, got {value}");
    };
    rows.iter()
        .map(|row| Fit {
            frame: row[0].as_u64().unwrap_or_default(),
            content: row[1].as_u64().unwrap_or_default(),
        })
        .collect()
}
