//! Sentences built from figures: plans, notices, cliffs, the chart's readout.

use pricing::chart::{BreakEven, CurvePoint};
use pricing::cliff::CliffSide;
use pricing::input::InputError;
use pricing::pins::PinProblem;
use pricing::{
    money, Channel, Comparison, Lang, Param, Problem, Purchase, Recommendation, Strategy,
    WindowPlan,
};

use super::{channel_name, comparison_name, strategy_name, text, yuan};

/// Why a typed value was not taken, for the message beside the field.
pub fn input_error(error: &InputError, lang: Lang) -> String {
    match (lang, error) {
        (Lang::Zh, InputError::Empty) => "请输入数值".into(),
        (Lang::Zh, InputError::NotANumber) => "不是数字".into(),
        (Lang::Zh, InputError::Fractional) => "须为整数".into(),
        (Lang::Zh, InputError::TooSmall(min)) => format!("不能小于 {min}"),
        (Lang::Zh, InputError::TooLarge(max)) => format!("不能大于 {max}"),
        (Lang::Zh, InputError::TooPrecise(places)) => format!("最多 {places} 位小数"),
        (Lang::En, InputError::Empty) => "Enter a number".into(),
        (Lang::En, InputError::NotANumber) => "Not a number".into(),
        (Lang::En, InputError::Fractional) => "Must be a whole number".into(),
        (Lang::En, InputError::TooSmall(min)) => format!("Must be at least {min}"),
        (Lang::En, InputError::TooLarge(max)) => format!("Must be at most {max}"),
        (Lang::En, InputError::TooPrecise(places)) => format!("At most {places} decimals"),
    }
}

/// A URL notice in words: the parameter, the problem, and what was used.
pub fn url_notice(param: Param, problem: &Problem, given: &str, used: &str, lang: Lang) -> String {
    let name = param.name();
    let used = if used.is_empty() { "—" } else { used };
    match (lang, problem) {
        (Lang::Zh, Problem::Repeated) => {
            format!("链接参数 {name} 重复出现，已使用第一个值 {used}。")
        }
        (Lang::Zh, Problem::UnknownValue) => {
            format!("链接参数 {name}=“{given}” 无效，已改用 {used}。")
        }
        (Lang::Zh, Problem::BadNumber(error)) => {
            format!(
                "链接参数 {name}=“{given}” 无效（{}），已改用 {used}。",
                input_error(error, lang)
            )
        }
        (Lang::En, Problem::Repeated) => {
            format!("Link parameter {name} is given more than once; used the first value, {used}.")
        }
        (Lang::En, Problem::UnknownValue) => {
            format!("Link parameter {name}=\"{given}\" is not valid; used {used} instead.")
        }
        (Lang::En, Problem::BadNumber(error)) => format!(
            "Link parameter {name}=\"{given}\" is not valid ({}); used {used} instead.",
            input_error(error, lang).to_ascii_lowercase()
        ),
    }
}

