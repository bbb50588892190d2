use std::rc::Rc;

use calculator::{downloads, encode, Lang, PageState};
use pricing::Estimate;
use yew::prelude::*;

use crate::hooks::use_lang;

use crate::book::Book;
use crate::i18n::{csv_words, text};
use crate::web;

/// Properties of a [`ShareBar`].
#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// The page state, which the link and the exports carry.
    pub page: PageState,
    /// The scenario's figures.
    pub estimate: Rc<Estimate>,
    /// The price book, whose version the JSON export names.
    pub book: Book,
    /// Pins the current scenario.
    pub on_pin: Callback<()>,
    /// Whether a field cannot be read: the link is then the URL as it
    /// stands, with the last values the user finished entering.
    #[prop_or_default]
    pub frozen: bool,
}

/// What the last action did, for the status line.
#[derive(Clone, PartialEq)]
enum Status {
    Copied(String),
    CopyFailed(String),
    Downloaded(&'static str),
    DownloadFailed,
}

/// Copy the scenario's link, download the estimate, pin the scenario.
#[component]
pub fn ShareBar(props: &ShareBarProps) -> Html {
    let lang = use_lang();
    let t = text(lang);
    let status = use_state(|| None::<Status>);
    let link = match props.frozen {
        true => format!("{}{}", web::page_address(), web::query()),
        false => format!("{}?{}", web::page_address(), encode(&props.page)),
    };
    let copy = {
        let (status, link) = (status.clone(), link.clone());
        move |_: MouseEvent| {
            let (status, link) = (status.clone(), link.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let done = web::copy_text(&link).await;
                status.set(Some(if done.is_ok() {
                    Status::Copied(link)
                } else {
                    Status::CopyFailed(link)
                }));
            });
        }
    };
    let download = |kind: &'static str| {
        let (status, page, estimate, book, link) = (
            status.clone(),
            props.page.clone(),
            props.estimate.clone(),
            props.book,
            link.clone(),
        );
        move |_: MouseEvent| {
            let name = downloads::csv_file_name(&page, kind);
            let done = match kind {
                "csv" => web::download_text(
                    &name,
                    "text/csv;charset=utf-8",
                    &downloads::csv(&page, &estimate, book.0, &csv_words(&page, &link)),
                ),
                _ => web::download_text(
                    &name,
                    "application/json",
                    &downloads::json(&page, &estimate, book.0),
                ),
            };
            status.set(Some(if done.is_ok() {
                Status::Downloaded(kind)
            } else {
                Status::DownloadFailed
            }));
        }
    };
    let pin = {
        let on_pin = props.on_pin.clone();
        move |_: MouseEvent| on_pin.emit(())
    };
    html! {
        <div class="share-bar">
            <button type="button" data-testid="copy-link" onclick={copy}>{ t.copy_link }</button>
            <button type="button" data-testid="download-csv" onclick={download("csv")}>{ t.download_csv }</button>
            <button type="button" data-testid="download-json" onclick={download("json")}>{ t.download_json }</button>
            <button type="button" data-testid="pin" onclick={pin}>{ t.pin }</button>
            <p class="share-status" role="status" data-testid="share-status">{ status_text(status.as_ref(), lang) }</p>
        </div>
    }
}

fn status_text(status: Option<&Status>, lang: Lang) -> Html {
    let t = text(lang);
    match status {
        None => Html::default(),
        Some(Status::Copied(link)) => {
            html! { <>{ t.copied }{ " " }<code data-testid="copied-link">{ link.clone() }</code></> }
        }
        Some(Status::CopyFailed(link)) => html! {
            <>{ t.copy_failed }{ " " }<input type="text" readonly=true value={link.clone()} aria-label={t.copy_link} /></>
        },
        Some(Status::Downloaded(kind)) => {
            html! { { format!("{} {}", t.downloaded, kind.to_ascii_uppercase()) } }
        }
        Some(Status::DownloadFailed) => html! { { t.download_failed } },
    }
}
