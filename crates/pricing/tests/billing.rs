//! Postpaid volume pricing and plan pricing: examples checked by hand
//! against the announcement and billing-rules.md, and properties.

mod common;

use common::{any_column, any_label, d};

use pricing::{
    month_bill, postpaid_only, price_plan, Label, Order, PriceBook, PriceColumn, Purchase, Scenario,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn bill(label: Label, column: PriceColumn, calls: u128) -> String {
    let book = PriceBook::embedded().unwrap();
    month_bill(book.label(label), column, calls).to_string()
}

fn pack(label: Label, calls: u64) -> pricing::Pack {
    let book = PriceBook::embedded().unwrap();
    *book
        .label(label)
        .packs
        .iter()
        .find(|p| p.calls == calls)
        .unwrap()
}

#[test]
fn the_cliff_at_1000_calls() {
    // billing-rules.md section 2: 1000 x 0.96 = 960, 1001 x 0.88 = 880.88.
    assert_eq!(
        bill(Label::WechatVerify, PriceColumn::Promo, 1000),
        "960.00"
    );
    assert_eq!(
        bill(Label::WechatVerify, PriceColumn::Promo, 1001),
        "880.88"
    );
    assert_eq!(bill(Label::WechatVerify, PriceColumn::List, 1000), "1200.0");
    assert_eq!(
        bill(Label::WechatVerify, PriceColumn::Promo, 10_000),
        "8800.00"
    );
    assert_eq!(bill(Label::WechatVerify, PriceColumn::Promo, 0), "0");
    assert_eq!(bill(Label::WechatVerify, PriceColumn::Promo, 1), "0.96");
}

#[test]
fn documented_examples_of_volume_pricing() {
    // FACEID 价格说明 examples quoted in billing-rules.md, priced at the
    // announcement's tiers that carry the same unit prices.
    assert_eq!(
        d(&bill(Label::GeneralVerify, PriceColumn::List, 3000)),
        d("2550")
    );
    assert_eq!(
        d(&bill(Label::GeneralCompare, PriceColumn::List, 20_000)),
        d("2200")
    );
    // Whole month at the top tier, not graduated: 200 001 x 0.64.
    assert_eq!(
        d(&bill(Label::WechatVerify, PriceColumn::Promo, 200_001)),
        d("128000.64")
    );
    // Three decimals in the unit price: 1003 x 0.104 = 104.312 -> 104.31.
    assert_eq!(
        bill(Label::GeneralCompare, PriceColumn::Promo, 1003),
        "104.31"
    );
}

#[test]
fn pack_covered_calls_do_not_count_toward_the_tier() {
    // billing-rules.md section 3: 15 000 calls with one 10 000-call pack cost
    // (15000 - 10000) x 0.85 + 8500 = 12750.
    let book = PriceBook::embedded().unwrap();
    let scenario = Scenario {
        label: Label::GeneralVerify,
        volume: 15_000,
        months: 1,
        column: PriceColumn::List,
        ..Scenario::default()
    };
    let purchase = Purchase {
        pack: pack(Label::GeneralVerify, 10_000),
        count: 1,
    };
    let priced = price_plan(
        book.label(Label::GeneralVerify),
        &scenario,
        &at(0, purchase),
    );
    assert_eq!(priced.total(), d("12750"));
    assert_eq!(priced.months[0].postpaid, 5000);
    assert_eq!(priced.months[0].tier, Some(1));
}

/// One purchase made at the start of `month` (from 0).
fn at(month: usize, purchase: Purchase) -> Vec<Order> {
    vec![Order {
        month,
        purchases: vec![purchase],
    }]
}

#[test]
fn packs_expire_twelve_months_after_purchase() {
    let book = PriceBook::embedded().unwrap();
    let scenario = Scenario {
        volume: 1000,
        months: 13,
        ..Scenario::default()
    };
    let purchase = Purchase {
        pack: pack(Label::WechatVerify, 100_000),
        count: 1,
    };
    let priced = price_plan(book.label(Label::WechatVerify), &scenario, &at(0, purchase));
    assert_eq!(priced.unused, 100_000 - 12 * 1000);
    // Month 13 is past the packs' twelve months.
    assert_eq!(priced.months[12].postpaid, 1000);
    assert_eq!(priced.total(), d("68000") + d("960"));
    assert_eq!(priced.orders[0].drawn, Some((0, 11)));
    assert_eq!(priced.orders[0].unused, 88_000);
    // Bought in month 2 instead, they last through month 13.
    let later = price_plan(book.label(Label::WechatVerify), &scenario, &at(1, purchase));
    assert_eq!(later.months[0].postpaid, 1000);
    assert_eq!(later.months[12].postpaid, 0);
    assert_eq!(later.orders[0].drawn, Some((1, 12)));
}

#[test]
fn the_earliest_bought_packs_are_used_first() {
    // 1 000 calls a month; 1 x 5 000 in month 1 and 1 x 1 000 in month 3:
    // months 1 to 5 draw on the first order, month 6 on the second.
    let book = PriceBook::embedded().unwrap();
    let scenario = Scenario {
        volume: 1000,
        months: 7,
        ..Scenario::default()
    };
    let packs = |calls, month| Order {
        month,
        purchases: vec![Purchase {
            pack: pack(Label::WechatVerify, calls),
            count: 1,
        }],
    };
    let orders = [packs(5000, 0), packs(1000, 2)];
    let priced = price_plan(book.label(Label::WechatVerify), &scenario, &orders);
    assert_eq!(priced.orders[0].drawn, Some((0, 4)));
    assert_eq!(priced.orders[1].drawn, Some((5, 5)));
    assert_eq!(priced.months[6].postpaid, 1000);
    assert_eq!(priced.unused, 0);
    assert_eq!(priced.total(), d("4400") + d("880") + d("960"));
}

#[test]
fn legacy_calls_go_first_and_expire_after_their_months() {
    let book = PriceBook::embedded().unwrap();
    let scenario = Scenario {
        volume: 1000,
        months: 14,
        legacy: 12_500,
        ..Scenario::default()
    };
    let priced = postpaid_only(book.label(Label::WechatVerify), &scenario);
    let legacy: Vec<u128> = priced.months.iter().map(|m| m.legacy).collect();
    // Usable in months 1 to 12 by default: the 500 left then are lost.
    assert_eq!(&legacy[10..], &[1000, 1000, 0, 0]);
    assert_eq!(priced.legacy_expired, 500);
    assert_eq!(priced.total(), d("960") + d("960"));
    let shorter = Scenario {
        legacy_months: 3,
        ..scenario
    };
    let priced = postpaid_only(book.label(Label::WechatVerify), &shorter);
    let used: u128 = priced.months.iter().map(|m| m.legacy).sum();
    assert_eq!((used, priced.legacy_expired), (3000, 9500));
    assert_eq!(priced.months[3].legacy, 0);
}

#[test]
fn after_the_promotion_postpaid_and_new_packs_are_at_the_list_price() {
    let book = PriceBook::embedded().unwrap();
    let scenario = Scenario {
        volume: 1000,
        months: 14,
        promo_months: Some(13),
        ..Scenario::default()
    };
    let prices = book.label(Label::WechatVerify);
    let pack = Purchase {
        pack: pack(Label::WechatVerify, 1000),
        count: 1,
    };
    let twice = [at(0, pack), at(12, pack)].concat();
    let priced = price_plan(prices, &scenario, &twice);
    // Month 1 buys at 880 (promotional), month 13 still promotional; month
    // 14's postpaid bill is at the list price, 1.2 x 1000.
    assert_eq!(priced.packs_cost, d("1760"));
    assert_eq!(priced.months[13].column, PriceColumn::List);
    assert_eq!(priced.months[13].bill, d("1200"));
    let earlier = Scenario {
        promo_months: Some(12),
        ..scenario
    };
    let priced = price_plan(prices, &earlier, &twice);
    assert_eq!(priced.packs_cost, d("880") + d("1100"));
}

proptest! {
    #[test]
    fn a_month_is_billed_whole_at_its_tier(label in any_label(), column in any_column(), calls in 1u128..2_000_000) {
        let book = PriceBook::embedded().unwrap();
        let prices = book.label(label);
        let tier = prices.tiers.iter().find(|t| t.contains(calls)).unwrap();
        let exact = Decimal::from(calls as u64) * tier.unit.get(column);
        let billed = month_bill(prices, column, calls);
        prop_assert!((billed - exact).abs() <= d("0.005"));
        prop_assert_eq!(billed.round_dp(2), billed);
    }

    #[test]
    fn within_a_tier_more_calls_never_cost_less(label in any_label(), column in any_column(), calls in 1u128..2_000_000) {
        let prices = PriceBook::embedded().unwrap().label(label);
        if prices.tier_index(calls) == prices.tier_index(calls + 1) {
            prop_assert!(month_bill(prices, column, calls + 1) >= month_bill(prices, column, calls));
        }
    }

    #[test]
    fn every_call_is_paid_once(
        label in any_label(),
        volume in 0u64..3_000_000,
        months in 1u32..=36,
        legacy in 0u64..5_000_000,
        growth in -500i64..=1000,
        counts in proptest::collection::vec(0u64..4, 4),
        bought_in in proptest::collection::vec(0usize..14, 4),
        promo_months in proptest::option::of(0u32..=37),
        retry in 0i64..=30_000,
        legacy_months in 1u32..=12,
    ) {
        let book = PriceBook::embedded().unwrap();
        let prices = book.label(label);
        let scenario = Scenario {
            label, volume, months, legacy, growth: Decimal::new(growth, 1),
            promo_months, retry: Decimal::new(retry, 2), legacy_months,
            ..Scenario::default()
        };
        // Orders in any months, some past the horizon (never used nor paid).
        let orders: Vec<Order> = counts.iter().zip(&bought_in)
            .scan(0, |month, (&count, &gap)| { *month += gap; Some((*month, count)) })
            .filter(|&(_, count)| count > 0)
            .map(|(month, count)| Order { month, purchases: vec![Purchase { pack: prices.packs[prices.packs.len() / 2], count }] })
            .collect();
        let priced = price_plan(prices, &scenario, &orders);
        let volumes = scenario.month_volumes();
        prop_assert_eq!(priced.months.len(), months as usize);
        let mut from_packs = 0;
        for (month, (line, calls)) in priced.months.iter().zip(&volumes).enumerate() {
            prop_assert_eq!(line.legacy + line.packs + line.postpaid, *calls);
            prop_assert_eq!(line.column, scenario.column_in(month));
            prop_assert_eq!(line.bill, month_bill(prices, line.column, line.postpaid));
            prop_assert!(line.legacy == 0 || month < legacy_months as usize);
            prop_assert!(line.verifications <= line.calls);
            from_packs += line.packs;
        }
        let in_horizon = orders.iter().filter(|o| o.month < months as usize);
        let capacity: u128 = in_horizon.clone().map(Order::calls).sum();
        prop_assert_eq!(from_packs + priced.unused, capacity);
        prop_assert_eq!(priced.orders.len(), in_horizon.count());
        let paid: Decimal = priced.orders.iter().map(|o| o.cost).sum();
        prop_assert_eq!(priced.packs_cost, paid);
        let legacy_used: u128 = priced.months.iter().map(|m| m.legacy).sum();
        let usable: u128 = volumes.iter().take(legacy_months as usize).sum();
        prop_assert_eq!(legacy_used, u128::from(legacy).min(usable));
        prop_assert_eq!(legacy_used + priced.legacy_expired, u128::from(legacy));
        let sum: Decimal = priced.months.iter().map(|m| m.bill).sum();
        prop_assert_eq!(priced.postpaid_cost, sum);
    }
}
