use std::fmt::Display;

use pricing::input::InputError;
use pricing::Lang;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::i18n::input_error;

/// Properties of a [`NumberField`].
#[derive(Properties)]
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

/// Text the field's rules rejected, and the value it would have replaced.
#[derive(Clone, PartialEq)]
struct Draft<T> {
    text: String,
    error: InputError,
    over: T,
}

// `parse` is left out: each field keeps the same rules for its lifetime, and
// function addresses are not reliable to compare.
impl<T: PartialEq> PartialEq for NumberFieldProps<T> {
    fn eq(&self, other: &Self) -> bool {
        (
            &self.id,
            &self.label,
            &self.unit,
            &self.value,
            &self.on_change,
            &self.inputmode,
            self.lang,
        ) == (
            &other.id,
            &other.label,
            &other.unit,
            &other.value,
            &other.on_change,
            &other.inputmode,
            other.lang,
        )
    }
}

/// A typed number: takes each valid value at once, and for anything else
/// shows why beside the field and keeps the last valid value.
#[component]
pub fn NumberField<T>(props: &NumberFieldProps<T>) -> Html
where
    T: PartialEq + Clone + Display + 'static,
{
    // The value this field last knew as current: what it emitted itself, or
    // what came from outside (the slider, a link). Recording it with each
    // rejected text keeps the message through the render that follows a
    // quick keystroke, and drops it once the value changes elsewhere.
    let known = use_mut_ref(|| props.value.clone());
    if *known.borrow() != props.value {
        *known.borrow_mut() = props.value.clone();
    }
    let draft = use_state(|| None::<Draft<T>>);
    let oninput = {
        let (draft, known, parse, on_change) = (
            draft.clone(),
            known.clone(),
            props.parse,
            props.on_change.clone(),
        );
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlInputElement>().value();
            match parse(&text) {
                Ok(value) => {
                    *known.borrow_mut() = value.clone();
                    draft.set(None);
                    on_change.emit(value);
                }
                Err(error) => draft.set(Some(Draft {
                    text,
                    error,
                    over: known.borrow().clone(),
                })),
            }
        })
    };
    let draft = draft.as_ref().filter(|draft| draft.over == props.value);
    let shown = draft.map_or_else(|| props.value.to_string(), |draft| draft.text.clone());
    let message_id = format!("{}-message", props.id);
    let message = draft.map(|draft| input_error(&draft.error, props.lang));
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
