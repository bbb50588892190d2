//! The CSV and JSON exports: read back with an independent reader and
//! checked against the estimate they were written from.

mod common;

use common::d;
use std::str::FromStr;

use calculator::downloads::{self as export, CsvWords, EXPORT_SCHEMA_VERSION};
use calculator::{format, PageState};
use pricing::{Estimate, ExtraChannel, Label, Optimizer, PriceBook, PriceColumn, Scenario};
use rust_decimal::Decimal;
use serde_json::Value;

const HEADER: [&str; 20] = [
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

/// Keys whose values are money, written as strings.
const MONEY_KEYS: [&str; 14] = [
    "total",
    "lower_bound",
    "saving_against_yearly",
    "yearly_total",
    "saving_against_postpaid",
    "saving_against_list_price",
    "packs_cost",
    "postpaid_cost",
    "pack_price",
    "amount",
    "bill",
    "average_per_call",
    "growth",
    "retry",
];

/// Keys whose values are whole numbers: counts of calls, packs or months.
const COUNT_KEYS: [&str; 22] = [
    "schema_version",
    "volume",
    "months",
    "legacy",
    "unused_calls",
    "pack_calls",
    "count",
    "month",
    "calls",
    "legacy_calls",
    "pack_calls_used",
    "postpaid_calls",
    "tier",
    "verifications",
    "legacy_months",
    "promo_months",
    "legacy_expired_calls",
    "held_calls",
    "held_expired_calls",
    "last_valid_month",
    "first_used_month",
    "last_used_month",
];

struct Case {
    state: PageState,
    estimate: Estimate,
}

fn case(scenario: Scenario) -> Case {
    let estimate = Estimate::new(Optimizer::embedded().unwrap(), &scenario).unwrap();
    Case {
        state: PageState {
            scenario,
            ..PageState::default()
        },
        estimate,
    }
}

fn book() -> &'static PriceBook {
    PriceBook::embedded().unwrap()
}

fn growth_and_legacy() -> Case {
    case(Scenario {
        label: Label::GeneralCompare,
        volume: 20_000,
        months: 12,
        column: PriceColumn::List,
        growth: d("3.5"),
        legacy: 50_000,
        ..Scenario::default()
    })
}

/// The promotion ending mid-horizon, retries billed and legacy calls expiring.
fn realism() -> Case {
    case(Scenario {
        volume: 9_000,
        months: 18,
        promo_months: Some(6),
        retry: d("12.5"),
        legacy: 40_000,
        legacy_months: 3,
        ..Scenario::default()
    })
}

fn three_years() -> Case {
    case(Scenario {
        label: Label::WechatVerify,
        volume: 150_000,
        months: 36,
        growth: d("2"),
        ..Scenario::default()
    })
}

fn no_calls() -> Case {
    case(Scenario {
        volume: 0,
        ..Scenario::default()
    })
}

fn all_cases() -> Vec<Case> {
    vec![
        growth_and_legacy(),
        three_years(),
        realism(),
        no_calls(),
        case(Scenario::default()),
    ]
}

/// A small RFC 4180 reader, independent of the writer: quoted fields may
/// hold commas, doubled quotes and line breaks; records end with CRLF.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(ch) = chars.next() {
        match (quoted, ch) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, _) => field.push(ch),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\n') => panic!("LF without CR"),
            (false, _) => field.push(ch),
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(
        field.is_empty() && record.is_empty(),
        "last row without CRLF"
    );
    records
}

/// The CSV's rows after the header, as maps from column name to cell.
fn csv_rows(case: &Case) -> Vec<std::collections::HashMap<&'static str, String>> {
    let text = export::csv(&case.state, &case.estimate, book(), &CsvWords::plain());
    let body = text.strip_prefix('\u{feff}').expect("a BOM first");
    let records = read_csv(body);
    assert_eq!(records[0], HEADER);
    records[1..]
        .iter()
        .map(|record| {
            assert_eq!(record.len(), HEADER.len());
            HEADER.into_iter().zip(record.iter().cloned()).collect()
        })
        .collect()
}

