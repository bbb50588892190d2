//! The cheapest multiset of packs for every exact capacity, as a table that
//! ends where the costs become periodic.
//!
//! Capacities are counted in units of the greatest common divisor `g` of the
//! label's pack sizes. `h(k)` is the least (cost, pack count) of a multiset
//! holding exactly `k` units: an unbounded knapsack. With `B` the pack of the
//! best price per call (the largest among equals), `h(k + size_B) = h(k) +
//! (price_B, 1)` from some threshold `T` on. Once that holds for `s_max`
//! consecutive capacities (`s_max` the largest pack size) it holds for all
//! larger ones, by induction over the recurrence `h(k) = min_i h(k - s_i) +
//! (p_i, 1)`. The table therefore stops at `T + size_B`, and any capacity
//! beyond is a table entry plus whole `B` packs.

use rust_decimal::Decimal;

use crate::label::PriceColumn;
use crate::price_book::LabelPrices;

/// Capacities the table may grow to before giving up on finding the period.
const MAX_TABLE_UNITS: usize = 4_000_000;

/// The least cost of an exact capacity, and how it is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cost {
    /// What the packs cost together.
    pub price: Decimal,
    /// How many packs.
    pub packs: u64,
}

#[derive(Clone, Copy, Debug)]
struct Cell {
    cost: Cost,
    /// The pack added last to reach this capacity, as an index into `sizes`.
    last: u8,
}

/// Why the table could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// The label has no packs, or more than 255.
    BadPackList,
    /// Costs did not turn periodic within [`MAX_TABLE_UNITS`].
    NoPeriod,
}

/// `h(k)` for every capacity `k`, in units of `unit` calls.
#[derive(Clone, Debug)]
pub struct PackCosts {
    /// Calls per unit of capacity.
    pub unit: u64,
    /// Pack sizes in units, as the price book lists them.
    pub sizes: Vec<u64>,
    /// Pack prices in the chosen column.
    pub prices: Vec<Decimal>,
    /// Index of the best pack `B`.
    pub best: usize,
    /// `T`: periodicity holds from here on.
    pub threshold: usize,
    cells: Vec<Option<Cell>>,
}

impl PackCosts {
    /// Builds the table for one label and price column.
    pub fn new(prices: &LabelPrices, column: PriceColumn) -> Result<PackCosts, TableError> {
        if prices.packs.is_empty() || prices.packs.len() > usize::from(u8::MAX) {
            return Err(TableError::BadPackList);
        }
        let unit = prices.packs.iter().fold(0, |g, pack| gcd(g, pack.calls));
        let sizes: Vec<u64> = prices.packs.iter().map(|pack| pack.calls / unit).collect();
        let costs: Vec<Decimal> = prices
            .packs
            .iter()
            .map(|pack| pack.price.get(column))
            .collect();
        let best = best_pack(&sizes, &costs);
        let (threshold, cells) = grow_until_periodic(&sizes, &costs, best)?;
        Ok(PackCosts {
            unit,
            sizes,
            prices: costs,
            best,
            threshold,
            cells,
        })
    }

    /// Length of the table: `T + size_B`.
    pub fn table_len(&self) -> usize {
        self.cells.len()
    }

    /// Size of the best pack in units: the period.
    pub fn period(&self) -> usize {
        self.sizes[self.best] as usize
    }

    /// `h(k)` for a capacity inside the table; `None` if no multiset holds exactly `k`.
    pub fn in_table(&self, k: usize) -> Option<Cost> {
        self.cells[k].map(|cell| cell.cost)
    }

    /// Splits a capacity into a table index and a number of extra best packs.
    pub fn split(&self, k: u128) -> (usize, u128) {
        let len = self.cells.len() as u128;
        if k < len {
            return (k as usize, 0);
        }
        let (t, period) = (self.threshold as u128, self.period() as u128);
        let periods = (k - t) / period;
        ((t + (k - t) % period) as usize, periods)
    }

    /// `h(k)` for any capacity.
    pub fn cost(&self, k: u128) -> Option<Cost> {
        let (index, extra) = self.split(k);
        self.in_table(index)
            .map(|cost| self.with_extra_best(cost, extra))
    }

    /// A cost with `extra` best packs added.
    pub fn with_extra_best(&self, cost: Cost, extra: u128) -> Cost {
        Cost {
            price: cost.price + self.prices[self.best] * crate::money::calls_decimal(extra),
            packs: cost
                .packs
                .saturating_add(u64::try_from(extra).unwrap_or(u64::MAX)),
        }
    }

    /// How many packs of each size make up `h(k)`, in price-book order.
    pub fn multiset(&self, k: u128) -> Vec<u64> {
        let (mut index, extra) = self.split(k);
        let mut counts = vec![0u64; self.sizes.len()];
        counts[self.best] = u64::try_from(extra).unwrap_or(u64::MAX);
        while let Some(Some(cell)) = self.cells.get(index).filter(|_| index > 0) {
            let pack = usize::from(cell.last);
            counts[pack] += 1;
            index -= self.sizes[pack] as usize;
        }
        counts
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// The pack with the lowest price per call; the largest among equals.
fn best_pack(sizes: &[u64], costs: &[Decimal]) -> usize {
    let mut best = 0;
    for i in 1..sizes.len() {
        // price_i / size_i vs price_best / size_best, cross-multiplied to stay exact.
        let here = costs[i] * Decimal::from(sizes[best]);
        let there = costs[best] * Decimal::from(sizes[i]);
        if here < there || (here == there && sizes[i] > sizes[best]) {
            best = i;
        }
    }
    best
}

fn grow_until_periodic(
    sizes: &[u64],
    costs: &[Decimal],
    best: usize,
) -> Result<(usize, Vec<Option<Cell>>), TableError> {
    let period = sizes[best] as usize;
    let largest = sizes.iter().copied().max().unwrap_or(1) as usize;
    let step = Cost {
        price: costs[best],
        packs: 1,
    };
    let mut cells: Vec<Option<Cell>> = vec![Some(Cell {
        cost: Cost {
            price: Decimal::ZERO,
            packs: 0,
        },
        last: 0,
    })];
    let mut run = 0;
    for k in 1..MAX_TABLE_UNITS {
        cells.push(cheapest(&cells, k, sizes, costs));
        if k < period {
            continue;
        }
        let earlier = cells[k - period].map(|cell| add(cell.cost, step));
        run = if earlier == cells[k].map(|cell| cell.cost) {
            run + 1
        } else {
            0
        };
        if run == largest {
            let threshold = k - period + 1 - largest;
            cells.truncate(threshold + period);
            return Ok((threshold, cells));
        }
    }
    Err(TableError::NoPeriod)
}

fn cheapest(cells: &[Option<Cell>], k: usize, sizes: &[u64], costs: &[Decimal]) -> Option<Cell> {
    let mut best: Option<Cell> = None;
    for (i, (&size, &price)) in sizes.iter().zip(costs).enumerate() {
        let Some(Some(before)) = k.checked_sub(size as usize).map(|rest| cells[rest]) else {
            continue;
        };
        let cost = add(before.cost, Cost { price, packs: 1 });
        if best.is_none_or(|b| cost < b.cost) {
            best = Some(Cell {
                cost,
                last: i as u8,
            });
        }
    }
    best
}

fn add(a: Cost, b: Cost) -> Cost {
    Cost {
        price: a.price + b.price,
        packs: a.packs + b.packs,
    }
}
