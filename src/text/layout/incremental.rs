//! A document laid out a paragraph at a time: its outline (every paragraph with an estimated height) is
//! ready at once, the paragraphs on screen are laid out first and the rest later (on another thread in the
//! article view), and the renderer drops paragraphs it has drawn. Queries answer exactly for laid-out
//! paragraphs; only the tops of paragraphs below an estimated one are provisional.

use super::{DocumentLayout, LayoutParams, Paragraph, ShapedParagraph, State};
use crate::model::DocText;
use std::ops::Range;
use std::sync::Arc;

/// Average advance of a code point of the embedded Naskh and Sans fonts, in font sizes: a first guess of
/// the line length before any paragraph is laid out (the seed article measures 0.43 at 20 px).
const EM_PER_CHAR: f32 = 0.43;

impl DocumentLayout {
    /// Splits `text` into paragraphs (at `\n`) without laying any out: blank paragraphs get their final
    /// height, the others one estimated from their length. Costs one pass over the text.
    pub fn outline(text: Arc<DocText>, params: LayoutParams) -> Self {
        let blank_height = params.line_px() * 0.5;
        let chars_per_line = (params.width / (params.font_size * EM_PER_CHAR)).max(1.0);
        let mut paragraphs = Vec::new();
        let (mut byte, mut cp, mut estimated) = (0, 0, 0);
        for raw in text.as_str().split('\n') {
            let body = raw.strip_suffix('\r').unwrap_or(raw);
            let chars = body.chars().count();
            let blank = body.trim().is_empty();
            let (state, height) = if blank {
                (State::Blank, blank_height)
            } else {
                estimated += 1;
                (State::Estimated, estimate(chars, chars_per_line, &params))
            };
            paragraphs.push(Paragraph {
                chars: cp..cp + chars,
                bytes: byte..byte + body.len(),
                top: 0.0,
                height,
                state,
            });
            byte += raw.len() + 1;
            cp += chars + usize::from(raw.len() > body.len()) + 1;
        }
        let mut doc = Self { text, params, paragraphs, height: 0.0, estimated, chars_per_line };
        doc.retop(0);
        doc
    }

    /// Whether every paragraph's height is exact (each has been laid out at least once).
    pub fn is_complete(&self) -> bool {
        self.estimated == 0
    }

    /// The paragraphs among `range` that are not ready to draw (never laid out, or dropped by
    /// [`Self::evict`]).
    pub fn pending(&self, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let range = range.start.min(self.paragraphs.len())..range.end.min(self.paragraphs.len());
        range.filter(|&i| !self.paragraphs[i].is_laid_out())
    }

    /// Puts laid-out paragraphs in place: their exact heights replace the estimates and the paragraphs
    /// below move. A paragraph that is already laid out, or that belongs to another text, is ignored.
    pub fn insert(&mut self, shaped: impl IntoIterator<Item = (usize, ShapedParagraph)>) {
        let mut first = usize::MAX;
        for (i, s) in shaped {
            let Some(p) = self.paragraphs.get_mut(i) else { continue };
            if p.chars != s.chars || p.is_laid_out() {
                continue;
            }
            if p.is_estimated() {
                self.estimated -= 1;
            }
            p.height = s.height;
            p.state = State::Shaped(Box::new(s.shape));
            first = first.min(i);
        }
        if first != usize::MAX {
            self.retop(first);
        }
    }

    /// Drops the lines and glyphs of the paragraphs in `range`, keeping their exact heights (the renderer
    /// keeps only the paragraphs of the page it draws).
    pub fn evict(&mut self, range: Range<usize>) {
        let end = range.end.min(self.paragraphs.len());
        for p in &mut self.paragraphs[range.start.min(end)..end] {
            if matches!(p.state, State::Shaped(_)) {
                p.state = State::Measured;
            }
        }
    }

    /// Re-estimates the paragraphs not laid out yet from the line length of those that are (the first
    /// screen tells how many letters of this text fit on a line). Returns whether any height changed.
    pub fn refine_estimates(&mut self) -> bool {
        let (mut chars, mut lines) = (0usize, 0usize);
        for p in &self.paragraphs {
            let Some(shape) = p.shape() else { continue };
            // Full lines only: a paragraph's last line is usually short.
            let full = shape.line_starts.len().saturating_sub(1);
            if full > 0 {
                let last_start = p.bytes.start + shape.line_starts[full];
                chars += self.text.char_of_byte(last_start).unwrap_or(p.chars.start) - p.chars.start;
                lines += full;
            }
        }
        if lines < 4 {
            return false;
        }
        self.chars_per_line = chars as f32 / lines as f32;
        let mut changed = false;
        for p in &mut self.paragraphs {
            if p.is_estimated() {
                let h = estimate(p.chars.len(), self.chars_per_line, &self.params);
                changed |= h != p.height;
                p.height = h;
            }
        }
        if changed {
            self.retop(0);
        }
        changed
    }

    /// Recomputes the tops of the paragraphs from `from` on, and the total height.
    fn retop(&mut self, from: usize) {
        let mut y = match from.checked_sub(1).and_then(|i| self.paragraphs.get(i)) {
            Some(p) => p.top + p.height,
            None => 0.0,
        };
        for p in self.paragraphs.iter_mut().skip(from) {
            p.top = y;
            y += p.height;
        }
        self.height = y;
    }
}

/// The estimated height of a paragraph of `chars` code points.
fn estimate(chars: usize, chars_per_line: f32, params: &LayoutParams) -> f32 {
    (chars as f32 / chars_per_line).ceil().max(1.0) * params.line_px()
}
