//! Every visible string, in Chinese and English: the fixed texts and the
//! names of things here, the sentences built from figures in `sentences`.

mod sentences;

pub use sentences::*;

use crate::chart_scale::fixed;
use pricing::{money, Channel, Comparison, LabelPrices, Lang, PriceColumn, Strategy, Tier};
use rust_decimal::Decimal;

/// The page's strings in one language; each field is named for where it shows.
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
    pub best_title: &'static str,
    pub best_total: &'static str,
    pub per_call_average: &'static str,
    pub unused: &'static str,
    pub saving_postpaid: &'static str,
    pub saving_list: &'static str,
    pub postpaid_only: &'static str,
    pub packs_only: &'static str,
    pub packs_and_postpaid: &'static str,
    pub breakdown: &'static str,
    pub month: &'static str,
    pub bought: &'static str,
    pub from_legacy: &'static str,
    pub from_packs: &'static str,
    pub billed_postpaid: &'static str,
    pub tier: &'static str,
    pub month_bill: &'static str,
    pub months_range: &'static str,
    pub plan_error: &'static str,
    pub guide_title: &'static str,
    pub guide_channel: &'static str,
    pub guide_comparison: &'static str,
    pub previous_stop: &'static str,
    pub next_stop: &'static str,
    pub chart_title: &'static str,
    pub chart_per_call_title: &'static str,
    pub chart_postpaid: &'static str,
    pub chart_best: &'static str,
    pub chart_current: &'static str,
    pub chart_cliff: &'static str,
    pub chart_hint: &'static str,
    pub pack_saving: &'static str,
    pub bought_mark: &'static str,
    pub open_full: &'static str,
    pub copy_link: &'static str,
    pub download_csv: &'static str,
    pub download_json: &'static str,
    pub pin: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub downloaded: &'static str,
    pub download_failed: &'static str,
    pub pins_title: &'static str,
    pub pins_not_saved: &'static str,
    pub open_pin: &'static str,
    pub remove_pin: &'static str,
    pub pin_actions: &'static str,
    pub pins_full: &'static str,
    pub pins_already: &'static str,
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
    best_title: "最省方案",
    best_total: "周期合计",
    per_call_average: "平均单次价格",
    unused: "到期未用次数",
    saving_postpaid: "比纯后付费节省",
    saving_list: "比刊例价节省（促销优惠）",
    postpaid_only: "只用后付费",
    packs_only: "资源包覆盖全部调用",
    packs_and_postpaid: "资源包 + 超出部分后付费",
    breakdown: "逐月明细",
    month: "月份",
    bought: "购买资源包",
    from_legacy: "旧资源包抵扣",
    from_packs: "新资源包抵扣",
    billed_postpaid: "后付费次数",
    tier: "阶梯",
    month_bill: "当月后付费",
    months_range: "第 {from}–{to} 个月",
    plan_error: "无法计算最省方案",
    guide_title: "不确定计费标签？回答两个问题",
    guide_channel: "接入渠道",
    guide_comparison: "比对对象",
    previous_stop: "上一个档位",
    next_stop: "下一个档位",
    chart_title: "周期总费用与月调用量",
    chart_per_call_title: "平均单次价格",
    chart_postpaid: "纯后付费",
    chart_best: "最省方案",
    chart_current: "当前",
    chart_cliff: "阶梯",
    chart_hint: "将鼠标移到图上，或聚焦图表后用左右方向键查看各点数值。",
    pack_saving: "促销节省",
    bought_mark: "方案购买",
    open_full: "在完整计算器中打开 ↗",
    copy_link: "复制链接",
    download_csv: "下载 CSV",
    download_json: "下载 JSON",
    pin: "固定此方案以便对比",
    copied: "已复制链接：",
    copy_failed: "无法访问剪贴板，请手动复制：",
    downloaded: "已下载",
    download_failed: "下载失败",
    pins_title: "已固定的方案",
    pins_not_saved: "浏览器不允许保存，固定的方案只在本次访问中保留。",
    open_pin: "打开",
    remove_pin: "移除",
    pin_actions: "操作",
    pins_full: "最多固定 4 个方案，请先移除一个。",
    pins_already: "此方案已固定。",
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
    best_title: "Cheapest plan",
    best_total: "Total over the horizon",
    per_call_average: "Average per call",
    unused: "Pack calls that expire unused",
    saving_postpaid: "Saves against postpaid only",
    saving_list: "Saves against the list price (promotion)",
    postpaid_only: "Postpaid only",
    packs_only: "Packs cover every call",
    packs_and_postpaid: "Packs, and postpaid beyond them",
    breakdown: "Month by month",
    month: "Month",
    bought: "Packs bought",
    from_legacy: "From legacy packs",
    from_packs: "From new packs",
    billed_postpaid: "Billed postpaid",
    tier: "Tier",
    month_bill: "Postpaid bill",
    months_range: "months {from}–{to}",
    plan_error: "The cheapest plan could not be computed",
    guide_title: "Not sure of the label? Answer two questions",
    guide_channel: "Access channel",
    guide_comparison: "Compared with",
    previous_stop: "Previous stop",
    next_stop: "Next stop",
    chart_title: "Total over the horizon by calls per month",
    chart_per_call_title: "Average price per call",
    chart_postpaid: "Postpaid only",
    chart_best: "Cheapest plan",
    chart_current: "now",
    chart_cliff: "tier",
    chart_hint: "Point at the chart, or focus it and use the arrow keys, to read each point.",
    pack_saving: "Promotion saves",
    bought_mark: "in the plan",
    open_full: "Open the full calculator ↗",
    copy_link: "Copy link",
    download_csv: "Download CSV",
    download_json: "Download JSON",
    pin: "Pin to compare",
    copied: "Link copied:",
    copy_failed: "The clipboard is not available; copy the link by hand:",
    downloaded: "Downloaded",
    download_failed: "The download failed",
    pins_title: "Pinned scenarios",
    pins_not_saved: "The browser does not allow saving; pins last for this visit only.",
    open_pin: "Open",
    remove_pin: "Remove",
    pin_actions: "Actions",
    pins_full: "At most 4 scenarios can be pinned; remove one first.",
    pins_already: "This scenario is already pinned.",
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

