use calculator::Lang;
use pricing::{Estimate, LabelPrices};
use yew::prelude::*;

use super::amount::amount;
use crate::i18n::{text, tier_range};

/// The postpaid bill of the first month and over the horizon, with the first
/// month's tier from the main label's `prices`. A function, not a component:
/// it keeps no state and changes with every estimate anyway.
pub fn postpaid_summary(
    estimate: &Estimate,
    prices: &LabelPrices,
    months: u32,
    lang: Lang,
) -> Html {
    let t = text(lang);
    let first = estimate.postpaid_first_month();
    let total = estimate.postpaid_total();
    let tier = estimate
        .first_month_tier()
        .and_then(|index| prices.tiers.get(index))
        .map_or_else(|| t.no_calls.to_string(), |tier| tier_range(tier, lang));
    html! {
        <section class="summary" aria-live="polite" aria-label={t.tiers_title}>
            <div class="figure">
                <span class="figure-label">{ t.postpaid_month }</span>
                { amount(first, "postpaid-month", "figure-value", lang) }
                <span class="figure-note">{ format!("{}: {tier}", t.tier_applies) }</span>
            </div>
            <div class="figure">
                <span class="figure-label">{ format!("{} ({months} {})", t.postpaid_total, t.months_unit) }</span>
                { amount(total, "postpaid-total", "figure-value", lang) }
            </div>
        </section>
    }
}
