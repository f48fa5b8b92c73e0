//! Editing a short text, such as a text field's, without any GUI: what typing, pasting, deleting and undo do
//! to the text and its selection. Offsets are code points, as everywhere in the text model; they always sit on
//! grapheme boundaries after an edit. Where the caret goes on screen (bidi, visual order) is the layout's
//! business ([`crate::text::DocumentLayout::move_caret`]); this module only changes the text.

use crate::text::tashkeel::is_tashkeel;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// A selection in code points: `anchor` stays where it began, `head` moves (and is where the caret is drawn).
/// An empty selection is a caret.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Where the selection began.
    pub anchor: usize,
    /// The moving end, where the caret is.
    pub head: usize,
}

impl Selection {
    /// A caret at `cp`.
    pub fn caret(cp: usize) -> Self {
        Self { anchor: cp, head: cp }
    }

    /// The selected code points, in logical order.
    pub fn range(self) -> Range<usize> {
        self.anchor.min(self.head)..self.anchor.max(self.head)
    }

    /// Whether nothing is selected.
    pub fn is_empty(self) -> bool {
        self.anchor == self.head
    }

    /// The selection with both ends at most `len`.
    pub fn clamped(self, len: usize) -> Self {
        Self { anchor: self.anchor.min(len), head: self.head.min(len) }
    }
}

/// What a field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Whether line breaks are kept (a note) or become spaces (a search box, a name).
    pub multiline: bool,
    /// The most code points the text may hold.
    pub max_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self { multiline: false, max_chars: usize::MAX }
    }
}

/// The byte offset of code point `cp` in `s` (its length past the end).
pub fn byte_of(s: &str, cp: usize) -> usize {
    s.char_indices().nth(cp).map_or(s.len(), |(b, _)| b)
}

/// The number of code points of `s`.
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The text of `range` (code points) of `s`.
pub fn slice(s: &str, range: Range<usize>) -> &str {
    &s[byte_of(s, range.start)..byte_of(s, range.end)]
}

