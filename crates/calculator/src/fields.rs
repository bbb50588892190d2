//! The page's fields, declared once: each row says a field's URL name, what
//! its text may be, its default, and where its value lives in the page state.
//! The URL codec, the number inputs, the notices, the pins and the fuzz
//! targets all read this table, so a new parameter is one more row.

use std::fmt;

use pricing::limits::{
    EXTRA_MAX, GROWTH_MAX, GROWTH_MIN, HELD_CALLS_MAX, HELD_MAX, HELD_MONTHS_MAX, LEGACY_MAX,
    LEGACY_MONTHS_MAX, MONTHS_MAX, MONTHS_MIN, PROFILE_DECIMALS, PROFILE_FACTOR_MAX,
    PROFILE_LEN_MAX, RETRY_MAX, VOLUME_MAX,
};
use pricing::{ExtraChannel, Held, Label, PriceColumn};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::calendar::{CalendarMonth, START_MAX, START_MIN};
use crate::input::{parse_number, InputError};
use crate::lang::Lang;
use crate::page_state::PageState;

/// What a field's text may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// A number in `min..=max` with at most `places` decimals; 0 places means whole.
    Number {
        /// Smallest value.
        min: Decimal,
        /// Largest value.
        max: Decimal,
        /// Most decimals.
        places: u32,
    },
    /// One of these words.
    Word(&'static [&'static str]),
    /// 1 to `most` comma-separated numbers, each allowed by `each`.
    Numbers {
        /// Most numbers.
        most: usize,
        /// The rule of each number (a [`Rule::Number`]).
        each: &'static Rule,
        /// What an unreadable number becomes when the rest is kept, so that
        /// the others keep their places.
        filler: Decimal,
    },
    /// 1 to `most` comma-separated channels, each `label:volume`.
    Channels {
        /// Most channels.
        most: usize,
    },
    /// 1 to `most` comma-separated entries of packs held, each `label:calls@months`.
    Held {
        /// Most entries.
        most: usize,
    },
    /// A calendar month `YYYY-MM` in `min..=max`.
    Month {
        /// Earliest month.
        min: CalendarMonth,
        /// Latest month.
        max: CalendarMonth,
    },
}

impl Rule {
    /// The value in `text`, if the rule allows it.
    pub fn read(&self, text: &str) -> Result<Value, Problem> {
        match self.read_lenient(text) {
            (value, None) => Ok(value),
            (_, Some(problem)) => Err(problem),
        }
    }

    /// The value of `text` as a person typed or pasted it into the field:
    /// for a number, what [`crate::typed::plain_number`] makes of thousands
    /// separators, full-width digits, a unit or a magnitude, judged by the
    /// same rule as a URL's plain text. URLs are read with [`Rule::read`].
    pub fn read_typed(&self, text: &str) -> Result<Value, Problem> {
        match self {
            Rule::Number { .. } => match crate::typed::plain_number(text) {
                Some(plain) => self.read(&plain),
                None => self.read(text),
            },
            _ => self.read(text),
        }
    }

    /// The value of `text` with the first problem found, if any: for a list,
    /// what it keeps despite that problem.
    pub fn read_lenient(&self, text: &str) -> (Value, Option<Problem>) {
        let single = |read: Result<Value, Problem>| match read {
            Ok(value) => (value, None),
            Err(problem) => (Value::Absent, Some(problem)),
        };
        match *self {
            Rule::Number { min, max, places } => single(
                parse_number(text, min, max, places)
                    .map(Value::Number)
                    .map_err(Problem::BadNumber),
            ),
            Rule::Word(words) => single(
                words
                    .iter()
                    .find(|&&word| word == text)
                    .map(|&word| Value::Word(word))
                    .ok_or(Problem::UnknownValue),
            ),
            Rule::Numbers { most, each, filler } => {
                let (numbers, problem) = read_list(text, most, |item| {
                    let number = match *each {
                        Rule::Number { min, max, places } => parse_number(item, min, max, places),
                        _ => Err(InputError::NotANumber),
                    };
                    number.map_err(Problem::BadNumber)
                });
                let numbers = numbers.into_iter().map(|n| n.unwrap_or(filler)).collect();
                (Value::Numbers(numbers), problem)
            }
            Rule::Channels { most } => {
                let (channels, problem) = read_list(text, most, read_channel);
                (
                    Value::channels(channels.into_iter().flatten().collect()),
                    problem,
                )
            }
            Rule::Held { most } => {
                let (held, problem) = read_list(text, most, read_held);
                (Value::held(held.into_iter().flatten().collect()), problem)
            }
            Rule::Month { min, max } => single(
                CalendarMonth::parse(text)
                    .filter(|month| (min..=max).contains(month))
                    .map(Value::Month)
                    .ok_or(Problem::UnknownValue),
            ),
        }
    }
}

