//! Any query string: decoding never panics, and what it decodes to survives
//! a round trip through the encoder unchanged and without notices.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pricing::url_state;

fuzz_target!(|query: &str| {
    let (state, _) = url_state::decode(query);
    let (again, notices) = url_state::decode(&url_state::encode(&state));
    assert_eq!(again, state);
    assert!(notices.is_empty(), "{notices:?}");
});
