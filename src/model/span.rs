//! Spans of text, in Unicode code points.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A half-open range `[start, end)` of Unicode scalar values (code points) in a document's text.
///
/// Code points, not bytes or UTF-16 units, because brat, spaCy and Hugging Face count that way, so files
/// written by Tarmeez can be read by those tools unchanged. For example, in `"قصفت القاعدة"` the word
/// `"القاعدة"` is `Span { start: 5, end: 12 }`: `ق ص ف ت` are 0..4, the space is 4, and the seven
/// letters of the second word are 5..12. Its bytes are 9..23, since each Arabic letter takes two bytes
/// in UTF-8; [`super::DocText`] converts between the two.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First code point of the span.
    pub start: usize,
    /// One past the last code point of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (code points).
    pub fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// Number of code points covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether the two spans share at least one code point.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}