/// A field's value as text reads it, before it lands in the page state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// A number allowed by a [`Rule::Number`].
    Number(Decimal),
    /// A word allowed by a [`Rule::Word`].
    Word(&'static str),
    /// Numbers allowed by a [`Rule::Numbers`].
    Numbers(Vec<Decimal>),
    /// Channels allowed by a [`Rule::Channels`].
    Channels(Vec<ExtraChannel>),
    /// Packs held, allowed by a [`Rule::Held`].
    Held(Vec<Held>),
    /// A calendar month allowed by a [`Rule::Month`].
    Month(CalendarMonth),
    /// No value: an optional field left out of the URL.
    Absent,
}

impl Value {
    /// A whole number as `u64`, if it is one.
    pub fn whole(&self) -> Option<u64> {
        match self {
            Value::Number(number) if number.fract().is_zero() => number.to_u64(),
            _ => None,
        }
    }

    /// The number, if it is one.
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Value::Number(number) => Some(*number),
            _ => None,
        }
    }

    /// Multipliers as a [`Value::Numbers`]; an empty list is [`Value::Absent`],
    /// as a list field's rule allows no empty list.
    pub fn numbers(numbers: Vec<Decimal>) -> Value {
        match numbers.is_empty() {
            true => Value::Absent,
            false => Value::Numbers(numbers),
        }
    }

    /// Channels as a [`Value::Channels`]; an empty list is [`Value::Absent`].
    pub fn channels(channels: Vec<ExtraChannel>) -> Value {
        match channels.is_empty() {
            true => Value::Absent,
            false => Value::Channels(channels),
        }
    }

    /// Packs held as a [`Value::Held`]; an empty list is [`Value::Absent`].
    pub fn held(held: Vec<Held>) -> Value {
        match held.is_empty() {
            true => Value::Absent,
            false => Value::Held(held),
        }
    }

    /// The word, if it is one.
    pub fn word(&self) -> Option<&'static str> {
        match self {
            Value::Word(word) => Some(word),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Number(number) => number.normalize().fmt(f),
            Value::Word(word) => f.write_str(word),
            Value::Numbers(numbers) => {
                let texts: Vec<String> =
                    numbers.iter().map(|n| n.normalize().to_string()).collect();
                f.write_str(&texts.join(","))
            }
            Value::Channels(channels) => {
                let texts: Vec<String> = channels
                    .iter()
                    .map(|c| format!("{}:{}", c.label.id(), c.volume))
                    .collect();
                f.write_str(&texts.join(","))
            }
            Value::Held(held) => {
                let texts: Vec<String> = held.iter().map(held_text).collect();
                f.write_str(&texts.join(","))
            }
            Value::Month(month) => month.fmt(f),
            Value::Absent => Ok(()),
        }
    }
}

/// One field of the page: a row of [`FIELDS`].
pub struct Field {
    /// The URL query parameter's name.
    pub name: &'static str,
    /// What its text may be.
    pub rule: Rule,
    /// Its value when the URL does not give one.
    pub default: Value,
    /// Part of the pricing question (pinned with a scenario), or only of how the page looks.
    pub scenario: bool,
    /// May be absent ([`Value::Absent`], its default), and is then left out of URLs.
    pub optional: bool,
    get: fn(&PageState) -> Value,
    set: fn(&mut PageState, Value),
}

// Rows are told apart by name: function pointers do not compare reliably.
impl PartialEq for Field {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl Eq for Field {}

impl fmt::Debug for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Field({})", self.name)
    }
}

impl Field {
    /// The value in `text`, if the rule allows it.
    pub fn read(&self, text: &str) -> Result<Value, Problem> {
        self.rule.read(text)
    }

