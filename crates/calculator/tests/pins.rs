//! The pins codec: round trips, whatever a stored text may hold after a hand
//! edit or a broken write, and the pins that version 1 of the page stored.

mod common;

use common::any_scenario;
use std::str::FromStr;

use calculator::pinned::{
    self as pins, PinError, PinProblem, MAX_PINS, MAX_STORED_BYTES, OLD_PINS_KEY, PINS_KEY,
};
use pricing::{ExtraChannel, Held, Label, PriceColumn, Scenario};
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
    assert_eq!(PINS_KEY, "faceid-calculator.pins.v2");
    assert_eq!(OLD_PINS_KEY, "faceid-calculator.pins.v1");
    assert_eq!(MAX_PINS, 4);
}

#[test]
fn the_stored_text_is_one_query_per_line() {
    let text = pins::encode(&[
        Scenario {
            label: Label::GeneralCompare,
            volume: 1001,
            months: 36,
            column: PriceColumn::List,
            growth: Decimal::from_str("-2.50").unwrap(),
            legacy: 300,
            promo_months: None,
            retry: Decimal::from_str("7.50").unwrap(),
            legacy_months: 4,
            profile: vec![Decimal::from_str("1.50").unwrap(), Decimal::ONE],
            extra: vec![ExtraChannel {
                label: Label::WechatVerify,
                volume: 70,
            }],
            held: vec![Held {
                label: Label::GeneralCompare,
                calls: 3000,
                months: 5,
            }],
        },
        scenario(5),
    ]);
    assert_eq!(
        text,
        "label=general-compare&volume=1001&months=36&price=list&growth=-2.5&retry=7.5&legacy=300&legacy_months=4&profile=1.5,1&extra=wechat-verify:70&held=general-compare:3000@5\n\
         label=wechat-verify&volume=5&months=12&price=promo&growth=0&retry=0&legacy=0&legacy_months=12"
    );
    assert_eq!(pins::encode(&[]), "");
}

#[test]
fn nothing_stored_is_no_pins_and_no_problem() {
    assert_eq!(pins::decode(None), (vec![], None));
    assert_eq!(pins::decode(Some("")), (vec![], None));
    assert_eq!(pins::decode(Some("\n \r\n")), (vec![], None));
}

#[test]
fn a_hand_edited_bad_pin_is_dropped_and_the_others_kept() {
    let stored = "label=wechat-verify&volume=500&months=12&price=promo&growth=0&legacy=0\n\
        label=wechat-verify&volume=abc&months=12&price=promo&growth=0&legacy=0\r\n\
        \n\
        label=general-verify&volume=6050&months=1&price=list&growth=1.5&legacy=0\n";
    let (kept, problems) = pins::decode(Some(stored));
    assert_eq!(problems, Some(PinProblem::Unreadable(1)));
    assert_eq!(kept.len(), 2);
    assert_eq!(kept[0], scenario(500));
    assert_eq!(kept[1].label, Label::GeneralVerify);
    assert_eq!(kept[1].growth, Decimal::new(15, 1));
}

#[test]
fn lines_that_are_not_valid_queries_are_bad_pins() {
    let lines = [
        "volume=1000000001",
        "months=0",
        "growth=101",
        "label=wechat",
        "volume=5&volume=6",
        r#"{"version":1}"#,
        "volume=7",
    ];
    let (kept, problems) = pins::decode(Some(&lines.join("\n")));
    // A pin may leave parameters out: they take their defaults, as in a URL.
    assert_eq!(kept, vec![scenario(7)]);
    // One notice for all six, however many there are.
    assert_eq!(problems, Some(PinProblem::Unreadable(6)));
}

#[test]
fn duplicates_are_kept_once() {
    let stored = pins::encode(&[scenario(5), scenario(6), scenario(5)]);
    assert_eq!(
        pins::decode(Some(&stored)),
        (vec![scenario(5), scenario(6)], None)
    );
    // The same scenario written differently is still the same scenario.
    let (kept, problems) = pins::decode(Some(
        "volume=5&growth=2.50\ngrowth=2.5&volume=05\n?%76olume=5&growth=2.5",
    ));
    assert_eq!((kept.len(), problems), (1, None));
}

