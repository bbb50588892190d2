//! The pricing engine of the FaceID price calculator: the price book of the
//! 2021-02-01 announcement, the billing rules, the optimizer and the
//! estimate. It answers "what does it cost" and knows nothing of pages,
//! URLs, storage or languages. Plain Rust, built and tested natively.
//!
//! Amounts are exact [`rust_decimal::Decimal`]s; only bill lines (a month's
//! postpaid bill, a purchase) are rounded, to 分, half away from zero.

#![forbid(unsafe_code)]

pub mod billing;
pub mod cliff;
mod estimate;
mod label;
pub mod money;
pub mod optimizer;
mod price_book;
pub mod scenario;

/// A number of calls. Wide enough for 36 months of 100 % monthly growth from
/// 10^9 calls, which passes `u64::MAX`.
pub type Calls = u128;

pub use billing::{month_bill, postpaid_only, price_plan, Bill, MonthLine, Purchase};
pub use estimate::Estimate;
pub use label::{resolve_label, Channel, Comparison, Label, PriceColumn};
pub use optimizer::{Optimizer, OptimizerError, Recommendation, Strategy, WindowPlan};
pub use price_book::{LabelPrices, Pack, Price, PriceBook, PriceBookError, Tier, PRICE_BOOK_TOML};
pub use scenario::Scenario;
