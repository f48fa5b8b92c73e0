//! Arabic normalization for matching and search (DESIGN.md section 3), with a map back to the original text.
//!
//! Documents are never normalized on disk: normalization only builds a matching key. [`normalize`] gives the
//! key of a string; [`Normalized`] also remembers where each key character came from, so that a hit found in
//! the key becomes a span of the original text.
//!
//! What is folded, and why:
//! - alef forms `أ إ آ ٱ ٲ ٳ` -> `ا`: writers and keyboards drop or vary the hamza on alef freely
//!   (`الإثنين` / `الاثنين`, `أمريكية` / `امريكية`);
//! - alef maqsura `ى` -> `ي`, and the Persian yeh `ی` -> `ي`, Persian kaf `ک` `ڪ` -> `ك`: final ya is often
//!   written without dots (`إلى` / `إلي`), and texts typed on Persian keyboards use the Persian letters;
//! - ta marbuta `ة` -> `ه`: it is often written without its dots (`قاعدة` / `قاعده`). The fold makes a
//!   feminine noun look like a word with the pronoun suffix `ه`, so [`Normalized`] remembers which `ه` was a
//!   `ة`, and clitic stripping (`super::matching`) never strips one;
//! - hamza carriers `ؤ` `ئ` -> bare hamza `ء`: the seat of a medial hamza follows two spelling conventions in
//!   news (`مسؤول` / `مسئول`, `شؤون` / `شئون`); folding both seats to `ء` unifies them, while keeping a hamza
//!   letter, so that `كتائب` stays distinct from words without one. A decomposed carrier (`و` or `ي` followed
//!   by the combining hamza U+0654) folds the same way;
//! - tashkeel (harakat, tanween, shadda, sukun, dagger alef, Quranic marks), tatweel `ـ`, combining accents on
//!   Latin letters, and invisible format characters (ZWNJ, ZWJ, bidi marks, soft hyphen, BOM) are dropped:
//!   they do not change which word is written;
//! - apostrophes and the transliteration letters `ʿ ʾ` are dropped, so `Kata'ib` matches `Kataib`;
//! - Arabic-Indic `٠-٩` and Persian `۰-۹` digits -> ASCII `0-9`; the Arabic decimal and thousands separators
//!   `٫ ٬` -> `.` `,`;
//! - Latin letters are lowercased, and accented Latin letters lose their accents (`Ḥizbullāh` -> `hizbullah`).
//!
//! Not folded: Arabic presentation forms (text extracted from PDFs should be NFKC-normalized on import), and
//! letters that differ in meaning (`ه` / `ح`, `د` / `ذ`); typo tolerance in [`super::matching`] covers those.

use crate::model::Span;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// The matching key of `s`: `s` with the folds listed in the module documentation applied.
///
/// ```
/// use tarmeez::text::normalize::normalize;
/// assert_eq!(normalize("الإثْنَيْن ٢٨"), "الاثنين 28");
/// assert_eq!(normalize("قاعدةٌ أمريكيّة"), "قاعده امريكيه");
/// assert_eq!(normalize("Kata'ib Ḥezbollah"), "kataib hezbollah");
/// ```
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold(c, &mut out, |_| {});
    }
    out
}

