use calculator::fields::{self, Value};
use pricing::limits::EXTRA_MAX;
use pricing::{ExtraChannel, Label};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::label_guide::LabelGuide;
use super::number_field::NumberField;
use crate::book::Book;
use crate::hooks::use_lang;
use crate::i18n::{fill, label_name, text};

/// Properties of [`ExtraChannels`].
#[derive(Properties, PartialEq)]
pub struct ExtraChannelsProps {
    /// The price book, for the labels' names.
    pub book: Book,
    /// The main channel's label, which a new channel starts with.
    pub main: Label,
    /// The channels beside the main one.
    pub extra: Vec<ExtraChannel>,
    /// Receives each new list of channels.
    pub on_change: Callback<Vec<ExtraChannel>>,
}

/// Calls a new channel starts with.
const NEW_CHANNEL_VOLUME: u64 = 1_000;

/// Further channels of the same estimate: each a label (picked, or found
/// through the label guide) and its calls per month; added and removed here.
#[component]
pub fn ExtraChannels(props: &ExtraChannelsProps) -> Html {
    let lang = use_lang();
    let t = text(lang);
    let extra = &props.extra;
    // Each control rewrites the whole list through the `extra` field's rules.
    let on_edit = {
        let extra = extra.clone();
        props
            .on_change
            .reform(move |edit: Edit| edit.applied_to(&extra))
    };
    let main = props.main;
    html! {
        <fieldset class="extra-channels" data-testid="extra-channels">
            <legend>{ t.channels_title }</legend>
            for (index, channel) in extra.iter().enumerate() {
                <div class="channel" key={index} data-testid={format!("extra-{index}")}>
                    <div class="row">
                        <div class="field">
                            <label for={format!("extra-label-{index}")}>{ fill(t.channel_n, &[("n", &(index + 2).to_string())]) }</label>
                            <select id={format!("extra-label-{index}")}
                                onchange={
                                    let on_edit = on_edit.clone();
                                    move |event: Event| {
                                        let id = event.target_unchecked_into::<HtmlSelectElement>().value();
                                        if let Some(label) = Label::from_id(&id) {
                                            on_edit.emit(Edit::Label(index, label));
                                        }
                                    }
                                }>
                                for label in Label::ALL {
                                    <option value={label.id()} selected={label == channel.label}>{ label_name(label, lang) }</option>
                                }
                            </select>
                        </div>
                        <NumberField id={format!("extra-volume-{index}")} rule={fields::VOLUME.rule}
                            label={t.volume} unit={t.volume_unit}
                            value={Value::Number(channel.volume.into())}
                            on_change={
                                let on_edit = on_edit.clone();
                                move |value: Value| {
                                    if let Some(volume) = value.whole() {
                                        on_edit.emit(Edit::Volume(index, volume));
                                    }
                                }
                            } />
                        <button type="button" class="remove" data-testid={format!("remove-extra-{index}")}
                            onclick={on_edit.reform(move |_: MouseEvent| Edit::Remove(index))}>
                            { t.remove_channel }
                        </button>
                    </div>
                    <LabelGuide book={props.book} name={format!("extra-{index}-guide")}
                        on_resolve={on_edit.reform(move |label| Edit::Label(index, label))} />
                </div>
            }
            if extra.len() < EXTRA_MAX {
                <button type="button" data-testid="add-extra"
                    onclick={on_edit.reform(move |_: MouseEvent| Edit::Add(main))}>{ t.add_channel }</button>
            }
            <p class="field-help">{ t.channels_help }</p>
        </fieldset>
    }
}

/// One edit of the list of channels.
enum Edit {
    /// Channel `index` is billed under another label.
    Label(usize, Label),
    /// Channel `index` has other calls per month.
    Volume(usize, u64),
    /// Channel `index` goes.
    Remove(usize),
    /// A channel of this label joins, with [`NEW_CHANNEL_VOLUME`] calls.
    Add(Label),
}

impl Edit {
    /// The channels after this edit of `extra`.
    fn applied_to(self, extra: &[ExtraChannel]) -> Vec<ExtraChannel> {
        let mut next = extra.to_vec();
        match self {
            Edit::Label(index, label) => {
                if let Some(channel) = next.get_mut(index) {
                    channel.label = label;
                }
            }
            Edit::Volume(index, volume) => {
                if let Some(channel) = next.get_mut(index) {
                    channel.volume = volume;
                }
            }
            Edit::Remove(index) if index < next.len() => drop(next.remove(index)),
            Edit::Remove(_) => {}
            Edit::Add(label) => next.push(ExtraChannel {
                label,
                volume: NEW_CHANNEL_VOLUME,
            }),
        }
        next
    }
}
