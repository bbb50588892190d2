//! Anything typed into a field, for every row of the field table, read as
//! a URL carries it and as a person types it (separators, full-width digits,
//! units, magnitudes): reading never panics, and what is taken is allowed by
//! the row, lands in the page state unchanged, and reads back the same from
//! its plain form, strictly; what the strict reader takes, the typed reader
//! takes the same.
#![no_main]

use calculator::fields::FIELDS;
use calculator::PageState;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for field in FIELDS {
        let strict = field.read(text);
        if let Ok(value) = &strict {
            assert_eq!(
                field.rule.read_typed(text).as_ref(),
                Ok(value),
                "{}",
                field.name
            );
        }
        let Ok(value) = field.rule.read_typed(text) else {
            continue;
        };
        assert!(field.allows(&value), "{} took {value}", field.name);
        let mut state = PageState::default();
        field.set(&mut state, value.clone());
        assert_eq!(field.get(&state), value, "{}", field.name);
        assert_eq!(field.read(&value.to_string()), Ok(value), "{}", field.name);
    }
});