/// The result of folding one character.
enum Folded {
    /// Nothing is written.
    Drop,
    /// One character.
    Char(char),
    /// An uppercase letter's lowercase form (one or more characters).
    Lower(std::char::ToLowercase),
    /// An accented Latin letter's ASCII transliteration.
    Ascii(&'static str),
    /// A combining hamza (U+0654/U+0655): turns a preceding `و`/`ي` into a hamza, else is dropped.
    CombiningHamza,
}

/// Folds one character (see the module documentation).
fn fold_char(c: char) -> Folded {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => Folded::Char('ا'),
        'ى' | 'ی' => Folded::Char('ي'),
        'ک' | 'ڪ' => Folded::Char('ك'),
        'ة' => Folded::Char('ه'),
        'ؤ' | 'ئ' => Folded::Char('ء'),
        '\u{0654}' | '\u{0655}' => Folded::CombiningHamza,
        '٠'..='٩' => Folded::Char(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        '۰'..='۹' => Folded::Char(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
        '٫' => Folded::Char('.'),
        '٬' => Folded::Char(','),
        c if is_dropped(c) => Folded::Drop,
        c if is_accented_latin(c) => match deunicode::deunicode_char(c) {
            Some(ascii) if !ascii.is_empty() && ascii.bytes().all(|b| b.is_ascii_alphabetic()) => Folded::Ascii(ascii),
            _ => Folded::Char(c),
        },
        c if c.is_uppercase() => Folded::Lower(c.to_lowercase()),
        c => Folded::Char(c),
    }
}

/// Marks and invisible characters that do not change which word is written.
fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'   // combining accents (decomposed Latin)
        | '\u{0610}'..='\u{061A}' // Arabic honorific and Quranic marks
        | '\u{064B}'..='\u{065F}' // harakat, tanween, shadda, sukun, maddah, other marks
        | '\u{0670}'              // superscript (dagger) alef
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}' // extended Arabic marks
        | '\u{0640}'              // tatweel
        | '\u{200C}'..='\u{200F}' // ZWNJ, ZWJ, LRM, RLM
        | '\u{061C}'              // Arabic letter mark
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' // bidi embeddings and isolates
        | '\u{00AD}' | '\u{FEFF}' // soft hyphen, byte-order mark
        | '\'' | '\u{2019}' | '\u{02BC}' | '\u{02BE}' | '\u{02BF}' // apostrophes, transliterated hamza and ayn
    )
}

/// Latin letters with accents or other marks, which transliterate to plain ASCII letters.
fn is_accented_latin(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}') && c.is_alphabetic()
}

/// Appends the fold of `c` to `out`, calling `pushed(n)` with the number of characters written (`0` when `c`
/// was dropped or only changed the character before it).
fn fold(c: char, out: &mut String, mut pushed: impl FnMut(usize)) {
    match fold_char(c) {
        Folded::Drop => pushed(0),
        Folded::Char(f) => {
            out.push(f);
            pushed(1);
        }
        Folded::Lower(lower) => {
            let mut n = 0;
            // İ lowercases to i + combining dot; the dot is dropped like any accent, so that normalizing
            // twice changes nothing.
            for l in lower.filter(|&l| !is_dropped(l)) {
                out.push(l);
                n += 1;
            }
            pushed(n);
        }
        Folded::Ascii(ascii) => {
            for b in ascii.bytes() {
                out.push(char::from(b.to_ascii_lowercase()));
            }
            pushed(ascii.len());
        }
        Folded::CombiningHamza => {
            // `و` + U+0654 is `ؤ` written in two code points: fold it like the precomposed letter.
            if out.ends_with(['و', 'ي']) {
                out.pop();
                out.push('ء');
            }
            pushed(0);
        }
    }
}

/// A normalized string with a map back to the original text it was made from.
///
/// Offsets on both sides are code point indices. Every normalized character records the original code
/// point it came from ([`Normalized::origin`]) and the original grapheme cluster that code point belongs to,
/// so that [`Normalized::to_original`] turns a range of normalized characters into an original span that never
/// splits a cluster: dropped diacritics fall inside their letter's cluster and so end up in the span of the
/// letter before them.
///
/// ```
/// use tarmeez::model::Span;
/// use tarmeez::text::normalize::Normalized;
/// // "بِالمَيادين": ب + kasra, then ا ل م + fatha, then ي ا د ي ن.
/// let n = Normalized::new("بِالمَيادين");
/// assert_eq!(n.as_str(), "بالميادين");
/// // "الميادين" is normalized characters 1..9; in the original it starts after ب and its kasra (2) and
/// // runs to the end (11), the fatha on م included.
/// assert_eq!(n.to_original(1..9), Span::new(2, 11));
/// assert_eq!(n.origin(4), 6); // the first ي is the original's seventh code point
/// ```
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    text: String,
    /// `origin[i]`: the original code point index of the character normalized character `i` came from.
    origin: Vec<u32>,
    /// `cluster[i]`: the original grapheme cluster `[start, end)` containing `origin[i]`.
    cluster: Vec<(u32, u32)>,
    /// `ta_marbuta[i]`: normalized character `i` is a `ه` that was written `ة`.
    ta_marbuta: Vec<bool>,
    /// Length of the original text in code points.
    original_len: usize,
}

