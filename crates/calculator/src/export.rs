//! The estimate as files to download: CSV for spreadsheets, JSON for
//! programs. Pure functions of the page state, its [`Estimate`] and the
//! price book; the app only hands the text to the browser. The caller passes
//! the estimate of `state.scenario`; nothing here re-prices anything.
//!
//! Money is never a float in either format: amounts are plain decimal
//! strings rounded to 分 with two decimals ([`format::plain`], `8800.00`),
//! prices are written exactly as the price book prints them (`0.60`,
//! `697.5`). Call counts are whole numbers.
//!
//! # CSV
//!
//! UTF-8 with a byte-order mark (so that spreadsheet programs do not guess a
//! legacy code page), CRLF after every row, fields quoted per RFC 4180 only
//! when they hold a comma, a quote or a line break. For people (the page's
//! downloads, [`CsvWords`] from its text tables) the headings, the kinds of
//! row, the labels and the price columns are in the page's language, and
//! lines above the table give the scenario in words and its link, then a
//! blank line; the plain CSV ([`CsvWords::plain`], which the examples here
//! use) has the machine names below and no such lines. A header row, then for
//! each label of the estimate (the main label first, then those of further
//! channels) and each month of its recommended plan, the packs bought that
//! month followed by the month's row; with several labels, a `subtotal` row closes each
//! label's rows; then one total row. The pack rows' and month rows'
//! `amount`s add up to the total row's `amount` (and, per label, to its
//! `subtotal`).
//!
//! | column | `pack` row | `month` row | `subtotal` and `total` rows |
//! |---|---|---|---|
//! | `kind` | `pack` | `month` | `subtotal` (one label) or `total` (the estimate) |
//! | `month` | month the pack is bought in, from 1 | month, from 1 | empty |
//! | `calendar_month` | that month as `YYYY-MM` when the page has a `start`, else empty | same | empty |
//! | `label` | the billing label's name in the page's language (its id in the plain CSV) | same | the label; for `total`, every label joined with `+` |
//! | `label_id` | the label's id, e.g. `wechat-verify`, in every language | same | same |
//! | `price_column` | `promo` or `list`: the column in force when the pack is bought | the column in force in the month | the scenario's column |
//! | `pack_calls` | calls one pack holds | empty | empty |
//! | `pack_count` | packs of that size bought | empty | packs bought over the horizon |
//! | `pack_price` | the price of one pack, as in the price book | empty | empty |
//! | `verifications` | empty | verifications in the month, before retries, every channel of the label | sum over the horizon |
//! | `calls` | empty | billed calls (attempts) in the month, every channel of the label | sum over the horizon |
//! | `legacy_calls` | empty | calls taken from the legacy balance | sum over the horizon |
//! | `legacy_expired` | empty | empty | legacy calls lost when the legacy packs expired |
//! | `held_calls` | empty | calls taken from packs already held (`held`) | sum over the horizon |
//! | `held_expired` | empty | empty | calls left on packs already held when they expired (for `total`, with those held on labels no channel bills) |
//! | `pack_calls_used` | empty | calls taken from the plan's packs | sum over the horizon |
//! | `postpaid_calls` | empty | calls billed postpaid | sum over the horizon |
//! | `tier` | empty | postpaid tier of the billed calls, e.g. `1000<n<=10000` or `n>200000`; empty when nothing is billed | empty |
//! | `price_per_call` | the pack's price over its calls, exactly | the tier's price per call, as in the price book; empty without a tier | empty |
//! | `amount` | `pack_count` x pack price | the month's postpaid bill | the recommended plans' total |
//!
//! For 12 000 calls a month growing 2.5 % a month (the JSON example below):
//!
//! ```text
//! kind,month,calendar_month,label,label_id,price_column,pack_calls,pack_count,pack_price,verifications,calls,legacy_calls,legacy_expired,held_calls,held_expired,pack_calls_used,postpaid_calls,tier,price_per_call,amount
//! month,1,,wechat-verify,wechat-verify,promo,,,,12000,12000,0,,0,,0,12000,10000<n<=100000,0.76,9120.00
//! …
//! month,4,,wechat-verify,wechat-verify,promo,,,,12923,12923,0,,0,,0,12923,10000<n<=100000,0.76,9821.48
//! pack,5,,wechat-verify,wechat-verify,promo,100000,1,68000,,,,,,,,,,0.68,68000.00
//! month,5,,wechat-verify,wechat-verify,promo,,,,13246,13246,0,,0,,13246,0,,,0.00
//! …
//! month,12,,wechat-verify,wechat-verify,promo,,,,15745,15745,0,,0,,29,15716,10000<n<=100000,0.76,11944.16
//! total,,,wechat-verify,wechat-verify,promo,,1,,165547,165547,0,0,0,0,100000,65547,,,117815.72
//! ```
//!
//! # JSON
//!
//! Pretty-printed UTF-8. Money fields are strings (amounts with two
//! decimals, `pack_price` exactly as in the price book); call counts and
//! months are JSON integers. Call counts can exceed 2^53 at the top of the
//! growth range, where a JavaScript `JSON.parse` loses precision; they are
//! still written exactly.
//!
//! ```text
//! {
//!   "schema_version": 5,                 // EXPORT_SCHEMA_VERSION
//!   "price_book_version": "2021-02-01",  // the announcement's date
//!   "scenario": {
//!     "label": "wechat-verify",          // billing label id
//!     "volume": 12000,                   // calls in the first month
//!     "months": 12,                      // horizon
//!     "price": "promo",                  // "promo" or "list"
//!     "promo_months": null,              // months at the promotional price; null: the whole horizon
//!     "growth": "2.5",                   // monthly growth in percent, a string
//!     "retry": "0",                      // billed retries in percent, a string
//!     "legacy": 0,                       // legacy balance in calls
//!     "legacy_months": 12,               // months the legacy balance can be used in
//!     "profile": [],                     // month multipliers as strings, e.g. ["1", "3"]; []: flat
//!     "extra": [],                       // further channels: [{ "label": "general-verify", "volume": 5000 }]
//!     "held": [],                        // packs already held: [{ "label": "wechat-verify", "calls": 32000, "months": 5 }]
//!     "start": null,                     // the calendar month of month 1, "YYYY-MM"; null: months are numbered
//!     "query": "label=wechat-verify&volume=12000&months=12&price=promo&growth=2.5&retry=0&legacy=0&legacy_months=12&lang=zh"
//!   },
//!   "recommended": {                     // the cheapest plans, every label together
//!     "purchase_model": "any-month",     // packs may be bought at the start of any month
//!     "strategy": "packs-and-postpaid",  // or "postpaid-only", "packs-only"
//!     "total": "117815.72",
//!     "lower_bound": "117815.72",        // no plan costs less
//!     "proven_cheapest": true,           // total == lower_bound: no cheaper plan exists
//!     "saving_against_yearly": "0.00",   // against buying only at months 1, 13 and 25
//!     "average_per_call": "0.7117",      // total / calls, 4 decimals; null without calls
//!     "saving_against_postpaid": "8000.00",
//!     "saving_against_list_price": "29453.93",
//!     "saving_from_sharing": null,       // what pricing channels of one label together saves; null: no shared label
//!     "held_expired_calls": 0            // calls on packs already held that expire unused, every label
//!   },
//!   "postpaid_only": {                   // buying no packs, every label
//!     "total": "125815.72",              // over the horizon
//!     "first_month": "9120.00"           // the first month's bills (money, not a month)
//!   },
//!   "labels": [{                         // per label, the main one first
//!     "label": "wechat-verify",
//!     "strategy": "packs-and-postpaid",
//!     "total": "117815.72",
//!     "unused_calls": 0,                 // pack calls that expire unused
//!     "legacy_expired_calls": 0,         // legacy calls lost when the legacy packs expired
//!     "held_expired_calls": 0,           // calls on packs already held that expire unused
//!     "lower_bound": "117815.72",
//!     "proven_cheapest": true,
//!     "yearly_total": "117815.72",       // the cheapest plan buying only at months 1, 13, 25
//!     "postpaid_only": { "total": "125815.72", "first_month": "9120.00" },
//!     "orders": [                        // packs bought together, by purchase month
//!       {
//!         "month": 5,                    // bought at the start of this month, from 1
//!         "last_valid_month": 16,        // the packs expire after this month (may pass the horizon)
//!         "price": "promo",              // the column the packs are bought at
//!         "purchases": [                 // largest first
//!           { "pack_calls": 100000, "count": 1, "pack_price": "68000", "amount": "68000.00" }
//!         ],
//!         "packs_cost": "68000.00",
//!         "first_used_month": 5,         // months its calls are used in; null if never
//!         "last_used_month": 12,
//!         "unused_calls": 0              // left when it expired or the horizon ended
//!       }
//!     ],
//!     "months": [                        // the label's recommended plan, month by month
//!       { "month": 1, "price": "promo", "verifications": 12000, "calls": 12000,
//!         "legacy_calls": 0, "held_calls": 0, "pack_calls_used": 0, "postpaid_calls": 12000,
//!         "tier": 2, "bill": "9120.00" },
//!       …
//!       { "month": 12, "price": "promo", "verifications": 15745, "calls": 15745,
//!         "legacy_calls": 0, "held_calls": 0, "pack_calls_used": 29, "postpaid_calls": 15716,
//!         "tier": 2, "bill": "11944.16" }
//!     ]
//!   }]
//! }
//! ```
//!
//! `tier` is the index of the postpaid tier from 0 (the price book's order,
//! `0<n<=1000` first), `null` when nothing is billed postpaid. `price` is the
//! column in force: in a month for its postpaid bill, in a window's first
//! month for its packs. Version 2 added `promo_months`, `retry`,
//! `legacy_months`, `purchase_model`, `legacy_expired_calls`, the windows'
//! and months' `price` and the months' `verifications` (and the CSV columns
//! `verifications` and `legacy_expired`). Version 3 added `profile`, `extra`,
//! `saving_from_sharing` and `labels`, which took over the plan's windows
//! and months, and its unused and expired calls, per label (and the CSV's
//! `subtotal` rows). Version 4 (packs bought in any month) replaced each
//! label's `windows` with `orders`, changed `purchase_model` to `any-month`
//! and the CSV pack rows' `month` to the purchase month, and added
//! `lower_bound`, `proven_cheapest`, `saving_against_yearly` and
//! `yearly_total`. Version 5 added packs already held: the scenario's
//! `held` (`label`, `calls`, `months` per entry), each label's
//! `held_expired_calls`, each month's `held_calls`, the estimate's
//! `held_expired_calls` (with calls held on labels no channel bills), and the
//! CSV columns `held_calls` and `held_expired`; and the calendar: the
//! scenario's `start` and the CSV column `calendar_month`. A reader
//! should reject a `schema_version` it does not know; fields may be added
//! without a new version, never removed or changed in meaning.

