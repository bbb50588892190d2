//! The export's own JSON writer against serde_json, which the page does not
//! carry: what it writes, serde_json reads as the same value and lays out the
//! same way.

use calculator::downloads::Json;
use proptest::prelude::*;
use serde_json::Value;

/// The same value as serde_json holds it (an object keeps its last duplicate).
fn to_serde(value: &Json) -> Value {
    match value {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(text) => serde_json::from_str(text).expect("a JSON number"),
        Json::String(text) => Value::String(text.clone()),
        Json::Array(items) => Value::Array(items.iter().map(to_serde).collect()),
        Json::Object(members) => Value::Object(
            members
                .iter()
                .map(|(key, value)| (key.clone(), to_serde(value)))
                .collect(),
        ),
    }
}

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<u64>().prop_map(|n| n.to_string()),
        any::<i32>().prop_map(|n| n.to_string()),
        (any::<i16>(), 0u32..1000).prop_map(|(w, f)| format!("{w}.{f:03}")),
        (1u8..10, -30i8..30).prop_map(|(m, e)| format!("{m}e{e}")),
    ]
}

fn value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        number().prop_map(Json::Number),
        any::<String>().prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::vec((any::<String>(), inner), 0..6).prop_map(Json::Object),
        ]
    })
}

/// Values serde_json writes back character for character: whole numbers only, and
/// objects with distinct keys in sorted order (serde_json sorts them).
fn sorted_value() -> impl Strategy<Value = Json> {
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        any::<i64>().prop_map(|n| Json::Number(n.to_string())),
        any::<String>().prop_map(Json::String),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|members| Json::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn what_is_written_serde_json_reads_as_the_same_value(value in value()) {
        for text in [value.pretty(), value.compact()] {
            let theirs: Value = serde_json::from_str(&text).expect("serde_json reads it");
            prop_assert_eq!(theirs, to_serde(&value));
        }
    }

    #[test]
    fn pretty_output_is_laid_out_as_serde_json_lays_it_out(value in sorted_value()) {
        let theirs = serde_json::to_string_pretty(&to_serde(&value)).expect("writes");
        prop_assert_eq!(value.pretty(), theirs);
    }
}
