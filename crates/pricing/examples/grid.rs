//! The real-book grid of the exact-plan issue: four labels x 150 … 150 000
//! calls a month x growth 0, 5, 15 % x 12, 24, 36 months x the promotion
//! lasting or ending after 6 or 12 months. Prints how many plans are proven
//! (the exact program's, or the search over runs' where its bound meets the
//! plan), how many the search over runs alone gets right, and the time per
//! recommendation: `cargo run --release -p pricing --example grid`, or with
//! another budget for the exact program's dearest month as its argument.

use std::time::{Duration, Instant};

use pricing::{Label, Optimizer, Scenario};
use rust_decimal::Decimal;

fn main() {
    let Ok(book) = pricing::PriceBook::embedded() else {
        eprintln!("the embedded price book does not parse");
        std::process::exit(1);
    };
    let mut optimizer = Optimizer::new(book);
    if let Some(budget) = std::env::args().nth(1).and_then(|arg| arg.parse().ok()) {
        optimizer = optimizer.with_exact_budget(budget);
    }
    let runs_only = Optimizer::new(book).with_exact_budget(0);
    let (mut all, mut proven, mut runs_right, mut runs_proven) = (0, 0, 0, 0);
    let mut times: Vec<Duration> = Vec::new();
    let mut unproven = Vec::new();
    for label in Label::ALL {
        for volume in [150u64, 500, 1_500, 5_000, 15_000, 50_000, 150_000] {
            for growth in [0i64, 5, 15] {
                for months in [12u32, 24, 36] {
                    for promo_months in [None, Some(6), Some(12)] {
                        let scenario = Scenario {
                            label,
                            volume,
                            months,
                            growth: Decimal::from(growth),
                            promo_months,
                            ..Scenario::default()
                        };
                        let started = Instant::now();
                        let Ok(plan) = optimizer.recommend(&scenario) else {
                            eprintln!("no plan for {scenario:?}");
                            continue;
                        };
                        times.push(started.elapsed());
                        let Ok(runs) = runs_only.recommend(&scenario) else {
                            continue;
                        };
                        all += 1;
                        proven += usize::from(plan.is_proven());
                        if plan.is_proven() {
                            runs_right += usize::from(runs.total == plan.total);
                        }
                        runs_proven += usize::from(runs.is_proven());
                        if !plan.is_proven() {
                            unproven.push((
                                label,
                                volume,
                                growth,
                                months,
                                promo_months,
                                plan.gap(),
                            ));
                        }
                    }
                }
            }
        }
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    println!("{all} scenarios: {proven} proven cheapest");
    println!("the search over runs alone: the optimum in {runs_right} of the proven, proven in {runs_proven}");
    println!(
        "time per recommendation, natively: median {:?}, p95 {:?}, max {:?}",
        at(0.5),
        at(0.95),
        at(1.0)
    );
    for (label, volume, growth, months, promo, gap) in unproven {
        println!("not proven: {label} {volume}/month growth {growth}% {months} months promo_months {promo:?}: a better plan saves at most {gap}");
    }
}