impl Normalized {
    /// Normalizes `original` (as [`normalize`] does) and records where each character came from.
    /// Texts are limited to 4 Gi code points.
    pub fn new(original: &str) -> Self {
        let mut n = Self { text: String::with_capacity(original.len()), ..Self::default() };
        let mut cp = 0u32;
        for g in original.graphemes(true) {
            let start = cp;
            let end = start + g.chars().count() as u32;
            for c in g.chars() {
                fold(c, &mut n.text, |k| {
                    for _ in 0..k {
                        n.origin.push(cp);
                        n.cluster.push((start, end));
                        n.ta_marbuta.push(c == 'ة');
                    }
                });
                cp += 1;
            }
        }
        n.original_len = cp as usize;
        n
    }

    /// The normalized text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length of the normalized text in code points.
    pub fn len_chars(&self) -> usize {
        self.origin.len()
    }

    /// Whether the normalized text is empty (the original may still hold dropped characters).
    pub fn is_empty(&self) -> bool {
        self.origin.is_empty()
    }

    /// The original code point index of the character normalized character `i` came from.
    ///
    /// # Panics
    /// If `i >= self.len_chars()`.
    pub fn origin(&self, i: usize) -> usize {
        self.origin[i] as usize
    }

    /// Whether normalized character `i` is a `ه` that was written as ta marbuta `ة`.
    pub fn is_ta_marbuta(&self, i: usize) -> bool {
        self.ta_marbuta.get(i).copied().unwrap_or(false)
    }

