//! The page's state in URL query parameters, as the table in docs/contracts.md defines
//! them and [`FIELDS`] declares them. Decoding never fails: a bad value
//! yields its default and a notice.

use crate::fields::{Field, Problem, Value, FIELDS};
use crate::page_state::PageState;

/// A parameter that was not obeyed as given, and what was used instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Which parameter.
    pub field: &'static Field,
    /// What was wrong.
    pub problem: Problem,
    /// The value as given, shortened to at most [`GIVEN_MAX_CHARS`] characters.
    pub given: String,
    /// The value used instead, as it would appear in a URL.
    pub used: String,
}

/// Longest part of a bad value that a notice repeats.
pub const GIVEN_MAX_CHARS: usize = 24;

/// Reads the page state from a query string (with or without its leading `?`).
/// Unknown parameters are ignored; bad values become defaults with a notice.
pub fn decode(query: &str) -> (PageState, Vec<Notice>) {
    let mut state = PageState::default();
    let mut notices = Vec::new();
    let mut taken: Vec<(&'static Field, Value, String)> = Vec::new();
    for (name, text) in pairs(query) {
        let Some(field) = Field::named(&name) else {
            continue;
        };
        let read = if taken.iter().any(|(seen, _, _)| *seen == field) {
            Err(Problem::Repeated)
        } else {
            field.read(&text)
        };
        match read {
            Ok(value) => {
                field.set(&mut state, value.clone());
                taken.push((field, value, text));
            }
            Err(problem) => {
                // A list keeps what it could read; the notice says what that is.
                if let (Some(value), false) = (field.salvage(&text), problem == Problem::Repeated) {
                    field.set(&mut state, value);
                }
                // One notice says a parameter was repeated, however often it was.
                let said =
                    |n: &Notice| n.field.name == field.name && n.problem == Problem::Repeated;
                if problem != Problem::Repeated || !notices.iter().any(said) {
                    notices.push(notice(field, problem, &text, field.text(&state)));
                }
            }
        }
    }
    // A valid value that did not stay was overruled by another parameter.
    for (field, value, text) in taken {
        if field.get(&state) != value {
            notices.push(notice(
                field,
                Problem::Inapplicable,
                &text,
                field.text(&state),
            ));
        }
    }
    (state, notices)
}

/// Writes the page state as a query string without the leading `?`; every
/// parameter is written (optional ones only when set) so that a shared link
/// pins the whole scenario.
pub fn encode(state: &PageState) -> String {
    query(state, FIELDS.iter().copied())
}

/// The `name=value` pairs of these fields, joined with `&`, optional ones only when set.
pub(crate) fn query<'a>(state: &PageState, fields: impl Iterator<Item = &'a Field>) -> String {
    fields
        .filter(|field| !field.optional || field.get(state) != field.default)
        .map(|field| format!("{}={}", field.name, field.text(state)))
        .collect::<Vec<_>>()
        .join("&")
}

fn notice(field: &'static Field, problem: Problem, given: &str, used: String) -> Notice {
    Notice {
        field,
        problem,
        given: given.chars().take(GIVEN_MAX_CHARS).collect(),
        used,
    }
}

/// Whether the query names any field, as [`decode`] reads names.
pub(crate) fn names_a_field(query: &str) -> bool {
    pairs(query).any(|(name, _)| Field::named(&name).is_some())
}

/// The query's `name=value` pairs, percent-decoded (`+` is a space).
fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .strip_prefix('?')
        .unwrap_or(query)
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(name), percent_decode(value))
        })
}

/// The value of the first `name` parameter of a query, percent-decoded.
pub(crate) fn param(query: &str, name: &str) -> Option<String> {
    pairs(query)
        .find(|(n, _)| n == name)
        .map(|(_, value)| value)
}

