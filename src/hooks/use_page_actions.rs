use std::rc::Rc;

use calculator::fields::{self, Field, Value};
use calculator::Lang;
use pricing::{Label, PriceColumn, Scenario};
use yew::prelude::*;

use crate::state::{AppState, Change};

/// What the page's sections can ask of the page state, one callback per kind
/// of change.
#[derive(PartialEq)]
pub struct PageActions {
    /// Any change.
    pub change: Callback<Change>,
    /// Picks a billing label.
    pub label: Callback<Label>,
    /// Sets the calls per month.
    pub volume: Callback<u64>,
    /// Picks the price column.
    pub column: Callback<PriceColumn>,
    /// Switches the language.
    pub lang: Callback<Lang>,
    /// Hides a URL notice.
    pub dismiss_notice: Callback<usize>,
    /// Opens a pinned scenario.
    pub load: Callback<Scenario>,
    /// Sets the horizon.
    pub months: Callback<Value>,
    /// Sets the monthly growth.
    pub growth: Callback<Value>,
    /// Sets the billed retries.
    pub retry: Callback<Value>,
    /// Sets the legacy balance.
    pub legacy: Callback<Value>,
    /// Sets the legacy packs' months.
    pub legacy_months: Callback<Value>,
}

/// The page's actions, made once: Yew compares callbacks by identity, and
/// callbacks made afresh in each render would render again, on every slider
/// step, each section they are given.
#[hook]
pub fn use_page_actions(state: &UseReducerHandle<AppState>) -> Rc<PageActions> {
    use_memo(state.dispatcher(), |dispatcher| {
        let change = dispatcher.to_callback();
        let set = |field: &'static Field| change.reform(move |value| Change::Set(field, value));
        PageActions {
            label: change.reform(Change::Label),
            volume: change.reform(Change::Volume),
            column: change.reform(Change::Column),
            lang: change.reform(Change::Lang),
            dismiss_notice: change.reform(Change::DismissNotice),
            load: change.reform(Change::Load),
            months: set(&fields::MONTHS),
            growth: set(&fields::GROWTH),
            retry: set(&fields::RETRY),
            legacy: set(&fields::LEGACY),
            legacy_months: set(&fields::LEGACY_MONTHS),
            change,
        }
    })
}
