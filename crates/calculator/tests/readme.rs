//! The table of URL parameters in `docs/contracts.md` is the public
//! contract; the field table is what the page obeys. They must say the same
//! thing.

use std::path::Path;

use calculator::fields::{Field, Rule, FIELDS};

/// The rows of the table under the contract's "URL parameters" heading: name, values, default.
fn readme_rows() -> Vec<[String; 3]> {
    // Up two folders without "..", which node's WASI (the 32-bit test run) does not follow.
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().nth(2);
    let readme = workspace
        .expect("the crate is two folders down")
        .join("docs")
        .join("contracts.md");
    let text = std::fs::read_to_string(&readme).expect("the contract is readable");
    let (_, section) = text
        .split_once("## URL parameters")
        .expect("the contract has a URL parameters section");
    section
        .lines()
        .skip_while(|line| !line.starts_with('|'))
        .take_while(|line| line.starts_with('|'))
        .skip(2)
        .map(|line| {
            let cells: Vec<String> = line
                .trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().to_string())
                .collect();
            [cells[0].clone(), cells[1].clone(), cells[2].clone()]
        })
        .collect()
}

/// `1 000 000` and `10^12` as plain digits.
fn plain_numbers(text: &str) -> String {
    let mut out = text.replace("10^12", "1000000000000");
    while let Some(at) = find_grouping_space(&out) {
        out.remove(at);
    }
    out
}

fn find_grouping_space(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    (1..bytes.len().saturating_sub(3)).find(|&i| {
        bytes[i] == b' '
            && bytes[i - 1].is_ascii_digit()
            && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
    })
}

fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

fn check_values(field: &Field, values: &str) {
    match field.rule {
        Rule::Numbers { most, each, .. } => {
            assert!(
                values.contains(&format!("1 to {most} ")),
                "{}: {values}",
                field.name
            );
            let Rule::Number { min, max, places } = *each else {
                panic!("{}: a list of numbers", field.name)
            };
            let plain = plain_numbers(values);
            assert!(
                plain.contains(&format!("{min} … {max}")),
                "{}: {values}",
                field.name
            );
            assert!(
                values.contains(&format!("up to {places} decimals")),
                "{}",
                field.name
            );
        }
        Rule::Channels { most } => {
            assert!(
                values.contains(&format!("up to {most}")),
                "{}: {values}",
                field.name
            );
            assert!(
                values.contains("`label:volume`"),
                "{}: {values}",
                field.name
            );
        }
        Rule::Held { most } => {
            assert!(
                values.contains(&format!("up to {most} ")),
                "{}: {values}",
                field.name
            );
            assert!(
                values.contains("`label:calls@months`"),
                "{}: {values}",
                field.name
            );
        }
        Rule::Month { min, max } => {
            assert!(
                values.contains(&format!("`YYYY-MM`, {min} … {max}")),
                "{}: {values}",
                field.name
            );
        }
        Rule::Word(words) => assert_eq!(backticked(values), words, "values of {}", field.name),
        Rule::Number { min, max, places } => {
            let plain = plain_numbers(values);
            for bound in [min, max] {
                assert!(
                    plain.contains(&bound.to_string()),
                    "{}: {bound} missing from {values:?}",
                    field.name
                );
            }
            if places == 0 {
                assert!(
                    values.contains("whole") || values.contains("horizon"),
                    "{}",
                    field.name
                );
            } else {
                assert!(
                    values.contains(&format!("up to {places} decimals")),
                    "{}: {values:?}",
                    field.name
                );
            }
        }
    }
}

#[test]
fn the_readme_lists_every_field_in_order_with_its_values_and_default() {
    let rows = readme_rows();
    let names: Vec<String> = rows.iter().map(|row| row[0].replace('`', "")).collect();
    let fields: Vec<&str> = FIELDS.iter().map(|field| field.name).collect();
    assert_eq!(names, fields);
    for (field, [_, values, default]) in FIELDS.iter().zip(&rows) {
        check_values(field, values);
        let expected = if field.optional {
            "absent".to_string()
        } else {
            field.default.to_string()
        };
        assert_eq!(
            default.replace('`', ""),
            expected,
            "default of {}",
            field.name
        );
    }
}
