//! The page's state and the changes the user can make to it.

use std::rc::Rc;

use calculator::fields::{Field, Value};
use calculator::{Notice, PageState};
use pricing::Scenario;
use yew::Reducible;

/// What the page holds: the URL state and the notices about the URL it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Everything the URL carries.
    pub page: PageState,
    /// Notices about parameters of the URL the page was opened with.
    pub notices: Vec<Notice>,
    /// The labels of the fields whose text cannot be read just now. While
    /// there are any, the URL (and so Copy link) is not rewritten: it keeps
    /// the last values the user finished entering, not one passed through
    /// on the way to text that cannot be read.
    pub unread: Vec<String>,
}

impl AppState {
    /// The state of a page opened with this URL state and these notices.
    pub fn new(page: PageState, notices: Vec<Notice>) -> AppState {
        AppState {
            page,
            notices,
            unread: Vec::new(),
        }
    }
}

/// A change the user makes. Every field edit is a [`Change::Set`] through
/// the field table, whatever control made it: the row's own `set` keeps the
/// page's rules (the list price drops a promotion's end, for one).
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Sets a field to a value its row's rules allow.
    Set(&'static Field, Value),
    /// Hides the URL notice at an index.
    DismissNotice(usize),
    /// Replaces the whole scenario, as opening a pinned one does.
    Load(Scenario),
    /// The field with this label can (`false`) or cannot (`true`) be read.
    Unread(String, bool),
}

/// Where a number field says whether its text can be read (its label, and
/// true while it cannot): a context the page provides, so that the panel can
/// say which figures it shows.
#[derive(Clone, PartialEq)]
pub struct FieldReport(pub yew::Callback<(String, bool)>);

impl Reducible for AppState {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        match change {
            Change::DismissNotice(index) if index < next.notices.len() => {
                next.notices.remove(index);
            }
            Change::DismissNotice(_) => {}
            Change::Load(loaded) => next.page.scenario = loaded,
            Change::Set(field, value) => field.set(&mut next.page, value),
            Change::Unread(label, unread) => {
                next.unread.retain(|l| *l != label);
                if unread {
                    next.unread.push(label);
                }
            }
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use calculator::fields;
    use pricing::{Label, PriceColumn};

    use super::*;

    fn after(state: AppState, changes: Vec<Change>) -> AppState {
        let mut state = Rc::new(state);
        for change in changes {
            state = state.reduce(change);
        }
        (*state).clone()
    }

    #[test]
    fn every_field_edit_goes_through_its_row() {
        let start = AppState::new(PageState::default(), Vec::new());
        let state = after(
            start.clone(),
            vec![
                Change::Set(&fields::LABEL, Value::Word(Label::GeneralVerify.id())),
                Change::Set(&fields::VOLUME, Value::Number(6050u64.into())),
                Change::Set(&fields::PROMO_MONTHS, Value::Number(6u64.into())),
            ],
        );
        assert_eq!(state.page.scenario.label, Label::GeneralVerify);
        assert_eq!(state.page.scenario.volume, 6050);
        assert_eq!(state.page.scenario.promo_months, Some(6));
        // The row's rule, not the control: the list price drops the
        // promotion's end, whichever control picked it.
        let listed = after(
            state,
            vec![Change::Set(
                &fields::PRICE,
                Value::Word(PriceColumn::List.id()),
            )],
        );
        assert_eq!(listed.page.scenario.column, PriceColumn::List);
        assert_eq!(listed.page.scenario.promo_months, None);
    }

    #[test]
    fn a_change_that_changes_nothing_keeps_the_same_state() {
        let start = Rc::new(AppState::new(PageState::default(), Vec::new()));
        let volume = start.page.scenario.volume;
        let same = start
            .clone()
            .reduce(Change::Set(&fields::VOLUME, Value::Number(volume.into())));
        assert!(Rc::ptr_eq(&start, &same), "no re-render for no change");
        let unread = start.reduce(Change::Unread("Calls".into(), true));
        assert_eq!(unread.unread, vec!["Calls".to_string()]);
    }
}
