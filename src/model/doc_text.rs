//! A document's text with its offset index: the one place where code point offsets (on disk) and byte
//! offsets (in memory, for slicing and for the layout engine) are converted.

use super::Span;
use sha2::{Digest, Sha256};
use unicode_segmentation::UnicodeSegmentation;

/// Why a span does not fit a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    /// `end` is past the end of the text.
    #[error("span {span} is outside the text, which has {len} characters")]
    OutOfText {
        /// The span.
        span: Span,
        /// The text's length in code points.
        len: usize,
    },
    /// `start >= end`.
    #[error("span {span} is empty or reversed")]
    Empty {
        /// The span.
        span: Span,
    },
    /// One of the ends falls inside a grapheme cluster (between a letter and its diacritic, say).
    #[error("span {span} splits a character: offset {offset} is inside a grapheme cluster")]
    SplitsGrapheme {
        /// The span.
        span: Span,
        /// The offending end.
        offset: usize,
    },
}

/// A document's immutable text plus indexes for offset conversion and grapheme checks.
///
/// Building it costs one pass over the text; afterwards every conversion is O(1) (code point to byte) or
/// O(log n) (byte to code point).
#[derive(Clone, Debug)]
pub struct DocText {
    text: String,
    /// `byte_of_char[i]` is the byte offset of code point `i`; the last entry is `text.len()`.
    byte_of_char: Vec<u32>,
    /// Bit `i` is set when code point offset `i` is a grapheme cluster boundary (0 and len included).
    grapheme_boundary: Vec<u64>,
}

impl DocText {
    /// Indexes `text`. Texts are limited to 4 GiB, far beyond any article.
    pub fn new(text: String) -> Self {
        assert!(u32::try_from(text.len()).is_ok(), "texts over 4 GiB are not supported");
        let mut byte_of_char: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
        byte_of_char.push(text.len() as u32);
        let chars = byte_of_char.len() - 1;
        let mut grapheme_boundary = vec![0u64; chars / 64 + 1];
        let mut set = |i: usize| grapheme_boundary[i / 64] |= 1 << (i % 64);
        let mut cp = 0;
        for g in text.graphemes(true) {
            set(cp);
            cp += g.chars().count();
        }
        set(chars);
        Self { text, byte_of_char, grapheme_boundary }
    }

    /// The text exactly as imported.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length in code points.
    pub fn len_chars(&self) -> usize {
        self.byte_of_char.len() - 1
    }

    /// Byte offset of code point offset `cp`, or `None` past the end. `cp == len_chars()` is the end.
    pub fn byte_of(&self, cp: usize) -> Option<usize> {
        self.byte_of_char.get(cp).map(|&b| b as usize)
    }

    /// Code point offset of byte offset `byte`, or `None` if it is not on a character boundary.
    pub fn char_of_byte(&self, byte: usize) -> Option<usize> {
        let byte = u32::try_from(byte).ok()?;
        self.byte_of_char.binary_search(&byte).ok()
    }

    /// Whether code point offset `cp` lies between two grapheme clusters (or at either end of the text).
    pub fn is_grapheme_boundary(&self, cp: usize) -> bool {
        cp <= self.len_chars() && self.grapheme_boundary[cp / 64] & (1 << (cp % 64)) != 0
    }

    /// Checks that `span` is non-empty, inside the text and does not split a grapheme cluster.
    pub fn check_span(&self, span: Span) -> Result<(), SpanError> {
        if span.end > self.len_chars() {
            return Err(SpanError::OutOfText { span, len: self.len_chars() });
        }
        if span.is_empty() {
            return Err(SpanError::Empty { span });
        }
        for offset in [span.start, span.end] {
            if !self.is_grapheme_boundary(offset) {
                return Err(SpanError::SplitsGrapheme { span, offset });
            }
        }
        Ok(())
    }

    /// The text covered by `span`, or `None` if the span is outside the text or reversed.
    pub fn slice(&self, span: Span) -> Option<&str> {
        if span.start > span.end {
            return None;
        }
        Some(&self.text[self.byte_of(span.start)?..self.byte_of(span.end)?])
    }

    /// The byte range of `span`, for APIs that work in bytes (the layout engine).
    pub fn byte_range(&self, span: Span) -> Option<std::ops::Range<usize>> {
        if span.start > span.end {
            return None;
        }
        Some(self.byte_of(span.start)?..self.byte_of(span.end)?)
    }

    /// This text's content hash, as stored in the document's metadata.
    pub fn hash(&self) -> String {
        text_hash(&self.text)
    }
}

/// Content hash of a text: `sha256:` and 64 hex digits, so that `sha256sum` on the `.txt` file agrees.
pub fn text_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    // By hand: a `format!` per byte made hashing the texts of an import cost as much as hashing them.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for b in digest.iter() {
        out.push(char::from(HEX[usize::from(b >> 4)]));
        out.push(char::from(HEX[usize::from(b & 0xf)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_between_code_points_and_bytes() {
        let t = DocText::new("قصفت القاعدة".to_owned());
        assert_eq!(t.len_chars(), 12);
        assert_eq!(t.byte_of(5), Some(9));
        assert_eq!(t.byte_of(12), Some(t.as_str().len()));
        assert_eq!(t.byte_of(13), None);
        assert_eq!(t.char_of_byte(9), Some(5));
        assert_eq!(t.char_of_byte(10), None, "inside a two-byte letter");
        assert_eq!(t.slice(Span::new(5, 12)), Some("القاعدة"));
    }

    #[test]
    fn every_char_round_trips() {
        let s = "a ب 28حزيران 😀 é";
        let t = DocText::new(s.to_owned());
        for (cp, (byte, _)) in s.char_indices().enumerate() {
            assert_eq!(t.byte_of(cp), Some(byte));
            assert_eq!(t.char_of_byte(byte), Some(cp));
        }
    }

    #[test]
    fn a_letter_and_its_diacritic_are_one_grapheme() {
        // بِ = ب + kasra: offset 1 is inside the cluster.
        let t = DocText::new("بِسم".to_owned());
        assert!(t.is_grapheme_boundary(0));
        assert!(!t.is_grapheme_boundary(1));
        assert!(t.is_grapheme_boundary(2));
        assert_eq!(t.check_span(Span::new(0, 1)), Err(SpanError::SplitsGrapheme { span: Span::new(0, 1), offset: 1 }));
        assert_eq!(t.check_span(Span::new(0, 2)), Ok(()));
    }

    #[test]
    fn check_span_reports_out_of_text_and_empty() {
        let t = DocText::new("abc".to_owned());
        assert!(matches!(t.check_span(Span::new(1, 4)), Err(SpanError::OutOfText { .. })));
        assert!(matches!(t.check_span(Span::new(2, 2)), Err(SpanError::Empty { .. })));
        assert!(matches!(t.check_span(Span::new(2, 1)), Err(SpanError::Empty { .. })));
    }

    #[test]
    fn hash_matches_sha256sum() {
        assert_eq!(text_hash("abc"), "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