/// Packs bought at once, largest first: `2 × 100,000 + 1 × 10,000`.
pub fn purchase_words(purchases: &[Purchase]) -> String {
    purchases
        .iter()
        .map(|p| {
            format!(
                "{} × {}",
                money::grouped_calls(p.count.into()),
                money::grouped_calls(p.pack.calls.into())
            )
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A plan in words, window by window where windows buy differently.
pub fn plan_words(plan: &Recommendation, lang: Lang) -> String {
    let t = text(lang);
    if plan.strategy == Strategy::PostpaidOnly {
        return t.postpaid_only.to_string();
    }
    let first = plan.windows.first();
    let same_everywhere = plan
        .windows
        .iter()
        .all(|window| Some(&window.purchases) == first.map(|w| &w.purchases));
    if let (true, Some(first)) = (same_everywhere, first) {
        let words = purchase_words(&first.purchases);
        return if plan.windows.len() > 1 {
            format!("{words} ({})", every_window(lang))
        } else {
            words
        };
    }
    plan.windows
        .iter()
        .map(|window| {
            let bought = if window.purchases.is_empty() {
                t.postpaid_only.to_string()
            } else {
                purchase_words(&window.purchases)
            };
            format!("{}: {bought}", window_name(window, lang))
        })
        .collect::<Vec<_>>()
        .join(match lang {
            Lang::Zh => "；",
            Lang::En => "; ",
        })
}

/// The months a window spans, counted from 1.
pub fn window_name(window: &WindowPlan, lang: Lang) -> String {
    text(lang)
        .months_range
        .replace("{from}", &(window.first_month + 1).to_string())
        .replace("{to}", &(window.first_month + window.months).to_string())
}

fn every_window(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "每 12 个月购买一次",
        Lang::En => "bought every 12 months",
    }
}

/// Why a channel and a comparison take a label, in one sentence.
pub fn label_reason(
    channel: Channel,
    comparison: Comparison,
    label_name: &str,
    lang: Lang,
) -> String {
    let channel_text = channel_name(channel, lang);
    let compared = comparison_name(comparison, lang);
    match (lang, channel.is_wechat_label()) {
        (Lang::Zh, true) => format!(
            "{channel_text}的活体检测在微信内完成，按微信计费标签计费；与{compared}比对，因此是“{label_name}”。"
        ),
        (Lang::Zh, false) => format!(
            "{channel_text}不属于微信原生 H5 或小程序，按通用计费标签计费；与{compared}比对，因此是“{label_name}”。"
        ),
        (Lang::En, true) => format!(
            "{channel_text} runs the liveness check inside WeChat, so the WeChat labels apply; compared with {compared}, that is \"{label_name}\"."
        ),
        (Lang::En, false) => format!(
            "{channel_text} is neither WeChat native H5 nor a Mini Program, so the general labels apply; compared with {compared}, that is \"{label_name}\"."
        ),
    }
}

/// The sentence about a cliff the volume is near.
pub fn cliff_sentence(side: CliffSide, lang: Lang) -> String {
    let (CliffSide::Below(cliff) | CliffSide::Above(cliff)) = side;
    let bound = money::grouped_calls(cliff.bound.into());
    let after = money::grouped_calls((cliff.bound + 1).into());
    let even = money::grouped_calls(cliff.even_at.into());
    let (at_bound, at_after) = (
        yuan(cliff.bill_at_bound, lang),
        yuan(cliff.bill_after, lang),
    );
    match (lang, side) {
        (Lang::Zh, CliffSide::Below(_)) => format!(
            "接近阶梯临界点：{bound} 次的月账单是 {at_bound}，而 {after} 次整月按更低单价计费，只需 {at_after}；{even} 次以内都不比 {bound} 次贵。"
        ),
        (Lang::Zh, CliffSide::Above(_)) => format!(
            "刚过阶梯临界点：{after} 次整月按更低单价计费，月账单 {at_after}，比 {bound} 次的 {at_bound} 还低；直到 {even} 次都不超过 {at_bound}。"
        ),
        (Lang::En, CliffSide::Below(_)) => format!(
            "Near a cliff: {bound} calls cost {at_bound} a month, but at {after} calls the whole month takes the lower unit price and costs {at_after}; up to {even} calls cost no more than {bound} do."
        ),
        (Lang::En, CliffSide::Above(_)) => format!(
            "Just past a cliff: at {after} calls the whole month takes the lower unit price, {at_after}, less than the {at_bound} that {bound} calls cost; up to {even} calls stay at or below {at_bound}."
        ),
    }
}

/// The chart's readout for one point.
pub fn chart_readout(point: &CurvePoint, lang: Lang) -> String {
    let t = text(lang);
    let volume = money::grouped_calls(point.volume.into());
    let per_call = point
        .best_per_call
        .map(|p| format!("{} {}", money::unit_price(p, 4), t.yuan_per_call))
        .unwrap_or_default();
    match lang {
        Lang::Zh => format!(
            "{volume} 次/月：{} {}，{} {}（{per_call}），{}",
            t.chart_postpaid,
            yuan(point.postpaid, lang),
            t.chart_best,
            yuan(point.best, lang),
            strategy_name(point.strategy, lang)
        ),
        Lang::En => format!(
            "{volume} calls/month: {} {}, {} {} ({per_call}), {}",
            t.chart_postpaid.to_ascii_lowercase(),
            yuan(point.postpaid, lang),
            t.chart_best.to_ascii_lowercase(),
            yuan(point.best, lang),
            strategy_name(point.strategy, lang).to_ascii_lowercase()
        ),
    }
}

/// A break-even in words: where the cheapest plan changes kind.
pub fn break_even_words(change: &BreakEven, lang: Lang) -> String {
    let volume = money::grouped_calls(change.volume.into());
    let (from, to) = (
        strategy_name(change.from, lang),
        strategy_name(change.to, lang),
    );
    match lang {
        Lang::Zh => format!("从 {volume} 次/月起：{from} → {to}"),
        Lang::En => format!(
            "From {volume} calls/month: {} → {}",
            from.to_ascii_lowercase(),
            to.to_ascii_lowercase()
        ),
    }
}

/// What happened to stored pins, in words.
pub fn pin_problem(problem: &PinProblem, lang: Lang) -> String {
    match (lang, problem) {
        (Lang::Zh, PinProblem::Unreadable) => "保存的固定方案无法读取，已清除。".into(),
        (Lang::Zh, PinProblem::OtherVersion(v)) => {
            format!("保存的固定方案来自另一版本（{v}），已清除。")
        }
        (Lang::Zh, PinProblem::BadPin(i)) => format!("第 {} 个固定方案无效，已移除。", i + 1),
        (Lang::Zh, PinProblem::TooMany(n)) => format!("保存了 {n} 个固定方案，只保留前 4 个。"),
        (Lang::En, PinProblem::Unreadable) => {
            "The saved pins could not be read and were cleared.".into()
        }
        (Lang::En, PinProblem::OtherVersion(v)) => {
            format!("The saved pins are from another version ({v}) and were cleared.")
        }
        (Lang::En, PinProblem::BadPin(i)) => {
            format!("Saved pin {} was not valid and was removed.", i + 1)
        }
        (Lang::En, PinProblem::TooMany(n)) => {
            format!("{n} pins were saved; the first 4 were kept.")
        }
    }
}