/// Text as a query value: ASCII letters, digits and `-._~` as they are,
/// every other byte of its UTF-8 as `%XX`.
pub(crate) fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(byte));
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = bytes
            .get(i + 1..i + 3)
            .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
            .and_then(|hex| std::str::from_utf8(hex).ok())
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match (bytes[i], escaped) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::{EMBED, GROWTH, LABEL, MONTHS, PRICE, VOLUME};
    use crate::input::InputError;
    use crate::lang::Lang;
    use pricing::limits::{GROWTH_MAX, GROWTH_MIN, LEGACY_MAX, MONTHS_MAX, MONTHS_MIN, VOLUME_MAX};
    use pricing::{Label, PriceColumn};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    #[test]
    fn empty_query_is_the_default() {
        assert_eq!(decode(""), (PageState::default(), vec![]));
        assert_eq!(decode("?"), (PageState::default(), vec![]));
        let default = PageState::default();
        assert_eq!(default.scenario.volume, 10_000);
        assert_eq!(default.scenario.months, 12);
        assert_eq!(default.scenario.label, Label::WechatVerify);
    }

    #[test]
    fn reads_every_parameter() {
        let (state, notices) =
            decode("?label=general-compare&volume=1001&months=36&price=list&growth=-2.5&legacy=300&lang=en&embed=1");
        assert_eq!(notices, vec![]);
        assert_eq!(state.scenario.label, Label::GeneralCompare);
        assert_eq!(state.scenario.volume, 1001);
        assert_eq!(state.scenario.months, 36);
        assert_eq!(state.scenario.column, PriceColumn::List);
        assert_eq!(state.scenario.growth, Decimal::new(-25, 1));
        assert_eq!(state.scenario.legacy, 300);
        assert_eq!(state.lang, Lang::En);
        assert!(state.embed);
    }

    #[test]
    fn bad_values_fall_back_with_a_notice_naming_the_parameter() {
        let (state, notices) =
            decode("volume=abc&months=0&label=wechat&price=cheap&embed=yes&growth=101");
        assert_eq!(state, PageState::default());
        let named: Vec<_> = notices.iter().map(|n| (n.field, n.used.as_str())).collect();
        assert_eq!(
            named,
            vec![
                (&VOLUME, "10000"),
                (&MONTHS, "12"),
                (&LABEL, "wechat-verify"),
                (&PRICE, "promo"),
                (&EMBED, ""),
                (&GROWTH, "0"),
            ]
        );
        assert_eq!(notices[0].given, "abc");
        assert_eq!(
            notices[1].problem,
            Problem::BadNumber(InputError::TooSmall("1".into()))
        );
    }

    #[test]
    fn out_of_range_volume_is_not_clamped_silently() {
        let (state, notices) = decode("volume=1000000001");
        assert_eq!(state.scenario.volume, 10_000);
        assert_eq!(notices.len(), 1);
        assert_eq!(
            notices[0].problem,
            Problem::BadNumber(InputError::TooLarge("1000000000".into()))
        );
    }

    #[test]
    fn a_promotions_end_with_the_list_price_is_named_and_left_out() {
        for query in ["price=list&promo_months=6", "promo_months=6&price=list"] {
            let (state, notices) = decode(query);
            assert_eq!(state.scenario.promo_months, None, "{query}");
            assert_eq!(notices.len(), 1, "{query}");
            assert_eq!(notices[0].field, &crate::fields::PROMO_MONTHS);
            assert_eq!(notices[0].problem, Problem::Inapplicable);
            assert_eq!(
                (notices[0].given.as_str(), notices[0].used.as_str()),
                ("6", "")
            );
        }
        let (state, notices) = decode("promo_months=6&retry=12.5&legacy_months=3");
        assert_eq!(notices, vec![]);
        assert_eq!(state.scenario.promo_months, Some(6));
        assert_eq!(state.scenario.retry, Decimal::new(125, 1));
        assert_eq!(state.scenario.legacy_months, 3);
    }

    #[test]
    fn first_of_repeated_parameters_wins() {
        let (state, notices) = decode("volume=5&volume=6");
        assert_eq!(state.scenario.volume, 5);
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].problem, Problem::Repeated);
        assert_eq!(notices[0].used, "5");
        // However often a parameter repeats, one notice says so.
        let repeated = format!("{}months=2&months=3", "volume=5&".repeat(1000));
        let (state, notices) = decode(&repeated);
        assert_eq!((state.scenario.volume, state.scenario.months), (5, 2));
        let names: Vec<&str> = notices.iter().map(|n| n.field.name).collect();
        assert_eq!(names, ["volume", "months"]);
        assert!(notices.iter().all(|n| n.problem == Problem::Repeated));
    }

    #[test]
    fn percent_escapes_and_unknown_parameters() {
        let (state, notices) = decode("utm_source=x&%6Cabel=wechat%2Dcompare&volume=%31%30");
        assert_eq!(notices, vec![]);
        assert_eq!(state.scenario.label, Label::WechatCompare);
        assert_eq!(state.scenario.volume, 10);
        assert_eq!(percent_decode("%+1%zz%"), "% 1%zz%");
        assert_eq!(percent_decode("a+b%E5%BE%AE"), "a b微");
    }

    #[test]
    fn long_bad_values_are_shortened_in_notices() {
        let long = "x".repeat(500);
        let (_, notices) = decode(&format!("volume={long}"));
        assert_eq!(notices[0].given.chars().count(), GIVEN_MAX_CHARS);
    }

    fn any_state() -> impl Strategy<Value = PageState> {
        proptest::collection::vec(any::<u64>(), FIELDS.len())
            .prop_map(|picks| PageState::from_picks(&picks))
    }

    /// The notice of the one parameter `query` gets wrong, and the state it leaves.
    fn one_notice(query: &str) -> (PageState, Notice) {
        let (state, mut notices) = decode(query);
        assert_eq!(notices.len(), 1, "{query}: {notices:?}");
        (state, notices.remove(0))
    }

    #[test]
    fn a_profile_and_channels_round_trip() {
        let query = "profile=1,0.5,2.25&extra=general-verify:5000,wechat-compare:2000";
        let (state, notices) = decode(query);
        assert_eq!(notices, vec![]);
        let profile: Vec<String> = state
            .scenario
            .profile
            .iter()
            .map(|w| w.to_string())
            .collect();
        assert_eq!(profile, ["1", "0.5", "2.25"]);
        assert_eq!(state.scenario.extra[1].label, Label::WechatCompare);
        assert_eq!(state.scenario.extra[1].volume, 2_000);
        assert!(encode(&state).ends_with(&format!("{query}&lang=zh")));
    }

    #[test]
    fn a_bad_multiplier_becomes_1_and_keeps_the_others_in_place() {
        for (bad, why) in [
            ("x", Problem::BadNumber(InputError::NotANumber)),
            ("-1", Problem::BadNumber(InputError::TooSmall("0".into()))),
            (
                "10.5",
                Problem::BadNumber(InputError::TooLarge("10".into())),
            ),
            ("1.234", Problem::BadNumber(InputError::TooPrecise(2))),
        ] {
            let (state, notice) = one_notice(&format!("profile=2,{bad},3"));
            assert_eq!(notice.problem, Problem::BadItem(2, Box::new(why)), "{bad}");
            assert_eq!(notice.used, "2,1,3");
            assert_eq!(state.scenario.profile.len(), 3);
        }
    }

    #[test]
    fn too_many_values_keep_the_first_ones() {
        let thirteen = vec!["2"; 13].join(",");
        let (state, notice) = one_notice(&format!("profile={thirteen}"));
        assert_eq!(notice.problem, Problem::TooMany(12));
        assert_eq!(state.scenario.profile.len(), 12);
        let (state, notice) = one_notice(
            "extra=general-verify:1,general-verify:2,wechat-compare:3,general-compare:4",
        );
        assert_eq!(notice.problem, Problem::TooMany(3));
        assert_eq!(
            notice.used,
            "general-verify:1,general-verify:2,wechat-compare:3"
        );
        assert_eq!(state.scenario.extra.len(), 3);
    }

    #[test]
    fn a_bad_channel_is_dropped_and_the_others_kept() {
        let cases = [
            ("nope:5", Problem::UnknownValue),
            ("general-verify", Problem::NotAChannel),
            (
                "general-verify:-3",
                Problem::BadNumber(InputError::TooSmall("0".into())),
            ),
            (
                "general-verify:1.5",
                Problem::BadNumber(InputError::Fractional),
            ),
        ];
        for (bad, why) in cases {
            let (state, notice) = one_notice(&format!("extra=wechat-compare:7,{bad}"));
            assert_eq!(notice.problem, Problem::BadItem(2, Box::new(why)), "{bad}");
            assert_eq!(notice.used, "wechat-compare:7");
            assert_eq!(state.scenario.extra.len(), 1);
        }
        // Nothing readable: no channels, and the notice says so.
        let (state, notice) = one_notice("extra=oops");
        assert_eq!(notice.used, "");
        assert!(state.scenario.extra.is_empty());
    }

    proptest! {
        #[test]
        fn encode_then_decode_is_identity(state in any_state()) {
            let (decoded, notices) = decode(&encode(&state));
            prop_assert_eq!(notices, vec![]);
            prop_assert_eq!(decoded, state);
        }

        #[test]
        fn any_string_decodes_to_a_valid_state(query in any::<String>()) {
            let (state, notices) = decode(&query);
            let scenario = &state.scenario;
            prop_assert!(scenario.volume <= VOLUME_MAX);
            prop_assert!((MONTHS_MIN..=MONTHS_MAX).contains(&scenario.months));
            prop_assert!(scenario.growth >= GROWTH_MIN && scenario.growth <= GROWTH_MAX);
            prop_assert!(scenario.legacy <= LEGACY_MAX);
            prop_assert!(notices.len() <= query.matches('&').count() + 1);
        }

        #[test]
        fn query_like_strings_decode_without_panic(
            query in "[?&=a-z0-9%+.-]{0,60}",
            value in "[-+.0-9a-zA-Z%]{0,12}",
        ) {
            for field in FIELDS {
                let (_, notices) = decode(&format!("{query}&{}={value}", field.name));
                prop_assert!(notices.iter().all(|n| n.given.chars().count() <= GIVEN_MAX_CHARS));
            }
        }
    }
}
