//! Where the keyboard moves the caret, as geometry over a [`DocumentLayout`] without any GUI: a grapheme or
//! a word to the left or right on screen, a visual line up or down keeping the column the caret came from,
//! the logical ends of a visual line, a page up or down, the ends of the document. The article view maps
//! keys to [`Motion`]s and calls [`DocumentLayout::move_caret`].
//!
//! The caret is an offset without affinity: an offset where a line wraps is drawn at the start of the next
//! line. So the end of a wrapped line is taken before its trailing space (End, and Up or Down onto a shorter
//! line), which also keeps that space out of a Shift+End selection.

use super::{DocumentLayout, Paragraph};
use crate::model::{Direction, Span};
use crate::text::boundaries::{clitic_stops, is_wordlike, word_at};
use parley::{Affinity, Cursor};
use std::ops::Range;

/// The most graphemes one word motion walks over (a "word" of a hundred thousand letters stops there).
const MAX_WORD_STEPS: usize = 10_000;
/// How many of parley's steps one caret step may take to leave its offset (each side of a direction change).
const MAX_SIDE_STEPS: usize = 4;
/// How many paragraphs a blank paragraph looks through for its neighbours' direction.
const DIRECTION_LOOKAROUND: usize = 64;

/// A caret movement asked for by a key.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Motion {
    /// One grapheme to the left or right on screen (Left, Right).
    Grapheme {
        /// Towards the left of the screen.
        left: bool,
    },
    /// Over the next word to the left or right on screen, to its far edge (Ctrl+Left, Ctrl+Right); with
    /// `clitics`, also stopping where a proclitic or a pronoun suffix joins its word (Ctrl+Alt).
    Word {
        /// Towards the left of the screen.
        left: bool,
        /// Whether clitic boundaries inside a written word are stops too.
        clitics: bool,
    },
    /// One visual line up or down, at the goal column (Up, Down).
    Line {
        /// Towards the bottom.
        down: bool,
    },
    /// The logical start or end of the visual line (Home, End): the right edge of a right-to-left line's
    /// first word for Home.
    LineEdge {
        /// The end rather than the start.
        end: bool,
    },
    /// By `height` up or down, at the goal column (Page Up, Page Down).
    Page {
        /// Towards the bottom.
        down: bool,
        /// How far, in layout units (the view's height).
        height: f32,
    },
    /// The start or end of the document (Ctrl+Home, Ctrl+End).
    DocumentEdge {
        /// The end rather than the start.
        end: bool,
    },
}

impl Motion {
    /// Whether the motion keeps the goal column (successive Up, Down, Page Up and Page Down return to the
    /// column they started from after passing shorter lines).
    pub fn keeps_column(self) -> bool {
        matches!(self, Motion::Line { .. } | Motion::Page { .. })
    }
}

/// Where a motion put the caret.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Moved {
    /// The new caret offset, a grapheme boundary.
    pub caret: usize,
    /// The column to keep for the next vertical motion (layout x), `None` after a horizontal one.
    pub goal_x: Option<f32>,
}

impl Moved {
    fn to(caret: usize) -> Self {
        Self { caret, goal_x: None }
    }
}

/// A visual line: its paragraph and its index there (a blank paragraph, or one not laid out, is one line).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct LineRef {
    para: usize,
    line: usize,
}

impl DocumentLayout {
    /// The caret after `motion` from `caret`. `goal_x` is the column kept from the previous vertical motion
    /// (`None`: the caret's own). Paragraphs the motion reaches must be laid out for it to land exactly (see
    /// [`Self::motion_band`]); one that is not is taken as a single line starting at its first letter.
    pub fn move_caret(&self, caret: usize, goal_x: Option<f32>, motion: Motion) -> Moved {
        let caret = caret.min(self.document_edge(true));
        match motion {
            Motion::Grapheme { left } => Moved::to(self.move_caret_visual(caret, left)),
            Motion::Word { left, clitics } => Moved::to(self.move_word_visual(caret, left, clitics)),
            Motion::Line { down } => {
                let x = goal_x.unwrap_or_else(|| self.caret_rect(caret).x0);
                let to = match self.neighbour_line(self.line_of(caret), down) {
                    Some(line) => self.caret_on_line(line, x),
                    None => self.document_edge(down),
                };
                Moved { caret: to, goal_x: Some(x) }
            }
            Motion::LineEdge { end } => {
                let line = self.line_of(caret);
                Moved::to(if end { self.line_end(line) } else { self.line_chars(line).start })
            }
            Motion::Page { down, height } => self.move_page(caret, goal_x, down, height),
            Motion::DocumentEdge { end } => Moved::to(self.document_edge(end)),
        }
    }

