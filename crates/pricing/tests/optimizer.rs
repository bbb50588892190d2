//! The yearly plan (packs bought at months 1, 13 and 25 only) against
//! exhaustive search and a search over every capacity; the any-month plan
//! against the yearly one, its own re-pricing and hand-checked cases. The
//! any-month plan's own references are in `any_month.rs`.

mod common;

use common::{any_column, any_label, d, scenario};

use pricing::Optimizer;
use pricing::{month_bill, price_plan, Order, Purchase};
use pricing::{Calls, ExtraChannel, Held, Label, LabelPrices, PriceBook, PriceColumn, Scenario};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn book() -> &'static PriceBook {
    PriceBook::embedded().unwrap()
}

fn optimizer() -> &'static Optimizer<'static> {
    pricing::Optimizer::embedded().unwrap()
}

/// The yearly plan's total, re-priced.
fn yearly_total(optimizer: &Optimizer<'_>, scenario: &Scenario) -> Decimal {
    let orders = optimizer.yearly_plan(scenario).unwrap();
    price_plan(optimizer.book().label(scenario.label), scenario, &orders).total()
}

/// Packs bought in the first month, as an order list.
fn at_start(purchases: Vec<Purchase>) -> Vec<Order> {
    vec![Order {
        month: 0,
        purchases,
    }]
}

/// Every multiset of packs worth trying for `calls` calls, as counts per pack:
/// largest packs first, each pack added only while the capacity so far falls
/// short of the calls. Any other multiset holds a pack that can be dropped
/// without leaving a call uncovered, and so costs more for the same bill.
fn multisets(prices: &LabelPrices, calls: u64) -> Vec<Vec<u64>> {
    fn extend(
        sizes: &[u64],
        calls: u64,
        used: u64,
        counts: &mut Vec<u64>,
        out: &mut Vec<Vec<u64>>,
    ) {
        let Some((&size, smaller)) = sizes.split_last() else {
            let mut ascending = counts.clone();
            ascending.reverse();
            out.push(ascending);
            return;
        };
        let mut count = 0;
        loop {
            counts.push(count);
            extend(smaller, calls, used + count * size, counts, out);
            counts.pop();
            if used + count * size >= calls {
                break;
            }
            count += 1;
        }
    }
    let sizes: Vec<u64> = prices.packs.iter().map(|p| p.calls).collect();
    let mut out = Vec::new();
    extend(&sizes, calls, 0, &mut Vec::new(), &mut out);
    out
}

fn purchases(prices: &LabelPrices, counts: &[u64]) -> Vec<Purchase> {
    prices
        .packs
        .iter()
        .zip(counts)
        .filter(|(_, n)| **n > 0)
        .map(|(pack, &count)| Purchase { pack: *pack, count })
        .collect()
}

/// The best (total, unused, packs) over every multiset bought at the start of a single window.
fn exhaustive_single_window(scenario: &Scenario) -> (Decimal, Calls, u64) {
    let prices = book().label(scenario.label);
    let calls: Calls = scenario.month_volumes().iter().sum();
    multisets(prices, calls as u64)
        .iter()
        .map(|counts| {
            let bill = price_plan(prices, scenario, &at_start(purchases(prices, counts)));
            (bill.total(), bill.unused, counts.iter().sum())
        })
        .min()
        .unwrap()
}