use rust_decimal::Decimal;

use pricing::{
    Calls, Estimate, Label, LabelEstimate, LabelPrices, MonthLine, Order, OrderUse, PriceBook,
    PriceColumn, Purchase, Strategy, Tier,
};

use crate::format;
use crate::json::Json;
use crate::page_state::PageState;
use crate::url_state;

/// Version of the CSV columns and the JSON schema documented above.
pub const EXPORT_SCHEMA_VERSION: u32 = 5;

/// How many columns the CSV's table has.
pub const CSV_COLUMN_COUNT: usize = 20;

/// The CSV's machine column names, in column order ([`CsvWords::plain`]).
const CSV_COLUMNS: [&str; CSV_COLUMN_COUNT] = [
    "kind",
    "month",
    "calendar_month",
    "label",
    "label_id",
    "price_column",
    "pack_calls",
    "pack_count",
    "pack_price",
    "verifications",
    "calls",
    "legacy_calls",
    "legacy_expired",
    "held_calls",
    "held_expired",
    "pack_calls_used",
    "postpaid_calls",
    "tier",
    "price_per_call",
    "amount",
];

/// The words a CSV is written in: the page's language for people (the
/// app's text tables give them), or [`CsvWords::plain`] for machines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvWords {
    /// The column headings, in column order.
    pub columns: [&'static str; CSV_COLUMN_COUNT],
    /// The kinds of row: pack, month, subtotal, total.
    pub kinds: [&'static str; 4],
    /// The price columns' names: the discount price, the list price.
    pub prices: [&'static str; 2],
    /// The labels' names, in `Label::ALL`'s order.
    pub labels: [&'static str; 4],
    /// The lines above the table, each a heading and its text (the scenario
    /// in words, its link); a blank line then parts them from the table.
    pub about: Vec<(String, String)>,
}

impl CsvWords {
    /// The machine names: the column names above, `pack`/`month`/`subtotal`/`total`,
    /// `promo`/`list`, the labels' ids, and no lines above the table.
    pub fn plain() -> CsvWords {
        CsvWords {
            columns: CSV_COLUMNS,
            kinds: ["pack", "month", "subtotal", "total"],
            prices: ["promo", "list"],
            labels: Label::ALL.map(Label::id),
            about: Vec::new(),
        }
    }
}

/// How the plan buys packs, as the JSON names it: at the start of any month.
pub const PURCHASE_MODEL: &str = "any-month";

/// The estimate as CSV in `words`: a BOM, CRLF rows, the lines about the
/// scenario, then pack, month, subtotal and total rows as the module documents.
pub fn csv(state: &PageState, estimate: &Estimate, book: &PriceBook, words: &CsvWords) -> String {
    let mut out = String::from("\u{feff}");
    for (heading, text) in &words.about {
        push_csv_row(&mut out, &[heading.as_str(), text.as_str()]);
    }
    if !words.about.is_empty() {
        out.push_str("\r\n");
    }
    push_csv_row(&mut out, &words.columns);
    for label in &estimate.labels {
        let context = CsvContext::new(state, book, label.label);
        for (index, line) in label.best_bill.months.iter().enumerate() {
            // Packs are bought at the start of their month: list them before it.
            for order in label.best.orders.iter().filter(|o| o.month == index) {
                for purchase in &order.purchases {
                    let row = context.pack_row(order.month, purchase);
                    push_csv_row(&mut out, &row.cells(words).each_ref().map(String::as_str));
                }
            }
            let row = context.month_row(index, line);
            push_csv_row(&mut out, &row.cells(words).each_ref().map(String::as_str));
        }
        if estimate.labels.len() > 1 {
            let row = context.subtotal_row(label);
            push_csv_row(&mut out, &row.cells(words).each_ref().map(String::as_str));
        }
    }
    let row = total_row(state, estimate);
    push_csv_row(&mut out, &row.cells(words).each_ref().map(String::as_str));
    out
}

/// The file name a download of the estimate gets: label, volume, months and a
/// short hash of the whole scenario, so that two scenarios never overwrite
/// each other (`faceid-wechat-verify-10000-12m-3f2a9c.csv`).
pub fn csv_file_name(state: &PageState, extension: &str) -> String {
    let scenario = &state.scenario;
    let query = crate::pins::scenario_query(scenario);
    // FNV-1a: short, stable across builds and targets, not a security hash.
    let hash = query.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!(
        "faceid-{}-{}-{}m-{:06x}.{extension}",
        scenario.label.id(),
        scenario.volume,
        scenario.months,
        hash & 0xff_ffff
    )
}

/// The estimate as pretty-printed JSON, in the schema the module documents.
pub fn json(state: &PageState, estimate: &Estimate, book: &PriceBook) -> String {
    document(state, estimate, book).pretty()
}

/// The text of a postpaid tier as the CSV writes it: `1000<n<=10000`, `n>200000`.
pub fn tier_text(tier: &Tier) -> String {
    match tier.up_to {
        Some(up_to) => format!("{}<n<={up_to}", tier.above),
        None => format!("n>{}", tier.above),
    }
}

/// The strategy's id in the JSON export: `postpaid-only`, `packs-only`, `packs-and-postpaid`.
pub fn strategy_id(strategy: Strategy) -> &'static str {
    match strategy {
        Strategy::PostpaidOnly => "postpaid-only",
        Strategy::PacksOnly => "packs-only",
        Strategy::PacksAndPostpaid => "packs-and-postpaid",
    }
}

/// What every CSV row of one label shares.
struct CsvContext<'a> {
    state: &'a PageState,
    label: Label,
    prices: &'a LabelPrices,
}

/// The kind of a CSV row, as an index into [`CsvWords::kinds`].
#[derive(Clone, Copy, Default)]
enum RowKind {
    Pack = 0,
    #[default]
    Month = 1,
    Subtotal = 2,
    Total = 3,
}

/// One CSV row; empty strings are empty cells.
#[derive(Default)]
struct CsvRow {
    kind: RowKind,
    month: String,
    calendar_month: String,
    labels: Vec<Label>,
    price_column: Option<PriceColumn>,
    pack_calls: String,
    pack_count: String,
    pack_price: String,
    verifications: String,
    calls: String,
    legacy_calls: String,
    legacy_expired: String,
    held_calls: String,
    held_expired: String,
    pack_calls_used: String,
    postpaid_calls: String,
    tier: String,
    price_per_call: String,
    amount: String,
}

impl CsvRow {
    /// The row's cells in `words`: kinds, labels and price columns by name,
    /// the labels' ids beside their names.
    fn cells(&self, words: &CsvWords) -> [String; CSV_COLUMN_COUNT] {
        let joined = |name: &dyn Fn(Label) -> &'static str| {
            let names: Vec<&str> = self.labels.iter().map(|&l| name(l)).collect();
            names.join("+")
        };
        let price = |column: PriceColumn| words.prices[usize::from(column == PriceColumn::List)];
        [
            words.kinds[self.kind as usize].to_string(),
            self.month.clone(),
            self.calendar_month.clone(),
            joined(&|l| words.labels[l.index()]),
            joined(&Label::id),
            self.price_column.map(price).unwrap_or_default().to_string(),
            self.pack_calls.clone(),
            self.pack_count.clone(),
            self.pack_price.clone(),
            self.verifications.clone(),
            self.calls.clone(),
            self.legacy_calls.clone(),
            self.legacy_expired.clone(),
            self.held_calls.clone(),
            self.held_expired.clone(),
            self.pack_calls_used.clone(),
            self.postpaid_calls.clone(),
            self.tier.clone(),
            self.price_per_call.clone(),
            self.amount.clone(),
        ]
    }
}