    /// What can be kept of `text` that [`Field::read`] refused: a list's
    /// readable items (the first `most`, unreadable numbers as the filler);
    /// `None` for a single value, or when nothing is readable.
    pub fn salvage(&self, text: &str) -> Option<Value> {
        match (self.rule, self.rule.read_lenient(text)) {
            (Rule::Number { .. } | Rule::Word(_) | Rule::Month { .. }, _) => None,
            (_, (Value::Absent, _)) => None,
            (_, (value, _)) => Some(value),
        }
    }

    /// The field's value in a page state.
    pub fn get(&self, state: &PageState) -> Value {
        (self.get)(state)
    }

    /// Puts a value that [`Field::read`] gave into a page state; any other value leaves it unchanged.
    pub fn set(&self, state: &mut PageState, value: Value) {
        if self.allows(&value) {
            (self.set)(state, value);
        }
    }

    /// Whether the rule allows `value`.
    pub fn allows(&self, value: &Value) -> bool {
        allowed(self.rule, value) || (*value == Value::Absent && self.optional)
    }

    /// The field's text in a page state, as a URL writes it (empty when absent).
    pub fn text(&self, state: &PageState) -> String {
        self.get(state).to_string()
    }

    /// The `n`-th allowed value, wrapping around: every `n` gives a valid value,
    /// so that fuzzers and property tests explore states rather than the parser.
    pub fn nth_value(&self, n: u64) -> Value {
        // One pick in eight leaves an optional field out.
        if self.optional && n % 8 == 7 {
            return Value::Absent;
        }
        nth_of(self.rule, n).unwrap_or_else(|| self.default.clone())
    }

    /// The row named `name`, if any.
    pub fn named(name: &str) -> Option<&'static Field> {
        FIELDS.iter().copied().find(|field| field.name == name)
    }

    /// The message for text that a number field's rule refused.
    pub fn input_error(problem: &Problem) -> InputError {
        match problem {
            Problem::BadNumber(error) => error.clone(),
            _ => InputError::NotANumber,
        }
    }
}

/// Whether `rule` allows `value` (absence aside).
fn allowed(rule: Rule, value: &Value) -> bool {
    match (rule, value) {
        (Rule::Number { min, max, places }, Value::Number(number)) => {
            (min..=max).contains(number) && number.normalize().scale() <= places
        }
        (Rule::Word(words), Value::Word(word)) => words.contains(word),
        (Rule::Numbers { most, each, .. }, Value::Numbers(numbers)) => {
            (1..=most).contains(&numbers.len())
                && numbers.iter().all(|&n| allowed(*each, &Value::Number(n)))
        }
        (Rule::Channels { most }, Value::Channels(channels)) => {
            (1..=most).contains(&channels.len()) && channels.iter().all(|c| c.volume <= VOLUME_MAX)
        }
        (Rule::Held { most }, Value::Held(held)) => {
            (1..=most).contains(&held.len())
                && held
                    .iter()
                    .all(|h| h.calls <= HELD_CALLS_MAX && (1..=HELD_MONTHS_MAX).contains(&h.months))
        }
        (Rule::Month { min, max }, Value::Month(month)) => (min..=max).contains(month),
        _ => false,
    }
}

/// The `n`-th value `rule` allows, spread over the rule's range; `None` for
/// a rule without values.
fn nth_of(rule: Rule, n: u64) -> Option<Value> {
    // Lists take their length and items from independent parts of `n`.
    let part = |i: u64| n.rotate_left((i as u32 * 13) % 64) ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    match rule {
        Rule::Number { min, max, places } => {
            let step = Decimal::new(1, places);
            let steps = ((max - min) / step).to_u64().unwrap_or(u64::MAX);
            let index = n % steps.saturating_add(1);
            Some(Value::Number(
                (min + Decimal::from(index) * step).normalize(),
            ))
        }
        Rule::Word(words) => {
            let index = usize::try_from(n).unwrap_or(usize::MAX) % words.len().max(1);
            words.get(index).map(|&word| Value::Word(word))
        }
        Rule::Numbers { most, each, .. } => {
            let len = 1 + (n % most.max(1) as u64);
            let items = (1..=len).map(|i| nth_of(*each, part(i))?.number());
            Some(Value::Numbers(items.collect::<Option<Vec<_>>>()?))
        }
        Rule::Channels { most } => {
            let len = 1 + (n % most.max(1) as u64);
            let channels = (1..=len).map(|i| ExtraChannel {
                label: Label::ALL[(part(i) % 4) as usize],
                volume: part(i + 100) % (VOLUME_MAX + 1),
            });
            Some(Value::Channels(channels.collect()))
        }
        Rule::Held { most } => {
            let len = 1 + (n % most.max(1) as u64);
            let held = (1..=len).map(|i| Held {
                label: Label::ALL[(part(i) % 4) as usize],
                calls: part(i + 100) % 2_000_000,
                months: 1 + (part(i + 200) % u64::from(HELD_MONTHS_MAX)) as u32,
            });
            Some(Value::Held(held.collect()))
        }
        Rule::Month { min, max } => {
            let span = u64::try_from(max.months_since(min)).unwrap_or(0);
            let months = usize::try_from(n % span.saturating_add(1)).unwrap_or(0);
            Some(Value::Month(min.plus(months)))
        }
    }
}

