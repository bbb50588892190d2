//! Sentences built from figures: plans, notices, cliffs, the chart's
//! readout. Each fills its language's template; none chooses by language.

use calculator::downloads::CsvWords;
use calculator::fields::{self, Field};
use calculator::pinned::{PinProblem, MAX_PINS};
use calculator::profile::SeasonError;
use calculator::{format, BreakEven, CurvePoint, InputError, Lang, PageState, Problem};
use pricing::cliff::CliffSide;
use pricing::{
    Ahead, Channel, Comparison, Estimate, Label, Order, PriceColumn, Purchase, Recommendation,
};

use super::months::MonthNames;
use super::{
    channel_name, column_name, comparison_name, fill, label_name, per_call_price, strategy_name,
    text, yuan,
};

/// Why a typed value was not taken, for the message beside the field.
pub fn input_error(error: &InputError, lang: Lang) -> String {
    let t = text(lang);
    match error {
        InputError::Empty => t.input_empty.into(),
        InputError::NotANumber => t.input_not_a_number.into(),
        InputError::Fractional => t.input_fractional.into(),
        InputError::TooSmall(min) => fill(t.input_too_small, &[("min", min)]),
        InputError::TooLarge(max) => fill(t.input_too_large, &[("max", max)]),
        InputError::TooPrecise(places) => {
            fill(t.input_too_precise, &[("places", &places.to_string())])
        }
    }
}

/// A URL notice in words: the parameter, the problem, and what was used.
pub fn url_notice(field: &Field, problem: &Problem, given: &str, used: &str, lang: Lang) -> String {
    let t = text(lang);
    let used = if used.is_empty() { "—" } else { used };
    let (template, why, n) = match problem {
        Problem::Repeated => (t.notice_repeated, String::new(), String::new()),
        Problem::UnknownValue => (t.notice_unknown, String::new(), String::new()),
        Problem::Inapplicable => (t.notice_inapplicable, String::new(), String::new()),
        Problem::TooMany(most) => (t.notice_too_many, String::new(), most.to_string()),
        Problem::BadItem(at, item) => (t.notice_bad_item, item_error(item, lang), at.to_string()),
        Problem::NotAChannel | Problem::NotHeld | Problem::BadNumber(_) => (
            t.notice_bad_number,
            item_error(problem, lang),
            String::new(),
        ),
    };
    let values = [
        ("name", field.name),
        ("given", given),
        ("used", used),
        ("why", &why),
        ("n", &n),
        ("most", &n),
    ];
    fill(template, &values)
}

/// Why one value (or one item of a list) was refused, mid-sentence.
fn item_error(problem: &Problem, lang: Lang) -> String {
    let t = text(lang);
    match problem {
        // Mid-sentence, so a capital that opens the message on its own goes.
        Problem::BadNumber(error) => input_error(error, lang).to_ascii_lowercase(),
        Problem::NotAChannel => t.item_not_a_channel.into(),
        Problem::NotHeld => t.item_not_held.into(),
        _ => t.item_unknown.into(),
    }
}

/// Why typed or pasted numbers make no season, for the message beside them.
pub fn season_error(error: &SeasonError, lang: Lang) -> String {
    let t = text(lang);
    match error {
        SeasonError::Empty => t.season_empty.into(),
        SeasonError::TooMany(found) => fill(t.season_too_many, &[("found", &found.to_string())]),
        SeasonError::Bad(at, why) => fill(
            t.season_bad,
            &[
                ("n", &at.to_string()),
                ("why", &input_error(why, lang).to_ascii_lowercase()),
            ],
        ),
        SeasonError::AllZero => t.season_all_zero.into(),
        SeasonError::TooPeaked(at) => fill(t.season_too_peaked, &[("n", &at.to_string())]),
    }
}

/// Packs bought at once, largest first, each size with its unit so that it
/// cannot be read as money: `2 × 100,000 calls + 1 × 10,000 calls`.
pub fn purchase_words(purchases: &[Purchase], lang: Lang) -> String {
    purchase_items(purchases, lang).join(" + ")
}

/// Each size of packs bought at once in words, largest first: `2 × 100,000 calls`.
pub fn purchase_items(purchases: &[Purchase], lang: Lang) -> Vec<String> {
    let calls = text(lang).calls;
    purchases
        .iter()
        .map(|p| {
            format!(
                "{} × {} {calls}",
                format::grouped_calls(p.count.into()),
                format::grouped_calls(p.pack.calls.into())
            )
        })
        .collect()
}

