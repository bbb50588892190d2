use pricing::PriceColumn;
use yew::prelude::*;

use crate::hooks::use_lang;

use crate::i18n::{column_name, text};

/// Properties of a [`PriceColumnPicker`].
#[derive(Properties, PartialEq)]
pub struct PriceColumnPickerProps {
    /// The chosen column.
    pub column: PriceColumn,
    /// Receives the newly chosen column.
    pub on_change: Callback<PriceColumn>,
}

/// Promotional or list price.
#[component]
pub fn PriceColumnPicker(props: &PriceColumnPickerProps) -> Html {
    let lang = use_lang();
    html! {
        <fieldset class="segmented">
            <legend>{ text(lang).price_column }</legend>
            for column in PriceColumn::ALL {
                <label class={classes!("choice", (column == props.column).then_some("chosen"))} key={column.id()}>
                    <input
                        type="radio"
                        name="price"
                        value={column.id()}
                        checked={column == props.column}
                        onchange={
                            let on_change = props.on_change.clone();
                            move |_: Event| on_change.emit(column)
                        }
                    />
                    <span>{ column_name(column, lang) }</span>
                </label>
            }
        </fieldset>
    }
}
