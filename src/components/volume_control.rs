use calculator::fields::{self, Value};
use calculator::{format, slider};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::number_field::NumberField;
use crate::hooks::use_lang;
use crate::i18n::text;

/// Properties of a [`VolumeControl`].
#[derive(Properties, PartialEq)]
pub struct VolumeControlProps {
    /// Calls per month.
    pub volume: u64,
    /// Receives each volume the slider moves to.
    pub on_change: Callback<u64>,
    /// Receives each volume typed, as the field table reads it.
    pub on_typed: Callback<Value>,
    /// Receives `true` when the slider is pressed and `false` when it is let go.
    pub on_drag: Callback<bool>,
}

/// The monthly volume: a slider over the whole range and the exact figure.
#[component]
pub fn VolumeControl(props: &VolumeControlProps) -> Html {
    let t = text(use_lang());
    let oninput = props.on_change.reform(|event: InputEvent| {
        let slider = event.target_unchecked_into::<HtmlInputElement>();
        let position = slider.value().parse::<u32>().unwrap_or(0);
        slider::volume_at(position)
    });
    // A drag (mouse, finger or pen) starts when the slider is pressed, so the
    // page holds what it had before the first step, and ends when it is let go
    // (`change` comes then too, unless the value did not change). A key press
    // is a whole step of its own: nothing to hold.
    let onpointerdown = props.on_drag.reform(|_: PointerEvent| true);
    let onpointerup = props.on_drag.reform(|_: PointerEvent| false);
    let onchange = props.on_drag.reform(|_: Event| false);
    let grouped = format::grouped_calls(props.volume.into());
    html! {
        <div class="volume-control">
            <NumberField
                id={fields::VOLUME.name}
                rule={fields::VOLUME.rule}
                label={t.volume}
                unit={t.volume_unit}
                value={Value::Number(props.volume.into())}
                on_change={props.on_typed.clone()}
            />
            <input
                type="range"
                class="slider"
                data-testid="volume-slider"
                aria-label={t.volume}
                aria-valuetext={format!("{grouped} {}", t.volume_unit)}
                min="0"
                max={slider::max_position().to_string()}
                step="1"
                value={slider::position_of(props.volume).to_string()}
                {oninput}
                {onchange}
                {onpointerdown}
                onpointercancel={onpointerup.clone()}
                {onpointerup}
            />
            <p class="field-help" data-testid="volume-help">{ t.volume_help }</p>
        </div>
    }
}
