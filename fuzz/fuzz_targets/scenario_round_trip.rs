//! Every valid page state: decode(encode(state)) == state, with no notice.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pricing::url_state;
use pricing_fuzz::RawScenario;

fuzz_target!(|raw: RawScenario| {
    let state = raw.page();
    let (decoded, notices) = url_state::decode(&url_state::encode(&state));
    assert_eq!(decoded, state);
    assert!(notices.is_empty(), "{notices:?}");
});