impl<'a> CsvContext<'a> {
    fn new(state: &'a PageState, book: &'a PriceBook, label: Label) -> Self {
        CsvContext {
            state,
            label,
            prices: book.label(label),
        }
    }

    fn row(&self, kind: RowKind) -> CsvRow {
        CsvRow {
            kind,
            labels: vec![self.label],
            price_column: Some(self.state.scenario.column),
            ..CsvRow::default()
        }
    }

    fn pack_row(&self, month: usize, purchase: &Purchase) -> CsvRow {
        let column = self.state.scenario.column_in(month);
        CsvRow {
            month: (month + 1).to_string(),
            calendar_month: self.calendar_month(month),
            price_column: Some(column),
            pack_calls: purchase.pack.calls.to_string(),
            pack_count: purchase.count.to_string(),
            pack_price: purchase.pack.price.get(column).to_string(),
            price_per_call: pack_price_per_call(purchase, column),
            amount: format::plain(purchase.cost(column)),
            ..self.row(RowKind::Pack)
        }
    }

    fn month_row(&self, index: usize, line: &MonthLine) -> CsvRow {
        let tier = line.tier.and_then(|tier| self.prices.tiers.get(tier));
        let column = line.column;
        CsvRow {
            month: (index + 1).to_string(),
            calendar_month: self.calendar_month(index),
            price_column: Some(column),
            verifications: line.verifications.to_string(),
            calls: line.calls.to_string(),
            legacy_calls: line.legacy.to_string(),
            held_calls: line.held.to_string(),
            pack_calls_used: line.packs.to_string(),
            postpaid_calls: line.postpaid.to_string(),
            tier: tier.map(tier_text).unwrap_or_default(),
            price_per_call: tier
                .map(|tier| tier.unit.get(column).to_string())
                .unwrap_or_default(),
            amount: format::plain(line.bill),
            ..self.row(RowKind::Month)
        }
    }

