use calculator::Notice;
use yew::prelude::*;

use crate::hooks::use_lang;

use crate::i18n::{text, url_notice};

/// Properties of a [`NoticeList`].
#[derive(Properties, PartialEq)]
pub struct NoticeListProps {
    /// Notices about the URL the page was opened with.
    pub notices: Vec<Notice>,
    /// Receives the index of a dismissed notice.
    pub on_dismiss: Callback<usize>,
}

/// Says which URL parameters were not obeyed and what was used instead.
#[component]
pub fn NoticeList(props: &NoticeListProps) -> Html {
    let lang = use_lang();
    if props.notices.is_empty() {
        return Html::default();
    }
    html! {
        // The live region wraps the list: a role on the <ul> itself would unmake the list.
        <div role="status">
            <ul class="notices">
                for (index, notice) in props.notices.iter().enumerate() {
                    <li class="notice" key={index}>
                        <span data-testid="notice">
                            { url_notice(notice.field, &notice.problem, &notice.given, &notice.used, lang) }
                        </span>
                        <button type="button" class="dismiss" aria-label={text(lang).dismiss}
                            onclick={
                                let on_dismiss = props.on_dismiss.clone();
                                move |_: MouseEvent| on_dismiss.emit(index)
                            }>
                            { "×" }
                        </button>
                    </li>
                }
            </ul>
        </div>
    }
}
