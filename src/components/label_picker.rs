use pricing::Label;
use yew::prelude::*;

use crate::hooks::use_lang;

use crate::book::Book;
use crate::i18n::{label_name, text};

/// Properties of a [`LabelPicker`].
#[derive(Properties, PartialEq)]
pub struct LabelPickerProps {
    /// The price book, for the labels' names.
    pub book: Book,
    /// The chosen label.
    pub label: Label,
    /// Receives the newly chosen label.
    pub on_change: Callback<Label>,
}

/// The four billing labels as radio buttons, named as in the announcement.
#[component]
pub fn LabelPicker(props: &LabelPickerProps) -> Html {
    let lang = use_lang();
    let t = text(lang);
    html! {
        <fieldset class="label-picker">
            <legend>{ t.label }</legend>
            for prices in props.book.labels() {
                <label class={classes!("choice", (prices.label == props.label).then_some("chosen"))} key={prices.label.id()}>
                    <input
                        type="radio"
                        name="label"
                        value={prices.label.id()}
                        checked={prices.label == props.label}
                        onchange={
                            let (on_change, label) = (props.on_change.clone(), prices.label);
                            move |_: Event| on_change.emit(label)
                        }
                    />
                    <span>{ label_name(prices.label, lang) }</span>
                </label>
            }
        </fieldset>
    }
}
