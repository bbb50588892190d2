use std::fmt::Display;

use pricing::input::InputError;
use pricing::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::input_error;

/// Properties of a [`NumberField`].
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps<T: PartialEq> {
    /// Element id, also used for the label and the message.
    pub id: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// Unit shown after the field.
    pub unit: AttrValue,
    /// The last valid value.
    pub value: T,
    /// The field's rules; a value is taken only when they accept it.
    pub parse: fn(&str) -> Result<T, InputError>,
    /// Receives each valid value as it is typed.
    pub on_change: Callback<T>,
    /// `numeric` or `decimal`, for phone keyboards.
    #[prop_or(AttrValue::Static("numeric"))]
    pub inputmode: AttrValue,
    /// Page language, for the message.
    pub lang: Lang,
}

/// A typed number: takes each valid value at once, and for anything else
/// shows why beside the field and keeps the last valid value.
#[component]
pub fn NumberField<T>(props: &NumberFieldProps<T>) -> Html
where
    T: PartialEq + Clone + Display + 'static,
{
    let draft = use_state(|| None::<(String, InputError)>);
    {
        let draft = draft.clone();
        use_effect_with(props.value.clone(), move |_| draft.set(None));
    }
    let oninput = {
        let (draft, parse, on_change) = (draft.clone(), props.parse, props.on_change.clone());
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlInputElement>().value();
            match parse(&text) {
                Ok(value) => {
                    draft.set(None);
                    on_change.emit(value);
                }
                Err(error) => draft.set(Some((text, error))),
            }
        })
    };
    let shown = draft.as_ref().map_or_else(|| props.value.to_string(), |(text, _)| text.clone());
    let message_id = format!("{}-message", props.id);
    let message = draft.as_ref().map(|(_, error)| input_error(error, props.lang));
    html! {
        <div class={classes!("field", message.is_some().then_some("invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <span class="field-input">
                <input
                    id={props.id.clone()}
                    type="text"
                    inputmode={props.inputmode.clone()}
                    autocomplete="off"
                    value={shown}
                    aria-invalid={message.is_some().then_some("true")}
                    aria-describedby={message.is_some().then(|| message_id.clone())}
                    {oninput}
                />
                <span class="unit">{ props.unit.clone() }</span>
            </span>
            if let Some(message) = message {
                <span class="field-message" id={message_id} data-testid={format!("{}-message", props.id)} role="alert">
                    { message }
                </span>
            }
        </div>
    }
}