    /// A month of the estimate (from 0) as `YYYY-MM`, or empty without a `start`.
    fn calendar_month(&self, index: usize) -> String {
        let start = self.state.start;
        start
            .map(|first| first.plus(index).to_string())
            .unwrap_or_default()
    }

    fn subtotal_row(&self, label: &LabelEstimate) -> CsvRow {
        CsvRow {
            legacy_expired: label.best_bill.legacy_expired.to_string(),
            held_expired: label.best_bill.held_expired.to_string(),
            ..summed_row(self.row(RowKind::Subtotal), std::slice::from_ref(label))
        }
    }
}

/// The last row: every label's sums, and the estimate's total.
fn total_row(state: &PageState, estimate: &Estimate) -> CsvRow {
    let row = CsvRow {
        kind: RowKind::Total,
        labels: estimate.labels.iter().map(|l| l.label).collect(),
        price_column: Some(state.scenario.column),
        legacy_expired: estimate.legacy_expired().to_string(),
        held_expired: estimate.held_expired().to_string(),
        ..CsvRow::default()
    };
    summed_row(row, &estimate.labels)
}

/// A pack's price per call, exact: the pack's price over its calls.
fn pack_price_per_call(purchase: &Purchase, column: PriceColumn) -> String {
    let calls = Decimal::from(purchase.pack.calls);
    let price = purchase.pack.price.get(column);
    price
        .checked_div(calls)
        .map(|per_call| per_call.normalize().to_string())
        .unwrap_or_default()
}

