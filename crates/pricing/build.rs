//! Turns `data/price-book.toml` into Rust at build time: `price_book.rs`
//! includes the generated expression, so the page carries the prices as
//! plain values and neither a TOML nor a JSON parser ships in the
//! WebAssembly bundle. A malformed data file fails the build here; the
//! book's own rules are checked when the values are read, as for a parsed file.

use std::error::Error;
use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::{Map, Value};

const SOURCE: &str = "data/price-book.toml";
/// Keys of a table row that are not label cells.
const ROW_KEYS: [&str; 3] = ["calls", "above", "up-to"];

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> Result<()> {
    println!("cargo:rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE)?;
    let book: Value = basic_toml::from_str(&text).map_err(|e| format!("{SOURCE}: {e}"))?;
    let code = raw_book(&book).map_err(|e| format!("{SOURCE}: {e}"))?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("price_book_values.rs");
    std::fs::write(out, code)?;
    Ok(())
}

fn raw_book(book: &Value) -> Result<String> {
    let labels = table(book, "labels")?;
    let mut code = format!(
        "RawBook {{\n    version: String::from({:?}),\n    labels: BTreeMap::from([\n",
        text(book, "version")?
    );
    for (id, names) in labels {
        writeln!(
            code,
            "        (String::from({id:?}), RawName {{ zh: String::from({:?}) }}),",
            text(names, "zh")?
        )?;
    }
    code.push_str("    ]),\n    packs: vec![\n");
    for row in rows(book, "packs")? {
        let calls = integer(row, "calls")?;
        let cells = cells(row, labels)?;
        writeln!(
            code,
            "        RawPackRow {{ calls: {calls}, cells: {cells} }},"
        )?;
    }
    code.push_str("    ],\n    tiers: vec![\n");
    for row in rows(book, "tiers")? {
        let above = integer(row, "above")?;
        let up_to = match row.get("up-to") {
            None => "None".to_owned(),
            Some(_) => format!("Some({})", integer(row, "up-to")?),
        };
        let cells = cells(row, labels)?;
        writeln!(
            code,
            "        RawTierRow {{ above: {above}, up_to: {up_to}, cells: {cells} }},"
        )?;
    }
    code.push_str("    ],\n}\n");
    Ok(code)
}

/// A row's price cells as a `RawCells` expression, one field per label.
fn cells(row: &Value, labels: &Map<String, Value>) -> Result<String> {
    let object = row.as_object().ok_or("a table row is not a table")?;
    if let Some(key) = object
        .keys()
        .find(|key| !ROW_KEYS.contains(&key.as_str()) && !labels.contains_key(*key))
    {
        return Err(format!("unknown key `{key}` in a table row").into());
    }
    let mut fields = Vec::new();
    for id in labels.keys() {
        let value = match object.get(id) {
            None => "None".to_owned(),
            Some(cell) => format!(
                "Some(Price {{ list: {}, promo: {} }})",
                decimal(text(cell, "list")?)?,
                decimal(text(cell, "promo")?)?
            ),
        };
        fields.push(format!("{}: {value}", id.replace('-', "_")));
    }
    Ok(format!("RawCells {{ {} }}", fields.join(", ")))
}

/// A `Decimal::from_parts` call that keeps the printed scale, so "0.60" stays "0.60".
fn decimal(printed: &str) -> Result<String> {
    let (whole, fraction) = printed.split_once('.').unwrap_or((printed, ""));
    let digits = format!("{whole}{fraction}");
    if whole.is_empty() || digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("`{printed}` is not a price written as digits").into());
    }
    let mantissa: u64 = digits.parse()?;
    let low = mantissa & 0xFFFF_FFFF;
    let mid = mantissa >> 32;
    Ok(format!(
        "Decimal::from_parts({low}, {mid}, 0, false, {})",
        fraction.len()
    ))
}

fn table<'a>(value: &'a Value, key: &str) -> Result<&'a Map<String, Value>> {
    value
        .get(key)
        .and_then(Value::as_object)
        .ok_or_else(|| format!("`{key}` is missing or not a table").into())
}

fn rows<'a>(value: &'a Value, key: &str) -> Result<&'a Vec<Value>> {
    value
        .get(key)
        .and_then(Value::as_array)
        .ok_or_else(|| format!("`{key}` is missing or not an array of tables").into())
}

fn text<'a>(value: &'a Value, key: &str) -> Result<&'a str> {
    value
        .get(key)
        .and_then(Value::as_str)
        .ok_or_else(|| format!("`{key}` is missing or not a string").into())
}

fn integer(value: &Value, key: &str) -> Result<u64> {
    value
        .get(key)
        .and_then(Value::as_u64)
        .ok_or_else(|| format!("`{key}` is missing or not a whole number").into())
}
