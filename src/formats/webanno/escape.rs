//! WebAnno TSV's escaping, as INCEpTION's `Escaping` does it: feature values escape the characters that
//! separate stacked values, slots and disambiguation ids (`\ [ ] | _ -> ; * tab newline`), sentence text
//! escapes control characters and the backslash. Splitting at `|` and `;` skips escaped ones.

/// What a backslash in a feature value escapes, in the order INCEpTION tries them (`->` is one unit).
const VALUE_ESCAPES: [(&str, &str); 10] = [
    ("\\", "\\\\"),
    ("[", "\\["),
    ("]", "\\]"),
    ("|", "\\|"),
    ("_", "\\_"),
    ("->", "\\->"),
    (";", "\\;"),
    ("\t", "\\t"),
    ("\n", "\\n"),
    ("*", "\\*"),
];

/// A feature value as a TSV column holds it.
pub fn escape_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    'outer: while let Some(c) = rest.chars().next() {
        for (plain, escaped) in VALUE_ESCAPES {
            if let Some(after) = rest.strip_prefix(plain) {
                out.push_str(escaped);
                rest = after;
                continue 'outer;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A feature value as written, unescaped; a backslash that escapes nothing is kept.
pub fn unescape_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    'outer: while let Some(c) = rest.chars().next() {
        for (plain, escaped) in VALUE_ESCAPES {
            if let Some(after) = rest.strip_prefix(escaped) {
                out.push_str(plain);
                rest = after;
                continue 'outer;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The escape of a control character or backslash in sentence text: readable for the usual ones, else the
/// backslash followed by the character itself (as INCEpTION writes them; a vertical tab is kept as it is).
fn text_escape(c: char) -> Option<String> {
    match c {
        '\t' => Some("\\t".into()),
        '\n' => Some("\\n".into()),
        '\u{c}' => Some("\\f".into()),
        '\r' => Some("\\r".into()),
        '\u{8}' => Some("\\b".into()),
        '\\' => Some("\\\\".into()),
        '\u{0}'..='\u{7}' | '\u{e}'..='\u{1f}' => Some(format!("\\{c}")),
        _ => None,
    }
}

/// Sentence text as a `#Text=` line holds it.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match text_escape(c) {
            Some(e) => out.push_str(&e),
            None => out.push(c),
        }
    }
    out
}

/// A `#Text=` line's text, unescaped.
pub fn unescape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let plain = match chars.peek() {
            Some('t') => Some('\t'),
            Some('n') => Some('\n'),
            Some('f') => Some('\u{c}'),
            Some('r') => Some('\r'),
            Some('b') => Some('\u{8}'),
            Some('\\') => Some('\\'),
            Some(&n @ ('\u{0}'..='\u{7}' | '\u{e}'..='\u{1f}')) => Some(n),
            _ => None,
        };
        match plain {
            Some(p) => {
                out.push(p);
                chars.next();
            }
            None => out.push('\\'),
        }
    }
    out
}

/// `raw` split at each `sep` that no backslash escapes.
pub fn split_unescaped(raw: &str, sep: char) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (i, c) in raw.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == sep {
            out.push(&raw[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&raw[start..]);
    out
}

/// A value and the text of its bracketed suffix (`PER[1]` is `PER` and `1`, `1-1[0_2]` is `1-1` and
/// `0_2`); an escaped `\]` is no suffix.
pub fn split_suffix(value: &str) -> (&str, Option<&str>) {
    if value.ends_with(']')
        && !value.ends_with("\\]")
        && let Some(open) = value.rfind('[')
        && !value[..open].ends_with('\\')
    {
        return (&value[..open], Some(&value[open + 1..value.len() - 1]));
    }
    (value, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reserved_character_escapes_and_comes_back() {
        let nasty = "a\\b[c]d|e_f->g;h\ti\nj*k-l>";
        let escaped = escape_value(nasty);
        assert_eq!(escaped, "a\\\\b\\[c\\]d\\|e\\_f\\->g\\;h\\ti\\nj\\*k-l>");
        assert_eq!(unescape_value(&escaped), nasty);
        // A backslash escaping nothing stays, as INCEpTION leaves it.
        assert_eq!(unescape_value("a\\qb"), "a\\qb");
        assert_eq!(unescape_value("\\\\t"), "\\t", "an escaped backslash, then a plain t");
    }

    #[test]
    fn sentence_text_escapes_control_characters_and_backslashes() {
        let text = "قال\t«نعم»\r\\ 😊\u{1}";
        let escaped = escape_text(text);
        assert_eq!(escaped, "قال\\t«نعم»\\r\\\\ 😊\\\u{1}");
        assert_eq!(unescape_text(&escaped), text);
        assert_eq!(unescape_text("C:\\x"), "C:\\x");
    }

    #[test]
    fn splits_skip_escaped_separators_and_suffixes_are_found() {
        assert_eq!(split_unescaped("PER[1]|ORG\\|X[2]", '|'), ["PER[1]", "ORG\\|X[2]"]);
        assert_eq!(split_unescaped("a\\\\|b", '|'), ["a\\\\", "b"], "an escaped backslash escapes no separator");
        assert_eq!(split_unescaped("p1;p2", ';'), ["p1", "p2"]);
        assert_eq!(split_suffix("PER[12]"), ("PER", Some("12")));
        assert_eq!(split_suffix("1-1[0_2]"), ("1-1", Some("0_2")));
        assert_eq!(split_suffix("x\\[1\\]"), ("x\\[1\\]", None));
        assert_eq!(split_suffix("*"), ("*", None));
    }
}
