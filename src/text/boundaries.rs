//! Word and grapheme boundaries for selection snapping.
//!
//! Words follow UAX #29: Arabic letters with their attached clitics form one word ("بالميادين"), so snapping
//! to words takes the whole written word; snapping to graphemes (Alt) lets a coder take "الميادين" out of it.

use crate::model::{DocText, Span};
use crate::text::matching::stems;
use crate::text::normalize::Normalized;
use unicode_segmentation::UnicodeSegmentation;

/// How far a selection end snaps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Snap {
    /// To whole words.
    Word,
    /// To single graphemes (a letter with its diacritics).
    Grapheme,
}

/// The code point range of the paragraph around `cp` (bounded by line breaks).
fn paragraph_around(text: &DocText, cp: usize) -> (usize, usize) {
    let s = text.as_str();
    let byte = text.byte_of(cp.min(text.len_chars())).unwrap_or(s.len());
    let start = s[..byte].rfind('\n').map_or(0, |i| i + 1);
    let end = s[byte..].find('\n').map_or(s.len(), |i| byte + i);
    (text.char_of_byte(start).unwrap_or(0), text.char_of_byte(end).unwrap_or(text.len_chars()))
}

/// The word segment (UAX #29) containing code point `cp`; for a space or punctuation, that character's
/// segment. `None` at the end of the text.
pub fn word_at(text: &DocText, cp: usize) -> Option<Span> {
    if cp >= text.len_chars() {
        return None;
    }
    let (pa, pb) = paragraph_around(text, cp);
    let para = text.slice(Span::new(pa, pb))?;
    let mut offset = pa;
    for segment in para.split_word_bounds() {
        let len = segment.chars().count();
        if cp < offset + len {
            return Some(Span::new(offset, offset + len));
        }
        offset += len;
    }
    Some(Span::new(cp, cp + 1))
}

/// Whether the span's text contains a letter or digit (is a word, not space or punctuation).
pub fn is_wordlike(text: &DocText, span: Span) -> bool {
    text.slice(span).is_some_and(|s| s.chars().any(char::is_alphanumeric))
}

