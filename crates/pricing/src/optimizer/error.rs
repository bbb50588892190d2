//! Why no plan could be computed: a leaf, so that the tables that fail to
//! build and the optimizer that reports it need not import each other.

use crate::label::Label;

use super::pack_costs::TableError;

/// Why no plan could be computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptimizerError {
    /// The pack table could not be built for this label.
    Table(Label, TableError),
    /// A tier price times the capacity unit has more than two decimals, so
    /// rounding would not be uniform over a tier.
    UnevenRounding(Label),
}

impl std::fmt::Display for OptimizerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptimizerError::Table(label, error) => {
                write!(f, "no pack table for {label}: {error:?}")
            }
            OptimizerError::UnevenRounding(label) => {
                write!(f, "tier prices of {label} round unevenly")
            }
        }
    }
}
