//! Properties the price book must have whatever its figures.

use pricing::{Label, PriceBook, PriceColumn};
use rust_decimal::Decimal;

fn book() -> &'static PriceBook {
    PriceBook::embedded().expect("the embedded price book parses")
}

#[test]
fn the_embedded_book_is_the_committed_file() {
    let parsed = PriceBook::parse(pricing::PRICE_BOOK_TOML).expect("the file parses");
    assert_eq!(book(), &parsed);
}

#[test]
fn names_are_the_announcements() {
    let names: Vec<_> = book().labels().iter().map(|p| p.name_zh.as_str()).collect();
    assert_eq!(
        names,
        [
            "微信活体人脸核身",
            "微信活体人脸比对",
            "通用活体人脸核身",
            "通用活体人脸比对"
        ]
    );
    assert_eq!(book().version, "2021-02-01");
    for (prices, label) in book().labels().iter().zip(Label::ALL) {
        assert_eq!(prices.label, label);
    }
}

#[test]
fn promotional_never_exceeds_list() {
    for prices in book().labels() {
        for pack in &prices.packs {
            assert!(
                pack.price.promo <= pack.price.list,
                "{} pack {}",
                prices.label,
                pack.calls
            );
        }
        for tier in &prices.tiers {
            assert!(
                tier.unit.promo <= tier.unit.list,
                "{} tier above {}",
                prices.label,
                tier.above
            );
        }
    }
}

#[test]
fn tiers_are_contiguous_from_zero_with_an_open_top() {
    for prices in book().labels() {
        let tiers = &prices.tiers;
        assert_eq!(tiers.len(), 5);
        assert_eq!(tiers[0].above, 0);
        for pair in tiers.windows(2) {
            assert_eq!(pair[0].up_to, Some(pair[1].above));
        }
        assert_eq!(tiers[4].up_to, None);
        assert_eq!(prices.tier_index(0), None);
        assert_eq!(prices.tier_index(1), Some(0));
        assert_eq!(prices.tier_index(1000), Some(0));
        assert_eq!(prices.tier_index(1001), Some(1));
        assert_eq!(prices.tier_index(200_000), Some(3));
        assert_eq!(prices.tier_index(200_001), Some(4));
    }
}

#[test]
fn unit_prices_fall_or_stay_with_volume() {
    for prices in book().labels() {
        for column in PriceColumn::ALL {
            for pair in prices.tiers.windows(2) {
                assert!(pair[1].unit.get(column) <= pair[0].unit.get(column));
            }
        }
    }
}

#[test]
fn only_general_compare_lacks_the_100_call_pack() {
    for prices in book().labels() {
        let has_100 = prices.packs.iter().any(|p| p.calls == 100);
        assert_eq!(has_100, prices.label != Label::GeneralCompare);
        assert_eq!(prices.packs.last().map(|p| p.calls), Some(1_000_000));
    }
}

#[test]
fn pack_prices_are_whole_fen() {
    for prices in book().labels() {
        for pack in &prices.packs {
            for column in PriceColumn::ALL {
                let price = pack.price.get(column);
                assert_eq!(price.round_dp(2), price);
                assert!(price > Decimal::ZERO);
            }
        }
    }
}

#[test]
fn rejects_broken_books() {
    let good = pricing::PRICE_BOOK_TOML;
    let cases = [
        (
            good.replace("above = 1000\n", "above = 1001\n"),
            "does not start",
        ),
        (
            good.replace(
                "wechat-verify = { list = \"120\"",
                "wechat-verfy = { list = \"120\"",
            ),
            "unknown field",
        ),
        (
            good.replace("list = \"1.2\"", "list = \"-1.2\""),
            "not positive",
        ),
        (
            good.replace("[labels.general-compare]", "[labels.general-compar]"),
            "unknown label",
        ),
        (
            good.replace("calls = 5000\n", "calls = 500\n"),
            "smallest first",
        ),
    ];
    for (text, expected) in cases {
        let error = PriceBook::parse(&text).expect_err(expected).to_string();
        assert!(
            error.contains(expected),
            "{error} should mention {expected}"
        );
    }
}
