//! The price book: every cell of the announcement's two tables, read from
//! `data/price-book.toml`, which is embedded at build time.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::calls::Calls;
use crate::label::{Label, PriceColumn};

/// The price book's source text, as committed in the repository.
pub const PRICE_BOOK_TOML: &str = include_str!("../data/price-book.toml");

/// One cell pair of the announcement: list price and promotional price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    /// 刊例价.
    pub list: Decimal,
    /// 折扣价.
    pub promo: Decimal,
}

impl Price {
    /// The price in the given column.
    pub fn get(&self, column: PriceColumn) -> Decimal {
        match column {
            PriceColumn::List => self.list,
            PriceColumn::Promo => self.promo,
        }
    }
}

/// A prepaid resource pack (预付费资源包) of one label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pack {
    /// Calls the pack holds.
    pub calls: u64,
    /// Price of one pack in 元.
    pub price: Price,
}

impl Pack {
    /// Price per call in 元, exact to 28 significant digits.
    pub fn per_call(&self, column: PriceColumn) -> Decimal {
        self.price.get(column) / Decimal::from(self.calls)
    }
}

/// A postpaid volume tier: months with `above < n <= up_to` calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tier {
    /// Exclusive lower bound on the month's calls.
    pub above: u64,
    /// Inclusive upper bound, or `None` for the last tier.
    pub up_to: Option<u64>,
    /// Price per call in 元.
    pub unit: Price,
}

impl Tier {
    /// Whether a month with `calls` calls is billed in this tier.
    pub fn contains(&self, calls: Calls) -> bool {
        calls > Calls::from(self.above) && self.up_to.is_none_or(|up| calls <= Calls::from(up))
    }
}

/// Everything the announcement says about one label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelPrices {
    /// Which label.
    pub label: Label,
    /// The label's name as the announcement prints it.
    pub name_zh: String,
    /// Packs on sale, smallest first.
    pub packs: Vec<Pack>,
    /// Postpaid tiers, lowest first; contiguous from 0 with an open last tier.
    pub tiers: Vec<Tier>,
}

impl LabelPrices {
    /// Index of the tier a month of `calls` calls falls in; `None` for an empty month.
    pub fn tier_index(&self, calls: Calls) -> Option<usize> {
        self.tiers.iter().position(|tier| tier.contains(calls))
    }
}

/// The whole price book.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceBook {
    /// The announcement's date, which versions the prices.
    pub version: String,
    labels: Vec<LabelPrices>,
}

/// Why a price book text was rejected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceBookError(pub String);

impl fmt::Display for PriceBookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "price book: {}", self.0)
    }
}

impl std::error::Error for PriceBookError {}

impl PriceBook {
    /// The price book embedded in this build, parsed once.
    pub fn embedded() -> Result<&'static PriceBook, PriceBookError> {
        static BOOK: OnceLock<Result<PriceBook, PriceBookError>> = OnceLock::new();
        BOOK.get_or_init(|| embedded_raw().into_book())
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Parses and validates a price book in the format of `data/price-book.toml`.
    pub fn parse(text: &str) -> Result<PriceBook, PriceBookError> {
        let raw: RawBook = basic_toml::from_str(text).map_err(|e| PriceBookError(e.to_string()))?;
        raw.into_book()
    }

    /// The prices of one label.
    pub fn label(&self, label: Label) -> &LabelPrices {
        &self.labels[label.index()]
    }

    /// The prices of every label, in [`Label::ALL`] order.
    pub fn labels(&self) -> &[LabelPrices] {
        &self.labels
    }
}

