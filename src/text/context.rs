//! A few words of context around a span of a document, for the rows of a list (review and curation queues,
//! search results): two hundred rows of «طهران» say nothing; «… قصفت طهران أمس …» says which one.
//!
//! The context is cut at spaces, never inside a grapheme (a letter with its diacritics), and its line breaks
//! become spaces, so that a row is one line. A word the span starts or ends inside (a proclitic «ب» before a
//! search hit, a suffix or a full stop after a mention) is kept whole with it.

use crate::model::{DocText, Span};
use std::ops::Range;
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

/// How much context a snippet takes on each side of its span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// At most this many words on each side.
    pub words: usize,
    /// At most this many characters on each side, so that long words cannot flood a row.
    pub chars: usize,
}

impl Limits {
    /// What a list row has room for.
    pub const ROW: Limits = Limits { words: 4, chars: 30 };
}

/// A span with its context, as one line of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The context before, the span's own text and the context after, with `…` where the text goes on; every
    /// run of spaces and line breaks is one space.
    pub text: String,
    /// Where the span's text lies in [`Snippet::text`], in code points, for highlighting it.
    pub hit: Span,
}

impl Default for Snippet {
    fn default() -> Self {
        Snippet { text: String::new(), hit: Span::new(0, 0) }
    }
}

impl Snippet {
    /// The span's own text, as it stands in the snippet.
    pub fn hit_text(&self) -> String {
        self.text.chars().skip(self.hit.start).take(self.hit.len()).collect()
    }
}

/// The snippet of `span` (code points) in `text`; empty when the span lies outside the text.
pub fn snippet(text: &DocText, span: Span, limits: Limits) -> Snippet {
    match text.byte_range(span) {
        Some(range) => snippet_of(text.as_str(), range, limits),
        None => Snippet::default(),
    }
}

/// The snippet of the byte range `range` of `s` (which must lie on character boundaries).
pub fn snippet_of(s: &str, range: Range<usize>, limits: Limits) -> Snippet {
    // A span that starts or ends inside a grapheme is widened to it: half a letter cannot be drawn.
    let (start, end) = (grapheme_floor(s, range.start), grapheme_ceil(s, range.end.max(range.start)));
    // Only a window around the span is read, so that a text without spaces (a long URL, a bad import) costs
    // a few dozen letters a row, not a scan of the whole document. It holds more than the limits can take.
    let reach = 2 * (limits.chars + limits.words) + 16;
    let lo = s[..start].char_indices().rev().nth(reach).map_or(0, |(i, _)| i);
    let hi = s[end..].char_indices().nth(reach).map_or(s.len(), |(i, _)| end + i);
    let from = start - back(&s[lo..start], lo > 0, limits);
    let to = end + forward(&s[end..hi], hi < s.len(), limits);
    let mut text = String::new();
    if !s[..from].trim().is_empty() {
        text.push_str("… ");
    }
    push_collapsed(&mut text, &s[from..start]);
    let hit_start = text.chars().count();
    push_collapsed(&mut text, &s[start..end]);
    let hit_end = text.chars().count();
    push_collapsed(&mut text, &s[end..to]);
    if !s[to..].trim().is_empty() {
        text.push_str(" …");
    }
    Snippet { text, hit: Span::new(hit_start, hit_end) }
}

