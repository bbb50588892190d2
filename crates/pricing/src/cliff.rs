//! Cliffs of volume pricing: past a tier bound the whole month is billed at
//! the lower unit price, so a few more calls can cost less than fewer.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::billing::month_bill;
use crate::label::PriceColumn;
use crate::price_book::LabelPrices;

/// A tier bound where the monthly bill drops.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cliff {
    /// The last volume of the dearer tier.
    pub bound: u64,
    /// The month's bill at `bound` calls.
    pub bill_at_bound: Decimal,
    /// The month's bill at `bound + 1` calls.
    pub bill_after: Decimal,
    /// The largest volume whose bill is still no more than `bill_at_bound`.
    pub even_at: u64,
}

/// Where the volume stands against a cliff.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CliffSide {
    /// Just below: a few more calls would lower the bill.
    Below(Cliff),
    /// Just above: up to `even_at` calls cost no more than `bound` did.
    Above(Cliff),
}

/// How far below a bound, as a fraction of it, a volume counts as near.
const NEAR_BELOW: Decimal = Decimal::from_parts(10, 0, 0, false, 2);

/// Every cliff of a label and column: the bounds where the unit price falls.
pub fn cliffs(prices: &LabelPrices, column: PriceColumn) -> Vec<Cliff> {
    prices
        .tiers
        .windows(2)
        .filter(|pair| pair[1].unit.get(column) < pair[0].unit.get(column))
        .filter_map(|pair| {
            let bound = pair[0].up_to?;
            let bill_at_bound = month_bill(prices, column, bound.into());
            // n x u_above <= bound x u_below, for the largest whole n; the
            // rounding of the bill may admit one more call.
            let mut even = (bill_at_bound / pair[1].unit.get(column))
                .floor()
                .to_u64()?;
            while month_bill(prices, column, (even + 1).into()) <= bill_at_bound {
                even += 1;
            }
            Some(Cliff {
                bound,
                bill_at_bound,
                bill_after: month_bill(prices, column, (bound + 1).into()),
                even_at: even,
            })
        })
        .collect()
}

/// The cliff a monthly volume is near, if any: within 10 % below a bound, or
/// above it while the bill is still no more than at the bound.
pub fn near_cliff(prices: &LabelPrices, column: PriceColumn, volume: u64) -> Option<CliffSide> {
    cliffs(prices, column).into_iter().find_map(|cliff| {
        let from = (Decimal::from(cliff.bound) * (Decimal::ONE - NEAR_BELOW))
            .ceil()
            .to_u64()?;
        if (from..=cliff.bound).contains(&volume) {
            Some(CliffSide::Below(cliff))
        } else if (cliff.bound + 1..=cliff.even_at).contains(&volume) {
            Some(CliffSide::Above(cliff))
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Label, PriceBook};

    #[test]
    fn the_1000_call_cliff_of_wechat_verification() {
        let book = PriceBook::embedded().unwrap();
        let prices = book.label(Label::WechatVerify);
        let cliff = cliffs(prices, PriceColumn::Promo)[0];
        // 1000 x 0.96 = 960.00; 1001 x 0.88 = 880.88; 960 / 0.88 = 1090.9 -> 1090.
        assert_eq!(cliff.bound, 1000);
        assert_eq!(cliff.bill_at_bound, Decimal::new(96000, 2));
        assert_eq!(cliff.bill_after, Decimal::new(88088, 2));
        assert_eq!(cliff.even_at, 1090);
        assert!(month_bill(prices, PriceColumn::Promo, 1090) <= cliff.bill_at_bound);
        assert!(month_bill(prices, PriceColumn::Promo, 1091) > cliff.bill_at_bound);
        assert_eq!(
            near_cliff(prices, PriceColumn::Promo, 950),
            Some(CliffSide::Below(cliff))
        );
        assert_eq!(
            near_cliff(prices, PriceColumn::Promo, 1001),
            Some(CliffSide::Above(cliff))
        );
        assert_eq!(near_cliff(prices, PriceColumn::Promo, 899), None);
        assert_eq!(near_cliff(prices, PriceColumn::Promo, 1091), None);
    }

    #[test]
    fn equal_unit_prices_make_no_cliff() {
        let book = PriceBook::embedded().unwrap();
        // 通用活体人脸比对 charges 0.088 in both the third and fourth tiers.
        let bounds: Vec<u64> = cliffs(book.label(Label::GeneralCompare), PriceColumn::Promo)
            .iter()
            .map(|c| c.bound)
            .collect();
        assert_eq!(bounds, vec![1000, 10_000, 200_000]);
    }

    #[test]
    fn every_cliff_is_a_real_drop_and_even_is_tight() {
        let book = PriceBook::embedded().unwrap();
        for prices in book.labels() {
            for column in PriceColumn::ALL {
                for cliff in cliffs(prices, column) {
                    assert!(cliff.bill_after < cliff.bill_at_bound);
                    assert!(
                        month_bill(prices, column, cliff.even_at.into()) <= cliff.bill_at_bound
                    );
                    assert!(
                        month_bill(prices, column, (cliff.even_at + 1).into())
                            > cliff.bill_at_bound
                    );
                }
            }
        }
    }
}
