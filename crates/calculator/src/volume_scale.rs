//! The volume slider's scale: one slider position per round volume, dense at
//! the low end and reaching 10^9, with every tier bound and pack size exact.

/// `(from, to, step)`: volumes `from..to` in steps of `step`, one position each.
const SEGMENTS: [(u64, u64, u64); 11] = [
    (0, 100, 1),
    (100, 1_000, 10),
    (1_000, 5_000, 50),
    (5_000, 10_000, 50),
    (10_000, 100_000, 1_000),
    (100_000, 200_000, 1_000),
    (200_000, 500_000, 5_000),
    (500_000, 1_000_000, 5_000),
    (1_000_000, 10_000_000, 100_000),
    (10_000_000, 100_000_000, 1_000_000),
    (100_000_000, 1_000_000_000, 10_000_000),
];

/// The volumes the slider stops at exactly: tier bounds, pack sizes, powers of ten.
pub const SNAP_POINTS: [u64; 12] = [
    0,
    100,
    1_000,
    5_000,
    10_000,
    100_000,
    200_000,
    500_000,
    1_000_000,
    10_000_000,
    100_000_000,
    1_000_000_000,
];

fn steps(segment: &(u64, u64, u64)) -> u32 {
    let (from, to, step) = *segment;
    u32::try_from((to - from) / step).unwrap_or(u32::MAX)
}

/// The slider's last position (its `max`).
pub fn max_position() -> u32 {
    SEGMENTS.iter().map(steps).sum()
}

/// The volume at a slider position; positions past the end give the top volume.
pub fn volume_at(position: u32) -> u64 {
    let mut left = position;
    for segment in &SEGMENTS {
        let count = steps(segment);
        if left < count {
            return segment.0 + u64::from(left) * segment.2;
        }
        left -= count;
    }
    SEGMENTS[SEGMENTS.len() - 1].1
}

/// The position whose volume is the largest at or below `volume`.
pub fn position_of(volume: u64) -> u32 {
    let mut before = 0;
    for segment in &SEGMENTS {
        let (from, to, step) = *segment;
        if volume < to {
            let offset = (volume.saturating_sub(from) / step) as u32;
            return before + offset;
        }
        before += steps(segment);
    }
    before
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ends_and_snap_points_are_exact() {
        assert_eq!(volume_at(0), 0);
        assert_eq!(volume_at(max_position()), 1_000_000_000);
        for point in SNAP_POINTS {
            assert_eq!(volume_at(position_of(point)), point, "{point}");
        }
        assert_eq!(volume_at(position_of(1_000) + 1), 1_050);
        assert_eq!(volume_at(position_of(1_000) - 1), 990);
    }

    #[test]
    fn segments_join_up() {
        for pair in SEGMENTS.windows(2) {
            assert_eq!(pair[0].1, pair[1].0);
        }
        for (from, to, step) in SEGMENTS {
            assert_eq!((to - from) % step, 0);
        }
    }

    proptest! {
        #[test]
        fn positions_and_volumes_agree(position in 0..=1_100u32, volume in 0..=1_000_000_000u64) {
            let p = position.min(max_position());
            prop_assert_eq!(position_of(volume_at(p)), p);
            let at = volume_at(position_of(volume));
            prop_assert!(at <= volume);
            prop_assert!(position_of(volume) == max_position() || volume_at(position_of(volume) + 1) > volume);
        }

        #[test]
        fn volume_rises_with_position(position in 0..1_100u32) {
            let p = position.min(max_position() - 1);
            prop_assert!(volume_at(p + 1) > volume_at(p));
        }
    }
}
