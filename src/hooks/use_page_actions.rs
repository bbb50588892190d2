use std::rc::Rc;

use calculator::calendar::CalendarMonth;
use calculator::fields::{self, Field, Value};
use calculator::Lang;
use pricing::{ExtraChannel, Held, Label, PriceColumn, Scenario};
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::state::{AppState, Change};

/// What the page's sections can ask of the page state, one typed callback
/// per thing they change: no section sees [`Change`] or the reducer. Every
/// field edit goes through the field table ([`Change::Set`]).
#[derive(PartialEq)]
pub struct PageActions {
    /// Picks a billing label.
    pub label: Callback<Label>,
    /// Sets the calls per month, as the slider and the stops do.
    pub volume: Callback<u64>,
    /// Picks the price column.
    pub column: Callback<PriceColumn>,
    /// Switches the language.
    pub lang: Callback<Lang>,
    /// Shapes the months.
    pub profile: Callback<Vec<Decimal>>,
    /// Sets the further channels.
    pub extra: Callback<Vec<ExtraChannel>>,
    /// Sets the packs already held.
    pub held: Callback<Vec<Held>>,
    /// Names month 1 by the calendar.
    pub start: Callback<CalendarMonth>,
    /// A number field's value, by field: the volume, the horizon, the
    /// promotion's end, growth, retries, legacy calls and months, the start.
    pub typed: TypedFields,
    /// Hides a URL notice.
    pub dismiss_notice: Callback<usize>,
    /// Opens a pinned scenario.
    pub load: Callback<Scenario>,
    /// Says whether a field's text can be read just now.
    pub unread: Callback<(String, bool)>,
}

/// The number fields' callbacks, each taking the value its row's rule allows.
#[derive(PartialEq)]
pub struct TypedFields {
    /// Calls per month.
    pub volume: Callback<Value>,
    /// The horizon.
    pub months: Callback<Value>,
    /// When the discount price ends.
    pub promo_months: Callback<Value>,
    /// Monthly growth.
    pub growth: Callback<Value>,
    /// Billed retries.
    pub retry: Callback<Value>,
    /// The legacy balance.
    pub legacy: Callback<Value>,
    /// The legacy packs' months.
    pub legacy_months: Callback<Value>,
    /// Month 1's calendar month, as typed.
    pub start: Callback<Value>,
}

/// The page's actions, made once: Yew compares callbacks by identity, and
/// callbacks made afresh in each render would render again, on every slider
/// step, each section they are given.
#[hook]
pub fn use_page_actions(state: &UseReducerHandle<AppState>) -> Rc<PageActions> {
    use_memo(state.dispatcher(), |dispatcher| {
        let change: Callback<Change> = dispatcher.to_callback();
        let set = |field: &'static Field| change.reform(move |value| Change::Set(field, value));
        PageActions {
            label: set(&fields::LABEL).reform(|label: Label| Value::Word(label.id())),
            volume: set(&fields::VOLUME).reform(|volume: u64| Value::Number(volume.into())),
            column: set(&fields::PRICE).reform(|column: PriceColumn| Value::Word(column.id())),
            lang: set(&fields::LANG).reform(|lang: Lang| Value::Word(lang.id())),
            profile: set(&fields::PROFILE).reform(Value::numbers),
            extra: set(&fields::EXTRA).reform(Value::channels),
            held: set(&fields::HELD).reform(Value::held),
            start: set(&fields::START).reform(Value::Month),
            typed: TypedFields {
                volume: set(&fields::VOLUME),
                months: set(&fields::MONTHS),
                promo_months: set(&fields::PROMO_MONTHS),
                growth: set(&fields::GROWTH),
                retry: set(&fields::RETRY),
                legacy: set(&fields::LEGACY),
                legacy_months: set(&fields::LEGACY_MONTHS),
                start: set(&fields::START),
            },
            dismiss_notice: change.reform(Change::DismissNotice),
            load: change.reform(Change::Load),
            unread: change.reform(|(label, unread)| Change::Unread(label, unread)),
        }
    })
}
