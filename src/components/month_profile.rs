use calculator::fields::{Value, MULTIPLIER};
use calculator::format;
use calculator::profile::{self, Shape, DEFAULT_PEAK_FACTOR, DEFAULT_PEAK_MONTH};
use pricing::limits::PROFILE_LEN_MAX;
use pricing::Scenario;
use rust_decimal::Decimal;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::number_field::NumberField;
use super::season_area::SeasonArea;
use crate::hooks::use_lang;
use crate::i18n::{fill, text, Text};

/// Properties of a [`MonthProfile`].
#[derive(Properties, PartialEq)]
pub struct MonthProfileProps {
    /// The scenario whose months are shaped.
    pub scenario: Scenario,
    /// Receives each new profile.
    pub on_change: Callback<Vec<Decimal>>,
}

/// The shape of the months: flat, one peak month a year, or a season typed
/// or pasted as 12 numbers; and the month volumes the shape gives.
#[component]
pub fn MonthProfile(props: &MonthProfileProps) -> Html {
    let lang = use_lang();
    let t = text(lang);
    let profile = &props.scenario.profile;
    let chosen = use_state(|| Shape::of(profile));
    // A profile from elsewhere (a link, a pin) that the chosen kind cannot
    // show is shown as its own kind.
    let shape = if chosen.holds(profile) {
        *chosen
    } else {
        Shape::of(profile)
    };
    let set_profile = {
        let on_change = props.on_change.clone();
        move |profile: Vec<Decimal>| on_change.emit(profile)
    };
    let pick = |kind: Shape, start: Vec<Decimal>| {
        let (chosen, set_profile) = (chosen.clone(), set_profile.clone());
        Callback::from(move |_: Event| {
            chosen.set(kind);
            set_profile(start.clone());
        })
    };
    let as_season = match profile.is_empty() {
        true => vec![Decimal::ONE; PROFILE_LEN_MAX],
        false => profile.clone(),
    };
    let kinds = [
        ("flat", t.shape_flat, Shape::Flat, Vec::new()),
        (
            "peak",
            t.shape_peak,
            Shape::of(&profile::peak(DEFAULT_PEAK_MONTH, DEFAULT_PEAK_FACTOR)),
            profile::peak(DEFAULT_PEAK_MONTH, DEFAULT_PEAK_FACTOR),
        ),
        ("season", t.shape_season, Shape::Season, as_season),
    ];
    html! {
        <fieldset class="month-profile" data-testid="month-profile">
            <legend>{ t.shape_title }</legend>
            <div class="segmented">
                for (id, name, kind, start) in kinds {
                    <label class={classes!("choice", same_kind(kind, shape).then_some("chosen"))} key={id}>
                        <input type="radio" name="shape" value={id} checked={same_kind(kind, shape)}
                            onchange={pick(kind, start)} />
                        <span>{ name }</span>
                    </label>
                }
            </div>
            if let Shape::Peak { .. } = shape {
                { peak_controls(profile, t, set_profile.clone()) }
            }
            if shape == Shape::Season {
                <SeasonArea profile={profile.clone()} on_profile={Callback::from(set_profile)} />
            }
            if shape != Shape::Flat {
                { month_volumes(&props.scenario, t) }
            }
        </fieldset>
    }
}

/// Whether two shapes are the same kind, whatever their figures.
fn same_kind(a: Shape, b: Shape) -> bool {
    std::mem::discriminant(&a) == std::mem::discriminant(&b)
}

/// The peak's month and factor.
fn peak_controls(
    profile: &[Decimal],
    t: &Text,
    set: impl Fn(Vec<Decimal>) + Clone + 'static,
) -> Html {
    // A factor typed back to 1 leaves no month that stands out: keep the last one.
    let (month, factor) = match Shape::of(profile) {
        Shape::Peak { month, factor } => (month, factor),
        _ => (
            profile
                .iter()
                .position(|w| *w != Decimal::ONE)
                .unwrap_or(DEFAULT_PEAK_MONTH),
            Decimal::ONE,
        ),
    };
    let onchange = {
        let set = set.clone();
        Callback::from(move |event: Event| {
            let picked = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(month) = picked.parse::<usize>() {
                set(profile::peak(month, factor));
            }
        })
    };
    let on_factor = Callback::from(move |value: Value| {
        if let Some(factor) = value.number() {
            set(profile::peak(month, factor));
        }
    });
    html! {
        <div class="row">
            <div class="field">
                <label for="peak-month">{ t.peak_month }</label>
                <select id="peak-month" {onchange}>
                    for index in 0..PROFILE_LEN_MAX {
                        <option value={index.to_string()} selected={index == month}>
                            { fill(t.month_n, &[("n", &(index + 1).to_string())]) }
                        </option>
                    }
                </select>
            </div>
            <NumberField id="peak-factor" rule={MULTIPLIER} label={t.peak_factor} unit={t.times}
                value={Value::Number(factor)} on_change={on_factor} />
        </div>
    }
}

/// The main channel's verifications in the first year that the shape gives.
fn month_volumes(scenario: &Scenario, t: &Text) -> Html {
    let main = Scenario {
        extra: Vec::new(),
        months: scenario.months.min(PROFILE_LEN_MAX as u32),
        ..scenario.clone()
    };
    html! {
        <div class="month-volumes">
            <span class="figure-label">{ t.month_volumes }</span>
            <ol data-testid="month-volumes">
                for calls in main.month_verifications() {
                    <li>{ format::grouped_calls(calls) }</li>
                }
            </ol>
        </div>
    }
}
