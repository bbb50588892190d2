//! The recommendation for each label at volumes 10^2 … 10^9 over 36 months,
//! flat, growing, and with the promotion ending after 6 months (with retries
//! and expiring legacy calls), each named with whether its plan is proven,
//! with the pack tables already built (as they are after the page's first
//! computation); a whole estimate of four labels over 36 months with a
//! seasonal profile; and the one-off cost of building a table.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use pricing::{Estimate, ExtraChannel, Optimizer};
use pricing::{Label, PriceBook, PriceColumn, Scenario};
use rust_decimal::Decimal;

fn recommend(c: &mut Criterion) {
    let optimizer = Optimizer::embedded().expect("the price book parses");
    let mut group = c.benchmark_group("recommend_36_months");
    // Fewer samples: 60 scenarios, some of which take a few hundred milliseconds.
    group.sample_size(10);
    for label in Label::ALL {
        for exponent in [2u32, 4, 6, 8, 9] {
            let volume = 10u64.pow(exponent);
            let flat = Scenario {
                label,
                volume,
                months: 36,
                ..Scenario::default()
            };
            let growing = Scenario {
                growth: Decimal::from(5),
                ..flat.clone()
            };
            let promotion_ends = Scenario {
                promo_months: Some(6),
                retry: Decimal::new(125, 1),
                legacy: volume * 3,
                legacy_months: 6,
                ..growing.clone()
            };
            for (name, scenario) in [
                ("flat", flat),
                ("growth_5pct", growing),
                ("promo_6_months", promotion_ends),
            ] {
                let plan = optimizer.recommend(&scenario).expect("a plan");
                let proven = if plan.is_proven() {
                    "proven"
                } else {
                    "unproven"
                };
                group.bench_with_input(
                    BenchmarkId::new(format!("{label}/{name}"), format!("1e{exponent}/{proven}")),
                    &scenario,
                    |b, s| b.iter(|| optimizer.recommend(std::hint::black_box(s))),
                );
            }
        }
    }
    group.finish();
}

/// Four channels on four labels, a November peak of 3 and a summer trough,
/// growth and a promotion that ends: everything the page prices at once.
fn whole_estimate(c: &mut Criterion) {
    let optimizer = Optimizer::embedded().expect("the price book parses");
    let season = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3, 1].map(Decimal::from);
    let mut group = c.benchmark_group("estimate_4_labels_36_months_seasonal");
    for exponent in [4u32, 6, 9] {
        let volume = 10u64.pow(exponent);
        let extra = [
            Label::WechatCompare,
            Label::GeneralVerify,
            Label::GeneralCompare,
        ]
        .map(|label| ExtraChannel {
            label,
            volume: volume / 2,
        });
        let scenario = Scenario {
            volume,
            months: 36,
            growth: Decimal::new(15, 1),
            promo_months: Some(18),
            profile: season.to_vec(),
            extra: extra.to_vec(),
            ..Scenario::default()
        };
        Estimate::new(optimizer, &scenario).expect("an estimate");
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("1e{exponent}")),
            &scenario,
            |b, s| b.iter(|| Estimate::new(optimizer, std::hint::black_box(s))),
        );
    }
    group.finish();
}

fn build_tables(c: &mut Criterion) {
    let book = PriceBook::embedded().expect("the price book parses");
    let scenario = Scenario {
        label: Label::WechatVerify,
        column: PriceColumn::Promo,
        ..Scenario::default()
    };
    c.bench_function("first_recommendation_builds_the_table", |b| {
        b.iter(|| Optimizer::new(book).recommend(std::hint::black_box(&scenario)))
    });
}

criterion_group!(benches, recommend, whole_estimate, build_tables);
criterion_main!(benches);