    /// The band of the document (`y0`, `y1`) that must be laid out for `motion` from `caret` to land exactly,
    /// once the caret's own paragraph is: a few lines around the caret, or the page it moves over. `None`
    /// when the motion needs no geometry (to the ends of the document).
    pub fn motion_band(&self, caret: usize, motion: Motion) -> Option<(f32, f32)> {
        let r = self.caret_rect(caret);
        // Enough for a word motion to cross a few blank paragraphs (half a line each).
        let near = 4.0 * self.params.line_px();
        match motion {
            Motion::DocumentEdge { .. } => None,
            Motion::Page { down: true, height } => Some((r.y0, r.y1 + height + near)),
            Motion::Page { down: false, height } => Some((r.y0 - height - near, r.y1)),
            _ => Some((r.y0 - near, r.y1 + near)),
        }
    }

    /// The caret offset one grapheme to the left (`left == true`) or right of `cp` on screen, moving to
    /// the neighbouring paragraph at a paragraph's visual edge.
    pub fn move_caret_visual(&self, cp: usize, left: bool) -> usize {
        let i = self.paragraph_of_char(cp);
        let Some(p) = self.paragraphs.get(i) else { return cp };
        if let Some(next) = self.shifted_step(p, cp, left) {
            return next;
        }
        if let Some(layout) = p.layout() {
            let affinity = if cp >= p.chars.end { Affinity::Upstream } else { Affinity::Downstream };
            let mut cursor = Cursor::from_byte_index(layout, self.local_byte(p, cp), affinity);
            // Where a number meets Arabic, one offset has two places on screen (the end of "8" and the start
            // of the space after it): parley's step may only change the side. The caret has no side, so it
            // steps on until the offset changes, else it would stay there for ever.
            for _ in 0..MAX_SIDE_STEPS {
                let moved = if left { cursor.previous_visual(layout) } else { cursor.next_visual(layout) };
                if moved == cursor {
                    break;
                }
                let next = self.char_of(p, moved.index());
                if next != cp {
                    return self.snap_away(next, next > cp);
                }
                cursor = moved;
            }
        }
        // At the paragraph's visual edge: continue in the next or previous paragraph. Leftwards is forwards in
        // a right-to-left paragraph; a blank one has its neighbours' direction, else the arrows would send
        // the caret back and forth between it and the paragraph it came from.
        if left == self.paragraph_is_rtl(i) {
            self.paragraphs.get(i + 1).map_or(cp, |n| n.chars.start)
        } else if i > 0 {
            self.paragraphs[i - 1].chars.end
        } else {
            cp
        }
    }

    /// On a line where rule L1 moved the trailing white space, the caret one cluster to the left or right of
    /// `cp` as the line is drawn (parley's own motion follows its placement); `None` elsewhere and at the
    /// line's edges, where parley's motion to the neighbouring line holds.
    fn shifted_step(&self, p: &Paragraph, cp: usize, left: bool) -> Option<usize> {
        let b = self.local_byte(p, cp);
        let line = p.line_of_byte(b);
        let s = self.shifted(p, line)?;
        let next = self.char_of(p, super::trailing::step(&self.placed(p, line), b, s.trailing, left)?);
        (next != cp).then(|| self.snap_away(next, next > cp))
    }

