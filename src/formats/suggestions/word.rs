//! Comparing a tagger's `word` (Hugging Face) with the document's text at the item's offsets.
//!
//! The pipeline does not copy the span's text: it decodes the model's tokens, so `word` differs from the
//! text in ways that say nothing about the offsets. What is tolerated:
//! - white space: added, dropped or changed anywhere (`دير الزور` / `ديرالزور` / `Deir ez - Zor`);
//! - token markers: WordPiece's `##` at the start of a piece, SentencePiece's `▁` and byte-level BPE's `Ġ`
//!   and `Ċ`; a raw byte-level token (`Ø¯ÙĬØ±`) is decoded back to its UTF-8 text first;
//! - unknown tokens: `[UNK]`, `<unk>` and `<UNK>` stand for any text (possibly empty);
//! - what uncased and normalizing tokenizers change, which is what search folds too
//!   ([`crate::text::normalize::normalize`]): Latin case and accents, tashkeel and tatweel, the hamza on alef,
//!   invisible format characters.
//!
//! Anything else means the offsets do not point at the words the model tagged, and the item is refused.

use crate::text::normalize::normalize;

/// Placeholders for text the tokenizer could not represent.
const UNKNOWN: [&str; 3] = ["[UNK]", "<unk>", "<UNK>"];

/// Whether the tokens' `words` (in order; one for an aggregated span) can be a tokenizer's rendering of
/// `text`, allowing for the differences listed in the module documentation.
pub fn words_match_text(words: &[String], text: &str) -> bool {
    let target = key(text);
    let plain: Vec<&str> = words.iter().map(String::as_str).collect();
    if pattern_matches(&pattern(&plain), &target) {
        return true;
    }
    // Raw tokens of a byte-level BPE model show each byte as a printable character.
    let joined: String = words.concat();
    match decode_byte_level(&joined) {
        Some(decoded) if decoded != joined => pattern_matches(&pattern(&[decoded.as_str()]), &target),
        _ => false,
    }
}

/// The comparison key of a text: folded as search folds, without white space.
fn key(s: &str) -> String {
    normalize(s).chars().filter(|c| !c.is_whitespace()).collect()
}

/// The words as pieces of text separated by unknown tokens (each a wildcard), markers removed and folded.
fn pattern(words: &[&str]) -> Vec<String> {
    let mut cleaned = String::new();
    for word in words {
        for piece in word.split_whitespace() {
            let piece = piece.strip_prefix("##").unwrap_or(piece);
            cleaned.extend(piece.chars().filter(|c| !matches!(c, '▁' | 'Ġ' | 'Ċ')));
            cleaned.push(' ');
        }
    }
    let mut parts = vec![cleaned];
    for unknown in UNKNOWN {
        parts = parts.iter().flat_map(|p| p.split(unknown).map(str::to_owned).collect::<Vec<_>>()).collect();
    }
    parts.iter().map(|p| key(p)).collect()
}

/// Whether `target` is the pieces in order with anything between consecutive ones (glob matching, where
/// the first piece is anchored at the start and the last at the end).
fn pattern_matches(pieces: &[String], target: &str) -> bool {
    let [first, middle @ .., last] = pieces else {
        return pieces.first().is_some_and(|p| p == target);
    };
    let Some(mut rest) = target.strip_prefix(first.as_str()) else { return false };
    for piece in middle {
        match rest.find(piece.as_str()) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last.as_str())
}

/// The text of a byte-level BPE token string (GPT-2, RoBERTa): each byte is written as one printable
/// character, and the bytes are UTF-8. `None` when `s` has a character outside that alphabet or its bytes are
/// not UTF-8.
fn decode_byte_level(s: &str) -> Option<String> {
    let bytes = s.chars().map(byte_of).collect::<Option<Vec<u8>>>()?;
    String::from_utf8(bytes).ok()
}

/// The byte a byte-level BPE character stands for: printable Latin-1 characters stand for themselves; the
/// other bytes, in order, for U+0100 onwards.
fn byte_of(c: char) -> Option<u8> {
    let printable = |b: u32| matches!(b, 0x21..=0x7E | 0xA1..=0xAC | 0xAE..=0xFF);
    let code = c as u32;
    if code < 0x100 {
        return printable(code).then_some(code as u8);
    }
    let n = (code - 0x100) as usize;
    (0u32..0x100).filter(|b| !printable(*b)).nth(n).map(|b| b as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(words: &[&str], text: &str) -> bool {
        words_match_text(&words.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>(), text)
    }

    #[test]
    fn the_same_words_match_and_other_words_do_not() {
        assert!(matches(&["دير الزور"], "دير الزور"));
        assert!(!matches(&["دير الزور"], "حقل العمر"));
        assert!(!matches(&["دير"], "دير الزور"), "a word that covers less than the span");
        assert!(!matches(&["دير الزور"], "دير"), "a word that covers more than the span");
    }

    #[test]
    fn tokenizer_markers_spaces_and_case_are_tolerated() {
        assert!(matches(&["الز", "##ور"], "الزور"));
        assert!(matches(&["دير", "الز", "##ور"], "دير الزور"));
        assert!(matches(&["▁Deir", "▁ez", "-", "Zor"], "Deir ez-Zor"));
        assert!(matches(&["ĠDeir", "Ġez"], "Deir ez"));
        assert!(matches(&["deir ez - zor"], "Deir ez-Zor"));
        assert!(matches(&["hizbullah"], "Ḥizbullāh"), "an uncased model drops accents");
        assert!(matches(&["ردا"], "رداً"), "and tashkeel");
        assert!(matches(&["الاثنين"], "الإثنين"), "and the hamza on alef");
    }

    #[test]
    fn an_unknown_token_stands_for_any_text() {
        assert!(matches(&["📢 [UNK] عاجل"], "📢 🚀 عاجل"));
        assert!(matches(&["[UNK]"], "🚀"));
        assert!(matches(&["دير", "<unk>"], "دير الزور"));
        assert!(!matches(&["حقل [UNK]"], "دير الزور"));
    }

    #[test]
    fn raw_byte_level_tokens_are_decoded() {
        // GPT-2's byte-level rendering of " دير" (a space, then three two-byte letters).
        let raw: String = " دير".bytes().map(char_of).collect();
        assert!(raw.starts_with('Ġ'));
        assert!(matches(&[raw.as_str()], "دير"));
        let other: String = " حقل".bytes().map(char_of).collect();
        assert!(!matches(&[other.as_str()], "دير"));
    }

    /// The inverse of [`byte_of`].
    fn char_of(b: u8) -> char {
        (0..=0x200u32).filter_map(char::from_u32).find(|c| byte_of(*c) == Some(b)).unwrap()
    }
}
