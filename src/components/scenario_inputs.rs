use std::rc::Rc;

use calculator::fields::{self, Field};
use calculator::PageState;
use pricing::PriceColumn;
use yew::prelude::*;

use super::extra_channels::ExtraChannels;
use super::held_packs::HeldPacks;
use super::label_guide::LabelGuide;
use super::label_picker::LabelPicker;
use super::later::Later;
use super::month_profile::MonthProfile;
use super::number_field::NumberField;
use super::price_column_picker::PriceColumnPicker;
use super::promotion_end::PromotionEnd;
use super::stop_buttons::StopButtons;
use super::volume_control::VolumeControl;
use crate::book::Book;
use crate::hooks::{use_lang, PageActions};
use crate::i18n::text;

/// Properties of [`ScenarioInputs`].
#[derive(Properties, PartialEq)]
pub struct ScenarioInputsProps {
    /// The price book.
    pub book: Book,
    /// The page state shown.
    pub page: PageState,
    /// What the inputs can change.
    pub actions: Rc<PageActions>,
    /// Receives `true` when the volume slider is pressed and `false` when it is let go.
    pub on_drag: Callback<bool>,
}

/// The fields kept in the advanced area, which opens when any of them is set.
const ADVANCED: [&Field; 8] = [
    &fields::GROWTH,
    &fields::RETRY,
    &fields::PROFILE,
    &fields::EXTRA,
    &fields::LEGACY,
    &fields::LEGACY_MONTHS,
    &fields::HELD,
    &fields::START,
];

/// Everything the user tells the calculator: label, volume, horizon, price
/// column, and in an advanced area growth, retries, the months' shape,
/// further channels, the legacy balance, the packs already held and the
/// calendar month of month 1.
#[component]
pub fn ScenarioInputs(props: &ScenarioInputsProps) -> Html {
    let lang = use_lang();
    let (book, page, scenario) = (props.book, &props.page, &props.page.scenario);
    let t = text(lang);
    let prices = book.0.label(scenario.label);
    let actions = &props.actions;
    html! {
        <section class="inputs" aria-label={t.label}>
            <LabelPicker {book} label={scenario.label} on_change={actions.label.clone()} />
            <Later name="guide"><LabelGuide {book} on_resolve={actions.label.clone()} /></Later>
            <VolumeControl volume={scenario.volume} on_change={actions.volume.clone()} on_typed={actions.typed.volume.clone()}
                on_drag={props.on_drag.clone()} />
            <StopButtons {prices} volume={scenario.volume} on_change={actions.volume.clone()} />
            <div class="row">
                <NumberField id={fields::MONTHS.name} rule={fields::MONTHS.rule} label={t.months} unit={t.months_unit}
                    value={fields::MONTHS.get(page)} on_change={actions.typed.months.clone()} />
                <PriceColumnPicker column={scenario.column} on_change={actions.column.clone()} />
            </div>
            if scenario.column == PriceColumn::Promo {
                <Later name="promotion-end"><PromotionEnd promo_months={scenario.promo_months} months={scenario.months}
                    on_change={actions.typed.promo_months.clone()} /></Later>
            }
            <details class="advanced" open={ADVANCED.iter().any(|field| field.get(page) != field.default)}>
                <summary>{ t.advanced }</summary>
                <div class="row">
                    <NumberField id={fields::GROWTH.name} rule={fields::GROWTH.rule} label={t.growth} unit="%"
                        value={fields::GROWTH.get(page)} on_change={actions.typed.growth.clone()} />
                    <NumberField id={fields::RETRY.name} rule={fields::RETRY.rule} label={t.retry} unit="%"
                        value={fields::RETRY.get(page)} on_change={actions.typed.retry.clone()} />
                </div>
                <Later name="profile">
                    <MonthProfile scenario={scenario.clone()} on_change={actions.profile.clone()} />
                    <ExtraChannels {book} main={scenario.label} extra={scenario.extra.clone()} on_change={actions.extra.clone()} />
                </Later>
                <div class="row">
                    <NumberField id={fields::LEGACY.name} rule={fields::LEGACY.rule} label={t.legacy} unit={t.calls}
                        value={fields::LEGACY.get(page)} on_change={actions.typed.legacy.clone()} />
                    <NumberField id={fields::LEGACY_MONTHS.name} rule={fields::LEGACY_MONTHS.rule} label={t.legacy_months} unit={t.months_unit}
                        value={fields::LEGACY_MONTHS.get(page)} on_change={actions.typed.legacy_months.clone()} />
                </div>
                <Later name="held">
                    <NumberField id={fields::START.name} rule={fields::START.rule} label={t.start} unit={t.start_unit}
                        value={fields::START.get(page)}
                        on_change={actions.typed.start.clone()} />
                    <HeldPacks {book} main={scenario.label} held={scenario.held.clone()} start={page.start}
                        on_change={actions.held.clone()} on_start={actions.start.clone()} />
                </Later>
            </details>
        </section>
    }
}