/// The items of a comma-separated list read one by one, at most `most` of
/// them, with the first problem: too many items, or an item `read` refused.
fn read_list<T>(
    text: &str,
    most: usize,
    read: impl Fn(&str) -> Result<T, Problem>,
) -> (Vec<Option<T>>, Option<Problem>) {
    let items: Vec<&str> = text.split(',').collect();
    let mut problem = (items.len() > most).then_some(Problem::TooMany(most));
    let read = items.iter().take(most).enumerate().map(|(at, item)| {
        read(item.trim())
            .map_err(|why| {
                problem.get_or_insert(Problem::BadItem(at + 1, Box::new(why)));
            })
            .ok()
    });
    let read: Vec<Option<T>> = read.collect();
    (read, problem)
}

/// One `label:volume` channel.
fn read_channel(text: &str) -> Result<ExtraChannel, Problem> {
    let (label, volume) = text.split_once(':').ok_or(Problem::NotAChannel)?;
    let label = Label::from_id(label.trim()).ok_or(Problem::UnknownValue)?;
    let volume = VOLUME.read(volume)?.whole().ok_or(Problem::UnknownValue)?;
    Ok(ExtraChannel { label, volume })
}

/// One `label:calls@months` entry of packs held.
fn read_held(text: &str) -> Result<Held, Problem> {
    let (label, rest) = text.split_once(':').ok_or(Problem::NotHeld)?;
    let (calls, months) = rest.split_once('@').ok_or(Problem::NotHeld)?;
    let label = Label::from_id(label.trim()).ok_or(Problem::UnknownValue)?;
    let calls = HELD_CALLS
        .read(calls)?
        .whole()
        .ok_or(Problem::UnknownValue)?;
    let months = HELD_MONTHS
        .read(months)?
        .whole()
        .ok_or(Problem::UnknownValue)?;
    let months = u32::try_from(months).map_err(|_| Problem::UnknownValue)?;
    Ok(Held {
        label,
        calls,
        months,
    })
}

/// How a URL writes one entry of packs held.
pub fn held_text(held: &Held) -> String {
    format!("{}:{}@{}", held.label.id(), held.calls, held.months)
}

/// The calls of one entry of packs held: a rule, not a row of its own.
pub static HELD_CALLS: Rule = Rule::Number {
    min: Decimal::ZERO,
    max: whole(HELD_CALLS_MAX),
    places: 0,
};

/// The months of one entry of packs held: a rule, not a row of its own.
static HELD_MONTHS: Rule = Rule::Number {
    min: Decimal::ONE,
    max: whole(HELD_MONTHS_MAX as u64),
    places: 0,
};

/// A whole number as a constant decimal.
const fn whole(n: u64) -> Decimal {
    Decimal::from_parts(n as u32, (n >> 32) as u32, 0, false, 0)
}

/// Most decimals a growth rate may have: enough for any rate people quote.
const GROWTH_DECIMALS: u32 = 4;

/// `label`: the billing label.
pub static LABEL: Field = Field {
    name: "label",
    rule: Rule::Word(&Label::IDS),
    default: Value::Word(Label::IDS[0]),
    scenario: true,
    optional: false,
    get: |state| Value::Word(state.scenario.label.id()),
    set: |state, value| {
        if let Some(label) = value.word().and_then(Label::from_id) {
            state.scenario.label = label;
        }
    },
};

