use std::rc::Rc;

use calculator::fields::Field;
use calculator::pinned::{PinError, MAX_PINS};
use calculator::{format, Lang, PageState};
use pricing::{Estimate, Scenario};
use yew::prelude::*;

use crate::hooks::{use_lang, use_month_names, use_pin_estimates};

use crate::book::Engine;
use crate::hooks::{PinActions, Pins};
use crate::i18n::{
    column_name, estimate_words, field_value, fill, further_fields, label_name, per_call_price,
    pin_problem, text, yuan, Text,
};

/// Properties of [`PinnedScenarios`].
#[derive(Properties, PartialEq)]
pub struct PinnedScenariosProps {
    /// The optimizer, to price each pin.
    pub engine: Engine,
    /// The pins and what happened to them.
    pub pins: Pins,
    /// Removing pins.
    pub actions: PinActions,
    /// Opens a pinned scenario.
    pub on_open: Callback<Scenario>,
}

/// Up to four pinned scenarios side by side.
#[component]
pub fn PinnedScenarios(props: &PinnedScenariosProps) -> Html {
    let lang = use_lang();
    let names = use_month_names();
    let t = text(lang);
    let estimates = use_pin_estimates(props.engine, &props.pins.pins);
    let notices: Vec<String> = props
        .pins
        .problem
        .iter()
        .map(|problem| pin_problem(problem, lang))
        .chain(
            props
                .pins
                .refused
                .as_ref()
                .map(|refused| refused_reason(refused, lang)),
        )
        .chain(
            props
                .pins
                .storage_failed
                .then(|| t.pins_not_saved.to_string()),
        )
        .collect();
    if props.pins.pins.is_empty() && notices.is_empty() {
        return Html::default();
    }
    html! {
        <section class="pins" data-testid="pins" aria-label={t.pins_title}>
            <h2>{ t.pins_title }</h2>
            for (i, notice) in notices.iter().enumerate() {
                <p class="notice" key={i} data-testid="pin-notice" role="status">{ notice.clone() }</p>
            }
            if !props.pins.pins.is_empty() {
                <div class="table-scroll" tabindex="0">
                    <table class="prices pin-table">
                        <tbody>
                            <tr>
                                <th scope="row">{ t.pin_name }</th>
                                for i in 0..props.pins.pins.len() {
                                    <td key={i}>{ name_input(i, props.pins.names.get(i).map_or("", String::as_str), t, &props.actions.rename) }</td>
                                }
                            </tr>
                            { row(t.label, pinned(&props.pins.pins, &|s| label_name(s.label, lang).to_string())) }
                            { row(t.volume, pinned(&props.pins.pins, &|s| format!("{} {}", format::grouped_calls(s.volume.into()), t.volume_unit))) }
                            { row(t.months, pinned(&props.pins.pins, &|s| format!("{} {}", s.months, t.months_unit))) }
                            { row(t.price_column, pinned(&props.pins.pins, &|s| column_name(s.column, lang).to_string())) }
                            for (field, name) in further_fields(lang) {
                                if differs(&props.pins.pins, field) {
                                    { row(name, pinned(&props.pins.pins, &|s| field_text(s, field, lang))) }
                                }
                            }
                            { row(t.plan_title, searched(&estimates, &|e| estimate_words(e, names))) }
                            { total_row(t.best_total, &estimates, lang) }
                            { row(t.per_call_average, searched(&estimates, &|e| {
                                e.average_per_call().map(|p| per_call_price(p, lang)).unwrap_or_default()
                            })) }
                            <tr>
                                <th scope="row">{ t.pin_actions }</th>
                                for (i, scenario) in props.pins.pins.iter().enumerate() {
                                    <td key={i}>
                                        <button type="button" data-testid="open-pin"
                                            onclick={ let (open, s) = (props.on_open.clone(), scenario.clone()); move |_: MouseEvent| open.emit(s.clone()) }>
                                            { t.open_pin }
                                        </button>
                                        { " " }
                                        <button type="button" data-testid="remove-pin"
                                            onclick={ let remove = props.actions.remove.clone(); move |_: MouseEvent| remove.emit(i) }>
                                            { t.remove_pin }
                                        </button>
                                    </td>
                                }
                            </tr>
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

// The cell makers are `dyn` and the cells a `Vec`: one copy of each helper
// and of the row's markup instead of one per row.
/// A row of the pins table; marked when its cells differ between pins.
fn row(name: &str, cells: Vec<String>) -> Html {
    let differ = cells.iter().any(|cell| *cell != cells[0]);
    html! {
        <tr class={classes!(differ.then_some("differs"))} data-differs={differ.to_string()}>
            <th scope="row">{ name.to_string() }</th>
            for (i, cell) in cells.into_iter().enumerate() {
                <td key={i} data-testid="pin-cell">{ cell }</td>
            }
        </tr>
    }
}

/// A pin's name, changed when the field is left or Enter is pressed.
fn name_input(
    index: usize,
    name: &str,
    t: &'static Text,
    rename: &Callback<(usize, String)>,
) -> Html {
    let rename = rename.clone();
    let onchange = move |event: Event| {
        let value = event
            .target_unchecked_into::<web_sys::HtmlInputElement>()
            .value();
        rename.emit((index, value));
    };
    html! {
        <input type="text" class="pin-name" data-testid="pin-name" maxlength="40"
            value={name.to_string()} placeholder={t.pin_name_hint} aria-label={t.pin_name} {onchange} />
    }
}

/// The totals, the cheapest pin's marked once every pin's plan is known.
fn total_row(name: &str, estimates: &[Option<Option<Rc<Estimate>>>], lang: Lang) -> Html {
    let totals: Option<Vec<_>> = estimates
        .iter()
        .map(|e| {
            e.as_ref()
                .map(|found| found.as_ref().map(|e| e.best_total()))
        })
        .collect();
    let cheapest = totals
        .as_ref()
        .filter(|totals| totals.len() > 1)
        .and_then(|totals| totals.iter().flatten().min().copied());
    html! {
        <tr>
            <th scope="row">{ name.to_string() }</th>
            for (i, estimate) in estimates.iter().enumerate() {
                <td key={i} data-testid="pin-cell">
                    { match estimate {
                        None => "…".to_string(),
                        Some(found) => found.as_ref().map(|e| yuan(e.best_total(), lang)).unwrap_or_default(),
                    } }
                    if cheapest.is_some() && estimate.as_ref().and_then(|f| f.as_ref()).map(|e| e.best_total()) == cheapest {
                        <span class="badge" data-testid="cheapest-pin">{ text(lang).cheapest_pin }</span>
                    }
                </td>
            }
        </tr>
    }
}

/// Whether the pins set `field` differently.
fn differs(pins: &[Scenario], field: &Field) -> bool {
    let value = |scenario: &Scenario| field.get(&state_of(scenario, Lang::default()));
    let first = pins.first().map(value);
    pins.iter().any(|s| Some(value(s)) != first)
}

/// A page showing `scenario` in `lang`, for reading a field of it.
fn state_of(scenario: &Scenario, lang: Lang) -> PageState {
    PageState {
        scenario: scenario.clone(),
        lang,
        ..PageState::default()
    }
}

/// A field's value in a pinned scenario, with its unit; "—" when absent.
fn field_text(scenario: &Scenario, field: &Field, lang: Lang) -> String {
    field_value(&state_of(scenario, lang), field)
}

/// A row's cells from the pinned scenarios.
fn pinned(pins: &[Scenario], show: &dyn Fn(&Scenario) -> String) -> Vec<String> {
    pins.iter().map(show).collect()
}

/// A row's cells from the pins' estimates: "…" while a pin's search runs,
/// nothing for a pin without a plan.
fn searched(
    estimates: &[Option<Option<Rc<Estimate>>>],
    show: &dyn Fn(&Estimate) -> String,
) -> Vec<String> {
    estimates
        .iter()
        .map(|estimate| match estimate {
            None => "…".to_string(),
            Some(found) => found.as_deref().map(show).unwrap_or_default(),
        })
        .collect()
}

fn refused_reason(refused: &PinError, lang: Lang) -> String {
    let t = text(lang);
    match refused {
        PinError::Full => fill(t.pins_full, &[("max", &MAX_PINS.to_string())]),
        PinError::AlreadyPinned => t.pins_already.to_string(),
    }
}