/// A strategy in words.
pub fn strategy_name(strategy: Strategy, lang: Lang) -> &'static str {
    let t = text(lang);
    match strategy {
        Strategy::PostpaidOnly => t.postpaid_only,
        Strategy::PacksOnly => t.packs_only,
        Strategy::PacksAndPostpaid => t.packs_and_postpaid,
    }
}

/// A channel's name.
pub fn channel_name(channel: Channel, lang: Lang) -> &'static str {
    match (lang, channel) {
        (Lang::Zh, Channel::WechatNativeH5) => "微信原生 H5",
        (Lang::Zh, Channel::WechatMiniProgram) => "微信小程序",
        (Lang::Zh, Channel::WechatOrdinaryH5) => "微信普通 H5",
        (Lang::Zh, Channel::StandaloneH5) => "独立 H5",
        (Lang::Zh, Channel::PcH5) => "PC H5",
        (Lang::Zh, Channel::AppSdk) => "App SDK",
        (Lang::En, Channel::WechatNativeH5) => "WeChat native H5",
        (Lang::En, Channel::WechatMiniProgram) => "WeChat Mini Program",
        (Lang::En, Channel::WechatOrdinaryH5) => "Ordinary H5 in WeChat",
        (Lang::En, Channel::StandaloneH5) => "Standalone H5",
        (Lang::En, Channel::PcH5) => "PC H5",
        (Lang::En, Channel::AppSdk) => "App SDK",
    }
}

/// A comparison's name.
pub fn comparison_name(comparison: Comparison, lang: Lang) -> &'static str {
    match (lang, comparison) {
        (Lang::Zh, Comparison::Authority) => "权威库（身份证照片）",
        (Lang::Zh, Comparison::UploadedPhoto) => "客户上传的照片",
        (Lang::En, Comparison::Authority) => "the authority's ID-photo database",
        (Lang::En, Comparison::UploadedPhoto) => "a photo you upload",
    }
}

/// A round number in few characters: `1万` / `10k`, `1亿` / `100M`.
pub fn short_number(value: f64, lang: Lang) -> String {
    let units: &[(f64, &str)] = match lang {
        Lang::Zh => &[(1e8, "亿"), (1e4, "万"), (1e3, "千")],
        Lang::En => &[(1e9, "B"), (1e6, "M"), (1e3, "k")],
    };
    for &(size, suffix) in units {
        if value >= size {
            let scaled = value / size;
            let digits = if scaled.fract().abs() < 1e-9 { 0 } else { 1 };
            return format!("{}{suffix}", fixed(scaled, digits));
        }
    }
    fixed(value, 0)
}
