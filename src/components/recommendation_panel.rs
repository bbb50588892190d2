use std::rc::Rc;

use calculator::format;
use pricing::Estimate;
use yew::prelude::*;

use crate::hooks::use_lang;

use super::month_breakdown::MonthBreakdown;
use crate::i18n::{plan_words, strategy_name, text, yuan};

/// Properties of a [`RecommendationPanel`].
#[derive(Properties, PartialEq)]
pub struct RecommendationPanelProps {
    /// The scenario's figures.
    pub estimate: Rc<Estimate>,
    /// The chosen label's prices, for naming tiers.
    pub prices: &'static pricing::LabelPrices,
}

/// The cheapest plan: what to buy, what it costs and what it saves.
#[component]
pub fn RecommendationPanel(props: &RecommendationPanelProps) -> Html {
    let lang = use_lang();
    let t = text(lang);
    let estimate = &props.estimate;
    let best = &estimate.best;
    let average = estimate.average_per_call().map_or_else(
        || "—".to_string(),
        |price| format!("{} {}", format::per_call(price), t.yuan_per_call),
    );
    let saving = estimate.saving_against_postpaid();
    html! {
        <section class="recommendation" aria-live="polite" aria-labelledby="best-title">
            <h2 id="best-title">{ t.best_title }{ ": " }<span class="strategy">{ strategy_name(best.strategy, lang) }</span></h2>
            <p class="plan" data-testid="best-plan">{ plan_words(best, lang) }</p>
            <div class="figures">
                <div class="figure">
                    <span class="figure-label">{ t.best_total }</span>
                    <span class="figure-value"><span data-testid="best-total">{ format::plain(best.total) }</span>{ " " }{ t.yuan }</span>
                    <span class="figure-note">{ yuan(best.total, lang) }</span>
                </div>
                <div class="figure">
                    <span class="figure-label">{ t.saving_postpaid }</span>
                    <span class={classes!("figure-value", (!saving.is_zero()).then_some("good"))}>
                        <span data-testid="best-saving">{ format::plain(saving) }</span>{ " " }{ t.yuan }
                    </span>
                </div>
            </div>
            <dl class="facts">
                <dt>{ t.per_call_average }</dt>
                <dd data-testid="best-per-call">{ average }</dd>
                <dt>{ t.unused }</dt>
                <dd data-testid="best-unused">{ format!("{} {}", format::grouped_calls(best.unused), t.calls) }</dd>
                <dt>{ t.saving_list }</dt>
                <dd data-testid="best-saving-list">{ yuan(estimate.saving_against_list_price(), lang) }</dd>
                if estimate.best_bill.legacy_expired > 0 {
                    <dt>{ t.legacy_expired }</dt>
                    <dd data-testid="best-legacy-expired">{ format!("{} {}", format::grouped_calls(estimate.best_bill.legacy_expired), t.calls) }</dd>
                }
            </dl>
            <p class="purchase-model" data-testid="purchase-model">{ t.purchase_model }</p>
            <MonthBreakdown estimate={estimate.clone()} prices={props.prices} />
        </section>
    }
}
