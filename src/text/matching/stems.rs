//! Clitic stems: the readings of one word with its proclitics (conjunction, preposition, article) and one
//! pronoun suffix stripped, as the module documentation of [`super`] describes.

use crate::text::normalize::Normalized;

/// Fewest letters a stem keeps after clitics are stripped.
pub const MIN_STEM: usize = 3;
/// Fewest letters of a stem shared by two words that were both stripped (`بالميادين` / `والميادين`).
pub(super) const MIN_SHARED_STEM: usize = 4;
/// Proclitics, outermost first: conjunctions, then prepositions; the article comes after both.
const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
const PREPOSITIONS: [char; 3] = ['ب', 'ك', 'ل'];
/// Pronoun suffixes (normalized), longest first so that `هما` is tried before `ها`.
const SUFFIXES: [&str; 9] = ["هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ه"];

/// One reading of a word with clitics stripped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stem {
    /// The stem, normalized; with the article's alef or a ta marbuta restored where stripping removed it, so
    /// it can differ from the characters it covers.
    pub text: String,
    /// First character of the (normalized) word the stem covers.
    pub start: usize,
    /// One past the last character of the word the stem covers.
    pub end: usize,
    /// Whether anything was stripped (false only for the word itself).
    pub stripped: bool,
}

/// The readings of `word` with clitics stripped, the word itself first, then with fewer characters stripped
/// before more. `word` is one word, raw or normalized (it is normalized here; a raw word lets a final `ة`
/// be told from the pronoun `ه`). Words that are not all Arabic letters have only themselves as stem.
///
/// ```
/// use tarmeez::text::matching::stems;
/// let s: Vec<String> = stems("بالميادين").into_iter().map(|s| s.text).collect();
/// assert_eq!(s, ["بالميادين", "الميادين", "ميادين"]);
/// // ل + ال is written لل: the article comes back.
/// let s: Vec<String> = stems("للمليشيات").into_iter().map(|s| s.text).collect();
/// assert!(s.contains(&"المليشيات".to_owned()));
/// // Never fewer than three letters: "بلد" (country) is not ب + لد.
/// assert_eq!(stems("بلد").len(), 1);
/// ```
pub fn stems(word: &str) -> Vec<Stem> {
    let n = Normalized::new(word);
    let chars: Vec<char> = n.as_str().chars().collect();
    let final_ta = chars.len().checked_sub(1).is_some_and(|i| n.is_ta_marbuta(i));
    stems_of(&chars, final_ta)
        .into_iter()
        .map(|s| Stem { text: s.text.iter().collect(), start: s.start, end: s.end, stripped: s.stripped })
        .collect()
}

/// A stem as characters.
#[derive(Clone, Debug)]
pub(super) struct CharStem {
    pub(super) text: Vec<char>,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) stripped: bool,
}

/// Letters of the Arabic alphabet (after normalization), the only ones clitics are stripped from.
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
}

pub(super) fn starts_with_article(w: &[char]) -> bool {
    w.starts_with(&['ا', 'ل'])
}

/// Whether a stem is long enough to stand: [`MIN_STEM`] letters, and two after an article.
fn long_enough(stem: &[char]) -> bool {
    stem.len() >= MIN_STEM && (!starts_with_article(stem) || stem.len() > MIN_STEM)
}