/// Appends `piece` with each run of white space (line breaks included) as one space, never two in a row.
fn push_collapsed(out: &mut String, piece: &str) {
    for c in piece.chars() {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// How many bytes at the end of `before` (the text before the span) the context takes: the rest of the
/// span's own word, then whole words while both limits hold. The nearest word is taken even when it alone
/// passes the character limit, cut to its last graphemes. `cut`: `before` is a window that starts inside
/// the text, so its first word may be the end of a longer one and is never taken as a whole word.
fn back(before: &str, cut: bool, limits: Limits) -> usize {
    let mut from = before.len();
    let mut chars = 0;
    let mut words = 0;
    // The part of the span's word before it (no space between): one word with the span, not a word of its own.
    let attached = before.len() - before.trim_end_matches(|c: char| !c.is_whitespace()).len();
    if attached > 0 {
        let word = &before[before.len() - attached..];
        let (taken, whole) = tail_graphemes(word, limits.chars);
        if !whole {
            return taken;
        }
        from -= attached;
        chars += word.chars().count();
    }
    while words < limits.words {
        let rest = before[..from].trim_end();
        if rest.is_empty() {
            return before.len(); // only spaces before: the context reaches the start
        }
        let word_start =
            rest.rfind(char::is_whitespace).map_or(0, |i| i + rest[i..].chars().next().map_or(1, char::len_utf8));
        let word = &rest[word_start..];
        let n = word.chars().count();
        if chars + n > limits.chars || (cut && word_start == 0) {
            if words == 0 && attached == 0 && n > limits.chars {
                let (taken, _) = tail_graphemes(word, limits.chars);
                return before.len() - rest.len() + taken;
            }
            break;
        }
        chars += n + 1;
        words += 1;
        from = word_start;
    }
    before.len() - from
}

/// How many bytes at the start of `after` (the text after the span) the context takes; the mirror of [`back`]
/// (`cut`: `after` is a window that ends inside the text).
fn forward(after: &str, cut: bool, limits: Limits) -> usize {
    let mut to = 0;
    let mut chars = 0;
    let mut words = 0;
    let attached = after.len() - after.trim_start_matches(|c: char| !c.is_whitespace()).len();
    if attached > 0 {
        let (taken, whole) = head_graphemes(&after[..attached], limits.chars);
        if !whole {
            return taken;
        }
        to = attached;
        chars += after[..attached].chars().count();
    }
    while words < limits.words {
        let rest = after[to..].trim_start();
        if rest.is_empty() {
            return to; // only spaces after: the context reaches the end
        }
        let skipped = after.len() - to - rest.len();
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..word_end];
        let n = word.chars().count();
        if chars + n > limits.chars || (cut && word_end == rest.len()) {
            if words == 0 && attached == 0 && n > limits.chars {
                let (taken, _) = head_graphemes(word, limits.chars);
                return to + skipped + taken;
            }
            break;
        }
        chars += n + 1;
        words += 1;
        to += skipped + word_end;
    }
    to
}

/// The bytes of the last whole graphemes of `word` that hold at most `max` characters (at least one
/// grapheme), and whether that is all of it.
fn tail_graphemes(word: &str, max: usize) -> (usize, bool) {
    graphemes_within(word.graphemes(true).rev(), max)
}

/// The bytes of the first whole graphemes of `word` that hold at most `max` characters (at least one
/// grapheme), and whether that is all of it.
fn head_graphemes(word: &str, max: usize) -> (usize, bool) {
    graphemes_within(word.graphemes(true), max)
}

/// The bytes of the leading `graphemes` that hold at most `max` characters (at least one), and whether they
/// are all of them.
fn graphemes_within<'a>(graphemes: impl Iterator<Item = &'a str>, max: usize) -> (usize, bool) {
    let mut taken = 0;
    let mut chars = 0;
    for g in graphemes {
        let n = g.chars().count();
        if taken > 0 && chars + n > max {
            return (taken, false);
        }
        taken += g.len();
        chars += n;
    }
    (taken, true)
}

/// The grapheme boundary at or before byte `at` of `s`.
fn grapheme_floor(s: &str, at: usize) -> usize {
    let mut cursor = GraphemeCursor::new(at, s.len(), true);
    match cursor.is_boundary(s, 0) {
        Ok(true) => at,
        _ => cursor.prev_boundary(s, 0).ok().flatten().unwrap_or(0),
    }
}

