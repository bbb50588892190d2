//! A floor under the cost still to come from a state of the exact program,
//! so that states no plan through which can beat a known plan are dropped.
//!
//! # Why it is a floor
//!
//! A state at position `Q` at the start of month `t` has bought everything
//! that serves the calls up to `Q`; each call after `max(Q, D(t))` is still
//! to be paid, in its own month `s`, either postpaid or by a pack bought in
//! one of the months `max(t, s - 11) ..= s` (a pack lasts 12 months, and
//! packs bought before `t` end at `Q`). A pack costs at least its calls times
//! the lowest price per call of any pack in its column, whether or not they
//! are used; a postpaid bill is at least its calls times the column's lowest
//! tier price, less half a fen of rounding. So each such call costs at least
//! `rho(t, s)`, the least of those prices over the columns it can be bought
//! or billed in, and the rest of the plan costs at least their sum, less a
//! fen per month. Rates are kept in thousandths of a fen, rounded down.
//!
//! Buying along a lane never lowers "cost so far plus floor": a pack bought
//! in month `t` costs at least `rho(t, s)` per call for every month `s` it
//! can reach. So the program may drop a state whose cost so far plus floor
//! passes the price of a known plan: no plan through it can cost less, and
//! every plan that costs no more, ties included, keeps all its states.

use super::pack_costs::PackCosts;
use super::tables::Cover;

/// Thousandths of a fen per call: rates are kept this finely.
const PER_FEN: u128 = 1000;

/// The floor for one scenario's months.
pub(super) struct Floor {
    /// `D(s)`: calls of months `0..s`.
    cumulative: Vec<u64>,
    /// `rho(t, s)` in thousandths of a fen, by `t` then `s` (`s >= t`).
    rates: Vec<Vec<u64>>,
    /// Per `t`, the floor of months `s..` from their start, by `s`.
    suffix: Vec<Vec<u128>>,
}

impl Floor {
    /// The floor for months with boundaries `cumulative`, where an order
    /// placed in month `u` costs at least `orders[u]` per call it serves and
    /// month `s` bills postpaid calls at least `postpaid[s]` each.
    pub(super) fn new(cumulative: &[u64], orders: &[u64], postpaid: &[u64]) -> Floor {
        let months = postpaid.len();
        let mut rates = Vec::with_capacity(months);
        let mut suffix = Vec::with_capacity(months);
        for t in 0..months {
            let row: Vec<u64> = (0..months)
                .map(|s| match s < t {
                    true => 0,
                    false => {
                        let first = t.max(s.saturating_sub(11));
                        orders[first..=s]
                            .iter()
                            .copied()
                            .fold(postpaid[s], u64::min)
                    }
                })
                .collect();
            let mut sums = vec![0u128; months + 1];
            for s in (t..months).rev() {
                let calls = u128::from(cumulative[s + 1] - cumulative[s]);
                sums[s] = sums[s + 1].saturating_add(u128::from(row[s]) * calls);
            }
            rates.push(row);
            suffix.push(sums);
        }
        Floor {
            cumulative: cumulative.to_vec(),
            rates,
            suffix,
        }
    }

    /// At least what months `t..` cost in whole fen, from position `position`.
    pub(super) fn at(&self, t: usize, position: u64) -> i64 {
        let months = self.rates.len();
        if t >= months {
            return 0;
        }
        let from = position.max(self.cumulative[t]);
        let month = self.cumulative.partition_point(|&d| d <= from);
        if month > months {
            return 0;
        }
        // `from` lies in month `month - 1`, at or after its start.
        let s = month - 1;
        let left = u128::from(self.cumulative[s + 1] - from);
        let thousandths = u128::from(self.rates[t][s]) * left + self.suffix[t][s + 1];
        let fen = i64::try_from(thousandths / PER_FEN).unwrap_or(i64::MAX);
        fen - (months - t) as i64
    }
}

/// `fen / calls` in thousandths of a fen per call, rounded down.
pub(super) fn per_call(fen: i64, calls: u64) -> u64 {
    let fen = u128::try_from(fen).unwrap_or(0);
    match calls {
        0 => u64::MAX,
        _ => u64::try_from(fen * PER_FEN / u128::from(calls)).unwrap_or(u64::MAX),
    }
}

