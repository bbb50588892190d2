//! Anything typed into a field, for every row of the field table: reading
//! it never panics, and what is taken is allowed by the row, lands in the
//! page state unchanged, and reads back the same when typed again.
#![no_main]

use calculator::fields::FIELDS;
use calculator::PageState;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for field in FIELDS {
        let Ok(value) = field.read(text) else {
            continue;
        };
        assert!(field.allows(&value), "{} took {value}", field.name);
        let mut state = PageState::default();
        field.set(&mut state, value.clone());
        assert_eq!(field.get(&state), value, "{}", field.name);
        assert_eq!(field.read(&value.to_string()), Ok(value), "{}", field.name);
    }
});