/// The grapheme boundary at or after byte `at` of `s`.
fn grapheme_ceil(s: &str, at: usize) -> usize {
    let mut cursor = GraphemeCursor::new(at, s.len(), true);
    match cursor.is_boundary(s, 0) {
        Ok(true) => at,
        _ => cursor.next_boundary(s, 0).ok().flatten().unwrap_or(s.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The snippet of the first occurrence of `hit` in `s` (after `after`, when given).
    fn around(s: &str, hit: &str, after: &str, limits: Limits) -> Snippet {
        let from = s.find(after).unwrap();
        let start = from + s[from..].find(hit).unwrap();
        snippet_of(s, start..start + hit.len(), limits)
    }

    const ARTICLE: &str =
        "تعرضت القواعد العسكرية التابعة للتحالف الدولي في حقل العمر النفطي بريف دير الزور يوم أمس، الاثنين";

    #[test]
    fn four_words_each_side_cut_at_spaces_and_marked_where_the_text_goes_on() {
        let s = around(ARTICLE, "حقل العمر", "", Limits::ROW);
        assert_eq!(s.text, "… التابعة للتحالف الدولي في حقل العمر النفطي بريف دير الزور …");
        assert_eq!(s.hit_text(), "حقل العمر");
        // The character limit binds before the word limit: four long words are more than 30 letters.
        let s = around(ARTICLE, "الدولي", "", Limits { words: 4, chars: 20 });
        assert_eq!(s.text, "… التابعة للتحالف الدولي في حقل العمر النفطي …");
    }

    #[test]
    fn identical_words_get_distinct_contexts() {
        let text = "قصفت طهران أمس مواقع في بغداد. وردت طهران على البيان";
        let first = around(text, "طهران", "", Limits::ROW);
        let second = around(text, "طهران", "وردت", Limits::ROW);
        assert_eq!(first.text, "قصفت طهران أمس مواقع في بغداد. …");
        assert_eq!(second.text, "… مواقع في بغداد. وردت طهران على البيان");
        assert_eq!((first.hit_text(), second.hit_text()), ("طهران".into(), "طهران".into()));
    }

    #[test]
    fn at_the_start_and_end_of_the_document_there_is_no_ellipsis() {
        let s = around("طهران تقصف", "طهران", "", Limits::ROW);
        assert_eq!((s.text.as_str(), s.hit), ("طهران تقصف", Span::new(0, 5)));
        let s = around("قصفت طهران", "طهران", "", Limits::ROW);
        assert_eq!((s.text.as_str(), s.hit), ("قصفت طهران", Span::new(5, 10)));
        let s = around("  طهران\n", "طهران", "", Limits::ROW);
        assert_eq!(s.text, "طهران", "spaces alone are not context");
    }

    #[test]
    fn line_breaks_become_spaces_and_context_crosses_them() {
        let s = around("عنوان الخبر\n\nقصفت طهران\nأمس  مساء", "طهران", "", Limits::ROW);
        assert_eq!(s.text, "عنوان الخبر قصفت طهران أمس مساء");
        assert_eq!(s.hit_text(), "طهران");
        // A span over a line break is one line too.
        let s = around("قصفت طهران\nأمس", "طهران\nأمس", "", Limits::ROW);
        assert_eq!((s.text.as_str(), s.hit_text()), ("قصفت طهران أمس", "طهران أمس".into()));
    }

    #[test]
    fn the_rest_of_a_word_the_span_cuts_stays_with_it() {
        // A search hit without its proclitic, a mention without its suffix and full stop.
        let s = around("وصلت التعزيزات بالميادين.", "الميادين", "", Limits::ROW);
        assert_eq!(s.text, "وصلت التعزيزات بالميادين.");
        assert_eq!(s.hit, Span::new(16, 24));
    }

    #[test]
    fn a_word_longer_than_the_limit_is_cut_between_graphemes() {
        // Each letter carries a shadda and a fatha: a cut between code points would orphan a mark.
        let long: String = "سَّ".repeat(20);
        let text = format!("{long} طهران {long}");
        let s = around(&text, "طهران", "", Limits { words: 4, chars: 10 });
        let graphemes: Vec<&str> = s.text.graphemes(true).collect();
        assert_eq!(s.text, format!("… {} طهران {} …", "سَّ".repeat(3), "سَّ".repeat(3)));
        assert!(graphemes.iter().all(|g| *g == "سَّ" || !g.starts_with('\u{651}')));
        // A span that itself starts inside a grapheme is widened to it.
        let s = snippet_of("بَّ", 2..6, Limits::ROW);
        assert_eq!((s.text.as_str(), s.hit), ("بَّ", Span::new(0, 3)));
    }

    #[test]
    fn only_a_window_around_the_span_is_read() {
        // A text without spaces: the context is the nearest 30 letters each side, from a window of the text.
        let letters = "ب".repeat(100_000);
        let text = format!("{letters} طهران {letters}");
        let s = around(&text, "طهران", "", Limits::ROW);
        assert_eq!(s.text, format!("… {} طهران {} …", "ب".repeat(30), "ب".repeat(30)));
        // A word that the window cuts is not taken as if it were whole: after a long run of spaces, the
        // word beyond is left out rather than shown in part.
        let spaced = format!("{} {} طهران", "كلمة".repeat(20), " ".repeat(200));
        let s = around(&spaced, "طهران", "", Limits::ROW);
        assert_eq!(s.text, "… طهران");
        let spaced = format!("طهران {} {}", " ".repeat(200), "كلمة".repeat(20));
        assert_eq!(around(&spaced, "طهران", "", Limits::ROW).text, "طهران …");
        // Words well inside the window are taken as before.
        let near = format!("{} في طهران", "كلمة ".repeat(1000));
        assert_eq!(around(&near, "طهران", "", Limits::ROW).text, "… كلمة كلمة كلمة في طهران");
    }

    #[test]
    fn a_span_outside_the_text_gives_nothing() {
        let text = DocText::new("قصفت طهران".into());
        assert_eq!(snippet(&text, Span::new(5, 50), Limits::ROW), Snippet::default());
        assert_eq!(snippet(&text, Span::new(5, 10), Limits::ROW).hit_text(), "طهران");
    }

    #[test]
    fn a_row_that_starts_with_its_snippet_reads_right_to_left_with_the_hit_between_its_context() {
        use crate::model::Direction;
        use crate::text::{LayoutEngine, LayoutParams};
        use std::sync::Arc;
        // A review queue row: the snippet, then the type and score.
        let snippet = around(ARTICLE, "حقل العمر", "", Limits::ROW);
        let row = format!("{} · Location 0.50", snippet.text);
        let text = Arc::new(DocText::new(row.clone()));
        let params = LayoutParams { font_size: 14.0, line_height: 1.45, width: 2000.0, direction: Direction::Auto };
        let layout = LayoutEngine::new().layout(text, params);
        let x_range = |span: Span| {
            let rects = layout.span_rects(span);
            assert!(!rects.is_empty(), "{span:?}");
            let x0 = rects.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min);
            let x1 = rects.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
            (x0, x1)
        };
        let find = |s: &str| {
            let b = row.find(s).unwrap();
            let start = row[..b].chars().count();
            Span::new(start, start + s.chars().count())
        };
        let hit = x_range(snippet.hit);
        let before = x_range(find("في"));
        let after = x_range(find("النفطي"));
        let opening = x_range(Span::new(0, 1));
        let type_name = x_range(find("Location"));
        // Right to left: the opening «…», the words before, the hit, the words after, then the type.
        assert!(opening.0 >= before.1 - 0.5, "{opening:?} {before:?}");
        assert!(before.0 >= hit.1 - 0.5, "{before:?} {hit:?}");
        assert!(hit.0 >= after.1 - 0.5, "{hit:?} {after:?}");
        assert!(after.0 >= type_name.1 - 0.5, "{after:?} {type_name:?}");
    }
}
