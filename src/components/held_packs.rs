use calculator::calendar::CalendarMonth;
use calculator::fields::{self, Value};
use calculator::held_paste::{self, LineProblem, PastedLine};
use calculator::Lang;
use pricing::limits::{HELD_MAX, HELD_MONTHS_MAX};
use pricing::{Held, Label};
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::number_field::NumberField;
use crate::book::Book;
use crate::hooks::use_month_names;
use crate::i18n::{fill, label_name, text, MonthNames, Text};
use crate::web;

/// Properties of [`HeldPacks`].
#[derive(Properties, PartialEq)]
pub struct HeldPacksProps {
    /// The price book, for the labels' names as the announcement prints them.
    pub book: Book,
    /// The main channel's label, which a new entry starts with.
    pub main: Label,
    /// The packs held.
    pub held: Vec<Held>,
    /// The calendar month of month 1, if set.
    pub start: Option<CalendarMonth>,
    /// Receives each new list of packs held.
    pub on_change: Callback<Vec<Held>>,
    /// Receives month 1's calendar month, when a paste sets it.
    pub on_start: Callback<CalendarMonth>,
}

/// Calls a new entry starts with.
const NEW_HELD_CALLS: u64 = 10_000;

/// Packs the customer already holds: rows of label, calls left and last
/// usable month, added and removed here, or read from a block pasted from
/// the console's resource pack list (each line read or refused with why).
#[component]
pub fn HeldPacks(props: &HeldPacksProps) -> Html {
    let names = use_month_names();
    let t = text(names.lang);
    let held = &props.held;
    let report = use_state(|| None::<Vec<PastedLine>>);
    let on_edit = {
        let held = held.clone();
        props
            .on_change
            .reform(move |edit: Edit| edit.applied_to(&held))
    };
    let on_read = paste_reader(props, report.clone());
    let main = props.main;
    html! {
        <fieldset class="held-packs" data-testid="held-packs">
            <legend>{ t.held_title }</legend>
            for (index, entry) in held.iter().enumerate() {
                { held_row(index, entry, names, &on_edit) }
            }
            if held.len() < HELD_MAX {
                <button type="button" data-testid="add-held"
                    onclick={on_edit.reform(move |_: MouseEvent| Edit::Add(main))}>{ t.held_add }</button>
            }
            <p class="field-help">{ t.held_help }</p>
            <div class="field">
                <label for="held-paste">{ t.held_paste }</label>
                <textarea id="held-paste" rows="3" data-testid="held-paste" />
                <button type="button" data-testid="held-read" onclick={on_read}>{ t.held_read }</button>
            </div>
            if let Some(lines) = &*report {
                <ul class="paste-report" data-testid="held-report" role="status">
                    { for report_lines(lines, held.len(), t) }
                </ul>
            }
        </fieldset>
    }
}

/// One entry: its label, its calls left and its last usable month.
fn held_row(index: usize, entry: &Held, names: MonthNames, on_edit: &Callback<Edit>) -> Html {
    let t = text(names.lang);
    let select_label = {
        let on_edit = on_edit.clone();
        move |event: Event| {
            let id = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(label) = Label::from_id(&id) {
                on_edit.emit(Edit::Label(index, label));
            }
        }
    };
    let select_months = {
        let on_edit = on_edit.clone();
        move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(months) = value.parse::<u32>() {
                on_edit.emit(Edit::Months(index, months));
            }
        }
    };
    let set_calls = {
        let on_edit = on_edit.clone();
        move |value: Value| {
            if let Some(calls) = value.whole() {
                on_edit.emit(Edit::Calls(index, calls));
            }
        }
    };
    html! {
        <div class="row held" key={index} data-testid={format!("held-{index}")}>
            <div class="field">
                <label for={format!("held-label-{index}")}>{ t.label }</label>
                <select id={format!("held-label-{index}")} onchange={select_label}>
                    for label in Label::ALL {
                        <option value={label.id()} selected={label == entry.label}>{ label_name(label, names.lang) }</option>
                    }
                </select>
            </div>
            <NumberField id={format!("held-calls-{index}")} rule={fields::HELD_CALLS}
                label={t.held_calls} unit={t.calls}
                value={Value::Number(entry.calls.into())} on_change={set_calls} />
            <div class="field">
                <label for={format!("held-months-{index}")}>{ t.held_until }</label>
                <select id={format!("held-months-{index}")} onchange={select_months}>
                    for months in 1..=HELD_MONTHS_MAX {
                        <option value={months.to_string()} selected={months == entry.months}>
                            { names.name(months as usize - 1) }
                        </option>
                    }
                </select>
            </div>
            <button type="button" class="remove" data-testid={format!("remove-held-{index}")}
                onclick={on_edit.reform(move |_: MouseEvent| Edit::Remove(index))}>{ t.held_remove }</button>
        </div>
    }
}

