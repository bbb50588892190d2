//! Any block pasted into the packs-already-held box: reading it never
//! panics, gives one result per non-blank line, and every entry it reads is
//! one the `held` field takes and writes back the same.
#![no_main]

use calculator::calendar::CalendarMonth;
use calculator::fields::{Value, HELD};
use calculator::held_paste;
use libfuzzer_sys::fuzz_target;
use pricing::Label;

const NAMES: [(Label, &str); 4] = [
    (Label::WechatVerify, "微信活体人脸核身"),
    (Label::WechatCompare, "wechat-compare"),
    (Label::GeneralVerify, "General liveness verification"),
    (Label::GeneralCompare, "通用活体人脸比对"),
];

fuzz_target!(|block: &str| {
    let Some(first) = CalendarMonth::new(2027, 3) else {
        return;
    };
    let lines = held_paste::read_block(block, &NAMES, first);
    let filled = block.lines().filter(|line| !line.trim().is_empty()).count();
    assert_eq!(lines.len(), filled);
    for line in lines {
        if let Ok(entry) = line.read {
            let value = Value::Held(vec![entry]);
            assert!(HELD.allows(&value), "{entry:?}");
            assert_eq!(HELD.read(&value.to_string()), Ok(value));
        }
    }
});
