//! How calls are counted: a leaf every part of the engine reads.

/// A number of calls. Wide enough for 36 months of 100 % monthly growth from
/// 10^9 calls, which passes `u64::MAX`.
pub type Calls = u128;
