//! Everything the URL holds: the scenario and how the page shows it. A leaf:
//! the field table reads and writes it, the codec decodes into it.

use pricing::Scenario;

use crate::calendar::CalendarMonth;
use crate::lang::Lang;

/// Everything the URL holds: the scenario and how the page shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageState {
    /// The pricing question.
    pub scenario: Scenario,
    /// Display language.
    pub lang: Lang,
    /// Compact layout for an iframe.
    pub embed: bool,
    /// The calendar month of month 1, if months are named by the calendar.
    pub start: Option<CalendarMonth>,
}

impl Default for PageState {
    /// The default scenario, in the default language, full page, months by
    /// number: every field at its row's default (a test in `fields.rs`).
    fn default() -> Self {
        PageState {
            scenario: Scenario::default(),
            lang: Lang::default(),
            embed: false,
            start: None,
        }
    }
}
