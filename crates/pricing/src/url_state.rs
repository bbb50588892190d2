//! The page's state in URL query parameters, as PRODUCT.md's table defines
//! them. Decoding never fails: a bad value yields its default and a notice.

use std::fmt;

use rust_decimal::Decimal;

use crate::input::{parse_bounded_decimal, parse_whole, InputError};
use crate::label::{Label, PriceColumn};
use crate::scenario::{
    Scenario, GROWTH_DECIMALS, GROWTH_MAX, GROWTH_MIN, LEGACY_MAX, MONTHS_MAX, MONTHS_MIN,
    VOLUME_MAX,
};

/// The page's language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The language's id in URLs and in `<html lang>`.
    pub fn id(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// Everything the URL holds: the scenario and how the page shows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageState {
    /// The pricing question.
    pub scenario: Scenario,
    /// Display language.
    pub lang: Lang,
    /// Compact layout for an iframe.
    pub embed: bool,
}

/// A URL query parameter of the public contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    /// `label`.
    Label,
    /// `volume`.
    Volume,
    /// `months`.
    Months,
    /// `price`.
    Price,
    /// `growth`.
    Growth,
    /// `legacy`.
    Legacy,
    /// `lang`.
    Lang,
    /// `embed`.
    Embed,
}

impl Param {
    /// Every parameter, in the order URLs write them.
    pub const ALL: [Param; 8] = [
        Param::Label,
        Param::Volume,
        Param::Months,
        Param::Price,
        Param::Growth,
        Param::Legacy,
        Param::Lang,
        Param::Embed,
    ];

    /// The parameter's name in the query string.
    pub fn name(self) -> &'static str {
        match self {
            Param::Label => "label",
            Param::Volume => "volume",
            Param::Months => "months",
            Param::Price => "price",
            Param::Growth => "growth",
            Param::Legacy => "legacy",
            Param::Lang => "lang",
            Param::Embed => "embed",
        }
    }

    /// Whether the parameter is part of the pricing question; `lang` and
    /// `embed` are how the page looks, not what it prices.
    pub fn is_scenario(self) -> bool {
        !matches!(self, Param::Lang | Param::Embed)
    }

    fn from_name(name: &str) -> Option<Param> {
        Param::ALL.into_iter().find(|param| param.name() == name)
    }
}

/// What was wrong with a parameter's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not one of the allowed words.
    UnknownValue,
    /// A number that could not be taken.
    BadNumber(InputError),
    /// Given more than once; the first was used.
    Repeated,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownValue => f.write_str("not an allowed value"),
            Problem::BadNumber(error) => error.fmt(f),
            Problem::Repeated => f.write_str("given more than once"),
        }
    }
}

/// A parameter that was not obeyed as given, and what was used instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Which parameter.
    pub param: Param,
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
    let mut seen = Vec::new();
    for (name, value) in pairs(query) {
        let Some(param) = Param::from_name(&name) else {
            continue;
        };
        if seen.contains(&param) {
            let used = value_text(&state, param);
            notices.push(notice(param, Problem::Repeated, &value, used));
            continue;
        }
        seen.push(param);
        if let Err(problem) = apply(&mut state, param, &value) {
            let used = value_text(&state, param);
            notices.push(notice(param, problem, &value, used));
        }
    }
    (state, notices)
}

/// Writes the page state as a query string without the leading `?`; every
/// parameter is written so that a shared link pins the whole scenario.
pub fn encode(state: &PageState) -> String {
    Param::ALL
        .into_iter()
        .filter(|&param| param != Param::Embed || state.embed)
        .map(|param| format!("{}={}", param.name(), value_text(state, param)))
        .collect::<Vec<_>>()
        .join("&")
}

fn notice(param: Param, problem: Problem, given: &str, used: String) -> Notice {
    Notice {
        param,
        problem,
        given: given.chars().take(GIVEN_MAX_CHARS).collect(),
        used,
    }
}

