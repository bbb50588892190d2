//! What the page starts from: the URL read once, and the first estimate
//! worked out before the page mounts. `main.rs` makes it; the root hands it
//! down as props, so nothing reads the URL or a thread-local a second time.

use std::rc::Rc;

use calculator::{decode, Notice, PageState};
use yew::Properties;

use crate::hooks::Quick;

/// The state the URL asked for, its notices, and the first estimate if it
/// was worked out ahead.
#[derive(Clone, Debug, PartialEq, Properties)]
pub struct Start {
    /// The decoded URL state.
    pub page: PageState,
    /// What was wrong with the URL's parameters.
    pub notices: Vec<Notice>,
    /// The quick estimate of `page`'s scenario, worked out before mounting.
    pub first: Option<Rc<Quick>>,
}

impl Start {
    /// The start a query string asks for, with no estimate yet.
    pub fn from_query(query: &str) -> Start {
        let (page, notices) = decode(query);
        Start {
            page,
            notices,
            first: None,
        }
    }
}
