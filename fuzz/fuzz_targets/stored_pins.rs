//! Any text in the pins' localStorage entry (this version's or the old one):
//! reading it never panics, keeps at most MAX_PINS distinct pins, reports at
//! most one problem, and writing the pins back reads back the same.
#![no_main]

use calculator::pinned as pins;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|stored: &str| {
    let (old, _) = pins::decode_old(stored);
    assert!(old.len() <= pins::MAX_PINS);
    let (read, _) = pins::decode(Some(stored));
    assert!(read.len() <= pins::MAX_PINS);
    let (again, problems) = pins::decode(Some(&pins::encode(&read)));
    assert_eq!(again, read);
    assert_eq!(problems, None);
});
