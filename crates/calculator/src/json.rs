//! Just enough JSON for the export: a value tree and a writer laid out like
//! `serde_json::to_string_pretty`. Written here rather than taken from
//! serde_json because that crate was the largest single piece of the
//! WebAssembly bundle; the page never reads JSON, so there is no reader.

use std::fmt::Write as _;

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
    }
}