/// The least total found by trying every capacity (in units of the packs'
/// greatest common divisor) with a plain knapsack table, window by window:
/// a slower second method that shares nothing with the optimizer.
fn capacity_search(prices: &LabelPrices, scenario: &Scenario) -> Decimal {
    let unit = prices.packs.iter().fold(0, |g, p| gcd(g, p.calls));
    let largest = prices.packs.iter().map(|p| p.calls / unit).max().unwrap() as usize;
    let mut legacy = Calls::from(scenario.legacy);
    let residual: Vec<Calls> = scenario
        .month_volumes()
        .into_iter()
        .enumerate()
        .map(|(month, v)| {
            let usable = month < scenario.legacy_months as usize;
            let used = if usable { legacy.min(v) } else { 0 };
            legacy -= used;
            v - used
        })
        .collect();
    // The promotional price until the promotion ends, then the list price.
    let column_in = |month: usize| match scenario.promo_months {
        Some(promo) if scenario.column == PriceColumn::Promo && month >= promo as usize => {
            PriceColumn::List
        }
        _ => scenario.column,
    };
    scenario
        .windows()
        .into_iter()
        .map(|months| {
            let column = column_in(months.start);
            let first = months.start;
            let window = &residual[months];
            let calls: Calls = window.iter().sum();
            let limit = (calls as usize).div_ceil(unit as usize) + largest + 1;
            let mut cheapest: Vec<Option<Decimal>> = vec![None; limit + 1];
            cheapest[0] = Some(Decimal::ZERO);
            for k in 1..=limit {
                cheapest[k] = prices
                    .packs
                    .iter()
                    .filter_map(|p| {
                        let before = cheapest
                            .get(k.checked_sub((p.calls / unit) as usize)?)
                            .copied()
                            .flatten()?;
                        Some(before + p.price.get(column))
                    })
                    .min();
            }
            (0..=limit)
                .filter_map(|k| {
                    let mut capacity = k as Calls * Calls::from(unit);
                    let postpaid: Decimal = window
                        .iter()
                        .enumerate()
                        .map(|(at, &v)| {
                            let covered = capacity.min(v);
                            capacity -= covered;
                            month_bill(prices, column_in(first + at), v - covered)
                        })
                        .sum();
                    Some(cheapest[k]? + postpaid)
                })
                .min()
                .unwrap()
        })
        .sum()
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// A price book with the real tier bounds but made-up packs and prices, the
/// same for every label, so that the optimizer meets structures the
/// announcement does not have.
fn made_up_book(packs: &[(u64, u64)], tiers: &[u64]) -> PriceBook {
    let cell = |cents: u64| {
        format!(
            "{{ list = \"{}\", promo = \"{}\" }}",
            Decimal::new(cents as i64 * 2, 2),
            Decimal::new(cents as i64, 2)
        )
    };
    let mut text = String::from("version = \"test\"\n");
    for label in Label::ALL {
        text += &format!("[labels.{label}]\nzh = \"{label}\"\n");
    }
    let mut sizes: Vec<(u64, u64)> = packs.to_vec();
    sizes.sort_unstable();
    sizes.dedup_by_key(|p| p.0);
    for (calls, cents) in sizes {
        text += &format!("[[packs]]\ncalls = {calls}\n");
        for label in Label::ALL {
            text += &format!("{label} = {}\n", cell(cents));
        }
    }
    let bounds = [
        (0, Some(1000)),
        (1000, Some(10_000)),
        (10_000, Some(100_000)),
        (100_000, Some(200_000)),
        (200_000, None),
    ];
    for ((above, up_to), &tenths_of_fen) in bounds.iter().zip(tiers) {
        text += &format!("[[tiers]]\nabove = {above}\n");
        if let Some(up_to) = up_to {
            text += &format!("up-to = {up_to}\n");
        }
        for label in Label::ALL {
            // Unit prices with three decimals, as 0.104 is.
            let unit = Decimal::new(tenths_of_fen as i64, 3);
            text += &format!(
                "{label} = {{ list = \"{}\", promo = \"{unit}\" }}\n",
                unit * Decimal::from(2)
            );
        }
    }
    PriceBook::parse(&text).unwrap()
}

/// What the announcement leaves open: when the promotion ends, billed
/// retries (in hundredths of a percent), when legacy packs expire, and the
/// months' shape (multipliers in hundredths).
#[derive(Clone, Debug)]
struct Realism {
    promo_months: Option<u32>,
    retry: i64,
    legacy_months: u32,
    profile: Vec<i64>,
}

impl Realism {
    fn apply(self, scenario: Scenario) -> Scenario {
        Scenario {
            promo_months: self.promo_months,
            retry: Decimal::new(self.retry, 2),
            legacy_months: self.legacy_months,
            profile: self.profile.iter().map(|&w| Decimal::new(w, 2)).collect(),
            ..scenario
        }
    }
}

/// Realism for a horizon of up to `months`: the promotion ending anywhere in
/// it (or not at all), up to 300 % retries, legacy expiring in any month, and
/// flat months or a profile of 1 to 12 multipliers from 0 to 10.
fn any_realism(months: u32) -> impl Strategy<Value = Realism> {
    (
        prop::option::of(0..=months + 1),
        prop_oneof![Just(0i64), 0i64..=30_000],
        1u32..=12,
        prop_oneof![
            Just(Vec::new()),
            prop::collection::vec(0i64..=1_000, 1..=12)
        ],
    )
        .prop_map(|(promo_months, retry, legacy_months, profile)| Realism {
            promo_months,
            retry,
            legacy_months,
            profile,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_yearly_plan_matches_exhaustive_search_over_pack_multisets(
        label in any_label(), column in any_column(), volume in 0u64..=1_000, months in 1u32..=3,
        growth in -200i64..=300, legacy in 0u64..=1_500, realism in any_realism(3),
    ) {
        let scenario = realism.apply(scenario(label, column, volume, months, growth, legacy));
        let orders = optimizer().yearly_plan(&scenario).unwrap();
        let bill = price_plan(book().label(label), &scenario, &orders);
        let packs = orders.iter().map(Order::packs).sum();
        let best = exhaustive_single_window(&scenario);
        prop_assert_eq!((bill.total(), bill.unused, packs), best);
        // Buying in any month includes buying in the first.
        let found = optimizer().recommend(&scenario).unwrap();
        prop_assert!((found.total, found.unused, found.pack_count()) <= best);
    }

    #[test]
    fn matches_a_search_over_every_capacity(
        label in any_label(), column in any_column(), volume in 0u64..=60_000, months in 1u32..=26,
        growth in -100i64..=200, legacy in 0u64..=100_000, realism in any_realism(26),
    ) {
        let scenario = realism.apply(scenario(label, column, volume, months, growth, legacy));
        let yearly = capacity_search(book().label(label), &scenario);
        prop_assert_eq!(yearly_total(optimizer(), &scenario), yearly);
        let found = optimizer().recommend(&scenario).unwrap();
        prop_assert!(found.total <= yearly);
        prop_assert!(found.lower_bound <= found.total);
    }

    #[test]
    fn matches_a_search_over_every_capacity_at_high_volume(
        label in any_label(), column in any_column(), volume in 500_000u64..=5_000_000, months in 1u32..=2,
        growth in -100i64..=100, realism in any_realism(2),
    ) {
        // Window volumes past the pack table's end exercise the periodic part.
        let scenario = realism.apply(scenario(label, column, volume, months, growth, 0));
        let yearly = capacity_search(book().label(label), &scenario);
        prop_assert_eq!(yearly_total(optimizer(), &scenario), yearly);
        prop_assert!(optimizer().recommend(&scenario).unwrap().total <= yearly);
    }

    #[test]
    fn reported_plans_reprice_to_the_reported_figures(
        label in any_label(), column in any_column(), volume in 0u64..=1_000_000_000, months in 1u32..=36,
        growth in -500i64..=1000, legacy in 0u64..=10_000_000, realism in any_realism(36),
    ) {
        let scenario = realism.apply(scenario(label, column, volume, months, growth, legacy));
        let found = optimizer().recommend(&scenario).unwrap();
        let prices = book().label(label);
        let repriced = price_plan(prices, &scenario, &found.orders);
        prop_assert_eq!(repriced.total(), found.total);
        prop_assert_eq!(repriced.unused, found.unused);
        prop_assert!(found.lower_bound <= found.total);
        prop_assert!(found.total <= yearly_total(optimizer(), &scenario));
        // Orders come in purchase order, one per month, each used before it expires.
        prop_assert!(found.orders.windows(2).all(|pair| pair[0].month < pair[1].month));
        for (order, used) in found.orders.iter().zip(&repriced.orders) {
            prop_assert!(order.packs() > 0);
            if let Some((first, last)) = used.drawn {
                prop_assert!(order.month <= first && last <= order.last_valid_month());
            }
        }
    }

    #[test]
    fn never_costs_more_than_postpaid_or_one_pack_size(
        label in any_label(), column in any_column(), volume in 0u64..=5_000_000, months in 1u32..=36,
        growth in -100i64..=100, extra in 0u64..3,
    ) {
        let scenario = scenario(label, column, volume, months, growth, 0);
        let found = optimizer().recommend(&scenario).unwrap();
        let prices = book().label(label);
        let postpaid = price_plan(prices, &scenario, &[]).total();
        prop_assert!(found.total <= postpaid);
        let volumes = scenario.month_volumes();
        for pack in &prices.packs {
            // Per window: just enough packs of this size, one fewer, or a few more.
            let plan: Vec<Order> = scenario.windows().into_iter().map(|months| {
                let month = months.start;
                let calls: Calls = volumes[months].iter().sum();
                let count = (calls as u64).div_ceil(pack.calls);
                Order { month, purchases: vec![Purchase { pack: *pack, count: count.saturating_sub(1) + extra }] }
            }).filter(|order| order.packs() > 0).collect();
            prop_assert!(found.total <= price_plan(prices, &scenario, &plan).total());
        }
    }
}

proptest! {
    // Many cases: the rarer branches (a tier range spanning three or more
    // periods of the table) show up only with some price shapes.
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn matches_a_search_over_every_capacity_for_made_up_prices(
        packs in proptest::collection::vec((1u64..=30, 50u64..=5_000), 1..=4),
        tiers in proptest::collection::vec(1u64..=1_500, 5),
        volume in 0u64..=60_000, months in 1u32..=14, growth in -100i64..=200, legacy in 0u64..=5_000,
        realism in any_realism(14),
    ) {
        // Pack sizes are multiples of 100 calls and unit prices have three
        // decimals, the shapes for which the optimizer promises exactness.
        let packs: Vec<(u64, u64)> = packs.into_iter().map(|(hundreds, cents)| (hundreds * 100, cents * hundreds)).collect();
        let book = made_up_book(&packs, &tiers);
        let optimizer = Optimizer::new(&book);
        let scenario = realism.apply(scenario(Label::GeneralCompare, PriceColumn::Promo, volume, months, growth, legacy));
        let found = optimizer.recommend(&scenario).unwrap();
        let prices = book.label(Label::GeneralCompare);
        let yearly = capacity_search(prices, &scenario);
        prop_assert_eq!(yearly_total(&optimizer, &scenario), yearly);
        prop_assert!(found.total <= yearly);
        prop_assert!(found.lower_bound <= found.total);
        prop_assert_eq!(price_plan(prices, &scenario, &found.orders).total(), found.total);
    }
}

#[test]
fn a_pack_that_covers_slightly_less_is_the_cheaper_choice() {
    // 通用活体人脸核身, promotional, one month of 6 050 calls:
    // - postpaid only: 6 050 x 0.68 = 4 114.00;
    // - 5 000 + 1 000 + 100 packs cover all: 3 375 + 697.5 + 74.25 = 4 146.75;
    // - 5 000 + 1 000 packs leave 50 calls at 0.8: 4 072.5 + 40 = 4 112.50;
    // - one 5 000 pack leaves 1 050 calls, above the 1 000 cliff, at 0.68:
    //   3 375 + 714 = 4 089.00, the cheapest.
    let scenario = Scenario {
        label: Label::GeneralVerify,
        volume: 6_050,
        months: 1,
        ..Scenario::default()
    };
    let found = optimizer().recommend(&scenario).unwrap();
    assert_eq!(found.total, d("4089.00"));
    assert_eq!(found.strategy, pricing::Strategy::PacksAndPostpaid);
    let bought: Vec<(u64, u64)> = found.orders[0]
        .purchases
        .iter()
        .map(|p| (p.pack.calls, p.count))
        .collect();
    assert_eq!(bought, vec![(5_000, 1)]);
}

#[test]
fn billing_rules_example_with_one_10000_pack() {
    // billing-rules.md: 15 000 calls with one 10 000-call pack cost 12 750 at
    // the list price of 通用活体人脸核身; postpaid alone is 15 000 x 0.75 = 11 250,
    // so the optimizer must not recommend that pack.
    let scenario = Scenario {
        label: Label::GeneralVerify,
        column: PriceColumn::List,
        volume: 15_000,
        months: 1,
        ..Scenario::default()
    };
    let found = optimizer().recommend(&scenario).unwrap();
    assert_eq!(found.total, d("11250"));
    assert_eq!(found.strategy, pricing::Strategy::PostpaidOnly);
}

#[test]
fn a_year_of_a_million_calls_a_month_buys_packs() {
    // 12 x 1 000 000 calls of 微信活体人脸核身 at the promotional price:
    // postpaid 12 x 640 000 = 7 680 000; twelve 1 000 000-call packs cost the
    // same per call (0.64), so the tie goes to no unused calls and fewer packs.
    let scenario = Scenario {
        volume: 1_000_000,
        months: 12,
        ..Scenario::default()
    };
    let found = optimizer().recommend(&scenario).unwrap();
    assert_eq!(found.total, d("7680000"));
    assert_eq!(found.unused, 0);
}

#[test]
fn the_top_of_the_range_neither_panics_nor_overflows() {
    for label in Label::ALL {
        for column in PriceColumn::ALL {
            for growth in ["100", "0", "-50"] {
                let scenario = Scenario {
                    label,
                    column,
                    volume: 1_000_000_000,
                    months: 36,
                    growth: d(growth),
                    legacy: 1_000_000_000_000,
                    promo_months: Some(13),
                    retry: d("300"),
                    legacy_months: 12,
                    // The largest shape, on three more channels of the label.
                    profile: vec![d("10"); 12],
                    extra: vec![
                        ExtraChannel {
                            label,
                            volume: 1_000_000_000
                        };
                        3
                    ],
                    // Eight entries held at the top of their range.
                    held: vec![
                        Held {
                            label,
                            calls: 1_000_000_000_000,
                            months: 12
                        };
                        8
                    ],
                };
                let found = optimizer().recommend(&scenario).unwrap();
                let repriced = price_plan(book().label(label), &scenario, &found.orders);
                assert_eq!(repriced.total(), found.total, "{label} {column:?} {growth}");
            }
        }
    }
}

#[test]
fn a_promotion_that_ends_after_a_year() {
    // 微信活体人脸核身, 10 000 calls a month for 36 months, promotional price
    // for the first 12. Buying yearly: 100 000 + 2 x 10 000 at the
    // promotional price covers year 1 (68 000 + 15 200 = 83 200); years 2
    // and 3 buy the same at the list price (85 000 + 19 000 = 104 000 each):
    // 291 200. Buying in any month: year 1 as before; in month 12, the last
    // at the promotional price, 100 000 + 10 000 (75 600) bought ahead for
    // months 13 to 23, which they reach; months 24 to 36 (130 000 calls) at
    // the list price: 100 000 + 2 x 10 000 in month 24 for months 24 to 35,
    // and 10 000 for month 36, which month 24's packs do not reach, bought
    // when it is needed (85 000 + 19 000 + 9 500 = 113 500): 272 300.
    // Postpaid: 12 x 8 800 + 24 x 11 000 = 369 600.
    let scenario = Scenario {
        months: 36,
        promo_months: Some(12),
        ..Scenario::default()
    };
    let found = optimizer().recommend(&scenario).unwrap();
    assert_eq!(found.total, d("272300.00"));
    let months: Vec<usize> = found.orders.iter().map(|o| o.month + 1).collect();
    assert_eq!(months, vec![1, 12, 24, 36]);
    assert_eq!(yearly_total(optimizer(), &scenario), d("291200.00"));
    let postpaid = price_plan(book().label(Label::WechatVerify), &scenario, &[]);
    assert_eq!(postpaid.total(), d("369600.00"));
    // Without the end, every year is at the promotional price: 3 x 83 200.
    let forever = Scenario {
        promo_months: None,
        ..scenario
    };
    assert_eq!(
        optimizer().recommend(&forever).unwrap().total,
        d("249600.00")
    );
}

#[test]
fn legacy_calls_cover_the_first_year_then_expire() {
    // The same 36 months at the promotional price with 1 000 000 legacy calls
    // usable in the first 12 months: year 1 is free, 880 000 legacy calls
    // expire, and years 2 and 3 cost 83 200 each: 166 400.
    let scenario = Scenario {
        months: 36,
        legacy: 1_000_000,
        legacy_months: 12,
        ..Scenario::default()
    };
    let found = optimizer().recommend(&scenario).unwrap();
    assert_eq!(found.total, d("166400.00"));
    let bill = price_plan(book().label(Label::WechatVerify), &scenario, &found.orders);
    assert_eq!(bill.legacy_expired, 880_000);
    assert_eq!(bill.months[11].legacy, 10_000);
    assert_eq!(bill.months[12].legacy, 0);
}

#[test]
fn packs_bought_before_the_promotion_ends_keep_its_price() {
    // One window of 12 months with the promotion ending after month 3: the
    // packs bought in month 1 are at the promotional price; postpaid months
    // after the third are at the list price.
    let scenario = Scenario {
        volume: 10_000,
        months: 12,
        promo_months: Some(3),
        ..Scenario::default()
    };
    let found = optimizer().recommend(&scenario).unwrap();
    assert_eq!(found.total, d("83200.00"), "as if the promotion lasted");
    let postpaid = price_plan(book().label(Label::WechatVerify), &scenario, &[]);
    assert_eq!(postpaid.total(), d("125400.00"), "3 x 8 800 + 9 x 11 000");
}