/// Reads the paste box: its entries join the list (as many as fit), month 1
/// becomes this month if no calendar month was set (the dates need one), and
/// every line's fate is reported.
fn paste_reader(
    props: &HeldPacksProps,
    report: UseStateHandle<Option<Vec<PastedLine>>>,
) -> Callback<MouseEvent> {
    let (book, held, start, on_change, on_start) = (
        props.book,
        props.held.clone(),
        props.start,
        props.on_change.clone(),
        props.on_start.clone(),
    );
    Callback::from(move |event: MouseEvent| {
        let Some(first) = start.or_else(web::this_month) else {
            return;
        };
        let block = paste_box(&event).unwrap_or_default();
        let names = label_names(book);
        let names: Vec<(Label, &str)> = names.iter().map(|(l, n)| (*l, n.as_str())).collect();
        let lines = held_paste::read_block(&block, &names, first);
        let mut next = held.clone();
        next.extend(lines.iter().filter_map(|line| line.read.clone().ok()));
        next.truncate(HELD_MAX);
        if start.is_none() {
            on_start.emit(first);
        }
        on_change.emit(next);
        report.set(Some(lines));
    })
}

/// The text in the paste box beside the button that was clicked.
fn paste_box(event: &MouseEvent) -> Option<String> {
    let button = event.target_dyn_into::<web_sys::Element>()?;
    let area = button.parent_element()?.query_selector("textarea").ok()??;
    let area: HtmlTextAreaElement = wasm_bindgen::JsCast::dyn_into(area).ok()?;
    Some(area.value())
}

/// Every name a label goes by in a pasted line: the announcement's, the
/// page's in each language, and its URL id.
fn label_names(book: Book) -> Vec<(Label, String)> {
    Label::ALL
        .iter()
        .flat_map(|&label| {
            let announced = book.0.label(label).name_zh.clone();
            let page = Lang::ALL.map(|lang| label_name(label, lang).to_string());
            std::iter::once(announced)
                .chain(page)
                .chain(std::iter::once(label.id().to_string()))
                .map(move |name| (label, name))
        })
        .collect()
}

/// What the paste gave, line by line: how many entries were read, and each
/// refused line with its reason.
fn report_lines(lines: &[PastedLine], now_held: usize, t: &'static Text) -> Vec<Html> {
    let read = lines.iter().filter(|line| line.read.is_ok()).count();
    let mut items =
        vec![html! { <li>{ fill(t.held_line_read, &[("n", &read.to_string())]) }</li> }];
    if now_held >= HELD_MAX && read > 0 {
        items.push(html! { <li>{ fill(t.held_full, &[("most", &HELD_MAX.to_string())]) }</li> });
    }
    for line in lines {
        if let Err(why) = &line.read {
            let values = [
                ("n", line.line.to_string()),
                ("why", reason(why, t).to_string()),
            ];
            let values = values.each_ref().map(|(k, v)| (*k, v.as_str()));
            items.push(html! { <li data-testid="held-refused">{ fill(t.held_line_refused, &values) }</li> });
        }
    }
    items
}

fn reason(problem: &LineProblem, t: &'static Text) -> &'static str {
    match problem {
        LineProblem::NoLabel => t.paste_no_label,
        LineProblem::NoDate => t.paste_no_date,
        LineProblem::NoCalls => t.paste_no_calls,
        LineProblem::TooManyCalls => t.paste_too_many,
        LineProblem::Expired => t.paste_expired,
        LineProblem::TooLate => t.paste_too_late,
    }
}

/// One edit of the list of entries.
enum Edit {
    /// Entry `index` is for another label.
    Label(usize, Label),
    /// Entry `index` has other calls left.
    Calls(usize, u64),
    /// Entry `index` lasts through another month.
    Months(usize, u32),
    /// Entry `index` goes.
    Remove(usize),
    /// An entry for this label joins, with [`NEW_HELD_CALLS`] calls through month 12.
    Add(Label),
}

impl Edit {
    /// The packs held after this edit of `held`.
    fn applied_to(self, held: &[Held]) -> Vec<Held> {
        let mut next = held.to_vec();
        match self {
            Edit::Label(index, label) => {
                if let Some(entry) = next.get_mut(index) {
                    entry.label = label;
                }
            }
            Edit::Calls(index, calls) => {
                if let Some(entry) = next.get_mut(index) {
                    entry.calls = calls;
                }
            }
            Edit::Months(index, months) => {
                if let Some(entry) = next.get_mut(index) {
                    entry.months = months;
                }
            }
            Edit::Remove(index) if index < next.len() => drop(next.remove(index)),
            Edit::Remove(_) => {}
            Edit::Add(label) => next.push(Held {
                label,
                calls: NEW_HELD_CALLS,
                months: HELD_MONTHS_MAX,
            }),
        }
        next
    }
}