#[test]
fn more_than_four_keeps_the_first_four() {
    let six: Vec<Scenario> = (1..=6).map(scenario).collect();
    let (kept, problems) = pins::decode(Some(&pins::encode(&six)));
    assert_eq!(kept, six[..4].to_vec());
    assert_eq!(problems, Some(PinProblem::Dropped(0)));
}

#[test]
fn four_pins_exactly_are_not_too_many() {
    let four: Vec<Scenario> = (1..=4).map(scenario).collect();
    let stored = pins::encode(&four) + "\n\n";
    assert_eq!(pins::decode(Some(&stored)), (four, None));
}

#[test]
fn reading_stops_at_the_size_limit_on_a_line_break() {
    // Megabytes of junk after two pins, as another page of the origin could leave.
    let stored = format!("volume=5\nvolume=6\n{}", "x\n".repeat(2_000_000));
    let (kept, problems) = pins::decode(Some(&stored));
    assert_eq!(kept, vec![scenario(5), scenario(6)]);
    // One problem: the junk read within the limit, and what lies past it, dropped unread.
    let junk_read = (MAX_STORED_BYTES - "volume=5\nvolume=6\n".len()) / 2;
    assert_eq!(problems, Some(PinProblem::Dropped(junk_read)));
    // A pin cut in two by the limit is not judged on its first half.
    let long = format!("{}\nvolume=77777", " ".repeat(MAX_STORED_BYTES - 8));
    assert_eq!(
        pins::decode(Some(&long)),
        (vec![], Some(PinProblem::Dropped(0)))
    );
    // The limit counts bytes but never splits a character.
    let wide = "é".repeat(MAX_STORED_BYTES);
    assert_eq!(
        pins::decode(Some(&wide)),
        (vec![], Some(PinProblem::Dropped(0)))
    );
}

#[test]
fn a_bad_pin_and_too_many_are_both_reported() {
    let mut queries: Vec<String> = (1..=5).map(|v| format!("volume={v}")).collect();
    queries.insert(2, "volume=-1".into());
    let (kept, problems) = pins::decode(Some(&queries.join("\n")));
    assert_eq!(kept, (1..=4).map(scenario).collect::<Vec<_>>());
    assert_eq!(problems, Some(PinProblem::Dropped(1)));
}

#[test]
fn pins_of_version_one_are_read_from_their_json() {
    let old = r#"{"version":1,"pins":["label=general-verify&volume=6050&months=1&price=list&growth=1.5&legacy=0","volume=abc","volume=9"]}"#;
    let (kept, problems) = pins::decode_old(old);
    assert_eq!(kept.len(), 2);
    assert_eq!(
        (kept[0].label, kept[0].volume),
        (Label::GeneralVerify, 6050)
    );
    assert_eq!(kept[1], scenario(9));
    assert_eq!(problems, Some(PinProblem::Unreadable(1)));
    assert_eq!(pins::decode_old("not json"), (vec![], None));
    assert_eq!(
        pins::decode_old(r#"{"version":7,"pins":["volume=9"]}"#),
        (vec![], None)
    );
}

#[test]
fn the_current_key_wins_over_the_old_one() {
    let old = r#"{"version":1,"pins":["volume=9"]}"#;
    assert_eq!(pins::read_stored(None, Some(old)).0, vec![scenario(9)]);
    assert_eq!(
        pins::read_stored(Some("volume=3"), Some(old)).0,
        vec![scenario(3)]
    );
    // Once the page has written the new key, even an empty list there is final.
    assert_eq!(pins::read_stored(Some(""), Some(old)).0, vec![]);
    assert_eq!(pins::read_stored(None, None), (vec![], None));
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
        "label=wechat-verify&volume=10000&months=12&price=promo&growth=0&retry=0&legacy=0&legacy_months=12"
    );
    let ending = Scenario {
        promo_months: Some(6),
        ..Scenario::default()
    };
    let ending_query = pins::scenario_query(&ending);
    assert!(
        ending_query.contains("&price=promo&promo_months=6&"),
        "{ending_query}"
    );
    assert_eq!(pins::scenario_from_query(&ending_query), Some(ending));
    assert_eq!(pins::scenario_from_query(&query), Some(Scenario::default()));
    assert_eq!(pins::scenario_from_query("volume=abc"), None);
}