/// See [`stems`]; `final_ta` says the last `ه` was written `ة`.
pub(super) fn stems_of(w: &[char], final_ta: bool) -> Vec<CharStem> {
    let mut out = vec![CharStem { text: w.to_vec(), start: 0, end: w.len(), stripped: false }];
    if w.len() < MIN_STEM || !w.iter().all(|&c| is_arabic_letter(c)) {
        return out;
    }
    // Readings of the front of the word: where the stem starts, and whether the article's alef comes back.
    let mut fronts: Vec<(usize, bool)> = vec![(0, false)];
    for conj in [None].into_iter().chain(CONJUNCTIONS.map(Some)) {
        for prep in [None].into_iter().chain(PREPOSITIONS.map(Some)) {
            let mut pos = 0;
            let mut fits = |clitic: Option<char>| match clitic {
                None => true,
                Some(c) if w.get(pos) == Some(&c) => {
                    pos += 1;
                    true
                }
                Some(_) => false,
            };
            if !(fits(conj) && fits(prep)) {
                continue;
            }
            if pos > 0 {
                fronts.push((pos, false));
            }
            if prep == Some('ل') && w.get(pos) == Some(&'ل') {
                // ل + ال: the article's alef is not written, its lam is at `pos`.
                fronts.push((pos, true));
                fronts.push((pos + 1, false));
            } else if starts_with_article(&w[pos..]) {
                fronts.push((pos + 2, false));
            }
        }
    }
    let mut push = |text: Vec<char>, start: usize, end: usize| {
        if long_enough(&text) && !out.iter().any(|s| s.text == text) {
            out.push(CharStem { text, start, end, stripped: true });
        }
    };
    let mut readings: Vec<(Vec<char>, usize)> = Vec::new();
    for (start, alef) in fronts {
        let mut text: Vec<char> = if alef { vec!['ا'] } else { Vec::new() };
        text.extend_from_slice(&w[start..]);
        readings.push((text, start));
    }
    // Fewer stripped characters first; the article-restoring reading before the one without the article.
    readings.sort_by_key(|(text, start)| (*start, std::cmp::Reverse(text.len())));
    for (text, start) in &readings {
        if *start > 0 {
            push(text.clone(), *start, w.len());
        }
    }
    for (text, start) in &readings {
        for suffix in SUFFIXES {
            let suffix: Vec<char> = suffix.chars().collect();
            if !text.ends_with(&suffix) || (suffix == ['ه'] && final_ta) {
                continue;
            }
            let rest = &text[..text.len() - suffix.len()];
            let end = w.len() - suffix.len();
            push(rest.to_vec(), *start, end);
            if let Some((&'ت', body)) = rest.split_last() {
                // A ta marbuta is written ت before a suffix: قاعدتها is قاعدة + ها.
                let mut restored = body.to_vec();
                restored.push('ه');
                push(restored, *start, end);
            }
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem_texts(word: &str) -> Vec<String> {
        stems(word).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn stems_strip_proclitics_and_keep_the_article_reading() {
        assert_eq!(stem_texts("بالميادين"), ["بالميادين", "الميادين", "ميادين"]);
        assert_eq!(stem_texts("والميادين"), ["والميادين", "الميادين", "ميادين"]);
        let s = stem_texts("وللمليشيات");
        assert_eq!(s[0], "وللمليشيات");
        assert!(s.contains(&"المليشيات".into()) && s.contains(&"مليشيات".into()), "{s:?}");
        // The stem of the لل reading covers the article's lam: و ل | ل م ل ي ش ي ا ت.
        let restored = stems("وللمليشيات").into_iter().find(|s| s.text == "المليشيات").unwrap();
        assert_eq!((restored.start, restored.end), (2, 10));
    }

    #[test]
    fn stems_strip_pronoun_suffixes_but_not_ta_marbuta() {
        assert!(stem_texts("عناصرها").contains(&"عناصر".into()));
        assert!(stem_texts("بداخلها").contains(&"داخل".into()));
        assert!(stem_texts("مصدره").contains(&"مصدر".into()));
        // قاعدتها is قاعدة + ها: the ta marbuta comes back.
        assert!(stem_texts("قاعدتها").contains(&"قاعده".into()));
        // Negative: the ة of عاصمة is not the pronoun ه.
        assert_eq!(stem_texts("عاصمة"), ["عاصمه"]);
    }

    #[test]
    fn stems_are_never_too_short() {
        // Negative cases: letters that look like clitics but belong to the word.
        assert_eq!(stem_texts("بلد"), ["بلد"]);
        assert_eq!(stem_texts("له"), ["له"]);
        assert!(!stem_texts("الله").contains(&"له".into()));
        assert!(!stem_texts("الدم").contains(&"دم".into()));
        assert!(stem_texts("بالدم").contains(&"الدم".into()));
        assert_eq!(stem_texts("IRGC"), ["irgc"]);
        assert_eq!(stem_texts("28"), ["28"]);
    }
}