#[test]
fn csv_rows_add_up_to_the_total_row() {
    for case in all_cases() {
        let rows = csv_rows(&case);
        let total_rows: Vec<_> = rows.iter().filter(|r| r["kind"] == "total").collect();
        assert_eq!(total_rows.len(), 1);
        assert_eq!(rows.last().unwrap()["kind"], "total");
        let total = &total_rows[0]["amount"];
        assert_eq!(*total, format::plain(case.estimate.best_total()));
        let sum: Decimal = rows
            .iter()
            .filter(|r| r["kind"] != "total")
            .map(|r| d(&r["amount"]))
            .sum();
        assert_eq!(format::plain(sum), *total);
    }
}

#[test]
fn csv_has_one_month_row_per_month_and_one_pack_row_per_purchase() {
    for case in all_cases() {
        let rows = csv_rows(&case);
        let months: Vec<String> = rows
            .iter()
            .filter(|r| r["kind"] == "month")
            .map(|r| r["month"].clone())
            .collect();
        let expected: Vec<String> = (1..=case.state.scenario.months)
            .map(|m| m.to_string())
            .collect();
        assert_eq!(months, expected);
        let purchases: usize = case
            .estimate
            .main()
            .best
            .orders
            .iter()
            .map(|order| order.purchases.len())
            .sum();
        let pack_rows = rows.iter().filter(|r| r["kind"] == "pack").count();
        assert_eq!(pack_rows, purchases);
        let scenario = &case.state.scenario;
        for row in &rows {
            assert_eq!(row["label"], scenario.label.id());
            // Packs at the price when they are bought, months at the price of the month.
            let column = match row["month"].parse::<usize>() {
                Ok(month) => scenario.column_in(month - 1),
                Err(_) => scenario.column,
            };
            assert_eq!(row["price_column"], column.id());
        }
    }
}

#[test]
fn csv_pack_rows_price_packs_at_the_book_price() {
    let case = three_years();
    let rows = csv_rows(&case);
    let packs: Vec<_> = rows.iter().filter(|r| r["kind"] == "pack").collect();
    assert!(!packs.is_empty(), "this volume buys packs");
    let firsts: Vec<String> = case
        .estimate
        .main()
        .best
        .orders
        .iter()
        .map(|order| (order.month + 1).to_string())
        .collect();
    for row in &packs {
        assert!(firsts.contains(&row["month"]));
        let count = d(&row["pack_count"]);
        let price = d(&row["pack_price"]);
        assert_eq!(format::plain(count * price), row["amount"]);
        // The price per call is the pack's price over its calls, exactly.
        assert_eq!(d(&row["price_per_call"]) * d(&row["pack_calls"]), price);
        assert!(row["calls"].is_empty() && row["tier"].is_empty());
    }
    // Each window's packs come right before its first month.
    for (index, row) in rows.iter().enumerate() {
        if row["kind"] == "pack" {
            let next = rows[index + 1..].iter().find(|r| r["kind"] != "pack");
            assert_eq!(next.map(|r| r["month"].clone()), Some(row["month"].clone()));
        }
    }
}

#[test]
fn csv_month_rows_follow_the_recommended_bill() {
    let case = growth_and_legacy();
    let rows = csv_rows(&case);
    let months: Vec<_> = rows.iter().filter(|r| r["kind"] == "month").collect();
    let prices = book().label(Label::GeneralCompare);
    for (row, line) in months.iter().zip(&case.estimate.main().best_bill.months) {
        assert_eq!(row["calls"], line.calls.to_string());
        assert_eq!(row["legacy_calls"], line.legacy.to_string());
        assert_eq!(row["pack_calls_used"], line.packs.to_string());
        assert_eq!(row["postpaid_calls"], line.postpaid.to_string());
        assert_eq!(row["amount"], format::plain(line.bill));
        match line.tier {
            Some(tier) => {
                assert_eq!(row["tier"], export::tier_text(&prices.tiers[tier]));
                assert_eq!(
                    row["price_per_call"],
                    prices.tiers[tier].unit.list.to_string()
                );
            }
            None => assert!(row["tier"].is_empty() && row["price_per_call"].is_empty()),
        }
    }
    // The legacy balance covers the first months, and the total row says so.
    assert_eq!(months[0]["legacy_calls"], "20000");
    let total = rows.last().unwrap();
    assert_eq!(total["legacy_calls"], "50000");
    assert_eq!(total["legacy_expired"], "0");
    assert_eq!(total["calls"], case.estimate.calls().to_string());
}

