use std::rc::Rc;

use calculator::{encode, Lang, PageState};
use calculator::{CostCurve, CurvePoint};
use pricing::cliff::cliffs;
use pricing::{Estimate, OptimizerError, Scenario};
use yew::prelude::*;

use super::cliff_note::cliff_note;
use super::cost_chart::CostChart;
use super::language_switch::LanguageSwitch;
use super::later::Later;
use super::month_breakdown::MonthBreakdown;
use super::notice_list::NoticeList;
use super::pinned_scenarios::PinnedScenarios;
use super::postpaid_summary::postpaid_summary;
use super::price_tables::PriceTables;
use super::recommendation_panel::RecommendationPanel;
use super::saving_chart::SavingChart;
use super::scenario_inputs::ScenarioInputs;
use super::share_bar::ShareBar;
use super::unread_note::unread_note;
use crate::book::{Book, Engine};
use crate::hooks::{
    use_cost_curve, use_embed_resize, use_estimate, use_held_height, use_page_actions,
    use_page_state, use_pins, use_slider_drag,
};
use crate::i18n::{text, MonthNames};
use crate::start::Start;
use crate::state::FieldReport;

/// Properties of the [`Page`].
#[derive(Properties, PartialEq)]
pub struct PageProps {
    /// The optimizer and its price book.
    pub engine: Engine,
    /// The URL's state and the first estimate.
    pub start: Start,
}

/// The calculator page for a readable price book: inputs, figures, chart, tables.
#[component]
pub fn Page(props: &PageProps) -> Html {
    let state = use_page_state(&props.start);
    let engine = props.engine;
    let book = engine.book();
    let page = &state.page;
    let scenario = &page.scenario;
    let lang = page.lang;
    let t = text(lang);
    let estimate = use_estimate(engine, scenario, &props.start);
    let curve = use_cost_curve(engine, scenario);
    use_effect_with(lang, |lang| set_document_lang(*lang));
    use_effect_with((), |()| mark_live());
    use_embed_resize(page.embed);
    let (pins, pin_actions) = use_pins();

    let actions = use_page_actions(&state);
    let (dragged, on_drag) = use_slider_drag();
    // On a phone the results lie above the month table and the share bar.
    let results = use_node_ref();
    use_held_height(results.clone(), dragged);
    let bought: Vec<u64> = match &*estimate {
        Ok(estimate) => estimate
            .main()
            .best
            .orders
            .iter()
            .flat_map(|order| order.purchases.iter().map(|p| p.pack.calls))
            .collect(),
        Err(_) => Vec::new(),
    };
    let current_tier = (*estimate).as_ref().ok().and_then(|e| e.first_month_tier());
    let curve = curve.and_then(Result::ok);
    let packs_pay_from = curve
        .as_ref()
        .and_then(|curve| curve.packs_pay_from(scenario.volume));
    html! {
        <ContextProvider<Lang> context={lang}>
        <ContextProvider<MonthNames> context={MonthNames { lang, start: page.start }}>
        <ContextProvider<FieldReport> context={FieldReport(actions.unread.clone())}>
        <div class={classes!("page", page.embed.then_some("embed"))}>
            if page.embed {
                <nav class="full-link"><a href={full_calculator_href(page)} target="_blank" rel="noopener" data-testid="open-full">{ t.open_full }</a></nav>
            }
            <header class="masthead">
                <div>
                    <h1>{ t.title }</h1>
                    <p class="subtitle">{ t.subtitle }</p>
                </div>
                <LanguageSwitch on_change={actions.lang.clone()} />
            </header>
            <NoticeList notices={state.notices.clone()} on_dismiss={actions.dismiss_notice.clone()} />
            <main class="layout">
                // Its own grid: the results stick beside the inputs, and no further.
                <div class="workbench">
                    <Later name="inputs"><ScenarioInputs {book} page={page.clone()} actions={actions.clone()} {on_drag} /></Later>
                    <Later name="results" first=true><div class="results" ref={results}>
                        { unread_note(&state.unread, lang) }
                        { figures(&estimate, book, scenario, PanelExtras { packs_pay_from, dragged }, lang) }
                    </div></Later>
                </div>
                if let Ok(estimate) = &*estimate {
                    // The whole width: ten columns do not fit beside the inputs.
                    <Later name="months"><section class="month-section"><MonthBreakdown estimate={estimate.clone()} {book} /></section></Later>
                    if !page.embed {
                        <Later name="share"><ShareBar page={page.clone()} frozen={!state.unread.is_empty()} estimate={estimate.clone()} {book}
                            on_pin={ let (add, s) = (pin_actions.add.clone(), scenario.clone()); Callback::from(move |()| add.emit(s.clone())) } /></Later>
                    }
                }
                if !page.embed {
                    <Later name="pins"><PinnedScenarios {engine} {pins} actions={pin_actions.clone()} on_open={actions.load.clone()} /></Later>
                }
                if let (false, Ok(estimate)) = (page.embed, &*estimate) {
                    { chart(curve, engine, scenario, estimate, lang) }
                }
                <Later name="tables"><PriceTables {book} label={scenario.label} column={scenario.column} {bought} {current_tier}
                    on_pick_volume={actions.volume.clone()} /></Later>
            </main>
            <footer class="source"><p>{ t.source }</p></footer>
        </div>
        </ContextProvider<FieldReport>>
        </ContextProvider<MonthNames>>
        </ContextProvider<Lang>>
    }
}