    /// Whether paragraph `i` runs right to left: as laid out, else from its first strong letter, and for a
    /// blank paragraph from the text before it (else after it).
    pub(super) fn paragraph_is_rtl(&self, i: usize) -> bool {
        match self.params.direction {
            Direction::Rtl => return true,
            Direction::Ltr => return false,
            Direction::Auto => {}
        }
        let own = |p: &Paragraph| {
            p.layout().map(|l| l.is_rtl()).or_else(|| first_strong_is_rtl(&self.text.as_str()[p.bytes.clone()]))
        };
        let Some(p) = self.paragraphs.get(i) else { return false };
        own(p)
            .or_else(|| self.paragraphs[..i].iter().rev().take(DIRECTION_LOOKAROUND).find_map(own))
            .or_else(|| self.paragraphs[i + 1..].iter().take(DIRECTION_LOOKAROUND).find_map(own))
            .unwrap_or(false)
    }

    /// Moves `cp` to a grapheme boundary in the direction of travel.
    fn snap_away(&self, mut cp: usize, forward: bool) -> usize {
        while !self.text.is_grapheme_boundary(cp) {
            if forward { cp += 1 } else { cp -= 1 }
        }
        cp
    }

    /// Walks grapheme by grapheme on screen and stops at the far edge of the first word crossed: where the
    /// next step would leave it (or, with `clitics`, cross one of its clitic boundaries). Spaces,
    /// punctuation and blank paragraphs are walked over.
    fn move_word_visual(&self, from: usize, left: bool, clitics: bool) -> usize {
        let mut cur = from;
        let mut stops: Option<(Span, Vec<usize>)> = None;
        for _ in 0..MAX_WORD_STEPS {
            let next = self.move_caret_visual(cur, left);
            if next == cur {
                return cur;
            }
            let crossed = self.crossed(cur, next);
            cur = next;
            let Some((g, word)) = crossed.and_then(|g| Some((g, self.word_of(g)?))) else { continue };
            let after = self.move_caret_visual(cur, left);
            let Some(g2) = self.crossed(cur, after).filter(|_| after != cur) else { return cur };
            if self.word_of(g2) != Some(word) {
                return cur;
            }
            if clitics {
                if stops.as_ref().is_none_or(|(w, _)| *w != word) {
                    stops = Some((word, clitic_stops(&self.text, word)));
                }
                let boundary = g.start.max(g2.start);
                if stops.as_ref().is_some_and(|(_, s)| s.contains(&boundary)) {
                    return cur;
                }
            }
        }
        cur
    }

    /// The grapheme crossed by one visual step from `a` to `b`; `None` for a step into another paragraph.
    fn crossed(&self, a: usize, b: usize) -> Option<Span> {
        (self.paragraph_of_char(a) == self.paragraph_of_char(b)).then(|| Span::new(a.min(b), a.max(b)))
    }

    /// The word (a UAX #29 segment with a letter or digit) the grapheme `g` belongs to.
    fn word_of(&self, g: Span) -> Option<Span> {
        word_at(&self.text, g.start).filter(|w| is_wordlike(&self.text, *w))
    }

    /// The first or last offset of the document.
    fn document_edge(&self, end: bool) -> usize {
        if end { self.paragraphs.last().map_or(0, |p| p.chars.end) } else { 0 }
    }

    /// The visual line the caret at `cp` is drawn on (an offset where a line wraps starts the next line).
    fn line_of(&self, cp: usize) -> LineRef {
        let para = self.paragraph_of_char(cp);
        let line = self.paragraphs.get(para).and_then(|p| Some((p, p.shape()?))).map_or(0, |(p, shape)| {
            let byte = self.local_byte(p, cp);
            shape.line_starts.partition_point(|&s| s <= byte).saturating_sub(1)
        });
        LineRef { para, line }
    }

    /// Number of visual lines of paragraph `para`, one for a blank paragraph or one not laid out.
    fn lines_in(&self, para: usize) -> usize {
        self.paragraphs.get(para).map_or(1, |p| p.line_count().max(1))
    }

    /// The line above or below, across paragraphs.
    fn neighbour_line(&self, l: LineRef, down: bool) -> Option<LineRef> {
        if down {
            if l.line + 1 < self.lines_in(l.para) {
                Some(LineRef { para: l.para, line: l.line + 1 })
            } else {
                (l.para + 1 < self.paragraphs.len()).then_some(LineRef { para: l.para + 1, line: 0 })
            }
        } else if l.line > 0 {
            Some(LineRef { para: l.para, line: l.line - 1 })
        } else {
            let para = l.para.checked_sub(1)?;
            Some(LineRef { para, line: self.lines_in(para) - 1 })
        }
    }

