use std::time::Instant;
use pricing::{Label, Optimizer, Scenario};
use rust_decimal::Decimal;
fn main() {
    let a: Vec<String> = std::env::args().collect();
    let book = pricing::PriceBook::embedded().unwrap();
    let opt = Optimizer::new(book).with_exact_budget(a[6].parse().unwrap());
    let label = Label::ALL.into_iter().find(|l| l.to_string() == a[1]).unwrap();
    let promo: u32 = a[5].parse().unwrap();
    let s = Scenario { label, volume: a[2].parse().unwrap(), growth: Decimal::from(a[3].parse::<i64>().unwrap()), months: a[4].parse().unwrap(), promo_months: if promo == 0 { None } else { Some(promo) }, ..Scenario::default() };
    let t = Instant::now();
    let r = opt.recommend(&s).unwrap();
    println!("{:?} total {} proven {} gap {}", t.elapsed(), r.total, r.is_proven(), r.gap());
}