/// A plan in words, order by order: `month 1: 1 × 1,000 calls; month 3: 1 × 10,000 calls`
/// (or `Mar 2027: …` with a calendar start).
pub fn plan_words(plan: &Recommendation, names: MonthNames) -> String {
    let t = text(names.lang);
    if plan.orders.is_empty() {
        return t.postpaid_only.to_string();
    }
    plan.orders
        .iter()
        .map(|order| order_words(order, names))
        .collect::<Vec<_>>()
        .join(t.list_separator)
}

/// One order in words: `month 3: 1 × 10,000 calls`, `2027年3月：1 × 10,000 次`.
pub fn order_words(order: &Order, names: MonthNames) -> String {
    let month = names.name(order.month);
    let packs = purchase_words(&order.purchases, names.lang);
    fill(
        text(names.lang).order_words,
        &[("month", &month), ("packs", &packs)],
    )
}

/// The plan's heading: "cheapest" only over a plan proven the cheapest,
/// never over a stand-in or a plan with a gap.
pub fn plan_heading(estimate: &Estimate, lang: Lang) -> &'static str {
    let t = text(lang);
    match estimate.refined && estimate.is_proven() {
        true => t.best_title,
        false => t.plan_title,
    }
}

/// Whether the plan is proven the cheapest, or how far it may be from it.
pub fn proof_sentence(estimate: &Estimate, lang: Lang) -> String {
    let t = text(lang);
    if estimate.is_proven() {
        return t.plan_proven.to_string();
    }
    let values = [
        ("bound", yuan(estimate.lower_bound(), lang)),
        ("gap", yuan(estimate.gap(), lang)),
    ];
    fill(
        t.plan_within,
        &values.each_ref().map(|(k, v)| (*k, v.as_str())),
    )
}

/// An order bought before the promotion ends, and what that saves.
pub fn ahead_sentence(order: &Order, ahead: &Ahead, names: MonthNames) -> String {
    let lang = names.lang;
    let values = [
        ("packs", purchase_words(&order.purchases, lang)),
        ("month", names.name(order.month)),
        ("amount", yuan(ahead.saving, lang)),
    ];
    fill(
        text(lang).bought_ahead,
        &values.each_ref().map(|(k, v)| (*k, v.as_str())),
    )
}

/// Why a channel and a comparison take a label, in one sentence.
pub fn label_reason(
    channel: Channel,
    comparison: Comparison,
    label_name: &str,
    lang: Lang,
) -> String {
    let t = text(lang);
    let template = if channel.is_wechat_label() {
        t.reason_wechat
    } else {
        t.reason_general
    };
    let values = [
        ("channel", channel_name(channel, lang)),
        ("compared", comparison_name(comparison, lang)),
        ("label", label_name),
    ];
    fill(template, &values)
}

/// The sentence about a cliff the volume is near.
pub fn cliff_sentence(side: CliffSide, lang: Lang) -> String {
    let t = text(lang);
    let (template, cliff) = match side {
        CliffSide::Below(cliff) => (t.cliff_below, cliff),
        CliffSide::Above(cliff) => (t.cliff_above, cliff),
    };
    let values = [
        ("bound", format::grouped_calls(cliff.bound.into())),
        ("after", format::grouped_calls((cliff.bound + 1).into())),
        ("even", format::grouped_calls(cliff.even_at.into())),
        ("at_bound", yuan(cliff.bill_at_bound, lang)),
        ("at_after", yuan(cliff.bill_after, lang)),
    ];
    fill(template, &values.each_ref().map(|(k, v)| (*k, v.as_str())))
}

/// The chart's readout for one point.
pub fn chart_readout(point: &CurvePoint, lang: Lang) -> String {
    let t = text(lang);
    let per_call = point
        .best_per_call
        .map(|p| per_call_price(p, lang))
        .unwrap_or_default();
    // Names stand mid-sentence here: lower case where the script has one.
    let values = [
        ("volume", format::grouped_calls(point.volume.into())),
        ("postpaid_name", t.chart_postpaid.to_ascii_lowercase()),
        ("postpaid", yuan(point.postpaid, lang)),
        ("best_name", t.chart_best.to_ascii_lowercase()),
        ("best", yuan(point.best, lang)),
        ("per_call", per_call),
        (
            "strategy",
            strategy_name(point.strategy, lang).to_ascii_lowercase(),
        ),
    ];
    fill(t.readout, &values.each_ref().map(|(k, v)| (*k, v.as_str())))
}

