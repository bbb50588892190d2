use yew::prelude::*;

use crate::hooks::use_lang;
use crate::i18n::{fill, text};

/// Properties of [`UnreadNote`].
#[derive(Properties, PartialEq)]
pub struct UnreadNoteProps {
    /// The labels of the fields whose text cannot be read.
    pub unread: Vec<String>,
}

/// Above the figures while a field's text cannot be read: which values the
/// figures are for, so that they are never taken for the text's.
#[component]
pub fn UnreadNote(props: &UnreadNoteProps) -> Html {
    let t = text(use_lang());
    if props.unread.is_empty() {
        return Html::default();
    }
    let fields = props.unread.join(t.list_separator);
    html! {
        <p class="unread-note" role="status" data-testid="unread-note">
            { fill(t.unread_note, &[("fields", &fields)]) }
        </p>
    }
}
