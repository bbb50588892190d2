//! The page: reads the state, renders it, and turns events into changes.

use pricing::scenario::LEGACY_MAX;
use pricing::url_state::{parse_growth, parse_months};
use std::rc::Rc;

use pricing::{input, optimizer, Estimate, LabelPrices, Lang, OptimizerError};
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::book::Engine;
use crate::components::label_comparison::LabelComparison;
use crate::components::label_picker::LabelPicker;
use crate::components::language_switch::LanguageSwitch;
use crate::components::notice_list::NoticeList;
use crate::components::number_field::NumberField;
use crate::components::pack_table::PackTable;
use crate::components::postpaid_summary::PostpaidSummary;
use crate::components::price_column_picker::PriceColumnPicker;
use crate::components::recommendation_panel::RecommendationPanel;
use crate::components::tier_table::TierTable;
use crate::components::volume_control::VolumeControl;
use crate::hooks::use_page_state;
use crate::i18n::text;
use crate::state::{AppState, Change};

/// The whole calculator, or a message if the embedded price book is broken.
#[component]
pub fn App() -> Html {
    match optimizer::embedded() {
        Ok(optimizer) => html! { <Calculator engine={Engine(optimizer)} /> },
        Err(error) => html! {
            <main class="broken" role="alert">
                <h1>{ text(Lang::Zh).book_error }{ " / " }{ text(Lang::En).book_error }</h1>
                <p>{ error.to_string() }</p>
            </main>
        },
    }
}

/// Properties of the [`Calculator`].
#[derive(Properties, PartialEq)]
pub struct CalculatorProps {
    /// The optimizer and its price book.
    pub engine: Engine,
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

/// The calculator for a readable price book.
#[component]
pub fn Calculator(props: &CalculatorProps) -> Html {
    let state = use_page_state();
    let engine = props.engine;
    let book = engine.book();
    let page = &state.page;
    let scenario = &page.scenario;
    let lang = page.lang;
    let t = text(lang);
    let estimate = use_memo(scenario.clone(), move |scenario| {
        Estimate::new(engine.0, scenario).map(Rc::new)
    });
    let show_all = use_state(|| false);
    use_effect_with(lang, |lang| set_document_lang(*lang));

    let change = ChangeSender(state.dispatcher());
    let prices = book.0.label(scenario.label);
    let toggle_all = {
        let show_all = show_all.clone();
        move |_: MouseEvent| show_all.set(!*show_all)
    };
    html! {
        <div class={classes!("page", page.embed.then_some("embed"))}>
            <header class="masthead">
                <div>
                    <h1>{ t.title }</h1>
                    <p class="subtitle">{ t.subtitle }</p>
                </div>
                <LanguageSwitch {lang} on_change={change.on(Change::Lang)} />
            </header>
            <NoticeList notices={state.notices.clone()} on_dismiss={change.on(Change::DismissNotice)} {lang} />
            <main class="layout">
                <section class="inputs" aria-label={t.label}>
                    <LabelPicker {book} label={scenario.label} on_change={change.on(Change::Label)} {lang} />
                    <VolumeControl volume={scenario.volume} on_change={change.on(Change::Volume)} {lang} />
                    <div class="row">
                        <NumberField<u32>
                            id="months"
                            label={t.months}
                            unit={t.months_unit}
                            value={scenario.months}
                            parse={parse_months_field as fn(&str) -> _}
                            on_change={change.on(Change::Months)}
                            {lang}
                        />
                        <PriceColumnPicker column={scenario.column} on_change={change.on(Change::Column)} {lang} />
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
                                on_change={change.on(Change::Growth)}
                                inputmode="decimal"
                                {lang}
                            />
                            <NumberField<u64>
                                id="legacy"
                                label={t.legacy}
                                unit={t.calls}
                                value={scenario.legacy}
                                parse={parse_legacy as fn(&str) -> _}
                                on_change={change.on(Change::Legacy)}
                                {lang}
                            />
                        </div>
                    </details>
                </section>
                { figures(&estimate, prices, scenario.months, lang) }
                <section class="tables">
                    <div class="tables-head">
                        <button type="button" class="toggle" data-testid="compare-labels"
                            aria-pressed={(*show_all).to_string()} onclick={toggle_all}>
                            { if *show_all { t.one_label } else { t.all_labels } }
                        </button>
                    </div>
                    if *show_all {
                        <LabelComparison {book} label={scenario.label} {lang} />
                    } else {
                        <div class="table-pair">
                            <PackTable {prices} column={scenario.column} volume={scenario.volume}
                                on_pick_volume={change.on(Change::Volume)} {lang} />
                            <TierTable {prices} current={(*estimate).as_ref().ok().and_then(|e| e.first_month_tier())}
                                on_pick_volume={change.on(Change::Volume)} {lang} />
                        </div>
                    }
                </section>
            </main>
            <footer class="source"><p>{ t.source }</p></footer>
        </div>
    }
}

/// The postpaid figures and the recommendation, or why there are none.
fn figures(
    estimate: &Result<Rc<Estimate>, OptimizerError>,
    prices: &'static LabelPrices,
    months: u32,
    lang: Lang,
) -> Html {
    match estimate {
        Ok(estimate) => html! {
            <div class="results">
                <RecommendationPanel estimate={estimate.clone()} {prices} {lang} />
                <PostpaidSummary estimate={estimate.clone()} {prices} {months} {lang} />
            </div>
        },
        Err(error) => html! {
            <section class="broken" role="alert">
                <p>{ text(lang).plan_error }</p>
                <p>{ error.to_string() }</p>
            </section>
        },
    }
}

/// Turns the page's events into [`Change`]s.
struct ChangeSender(UseReducerDispatcher<AppState>);

impl ChangeSender {
    fn on<T: 'static>(&self, wrap: fn(T) -> Change) -> Callback<T> {
        self.0.to_callback().reform(wrap)
    }
}

fn set_document_lang(lang: Lang) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let tag = match lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        };
        // Only the accessibility of the page suffers if this fails.
        let _ = root.set_attribute("lang", tag);
    }
}
