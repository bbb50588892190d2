use pricing::{Estimate, LabelPrices};
use yew::prelude::*;

use super::amount::Amount;
use crate::hooks::use_lang;
use crate::i18n::{text, tier_range};

/// Properties of a [`PostpaidSummary`].
#[derive(Properties, PartialEq)]
pub struct PostpaidSummaryProps {
    /// The scenario's figures.
    pub estimate: std::rc::Rc<Estimate>,
    /// The main label's prices, for naming its first month's tier.
    pub prices: &'static LabelPrices,
    /// Horizon in months.
    pub months: u32,
}

/// The postpaid bill of the first month and over the horizon.
#[component]
pub fn PostpaidSummary(props: &PostpaidSummaryProps) -> Html {
    let lang = use_lang();
    let t = text(lang);
    let estimate = &props.estimate;
    let first = estimate.postpaid_first_month();
    let total = estimate.postpaid_total();
    let tier = estimate
        .first_month_tier()
        .and_then(|index| props.prices.tiers.get(index))
        .map_or_else(|| t.no_calls.to_string(), |tier| tier_range(tier, lang));
    html! {
        <section class="summary" aria-live="polite" aria-label={t.tiers_title}>
            <div class="figure">
                <span class="figure-label">{ t.postpaid_month }</span>
                <Amount class="figure-value" testid="postpaid-month" value={first} />
                <span class="figure-note">{ format!("{}: {tier}", t.tier_applies) }</span>
            </div>
            <div class="figure">
                <span class="figure-label">{ format!("{} ({} {})", t.postpaid_total, props.months, t.months_unit) }</span>
                <Amount class="figure-value" testid="postpaid-total" value={total} />
            </div>
        </section>
    }
}
