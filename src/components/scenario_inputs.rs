use calculator::fields::{self, Field};
use calculator::PageState;
use pricing::PriceColumn;
use yew::prelude::*;

use super::cliff_note::CliffNote;
use super::label_guide::LabelGuide;
use super::label_picker::LabelPicker;
use super::number_field::NumberField;
use super::price_column_picker::PriceColumnPicker;
use super::promotion_end::PromotionEnd;
use super::stop_buttons::StopButtons;
use super::volume_control::VolumeControl;
use crate::book::Book;
use crate::hooks::use_lang;
use crate::i18n::text;
use crate::state::Change;

/// Properties of [`ScenarioInputs`].
#[derive(Properties, PartialEq)]
pub struct ScenarioInputsProps {
    /// The price book.
    pub book: Book,
    /// The page state shown.
    pub page: PageState,
    /// Receives every change the user makes.
    pub on_change: Callback<Change>,
}

/// The fields kept in the advanced area, which opens when any of them is set.
const ADVANCED: [&Field; 4] = [
    &fields::GROWTH,
    &fields::RETRY,
    &fields::LEGACY,
    &fields::LEGACY_MONTHS,
];

/// Everything the user tells the calculator: label, volume, horizon, price
/// column, and in an advanced area growth and legacy balance.
#[component]
pub fn ScenarioInputs(props: &ScenarioInputsProps) -> Html {
    let lang = use_lang();
    let (book, page, scenario) = (props.book, &props.page, &props.page.scenario);
    let t = text(lang);
    let prices = book.0.label(scenario.label);
    let set = |field: &'static Field| {
        props
            .on_change
            .reform(move |value| Change::Set(field, value))
    };
    html! {
        <section class="inputs" aria-label={t.label}>
            <LabelPicker {book} label={scenario.label} on_change={props.on_change.reform(Change::Label)} />
            <LabelGuide {book} on_resolve={props.on_change.reform(Change::Label)} />
            <VolumeControl volume={scenario.volume} on_change={props.on_change.clone()} />
            <StopButtons {prices} volume={scenario.volume} on_change={props.on_change.reform(Change::Volume)} />
            <CliffNote {prices} column={scenario.column} volume={scenario.volume} />
            <div class="row">
                <NumberField field={&fields::MONTHS} label={t.months} unit={t.months_unit}
                    value={fields::MONTHS.get(page)} on_change={set(&fields::MONTHS)} />
                <PriceColumnPicker column={scenario.column} on_change={props.on_change.reform(Change::Column)} />
            </div>
            if scenario.column == PriceColumn::Promo {
                <PromotionEnd promo_months={scenario.promo_months} months={scenario.months}
                    on_change={props.on_change.clone()} />
            }
            <details class="advanced" open={ADVANCED.iter().any(|field| field.get(page) != field.default)}>
                <summary>{ t.advanced }</summary>
                <div class="row">
                    <NumberField field={&fields::GROWTH} label={t.growth} unit="%"
                        value={fields::GROWTH.get(page)} on_change={set(&fields::GROWTH)} />
                    <NumberField field={&fields::RETRY} label={t.retry} unit="%"
                        value={fields::RETRY.get(page)} on_change={set(&fields::RETRY)} />
                </div>
                <div class="row">
                    <NumberField field={&fields::LEGACY} label={t.legacy} unit={t.calls}
                        value={fields::LEGACY.get(page)} on_change={set(&fields::LEGACY)} />
                    <NumberField field={&fields::LEGACY_MONTHS} label={t.legacy_months} unit={t.months_unit}
                        value={fields::LEGACY_MONTHS.get(page)} on_change={set(&fields::LEGACY_MONTHS)} />
                </div>
            </details>
        </section>
    }
}