/// Where clitics join the written word `word` (a span of `text`, as [`word_at`] gives): after each proclitic
/// (و ف, then ب ك ل, then the article ال) and before a pronoun suffix, as the matcher's clitic stems
/// ([`stems`], also behind clitic-lenient agreement) read the word. Every reading counts, so a word whose
/// first letters only look like clitics has stops there too (`وكتائب`: و ك تائب). Sorted offsets strictly
/// inside the word, on grapheme boundaries.
pub fn clitic_stops(text: &DocText, word: Span) -> Vec<usize> {
    let Some(s) = text.slice(word) else { return Vec::new() };
    let n = Normalized::new(s);
    let mut out: Vec<usize> = stems(s)
        .into_iter()
        .filter(|stem| stem.stripped)
        .flat_map(|stem| {
            let o = n.to_original(stem.start..stem.end);
            [o.start, o.end]
        })
        .map(|cp| word.start + cp)
        .filter(|&cp| cp > word.start && cp < word.end)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Extends `[a, b)` (in either order) outward to the boundaries chosen by `snap`. An empty range at a
/// point inside a word becomes that word under [`Snap::Word`].
pub fn snap_range(text: &DocText, a: usize, b: usize, snap: Snap) -> Span {
    let (mut start, mut end) = (a.min(b), a.max(b));
    match snap {
        Snap::Grapheme => {
            while start > 0 && !text.is_grapheme_boundary(start) {
                start -= 1;
            }
            while end < text.len_chars() && !text.is_grapheme_boundary(end) {
                end += 1;
            }
        }
        Snap::Word => {
            if let Some(w) = word_at(text, start).filter(|w| is_wordlike(text, *w)) {
                start = w.start;
            }
            let last = if end > start { end - 1 } else { start };
            if let Some(w) = word_at(text, last).filter(|w| is_wordlike(text, *w)) {
                end = end.max(w.end);
            }
            // A coder marks words, not the spaces and punctuation a drag sweeps past at either end
            // (a drag to the end of a line would take its full stop).
            if is_wordlike(text, Span::new(start, end)) {
                while let Some(w) = word_at(text, start).filter(|w| w.end <= end && !is_wordlike(text, *w)) {
                    start = w.end;
                }
                while end > start
                    && let Some(w) = word_at(text, end - 1).filter(|w| w.start >= start && !is_wordlike(text, *w))
                {
                    end = w.start;
                }
            }
        }
    }
    Span::new(start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_snapping_leaves_out_spaces_and_punctuation_at_the_ends() {
        let text = DocText::new("أضرار في تحصينات القاعدة. وأكدت".to_owned());
        let cp = |s: &str| text.as_str()[..text.as_str().find(s).unwrap()].chars().count();
        // From inside "تحصينات" to just before "وأكدت": the full stop and the space stay out.
        let span = snap_range(&text, cp("تحصينات") + 2, cp("وأكدت"), Snap::Word);
        assert_eq!(text.slice(span), Some("تحصينات القاعدة"));
        // Starting on the space before a word.
        let span = snap_range(&text, cp("في") + 2, cp("تحصينات") + 3, Snap::Word);
        assert_eq!(text.slice(span), Some("تحصينات"));
        // Punctuation alone is kept as selected.
        let dot = cp(".");
        assert_eq!(snap_range(&text, dot, dot + 1, Snap::Word), Span::new(dot, dot + 1));
    }

    #[test]
    fn a_word_includes_its_clitics() {
        let t = DocText::new("مدينة بالميادين شرق".into());
        let w = word_at(&t, 8).unwrap();
        assert_eq!(t.slice(w), Some("بالميادين"));
    }

    #[test]
    fn word_snap_extends_both_ends_and_grapheme_snap_does_not() {
        let t = DocText::new("مدينة بالميادين شرق".into());
        // From inside "بالميادين" (after ب) to its end.
        let span = snap_range(&t, 7, 15, Snap::Word);
        assert_eq!(t.slice(span), Some("بالميادين"));
        let span = snap_range(&t, 7, 15, Snap::Grapheme);
        assert_eq!(t.slice(span), Some("الميادين"));
    }

    #[test]
    fn grapheme_snap_keeps_diacritics_with_their_letter() {
        let t = DocText::new("بِسم".into());
        assert_eq!(snap_range(&t, 1, 3, Snap::Grapheme), Span::new(0, 3));
    }

    #[test]
    fn clitic_stops_fall_after_proclitics_and_before_suffixes() {
        let t = DocText::new("قرب بالقرب وللمليشيات عناصرها بلد".into());
        let stops = |w: &str| {
            let b = t.as_str().find(w).unwrap();
            let start = t.char_of_byte(b).unwrap();
            clitic_stops(&t, word_at(&t, start).unwrap()).into_iter().map(|cp| cp - start).collect::<Vec<_>>()
        };
        // ب | ال | قرب.
        assert_eq!(stops("بالقرب"), [1, 3]);
        // و | ل | ل (the article, its alef not written) | مليشيات.
        assert_eq!(stops("وللمليشيات"), [1, 2, 3]);
        // عناصر | ها.
        assert_eq!(stops("عناصرها"), [5]);
        // Negative: too short to lose a letter, and no clitic at all.
        assert!(stops("بلد").is_empty());
        assert!(stops("قرب").is_empty());
    }

    #[test]
    fn clitic_stops_keep_diacritics_with_their_letter() {
        // "بِالقرب": the kasra stays with ب, so the stop after ب comes after the kasra.
        let t = DocText::new("بِالقرب".into());
        assert_eq!(clitic_stops(&t, Span::new(0, 7)), [2, 4]);
    }

    #[test]
    fn word_at_stays_in_its_paragraph() {
        let t = DocText::new("أمس\nالاثنين".into());
        assert_eq!(t.slice(word_at(&t, 3).unwrap()), Some("\n"));
        assert_eq!(t.slice(word_at(&t, 5).unwrap()), Some("الاثنين"));
    }
}
