//! Packs the customer already holds (`held`): used after legacy calls and
//! before the packs the plan buys, earliest-expiring first, each only until
//! its month; what is left then is lost and reported.

mod common;

use common::{any_column, any_label};
use pricing::{price_plan, Estimate, Held, Label, Optimizer, PriceBook, PriceColumn, Scenario};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn optimizer() -> &'static Optimizer<'static> {
    Optimizer::embedded().unwrap()
}

fn estimate(scenario: &Scenario) -> Estimate {
    Estimate::new(optimizer(), scenario).unwrap()
}

/// What a test compares of two estimates: every label's orders and total.
fn plans(estimate: &Estimate) -> Vec<(Label, Vec<pricing::Order>, Decimal)> {
    let labels = estimate.labels.iter();
    labels
        .map(|l| (l.label, l.best.orders.clone(), l.best.total))
        .collect()
}

/// 微信活体人脸核身 at the promotional price, 10,000 calls a month for 12
/// months, holding 30,000 calls usable for 3 months. By hand: the held calls
/// cover months 1-3 exactly (10,000 each), and months 4-12 need 90,000 calls.
/// Postpaid costs 8,800.00 a month (0.88 a call in the 1,000-10,000 tier);
/// nine 10,000-packs cost 9 x 7,600 = 68,400; one 100,000-pack 68,000 in
/// month 4 covers all nine months and leaves 10,000 unused. Every mix with
/// postpaid months costs more (8 x 7,600 + 8,800 = 69,600), so the plan is
/// 1 x 100,000 in month 4: 68,000.00, against 83,200.00 without the held calls.
#[test]
fn thirty_thousand_held_for_three_months_by_hand() {
    let scenario = Scenario {
        held: vec![Held {
            label: Label::WechatVerify,
            calls: 30_000,
            months: 3,
        }],
        ..Scenario::default()
    };
    let estimate = estimate(&scenario);
    let main = estimate.main();
    assert_eq!(main.best.orders.len(), 1);
    let order = &main.best.orders[0];
    assert_eq!(order.month, 3, "bought at the start of month 4");
    assert_eq!(
        (order.purchases.len(), order.purchases[0].pack.calls),
        (1, 100_000)
    );
    assert_eq!(order.purchases[0].count, 1);
    assert_eq!(estimate.best_total(), Decimal::from(68_000));
    assert_eq!(main.best.unused, 10_000);
    let held: Vec<u128> = main.best_bill.months.iter().map(|m| m.held).collect();
    assert_eq!(held, [10_000, 10_000, 10_000, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(estimate.held_expired(), 0);
    assert!(main.best.is_proven());
    let without = self::estimate(&Scenario::default());
    assert_eq!(without.best_total(), Decimal::from(83_200));
}

#[test]
fn held_calls_expire_after_their_month_and_are_reported_lost() {
    // 50,000 held for 2 months of 10,000: 30,000 are lost.
    let scenario = Scenario {
        held: vec![Held {
            label: Label::WechatVerify,
            calls: 50_000,
            months: 2,
        }],
        ..Scenario::default()
    };
    let estimate = estimate(&scenario);
    let months = &estimate.main().best_bill.months;
    assert_eq!(
        (months[0].held, months[1].held, months[2].held),
        (10_000, 10_000, 0)
    );
    assert_eq!(estimate.held_expired(), 30_000);
    assert_eq!(estimate.held_used(), 20_000);
}

#[test]
fn legacy_goes_first_then_held_earliest_expiring_first() {
    let scenario = Scenario {
        legacy: 5_000,
        legacy_months: 12,
        held: vec![
            Held {
                label: Label::WechatVerify,
                calls: 20_000,
                months: 12,
            },
            Held {
                label: Label::WechatVerify,
                calls: 8_000,
                months: 1,
            },
        ],
        ..Scenario::default()
    };
    let bill = price_plan(
        PriceBook::embedded().unwrap().label(Label::WechatVerify),
        &scenario,
        &[],
    );
    // Month 1: 5,000 legacy, then 5,000 of the entry expiring first; the
    // rest of it (3,000) is lost. Months 2-3 draw the other entry.
    let first = &bill.months[0];
    assert_eq!(
        (first.legacy, first.held, first.postpaid),
        (5_000, 5_000, 0)
    );
    assert_eq!((bill.months[1].held, bill.months[2].held), (10_000, 10_000));
    assert_eq!((bill.months[3].held, bill.months[3].postpaid), (0, 10_000));
    assert_eq!((bill.legacy_expired, bill.held_expired), (0, 3_000));
}

#[test]
fn held_on_a_label_no_channel_bills_is_lost() {
    let idle = Held {
        label: Label::GeneralCompare,
        calls: 7_000,
        months: 6,
    };
    let scenario = Scenario {
        held: vec![idle],
        ..Scenario::default()
    };
    let with = estimate(&scenario);
    assert_eq!(plans(&with), plans(&estimate(&Scenario::default())));
    assert_eq!(with.held_expired(), 7_000);
}

fn any_held(label: Label) -> impl Strategy<Value = Vec<Held>> {
    let entry = (0u64..60_000, 1u32..=12).prop_map(move |(calls, months)| Held {
        label,
        calls,
        months,
    });
    prop::collection::vec(entry, 1..=4)
}

fn any_small_scenario() -> impl Strategy<Value = Scenario> {
    (
        any_label(),
        any_column(),
        0u64..15_000,
        1u32..=24,
        -20i64..=40,
        prop::option::of(0u32..=24),
    )
        .prop_map(
            |(label, column, volume, months, growth, promo_months)| Scenario {
                label,
                column,
                volume,
                months,
                growth: Decimal::new(growth, 1),
                promo_months: promo_months.filter(|_| column == PriceColumn::Promo),
                ..Scenario::default()
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Held entries of no calls change nothing.
    #[test]
    fn held_calls_of_zero_change_nothing(
        scenario in any_small_scenario(),
        months in prop::collection::vec(1u32..=12, 1..=8),
    ) {
        let held = months
            .into_iter()
            .map(|months| Held { label: scenario.label, calls: 0, months })
            .collect();
        let with = estimate(&Scenario { held, ..scenario.clone() });
        let without = estimate(&scenario);
        prop_assert_eq!(plans(&with), plans(&without));
        prop_assert_eq!(with.held_expired(), 0);
    }

    /// One held entry on the label is the same, for the plan, as a legacy
    /// balance of those calls for those months: both come off the month
    /// volumes before any pack is bought. Same orders, same total; the
    /// calls lost are reported as held instead of legacy.
    #[test]
    fn one_held_entry_plans_like_the_same_legacy_balance(
        scenario in any_small_scenario(),
        calls in 0u64..80_000,
        months in 1u32..=12,
    ) {
        let held = Held { label: scenario.label, calls, months };
        let with_held = estimate(&Scenario { held: vec![held], ..scenario.clone() });
        let with_legacy = estimate(&Scenario { legacy: calls, legacy_months: months, ..scenario });
        prop_assert_eq!(plans(&with_held), plans(&with_legacy));
        prop_assert_eq!(with_held.held_expired(), with_legacy.legacy_expired());
        prop_assert_eq!(with_held.legacy_expired(), 0);
    }

    /// The order the entries are given in does not matter.
    #[test]
    fn held_entries_in_any_order_give_the_same_estimate(
        scenario in any_small_scenario(),
        held in any_held(Label::WechatVerify),
        turn in 0usize..4,
    ) {
        let held: Vec<Held> = held.into_iter().map(|h| Held { label: scenario.label, ..h }).collect();
        let mut other = held.clone();
        other.reverse();
        let turn = turn % other.len();
        other.rotate_left(turn);
        let given = estimate(&Scenario { held, ..scenario.clone() });
        let reordered = estimate(&Scenario { held: other, ..scenario });
        prop_assert_eq!(plans(&given), plans(&reordered));
        prop_assert_eq!(given.held_expired(), reordered.held_expired());
    }

    /// Held calls are never drawn after their month, and every held call is
    /// either drawn or lost. (They do not always lower the bill: one call
    /// held against 10,001 a month leaves 10,000 for postpaid, whose tier is
    /// dearer per call: the rules' cliff, which no plan can avoid, as held
    /// calls are drawn first.)
    #[test]
    fn held_calls_are_drawn_or_lost(
        scenario in any_small_scenario(),
        held in any_held(Label::WechatVerify),
    ) {
        let held: Vec<Held> = held.into_iter().map(|h| Held { label: scenario.label, ..h }).collect();
        let last = held.iter().map(|h| h.months).max().unwrap_or(0) as usize;
        let total: u64 = held.iter().map(|h| h.calls).sum();
        let with = estimate(&Scenario { held, ..scenario });
        let months = &with.main().best_bill.months;
        prop_assert!(months.iter().skip(last).all(|m| m.held == 0));
        prop_assert_eq!(with.held_used() + with.held_expired(), u128::from(total));
    }
}