fn apply(state: &mut PageState, param: Param, value: &str) -> Result<(), Problem> {
    let scenario = &mut state.scenario;
    match param {
        Param::Label => scenario.label = Label::from_id(value).ok_or(Problem::UnknownValue)?,
        Param::Volume => {
            scenario.volume = parse_whole(value, 0, VOLUME_MAX).map_err(Problem::BadNumber)?
        }
        Param::Months => scenario.months = parse_months(value)?,
        Param::Price => {
            scenario.column = PriceColumn::from_id(value).ok_or(Problem::UnknownValue)?
        }
        Param::Growth => scenario.growth = parse_growth(value).map_err(Problem::BadNumber)?,
        Param::Legacy => {
            scenario.legacy = parse_whole(value, 0, LEGACY_MAX).map_err(Problem::BadNumber)?
        }
        Param::Lang => state.lang = parse_lang(value).ok_or(Problem::UnknownValue)?,
        Param::Embed if value == "1" => state.embed = true,
        Param::Embed => return Err(Problem::UnknownValue),
    }
    Ok(())
}

/// A horizon in months, as the page's field and the URL accept it.
pub fn parse_months(text: &str) -> Result<u32, Problem> {
    let months =
        parse_whole(text, MONTHS_MIN.into(), MONTHS_MAX.into()).map_err(Problem::BadNumber)?;
    u32::try_from(months).map_err(|_| Problem::BadNumber(InputError::NotANumber))
}

/// A monthly growth rate in percent, as the page's field and the URL accept it.
pub fn parse_growth(text: &str) -> Result<Decimal, InputError> {
    parse_bounded_decimal(text, GROWTH_MIN, GROWTH_MAX, GROWTH_DECIMALS)
}

fn parse_lang(value: &str) -> Option<Lang> {
    [Lang::Zh, Lang::En]
        .into_iter()
        .find(|lang| lang.id() == value)
}

fn value_text(state: &PageState, param: Param) -> String {
    let scenario = &state.scenario;
    match param {
        Param::Label => scenario.label.id().to_string(),
        Param::Volume => scenario.volume.to_string(),
        Param::Months => scenario.months.to_string(),
        Param::Price => scenario.column.id().to_string(),
        Param::Growth => scenario.growth.normalize().to_string(),
        Param::Legacy => scenario.legacy.to_string(),
        Param::Lang => state.lang.id().to_string(),
        Param::Embed => if state.embed { "1" } else { "" }.to_string(),
    }
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
    use proptest::prelude::*;

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
        let named: Vec<_> = notices.iter().map(|n| (n.param, n.used.as_str())).collect();
        assert_eq!(
            named,
            vec![
                (Param::Volume, "10000"),
                (Param::Months, "12"),
                (Param::Label, "wechat-verify"),
                (Param::Price, "promo"),
                (Param::Embed, ""),
                (Param::Growth, "0"),
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
    fn first_of_repeated_parameters_wins() {
        let (state, notices) = decode("volume=5&volume=6");
        assert_eq!(state.scenario.volume, 5);
        assert_eq!(notices.len(), 1);
        assert_eq!(notices[0].problem, Problem::Repeated);
        assert_eq!(notices[0].used, "5");
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
        (
            0usize..4,
            0..=VOLUME_MAX,
            MONTHS_MIN..=MONTHS_MAX,
            any::<bool>(),
            -500_000i64..=1_000_000,
            0..=LEGACY_MAX,
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(label, volume, months, list, growth, legacy, en, embed)| {
                PageState {
                    scenario: Scenario {
                        label: Label::ALL[label],
                        volume,
                        months,
                        column: if list {
                            PriceColumn::List
                        } else {
                            PriceColumn::Promo
                        },
                        growth: Decimal::new(growth, 4).normalize(),
                        legacy,
                    },
                    lang: if en { Lang::En } else { Lang::Zh },
                    embed,
                }
            })
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
            for param in Param::ALL {
                let (_, notices) = decode(&format!("{query}&{}={value}", param.name()));
                prop_assert!(notices.iter().all(|n| n.given.chars().count() <= GIVEN_MAX_CHARS));
            }
        }
    }
}
