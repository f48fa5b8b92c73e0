//! Words and how one word matches another: cutting normalized text into words, the typo budget of a
//! phrase, the bounded edit distance, and [`match_word`], which the name and text searches share.

use super::stems::{CharStem, MIN_SHARED_STEM, starts_with_article, stems_of};
use super::{MatchKind, typo_budget};
use crate::text::normalize::Normalized;

/// Letters of a word that count for the typo budget: without a leading article, which nearly every noun
/// phrase shares.
fn core_len(w: &[char]) -> usize {
    if starts_with_article(w) && w.len() >= 4 { w.len() - 2 } else { w.len() }
}

/// A word of a query or of a name, with its stems.
#[derive(Clone, Debug)]
pub(super) struct Word {
    pub(super) chars: Vec<char>,
    stems: Vec<CharStem>,
    numeric: bool,
}

impl Word {
    pub(super) fn new(chars: &[char], final_ta: bool) -> Self {
        let numeric = chars.first().is_some_and(|c| c.is_numeric());
        let stems = if numeric { Vec::new() } else { stems_of(chars, final_ta) };
        Self { chars: chars.to_vec(), stems, numeric }
    }
}

/// A word of normalized text: normalized characters `[start, end)`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub(super) start: usize,
    pub(super) end: usize,
    /// A line break lies between the previous word and this one (phrases do not cross paragraphs).
    pub(super) after_newline: bool,
}

/// Cuts normalized characters into words: runs of letters, and runs of digits.
pub(super) fn tokenize(chars: &[char]) -> Vec<Token> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Letter,
        Digit,
        Other,
    }
    let class = |c: char| {
        if c.is_numeric() {
            Class::Digit
        } else if c.is_alphanumeric() {
            Class::Letter
        } else {
            Class::Other
        }
    };
    let mut tokens = Vec::new();
    let mut newline = false;
    let mut i = 0;
    while i < chars.len() {
        let k = class(chars[i]);
        if k == Class::Other {
            newline |= chars[i] == '\n';
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && class(chars[i]) == k {
            i += 1;
        }
        tokens.push(Token { start, end: i, after_newline: newline });
        newline = false;
    }
    tokens
}

/// The words of a string, normalized, with their stems.
pub(super) fn words_of(s: &str) -> Vec<Word> {
    let n = Normalized::new(s);
    let chars: Vec<char> = n.as_str().chars().collect();
    tokenize(&chars).into_iter().map(|t| Word::new(&chars[t.start..t.end], n.is_ta_marbuta(t.end - 1))).collect()
}

/// The typo budget of a query phrase.
pub(super) fn phrase_budget(words: &[Word]) -> usize {
    typo_budget(words.iter().filter(|w| !w.numeric).map(|w| core_len(&w.chars)).sum())
}

/// Optimal string alignment distance (Damerau-Levenshtein without re-editing a swapped pair) between `a`
/// and `b`, or with `prefix` between `a` and the closest prefix of `b`; `None` if it exceeds `cap`.
/// Stops as soon as a whole row exceeds `cap`, so rejecting is cheap.
fn bounded_distance(a: &[char], b: &[char], cap: usize, prefix: bool) -> Option<usize> {
    if (!prefix && a.len().abs_diff(b.len()) > cap) || (prefix && b.len() + cap < a.len()) {
        return None;
    }
    let m = b.len();
    let mut before: Vec<usize> = vec![0; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur: Vec<usize> = vec![0; m + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(before[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        // Every later value is at least this row's minimum (a swap reaches back two rows, but then the
        // row between has a value no larger), so nothing within `cap` can follow.
        if row_min > cap {
            return None;
        }
        std::mem::swap(&mut before, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = if prefix { prev.iter().copied().min().unwrap_or(0) } else { prev[m] };
    (d <= cap).then_some(d)
}

/// How one query word matched one word of a name or text.
#[derive(Clone, Copy, Debug)]
pub(super) struct WordMatch {
    /// `Exact`, `Prefix` (the query word is the start of the word), `Clitic` or `Typo`.
    pub(super) kind: MatchKind,
    pub(super) edits: usize,
    /// The characters of the matched word covered by the stem that matched.
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Best match of query word `q` against word `t` within `max_edits`, or `None`. With `prefix`, `q` may be
/// the beginning of `t` (a word still being typed).
pub(super) fn match_word(q: &Word, t: &Word, max_edits: usize, prefix: bool) -> Option<WordMatch> {
    let whole = |kind, edits| Some(WordMatch { kind, edits, start: 0, end: t.chars.len() });
    if q.chars == t.chars {
        return whole(MatchKind::Exact, 0);
    }
    if prefix && t.chars.starts_with(&q.chars) {
        return whole(MatchKind::Prefix, 0);
    }
    if q.numeric || t.numeric {
        return None;
    }
    // Through clitics: the stems of `t` are ordered from least to most stripped, so the first hit keeps the
    // most of the word (the article in الميادين rather than ميادين).
    for b in &t.stems {
        for a in &q.stems {
            if !a.stripped && !b.stripped {
                continue;
            }
            let equal = a.text == b.text && (!(a.stripped && b.stripped) || a.text.len() >= MIN_SHARED_STEM);
            // A word being typed without its clitics: ميليش for the stem of الميليشيات.
            let started = prefix && !a.stripped && a.text.len() >= 2 && b.text.starts_with(&a.text);
            if equal || started {
                return Some(WordMatch { kind: MatchKind::Clitic, edits: 0, start: b.start, end: b.end });
            }
        }
    }
    if max_edits == 0 {
        return None;
    }
    let mut best: Option<WordMatch> = None;
    for b in &t.stems {
        for a in q.stems.iter().filter(|a| !(a.stripped && b.stripped) && same_first_letter(&a.text, &b.text)) {
            // A partly typed word (`prefix`) is compared with the start of `b` only when it is long: a short
            // beginning with a typo is the start of too many words (العمر would reach العراق via العر).
            let partial = prefix && a.text.len() >= 6;
            let shorter = if partial { a.text.len() } else { a.text.len().min(b.text.len()) };
            let cap = max_edits.min(shorter / 3);
            let cap = best.map_or(cap, |m| cap.min(m.edits.saturating_sub(1)));
            if cap == 0 {
                continue;
            }
            if let Some(d) = bounded_distance(&a.text, &b.text, cap, partial).filter(|&d| d > 0) {
                best = Some(WordMatch { kind: MatchKind::Typo, edits: d, start: b.start, end: b.end });
            }
        }
    }
    best
}

/// Whether two words start with the same letter and, when one starts with the article, both do and have the
/// same letter after it. Typos rarely hit the first letter, and letting them would make `إيران` (Iran) match
/// `نيران` (fire).
fn same_first_letter(a: &[char], b: &[char]) -> bool {
    let after_article = |w: &[char]| if starts_with_article(w) { w.get(2).copied() } else { None };
    a.first() == b.first() && after_article(a) == after_article(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits_and_swaps_within_a_cap() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(bounded_distance(&c("العمل"), &c("العمر"), 2, false), Some(1));
        assert_eq!(bounded_distance(&c("الميليشيات"), &c("المليشيات"), 2, false), Some(1));
        assert_eq!(bounded_distance(&c("حزب"), &c("زحب"), 1, false), Some(1), "a swap is one edit");
        assert_eq!(bounded_distance(&c("العمر"), &c("العراق"), 1, false), None);
        assert_eq!(bounded_distance(&c("كتايب"), &c("كتائب حزب"), 1, true), Some(1));
        assert_eq!(bounded_distance(&c(""), &c("abc"), 0, true), Some(0));
    }
}
