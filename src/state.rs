//! The page's state and the changes the user can make to it.

use std::rc::Rc;

use calculator::fields::{self, Field, Value};
use calculator::{Lang, Notice, PageState};
use pricing::{Label, PriceColumn, Scenario};
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

/// A change the user makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// Picks a billing label.
    Label(Label),
    /// Sets the calls per month, as the slider and the stops do.
    Volume(u64),
    /// Sets a field to a value its row's rules allow, as a number field does.
    Set(&'static Field, Value),
    /// Picks the promotional or the list price.
    Column(PriceColumn),
    /// Switches the language.
    Lang(Lang),
    /// Hides the URL notice at an index.
    DismissNotice(usize),
    /// Replaces the whole scenario, as opening a pinned one does.
    Load(Scenario),
    /// The field with this label can (`false`) or cannot (`true`) be read.
    Unread(String, bool),
}

/// Where a number field says whether its text can be read: a context the
/// page provides, so that the panel can say which figures it shows.
#[derive(Clone, PartialEq)]
pub struct FieldReport(pub yew::Callback<Change>);

impl Reducible for AppState {
    type Action = Change;

    fn reduce(self: Rc<Self>, change: Change) -> Rc<Self> {
        let mut next = (*self).clone();
        let scenario = &mut next.page.scenario;
        match change {
            Change::Label(label) => scenario.label = label,
            Change::Volume(volume) => scenario.volume = volume,
            // Through the field: the list price drops a promotion's end.
            Change::Column(column) => fields::PRICE.set(&mut next.page, Value::Word(column.id())),
            Change::Lang(lang) => next.page.lang = lang,
            Change::DismissNotice(index) if index < next.notices.len() => {
                next.notices.remove(index);
            }
            Change::DismissNotice(_) => {}
            Change::Load(loaded) => *scenario = loaded,
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