/// [`PRICE_BOOK_TOML`]'s values, written out as Rust by `build.rs`.
fn embedded_raw() -> RawBook {
    include!(concat!(env!("OUT_DIR"), "/price_book_values.rs"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBook {
    version: String,
    labels: BTreeMap<String, RawName>,
    packs: Vec<RawPackRow>,
    tiers: Vec<RawTierRow>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawName {
    zh: String,
}

/// One row of a table: a price cell per label, `None` where it prints "-".
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct RawCells {
    wechat_verify: Option<Price>,
    wechat_compare: Option<Price>,
    general_verify: Option<Price>,
    general_compare: Option<Price>,
}

impl RawCells {
    fn get(&self, label: Label) -> Option<Price> {
        match label {
            Label::WechatVerify => self.wechat_verify,
            Label::WechatCompare => self.wechat_compare,
            Label::GeneralVerify => self.general_verify,
            Label::GeneralCompare => self.general_compare,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPackRow {
    calls: u64,
    #[serde(flatten)]
    cells: RawCells,
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct RawTierRow {
    above: u64,
    up_to: Option<u64>,
    #[serde(flatten)]
    cells: RawCells,
}

fn invalid(message: String) -> PriceBookError {
    PriceBookError(message)
}

impl RawBook {
    fn into_book(self) -> Result<PriceBook, PriceBookError> {
        if let Some(unknown) = self.labels.keys().find(|id| Label::from_id(id).is_none()) {
            return Err(invalid(format!("unknown label `{unknown}`")));
        }
        let labels = Label::ALL
            .into_iter()
            .map(|label| self.label_prices(label))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(PriceBook {
            version: self.version,
            labels,
        })
    }

    fn label_prices(&self, label: Label) -> Result<LabelPrices, PriceBookError> {
        let name = self
            .labels
            .get(label.id())
            .ok_or_else(|| invalid(format!("no names for label `{label}`")))?;
        let packs: Vec<Pack> = self
            .packs
            .iter()
            .filter_map(|row| {
                row.cells.get(label).map(|price| Pack {
                    calls: row.calls,
                    price,
                })
            })
            .collect();
        let tiers = self
            .tiers
            .iter()
            .map(|row| {
                let unit = row.cells.get(label).ok_or_else(|| {
                    invalid(format!("tier above {} has no `{label}` price", row.above))
                })?;
                Ok(Tier {
                    above: row.above,
                    up_to: row.up_to,
                    unit,
                })
            })
            .collect::<Result<Vec<_>, PriceBookError>>()?;
        let prices = LabelPrices {
            label,
            name_zh: name.zh.clone(),
            packs,
            tiers,
        };
        validate(&prices)?;
        Ok(prices)
    }
}

fn validate(prices: &LabelPrices) -> Result<(), PriceBookError> {
    let label = prices.label;
    if prices.packs.is_empty() {
        return Err(invalid(format!("`{label}` has no packs")));
    }
    if prices.packs.iter().any(|pack| pack.calls == 0) {
        return Err(invalid(format!("`{label}` has a pack of 0 calls")));
    }
    if prices.packs.windows(2).any(|w| w[0].calls >= w[1].calls) {
        return Err(invalid(
            "packs must be listed smallest first, each size once".into(),
        ));
    }
    let all_prices = prices
        .packs
        .iter()
        .map(|p| p.price)
        .chain(prices.tiers.iter().map(|t| t.unit));
    for price in all_prices {
        if price.list <= Decimal::ZERO || price.promo <= Decimal::ZERO {
            return Err(invalid(format!(
                "`{label}` has a price that is not positive"
            )));
        }
    }
    validate_tiers(&prices.tiers)
}

fn validate_tiers(tiers: &[Tier]) -> Result<(), PriceBookError> {
    let mut expected_above = Some(0);
    for tier in tiers {
        if Some(tier.above) != expected_above {
            return Err(invalid(format!(
                "tier above {} does not start where the last ended",
                tier.above
            )));
        }
        if tier.up_to.is_some_and(|up| up <= tier.above) {
            return Err(invalid(format!("tier above {} is empty", tier.above)));
        }
        expected_above = tier.up_to;
    }
    if tiers.is_empty() || expected_above.is_some() {
        return Err(invalid("the last tier must have no upper bound".into()));
    }
    Ok(())
}