/// The least price per call, in thousandths of a fen, at which one order
/// can serve calls when at most `window` calls are left for it (the calls of
/// its 12 months): `k` units serve at most `min(k x unit, window)` calls.
///
/// Below the table's threshold every capacity is tried; past it `h(k + P) =
/// h(k) + B`, so along each residue the price per unit moves monotonically
/// towards `B / P` and the least is at one end. An order larger than the
/// window costs at least the cheapest multiset holding more than it.
pub(super) fn order_rate(costs: &PackCosts, cover: &Cover, window: u64) -> u64 {
    let unit = costs.unit;
    if window == 0 || unit == 0 {
        return u64::MAX;
    }
    let most = window / unit;
    let mut least = (u128::MAX, 1u128);
    let mut consider = |fen: i64, calls: u64| {
        let (fen, calls) = (u128::try_from(fen).unwrap_or(u128::MAX), u128::from(calls));
        if calls > 0 && fen.saturating_mul(least.1) < least.0.saturating_mul(calls) {
            least = (fen, calls);
        }
    };
    let len = costs.table_len() as u64;
    for k in 1..len.min(most.saturating_add(1)) {
        if let Some((fen, _)) = costs.in_table_fen(k as usize) {
            consider(fen, k * unit);
        }
    }
    let (threshold, period) = (costs.threshold as u64, costs.period() as u64);
    let best = crate::money::whole_fen(costs.prices[costs.best]).unwrap_or(i64::MAX);
    if most >= len && period > 0 {
        for k in threshold..len {
            if let Some((fen, _)) = costs.in_table_fen(k as usize) {
                let periods = (most - k) / period;
                let extra = best.saturating_mul(i64::try_from(periods).unwrap_or(i64::MAX));
                consider(fen.saturating_add(extra), (k + periods * period) * unit);
            }
        }
    }
    let (fen, _, _) = cover.at_least(most + 1);
    consider(fen, window);
    u64::try_from(least.0.saturating_mul(PER_FEN) / least.1).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_call_costs_the_least_rate_it_can_be_paid_at() {
        // Months of 100, 200 and 300 calls; orders cost 500 thousandths of a
        // fen per call in month 0, 800 after; postpaid at least 600, then 900.
        let floor = Floor::new(&[0, 100, 300, 600], &[500, 800, 800], &[600, 900, 900]);
        // From the start every call can come from month 0's order: 600
        // calls x 0.5 fen, less a fen for each of the 3 months.
        assert_eq!(floor.at(0, 0), 300 - 3);
        // From month 1 only dearer orders: 800 per call, 500 calls.
        assert_eq!(floor.at(1, 100), 400 - 2);
        // Position inside month 2: 250 calls left of it.
        assert_eq!(floor.at(2, 350), 200 - 1);
        // A position before the month starts counts from the month's start.
        assert_eq!(floor.at(1, 0), 400 - 2);
        assert_eq!(floor.at(3, 600), 0);
        assert_eq!(floor.at(1, 600), 0, "every call is already served");
    }

    #[test]
    fn postpaid_counts_where_it_is_cheaper_than_any_order() {
        let floor = Floor::new(&[0, 100, 300], &[800, 800], &[900, 700]);
        assert_eq!(floor.at(0, 0), (100 * 800 + 200 * 700) / 1000 - 2);
    }

    #[test]
    fn an_order_reaches_11_months_on_and_no_further() {
        let cumulative: Vec<u64> = (0..=13).map(|m| m * 1000).collect();
        let mut orders = vec![500];
        orders.extend([800; 12]);
        let floor = Floor::new(&cumulative, &orders, &[900; 13]);
        // Months 0..=11 can be served from month 0's order at 500; month 12
        // only from later ones at 800.
        assert_eq!(floor.at(0, 0), (12 * 1000 * 500 + 1000 * 800) / 1000 - 13);
    }

    #[test]
    fn per_call_rounds_down() {
        assert_eq!(per_call(7425, 100), 74_250);
        assert_eq!(per_call(1, 3), 333);
        assert_eq!(per_call(5, 0), u64::MAX);
    }
}
