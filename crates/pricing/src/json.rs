//! Just enough JSON for the export and the stored pins: a value tree, a
//! writer laid out like `serde_json::to_string_pretty`, and a strict reader
//! (RFC 8259). Written here rather than taken from serde_json because that
//! crate was the largest single piece of the WebAssembly bundle.

use std::fmt::Write as _;

/// How deeply arrays and objects may nest before [`parse`] gives up, as serde_json does.
pub const MAX_DEPTH: usize = 128;

/// A JSON value. Object members keep their order, duplicates included.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as its JSON text: `12`, `-0.5`, `1e3`.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, members in the order written.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// A whole number.
    pub fn int(value: impl Into<u128>) -> Json {
        Json::Number(value.into().to_string())
    }

    /// A string.
    pub fn str(value: impl Into<String>) -> Json {
        Json::String(value.into())
    }

    /// An object with these members, in this order.
    pub fn object<const N: usize>(members: [(&str, Json); N]) -> Json {
        Json::Object(
            members
                .into_iter()
                .map(|(key, value)| (key.to_owned(), value))
                .collect(),
        )
    }

    /// The value of the last member named `key`, as serde_json keeps it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members
                .iter()
                .rev()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// The number as a `u64`, if it is written as one (no sign, fraction or exponent).
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(text) if text.bytes().all(|b| b.is_ascii_digit()) => text.parse().ok(),
            _ => None,
        }
    }

    /// The string's contents.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    /// The value on one line, without spaces.
    pub fn compact(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, None);
        out
    }

    /// The value indented by two spaces per level, `"key": value`, as serde_json lays it out.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, Some(0));
        out
    }

    /// Writes the value; `indent` is the current depth, or `None` for compact output.
    fn write(&self, out: &mut String, indent: Option<usize>) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Number(text) => out.push_str(text),
            Json::String(text) => write_string(out, text),
            Json::Array(items) => write_list(out, indent, ('[', ']'), items, |out, item, at| {
                item.write(out, at)
            }),
            Json::Object(members) => {
                write_list(out, indent, ('{', '}'), members, |out, (key, value), at| {
                    write_string(out, key);
                    out.push_str(if at.is_some() { ": " } else { ":" });
                    value.write(out, at);
                })
            }
        }
    }
}

/// Writes `items` between `brackets`, one per line when pretty; empty lists stay `[]`/`{}`.
fn write_list<T>(
    out: &mut String,
    indent: Option<usize>,
    (open, close): (char, char),
    items: &[T],
    write_item: impl Fn(&mut String, &T, Option<usize>),
) {
    out.push(open);
    let inner = indent.map(|depth| depth + 1);
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push(',');
        }
        new_line(out, inner);
        write_item(out, item, inner);
    }
    if !items.is_empty() {
        new_line(out, indent);
    }
    out.push(close);
}

fn new_line(out: &mut String, indent: Option<usize>) {
    if let Some(depth) = indent {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    }
}

fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Why a text is not JSON: the byte offset where reading stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotJson {
    /// Byte offset of the first character that could not be read.
    pub at: usize,
}

/// Reads one JSON value that fills `text` (surrounding whitespace allowed).
pub fn parse(text: &str) -> Result<Json, NotJson> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = reader.value(0)?;
    reader.skip_whitespace();
    if reader.at == reader.bytes.len() {
        Ok(value)
    } else {
        Err(reader.fail())
    }
}

