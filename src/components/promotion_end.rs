use calculator::fields::{self, Value};
use rust_decimal::Decimal;
use yew::prelude::*;

use super::number_field::NumberField;
use crate::hooks::use_month_names;
use crate::i18n::{fill, text};

/// Properties of a [`PromotionEnd`].
#[derive(Properties, PartialEq)]
pub struct PromotionEndProps {
    /// Months at the promotional price; `None` for the whole horizon.
    pub promo_months: Option<u32>,
    /// The horizon, which a newly limited promotion starts from.
    pub months: u32,
    /// Receives each new value of `promo_months`.
    pub on_change: Callback<Value>,
}

/// How long the limited-time promotion lasts: the whole horizon, or a
/// number of months after which the list price applies.
#[component]
pub fn PromotionEnd(props: &PromotionEndProps) -> Html {
    let names = use_month_names();
    let t = text(names.lang);
    let set = |value: Value| props.on_change.reform(move |_: Event| value.clone());
    // Limiting starts at 12 months, or at the horizon when that is shorter.
    let first_limit = Value::Number(Decimal::from(props.months.min(12)));
    let limited = props.promo_months.is_some();
    html! {
        <fieldset class="promotion-end" data-testid="promotion-end">
            <legend>{ t.promo_lasts }</legend>
            <div class="segmented">
                <label class={classes!("choice", (!limited).then_some("chosen"))}>
                    <input type="radio" name="promo-end" value="whole" checked={!limited}
                        onchange={set(Value::Absent)} />
                    <span>{ t.promo_whole }</span>
                </label>
                <label class={classes!("choice", limited.then_some("chosen"))}>
                    <input type="radio" name="promo-end" value="limited" checked={limited}
                        onchange={set(first_limit)} />
                    <span>{ t.promo_limited }</span>
                </label>
            </div>
            if let Some(months) = props.promo_months {
                <NumberField id={fields::PROMO_MONTHS.name} rule={fields::PROMO_MONTHS.rule} label={t.promo_months} unit={t.months_unit}
                    value={Value::Number(months.into())}
                    on_change={props.on_change.clone()} />
                // With a calendar start, the last promotional month by name.
                if let (Some(_), 1..) = (names.start, months) {
                    <p class="field-help" data-testid="promo-through">
                        { fill(t.promo_through, &[("month", &names.name(months as usize - 1))]) }
                    </p>
                }
            }
            <p class="field-help">{ t.promo_why }</p>
        </fieldset>
    }
}
