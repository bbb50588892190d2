//! The pins codec: round trips, and whatever a stored text may hold after a
//! hand edit, another version of the page or a broken write.

mod common;

use common::any_scenario;
use std::str::FromStr;

use pricing::pins::{self, PinError, PinProblem, MAX_PINS, PINS_KEY, PINS_VERSION};
use pricing::{Label, PriceColumn, Scenario};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn scenario(volume: u64) -> Scenario {
    Scenario {
        volume,
        ..Scenario::default()
    }
}

fn distinct(scenarios: Vec<Scenario>) -> Vec<Scenario> {
    let mut kept: Vec<Scenario> = Vec::new();
    for scenario in scenarios {
        if !kept.contains(&scenario) {
            kept.push(scenario);
        }
    }
    kept
}

#[test]
fn constants_of_the_storage_contract() {
    assert_eq!(PINS_KEY, "faceid-calculator.pins.v1");
    assert_eq!(PINS_VERSION, 1);
    assert_eq!(MAX_PINS, 4);
}

#[test]
fn the_stored_text_is_the_documented_json() {
    let text = pins::encode(&[Scenario {
        label: Label::GeneralCompare,
        volume: 1001,
        months: 36,
        column: PriceColumn::List,
        growth: Decimal::from_str("-2.50").unwrap(),
        legacy: 300,
    }]);
    assert_eq!(
        text,
        r#"{"version":1,"pins":["label=general-compare&volume=1001&months=36&price=list&growth=-2.5&legacy=300"]}"#
    );
    assert_eq!(pins::encode(&[]), r#"{"version":1,"pins":[]}"#);
}

#[test]
fn nothing_stored_is_no_pins_and_no_problem() {
    assert_eq!(pins::decode(None), (vec![], vec![]));
}

#[test]
fn a_hand_edited_bad_pin_is_dropped_and_the_others_kept() {
    let stored = r#"{"version":1,"pins":[
        "label=wechat-verify&volume=500&months=12&price=promo&growth=0&legacy=0",
        "label=wechat-verify&volume=abc&months=12&price=promo&growth=0&legacy=0",
        "label=general-verify&volume=6050&months=1&price=list&growth=1.5&legacy=0"
    ]}"#;
    let (kept, problems) = pins::decode(Some(stored));
    assert_eq!(problems, vec![PinProblem::BadPin(1)]);
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[0], scenario(500));
    assert_eq!(kept[1].label, Label::GeneralVerify);
    assert_eq!(kept[1].growth, Decimal::new(15, 1));
}

#[test]
fn pins_that_are_not_valid_queries_are_bad_pins() {
    let stored = r#"{"version":1,"pins":[
        42, null, ["volume=5"], {"volume":"5"},
        "volume=1000000001", "months=0", "growth=101", "label=wechat", "volume=5&volume=6",
        "volume=7"
    ]}"#;
    let (kept, problems) = pins::decode(Some(stored));
    // A pin may leave parameters out: they take their defaults, as in a URL.
    assert_eq!(kept, vec![scenario(7)]);
    let bad: Vec<PinProblem> = (0..9).map(PinProblem::BadPin).collect();
    assert_eq!(problems, bad);
}

#[test]
fn another_version_is_not_read() {
    let stored = r#"{"version":2,"pins":["volume=5"]}"#;
    assert_eq!(
        pins::decode(Some(stored)),
        (vec![], vec![PinProblem::OtherVersion(2)])
    );
    // Another version may store its pins differently; it is still named.
    let stored = r#"{"version":7,"pins":{"a":1}}"#;
    assert_eq!(
        pins::decode(Some(stored)),
        (vec![], vec![PinProblem::OtherVersion(7)])
    );
}

#[test]
fn unreadable_texts_drop_everything() {
    let texts = [
        "",
        "not json",
        r#"{"version":1,"pins":["volume=5"]"#,
        "[]",
        r#"["volume=5"]"#,
        "null",
        r#""volume=5""#,
        r#"{"pins":["volume=5"]}"#,
        r#"{"version":"1","pins":["volume=5"]}"#,
        r#"{"version":-1,"pins":["volume=5"]}"#,
        r#"{"version":1.5,"pins":["volume=5"]}"#,
        r#"{"version":1}"#,
        r#"{"version":1,"pins":"volume=5"}"#,
        r#"{"version":1,"pins":null}"#,
    ];
    for text in texts {
        assert_eq!(
            pins::decode(Some(text)),
            (vec![], vec![PinProblem::Unreadable]),
            "{text}"
        );
    }
}

#[test]
fn duplicates_are_kept_once() {
    let stored = pins::encode(&[scenario(5), scenario(6), scenario(5)]);
    assert_eq!(
        pins::decode(Some(&stored)),
        (vec![scenario(5), scenario(6)], vec![])
    );
    // The same scenario written differently is still the same scenario.
    let stored = r#"{"version":1,"pins":["volume=5&growth=2.50","growth=2.5&volume=05"]}"#;
    let (kept, problems) = pins::decode(Some(stored));
    assert_eq!((kept.len(), problems), (1, vec![]));
}