    /// The original span of the normalized characters `range` (code points, half-open), widened to whole
    /// grapheme clusters: it starts where the cluster of the first character starts and ends where the
    /// cluster of the last one ends. An empty range gives an empty span at the corresponding original point.
    /// Ranges past the end are clamped.
    pub fn to_original(&self, range: Range<usize>) -> Span {
        let len = self.len_chars();
        let (a, b) = (range.start.min(len), range.end.min(len));
        if a >= b {
            let at = self.cluster.get(a).map_or(self.original_len, |c| c.0 as usize);
            return Span::new(at, at);
        }
        Span::new(self.cluster[a].0 as usize, self.cluster[b - 1].1 as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words as the seed article (`/work/shared/corpus`) writes them.
    const MONDAY: &str = "الاثنين";
    const JUNE_28: &str = "28حزيران";

    #[test]
    fn alef_forms_fold_to_bare_alef() {
        // The article writes "الاثنين"; the dictionary spelling has hamza below.
        assert_eq!(normalize("الإثنين"), MONDAY);
        assert_eq!(normalize("أمريكية"), normalize("امريكية"));
        assert_eq!(normalize("آخر ٱلدولة"), "اخر الدوله");
        // Negative: alef folding does not merge different letters.
        assert_ne!(normalize("أمس"), normalize("عمس"));
    }

    #[test]
    fn alef_maqsura_folds_to_ya() {
        assert_eq!(normalize("إلى"), normalize("إلي"));
        assert_eq!(normalize("إلى"), "الي");
        assert_ne!(normalize("إلى"), normalize("الا"));
    }

    #[test]
    fn ta_marbuta_folds_to_ha() {
        assert_eq!(normalize("قاعدة"), normalize("قاعده"));
        // Negative: ta marbuta is not ta.
        assert_ne!(normalize("قاعدة"), normalize("قاعدت"));
        let n = Normalized::new("قاعدة له");
        assert!(n.is_ta_marbuta(4));
        assert!(!n.is_ta_marbuta(7), "the ه of له was written ه");
    }

    #[test]
    fn hamza_carriers_fold_to_bare_hamza() {
        // The article's "مؤكدةً" and "كتائب", precomposed and decomposed (letter + combining hamza).
        assert_eq!(normalize("مؤكدةً"), "مءكده");
        assert_eq!(normalize("مو\u{0654}كدة"), "مءكده");
        assert_eq!(normalize("كتائب"), normalize("كتاي\u{0654}ب"));
        assert_eq!(normalize("مسؤول"), normalize("مسئول"));
        // Negative: the hamza stays a letter, so كتائب is not كتايب written without it.
        assert_ne!(normalize("كتائب"), normalize("كتاب"));
    }

    #[test]
    fn tashkeel_and_tatweel_are_dropped() {
        assert_eq!(normalize("الاِثْنَيْن"), MONDAY);
        assert_eq!(normalize("مؤكدةً"), normalize("مؤكدة"));
        assert_eq!(normalize("حـــزب"), "حزب");
        assert_eq!(normalize("تُعرف"), "تعرف");
        // Negative: dropping marks keeps every letter.
        assert_ne!(normalize("تُعرف"), normalize("عرف"));
    }

    #[test]
    fn eastern_digits_fold_to_ascii() {
        assert_eq!(normalize("٢٨حزيران"), JUNE_28);
        assert_eq!(normalize("۲۸حزيران"), JUNE_28);
        assert_eq!(normalize("١٣١ موقعاً"), "131 موقعا");
        assert_eq!(normalize("٣٫٥"), "3.5");
        assert_ne!(normalize("٢٩حزيران"), JUNE_28);
    }

    #[test]
    fn latin_is_lowercased_without_accents_and_apostrophes() {
        assert_eq!(normalize("IRGC"), "irgc");
        assert_eq!(normalize("Kata'ib Hezbollah"), "kataib hezbollah");
        assert_eq!(normalize("Ḥizbullāh ʿAbbās"), "hizbullah abbas");
        assert_eq!(normalize("Café"), normalize("cafe\u{0301}"));
        assert_eq!(normalize("3×4"), "3×4", "a sign is not a letter");
    }

    #[test]
    fn normalizing_twice_changes_nothing() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/al-omar-oilfield/documents/al-omar-oilfield-2021-06-29.txt"
        ))
        .unwrap();
        let once = normalize(&text);
        assert_eq!(normalize(&once), once);
        assert_eq!(Normalized::new(&text).as_str(), once);
    }

    #[test]
    fn map_points_back_to_original_code_points() {
        let text = "يوم أمس، الاثنين 28حزيران";
        let n = Normalized::new(text);
        let chars: Vec<char> = text.chars().collect();
        for (i, c) in n.as_str().chars().enumerate() {
            // Nothing here is dropped or expanded, so the map is the identity and folds are one to one.
            assert_eq!(n.origin(i), i);
            assert_eq!(normalize(&chars[i].to_string()), c.to_string());
        }
    }

    #[test]
    fn spans_keep_diacritics_with_their_letter() {
        // "الاِثْنَيْن" (kasra, sukun, fatha, sukun) is code points 4..15 after "يوم ".
        let text = "يوم الاِثْنَيْن";
        let n = Normalized::new(text);
        let key = n.as_str();
        let start = key.chars().count() - 7;
        let span = n.to_original(start..start + 7);
        assert_eq!(span, Span::new(4, 15));
        // A hit ending on ث takes ث's sukun along (the mark is in ث's grapheme cluster).
        let span = n.to_original(start..start + 4);
        let covered: String = text.chars().skip(span.start).take(span.len()).collect();
        assert_eq!(covered, "الاِثْ");
        // Tatweel between letters is inside the span; diacritics after the last letter are too.
        let n = Normalized::new("حـزبٌ");
        assert_eq!(n.as_str(), "حزب");
        assert_eq!(n.to_original(0..3), Span::new(0, 5));
        assert_eq!(n.to_original(3..3), Span::new(5, 5));
    }

    #[test]
    fn spans_of_expanded_and_dropped_characters() {
        // ß becomes two characters; both map back to ß. İ becomes plain i.
        assert_eq!(normalize("İ"), "i");
        let n = Normalized::new("aßb");
        assert_eq!(n.as_str(), "assb");
        assert_eq!(n.origin(1), 1);
        assert_eq!(n.origin(2), 1);
        assert_eq!(n.to_original(2..3), Span::new(1, 2));
        // A right-to-left mark is dropped and falls outside spans of the word after it.
        let n = Normalized::new("\u{200F}حزب");
        assert_eq!(n.as_str(), "حزب");
        assert_eq!(n.to_original(0..3), Span::new(1, 4));
    }
}
