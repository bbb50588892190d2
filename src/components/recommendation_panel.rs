use std::rc::Rc;

use pricing::{money, Estimate, Lang};
use yew::prelude::*;

use super::month_breakdown::MonthBreakdown;
use crate::i18n::{plan_words, strategy_name, text, yuan};

/// Properties of a [`RecommendationPanel`].
#[derive(Properties, PartialEq)]
pub struct RecommendationPanelProps {
    /// The scenario's figures.
    pub estimate: Rc<Estimate>,
    /// The chosen label's prices, for naming tiers.
    pub prices: &'static pricing::LabelPrices,
    /// Page language.
    pub lang: Lang,
}

/// The cheapest plan: what to buy, what it costs and what it saves.
#[component]
pub fn RecommendationPanel(props: &RecommendationPanelProps) -> Html {
    let t = text(props.lang);
    let estimate = &props.estimate;
    let best = &estimate.best;
    let average = estimate.average_per_call().map_or_else(
        || "—".to_string(),
        |price| format!("{} {}", money::unit_price(price, 4), t.yuan_per_call),
    );
    let saving = estimate.saving_against_postpaid();
    html! {
        <section class="recommendation" aria-live="polite" aria-labelledby="best-title">
            <h2 id="best-title">{ t.best_title }{ ": " }<span class="strategy">{ strategy_name(best.strategy, props.lang) }</span></h2>
            <p class="plan" data-testid="best-plan">{ plan_words(best, props.lang) }</p>
            <div class="figures">
                <div class="figure">
                    <span class="figure-label">{ t.best_total }</span>
                    <span class="figure-value"><span data-testid="best-total">{ money::plain(best.total) }</span>{ " " }{ t.yuan }</span>
                    <span class="figure-note">{ yuan(best.total, props.lang) }</span>
                </div>
                <div class="figure">
                    <span class="figure-label">{ t.saving_postpaid }</span>
                    <span class={classes!("figure-value", (!saving.is_zero()).then_some("good"))}>
                        <span data-testid="best-saving">{ money::plain(saving) }</span>{ " " }{ t.yuan }
                    </span>
                </div>
            </div>
            <dl class="facts">
                <dt>{ t.per_call_average }</dt>
                <dd data-testid="best-per-call">{ average }</dd>
                <dt>{ t.unused }</dt>
                <dd data-testid="best-unused">{ format!("{} {}", money::grouped_calls(best.unused), t.calls) }</dd>
                <dt>{ t.saving_list }</dt>
                <dd data-testid="best-saving-list">{ yuan(estimate.saving_against_list_price(), props.lang) }</dd>
            </dl>
            <MonthBreakdown estimate={estimate.clone()} prices={props.prices} lang={props.lang} />
        </section>
    }
}
