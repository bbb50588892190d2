//! Every cell of the announcement's two HTML tables against the price book.
//!
//! The announcement lives in `shared/reference/` beside the repository (CI
//! always has it). Where it is absent the tests say so and skip, except under
//! CI, where its absence is a failure.

use std::path::PathBuf;

use pricing::{Label, LabelPrices, PriceBook};

fn announcement() -> Option<String> {
    let path = std::env::var_os("FACEID_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
        .join("reference/announcement-2021-02-01.md");
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(error) if std::env::var_os("CI").is_some() => {
            panic!(
                "CI must have the announcement at {}: {error}",
                path.display()
            )
        }
        Err(error) => {
            eprintln!(
                "SKIPPED: announcement not readable at {} ({error}); set FACEID_SHARED_DIR to the shared/ folder",
                path.display()
            );
            None
        }
    }
}

/// The text of each cell of each row of each `<table>`, tags removed.
fn tables(html: &str) -> Vec<Vec<Vec<String>>> {
    html.split("<table>")
        .skip(1)
        .map(|rest| {
            let table = rest.split("</table>").next().unwrap_or_default();
            table.split("<tr>").skip(1).map(cells).collect()
        })
        .collect()
}

fn cells(row: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in row.split('<').skip(1) {
        let is_tag = piece.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        if !is_tag {
            // A bare `<` in the text, as in `0<调用量≤1000`.
            if let Some(last) = out.last_mut() {
                last.push('<');
                last.push_str(piece.trim_end());
            }
            continue;
        }
        let (tag, text) = piece.split_once('>').unwrap_or((piece, ""));
        if tag.starts_with("td") || tag.starts_with("th") {
            out.push(text.trim().to_string());
        } else if let Some(last) = out.last_mut() {
            last.push_str(text.trim());
        }
    }
    out
}

/// Label columns in the order the header row names them.
fn header_labels(book: &PriceBook, header: &[String]) -> Vec<Label> {
    header[1..]
        .iter()
        .map(|name| {
            book.labels()
                .iter()
                .find(|prices| &prices.name_zh == name)
                .unwrap_or_else(|| panic!("no label in the price book is named {name}"))
                .label
        })
        .collect()
}

fn chinese_count(text: &str) -> u64 {
    let text = text.trim_end_matches('次');
    match text.strip_suffix('万') {
        Some(tens_of_thousands) => tens_of_thousands.parse::<u64>().unwrap() * 10_000,
        None => text.parse().unwrap(),
    }
}

/// Compares the announcement's cell (e.g. `74.25元`, `-`) with the book's.
fn check_cell(printed: &str, suffix: &str, book_cell: Option<rust_decimal::Decimal>, what: &str) {
    match printed {
        "-" => assert_eq!(book_cell, None, "{what}: announcement prints -"),
        _ => {
            let number = printed
                .strip_suffix(suffix)
                .unwrap_or_else(|| panic!("{what}: {printed}"));
            let cell = book_cell.unwrap_or_else(|| panic!("{what}: missing from the price book"));
            assert_eq!(cell.to_string(), number, "{what}");
        }
    }
}

fn label_prices(book: &PriceBook, label: Label) -> &LabelPrices {
    book.label(label)
}

#[test]
fn every_pack_cell_matches_the_announcement() {
    let Some(text) = announcement() else { return };
    let book = PriceBook::embedded().unwrap();
    let tables = tables(&text);
    assert_eq!(tables.len(), 2, "the announcement has two tables");
    let rows = &tables[0];
    let labels = header_labels(book, &rows[0]);
    assert_eq!(labels, Label::ALL);
    let mut checked = 0;
    for row in &rows[2..] {
        let calls = chinese_count(&row[0]);
        for (i, &label) in labels.iter().enumerate() {
            let pack = label_prices(book, label)
                .packs
                .iter()
                .find(|p| p.calls == calls);
            let what = format!("{label} pack of {calls}");
            check_cell(
                &row[1 + 2 * i],
                "元",
                pack.map(|p| p.price.list),
                &format!("{what} list"),
            );
            check_cell(
                &row[2 + 2 * i],
                "元",
                pack.map(|p| p.price.promo),
                &format!("{what} promo"),
            );
            checked += 2;
        }
    }
    assert_eq!(checked, 64);
    let packs_in_book: usize = book.labels().iter().map(|p| p.packs.len()).sum();
    assert_eq!(packs_in_book, 31, "8 sizes x 4 labels less the one \"-\"");
}

#[test]
fn every_postpaid_cell_matches_the_announcement() {
    let Some(text) = announcement() else { return };
    let book = PriceBook::embedded().unwrap();
    let rows = &tables(&text)[1];
    let labels = header_labels(book, &rows[0]);
    let body = &rows[2..];
    for label in Label::ALL {
        assert_eq!(label_prices(book, label).tiers.len(), body.len());
    }
    for (t, row) in body.iter().enumerate() {
        let (above, up_to) = tier_bounds(&row[0]);
        for (i, &label) in labels.iter().enumerate() {
            let tier = label_prices(book, label).tiers[t];
            assert_eq!(
                (tier.above, tier.up_to),
                (above, up_to),
                "{label} tier {t} bounds"
            );
            let what = format!("{label} tier {}", row[0]);
            check_cell(
                &row[1 + 2 * i],
                "元/次",
                Some(tier.unit.list),
                &format!("{what} list"),
            );
            check_cell(
                &row[2 + 2 * i],
                "元/次",
                Some(tier.unit.promo),
                &format!("{what} promo"),
            );
        }
    }
}

/// `0<调用量≤1000`, `1万<调用量≤10万`, `20万<调用量` as (above, up_to).
fn tier_bounds(text: &str) -> (u64, Option<u64>) {
    let (above, rest) = text
        .split_once("<调用量")
        .unwrap_or_else(|| panic!("tier text {text}"));
    let up_to = rest.strip_prefix('≤').map(chinese_count);
    (chinese_count(above), up_to)
}
