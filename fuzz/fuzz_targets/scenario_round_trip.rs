//! Every valid page state: decode(encode(state)) == state, with no notice.
#![no_main]

use calculator::{decode, encode};
use libfuzzer_sys::fuzz_target;
use pricing_fuzz::RawPage;

fuzz_target!(|raw: RawPage| {
    let state = raw.page();
    let (decoded, notices) = decode(&encode(&state));
    assert_eq!(decoded, state);
    assert!(notices.is_empty(), "{notices:?}");
});
