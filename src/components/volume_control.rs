use pricing::scenario::VOLUME_MAX;
use pricing::{input, money, volume_scale, Lang};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::number_field::NumberField;
use crate::i18n::text;

/// Properties of a [`VolumeControl`].
#[derive(Properties, PartialEq)]
pub struct VolumeControlProps {
    /// Calls per month.
    pub volume: u64,
    /// Receives each new volume.
    pub on_change: Callback<u64>,
    /// Page language.
    pub lang: Lang,
}

fn parse_volume(text: &str) -> Result<u64, input::InputError> {
    input::parse_whole(text, 0, VOLUME_MAX)
}

/// The monthly volume: a slider over the whole range and the exact figure.
#[component]
pub fn VolumeControl(props: &VolumeControlProps) -> Html {
    let t = text(props.lang);
    let oninput = {
        let on_change = props.on_change.clone();
        Callback::from(move |event: InputEvent| {
            let slider = event.target_unchecked_into::<HtmlInputElement>();
            let position = slider.value().parse::<u32>().unwrap_or(0);
            on_change.emit(volume_scale::volume_at(position));
        })
    };
    let grouped = money::grouped_calls(props.volume.into());
    html! {
        <div class="volume-control">
            <NumberField<u64>
                id="volume"
                label={t.volume}
                unit={t.volume_unit}
                value={props.volume}
                parse={parse_volume as fn(&str) -> _}
                on_change={props.on_change.clone()}
                lang={props.lang}
            />
            <input
                type="range"
                class="slider"
                data-testid="volume-slider"
                aria-label={t.volume}
                aria-valuetext={format!("{grouped} {}", t.volume_unit)}
                min="0"
                max={volume_scale::max_position().to_string()}
                step="1"
                value={volume_scale::position_of(props.volume).to_string()}
                {oninput}
            />
        </div>
    }
}
