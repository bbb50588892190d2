//! What the fuzz targets share: turning the fuzzer's bytes into a valid page
//! state through the field table, so that every input explores the engine
//! and the codecs rather than the parser, and a new field is fuzzed as soon
//! as it has its row.

use arbitrary::Arbitrary;
use calculator::PageState;
use pricing::Scenario;

/// One pick per field of the table, before each is brought into its range.
#[derive(Arbitrary, Debug)]
pub struct RawPage {
    picks: Vec<u64>,
}

impl RawPage {
    /// The valid page state these picks stand for ([`PageState::from_picks`]).
    pub fn page(&self) -> PageState {
        PageState::from_picks(&self.picks)
    }

    /// The scenario of [`RawPage::page`].
    pub fn scenario(&self) -> Scenario {
        self.page().scenario
    }
}
