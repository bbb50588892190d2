//! The recommendation at volumes 10^2 … 10^9 over 36 months, with the pack
//! tables already built (as they are after the page's first computation),
//! and the one-off cost of building a table.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use pricing::Optimizer;
use pricing::{Label, PriceBook, PriceColumn, Scenario};
use rust_decimal::Decimal;

fn recommend(c: &mut Criterion) {
    let optimizer = Optimizer::embedded().expect("the price book parses");
    let mut group = c.benchmark_group("recommend_36_months");
    for exponent in [2u32, 4, 6, 8, 9] {
        let volume = 10u64.pow(exponent);
        for (name, growth) in [("flat", Decimal::ZERO), ("growth_5pct", Decimal::from(5))] {
            let scenario = Scenario {
                volume,
                months: 36,
                growth,
                ..Scenario::default()
            };
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
