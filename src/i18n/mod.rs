//! Every visible string, one [`Text`] table per language: the fixed texts,
//! the names of things, and the templates of sentences built from figures
//! (`{name}` marks where a figure goes). A language is one `Lang` variant and
//! one table, which the compiler checks for completeness.

mod en;
mod months;
mod sentences;
mod zh;

pub use months::MonthNames;
pub use sentences::*;

use calculator::format::{self, fixed};
use calculator::Lang;
use pricing::{Channel, Comparison, Label, PriceColumn, Strategy, Tier};
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
    pub plan_title: &'static str,
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
    /// The linear chart around the current volume; `{high}` is its widest volume.
    pub saving_chart_title: &'static str,
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
    /// A link parameter `{name}` whose valid value `{given}` does not apply with the others.
    pub notice_inapplicable: &'static str,
    /// The legend of the promotion's length.
    pub promo_lasts: &'static str,
    /// The promotion lasting the whole horizon.
    pub promo_whole: &'static str,
    /// The promotion ending after some months.
    pub promo_limited: &'static str,
    /// The number field of the promotion's months.
    pub promo_months: &'static str,
    /// Why the promotion's end matters.
    pub promo_why: &'static str,
    /// The billed retries field.
    pub retry: &'static str,
    /// The legacy packs' remaining months field.
    pub legacy_months: &'static str,
    /// Under the volume: Tencent bills attempts.
    pub volume_help: &'static str,
    /// How packs are bought and what the plan is.
    pub purchase_model: &'static str,
    /// One month, counted from 1: `{month}`.
    pub one_month: &'static str,
    /// One order of a plan: `{month}` bought in, `{packs}` in words.
    pub order_words: &'static str,
    /// While the search for the cheapest plan runs, the yearly plan shown.
    pub plan_refining: &'static str,
    /// In place of a total not yet searched, on a page that has shown none.
    pub total_pending: &'static str,
    /// The plan meets the lower bound.
    pub plan_proven: &'static str,
    /// The plan is above the lower bound: `{bound}`, `{gap}` amounts.
    pub plan_within: &'static str,
    /// What buying in any month saves against yearly buying: `{amount}`.
    pub saving_yearly: &'static str,
    /// An order bought before the promotion ends: `{packs}`, `{month}`, `{amount}`.
    pub bought_ahead: &'static str,
    /// The purchase schedule's title.
    pub schedule: &'static str,
    /// The schedule's purchase month column.
    pub schedule_month: &'static str,
    /// The schedule's packs column.
    pub schedule_packs: &'static str,
    /// The schedule's cost column.
    pub schedule_cost: &'static str,
    /// The schedule's months-used column.
    pub schedule_used: &'static str,
    /// The schedule's last-valid-month column.
    pub schedule_valid: &'static str,
    /// The schedule's unused-calls column.
    pub schedule_unused: &'static str,
    /// Legacy calls lost when the legacy packs expire.
    pub legacy_expired: &'static str,
    /// Packs already held on `{label}`: `{calls}` calls, usable through `{month}`.
    pub held_line: &'static str,
    /// Label of the calls on held packs that expire unused.
    pub held_expired: &'static str,
    /// Legend of the packs-already-held control.
    pub held_title: &'static str,
    /// The CSV's column headings, in its column order.
    pub csv_columns: [&'static str; calculator::downloads::CSV_COLUMN_COUNT],
    /// The CSV's kinds of row: pack, month, subtotal, total.
    pub csv_kinds: [&'static str; 4],
    /// The heading of the CSV's line with the scenario in words.
    pub csv_scenario: &'static str,
    /// The heading of the CSV's line with the scenario's link.
    pub csv_link: &'static str,
    /// The row of the pins' names.
    pub pin_name: &'static str,
    /// The hint in an unnamed pin's name field.
    pub pin_name_hint: &'static str,
    /// The badge on the cheapest pinned scenario's total.
    pub cheapest_pin: &'static str,
    /// The stop button below the volume, in words: `{volume}` its volume.
    pub stop_down: &'static str,
    /// The stop button above the volume, in words: `{volume}` its volume.
    pub stop_up: &'static str,
    /// A price per call with its currency, one way per language: `{amount}`.
    pub per_call_amount: &'static str,
    /// Above the figures while fields cannot be read: `{fields}` their labels.
    pub unread_note: &'static str,
    /// Label of a held entry's calls left.
    pub held_calls: &'static str,
    /// Label of a held entry's last usable month.
    pub held_until: &'static str,
    /// Button adding a held entry.
    pub held_add: &'static str,
    /// Button removing a held entry.
    pub held_remove: &'static str,
    /// What held packs do.
    pub held_help: &'static str,
    /// Label of the paste box.
    pub held_paste: &'static str,
    /// Button reading the pasted lines.
    pub held_read: &'static str,
    /// A pasted line that was not read: `{n}` its number, `{why}` the reason.
    pub held_line_refused: &'static str,
    /// How many pasted lines were added: `{n}`.
    pub held_line_read: &'static str,
    /// The paste gave more entries than fit: `{most}`.
    pub held_full: &'static str,
    /// Pasted line reason.
    pub paste_no_label: &'static str,
    /// Pasted line reason.
    pub paste_no_date: &'static str,
    /// Pasted line reason.
    pub paste_no_calls: &'static str,
    /// Pasted line reason.
    pub paste_too_many: &'static str,
    /// Pasted line reason.
    pub paste_expired: &'static str,
    /// Pasted line reason.
    pub paste_too_late: &'static str,
    /// Label of the start month field.
    pub start: &'static str,
    /// Unit hint of the start month field.
    pub start_unit: &'static str,
    /// Promotion's last month by name: `{month}`.
    pub promo_through: &'static str,
    /// The breakdown's verifications column.
    pub verifications: &'static str,
    /// The breakdown's billed attempts column.
    pub attempts: &'static str,
    /// Where packs start to pay, when postpaid only is cheapest now.
    pub packs_pay_from: &'static str,
    /// The language's tag for `<html lang>` and `lang` attributes.
    pub html_lang: &'static str,
    /// The language's name in itself, on the switch that picks it.
    pub own_name: &'static str,
    /// The labels' names, in `Label::ALL`'s order.
    pub label_names: [&'static str; 4],
    /// The channels' names, in `Channel::ALL`'s order.
    pub channel_names: [&'static str; 6],
    /// What the face is compared with, in `Comparison::ALL`'s order.
    pub comparison_names: [&'static str; 2],
    /// The noun for calls in a tier's bounds (`1,000 < calls ≤ 10,000`).
    pub calls_noun: &'static str,
    /// An amount for people; `{amount}` is grouped with two decimals.
    pub yuan_amount: &'static str,
    /// Between the orders of a plan in words.
    pub list_separator: &'static str,
    /// Round numbers' suffixes on the chart's axes, largest first.
    pub short_units: &'static [(f64, &'static str)],
    /// A typed number that is empty.
    pub input_empty: &'static str,
    /// A typed number that is not a number.
    pub input_not_a_number: &'static str,
    /// A typed number that needs to be whole.
    pub input_fractional: &'static str,
    /// A typed number below `{min}`.
    pub input_too_small: &'static str,
    /// A typed number above `{max}`.
    pub input_too_large: &'static str,
    /// A typed number with more than `{places}` decimals.
    pub input_too_precise: &'static str,
    /// A link parameter `{name}` given twice; `{used}` was used.
    pub notice_repeated: &'static str,
    /// A link parameter `{name}` with a word `{given}` it does not take; `{used}` was used.
    pub notice_unknown: &'static str,
    /// A link parameter `{name}` with a number `{given}` refused for `{why}`; `{used}` was used.
    pub notice_bad_number: &'static str,
    /// Why a WeChat `{channel}` compared with `{compared}` is billed as `{label}`.
    pub reason_wechat: &'static str,
    /// Why any other `{channel}` compared with `{compared}` is billed as `{label}`.
    pub reason_general: &'static str,
    /// Just below a cliff at `{bound}` calls (`{at_bound}`), cheaper at `{after}` (`{at_after}`), up to `{even}`.
    pub cliff_below: &'static str,
    /// Just past a cliff, with the same figures as [`Text::cliff_below`].
    pub cliff_above: &'static str,
    /// The chart's readout of one point.
    pub readout: &'static str,
    /// Where the cheapest plan changes kind: at `{volume}`, from `{from}` to `{to}`.
    pub break_even: &'static str,
    /// `{n}` stored pins were not valid and were dropped.
    pub pin_bad: &'static str,
    /// More was stored than the `{max}` pins kept.
    pub pin_too_many: &'static str,
    /// The shape of the months, the legend of the profile control.
    pub shape_title: &'static str,
    /// Flat months.
    pub shape_flat: &'static str,
    /// One peak month a year.
    pub shape_peak: &'static str,
    /// A season of 12 numbers.
    pub shape_season: &'static str,
    /// The peak month's picker.
    pub peak_month: &'static str,
    /// The peak's multiplier field.
    pub peak_factor: &'static str,
    /// The unit of a multiplier.
    pub times: &'static str,
    /// Month `{n}` of the horizon.
    pub month_n: &'static str,
    /// The season's text area.
    pub season_input: &'static str,
    /// What the page does with the season's numbers.
    pub season_help: &'static str,
    /// A season without numbers.
    pub season_empty: &'static str,
    /// A season of `{found}` numbers, too many.
    pub season_too_many: &'static str,
    /// Season number `{n}` refused for `{why}`.
    pub season_bad: &'static str,
    /// A season of zeros.
    pub season_all_zero: &'static str,
    /// Season month `{n}` above 10 times the average.
    pub season_too_peaked: &'static str,
    /// The months' verifications that the shape implies.
    pub month_volumes: &'static str,
    /// The further channels' legend.
    pub channels_title: &'static str,
    /// What further channels share.
    pub channels_help: &'static str,
    /// The name of further channel `{n}`.
    pub channel_n: &'static str,
    /// The button that adds a channel.
    pub add_channel: &'static str,
    /// The button that removes a channel.
    pub remove_channel: &'static str,
    /// Channels sharing a label save `{amount}` against pricing them apart.
    pub sharing: &'static str,
    /// One label's plan in words: `{label}`: `{plan}`.
    pub label_plan: &'static str,
    /// Under the chart, with further channels.
    pub chart_scaled: &'static str,
    /// A link parameter `{name}` with more than `{most}` values; `{used}` was used.
    pub notice_too_many: &'static str,
    /// A link parameter `{name}` whose value `{n}` of `{given}` is refused for `{why}`; `{used}` was used.
    pub notice_bad_item: &'static str,
    /// Why a list item was refused: not a known label.
    pub item_unknown: &'static str,
    /// Why a list item was refused: not `label:volume`.
    pub item_not_a_channel: &'static str,
    /// Why an entry of packs held was refused: not `label:calls@months`.
    pub item_not_held: &'static str,
}

/// The table of a language.
pub fn text(lang: Lang) -> &'static Text {
    match lang {
        Lang::Zh => &zh::ZH,
        Lang::En => &en::EN,
    }
}

/// `template` with each `{key}` replaced by its value.
///
/// One pass over the template: a value that itself holds `{key}` (a URL can
/// put anything into a notice) is never filled again.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let key = after.find('}').map(|close| &after[..close]);
        match key.and_then(|key| values.iter().find(|(k, _)| *k == key)) {
            Some((key, value)) => {
                out.push_str(value);
                rest = &after[key.len() + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A label's name.
pub fn label_name(label: Label, lang: Lang) -> &'static str {
    text(lang).label_names[label.index()]
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
    let noun = text(lang).calls_noun;
    let above = format::grouped_calls(tier.above.into());
    match tier.up_to {
        Some(up_to) => format!("{above} < {noun} ≤ {}", format::grouped_calls(up_to.into())),
        None => format!("{above} < {noun}"),
    }
}

/// An amount for people, e.g. `8,800.00 元` or `¥8,800.00`.
pub fn yuan(amount: Decimal, lang: Lang) -> String {
    fill(
        text(lang).yuan_amount,
        &[("amount", &format::grouped(amount))],
    )
}

/// A price per call with its currency, as the language writes it:
/// `¥0.6933 per call`, `0.6933 元/次`.
pub fn per_call_price(price: Decimal, lang: Lang) -> String {
    let amount = format::per_call(price);
    fill(text(lang).per_call_amount, &[("amount", &amount)])
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
    let index = Channel::ALL.iter().position(|&c| c == channel);
    index.map_or("", |index| text(lang).channel_names[index])
}

/// A comparison's name.
pub fn comparison_name(comparison: Comparison, lang: Lang) -> &'static str {
    let index = Comparison::ALL.iter().position(|&c| c == comparison);
    index.map_or("", |index| text(lang).comparison_names[index])
}

/// A round number in few characters: `1万` / `10k`, `1亿` / `100M`.
pub fn short_number(value: f64, lang: Lang) -> String {
    for &(size, suffix) in text(lang).short_units {
        if value >= size {
            let scaled = value / size;
            let digits = if scaled.fract().abs() < 1e-9 { 0 } else { 1 };
            return format!("{}{suffix}", fixed(scaled, digits));
        }
    }
    fixed(value, 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pricing::PriceBook;

    /// Every template, so that the languages can be checked against each other.
    fn templates(t: &Text) -> Vec<(&'static str, &'static str)> {
        vec![
            ("months_range", t.months_range),
            ("yuan_amount", t.yuan_amount),
            ("input_too_small", t.input_too_small),
            ("input_too_large", t.input_too_large),
            ("input_too_precise", t.input_too_precise),
            ("notice_repeated", t.notice_repeated),
            ("notice_unknown", t.notice_unknown),
            ("notice_bad_number", t.notice_bad_number),
            ("notice_inapplicable", t.notice_inapplicable),
            ("reason_wechat", t.reason_wechat),
            ("reason_general", t.reason_general),
            ("cliff_below", t.cliff_below),
            ("cliff_above", t.cliff_above),
            ("readout", t.readout),
            ("break_even", t.break_even),
            ("pin_bad", t.pin_bad),
            ("pin_too_many", t.pin_too_many),
            ("pins_full", t.pins_full),
            ("one_month", t.one_month),
            ("order_words", t.order_words),
            ("plan_within", t.plan_within),
            ("saving_yearly", t.saving_yearly),
            ("bought_ahead", t.bought_ahead),
            ("held_line", t.held_line),
            ("held_line_refused", t.held_line_refused),
            ("held_line_read", t.held_line_read),
            ("held_full", t.held_full),
            ("promo_through", t.promo_through),
            ("unread_note", t.unread_note),
            ("stop_down", t.stop_down),
            ("stop_up", t.stop_up),
            ("per_call_amount", t.per_call_amount),
        ]
    }

    fn placeholders(template: &str) -> Vec<&str> {
        let mut keys: Vec<&str> = template
            .split('{')
            .skip(1)
            .filter_map(|piece| piece.split_once('}').map(|(key, _)| key))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// The glossary (docs/billing.md): one term per idea, the announcement's where it
    /// has one. The words each table must not use for those ideas, and the
    /// terms it must use.
    #[test]
    fn every_text_uses_the_glossarys_terms() {
        let tables = [
            (
                include_str!("zh.rs"),
                &["优惠价", "促销", "限时优惠", "优惠月", "第几个月"][..],
                &["刊例价", "折扣价", "折扣节省", "折扣价结束", "限时8折特惠"][..],
            ),
            (
                include_str!("en.rs"),
                &["romotion", "orizon", "yuan", "Promo"][..],
                &[
                    "list price",
                    "discount price",
                    "Discount saving",
                    "discount price ends",
                ][..],
            ),
        ];
        for (source, avoided, used) in tables {
            // The visible texts only: the string literals, not the field names.
            let unescaped = source.replace("\\\"", "");
            let table: String = unescaped.split('"').skip(1).step_by(2).collect();
            for word in avoided {
                assert!(!table.contains(word), "the text table uses {word:?}");
            }
            for term in used {
                assert!(table.contains(term), "the text table lacks {term:?}");
            }
        }
    }

    #[test]
    fn every_language_fills_the_same_figures_into_each_template() {
        let chinese = templates(text(Lang::Zh));
        for lang in Lang::ALL {
            for ((name, ours), (_, theirs)) in templates(text(lang)).into_iter().zip(&chinese) {
                assert_eq!(
                    placeholders(ours),
                    placeholders(theirs),
                    "{name} in {lang:?}"
                );
                assert!(!ours.is_empty(), "{name} in {lang:?}");
            }
        }
    }

    #[test]
    fn chinese_label_names_are_the_announcements() {
        let book = PriceBook::embedded().expect("the price book parses");
        for label in Label::ALL {
            assert_eq!(label_name(label, Lang::Zh), book.label(label).name_zh);
        }
    }

    #[test]
    fn fill_replaces_every_occurrence_and_leaves_unknown_keys() {
        assert_eq!(
            fill("{a}+{a}={b} {c}", &[("a", "1"), ("b", "2")]),
            "1+1=2 {c}"
        );
        // A value is never filled again, whatever it holds.
        assert_eq!(fill("{a} {b}", &[("a", "{b}"), ("b", "x")]), "{b} x");
        assert_eq!(fill("{ {a}}", &[("a", "1")]), "{ 1}");
    }

    #[test]
    fn only_a_proven_plan_is_headed_the_cheapest() {
        let optimizer = pricing::Optimizer::embedded().expect("the price book parses");
        let mut estimate =
            pricing::Estimate::new(optimizer, &pricing::Scenario::default()).expect("an estimate");
        assert!(estimate.refined && estimate.is_proven());
        assert_eq!(plan_heading(&estimate, Lang::Zh), "最省方案");
        assert_eq!(plan_heading(&estimate, Lang::En), "Cheapest plan");
        // The quick stand-in shown while the search runs is not proven.
        estimate.refined = false;
        assert_eq!(plan_heading(&estimate, Lang::Zh), "推荐方案");
        assert_eq!(plan_heading(&estimate, Lang::En), "Recommended plan");
    }

    #[test]
    fn short_numbers_use_the_languages_units() {
        assert_eq!(short_number(10_000.0, Lang::Zh), "1万");
        assert_eq!(short_number(10_000.0, Lang::En), "10k");
        assert_eq!(short_number(150_000_000.0, Lang::Zh), "1.5亿");
        assert_eq!(short_number(999.0, Lang::En), "999");
    }
}