/// `volume`: calls in the first month.
pub static VOLUME: Field = Field {
    name: "volume",
    rule: Rule::Number {
        min: Decimal::ZERO,
        max: whole(VOLUME_MAX),
        places: 0,
    },
    default: Value::Number(whole(10_000)),
    scenario: true,
    optional: false,
    get: |state| Value::Number(state.scenario.volume.into()),
    set: |state, value| {
        if let Some(volume) = value.whole() {
            state.scenario.volume = volume;
        }
    },
};

/// `months`: the horizon.
pub static MONTHS: Field = Field {
    name: "months",
    rule: Rule::Number {
        min: whole(MONTHS_MIN as u64),
        max: whole(MONTHS_MAX as u64),
        places: 0,
    },
    default: Value::Number(whole(12)),
    scenario: true,
    optional: false,
    get: |state| Value::Number(state.scenario.months.into()),
    set: |state, value| {
        if let Some(months) = value.whole().and_then(|n| u32::try_from(n).ok()) {
            state.scenario.months = months;
        }
    },
};

/// `price`: the promotional or the list column.
pub static PRICE: Field = Field {
    name: "price",
    rule: Rule::Word(&PriceColumn::IDS),
    default: Value::Word(PriceColumn::IDS[0]),
    scenario: true,
    optional: false,
    get: |state| Value::Word(state.scenario.column.id()),
    set: |state, value| {
        if let Some(column) = value.word().and_then(PriceColumn::from_id) {
            state.scenario.column = column;
            // A promotion's end means nothing at the list price.
            if column == PriceColumn::List {
                state.scenario.promo_months = None;
            }
        }
    },
};

/// `promo_months`: months in which the promotional price still applies;
/// absent for the whole horizon. Only with `price=promo`.
pub static PROMO_MONTHS: Field = Field {
    name: "promo_months",
    rule: Rule::Number {
        min: Decimal::ZERO,
        max: whole(MONTHS_MAX as u64),
        places: 0,
    },
    default: Value::Absent,
    scenario: true,
    optional: true,
    get: |state| {
        state
            .scenario
            .promo_months
            .map_or(Value::Absent, |months| Value::Number(months.into()))
    },
    set: |state, value| {
        if state.scenario.column == PriceColumn::Promo {
            state.scenario.promo_months = value.whole().and_then(|n| u32::try_from(n).ok());
        }
    },
};

/// `growth`: monthly growth in percent.
pub static GROWTH: Field = Field {
    name: "growth",
    rule: Rule::Number {
        min: GROWTH_MIN,
        max: GROWTH_MAX,
        places: GROWTH_DECIMALS,
    },
    default: Value::Number(Decimal::ZERO),
    scenario: true,
    optional: false,
    get: |state| Value::Number(state.scenario.growth),
    set: |state, value| {
        if let Some(growth) = value.number() {
            state.scenario.growth = growth.normalize();
        }
    },
};

/// `legacy`: calls left on packs bought before 2021-02-01.
pub static LEGACY: Field = Field {
    name: "legacy",
    rule: Rule::Number {
        min: Decimal::ZERO,
        max: whole(LEGACY_MAX),
        places: 0,
    },
    default: Value::Number(Decimal::ZERO),
    scenario: true,
    optional: false,
    get: |state| Value::Number(state.scenario.legacy.into()),
    set: |state, value| {
        if let Some(legacy) = value.whole() {
            state.scenario.legacy = legacy;
        }
    },
};

/// `legacy_months`: months in which the legacy calls can be used.
pub static LEGACY_MONTHS: Field = Field {
    name: "legacy_months",
    rule: Rule::Number {
        min: Decimal::ONE,
        max: whole(LEGACY_MONTHS_MAX as u64),
        places: 0,
    },
    default: Value::Number(whole(LEGACY_MONTHS_MAX as u64)),
    scenario: true,
    optional: false,
    get: |state| Value::Number(state.scenario.legacy_months.into()),
    set: |state, value| {
        if let Some(months) = value.whole().and_then(|n| u32::try_from(n).ok()) {
            state.scenario.legacy_months = months;
        }
    },
};

