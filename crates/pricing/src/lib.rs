//! The pricing engine of the FaceID price calculator: the price book of the
//! 2021-02-01 announcement, the billing rules, the optimizer and the
//! estimate. It answers "what does it cost" and knows nothing of pages,
//! URLs, storage or languages. Plain Rust, built and tested natively.
//!
//! Amounts are exact [`rust_decimal::Decimal`]s; only bill lines (a month's
//! postpaid bill, a purchase) are rounded, to 分, half away from zero.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod billing;
mod calls;
pub mod cliff;
mod estimate;
mod label;
pub mod money;
mod optimizer;
mod price_book;
mod scenario;
mod work;

pub use billing::{
    month_bill, postpaid_only, price_plan, Balances, Bill, MonthLine, Order, OrderUse, Purchase,
};
pub use calls::Calls;
pub use estimate::{Ahead, Estimate, EstimateWork, LabelEstimate, Totals, TotalsWork};
pub use label::{resolve_label, Channel, Comparison, Label, PriceColumn};
pub use optimizer::{Optimizer, OptimizerError, Preparation, Recommendation, Strategy};
pub use price_book::{LabelPrices, Pack, Price, PriceBook, PriceBookError, Tier, PRICE_BOOK_TOML};
pub use scenario::{ExtraChannel, Held, Scenario};
pub use work::{Then, Work};

/// The ranges of a scenario's values that the engine is built and tested for.
pub mod limits {
    pub use crate::scenario::{
        EXTRA_MAX, GROWTH_MAX, GROWTH_MIN, HELD_CALLS_MAX, HELD_MAX, HELD_MONTHS_MAX, LEGACY_MAX,
        LEGACY_MONTHS_MAX, MONTHS_MAX, MONTHS_MIN, PACK_VALID_MONTHS, PROFILE_DECIMALS,
        PROFILE_FACTOR_MAX, PROFILE_LEN_MAX, RETRY_MAX, VOLUME_MAX,
    };
}
