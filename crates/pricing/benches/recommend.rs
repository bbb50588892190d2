//! The recommendation at volumes 10^2 … 10^9 over 36 months, flat, growing,
//! and with the promotion ending after 6 months (with retries and expiring
//! legacy calls), with the pack tables already built (as they are after the
//! page's first computation), and the one-off cost of building a table.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use pricing::Optimizer;
use pricing::{Label, PriceBook, PriceColumn, Scenario};
use rust_decimal::Decimal;

fn recommend(c: &mut Criterion) {
    let optimizer = Optimizer::embedded().expect("the price book parses");
    let mut group = c.benchmark_group("recommend_36_months");
    for exponent in [2u32, 4, 6, 8, 9] {
        let volume = 10u64.pow(exponent);
        let flat = Scenario {
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
            optimizer.recommend(&scenario).expect("a plan");
            group.bench_with_input(
                BenchmarkId::new(name, format!("1e{exponent}")),
                &scenario,
                |b, s| b.iter(|| optimizer.recommend(std::hint::black_box(s))),
            );
        }
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

criterion_group!(benches, recommend, build_tables);
criterion_main!(benches);
