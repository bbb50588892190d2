//! Numbers as people type and paste them (separators, full-width digits,
//! units, magnitudes) show the figures of the number they mean, and the URL
//! keeps its plain form; junk shows a message and never other figures.

mod common;

use common::{assert_healthy, expect_postpaid, open_in, type_into, wait_for_url, SETTLE};
use e2e::BrowserKind;

#[test]
fn typed_and_pasted_volumes_read_as_meant() {
    let browser = open_in(BrowserKind::Chromium, "?volume=5000&lang=en");
    for (typed, meant) in [
        ("3,000", 3000u64),
        ("３０００", 3000),
        ("12 500 calls", 12500),
        ("1.5万", 15000),
        ("3k", 3000),
        ("2,000次", 2000),
    ] {
        type_into(&browser.find("#volume"), typed);
        wait_for_url(&browser, typed, &format!("volume={meant}&"));
        expect_postpaid(&browser, &format!("?volume={meant}"));
        // Part-typed text ("12 500 ca") may show a message for a moment; the whole does not.
        e2e::wait_until(&format!("{typed} without a message"), SETTLE, || {
            browser.find_all("#volume-message").is_empty()
        });
    }
    // Pasted at once, as from a spreadsheet: one input event with the whole text.
    browser.execute(
        "const f = document.getElementById('volume'); f.value = '4,321'; f.dispatchEvent(new InputEvent('input', { bubbles: true }));",
        &[],
    );
    wait_for_url(&browser, "the pasted volume", "volume=4321&");
    expect_postpaid(&browser, "?volume=4321");
    // Junk: a message beside the field, a note above the figures saying
    // they are for the last values that could be read, and the URL keeps
    // the last value finished (4,321, not the "3" typed on the way).
    type_into(&browser.find("#volume"), "3,00");
    let message = browser.find("#volume-message").text();
    assert!(message.to_lowercase().contains("number"), "{message}");
    let note = browser.testid("unread-note").text();
    assert!(note.contains("Calls per month"), "{note}");
    std::thread::sleep(std::time::Duration::from_millis(400));
    assert!(
        browser.current_url().contains("volume=4321&"),
        "{}",
        browser.current_url()
    );
    browser.testid("copy-link").click();
    let copied = browser.testid("copied-link").text();
    assert!(copied.contains("volume=4321&"), "{copied}");
    // Readable again: the note goes and the URL follows.
    type_into(&browser.find("#volume"), "3,000");
    wait_for_url(&browser, "the volume finished", "volume=3000&");
    e2e::wait_until("the note gone", SETTLE, || {
        browser.find_all("[data-testid=unread-note]").is_empty()
    });
    // Percentages take a trailing %, full-width too.
    browser.execute(
        "document.querySelector('details.advanced').open = true;",
        &[],
    );
    type_into(&browser.find("#growth"), "２．５％");
    wait_for_url(&browser, "the growth", "growth=2.5&");
    assert_healthy(&browser);
}