/// What the recommendation is told beside the estimate.
struct PanelExtras {
    /// Where packs start to pay, once the cost curve is known.
    packs_pay_from: Option<u64>,
    /// The volume slider is being dragged.
    dragged: bool,
}

/// The postpaid figures and the recommendation, or why there are none. The
/// cliff note comes last: appearing and going as the slider moves, it
/// moves nothing below it, in the inputs or the results.
fn figures(
    estimate: &Result<Rc<Estimate>, OptimizerError>,
    book: Book,
    scenario: &Scenario,
    extras: PanelExtras,
    lang: Lang,
) -> Html {
    let PanelExtras {
        packs_pay_from,
        dragged,
    } = extras;
    let prices = book.0.label(scenario.label);
    match estimate {
        Ok(estimate) => html! {
            <>
                <RecommendationPanel estimate={estimate.clone()} {packs_pay_from} {dragged} />
                { postpaid_summary(estimate, prices, scenario.months, lang) }
                { cliff_note(prices, scenario, lang) }
            </>
        },
        Err(error) => html! {
            <section class="broken" role="alert">
                <p>{ text(lang).plan_error }</p>
                <p>{ error.to_string() }</p>
            </section>
        },
    }
}

/// The cost chart once its curve is ready, marked at the current volume.
fn chart(
    curve: Option<Rc<CostCurve>>,
    engine: Engine,
    scenario: &Scenario,
    estimate: &Estimate,
    lang: Lang,
) -> Html {
    let Some(curve) = curve else {
        return Html::default();
    };
    let current = CurvePoint::of_estimate(scenario.volume, estimate);
    let cliffs = cliffs(engine.0.book().label(scenario.label), scenario.column);
    let refined = curve.is_final_for(scenario);
    html! {
        <section class="chart-section">
            <SavingChart curve={curve.clone()} current={current.clone()} />
            <CostChart {curve} {current} {cliffs} {refined} />
            if !scenario.extra.is_empty() {
                <p class="field-help" data-testid="chart-scaled">{ text(lang).chart_scaled }</p>
            }
        </section>
    }
}

/// The same scenario in the full page, for the embedded layout's link.
fn full_calculator_href(page: &PageState) -> String {
    let full = PageState {
        embed: false,
        ..page.clone()
    };
    format!("./?{}", encode(&full))
}

/// Marks the document once the calculator has taken over the pre-rendered page
/// (`html[data-live]`, a hook for tests), and ends the wait for a linked
/// scenario (static/boot.js), whose own page now stands.
fn mark_live() {
    if let Some(root) = crate::web::document_root() {
        let _ = root.set_attribute("data-live", "");
        let _ = root.remove_attribute("data-linked");
    }
}

fn set_document_lang(lang: Lang) {
    if let Some(root) = crate::web::document_root() {
        // Only the accessibility of the page suffers if this fails.
        let _ = root.set_attribute("lang", text(lang).html_lang);
    }
}
