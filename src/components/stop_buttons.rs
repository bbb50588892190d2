use calculator::format;
use calculator::slider::{next_stop, previous_stop};
use pricing::LabelPrices;
use yew::prelude::*;

use crate::hooks::use_lang;

use crate::i18n::{fill, text};

/// Properties of [`StopButtons`].
#[derive(Properties, PartialEq)]
pub struct StopButtonsProps {
    /// The chosen label's prices, whose tier bounds and pack sizes are the stops.
    pub prices: &'static LabelPrices,
    /// Calls per month.
    pub volume: u64,
    /// Receives the volume stepped to.
    pub on_change: Callback<u64>,
}

/// Steps the volume to the previous or next tier bound or pack size.
#[component]
pub fn StopButtons(props: &StopButtonsProps) -> Html {
    let lang = use_lang();
    let t = text(lang);
    let button = |target: Option<u64>,
                  words: &'static str,
                  name: &'static str,
                  testid: &'static str| {
        let on_change = props.on_change.clone();
        let title = target.map(|v| format!("{name}: {}", format::grouped_calls(v.into())));
        html! {
            // The visible words say where the button goes; the title adds which stop it is.
            <button type="button" class="stop" data-testid={testid} disabled={target.is_none()}
                aria-label={target.is_none().then_some(name)} title={title}
                onclick={move |_: MouseEvent| if let Some(volume) = target { on_change.emit(volume) }}>
                { target.map(|v| fill(words, &[("volume", &format::grouped_calls(v.into()))])).unwrap_or_default() }
            </button>
        }
    };
    html! {
        <div class="stops">
            { button(previous_stop(props.prices, props.volume), t.stop_down, t.previous_stop, "previous-stop") }
            { button(next_stop(props.prices, props.volume), t.stop_up, t.next_stop, "next-stop") }
        </div>
    }
}