/// `row` with the labels' packs, calls and amounts summed over the horizon.
fn summed_row(row: CsvRow, labels: &[LabelEstimate]) -> CsvRow {
    let months = labels.iter().flat_map(|label| &label.best_bill.months);
    let sum = |field: fn(&MonthLine) -> Calls| months.clone().map(field).sum::<Calls>();
    CsvRow {
        pack_count: labels
            .iter()
            .map(|l| l.best.pack_count())
            .sum::<u64>()
            .to_string(),
        verifications: sum(|line| line.verifications).to_string(),
        calls: sum(|line| line.calls).to_string(),
        legacy_calls: sum(|line| line.legacy).to_string(),
        held_calls: sum(|line| line.held).to_string(),
        pack_calls_used: sum(|line| line.packs).to_string(),
        postpaid_calls: sum(|line| line.postpaid).to_string(),
        amount: format::plain(labels.iter().map(|l| l.best.total).sum()),
        ..row
    }
}

fn push_csv_row(out: &mut String, cells: &[&str]) {
    for (index, cell) in cells.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        push_csv_field(out, cell);
    }
    out.push_str("\r\n");
}

/// RFC 4180: quote a field only if it holds a separator, a quote or a line break.
fn push_csv_field(out: &mut String, field: &str) {
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
    }
}