    /// The visual line at document height `y` (clamped to the document).
    fn line_at_y(&self, y: f32) -> LineRef {
        let para = self.paragraph_at_y(y);
        let line = self.paragraphs.get(para).map_or(0, |p| p.line_at(y - p.top));
        LineRef { para, line: line.min(self.lines_in(para) - 1) }
    }

    /// The code points of a visual line, its trailing space included.
    fn line_chars(&self, l: LineRef) -> Range<usize> {
        let Some(p) = self.paragraphs.get(l.para) else { return 0..0 };
        match p.layout().and_then(|layout| layout.get(l.line)) {
            Some(line) => {
                let r = line.text_range();
                self.char_of(p, r.start)..self.char_of(p, r.end)
            }
            None => p.chars.clone(),
        }
    }

    /// Where End puts the caret on a line: the paragraph's end on its last line, else before the line's
    /// trailing space (see the module documentation), or before its last grapheme when a long word was
    /// broken without one.
    fn line_end(&self, l: LineRef) -> usize {
        let chars = self.line_chars(l);
        if l.line + 1 >= self.lines_in(l.para) {
            return self.paragraphs.get(l.para).map_or(chars.end, |p| p.chars.end);
        }
        let mut end = chars.end;
        while end > chars.start && self.char_before(end).is_some_and(char::is_whitespace) {
            end -= 1;
        }
        if end == chars.end && end > chars.start {
            end = self.floor_grapheme(end - 1);
        }
        end
    }

    /// The character just before offset `cp`.
    fn char_before(&self, cp: usize) -> Option<char> {
        let byte = self.text.byte_of(cp.checked_sub(1)?)?;
        self.text.as_str()[byte..].chars().next()
    }

    /// The caret offset on line `l` nearest to column `x`, kept on that line.
    fn caret_on_line(&self, l: LineRef, x: f32) -> usize {
        let Some(p) = self.paragraphs.get(l.para) else { return 0 };
        let Some(line) = p.layout().and_then(|layout| Some((layout, layout.get(l.line)?))) else {
            return p.chars.start;
        };
        let (layout, line) = line;
        let m = line.metrics();
        let b = self
            .shifted_caret_at(p, l.line, x)
            .unwrap_or_else(|| Cursor::from_point(layout, x, (m.block_min_coord + m.block_max_coord) / 2.0).index());
        let cp = self.floor_grapheme(self.char_of(p, b));
        cp.clamp(self.line_chars(l).start, self.line_end(l))
    }

    /// A page up or down: the line `height` above or below the caret's, at the goal column; from the first
    /// or last line, the start or end of the document.
    fn move_page(&self, caret: usize, goal_x: Option<f32>, down: bool, height: f32) -> Moved {
        let r = self.caret_rect(caret);
        let x = goal_x.unwrap_or(r.x0);
        let y = (r.y0 + r.y1) / 2.0 + if down { height } else { -height };
        let from = self.line_of(caret);
        let mut target = self.line_at_y(y.clamp(0.0, (self.height - 0.01).max(0.0)));
        if target == from {
            // A page shorter than a line, or already on the first or last line.
            match self.neighbour_line(from, down) {
                Some(line) if !(y < 0.0 || y >= self.height) => target = line,
                _ => return Moved { caret: self.document_edge(down), goal_x: Some(x) },
            }
        }
        Moved { caret: self.caret_on_line(target, x), goal_x: Some(x) }
    }
}

/// Whether the first letter of `s` with a strong direction is right to left (Arabic, Hebrew, Syriac,
/// Thaana, N'Ko and their presentation forms); `None` without letters. Approximates the bidi algorithm's
/// rule for a paragraph's direction, for paragraphs not laid out.
fn first_strong_is_rtl(s: &str) -> Option<bool> {
    s.chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
        .next()
}

#[cfg(test)]
#[path = "caret_tests.rs"]
mod tests;
