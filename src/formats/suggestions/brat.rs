//! brat standoff `.ann` files: one text-bound annotation per `T` line,
//! `T1<TAB>LOC 101 110<TAB>حقل العمر`, offsets in code points into the `.txt` of the same name.
//!
//! The third column (the span's text) is compared with the document. A span in fragments
//! (`T2<TAB>LOC 23 28;30 33<TAB>الرقة فجر`), as brat and Tarmeez's own export write a span over a line break,
//! is read as one span from the first fragment's start to the last one's end when only white space lies
//! between the fragments (its text, the fragments' joined by spaces, is then compared as a tagger's words
//! are, without regard to white space); fragments in another order, or around other text, are refused:
//! Tarmeez spans are continuous. Relations (`R`), events (`E`),
//! attributes (`A`, `M`), normalizations (`N`), equivalences (`*`) and notes (`#`) are left out, with a note;
//! event triggers are `T` lines too and are imported like entities (their type maps to an event type).

use super::*;

pub(super) fn parse(content: &str, doc: &DocRef) -> ParsedFile {
    let mut out = ParsedFile::new(SuggestionFormat::Brat);
    let mut other: BTreeMap<&'static str, usize> = BTreeMap::new();
    // The line each `T` id was first given on: a second line with the same id is refused, not merged.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, line) in strip_bom(content).lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let id = line.split('\t').next().unwrap_or("");
        let origin =
            if id.is_empty() || id.len() > 12 { format!("line {}", i + 1) } else { format!("line {} ({id})", i + 1) };
        let what = match id.chars().next() {
            Some('T') => None,
            Some('R') => Some("relation(s) (R lines)"),
            Some('E') => Some("event(s) (E lines; their triggers, T lines, are imported)"),
            Some('A' | 'M') => Some("attribute(s) (A and M lines)"),
            Some('N') => Some("normalization(s) (N lines)"),
            Some('*') => Some("equivalence(s) (* lines)"),
            Some('#') => Some("note(s) (# lines)"),
            _ => {
                out.refuse(
                    origin,
                    RefusalKind::Malformed,
                    "not a brat annotation line (expected `T1<TAB>TYPE START END<TAB>text`)",
                );
                continue;
            }
        };
        if let Some(what) = what {
            *other.entry(what).or_insert(0) += 1;
            continue;
        }
        if let Some(first) = seen.get(id) {
            out.refuse(origin, RefusalKind::Duplicate, format!("`{id}` is given twice (first on line {first})"));
            continue;
        }
        seen.insert(id.to_owned(), i + 1);
        match read_text_bound(line) {
            Ok((label, start, end, text, fragmented)) => {
                let position = out.take_position();
                // The fragments' texts are joined by a space where the document has a line break: compared
                // as words, white space aside, which also refuses fragments around anything but space.
                let (text, words) = if fragmented { (None, text.into_iter().collect()) } else { (text, Vec::new()) };
                out.items.push(RawItem {
                    position,
                    origin,
                    doc: doc.clone(),
                    start,
                    end,
                    unit: OffsetUnit::CodePoints,
                    label,
                    score: None,
                    text,
                    words,
                    roles: Vec::new(),
                });
            }
            Err((kind, reason)) => out.refuse(origin, kind, reason),
        }
    }
    for (what, n) in other {
        out.note_left_out(n, what);
    }
    out
}

/// `T1<TAB>TYPE START END<TAB>text`: the type, the offsets, the text and whether it came in fragments.
fn read_text_bound(line: &str) -> Result<(String, usize, usize, Option<String>, bool), Bad> {
    let mut fields = line.splitn(3, '\t');
    let _id = fields.next();
    let Some(middle) = fields.next() else {
        return Err(malformed("no tab after the id: expected `T1<TAB>TYPE START END<TAB>text`"));
    };
    let text = fields.next().map(str::to_owned);
    let Some((label, offsets)) = middle.split_once(' ') else {
        return Err(malformed(format!("expected `TYPE START END`, found {middle:?}")));
    };
    if label.is_empty() {
        return Err(malformed("the type is empty"));
    }
    let mut spans = Vec::new();
    for fragment in offsets.split(';') {
        let Some((start, end)) = fragment.trim().split_once(' ') else {
            return Err(malformed(format!("expected `START END`, found {fragment:?}")));
        };
        spans.push((number(start, "start")?, number(end, "end")?));
    }
    let ordered = spans.windows(2).all(|w| w[0].1 <= w[1].0);
    if !ordered {
        return Err((
            RefusalKind::Unsupported,
            format!("fragments {offsets} overlap or are out of order: Tarmeez spans are continuous"),
        ));
    }
    let (start, end) = (spans[0].0, spans[spans.len() - 1].1);
    Ok((label.to_owned(), start, end, text, spans.len() > 1))
}

/// An offset of a `T` line, or why it is not one.
fn number(s: &str, field: &str) -> Result<usize, Bad> {
    if let Some(digits) = s.strip_prefix('-')
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.is_empty()
    {
        return Err((RefusalKind::OutOfRange, format!("`{field}` {s} is negative")));
    }
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        // Only digits, yet not a number: more digits than any offset can have.
        return s.parse().map_err(|_| (RefusalKind::OutOfRange, format!("`{field}` {s} is too large to be an offset")));
    }
    s.parse().map_err(|_| malformed(format!("`{field}` {s:?} is not a whole number")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_t_lines_and_fragments_in_order_and_refuses_others() {
        let content = "T1\tLOC 5 12\tالقاعدة\nT2\tLOC 5 7;0 2\tال قص\nT3\tLOC 0 2;5 7\tقص ال\nR1\tPart Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T1\tx\n";
        let p = parse_str(content, None).unwrap();
        assert_eq!(p.format, SuggestionFormat::Brat);
        assert_eq!(p.items.len(), 2);
        assert_eq!(
            (p.items[1].start, p.items[1].end, p.items[1].words.as_slice()),
            (0, 7, ["قص ال".to_owned()].as_slice())
        );
        assert_eq!((p.items[0].start, p.items[0].end, p.items[0].text.as_deref()), (5, 12, Some("القاعدة")));
        assert_eq!(p.items[0].origin, "line 1 (T1)");
        assert_eq!(p.refused.len(), 1);
        assert_eq!(p.refused[0].kind, RefusalKind::Unsupported);
        assert_eq!(p.notes.len(), 2, "{:?}", p.notes);
    }

    #[test]
    fn a_t_line_id_given_twice_is_refused() {
        let p = parse_str("T1\tLOC 5 12\tالقاعدة\nT1\tLOC 0 4\tقصفت\n", None).unwrap();
        assert_eq!(p.items.len(), 1, "the first T1 is read");
        assert_eq!(p.refused.len(), 1, "{:?}", p.refused);
        assert_eq!(p.refused[0].kind, RefusalKind::Duplicate);
        assert_eq!(p.refused[0].reason, "`T1` is given twice (first on line 1)");
    }

    #[test]
    fn an_offset_too_large_for_a_number_is_called_so() {
        let p = parse_str("T1\tLOC 5 99999999999999999999999\tالقاعدة\n", None).unwrap();
        assert_eq!(p.refused.len(), 1, "{:?}", p.refused);
        assert_eq!(p.refused[0].reason, "`end` 99999999999999999999999 is too large to be an offset");
    }
}
