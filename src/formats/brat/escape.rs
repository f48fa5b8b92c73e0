//! Escaping for the `.ann` grammar: attribute values as single tokens and notes on one line, so that
//! whatever a coder typed survives the round trip through brat's space- and tab-separated columns.

use crate::model::AttrValue;
use std::fmt::Write as _;

/// Encodes an attribute value as one brat token: `%`, whitespace, `|` and `,` become `%XX` per UTF-8 byte.
pub fn encode_token(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '%' || c == '|' || c == ',' || c.is_whitespace() {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Decodes [`encode_token`]; `None` for a malformed `%` escape or bytes that are not UTF-8.
pub fn decode_token(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Writes a note on one line: `\` as `\\`, line feed `\n`, carriage return `\r`, tab `\t`.
pub fn escape_note(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

/// Reads a note written by [`escape_note`]; an unknown escape is kept as written.
pub fn unescape_note(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('t') => out.push('\t'),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Whether `c` ends a line: brat spans leave these characters out.
pub(super) fn is_line_break(c: char) -> bool {
    c == '\n' || c == '\r'
}

/// `s` with line breaks and tabs as spaces, for a column that must stay on one line.
pub(super) fn one_line(s: &str) -> String {
    s.chars().map(|c| if is_line_break(c) || c == '\t' { ' ' } else { c }).collect()
}

/// The value column of an `A` line (`None` for a boolean, which has none).
pub(super) fn attr_token(value: &AttrValue) -> Option<String> {
    match value {
        AttrValue::Bool(_) => None,
        AttrValue::Choice(s) | AttrValue::Text(s) | AttrValue::Date(s) => Some(encode_token(s)),
        AttrValue::Number(n) => Some(format!("{n}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_notes_round_trip() {
        for s in ["a b", "100%", "x|y,z", "سطر\nآخر\t!", ""] {
            let t = encode_token(s);
            assert!(!t.contains([' ', '\t', '\n', '|', ',']), "{t}");
            assert_eq!(decode_token(&t).as_deref(), Some(s));
        }
        assert_eq!(encode_token("a b"), "a%20b");
        for s in ["one\ntwo", "back\\slash\\n", "tab\there\r\n"] {
            let e = escape_note(s);
            assert!(!e.contains(['\n', '\r', '\t']));
            assert_eq!(unescape_note(&e), s);
        }
    }
}
