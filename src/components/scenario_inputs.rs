use pricing::scenario::LEGACY_MAX;
use pricing::url_state::{parse_growth, parse_months};
use pricing::{input, Lang, Scenario};
use rust_decimal::Decimal;
use yew::prelude::*;

use super::cliff_note::CliffNote;
use super::label_guide::LabelGuide;
use super::label_picker::LabelPicker;
use super::number_field::NumberField;
use super::price_column_picker::PriceColumnPicker;
use super::stop_buttons::StopButtons;
use super::volume_control::VolumeControl;
use crate::book::Book;
use crate::i18n::text;
use crate::state::Change;

/// Properties of [`ScenarioInputs`].
#[derive(Properties, PartialEq)]
pub struct ScenarioInputsProps {
    /// The price book.
    pub book: Book,
    /// The scenario shown.
    pub scenario: Scenario,
    /// Receives every change the user makes.
    pub on_change: Callback<Change>,
    /// Page language.
    pub lang: Lang,
}

fn parse_legacy(text: &str) -> Result<u64, input::InputError> {
    input::parse_whole(text, 0, LEGACY_MAX)
}

fn parse_months_field(text: &str) -> Result<u32, input::InputError> {
    parse_months(text).map_err(|problem| match problem {
        pricing::Problem::BadNumber(error) => error,
        _ => input::InputError::NotANumber,
    })
}

/// Everything the user tells the calculator: label, volume, horizon, price
/// column, and in an advanced area growth and legacy balance.
#[component]
pub fn ScenarioInputs(props: &ScenarioInputsProps) -> Html {
    let (book, scenario, lang) = (props.book, &props.scenario, props.lang);
    let t = text(lang);
    let prices = book.0.label(scenario.label);
    html! {
        <section class="inputs" aria-label={t.label}>
            <LabelPicker {book} label={scenario.label} on_change={props.on_change.reform(Change::Label)} {lang} />
            <LabelGuide {book} on_resolve={props.on_change.reform(Change::Label)} {lang} />
            <VolumeControl volume={scenario.volume} on_change={props.on_change.reform(Change::Volume)} {lang} />
            <StopButtons {prices} volume={scenario.volume} on_change={props.on_change.reform(Change::Volume)} {lang} />
            <CliffNote {prices} column={scenario.column} volume={scenario.volume} {lang} />
            <div class="row">
                <NumberField<u32>
                    id="months"
                    label={t.months}
                    unit={t.months_unit}
                    value={scenario.months}
                    parse={parse_months_field as fn(&str) -> _}
                    on_change={props.on_change.reform(Change::Months)}
                    {lang}
                />
                <PriceColumnPicker column={scenario.column} on_change={props.on_change.reform(Change::Column)} {lang} />
            </div>
            <details class="advanced" open={scenario.growth != Decimal::ZERO || scenario.legacy != 0}>
                <summary>{ t.advanced }</summary>
                <div class="row">
                    <NumberField<Decimal>
                        id="growth"
                        label={t.growth}
                        unit="%"
                        value={scenario.growth}
                        parse={parse_growth as fn(&str) -> _}
                        on_change={props.on_change.reform(Change::Growth)}
                        inputmode="decimal"
                        {lang}
                    />
                    <NumberField<u64>
                        id="legacy"
                        label={t.legacy}
                        unit={t.calls}
                        value={scenario.legacy}
                        parse={parse_legacy as fn(&str) -> _}
                        on_change={props.on_change.reform(Change::Legacy)}
                        {lang}
                    />
                </div>
            </details>
        </section>
    }
}