/// `retry`: billed attempts beyond the verifications, in percent.
pub static RETRY: Field = Field {
    name: "retry",
    rule: Rule::Number {
        min: Decimal::ZERO,
        max: RETRY_MAX,
        places: 2,
    },
    default: Value::Number(Decimal::ZERO),
    scenario: true,
    optional: false,
    get: |state| Value::Number(state.scenario.retry),
    set: |state, value| {
        if let Some(retry) = value.number() {
            state.scenario.retry = retry.normalize();
        }
    },
};

/// The rule of one month multiplier.
pub static MULTIPLIER: Rule = Rule::Number {
    min: Decimal::ZERO,
    max: PROFILE_FACTOR_MAX,
    places: PROFILE_DECIMALS,
};

/// `profile`: multipliers of the volume, month by month in turn; absent for flat months.
pub static PROFILE: Field = Field {
    name: "profile",
    rule: Rule::Numbers {
        most: PROFILE_LEN_MAX,
        each: &MULTIPLIER,
        filler: Decimal::ONE,
    },
    default: Value::Absent,
    scenario: true,
    optional: true,
    get: |state| Value::numbers(state.scenario.profile.clone()),
    set: |state, value| {
        state.scenario.profile = match value {
            Value::Numbers(numbers) => numbers.iter().map(|n| n.normalize()).collect(),
            _ => Vec::new(),
        };
    },
};

/// `extra`: channels beside the main one, as `label:volume`; absent for none.
pub static EXTRA: Field = Field {
    name: "extra",
    rule: Rule::Channels { most: EXTRA_MAX },
    default: Value::Absent,
    scenario: true,
    optional: true,
    get: |state| Value::channels(state.scenario.extra.clone()),
    set: |state, value| {
        state.scenario.extra = match value {
            Value::Channels(channels) => channels,
            _ => Vec::new(),
        };
    },
};

/// `held`: packs already held, as `label:calls@months`; absent for none.
pub static HELD: Field = Field {
    name: "held",
    rule: Rule::Held { most: HELD_MAX },
    default: Value::Absent,
    scenario: true,
    optional: true,
    get: |state| Value::held(state.scenario.held.clone()),
    set: |state, value| {
        state.scenario.held = match value {
            Value::Held(held) => held,
            _ => Vec::new(),
        };
    },
};

/// `start`: the calendar month of month 1; absent: months are numbered.
pub static START: Field = Field {
    name: "start",
    rule: Rule::Month {
        min: START_MIN,
        max: START_MAX,
    },
    default: Value::Absent,
    scenario: false,
    optional: true,
    get: |state| state.start.map_or(Value::Absent, Value::Month),
    set: |state, value| {
        state.start = match value {
            Value::Month(month) => Some(month),
            _ => None,
        };
    },
};

/// `lang`: the display language.
pub static LANG: Field = Field {
    name: "lang",
    rule: Rule::Word(&Lang::IDS),
    default: Value::Word(Lang::IDS[0]),
    scenario: false,
    optional: false,
    get: |state| Value::Word(state.lang.id()),
    set: |state, value| {
        if let Some(lang) = value.word().and_then(Lang::from_id) {
            state.lang = lang;
        }
    },
};

/// `embed`: `1` for the compact layout inside an iframe.
pub static EMBED: Field = Field {
    name: "embed",
    rule: Rule::Word(&["1"]),
    default: Value::Absent,
    scenario: false,
    optional: true,
    get: |state| {
        if state.embed {
            Value::Word("1")
        } else {
            Value::Absent
        }
    },
    set: |state, value| state.embed = value == Value::Word("1"),
};

/// Every field, in the order URLs write them.
pub static FIELDS: [&Field; 15] = [
    &LABEL,
    &VOLUME,
    &MONTHS,
    &PRICE,
    &PROMO_MONTHS,
    &GROWTH,
    &RETRY,
    &LEGACY,
    &LEGACY_MONTHS,
    &PROFILE,
    &EXTRA,
    &HELD,
    &START,
    &LANG,
    &EMBED,
];

