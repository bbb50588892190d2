//! The pricing engine of the FaceID price calculator: the price book of the
//! 2021-02-01 announcement, the billing rules, and the URL-state codec.
//! Plain Rust with no web dependency, so it builds and tests natively.
//!
//! Amounts are exact [`rust_decimal::Decimal`]s; only bill lines (a month's
//! postpaid bill, a purchase) are rounded, to 分, half away from zero.

pub mod billing;
pub mod chart;
pub mod cliff;
pub mod estimate;
pub mod export;
pub mod input;
pub mod json;
pub mod label;
pub mod money;
pub mod optimizer;
pub mod pins;
pub mod price_book;
pub mod scenario;
pub mod stops;
pub mod url_state;
pub mod volume_scale;

/// A number of calls. Wide enough for 36 months of 100 % monthly growth from
/// 10^9 calls, which passes `u64::MAX`.
pub type Calls = u128;

pub use billing::{month_bill, postpaid_only, price_plan, Bill, MonthLine, Purchase};
pub use estimate::Estimate;
pub use label::{resolve_label, Channel, Comparison, Label, PriceColumn};
pub use optimizer::{Optimizer, OptimizerError, Recommendation, Strategy, WindowPlan};
pub use price_book::{LabelPrices, Pack, Price, PriceBook, PriceBookError, Tier};
pub use scenario::Scenario;
pub use url_state::{decode, encode, Lang, Notice, PageState, Param, Problem};
