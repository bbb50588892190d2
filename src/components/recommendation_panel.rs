use std::rc::Rc;

use calculator::format;
use pricing::{Estimate, Strategy};
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::hooks::{use_held_height, use_lang, use_month_names};

use super::amount::amount;
use super::later::Later;
use super::purchase_schedule::PurchaseSchedule;
use crate::i18n::{
    estimate_words, fill, per_call_price, plan_heading, proof_sentence, strategy_name, text, yuan,
    MonthNames,
};

/// Properties of a [`RecommendationPanel`].
#[derive(Properties, PartialEq)]
pub struct RecommendationPanelProps {
    /// The scenario's figures.
    pub estimate: Rc<Estimate>,
    /// Where packs start to pay, above the current volume, once the cost curve is known.
    #[prop_or_default]
    pub packs_pay_from: Option<u64>,
    /// The volume slider is being dragged: the panel does not get shorter meanwhile.
    #[prop_or_default]
    pub dragged: bool,
}

/// The User Timing mark of the live page's first figures.
pub const FIGURES_MARK: &str = "faceid-calculator:figures";

/// The cheapest plan: what to buy, what it costs and what it saves.
#[component]
pub fn RecommendationPanel(props: &RecommendationPanelProps) -> Html {
    let lang = use_lang();
    let names = use_month_names();
    let t = text(lang);
    let estimate = &props.estimate;
    let strategy = estimate.strategy();
    let legacy_expired = estimate.legacy_expired();
    let held_expired = estimate.held_expired();
    let average = estimate
        .average_per_call()
        .map_or_else(|| "—".to_string(), |price| per_call_price(price, lang));
    let saving = estimate.saving_against_postpaid();
    let postpaid_only = strategy == Strategy::PostpaidOnly;
    let node = use_node_ref();
    use_held_height(node.clone(), props.dragged);
    // The headline total never changes once it has appeared: until the panel
    // has shown a searched plan, a quick stand-in's total and saving wait.
    // Afterwards a slider move shows the quick plan's at once, as it always has.
    let searched_once = use_mut_ref(|| false);
    if estimate.refined {
        *searched_once.borrow_mut() = true;
    }
    let pending = !*searched_once.borrow();
    // When the live page first shows its headline total: on a link, the moment
    // its own scenario's answer appears (`make bench` reports it).
    use_effect_with(pending, |&pending| {
        if !pending {
            crate::web::mark(FIGURES_MARK);
        }
    });
    html! {
        <section ref={node} class="recommendation" aria-live="polite" aria-labelledby="best-title">
            <h2 id="best-title">
                { plan_heading(estimate, lang) }
                if !postpaid_only {
                    { ": " }<span class="strategy">{ strategy_name(strategy, lang) }</span>
                }
            </h2>
            <p class="plan" data-testid="best-plan">{ estimate_words(estimate, names) }</p>
            <div class="figures">
                <div class="figure">
                    <span class="figure-label">{ t.best_total }</span>
                    if pending {
                        <span class="figure-value pending" data-testid="best-total-pending">{ t.total_pending }</span>
                    } else {
                        { amount(estimate.best_total(), "best-total", "figure-value", lang) }
                    }
                </div>
                if pending {
                    <div class="figure">
                        <span class="figure-label">{ t.saving_postpaid }</span>
                        <span class="figure-value pending">{ t.total_pending }</span>
                    </div>
                } else if postpaid_only {
                    // A zero saving says nothing: say where packs start to pay instead.
                    { amount(saving, "best-saving", "hook-only", lang) }
                    if let Some(volume) = props.packs_pay_from {
                        <div class="figure" data-testid="packs-pay-from" data-volume={volume.to_string()}>
                            <span class="figure-label">{ t.packs_pay_from }</span>
                            <span class="figure-value">{ format!("{} {}", format::grouped_calls(volume.into()), t.volume_unit) }</span>
                        </div>
                    }
                } else {
                    <div class="figure">
                        <span class="figure-label">{ t.saving_postpaid }</span>
                        { amount(saving, "best-saving", "figure-value good", lang) }
                    </div>
                }
            </div>
            <dl class="facts">
                <dt>{ t.per_call_average }</dt>
                <dd data-testid="best-per-call">{ average }</dd>
                <dt>{ t.unused }</dt>
                <dd data-testid="best-unused">{ format!("{} {}", format::grouped_calls(estimate.unused()), t.calls) }</dd>
                <dt>{ t.saving_list }</dt>
                <dd data-testid="best-saving-list">{ yuan(estimate.saving_against_list_price(), lang) }</dd>
                if legacy_expired > 0 {
                    <dt>{ t.legacy_expired }</dt>
                    <dd data-testid="best-legacy-expired">{ format!("{} {}", format::grouped_calls(legacy_expired), t.calls) }</dd>
                }
                if held_expired > 0 {
                    <dt>{ t.held_expired }</dt>
                    <dd data-testid="best-held-expired">{ format!("{} {}", format::grouped_calls(held_expired), t.calls) }</dd>
                }
            </dl>
            if let Some(saving) = estimate.saving_from_sharing() {
                <p class="sharing" data-testid="sharing">
                    { amount(saving, "sharing-saving", "hook-only", lang) }
                    { fill(t.sharing, &[("amount", &yuan(saving, lang))]) }
                </p>
            }
            <p class="proof" data-testid="best-proof" data-proven={estimate.is_proven().to_string()} data-refined={estimate.refined.to_string()}>
                if estimate.refined {
                    { amount(estimate.gap(), "best-gap", "hook-only", lang) }
                    { proof_sentence(estimate, lang) }
                } else {
                    { t.plan_refining }
                }
            </p>
            if estimate.refined && estimate.saving_against_yearly() > Decimal::ZERO {
                <p class="yearly" data-testid="yearly">
                    { amount(estimate.saving_against_yearly(), "yearly-saving", "hook-only", lang) }
                    { fill(t.saving_yearly, &[
                        ("months", &yearly_months(estimate, names)),
                        ("amount", &yuan(estimate.saving_against_yearly(), lang)),
                    ]) }
                </p>
            }
            <Later name="schedule"><PurchaseSchedule estimate={estimate.clone()} /></Later>
            <p class="purchase-model" data-testid="purchase-model">{ t.purchase_model }</p>
        </section>
    }
}

/// The months the yearly plan buys in (1, 13, 25 within the period), by name.
fn yearly_months(estimate: &Estimate, names: MonthNames) -> String {
    let months = estimate.main().best_bill.months.len();
    let starts: Vec<String> = (0..months).step_by(12).map(|m| names.name(m)).collect();
    starts.join(text(names.lang).list_separator)
}
