use calculator::fields::{Field, Rule, Value};
use calculator::InputError;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::use_lang;
use crate::i18n::input_error;
use crate::state::FieldReport;

/// Properties of a [`NumberField`].
#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// The element's id: the field's URL name where it has one.
    pub id: AttrValue,
    /// What its text may be (a field row's rule).
    pub rule: Rule,
    /// Visible label.
    pub label: AttrValue,
    /// Unit shown after the field.
    pub unit: AttrValue,
    /// The last valid value.
    pub value: Value,
    /// Receives each valid value as it is typed.
    pub on_change: Callback<Value>,
}

/// Text the field's rules rejected, and the value it would have replaced.
#[derive(Clone, PartialEq)]
struct Draft {
    text: String,
    error: InputError,
    over: Value,
}

/// A typed number: takes each value its row's rules allow at once, and for
/// anything else shows why beside the field and keeps the last valid value.
#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let lang = use_lang();
    // The value this field last knew as current: what it emitted itself, or
    // what came from outside (the slider, a link). Recording it with each
    // rejected text keeps the message through the render that follows a
    // quick keystroke, and drops it once the value changes elsewhere.
    let known = use_mut_ref(|| props.value.clone());
    if *known.borrow() != props.value {
        *known.borrow_mut() = props.value.clone();
    }
    let draft = use_state(|| None::<Draft>);
    // The text last typed that reads as a value (`3,000`, `1.5万`), kept as
    // typed while that value stands: rewriting it to its plain form under
    // the caret would break what is still being typed.
    let echo = use_state(|| None::<(String, Value)>);
    let oninput = {
        let (draft, echo, known, rule, on_change) = (
            draft.clone(),
            echo.clone(),
            known.clone(),
            props.rule,
            props.on_change.clone(),
        );
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlInputElement>().value();
            match rule.read_typed(&text) {
                Ok(value) => {
                    *known.borrow_mut() = value.clone();
                    draft.set(None);
                    echo.set(Some((text, value.clone())));
                    on_change.emit(value);
                }
                Err(problem) => draft.set(Some(Draft {
                    text,
                    error: Field::input_error(&problem),
                    over: known.borrow().clone(),
                })),
            }
        })
    };
    let draft = draft.as_ref().filter(|draft| draft.over == props.value);
    // Named with the value the figures keep, which the page's note repeats;
    // while the text reads, the name stays put, so that a slider step reports nothing.
    let report = match draft {
        Some(_) => format!("{} = {}", props.label, props.value),
        None => props.label.to_string(),
    };
    use_unread_report(report, draft.is_some());
    let typed = echo.as_ref().filter(|(_, value)| *value == props.value);
    let shown = match (draft, typed) {
        (Some(draft), _) => draft.text.clone(),
        (None, Some((text, _))) => text.clone(),
        (None, None) => props.value.to_string(),
    };
    let id = props.id.clone();
    let message_id = format!("{id}-message");
    let message = draft.map(|draft| input_error(&draft.error, lang));
    html! {
        <div class={classes!("field", message.is_some().then_some("invalid"))}>
            <label for={id.clone()}>{ props.label.clone() }</label>
            <span class="field-input">
                <input
                    {id}
                    type="text"
                    inputmode={input_mode(props.rule)}
                    autocomplete="off"
                    value={shown}
                    aria-invalid={message.is_some().then_some("true")}
                    aria-describedby={message.is_some().then(|| message_id.clone())}
                    {oninput}
                />
                <span class="unit">{ props.unit.clone() }</span>
            </span>
            if let Some(message) = message {
                <span class="field-message" id={message_id.clone()} data-testid={message_id} role="alert">
                    { message }
                </span>
            }
        </div>
    }
}

/// The phone keyboard a field needs: digits only for whole numbers.
fn input_mode(rule: Rule) -> &'static str {
    match rule {
        Rule::Number { places: 0, .. } => "numeric",
        // `YYYY-MM` needs the hyphen.
        Rule::Month { .. } => "text",
        _ => "decimal",
    }
}

/// Tells the page (through its [`FieldReport`] context, if any) whether this
/// field's text can be read, once per change, and that it can once the field goes.
#[hook]
fn use_unread_report(label: String, unread: bool) {
    let report = use_context::<FieldReport>();
    use_effect_with((label, unread), move |(label, unread)| {
        let report = report.map(|FieldReport(report)| report);
        if let Some(report) = &report {
            report.emit((label.clone(), *unread));
        }
        let label = label.clone();
        move || {
            if let Some(report) = report {
                report.emit((label, false));
            }
        }
    });
}
