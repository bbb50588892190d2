//! Every visible string, in Chinese and English.

use pricing::input::InputError;
use pricing::{money, LabelPrices, Lang, Param, PriceColumn, Problem, Tier};
use rust_decimal::Decimal;

/// The page's strings in one language.
pub struct Text {
    pub title: &'static str,
    pub subtitle: &'static str,
    pub label: &'static str,
    pub volume: &'static str,
    pub volume_unit: &'static str,
    pub months: &'static str,
    pub months_unit: &'static str,
    pub price_column: &'static str,
    pub promo: &'static str,
    pub list: &'static str,
    pub language: &'static str,
    pub postpaid_month: &'static str,
    pub postpaid_total: &'static str,
    pub tier_applies: &'static str,
    pub no_calls: &'static str,
    pub packs_title: &'static str,
    pub tiers_title: &'static str,
    pub pack_size: &'static str,
    pub per_call: &'static str,
    pub monthly_calls: &'static str,
    pub all_labels: &'static str,
    pub one_label: &'static str,
    pub not_sold: &'static str,
    pub yuan: &'static str,
    pub yuan_per_call: &'static str,
    pub calls: &'static str,
    pub dismiss: &'static str,
    pub source: &'static str,
    pub book_error: &'static str,
    pub advanced: &'static str,
    pub growth: &'static str,
    pub legacy: &'static str,
}

const ZH: Text = Text {
    title: "慧眼人脸核身价格计算器",
    subtitle: "按 2021-02-01 价格公告计算后付费月结与预付费资源包",
    label: "计费标签",
    volume: "月调用量",
    volume_unit: "次/月",
    months: "计算周期",
    months_unit: "个月",
    price_column: "价格",
    promo: "折扣价",
    list: "刊例价",
    language: "语言",
    postpaid_month: "后付费首月账单",
    postpaid_total: "后付费周期合计",
    tier_applies: "适用阶梯",
    no_calls: "无调用",
    packs_title: "预付费资源包",
    tiers_title: "后付费月结",
    pack_size: "资源包规格",
    per_call: "单次价格",
    monthly_calls: "月接口调用量",
    all_labels: "对比四个计费标签",
    one_label: "只看当前计费标签",
    not_sold: "无此规格",
    yuan: "元",
    yuan_per_call: "元/次",
    calls: "次",
    dismiss: "关闭",
    source: "价格来源：腾讯云慧眼人脸核身 2021 年 2 月 1 日价格公告。金额精确计算，账单金额按四舍五入保留到分。",
    book_error: "价格表无法读取",
    advanced: "高级：增长率与旧资源包",
    growth: "月增长率",
    legacy: "2021-02-01 前购买的资源包剩余次数",
};

const EN: Text = Text {
    title: "FaceID price calculator",
    subtitle: "Postpaid and prepaid packs priced by the 2021-02-01 announcement",
    label: "Billing label",
    volume: "Calls per month",
    volume_unit: "calls/month",
    months: "Horizon",
    months_unit: "months",
    price_column: "Price",
    promo: "Promotional",
    list: "List",
    language: "Language",
    postpaid_month: "Postpaid, first month",
    postpaid_total: "Postpaid over the horizon",
    tier_applies: "Tier that applies",
    no_calls: "no calls",
    packs_title: "Prepaid resource packs",
    tiers_title: "Postpaid, billed monthly",
    pack_size: "Pack",
    per_call: "Per call",
    monthly_calls: "Calls in the month",
    all_labels: "Compare all four labels",
    one_label: "Show the chosen label only",
    not_sold: "not sold",
    yuan: "yuan",
    yuan_per_call: "yuan/call",
    calls: "calls",
    dismiss: "Dismiss",
    source: "Prices: Tencent Cloud FaceID announcement of 1 February 2021. Amounts are exact; bills are rounded to the fen, half away from zero.",
    book_error: "The price list could not be read",
    advanced: "Advanced: growth and legacy packs",
    growth: "Monthly growth",
    legacy: "Calls left on packs bought before 2021-02-01",
};

/// The strings of a language.
pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

/// A label's name in the page's language.
pub fn label_name(prices: &LabelPrices, lang: Lang) -> &str {
    match lang {
        Lang::Zh => &prices.name_zh,
        Lang::En => &prices.name_en,
    }
}

/// A price column's name.
pub fn column_name(column: PriceColumn, lang: Lang) -> &'static str {
    match column {
        PriceColumn::Promo => text(lang).promo,
        PriceColumn::List => text(lang).list,
    }
}

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
            input_error(error, lang).to_lowercase()
        ),
    }
}

/// A tier's bounds in words, e.g. `1,000 < 调用量 ≤ 10,000`.
pub fn tier_range(tier: &Tier, lang: Lang) -> String {
    let noun = match lang {
        Lang::Zh => "调用量",
        Lang::En => "calls",
    };
    let above = money::grouped_calls(tier.above.into());
    match tier.up_to {
        Some(up_to) => format!("{above} < {noun} ≤ {}", money::grouped_calls(up_to.into())),
        None => format!("{above} < {noun}"),
    }
}

/// An amount for people, e.g. `8,800.00 元` or `¥8,800.00`.
pub fn yuan(amount: Decimal, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{} 元", money::grouped(amount)),
        Lang::En => format!("¥{}", money::grouped(amount)),
    }
}
