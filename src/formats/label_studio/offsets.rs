//! Label Studio's offsets. Its frontend counts as JavaScript does, in UTF-16 code units, so a character
//! outside the Basic Multilingual Plane (an emoji) counts two; a Python backend writing predictions counts
//! code points. Tarmeez counts code points. Shared by the suggestion import (predictions), the task reader
//! (annotations) and the task writer, so that the three agree on which unit a result is in.

use crate::model::{DocText, Span};

/// A text's UTF-16 offsets in code points, built once per document.
#[derive(Clone, Debug)]
pub struct Utf16Offsets {
    /// UTF-16 offset to code point offset (`u32::MAX` inside a surrogate pair); the last entry is the end.
    to_code_point: Vec<u32>,
    /// Code point offset to UTF-16 offset; the last entry is the end.
    to_utf16: Vec<u32>,
}

/// Why a UTF-16 offset names no place in the text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Utf16Error {
    /// The offset is past the end.
    #[error("offset {offset} (UTF-16) is past the end of the document, which has {units} UTF-16 units")]
    PastEnd {
        /// The offset.
        offset: usize,
        /// The text's length in UTF-16 units.
        units: usize,
    },
    /// The offset falls between the two halves of a character outside the Basic Multilingual Plane.
    #[error("offset {offset} (UTF-16) falls inside a character outside the Basic Multilingual Plane")]
    InsidePair {
        /// The offset.
        offset: usize,
    },
}

impl Utf16Offsets {
    /// The offsets of `text`.
    pub fn of(text: &str) -> Self {
        let mut to_code_point = Vec::with_capacity(text.len() + 1);
        let mut to_utf16 = Vec::with_capacity(text.len() + 1);
        let mut cp = 0u32;
        for c in text.chars() {
            to_utf16.push(to_code_point.len() as u32);
            to_code_point.push(cp);
            if c.len_utf16() == 2 {
                to_code_point.push(u32::MAX);
            }
            cp += 1;
        }
        to_utf16.push(to_code_point.len() as u32);
        to_code_point.push(cp);
        Self { to_code_point, to_utf16 }
    }

    /// The text's length in UTF-16 units.
    pub fn units(&self) -> usize {
        self.to_code_point.len() - 1
    }

    /// The code point offset of UTF-16 offset `offset`.
    pub fn code_point(&self, offset: usize) -> Result<usize, Utf16Error> {
        match self.to_code_point.get(offset) {
            None => Err(Utf16Error::PastEnd { offset, units: self.units() }),
            Some(&u32::MAX) => Err(Utf16Error::InsidePair { offset }),
            Some(&cp) => Ok(cp as usize),
        }
    }

    /// The UTF-16 offset of code point offset `cp` (the end for an offset past it).
    pub fn utf16(&self, cp: usize) -> usize {
        let end = self.to_utf16.len() - 1;
        self.to_utf16[cp.min(end)] as usize
    }

    /// The span `start..end` given in UTF-16 units, in code points.
    pub fn span(&self, start: usize, end: usize) -> Result<Span, Utf16Error> {
        Ok(Span::new(self.code_point(start)?, self.code_point(end)?))
    }
}

/// The span a Label Studio result's `start..end` stands for in `text`: UTF-16 units, as Label Studio's
/// frontend writes them, unless the result's `claimed` text (`value.text`) is what code points give and not
/// what UTF-16 gives (a Python backend's predictions). Without a claimed text, UTF-16 it is. The span is not
/// checked against the text beyond the conversion (its caller says what else is wrong).
pub fn result_span(
    text: &DocText,
    offsets: &Utf16Offsets,
    (start, end): (usize, usize),
    claimed: Option<&str>,
) -> Result<Span, Utf16Error> {
    let converted = offsets.span(start, end);
    let as_code_points = Span::new(start, end);
    match (&converted, claimed) {
        (Ok(span), Some(t)) if text.slice(*span) != Some(t) && text.slice(as_code_points) == Some(t) => {
            Ok(as_code_points)
        }
        (Err(_), Some(t)) if text.slice(as_code_points) == Some(t) => Ok(as_code_points),
        _ => converted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_emoji_counts_two_units_and_the_claimed_text_decides_the_unit() {
        let text = DocText::new("🚀 قصف الرقة".to_owned());
        let offsets = Utf16Offsets::of(text.as_str());
        assert_eq!(offsets.units(), 12);
        assert_eq!(offsets.code_point(3), Ok(2));
        assert_eq!(offsets.code_point(1), Err(Utf16Error::InsidePair { offset: 1 }));
        assert_eq!(offsets.utf16(2), 3);
        assert_eq!(offsets.utf16(99), 12);
        // «قصف» is code points 2..5, UTF-16 3..6.
        assert_eq!(result_span(&text, &offsets, (3, 6), Some("قصف")), Ok(Span::new(2, 5)));
        assert_eq!(result_span(&text, &offsets, (2, 5), Some("قصف")), Ok(Span::new(2, 5)), "a Python backend");
        assert_eq!(result_span(&text, &offsets, (3, 6), None), Ok(Span::new(2, 5)));
        assert!(result_span(&text, &offsets, (3, 60), None).is_err());
    }
}