#[test]
fn a_pin_keeps_its_name_on_one_line_and_the_line_stays_a_link() {
    let pins_ = [scenario(5), scenario(6)];
    let names = ["  Q3 budget & 微信  ".to_string(), String::new()];
    let stored = pins::encode_named(&pins_, &names);
    assert_eq!(
        stored,
        "label=wechat-verify&volume=5&months=12&price=promo&growth=0&retry=0&legacy=0&legacy_months=12&name=Q3%20budget%20%26%20%E5%BE%AE%E4%BF%A1\n\
         label=wechat-verify&volume=6&months=12&price=promo&growth=0&retry=0&legacy=0&legacy_months=12"
    );
    let (kept, problem) = pins::decode(Some(&stored));
    assert_eq!((kept.as_slice(), problem), (&pins_[..], None));
    assert_eq!(
        pins::decode_names(Some(&stored), &kept),
        ["Q3 budget & 微信", ""]
    );
    // Long names are cut, line breaks become spaces.
    let long = "x".repeat(100);
    assert_eq!(
        pins::pin_name(&long).chars().count(),
        pins::PIN_NAME_MAX_CHARS
    );
    assert_eq!(pins::pin_name("a\nb"), "a b");
}

proptest! {
    #[test]
    fn named_pins_round_trip(
        scenarios in prop::collection::vec(any_scenario(), 0..=MAX_PINS),
        names in prop::collection::vec(".{0,50}", MAX_PINS),
    ) {
        let scenarios = distinct(scenarios);
        let stored = pins::encode_named(&scenarios, &names);
        let (kept, problem) = pins::decode(Some(&stored));
        prop_assert_eq!(&kept, &scenarios);
        prop_assert_eq!(problem, None);
        let expected: Vec<String> = names.iter().take(scenarios.len()).map(|n| pins::pin_name(n)).collect();
        prop_assert_eq!(pins::decode_names(Some(&stored), &kept), expected);
    }

    #[test]
    fn pins_round_trip(scenarios in prop::collection::vec(any_scenario(), 0..=MAX_PINS)) {
        let scenarios = distinct(scenarios);
        let stored = pins::encode(&scenarios);
        prop_assert_eq!(pins::decode(Some(&stored)), (scenarios.clone(), None));
        // As version 1 wrote it: compact, `version` first.
        let quoted: Vec<String> = scenarios.iter().map(|s| format!("\"{}\"", pins::scenario_query(s))).collect();
        let old = format!("{{\"version\":1,\"pins\":[{}]}}", quoted.join(","));
        prop_assert_eq!(pins::decode_old(&old), (scenarios, None));
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
        let lines = text.lines().filter(|line| !line.trim().is_empty()).count();
        let bad = match problems {
            Some(PinProblem::Unreadable(n) | PinProblem::Dropped(n)) => n,
            None => 0,
        };
        prop_assert!(kept.len() + bad <= lines);
        let (kept, _) = pins::decode_old(&text);
        prop_assert!(kept.len() <= MAX_PINS);
    }

    #[test]
    fn query_like_lines_decode_without_panic(
        entries in prop::collection::vec("[?&=a-z0-9%+.-]{0,40}", 0..10),
    ) {
        let (kept, problems) = pins::decode(Some(&entries.join("\n")));
        prop_assert!(kept.len() <= MAX_PINS);
        // The same reading done the slow way: every line, in order, up to the pins kept.
        let mut expected: Vec<Scenario> = Vec::new();
        let (mut unreadable, mut dropped) = (0, false);
        for entry in entries.iter().map(|e| e.trim()).filter(|e| !e.is_empty()) {
            if expected.len() == MAX_PINS {
                dropped = true;
                break;
            }
            match pins::scenario_from_query(entry) {
                Some(scenario) if !expected.contains(&scenario) => expected.push(scenario),
                Some(_) => {}
                None => unreadable += 1,
            }
        }
        prop_assert_eq!(kept, expected);
        let expected_problem = match (dropped, unreadable) {
            (true, n) => Some(PinProblem::Dropped(n)),
            (false, 0) => None,
            (false, n) => Some(PinProblem::Unreadable(n)),
        };
        prop_assert_eq!(problems, expected_problem);
    }
}
