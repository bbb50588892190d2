use calculator::profile::{self, SeasonError};
use rust_decimal::Decimal;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::hooks::use_lang;
use crate::i18n::{season_error, text};

/// Text typed into the season's area, kept while it is the source of the
/// profile it produced (or failed to), with why it failed.
#[derive(Clone, PartialEq)]
struct Draft {
    text: String,
    error: Option<SeasonError>,
    over: Vec<Decimal>,
}

/// Properties of a [`SeasonArea`].
#[derive(Properties, PartialEq)]
pub struct SeasonAreaProps {
    /// The profile in force.
    pub profile: Vec<Decimal>,
    /// Receives each profile the text gives.
    pub on_profile: Callback<Vec<Decimal>>,
}

/// Up to 12 numbers typed or pasted, turned into multipliers of their average.
#[component]
pub fn SeasonArea(props: &SeasonAreaProps) -> Html {
    let t = text(use_lang());
    let lang = use_lang();
    let draft = use_state(|| None::<Draft>);
    let oninput = {
        let (draft, on_profile, current) = (
            draft.clone(),
            props.on_profile.clone(),
            props.profile.clone(),
        );
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlTextAreaElement>().value();
            let (error, over) = match profile::season(&text) {
                Ok(profile) => {
                    on_profile.emit(profile.clone());
                    (None, profile)
                }
                Err(error) => (Some(error), current.clone()),
            };
            draft.set(Some(Draft { text, error, over }));
        })
    };
    let draft = draft.as_ref().filter(|draft| draft.over == props.profile);
    let shown = draft.map_or_else(|| multipliers(&props.profile), |draft| draft.text.clone());
    let message = draft
        .and_then(|draft| draft.error.as_ref())
        .map(|e| season_error(e, lang));
    html! {
        <div class={classes!("field", "season", message.is_some().then_some("invalid"))}>
            <label for="season">{ t.season_input }</label>
            <textarea id="season" rows="3" value={shown}
                aria-invalid={message.is_some().then_some("true")}
                aria-describedby="season-help" {oninput} />
            if let Some(message) = message {
                <span class="field-message" data-testid="season-message" role="alert">{ message }</span>
            }
            <p class="field-help" id="season-help">
                { format!("{} ", t.season_help) }
                <span data-testid="season-multipliers">{ format!("× {}", multipliers(&props.profile)) }</span>
            </p>
        </div>
    }
}

/// A profile as the season's area shows it.
fn multipliers(profile: &[Decimal]) -> String {
    let texts: Vec<String> = profile.iter().map(|w| w.normalize().to_string()).collect();
    texts.join(", ")
}
