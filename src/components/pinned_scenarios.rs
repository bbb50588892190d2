use std::rc::Rc;

use calculator::pinned::{PinError, MAX_PINS};
use calculator::{format, Lang};
use pricing::{Estimate, Scenario};
use yew::prelude::*;

use crate::hooks::{use_lang, use_month_names, use_pin_estimates};

use crate::book::Engine;
use crate::hooks::{PinActions, Pins};
use crate::i18n::{
    column_name, estimate_words, fill, label_name, per_call_price, pin_problem, text,
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
                            { row(t.label, pinned(&props.pins.pins, &|s| label_name(s.label, lang).to_string())) }
                            { row(t.volume, pinned(&props.pins.pins, &|s| format::grouped_calls(s.volume.into()))) }
                            { row(t.months, pinned(&props.pins.pins, &|s| s.months.to_string())) }
                            { row(t.price_column, pinned(&props.pins.pins, &|s| column_name(s.column, lang).to_string())) }
                            { row(t.best_title, searched(&estimates, &|e| estimate_words(e, names))) }
                            { row(t.best_total, searched(&estimates, &|e| format::grouped(e.best_total()))) }
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
fn row(name: &str, cells: Vec<String>) -> Html {
    html! {
        <tr>
            <th scope="row">{ name.to_string() }</th>
            for (i, cell) in cells.into_iter().enumerate() {
                <td key={i} data-testid="pin-cell">{ cell }</td>
            }
        </tr>
    }
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
