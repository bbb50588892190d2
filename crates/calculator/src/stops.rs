//! Volumes worth stepping to: where a tier starts or ends and where a pack
//! size is reached, for the chosen label.

use pricing::limits::VOLUME_MAX;
use pricing::LabelPrices;

/// Every stop for a label, ascending: 0, each tier bound and the call after
/// it (both sides of a cliff), each pack size, and the top of the range.
pub fn stops(prices: &LabelPrices) -> Vec<u64> {
    let mut stops = vec![0, VOLUME_MAX];
    for tier in &prices.tiers {
        if let Some(up_to) = tier.up_to {
            stops.extend([up_to, up_to + 1]);
        }
    }
    stops.extend(prices.packs.iter().map(|pack| pack.calls));
    stops.retain(|&stop| stop <= VOLUME_MAX);
    stops.sort_unstable();
    stops.dedup();
    stops
}

/// The first stop above `volume`, if any.
pub fn next_stop(prices: &LabelPrices, volume: u64) -> Option<u64> {
    stops(prices).into_iter().find(|&stop| stop > volume)
}

/// The last stop below `volume`, if any.
pub fn previous_stop(prices: &LabelPrices, volume: u64) -> Option<u64> {
    stops(prices).into_iter().rev().find(|&stop| stop < volume)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pricing::{Label, PriceBook};

    #[test]
    fn stops_cover_both_sides_of_each_cliff_and_every_pack() {
        let book = PriceBook::embedded().unwrap();
        let prices = book.label(Label::GeneralCompare);
        assert_eq!(
            stops(prices),
            vec![
                0, 1_000, 1_001, 5_000, 10_000, 10_001, 100_000, 100_001, 200_000, 200_001,
                500_000, 1_000_000, VOLUME_MAX
            ]
        );
        assert_eq!(next_stop(prices, 1_000), Some(1_001));
        assert_eq!(next_stop(prices, 999_999), Some(1_000_000));
        assert_eq!(next_stop(prices, VOLUME_MAX), None);
        assert_eq!(previous_stop(prices, 1_001), Some(1_000));
        assert_eq!(previous_stop(prices, 0), None);
        assert!(stops(book.label(Label::WechatVerify)).contains(&100));
    }
}