/// The JSON document; the member names are the schema.
fn document(state: &PageState, estimate: &Estimate, book: &PriceBook) -> Json {
    let labels = estimate.labels.iter().map(label_json);
    Json::object([
        ("schema_version", Json::int(EXPORT_SCHEMA_VERSION)),
        ("price_book_version", Json::str(book.version.as_str())),
        ("scenario", scenario_json(state)),
        ("recommended", recommended_json(estimate)),
        (
            "postpaid_only",
            postpaid_json(estimate.postpaid_total(), estimate.postpaid_first_month()),
        ),
        ("labels", Json::Array(labels.collect())),
    ])
}

fn postpaid_json(total: Decimal, first_month: Decimal) -> Json {
    Json::object([
        ("total", money_json(total)),
        ("first_month", money_json(first_month)),
    ])
}

fn scenario_json(state: &PageState) -> Json {
    let scenario = &state.scenario;
    // Normalized as the URL writes them, so "2.50" and "2.5" export alike.
    let profile = scenario
        .profile
        .iter()
        .map(|w| Json::str(w.normalize().to_string()));
    let extra = scenario.extra.iter().map(|channel| {
        Json::object([
            ("label", Json::str(channel.label.id())),
            ("volume", Json::int(channel.volume)),
        ])
    });
    Json::object([
        ("label", Json::str(scenario.label.id())),
        ("volume", Json::int(scenario.volume)),
        ("months", Json::int(scenario.months)),
        ("price", Json::str(scenario.column.id())),
        (
            "promo_months",
            scenario.promo_months.map_or(Json::Null, Json::int),
        ),
        ("growth", Json::str(scenario.growth.normalize().to_string())),
        ("retry", Json::str(scenario.retry.normalize().to_string())),
        ("legacy", Json::int(scenario.legacy)),
        ("legacy_months", Json::int(scenario.legacy_months)),
        ("profile", Json::Array(profile.collect())),
        ("extra", Json::Array(extra.collect())),
        (
            "held",
            Json::Array(scenario.held.iter().map(held_json).collect()),
        ),
        (
            "start",
            state.start.map_or(Json::Null, |m| Json::str(m.to_string())),
        ),
        ("query", Json::str(url_state::encode(state))),
    ])
}

