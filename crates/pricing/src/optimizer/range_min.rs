//! Range-minimum queries in constant time for long ranges: blocks with
//! prefix and suffix minima, and a sparse table over the blocks' minima.
//! Ranges within one block are scanned (at most `BLOCK` keys).

/// Keys per block.
const BLOCK: usize = 32;

/// Answers "which index holds the smallest key in `lo..=hi`" over a fixed array.
#[derive(Clone, Debug)]
pub struct RangeMin<K> {
    keys: Vec<K>,
    /// `prefix[i]`: argmin from the start of `i`'s block to `i`.
    prefix: Vec<u32>,
    /// `suffix[i]`: argmin from `i` to the end of `i`'s block.
    suffix: Vec<u32>,
    /// `sparse[level][b]`: argmin over blocks `b .. b + 2^level`.
    sparse: Vec<Vec<u32>>,
}

impl<K: Ord + Copy> RangeMin<K> {
    /// Indexes `keys`; ties go to the lower index.
    pub fn new(keys: Vec<K>) -> RangeMin<K> {
        let len = keys.len();
        let better = |a: u32, b: u32| {
            if keys[b as usize] < keys[a as usize] {
                b
            } else {
                a
            }
        };
        let mut prefix = Vec::with_capacity(len);
        let mut suffix = vec![0u32; len];
        for i in 0..len {
            let here = i as u32;
            prefix.push(if i % BLOCK == 0 {
                here
            } else {
                better(prefix[i - 1], here)
            });
        }
        for i in (0..len).rev() {
            let here = i as u32;
            let last_in_block = i % BLOCK == BLOCK - 1 || i + 1 == len;
            suffix[i] = if last_in_block {
                here
            } else {
                better(here, suffix[i + 1])
            };
        }
        let block_mins: Vec<u32> = (0..len.div_ceil(BLOCK))
            .map(|b| suffix[b * BLOCK])
            .collect();
        let mut sparse = vec![block_mins];
        let mut width = 1;
        while 2 * width <= sparse[0].len() {
            let previous = &sparse[sparse.len() - 1];
            let level = (0..previous.len() - width)
                .map(|b| better(previous[b], previous[b + width]))
                .collect();
            sparse.push(level);
            width *= 2;
        }
        RangeMin {
            keys,
            prefix,
            suffix,
            sparse,
        }
    }

    /// The keys indexed.
    pub fn keys(&self) -> &[K] {
        &self.keys
    }

    /// Index of the smallest key in `lo..=hi` (the lowest such index on ties).
    /// `lo <= hi < len` must hold.
    pub fn argmin(&self, lo: usize, hi: usize) -> usize {
        let (first_block, last_block) = (lo / BLOCK, hi / BLOCK);
        if first_block == last_block {
            return (lo..=hi).fold(lo, |best, i| {
                if self.keys[i] < self.keys[best] {
                    i
                } else {
                    best
                }
            });
        }
        let mut best = self.suffix[lo] as usize;
        if last_block > first_block + 1 {
            best = self.better(best, self.blocks_argmin(first_block + 1, last_block - 1));
        }
        self.better(best, self.prefix[hi] as usize)
    }

    /// Shows `each` the indexes of the `k` smallest keys in `lo..=hi`,
    /// smallest first (lowest index on ties): the minimum, then the minima of
    /// the ranges it splits. One query and no allocation when `k` is 1.
    pub fn smallest(&self, lo: usize, hi: usize, k: usize, mut each: impl FnMut(usize)) {
        let first = self.argmin(lo, hi);
        each(first);
        if k <= 1 {
            return;
        }
        let mut ranges = Vec::with_capacity(2 * k);
        let split = |ranges: &mut Vec<(usize, usize, usize)>,
                     (lo, hi, index): (usize, usize, usize)| {
            if index > lo {
                ranges.push((lo, index - 1, self.argmin(lo, index - 1)));
            }
            if index < hi {
                ranges.push((index + 1, hi, self.argmin(index + 1, hi)));
            }
        };
        split(&mut ranges, (lo, hi, first));
        for _ in 1..k {
            let Some(at) = (0..ranges.len()).min_by_key(|&i| (self.keys[ranges[i].2], ranges[i].2))
            else {
                break;
            };
            let range = ranges.swap_remove(at);
            each(range.2);
            split(&mut ranges, range);
        }
    }

    fn blocks_argmin(&self, first: usize, last: usize) -> usize {
        let level = (usize::BITS - 1 - (last - first + 1).leading_zeros()) as usize;
        let width = 1 << level;
        let row = &self.sparse[level];
        self.better(row[first] as usize, row[last + 1 - width] as usize)
    }

    fn better(&self, a: usize, b: usize) -> usize {
        if self.keys[b] < self.keys[a] {
            b
        } else {
            a
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn agrees_with_a_scan(keys in proptest::collection::vec(0u8..20, 1..300), a in 0usize..300, b in 0usize..300) {
            let (lo, hi) = (a.min(b) % keys.len(), a.max(b) % keys.len());
            let (lo, hi) = (lo.min(hi), lo.max(hi));
            let index = RangeMin::new(keys.clone()).argmin(lo, hi);
            let expected = (lo..=hi).min_by_key(|&i| (keys[i], i)).unwrap();
            prop_assert_eq!(index, expected);
        }

        #[test]
        fn the_smallest_are_a_sorted_scan(keys in proptest::collection::vec(0u8..20, 1..300), a in 0usize..300, b in 0usize..300, k in 1usize..6) {
            let (lo, hi) = (a.min(b) % keys.len(), a.max(b) % keys.len());
            let (lo, hi) = (lo.min(hi), lo.max(hi));
            let mut found = Vec::new();
            RangeMin::new(keys.clone()).smallest(lo, hi, k, |index| found.push(index));
            let mut expected: Vec<usize> = (lo..=hi).collect();
            expected.sort_by_key(|&i| (keys[i], i));
            expected.truncate(k);
            prop_assert_eq!(found, expected);
        }
    }
}