/// What was wrong with a parameter's value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not one of the allowed words.
    UnknownValue,
    /// A number that could not be taken.
    BadNumber(InputError),
    /// Given more than once; the first was used.
    Repeated,
    /// A valid value that another parameter makes meaningless (`promo_months`
    /// with `price=list`); it was left out.
    Inapplicable,
    /// A list with more items than this; the first ones were kept.
    TooMany(usize),
    /// The list's item at this position (from 1) could not be taken.
    BadItem(usize, Box<Problem>),
    /// A channel that is not written `label:volume`.
    NotAChannel,
    /// Packs held that are not written `label:calls@months`.
    NotHeld,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownValue => f.write_str("not an allowed value"),
            Problem::BadNumber(error) => error.fmt(f),
            Problem::Repeated => f.write_str("given more than once"),
            Problem::Inapplicable => f.write_str("does not apply with the other parameters"),
            Problem::TooMany(most) => write!(f, "more than {most} items"),
            Problem::BadItem(at, problem) => write!(f, "item {at}: {problem}"),
            Problem::NotAChannel => f.write_str("not written label:volume"),
            Problem::NotHeld => f.write_str("not written label:calls@months"),
        }
    }
}

impl PageState {
    /// A valid state with each field at its `picks[i]`-th allowed value
    /// ([`Field::nth_value`]); missing picks leave the default.
    pub fn from_picks(picks: &[u64]) -> PageState {
        let mut state = PageState::default();
        for (field, &pick) in FIELDS.iter().zip(picks) {
            field.set(&mut state, field.nth_value(pick));
        }
        state
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_defaults_agree_with_the_engines_default_scenario() {
        // The engine's default scenario and the rows' defaults are two
        // declarations of the same page: they must not drift apart.
        let fresh = PageState {
            scenario: pricing::Scenario::default(),
            lang: Lang::default(),
            embed: false,
            start: None,
        };
        assert_eq!(fresh, PageState::default());
        for (i, field) in FIELDS.iter().enumerate() {
            assert!(FIELDS[..i].iter().all(|other| other.name != field.name));
            assert_eq!(field.get(&fresh), field.default, "{}", field.name);
        }
    }

    #[test]
    fn every_nth_value_is_allowed_and_lands_in_the_state() {
        for field in FIELDS {
            for n in [0, 1, 2, 7, 1_000, u64::MAX / 3, u64::MAX] {
                let value = field.nth_value(n);
                assert!(field.allows(&value), "{} {value}", field.name);
                let mut state = PageState::default();
                field.set(&mut state, value.clone());
                assert_eq!(field.get(&state), value, "{}", field.name);
                if value != Value::Absent {
                    assert_eq!(field.read(&value.to_string()), Ok(value), "{}", field.name);
                }
            }
        }
    }

    #[test]
    fn values_outside_the_rule_leave_the_state_alone() {
        let mut state = PageState::default();
        VOLUME.set(&mut state, Value::Number(Decimal::new(15, 1)));
        MONTHS.set(&mut state, Value::Number(Decimal::from(37)));
        LABEL.set(&mut state, Value::Word("promo"));
        GROWTH.set(&mut state, Value::Word("x"));
        assert_eq!(state, PageState::default());
    }

    #[test]
    fn the_promotions_end_goes_with_the_promotional_price_only() {
        let mut state = PageState::default();
        PROMO_MONTHS.set(&mut state, Value::Number(Decimal::from(6)));
        assert_eq!(state.scenario.promo_months, Some(6));
        PRICE.set(&mut state, Value::Word("list"));
        assert_eq!(state.scenario.promo_months, None);
        PROMO_MONTHS.set(&mut state, Value::Number(Decimal::from(6)));
        assert_eq!(state.scenario.promo_months, None);
    }

    #[test]
    fn ranges_are_the_contract_of_product_md() {
        let range = |field: &Field| match field.rule {
            Rule::Number { min, max, places } => (min.to_string(), max.to_string(), places),
            _ => unreachable!("{} is a number field", field.name),
        };
        assert_eq!(range(&VOLUME), ("0".into(), "1000000000".into(), 0));
        assert_eq!(range(&MONTHS), ("1".into(), "36".into(), 0));
        assert_eq!(range(&GROWTH), ("-50".into(), "100".into(), 4));
        assert_eq!(range(&LEGACY), ("0".into(), "1000000000000".into(), 0));
        assert_eq!(range(&PROMO_MONTHS), ("0".into(), "36".into(), 0));
        assert_eq!(range(&LEGACY_MONTHS), ("1".into(), "12".into(), 0));
        assert_eq!(range(&RETRY), ("0".into(), "300".into(), 2));
    }
}