fn recommended_json(estimate: &Estimate) -> Json {
    let average = estimate.average_per_call().map(format::per_call_fixed);
    let sharing = estimate
        .saving_from_sharing()
        .map_or(Json::Null, money_json);
    Json::object([
        ("purchase_model", Json::str(PURCHASE_MODEL)),
        ("strategy", Json::str(strategy_id(estimate.strategy()))),
        ("total", money_json(estimate.best_total())),
        ("lower_bound", money_json(estimate.lower_bound())),
        ("proven_cheapest", Json::Bool(estimate.is_proven())),
        (
            "saving_against_yearly",
            money_json(estimate.saving_against_yearly()),
        ),
        ("average_per_call", average.map_or(Json::Null, Json::String)),
        (
            "saving_against_postpaid",
            money_json(estimate.saving_against_postpaid()),
        ),
        (
            "saving_against_list_price",
            money_json(estimate.saving_against_list_price()),
        ),
        ("saving_from_sharing", sharing),
        ("held_expired_calls", Json::int(estimate.held_expired())),
    ])
}

fn label_json(label: &LabelEstimate) -> Json {
    let best = &label.best;
    let months = &label.best_bill.months;
    let orders = best
        .orders
        .iter()
        .zip(&label.best_bill.orders)
        .map(order_json);
    let first_month = label
        .postpaid
        .months
        .first()
        .map_or(Decimal::ZERO, |m| m.bill);
    Json::object([
        ("label", Json::str(label.label.id())),
        ("strategy", Json::str(strategy_id(best.strategy))),
        ("total", money_json(best.total)),
        ("unused_calls", Json::int(best.unused)),
        ("lower_bound", money_json(best.lower_bound)),
        ("proven_cheapest", Json::Bool(best.is_proven())),
        ("yearly_total", money_json(label.yearly.total())),
        (
            "legacy_expired_calls",
            Json::int(label.best_bill.legacy_expired),
        ),
        (
            "held_expired_calls",
            Json::int(label.best_bill.held_expired),
        ),
        (
            "postpaid_only",
            postpaid_json(label.postpaid.total(), first_month),
        ),
        ("orders", Json::Array(orders.collect())),
        (
            "months",
            Json::Array(months.iter().enumerate().map(month_json).collect()),
        ),
    ])
}

