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

/// One capacity's least cost, in whole fen: the knapsack over integers is
/// about ten times faster than over decimals, which is most of the time a
/// page waits for its first figures.
#[derive(Clone, Copy, Debug)]
struct Cell {
    fen: i64,
    packs: u64,
    /// The pack added last to reach this capacity, as an index into `sizes`.
    last: u8,
}

impl Cell {
    fn cost(self) -> Cost {
        Cost {
            // Two decimals, as the bill lines: the search reads costs often.
            price: Decimal::new(self.fen, 2),
            packs: self.packs,
        }
    }
}

/// Why the table could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableError {
    /// The label has no packs, or more than 255.
    BadPackList,
    /// Costs did not turn periodic within [`MAX_TABLE_UNITS`].
    NoPeriod,
    /// A pack price is not a whole number of fen, or too large to count in fen.
    NotWholeFen,
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
        let unit = unit_calls(prices);
        let sizes: Vec<u64> = prices.packs.iter().map(|pack| pack.calls / unit).collect();
        let costs: Vec<Decimal> = prices
            .packs
            .iter()
            .map(|pack| pack.price.get(column))
            .collect();
        let best = best_pack(&sizes, &costs);
        let fens = costs
            .iter()
            .map(|&price| crate::money::whole_fen(price))
            .collect::<Option<Vec<i64>>>()
            .ok_or(TableError::NotWholeFen)?;
        let (threshold, cells) = grow_until_periodic(&sizes, &fens, best)?;
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
        self.cells[k].map(Cell::cost)
    }

    /// `h(k)` inside the table as (whole fen, packs), for integer keys.
    pub fn in_table_fen(&self, k: usize) -> Option<(i64, u64)> {
        self.cells[k].map(|cell| (cell.fen, cell.packs))
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

/// Calls per unit of capacity: the greatest common divisor of the pack sizes.
pub fn unit_calls(prices: &LabelPrices) -> u64 {
    prices.packs.iter().fold(0, |g, pack| gcd(g, pack.calls))
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
    fens: &[i64],
    best: usize,
) -> Result<(usize, Vec<Option<Cell>>), TableError> {
    let period = sizes[best] as usize;
    let largest = sizes.iter().copied().max().unwrap_or(1) as usize;
    let mut cells: Vec<Option<Cell>> = vec![Some(Cell {
        fen: 0,
        packs: 0,
        last: 0,
    })];
    let mut run = 0;
    for k in 1..MAX_TABLE_UNITS {
        cells.push(cheapest(&cells, k, sizes, fens)?);
        if k < period {
            continue;
        }
        let earlier =
            cells[k - period].map(|cell| (cell.fen.checked_add(fens[best]), cell.packs + 1));
        run = if earlier == cells[k].map(|cell| (Some(cell.fen), cell.packs)) {
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

fn cheapest(
    cells: &[Option<Cell>],
    k: usize,
    sizes: &[u64],
    fens: &[i64],
) -> Result<Option<Cell>, TableError> {
    let mut best: Option<Cell> = None;
    for (i, (&size, &fen)) in sizes.iter().zip(fens).enumerate() {
        let Some(Some(before)) = k.checked_sub(size as usize).map(|rest| cells[rest]) else {
            continue;
        };
        let cell = Cell {
            fen: before.fen.checked_add(fen).ok_or(TableError::NotWholeFen)?,
            packs: before.packs + 1,
            last: i as u8,
        };
        // Cheapest, then fewest packs; the first pack in book order among equals.
        if best.is_none_or(|b| (cell.fen, cell.packs) < (b.fen, b.packs)) {
            best = Some(cell);
        }
    }
    Ok(best)
}