#[test]
fn more_than_four_keeps_the_first_four() {
    let six: Vec<Scenario> = (1..=6).map(scenario).collect();
    let (kept, problems) = pins::decode(Some(&pins::encode(&six)));
    assert_eq!(kept, six[..4].to_vec());
    assert_eq!(problems, vec![PinProblem::TooMany(6)]);
}

#[test]
fn a_bad_pin_and_too_many_are_both_reported() {
    let mut queries: Vec<String> = (1..=5).map(|v| format!("volume={v}")).collect();
    queries.insert(2, "volume=-1".into());
    let stored = serde_json::json!({ "version": 1, "pins": queries }).to_string();
    let (kept, problems) = pins::decode(Some(&stored));
    assert_eq!(kept, (1..=4).map(scenario).collect::<Vec<_>>());
    assert_eq!(
        problems,
        vec![PinProblem::BadPin(2), PinProblem::TooMany(5)]
    );
}

#[test]
fn add_refuses_a_fifth_pin_and_a_duplicate() {
    let mut pinned = Vec::new();
    for volume in 1..=4 {
        pinned = pins::add(&pinned, scenario(volume)).unwrap();
    }
    assert_eq!(pinned.len(), MAX_PINS);
    assert_eq!(pins::add(&pinned, scenario(9)), Err(PinError::Full));
    assert_eq!(
        pins::add(&pinned, scenario(2)),
        Err(PinError::AlreadyPinned)
    );
    assert_eq!(
        pins::add(&pinned[..1], scenario(1)),
        Err(PinError::AlreadyPinned)
    );
    assert_eq!(pinned[3], scenario(4), "added at the end");
}

#[test]
fn remove_takes_out_one_pin() {
    let pinned: Vec<Scenario> = (1..=3).map(scenario).collect();
    assert_eq!(pins::remove(&pinned, 1), vec![scenario(1), scenario(3)]);
    assert_eq!(pins::remove(&pinned, 3), pinned, "no pin there");
    assert_eq!(pins::remove(&[], 0), vec![]);
}

#[test]
fn a_pin_is_the_scenario_part_of_a_shared_link() {
    let query = pins::scenario_query(&Scenario::default());
    assert_eq!(
        query,
        "label=wechat-verify&volume=10000&months=12&price=promo&growth=0&legacy=0"
    );
    assert_eq!(pins::scenario_from_query(&query), Some(Scenario::default()));
    assert_eq!(pins::scenario_from_query("volume=abc"), None);
}

proptest! {
    #[test]
    fn pins_round_trip(scenarios in prop::collection::vec(any_scenario(), 0..=MAX_PINS)) {
        let scenarios = distinct(scenarios);
        let stored = pins::encode(&scenarios);
        prop_assert_eq!(pins::decode(Some(&stored)), (scenarios, vec![]));
    }

    #[test]
    fn one_pin_round_trips_through_its_query(scenario in any_scenario()) {
        let query = pins::scenario_query(&scenario);
        prop_assert_eq!(pins::scenario_from_query(&query), Some(scenario));
    }

    #[test]
    fn any_text_decodes_without_panic(text in any::<String>()) {
        let (kept, problems) = pins::decode(Some(&text));
        prop_assert!(kept.len() <= MAX_PINS);
        let object = serde_json::from_str::<serde_json::Value>(&text).is_ok_and(|v| v.is_object());
        if !object {
            prop_assert_eq!((kept, problems), (vec![], vec![PinProblem::Unreadable]));
        }
    }

    #[test]
    fn any_pin_strings_decode_without_panic(
        entries in prop::collection::vec("[?&=a-z0-9%+.-]{0,40}", 0..10),
        version in prop_oneof![Just(1u64), any::<u64>()],
    ) {
        let stored = serde_json::json!({ "version": version, "pins": entries }).to_string();
        let (kept, problems) = pins::decode(Some(&stored));
        prop_assert!(kept.len() <= MAX_PINS);
        if version == 1 {
            let bad = problems.iter().filter(|p| matches!(p, PinProblem::BadPin(_))).count();
            prop_assert!(kept.len() + bad <= entries.len());
        } else {
            prop_assert_eq!(problems, vec![PinProblem::OtherVersion(version)]);
        }
    }

    #[test]
    fn any_json_value_decodes_without_panic(value in json_value()) {
        let (kept, _) = pins::decode(Some(&value.to_string()));
        prop_assert!(kept.len() <= MAX_PINS);
        let wrapped = serde_json::json!({ "version": 1, "pins": [value.clone(), value] });
        let (kept, _) = pins::decode(Some(&wrapped.to_string()));
        prop_assert!(kept.len() <= 1);
    }
}

/// Arbitrary JSON, a few levels deep, with strings that look like queries.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        "[a-z=&0-9]{0,20}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            prop::collection::btree_map("version|pins|[a-z]{1,4}", inner, 0..4)
                .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
        ]
    })
}