/// `typed` as the field takes it: without control characters; a single-line field's line breaks and tabs as
/// spaces (a pasted two-line quote stays one search); cut to what `room` code points hold, on a grapheme
/// boundary (so no mark is cut from its letter).
fn accepted(typed: &str, limits: Limits, room: usize) -> String {
    let mut out = String::with_capacity(typed.len());
    let typed = typed.replace("\r\n", "\n");
    for c in typed.chars() {
        match c {
            '\n' if limits.multiline => out.push('\n'),
            '\n' | '\t' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    if char_len(&out) > room {
        let mut kept = 0;
        let mut end = 0;
        for g in out.graphemes(true) {
            let n = char_len(g);
            if kept + n > room {
                break;
            }
            kept += n;
            end += g.len();
        }
        out.truncate(end);
    }
    out
}

/// Replaces the selection of `text` with `typed` (typing, pasting, an input method's committed text) and
/// returns the caret after the inserted text. Text the field does not accept is dropped (see [`Limits`]).
pub fn replace_selection(text: &mut String, sel: Selection, typed: &str, limits: Limits) -> Selection {
    let len = char_len(text);
    let range = sel.clamped(len).range();
    let room = limits.max_chars.saturating_sub(len - range.len());
    let typed = accepted(typed, limits, room);
    let (a, b) = (byte_of(text, range.start), byte_of(text, range.end));
    text.replace_range(a..b, &typed);
    Selection::caret(range.start + char_len(&typed))
}

/// The grapheme boundaries of `s`, in code points, from 0 to its length.
fn grapheme_stops(s: &str) -> Vec<usize> {
    let mut stops = vec![0];
    let mut cp = 0;
    for g in s.graphemes(true) {
        cp += char_len(g);
        stops.push(cp);
    }
    stops
}

/// The grapheme boundary at or before `cp`.
pub fn floor_grapheme(s: &str, cp: usize) -> usize {
    grapheme_stops(s).into_iter().take_while(|&b| b <= cp).last().unwrap_or(0)
}

/// The code points a deletion removes from `text` at the caret `cp`: backward (Backspace) or forward
/// (Delete), a grapheme or a word. Backspace after a tashkeel mark removes just the mark, so that a mistyped
/// vowel is corrected without retyping its letter; otherwise a whole grapheme goes (never half an emoji).
fn deletion(text: &str, cp: usize, backward: bool, word: bool) -> Range<usize> {
    let cp = floor_grapheme(text, cp);
    if word {
        return if backward { word_start_before(text, cp)..cp } else { cp..word_end_after(text, cp) };
    }
    let stops = grapheme_stops(text);
    if backward {
        let before = text.chars().nth(cp.wrapping_sub(1));
        if cp > 0 && before.is_some_and(is_tashkeel) {
            return cp - 1..cp;
        }
        stops.iter().rev().find(|&&b| b < cp).map_or(cp..cp, |&b| b..cp)
    } else {
        stops.iter().find(|&&b| b > cp).map_or(cp..cp, |&b| cp..b)
    }
}

/// Deletes the selection, or what Backspace (`backward`) or Delete removes at the caret (a word with
/// `word`: Ctrl+Backspace, Ctrl+Delete). Returns the caret after it.
pub fn delete(text: &mut String, sel: Selection, backward: bool, word: bool) -> Selection {
    let sel = sel.clamped(char_len(text));
    let range = if sel.is_empty() { deletion(text, sel.head, backward, word) } else { sel.range() };
    let (a, b) = (byte_of(text, range.start), byte_of(text, range.end));
    text.replace_range(a..b, "");
    Selection::caret(range.start)
}

/// The word segments (UAX #29) of `s` as code point ranges, with whether each holds a letter or digit.
fn words(s: &str) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut cp = 0;
    for w in s.split_word_bounds() {
        let n = char_len(w);
        out.push((cp..cp + n, w.chars().any(char::is_alphanumeric)));
        cp += n;
    }
    out
}

/// The start of the word before `cp` in logical order (over the spaces and punctuation before it).
pub fn word_start_before(s: &str, cp: usize) -> usize {
    let ws = words(s);
    let mut i = ws.iter().rposition(|(r, _)| r.start < cp).unwrap_or(0);
    while i > 0 && !ws[i].1 {
        i -= 1;
    }
    ws.get(i).map_or(0, |(r, _)| r.start)
}

/// The end of the word after `cp` in logical order (over the spaces and punctuation before it).
pub fn word_end_after(s: &str, cp: usize) -> usize {
    let ws = words(s);
    let Some(mut i) = ws.iter().position(|(r, _)| r.end > cp) else { return char_len(s) };
    while i + 1 < ws.len() && !ws[i].1 {
        i += 1;
    }
    ws[i].0.end
}

/// The word (or run of spaces, or punctuation mark) at `cp`: what a double click selects.
pub fn word_around(s: &str, cp: usize) -> Range<usize> {
    let ws = words(s);
    let hit = ws.iter().find(|(r, _)| r.contains(&cp)).or_else(|| ws.last());
    hit.map_or(0..0, |(r, _)| r.clone())
}

/// How an edit came about, for grouping undo steps: typed letters of one word are undone together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditKind {
    /// A typed character.
    Typing,
    /// A deletion at the caret.
    Deleting,
    /// Anything else (paste, cut, a deletion of a selection, an input method's text): its own step.
    Other,
}

/// A state of the text to go back to.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Snapshot {
    text: String,
    sel: Selection,
}

/// The undo and redo history of one field.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Snapshot>,
    redo: Vec<Snapshot>,
    last: Option<EditKind>,
}

/// The most undo steps a field keeps.
const MAX_STEPS: usize = 200;

impl History {
    /// Records the state before an edit of `kind`. Typing continues the previous typing step until a space
    /// is typed; deleting continues the previous deletion.
    pub fn record(&mut self, before: &str, sel: Selection, kind: EditKind, typed: &str) {
        let continues = self.last == Some(kind) && kind != EditKind::Other;
        let word_break = typed.chars().any(char::is_whitespace);
        self.last = if word_break { None } else { Some(kind) };
        self.redo.clear();
        if continues && !self.undo.is_empty() {
            return;
        }
        self.undo.push(Snapshot { text: before.to_owned(), sel });
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    /// Ends the current group (the caret moved, the field lost focus).
    pub fn break_group(&mut self) {
        self.last = None;
    }

    /// Takes back the last step: `text` becomes what it was; returns the selection then.
    pub fn undo(&mut self, text: &mut String, sel: Selection) -> Option<Selection> {
        let back = self.undo.pop()?;
        self.redo.push(Snapshot { text: std::mem::replace(text, back.text), sel });
        self.last = None;
        Some(back.sel)
    }

    /// Does again the last step taken back.
    pub fn redo(&mut self, text: &mut String, sel: Selection) -> Option<Selection> {
        let again = self.redo.pop()?;
        self.undo.push(Snapshot { text: std::mem::replace(text, again.text), sel });
        self.last = None;
        Some(again.sel)
    }

    /// Whether there is a step to take back.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}

#[cfg(test)]
#[path = "editing_tests.rs"]
mod tests;
