//! Any query string: decoding never panics, and what it decodes to survives
//! a round trip through the encoder unchanged and without notices.
#![no_main]

use calculator::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|query: &str| {
    let (state, _) = decode(query);
    let (again, notices) = decode(&encode(&state));
    assert_eq!(again, state);
    assert!(notices.is_empty(), "{notices:?}");
});
