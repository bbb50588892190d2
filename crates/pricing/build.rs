//! Turns `data/price-book.toml` into JSON at build time. The page then reads
//! the price book with the JSON parser it carries anyway, and no TOML parser
//! ships in the WebAssembly bundle (about 100 KB less). A malformed data file
//! fails the build here; the book's own rules are checked when it is read.

use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    const SOURCE: &str = "data/price-book.toml";
    println!("cargo:rerun-if-changed={SOURCE}");
    let text = std::fs::read_to_string(SOURCE)?;
    let value: serde_json::Value =
        basic_toml::from_str(&text).map_err(|e| format!("{SOURCE}: {e}"))?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("price-book.json");
    std::fs::write(out, serde_json::to_string(&value)?)?;
    Ok(())
}