fn order_json((order, used): (&Order, &OrderUse)) -> Json {
    let column = used.column;
    let purchases = order.purchases.iter().map(|purchase| {
        Json::object([
            ("pack_calls", Json::int(purchase.pack.calls)),
            ("count", Json::int(purchase.count)),
            (
                "pack_price",
                Json::str(purchase.pack.price.get(column).to_string()),
            ),
            ("amount", money_json(purchase.cost(column))),
        ])
    });
    let month = |index: Option<usize>| index.map_or(Json::Null, |m| Json::int(index_int(m + 1)));
    Json::object([
        ("month", Json::int(index_int(order.month + 1))),
        (
            "last_valid_month",
            Json::int(index_int(order.last_valid_month() + 1)),
        ),
        ("price", Json::str(column.id())),
        ("purchases", Json::Array(purchases.collect())),
        ("packs_cost", money_json(used.cost)),
        (
            "first_used_month",
            month(used.drawn.map(|(first, _)| first)),
        ),
        ("last_used_month", month(used.drawn.map(|(_, last)| last))),
        ("unused_calls", Json::int(used.unused)),
    ])
}

fn month_json((index, line): (usize, &MonthLine)) -> Json {
    let tier = line
        .tier
        .map_or(Json::Null, |tier| Json::int(index_int(tier)));
    Json::object([
        ("month", Json::int(index_int(index + 1))),
        ("price", Json::str(line.column.id())),
        ("verifications", Json::int(line.verifications)),
        ("calls", Json::int(line.calls)),
        ("legacy_calls", Json::int(line.legacy)),
        ("held_calls", Json::int(line.held)),
        ("pack_calls_used", Json::int(line.packs)),
        ("postpaid_calls", Json::int(line.postpaid)),
        ("tier", tier),
        ("bill", money_json(line.bill)),
    ])
}

/// One entry of packs already held.
fn held_json(held: &pricing::Held) -> Json {
    Json::object([
        ("label", Json::str(held.label.id())),
        ("calls", Json::int(held.calls)),
        ("months", Json::int(held.months)),
    ])
}

/// An amount as the export writes money: a string with two decimals.
fn money_json(amount: Decimal) -> Json {
    Json::String(format::plain(amount))
}

/// A month or tier index as a JSON integer (`usize` always fits).
fn index_int(index: usize) -> u128 {
    index as u128
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut out = String::new();
        push_csv_row(&mut out, &["plain", "a,b", "say \"hi\"", "two\nlines", ""]);
        assert_eq!(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
    }

    #[test]
    fn tiers_read_as_the_announcement_writes_them() {
        let book = PriceBook::embedded().unwrap();
        let tiers = &book.label(pricing::Label::WechatVerify).tiers;
        assert_eq!(tier_text(&tiers[0]), "0<n<=1000");
        assert_eq!(tier_text(&tiers[1]), "1000<n<=10000");
        assert_eq!(tier_text(&tiers[tiers.len() - 1]), "n>200000");
    }
}