/// A cursor over the text being read.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn fail(&self) -> NotJson {
        NotJson { at: self.at }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// Consumes `expected` if it comes next.
    fn eat(&mut self, expected: &[u8]) -> bool {
        let found = self.bytes[self.at..].starts_with(expected);
        if found {
            self.at += expected.len();
        }
        found
    }

    fn value(&mut self, depth: usize) -> Result<Json, NotJson> {
        self.skip_whitespace();
        match self.peek() {
            Some(b'{') if depth < MAX_DEPTH => self.object(depth + 1),
            Some(b'[') if depth < MAX_DEPTH => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.eat(b"null") => Ok(Json::Null),
            _ if self.eat(b"true") => Ok(Json::Bool(true)),
            _ if self.eat(b"false") => Ok(Json::Bool(false)),
            _ => Err(self.fail()),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, NotJson> {
        let mut items = Vec::new();
        self.list(b']', |reader| {
            items.push(reader.value(depth)?);
            Ok(())
        })?;
        Ok(Json::Array(items))
    }

    fn object(&mut self, depth: usize) -> Result<Json, NotJson> {
        let mut members = Vec::new();
        self.list(b'}', |reader| {
            reader.skip_whitespace();
            if reader.peek() != Some(b'"') {
                return Err(reader.fail());
            }
            let key = reader.string()?;
            reader.skip_whitespace();
            if !reader.eat(b":") {
                return Err(reader.fail());
            }
            members.push((key, reader.value(depth)?));
            Ok(())
        })?;
        Ok(Json::Object(members))
    }

    /// Reads the comma-separated items after an opening bracket, up to `close`.
    fn list(
        &mut self,
        close: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), NotJson>,
    ) -> Result<(), NotJson> {
        self.at += 1;
        self.skip_whitespace();
        if self.eat(&[close]) {
            return Ok(());
        }
        loop {
            item(self)?;
            self.skip_whitespace();
            if self.eat(&[close]) {
                return Ok(());
            }
            if !self.eat(b",") {
                return Err(self.fail());
            }
        }
    }

    fn number(&mut self) -> Result<Json, NotJson> {
        let start = self.at;
        self.eat(b"-");
        if !self.eat(b"0") && self.digits() == 0 {
            return Err(self.fail());
        }
        if self.eat(b".") && self.digits() == 0 {
            return Err(self.fail());
        }
        if self.eat(b"e") || self.eat(b"E") {
            let _ = self.eat(b"+") || self.eat(b"-");
            if self.digits() == 0 {
                return Err(self.fail());
            }
        }
        let text = &self.bytes[start..self.at];
        Ok(Json::Number(String::from_utf8_lossy(text).into_owned()))
    }

    /// Consumes a run of ASCII digits; returns how many.
    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn string(&mut self) -> Result<String, NotJson> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            match self.peek() {
                None | Some(0..=0x1f) => return Err(self.fail()),
                Some(b'"') => break,
                Some(b'\\') => {
                    self.at += 1;
                    let c = self.escape()?;
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                Some(byte) => {
                    out.push(byte);
                    self.at += 1;
                }
            }
        }
        self.at += 1;
        // The input is a &str and escapes add whole characters, so this holds.
        String::from_utf8(out).map_err(|_| self.fail())
    }

    /// Reads what follows a backslash.
    fn escape(&mut self) -> Result<char, NotJson> {
        let byte = self.peek().ok_or_else(|| self.fail())?;
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return Err(self.fail()),
        })
    }

    /// Reads `XXXX` after `\u`, and a low surrogate's `\uXXXX` after a high one.
    fn unicode_escape(&mut self) -> Result<char, NotJson> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.eat(b"\\u") {
                    return Err(self.fail());
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.fail());
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.fail()),
            _ => first,
        };
        char::from_u32(code).ok_or_else(|| self.fail())
    }

    fn hex4(&mut self) -> Result<u32, NotJson> {
        let digits = self
            .bytes
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.fail())?;
        let text = std::str::from_utf8(digits).map_err(|_| self.fail())?;
        if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.fail());
        }
        self.at += 4;
        u32::from_str_radix(text, 16).map_err(|_| self.fail())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_output_is_laid_out_like_serde_json() {
        let value = Json::object([
            ("a", Json::int(1u32)),
            ("b", Json::Array(vec![Json::Null, Json::object([])])),
            ("c", Json::Array(Vec::new())),
        ]);
        assert_eq!(
            value.pretty(),
            "{\n  \"a\": 1,\n  \"b\": [\n    null,\n    {}\n  ],\n  \"c\": []\n}"
        );
        assert_eq!(value.compact(), r#"{"a":1,"b":[null,{}],"c":[]}"#);
    }

    #[test]
    fn strings_escape_quotes_backslashes_and_controls() {
        let value = Json::str("a\"b\\c\nd\u{1}é");
        assert_eq!(value.compact(), r#""a\"b\\c\nd\u0001é""#);
        assert_eq!(parse(&value.compact()), Ok(value));
    }

    #[test]
    fn reads_surrogate_pairs_and_rejects_lone_halves() {
        assert_eq!(parse(r#""\ud83d\ude00""#), Ok(Json::str("😀")));
        assert!(parse(r#""\ud83d""#).is_err());
        assert!(parse(r#""\ude00""#).is_err());
    }

    #[test]
    fn rejects_what_rfc_8259_rejects() {
        for text in [
            "",
            "01",
            "1.",
            "-",
            "+1",
            "[1,]",
            "{\"a\" 1}",
            "{a:1}",
            "nul",
            "[1] 2",
        ] {
            assert!(parse(text).is_err(), "{text:?} was read");
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).is_err());
        let fine = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&fine).is_ok());
    }

    #[test]
    fn the_last_duplicate_key_wins_and_numbers_read_exactly() {
        let value = parse(r#"{"v": 1, "v": 18446744073709551615}"#).unwrap();
        assert_eq!(value.get("v").and_then(Json::as_u64), Some(u64::MAX));
        assert_eq!(parse("1.0").unwrap().as_u64(), None);
        assert_eq!(parse("-1").unwrap().as_u64(), None);
    }
}