#[test]
fn csv_shows_retries_the_promotions_end_and_expired_legacy_calls() {
    let case = realism();
    let rows = csv_rows(&case);
    let months: Vec<_> = rows.iter().filter(|r| r["kind"] == "month").collect();
    // 9 000 verifications bill 10 125 attempts with 12.5 % retries.
    assert!(months
        .iter()
        .all(|r| r["verifications"] == "9000" && r["calls"] == "10125"));
    // 40 000 legacy calls over 3 months of 10 125 calls: 30 375 used, 9 625 lost.
    let legacy: Vec<&str> = months.iter().map(|r| r["legacy_calls"].as_str()).collect();
    assert_eq!(&legacy[..4], ["10125", "10125", "10125", "0"]);
    let total = rows.last().unwrap();
    assert_eq!(total["legacy_calls"], "30375");
    assert_eq!(total["legacy_expired"], "9625");
    assert_eq!(total["verifications"], (9_000 * 18).to_string());
    assert_eq!(months[5]["price_column"], "promo");
    assert_eq!(months[6]["price_column"], "list");
    // The second window's packs, if any, are bought at the list price.
    for row in rows
        .iter()
        .filter(|r| r["kind"] == "pack" && r["month"] == "13")
    {
        assert_eq!(row["price_column"], "list");
    }
}

#[test]
fn csv_of_no_calls_is_all_zero() {
    let rows = csv_rows(&no_calls());
    assert!(rows.iter().all(|r| r["kind"] != "pack"));
    for row in &rows {
        assert_eq!(row["amount"], "0.00");
        assert!(row["tier"].is_empty());
    }
}

#[test]
fn csv_is_crlf_throughout() {
    let text = export::csv(
        &growth_and_legacy().state,
        &growth_and_legacy().estimate,
        book(),
        &CsvWords::plain(),
    );
    assert!(text.starts_with("\u{feff}kind,month,calendar_month,label,"));
    assert!(text.ends_with("\r\n"));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
}

fn json_of(case: &Case) -> Value {
    let text = export::json(&case.state, &case.estimate, book());
    serde_json::from_str(&text).unwrap()
}

/// Every value in the document with the key it sits under (array items
/// inherit their array's key).
fn leaves<'v>(key: &'v str, value: &'v Value, out: &mut Vec<(&'v str, &'v Value)>) {
    match value {
        Value::Object(map) => map.iter().for_each(|(k, v)| leaves(k, v, out)),
        Value::Array(items) => items.iter().for_each(|v| leaves(key, v, out)),
        _ => out.push((key, value)),
    }
}

#[test]
fn json_money_is_strings_and_counts_are_integers() {
    for case in all_cases() {
        let doc = json_of(&case);
        let mut found = Vec::new();
        leaves("", &doc, &mut found);
        for (key, value) in found {
            match value {
                Value::Number(n) => {
                    assert!(COUNT_KEYS.contains(&key), "{key} is a number");
                    assert!(n.is_u64(), "{key} = {n} is not a whole number");
                }
                Value::String(text) if MONEY_KEYS.contains(&key) => {
                    assert!(Decimal::from_str(text).is_ok(), "{key} = {text}");
                }
                Value::Null => assert!(
                    [
                        "average_per_call",
                        "tier",
                        "promo_months",
                        "saving_from_sharing",
                        "first_used_month",
                        "last_used_month",
                        "start"
                    ]
                    .contains(&key),
                    "{key}"
                ),
                _ => {}
            }
        }
        let money = [
            &doc["recommended"]["total"],
            &doc["recommended"]["saving_against_postpaid"],
            &doc["recommended"]["saving_against_list_price"],
            &doc["postpaid_only"]["total"],
            &doc["postpaid_only"]["first_month"],
        ];
        for value in money {
            let text = value.as_str().expect("money as a string");
            assert_eq!(text.split('.').nth(1).map(str::len), Some(2), "{text}");
        }
        for month in doc["labels"][0]["months"].as_array().unwrap() {
            assert!(month["bill"].is_string());
        }
        for order in doc["labels"][0]["orders"].as_array().unwrap() {
            assert!(order["month"].is_u64() && order["last_valid_month"].is_u64());
            assert!(order["packs_cost"].is_string());
            for purchase in order["purchases"].as_array().unwrap() {
                assert!(purchase["pack_price"].is_string() && purchase["amount"].is_string());
            }
        }
    }
}