/// A break-even in words: where the cheapest plan changes kind.
pub fn break_even_words(change: &BreakEven, lang: Lang) -> String {
    let values = [
        ("volume", format::grouped_calls(change.volume.into())),
        (
            "from",
            strategy_name(change.from, lang).to_ascii_lowercase(),
        ),
        ("to", strategy_name(change.to, lang).to_ascii_lowercase()),
    ];
    let values = values.each_ref().map(|(k, v)| (*k, v.as_str()));
    fill(text(lang).break_even, &values)
}

/// What happened to stored pins, in words.
pub fn pin_problem(problem: &PinProblem, lang: Lang) -> String {
    let t = text(lang);
    match problem {
        PinProblem::Unreadable(count) => fill(t.pin_bad, &[("n", &count.to_string())]),
        PinProblem::Dropped(_) => fill(t.pin_too_many, &[("max", &MAX_PINS.to_string())]),
    }
}

/// The scenario's fields beside label, volume, period and price, each with
/// its name in the language (the pins' rows, the CSV's scenario line).
pub fn further_fields(lang: Lang) -> [(&'static Field, &'static str); 8] {
    let t = text(lang);
    [
        (&fields::PROMO_MONTHS, t.promo_months),
        (&fields::GROWTH, t.growth),
        (&fields::RETRY, t.retry),
        (&fields::PROFILE, t.shape_title),
        (&fields::EXTRA, t.channels_title),
        (&fields::LEGACY, t.legacy),
        (&fields::LEGACY_MONTHS, t.legacy_months),
        (&fields::HELD, t.held_title),
    ]
}

/// A field's value in words, with its unit where it has one: `5 %`,
/// `6 months`, `30,000 calls`; lists as the URL writes them; "—" when absent.
pub fn field_value(page: &PageState, field: &Field) -> String {
    let t = text(page.lang);
    let value = field.get(page);
    let unit = match field.name {
        "growth" | "retry" => "%",
        "promo_months" | "legacy_months" => t.months_unit,
        "legacy" => t.calls,
        _ => "",
    };
    match (&value, value.whole()) {
        (fields::Value::Absent, _) => "—".to_string(),
        (_, Some(whole)) if field.name == "legacy" => {
            format!("{} {unit}", format::grouped_calls(whole.into()))
        }
        _ if unit.is_empty() => value.to_string(),
        _ => format!("{value} {unit}"),
    }
}

/// A page's scenario in words: label, calls per month, period and price,
/// then every further field that is not at its default, as `name: value`.
pub fn scenario_words(page: &PageState) -> String {
    let (scenario, lang) = (&page.scenario, page.lang);
    let t = text(lang);
    let mut parts = vec![
        label_name(scenario.label, lang).to_string(),
        format!(
            "{} {}",
            format::grouped_calls(scenario.volume.into()),
            t.volume_unit
        ),
        format!("{} {}", scenario.months, t.months_unit),
        column_name(scenario.column, lang).to_string(),
    ];
    for (field, name) in further_fields(lang) {
        if field.get(page) != field.default {
            parts.push(format!("{name}: {}", field_value(page, field)));
        }
    }
    parts.join(t.list_separator)
}

/// The CSV's words in the page's language, with the scenario and its link above the table.
pub fn csv_words(page: &PageState, link: &str) -> CsvWords {
    let lang = page.lang;
    let t = text(lang);
    CsvWords {
        columns: t.csv_columns,
        kinds: t.csv_kinds,
        prices: [PriceColumn::Promo, PriceColumn::List].map(|c| column_name(c, lang)),
        labels: Label::ALL.map(|label| label_name(label, lang)),
        about: vec![
            (t.csv_scenario.to_string(), scenario_words(page)),
            (t.csv_link.to_string(), link.to_string()),
        ],
    }
}

/// The plan in words; with several labels, each label's plan after its name.
pub fn estimate_words(estimate: &Estimate, names: MonthNames) -> String {
    let lang = names.lang;
    let t = text(lang);
    if let [only] = estimate.labels.as_slice() {
        return plan_words(&only.best, names);
    }
    let plans: Vec<String> = estimate
        .labels
        .iter()
        .map(|label| {
            let plan = plan_words(&label.best, names);
            fill(
                t.label_plan,
                &[("label", label_name(label.label, lang)), ("plan", &plan)],
            )
        })
        .collect();
    plans.join(t.list_separator)
}
