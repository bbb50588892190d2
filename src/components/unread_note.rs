use calculator::Lang;
use yew::prelude::*;

use crate::i18n::{fill, text};

/// Above the figures while a field's text cannot be read: which values the
/// figures are for, so that they are never taken for the text's. A function,
/// not a component: it keeps no state, and a component's machinery costs
/// the wasm about a kilobyte.
pub fn unread_note(unread: &[String], lang: Lang) -> Html {
    if unread.is_empty() {
        return Html::default();
    }
    let t = text(lang);
    let fields = unread.join(t.list_separator);
    html! {
        <p class="unread-note" role="status" data-testid="unread-note">
            { fill(t.unread_note, &[("fields", &fields)]) }
        </p>
    }
}