#[test]
fn json_orders_and_months_add_up_to_the_total() {
    for case in all_cases() {
        let doc = json_of(&case);
        assert_eq!(doc["schema_version"], EXPORT_SCHEMA_VERSION);
        assert_eq!(doc["price_book_version"], "2021-02-01");
        let recommended = &doc["recommended"];
        let label = &doc["labels"][0];
        let orders = label["orders"].as_array().unwrap();
        assert_eq!(orders.len(), case.estimate.main().best.orders.len());
        let money = |value: &Value| d(value.as_str().unwrap());
        let packs: Decimal = orders.iter().map(|o| money(&o["packs_cost"])).sum();
        let bills: Decimal = label["months"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| money(&m["bill"]))
            .sum();
        assert_eq!(
            format::plain(packs + bills),
            recommended["total"].as_str().unwrap()
        );
        assert!(money(&recommended["lower_bound"]) <= money(&recommended["total"]));
        assert_eq!(
            recommended["proven_cheapest"],
            money(&recommended["lower_bound"]) == money(&recommended["total"])
        );
        for order in orders {
            let bought = order["month"].as_u64().unwrap();
            assert_eq!(order["last_valid_month"].as_u64().unwrap(), bought + 11);
            if let Some(first) = order["first_used_month"].as_u64() {
                assert!(bought <= first);
                assert!(order["last_used_month"].as_u64().unwrap() <= bought + 11);
            }
        }
        assert_eq!(
            recommended["total"].as_str().unwrap(),
            format::plain(case.estimate.best_total())
        );
        for order in orders {
            let packs: Decimal = order["purchases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| d(p["amount"].as_str().unwrap()))
                .sum();
            assert_eq!(format::plain(packs), order["packs_cost"].as_str().unwrap());
        }
        let months = doc["labels"][0]["months"].as_array().unwrap();
        assert_eq!(months.len(), case.state.scenario.months as usize);
        for (index, month) in months.iter().enumerate() {
            assert_eq!(month["month"], index + 1);
        }
    }
}

#[test]
fn json_scenario_repeats_the_state() {
    let case = growth_and_legacy();
    let doc = json_of(&case);
    let scenario = &doc["scenario"];
    assert_eq!(scenario["label"], "general-compare");
    assert_eq!(scenario["volume"], 20_000);
    assert_eq!(scenario["months"], 12);
    assert_eq!(scenario["price"], "list");
    assert_eq!(scenario["growth"], "3.5");
    assert_eq!(scenario["legacy"], 50_000);
    assert_eq!(scenario["promo_months"], Value::Null);
    assert_eq!(scenario["retry"], "0");
    assert_eq!(scenario["legacy_months"], 12);
    assert_eq!(doc["recommended"]["purchase_model"], "any-month");
    let query = scenario["query"].as_str().unwrap();
    assert_eq!(calculator::decode(query), (case.state.clone(), vec![]));
    let strategy = doc["recommended"]["strategy"].as_str().unwrap();
    assert!(["postpaid-only", "packs-only", "packs-and-postpaid"].contains(&strategy));
    let average = doc["recommended"]["average_per_call"].as_str().unwrap();
    assert_eq!(average.split('.').nth(1).map(str::len), Some(4));
    assert_eq!(
        doc["labels"][0]["months"][0]["legacy_calls"], 20_000,
        "legacy calls go first"
    );
}

#[test]
fn json_of_no_calls_has_no_average() {
    let doc = json_of(&no_calls());
    let recommended = &doc["recommended"];
    assert_eq!(recommended["strategy"], "postpaid-only");
    assert_eq!(recommended["total"], "0.00");
    assert_eq!(recommended["average_per_call"], Value::Null);
    assert_eq!(doc["postpaid_only"]["first_month"], "0.00");
    assert!(doc["labels"][0]["months"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["tier"].is_null() && m["bill"] == "0.00"));
}

#[test]
fn json_of_the_default_scenario() {
    // 10 000 calls a month of 微信活体人脸核身 at the promotional price.
    let doc = json_of(&case(Scenario::default()));
    assert_eq!(doc["postpaid_only"]["first_month"], "8800.00");
    assert_eq!(doc["postpaid_only"]["total"], "105600.00");
    assert_eq!(
        doc["scenario"]["query"],
        "label=wechat-verify&volume=10000&months=12&price=promo&growth=0&retry=0&legacy=0&legacy_months=12&lang=zh"
    );
}

#[test]
fn json_of_a_promotion_that_ends_names_each_months_price() {
    let doc = json_of(&realism());
    assert_eq!(doc["schema_version"], 5);
    let scenario = &doc["scenario"];
    assert_eq!(
        (
            &scenario["promo_months"],
            &scenario["retry"],
            &scenario["legacy_months"]
        ),
        (&Value::from(6), &Value::from("12.5"), &Value::from(3))
    );
    let months = doc["labels"][0]["months"].as_array().unwrap();
    assert_eq!(months[5]["price"], "promo");
    assert_eq!(months[6]["price"], "list");
    assert_eq!(months[0]["verifications"], 9_000);
    assert_eq!(months[0]["calls"], 10_125);
    // Orders are priced at the column of their purchase month.
    for order in doc["labels"][0]["orders"].as_array().unwrap() {
        let month = order["month"].as_u64().unwrap();
        let expected = if month <= 6 { "promo" } else { "list" };
        assert_eq!(order["price"], expected);
    }
    assert_eq!(doc["labels"][0]["legacy_expired_calls"], 9_625);
}

#[test]
fn call_counts_beyond_u64_are_written_exactly() {
    // 36 months of 100 % growth from 10^9 calls: month 36 has 10^9 x 2^35 calls.
    let case = case(Scenario {
        volume: 1_000_000_000,
        months: 36,
        growth: d("100"),
        ..Scenario::default()
    });
    let text = export::json(&case.state, &case.estimate, book());
    let last = (1_000_000_000u128 << 35).to_string();
    assert!(text.contains(&format!("\"calls\": {last}")));
    let csv = export::csv(&case.state, &case.estimate, book(), &CsvWords::plain());
    assert!(csv.contains(&format!(",{last},")));
}

#[test]
fn json_matches_the_example_in_the_module_docs() {
    let doc = json_of(&case(Scenario {
        volume: 12_000,
        growth: d("2.5"),
        ..Scenario::default()
    }));
    let recommended = &doc["recommended"];
    assert_eq!(recommended["strategy"], "packs-and-postpaid");
    assert_eq!(recommended["total"], "117815.72");
    assert_eq!(recommended["average_per_call"], "0.7117");
    assert_eq!(recommended["saving_against_postpaid"], "8000.00");
    assert_eq!(recommended["saving_against_list_price"], "29453.93");
    assert_eq!(recommended["lower_bound"], "117815.72");
    assert_eq!(recommended["proven_cheapest"], true);
    assert_eq!(recommended["saving_against_yearly"], "0.00");
    let label = &doc["labels"][0];
    assert_eq!(label["yearly_total"], "117815.72");
    let order = &label["orders"][0];
    assert_eq!(label["orders"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        (&order["month"], &order["last_valid_month"]),
        (&Value::from(5), &Value::from(16))
    );
    assert_eq!(order["purchases"][0]["pack_price"], "68000");
    assert_eq!(order["purchases"][0]["count"], 1);
    assert_eq!(order["packs_cost"], "68000.00");
    assert_eq!(
        (&order["first_used_month"], &order["last_used_month"]),
        (&Value::from(5), &Value::from(12))
    );
    assert_eq!(order["unused_calls"], 0);
    assert_eq!(doc["postpaid_only"]["first_month"], "9120.00");
    assert_eq!(doc["postpaid_only"]["total"], "125815.72");
    assert_eq!(label["months"][11]["tier"], 2);
    assert_eq!(label["months"][11]["bill"], "11944.16");
}

#[test]
fn csv_matches_the_example_in_the_module_docs() {
    let case = case(Scenario {
        volume: 12_000,
        growth: d("2.5"),
        ..Scenario::default()
    });
    let text = export::csv(&case.state, &case.estimate, book(), &CsvWords::plain());
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[..4],
        [
            "kind,month,calendar_month,label,label_id,price_column,pack_calls,pack_count,pack_price,verifications,calls,legacy_calls,legacy_expired,held_calls,held_expired,pack_calls_used,postpaid_calls,tier,price_per_call,amount",
            "month,1,,wechat-verify,wechat-verify,promo,,,,12000,12000,0,,0,,0,12000,10000<n<=100000,0.76,9120.00",
            "month,2,,wechat-verify,wechat-verify,promo,,,,12300,12300,0,,0,,0,12300,10000<n<=100000,0.76,9348.00",
            "month,3,,wechat-verify,wechat-verify,promo,,,,12608,12608,0,,0,,0,12608,10000<n<=100000,0.76,9582.08",
        ]
    );
    assert_eq!(
        lines[5..7],
        [
            "pack,5,,wechat-verify,wechat-verify,promo,100000,1,68000,,,,,,,,,,0.68,68000.00",
            "month,5,,wechat-verify,wechat-verify,promo,,,,13246,13246,0,,0,,13246,0,,,0.00",
        ]
    );
    assert_eq!(
        lines[13],
        "month,12,,wechat-verify,wechat-verify,promo,,,,15745,15745,0,,0,,29,15716,10000<n<=100000,0.76,11944.16"
    );
    assert_eq!(
        lines.last().copied(),
        Some("total,,,wechat-verify,wechat-verify,promo,,1,,165547,165547,0,0,0,0,100000,65547,,,117815.72")
    );
}

/// Two channels of 通用活体人脸核身 and one of 微信活体人脸比对 beside the main label.
fn channels() -> Case {
    case(Scenario {
        label: Label::GeneralVerify,
        volume: 6_000,
        months: 14,
        profile: vec![d("1"), d("0.5"), d("2.25")],
        extra: vec![
            ExtraChannel {
                label: Label::WechatCompare,
                volume: 2_000,
            },
            ExtraChannel {
                label: Label::GeneralVerify,
                volume: 6_000,
            },
        ],
        ..Scenario::default()
    })
}

#[test]
fn csv_of_several_labels_has_rows_per_label_and_month_and_subtotals() {
    let case = channels();
    let rows = csv_rows(&case);
    for (label, estimate) in ["general-verify", "wechat-compare"]
        .iter()
        .zip(&case.estimate.labels)
    {
        let own: Vec<_> = rows.iter().filter(|r| r["label"] == *label).collect();
        let months = own.iter().filter(|r| r["kind"] == "month").count();
        assert_eq!(months, 14, "{label}");
        let sum: Decimal = own
            .iter()
            .filter(|r| r["kind"] == "month" || r["kind"] == "pack")
            .map(|r| d(&r["amount"]))
            .sum();
        let subtotal = own.iter().find(|r| r["kind"] == "subtotal").unwrap();
        assert_eq!(subtotal["amount"], format::plain(sum));
        assert_eq!(subtotal["amount"], format::plain(estimate.best.total));
        assert_eq!(
            own.last().unwrap()["kind"],
            "subtotal",
            "a label's rows end with its subtotal"
        );
    }
    let total = rows.last().unwrap();
    assert_eq!(total["label"], "general-verify+wechat-compare");
    assert_eq!(total["amount"], format::plain(case.estimate.best_total()));
    let sum: Decimal = rows
        .iter()
        .filter(|r| r["kind"] == "month" || r["kind"] == "pack")
        .map(|r| d(&r["amount"]))
        .sum();
    assert_eq!(format::plain(sum), total["amount"]);
    // Both channels of the main label are in its month rows: 12 000 calls in month 1.
    let first = rows.iter().find(|r| r["kind"] == "month").unwrap();
    assert_eq!(first["calls"], "12000");
}

#[test]
fn json_of_several_labels_has_the_channels_and_a_plan_per_label() {
    let case = channels();
    let doc = json_of(&case);
    let scenario = &doc["scenario"];
    assert_eq!(scenario["profile"], serde_json::json!(["1", "0.5", "2.25"]));
    assert_eq!(
        scenario["extra"][0],
        serde_json::json!({"label": "wechat-compare", "volume": 2000})
    );
    assert_eq!(
        scenario["extra"][1],
        serde_json::json!({"label": "general-verify", "volume": 6000})
    );
    let labels = doc["labels"].as_array().unwrap();
    assert_eq!(labels.len(), 2);
    let totals: Decimal = labels.iter().map(|l| d(l["total"].as_str().unwrap())).sum();
    assert_eq!(
        format::plain(totals),
        doc["recommended"]["total"].as_str().unwrap()
    );
    let postpaid: Decimal = labels
        .iter()
        .map(|l| d(l["postpaid_only"]["total"].as_str().unwrap()))
        .sum();
    assert_eq!(
        format::plain(postpaid),
        doc["postpaid_only"]["total"].as_str().unwrap()
    );
    let sharing = case.estimate.saving_from_sharing().unwrap();
    assert_eq!(
        doc["recommended"]["saving_from_sharing"],
        format::plain(sharing)
    );
    // Month 2 of the profile halves the volume: 3 000 on each channel of the main label.
    assert_eq!(labels[0]["months"][1]["calls"], 6_000);
    assert_eq!(labels[1]["months"][2]["calls"], 4_500);
    let query = scenario["query"].as_str().unwrap();
    assert_eq!(calculator::decode(query), (case.state.clone(), vec![]));
}

/// Held packs and a calendar start: the CSV names each month by the calendar
/// and shows the held calls; the figures are those of the same scenario
/// without a start, column for column.
#[test]
fn a_start_names_the_months_and_changes_no_figure() {
    let scenario = Scenario {
        held: vec![pricing::Held {
            label: Label::WechatVerify,
            calls: 30_000,
            months: 3,
        }],
        ..Scenario::default()
    };
    let numbered = case(scenario);
    let dated = Case {
        state: PageState {
            start: calculator::calendar::CalendarMonth::new(2026, 11),
            ..numbered.state.clone()
        },
        estimate: numbered.estimate.clone(),
    };
    let rows = |case: &Case| -> Vec<Vec<String>> {
        let text = export::csv(&case.state, &case.estimate, book(), &CsvWords::plain());
        let body = text.trim_start_matches('\u{feff}');
        body.lines()
            .map(|line| line.split(',').map(str::to_string).collect())
            .collect()
    };
    let (numbered_rows, dated_rows) = (rows(&numbered), rows(&dated));
    assert_eq!(numbered_rows.len(), dated_rows.len());
    let calendar = dated_rows[1..]
        .iter()
        .filter(|row| row[0] == "month")
        .map(|row| row[2].clone())
        .collect::<Vec<_>>();
    assert_eq!(calendar.first().map(String::as_str), Some("2026-11"));
    assert_eq!(calendar.get(2).map(String::as_str), Some("2027-01"));
    assert_eq!(calendar.len(), 12);
    for (a, b) in numbered_rows.iter().zip(&dated_rows) {
        let without_calendar = |row: &Vec<String>| {
            let mut row = row.clone();
            row.remove(2);
            row
        };
        assert_eq!(without_calendar(a), without_calendar(b));
    }
    // Months 1-3 draw the held calls; the held column sums them.
    let held_column = HEADER.iter().position(|&c| c == "held_calls").unwrap();
    let held: Vec<&str> = dated_rows[1..4]
        .iter()
        .map(|r| r[held_column].as_str())
        .collect();
    assert_eq!(held, ["10000", "10000", "10000"]);
    let doc = json_of(&dated);
    assert_eq!(doc["scenario"]["start"], "2026-11");
    assert_eq!(doc["scenario"]["held"][0]["calls"], 30_000);
    assert_eq!(doc["labels"][0]["months"][0]["held_calls"], 10_000);
}

/// The CSV for people, read back with an RFC 4180 reader: the scenario's
/// lines (quoted where they hold commas), a blank line, then the table in
/// the words given, with each label's id beside its name and every figure as
/// in the plain CSV.
#[test]
fn the_csv_for_people_reads_back_in_its_words() {
    let case = channels();
    let mut words = CsvWords::plain();
    words.columns[0] = "行类型";
    words.columns[19] = "金额（元）";
    words.kinds = ["购买资源包", "月份", "小计", "合计"];
    words.prices = ["折扣价", "刊例价"];
    words.labels = [
        "微信活体人脸核身",
        "微信活体人脸比对",
        "通用活体人脸核身",
        "通用活体人脸比对",
    ];
    words.about = vec![
        ("场景".into(), "通用活体人脸核身, 6,000 次/月".into()),
        (
            "链接".into(),
            "https://example.test/?label=general-verify&volume=6000".into(),
        ),
    ];
    let people = read_csv(
        export::csv(&case.state, &case.estimate, book(), &words).trim_start_matches('\u{feff}'),
    );
    let plain = read_csv(
        export::csv(&case.state, &case.estimate, book(), &CsvWords::plain())
            .trim_start_matches('\u{feff}'),
    );
    assert_eq!(people[0], ["场景", "通用活体人脸核身, 6,000 次/月"]);
    assert_eq!(people[1][0], "链接");
    assert_eq!(people[2], [""]);
    let table = &people[3..];
    assert_eq!(table.len(), plain.len());
    assert_eq!(table[0], words.columns.map(String::from));
    for (ours, theirs) in table[1..].iter().zip(&plain[1..]) {
        let kind = CsvWords::plain()
            .kinds
            .iter()
            .position(|k| *k == theirs[0])
            .unwrap();
        assert_eq!(ours[0], words.kinds[kind]);
        // The label's id stays; its name is the given one.
        assert_eq!(ours[4], theirs[4]);
        let ids: Vec<&str> = theirs[4].split('+').collect();
        let names: Vec<&str> = ours[3].split('+').collect();
        for (id, name) in ids.iter().zip(&names) {
            let label = Label::from_id(id).unwrap();
            assert_eq!(*name, words.labels[label.index()]);
        }
        let price = if theirs[5] == "promo" {
            "折扣价"
        } else {
            "刊例价"
        };
        assert_eq!(ours[5], price);
        // Every other cell, figures included, is the plain CSV's.
        assert_eq!(ours[6..], theirs[6..]);
    }
}

#[test]
fn download_names_tell_scenarios_apart() {
    let name = |scenario: Scenario| {
        let state = PageState {
            scenario,
            ..PageState::default()
        };
        export::csv_file_name(&state, "csv")
    };
    let default = name(Scenario::default());
    assert!(
        default.starts_with("faceid-wechat-verify-10000-12m-"),
        "{default}"
    );
    assert!(
        default.ends_with(".csv")
            && default.len() == "faceid-wechat-verify-10000-12m-".len() + 6 + 4
    );
    let growing = name(Scenario {
        growth: d("5"),
        ..Scenario::default()
    });
    assert_ne!(default, growing, "growth alone makes another file");
    assert_eq!(
        default,
        name(Scenario::default()),
        "the same scenario, the same name"
    );
}
