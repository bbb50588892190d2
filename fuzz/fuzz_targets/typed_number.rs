//! Anything typed into the page's number fields: the parsers never panic,
//! and what they accept is in range and reads back the same when re-typed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pricing::input::parse_whole;
use pricing::scenario::{GROWTH_MAX, GROWTH_MIN, LEGACY_MAX, VOLUME_MAX};
use pricing::url_state::{parse_growth, parse_months};

fuzz_target!(|text: &str| {
    for max in [VOLUME_MAX, LEGACY_MAX] {
        if let Ok(value) = parse_whole(text, 0, max) {
            assert!(value <= max);
            assert_eq!(parse_whole(&value.to_string(), 0, max), Ok(value));
        }
    }
    if let Ok(months) = parse_months(text) {
        assert_eq!(parse_months(&months.to_string()), Ok(months));
    }
    if let Ok(growth) = parse_growth(text) {
        assert!((GROWTH_MIN..=GROWTH_MAX).contains(&growth));
        assert_eq!(parse_growth(&growth.to_string()), Ok(growth));
    }
});
