//! Clitic-aware, typo-tolerant matching of names and phrases, on normalized text ([`super::normalize`]).
//!
//! Three services share one word matcher:
//! - [`rank`], [`match_name`] and [`find_actors`]: autocomplete over names (the actor registry's aliases);
//! - [`find_in_text`] and [`TextQuery`]: the spans of a phrase in a document;
//! - [`stems`]: the clitic readings of a single word.
//!
//! **Words.** Normalized text is cut into words at every character that is not a letter or digit, and between
//! letters and digits, so that `28حزيران` is the two words `28` `حزيران` (a query `28 حزيران` finds it, and so
//! does `حزيران`). Numbers match only exactly: `28` never matches `29`.
//!
//! **Clitics.** Arabic writes conjunctions, prepositions, the article and pronouns as part of the word. A word's
//! [`stems`] are the word itself and its readings without proclitics (`و ف`, then `ب ك ل`, then the article
//! `ال`, as in `وبال` `فال` `لل` `وكال`) and without one pronoun suffix (`ه ها هم هما هن كم كما كن نا`). Stripping is
//! conservative: a stem keeps at least 3 letters (4 when it starts with the article), a `ه` that was written
//! as ta marbuta `ة` is never taken for the pronoun, and single-letter suffixes that are also word endings
//! (`ي` `ك`) are not stripped. `ل` + `ال` is written `لل`; the reading with the article restores it
//! (`للمليشيات` -> `المليشيات`), and a stem left ending in `ت` by a suffix also gets its ta marbuta back
//! (`قاعدتها` -> `قاعدة`). Two words match through clitics when a stem of one equals a stem of the other; when
//! both had to be stripped, the common stem must have at least 4 letters.
//!
//! **Typos.** Edits (insertion, deletion, substitution, swap of neighbours) are allowed by the length of the
//! query: its letters without a leading article, summed over its words, give 0 edits below 4 letters, 1 edit
//! for 4 to 7, 2 from 8 on. The budget is shared by the words of a phrase, so that in `حقل العمل` the typo in
//! the short word `العمل` is tolerated because the whole name is long enough; and a word never takes more than
//! one edit per 3 letters. The first letter (and the first after an article) must be right: typos rarely hit
//! it, and allowing them makes `إيران` (Iran) match `نيران` (fire). A word still being typed is compared with
//! the beginnings of longer words only from 6 letters on. So `حزب` never typo-matches `حرب`, but `الميليشيات`
//! matches `المليشيات`. Typo tolerance does make near words meet (`قاعدة` / `قادة`); such hits are ranked last.
//!
//! **Scores.** A [`Score`] has a [`MatchKind`] and a value in `(0, 1]`; kinds fill disjoint bands of values, so
//! sorting by value puts every exact match before every prefix match, and so on:
//! exact (1.0) > prefix of the name (0.80-0.95) > words inside the name (0.60-0.75) > through clitics
//! (0.40-0.55) > with typos (0.20-0.35). Within a band, the share of the name the query covers, and fewer
//! edits, score higher.

use super::normalize::Normalized;
use crate::model::{ActorId, ActorRegistry, Span};
use std::collections::HashMap;

/// Fewest letters a stem keeps after clitics are stripped.
pub const MIN_STEM: usize = 3;
/// Fewest letters of a stem shared by two words that were both stripped (`بالميادين` / `والميادين`).
const MIN_SHARED_STEM: usize = 4;
/// Proclitics, outermost first: conjunctions, then prepositions; the article comes after both.
const CONJUNCTIONS: [char; 2] = ['و', 'ف'];
const PREPOSITIONS: [char; 3] = ['ب', 'ك', 'ل'];
/// Pronoun suffixes (normalized), longest first so that `هما` is tried before `ها`.
const SUFFIXES: [&str; 9] = ["هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ه"];

/// How a query matched, from weakest to strongest (the derived order follows this).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MatchKind {
    /// At least one word matched only with typos.
    Typo,
    /// Every word matched, at least one only after clitics were stripped (`بالميادين` for `الميادين`).
    Clitic,
    /// The query's words are whole words inside the name, not at its start (`الفضل` in `مليشيا أبو الفضل العباس`).
    Inside,
    /// The name starts with the query (`كتائب حز` for `كتائب حزب الله`).
    Prefix,
    /// The query is the name, up to normalization.
    Exact,
}

/// How well a query matched: a kind and a value in `(0, 1]`. Values of different kinds never overlap, so
/// comparing values compares kinds first (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Score {
    /// The weakest way any part of the query matched.
    pub kind: MatchKind,
    /// 1.0 for exact matches; within each kind's band, higher for more coverage and fewer edits.
    pub value: f32,
}

impl Score {
    /// A score of `kind`, placed in its band by `quality` in `[0, 1]`.
    fn new(kind: MatchKind, quality: f32) -> Self {
        let q = quality.clamp(0.0, 1.0) * 0.15;
        let value = match kind {
            MatchKind::Exact => 1.0,
            MatchKind::Prefix => 0.80 + q,
            MatchKind::Inside => 0.60 + q,
            MatchKind::Clitic => 0.40 + q,
            MatchKind::Typo => 0.20 + q,
        };
        Self { kind, value }
    }
}

impl PartialOrd for Score {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.value.total_cmp(&other.value).then(self.kind.cmp(&other.kind)))
    }
}

/// How many edits a query of `letters` letters (without leading articles) tolerates: 0 below 4, 1 up to 7,
/// 2 from 8.
pub fn typo_budget(letters: usize) -> usize {
    match letters {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

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
struct CharStem {
    text: Vec<char>,
    start: usize,
    end: usize,
    stripped: bool,
}

/// Letters of the Arabic alphabet (after normalization), the only ones clitics are stripped from.
fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' | '\u{066E}'..='\u{06D3}')
}

fn starts_with_article(w: &[char]) -> bool {
    w.starts_with(&['ا', 'ل'])
}

/// Whether a stem is long enough to stand: [`MIN_STEM`] letters, and two after an article.
fn long_enough(stem: &[char]) -> bool {
    stem.len() >= MIN_STEM && (!starts_with_article(stem) || stem.len() > MIN_STEM)
}

/// See [`stems`]; `final_ta` says the last `ه` was written `ة`.
fn stems_of(w: &[char], final_ta: bool) -> Vec<CharStem> {
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

/// Letters of a word that count for the typo budget: without a leading article, which nearly every noun
/// phrase shares.
fn core_len(w: &[char]) -> usize {
    if starts_with_article(w) && w.len() >= 4 { w.len() - 2 } else { w.len() }
}

/// A word of a query or of a name, with its stems.
#[derive(Clone, Debug)]
struct Word {
    chars: Vec<char>,
    stems: Vec<CharStem>,
    numeric: bool,
}

impl Word {
    fn new(chars: &[char], final_ta: bool) -> Self {
        let numeric = chars.first().is_some_and(|c| c.is_numeric());
        let stems = if numeric { Vec::new() } else { stems_of(chars, final_ta) };
        Self { chars: chars.to_vec(), stems, numeric }
    }
}

/// A word of normalized text: normalized characters `[start, end)`.
#[derive(Clone, Copy, Debug)]
struct Token {
    start: usize,
    end: usize,
    /// A line break lies between the previous word and this one (phrases do not cross paragraphs).
    after_newline: bool,
}

/// Cuts normalized characters into words: runs of letters, and runs of digits.
fn tokenize(chars: &[char]) -> Vec<Token> {
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
fn words_of(s: &str) -> Vec<Word> {
    let n = Normalized::new(s);
    let chars: Vec<char> = n.as_str().chars().collect();
    tokenize(&chars).into_iter().map(|t| Word::new(&chars[t.start..t.end], n.is_ta_marbuta(t.end - 1))).collect()
}

/// The typo budget of a query phrase.
fn phrase_budget(words: &[Word]) -> usize {
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
struct WordMatch {
    /// `Exact`, `Prefix` (the query word is the start of the word), `Clitic` or `Typo`.
    kind: MatchKind,
    edits: usize,
    /// The characters of the matched word covered by the stem that matched.
    start: usize,
    end: usize,
}

/// Best match of query word `q` against word `t` within `max_edits`, or `None`. With `prefix`, `q` may be
/// the beginning of `t` (a word still being typed).
fn match_word(q: &Word, t: &Word, max_edits: usize, prefix: bool) -> Option<WordMatch> {
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

/// A query prepared for matching names: its words, stems and typo budget.
struct NameQuery {
    words: Vec<Word>,
    budget: usize,
    /// The last word may be unfinished (the query does not end with a space).
    prefix_last: bool,
    letters: usize,
}

impl NameQuery {
    fn new(query: &str) -> Self {
        let words = words_of(query);
        let budget = phrase_budget(&words);
        let letters = words.iter().map(|w| w.chars.len()).sum();
        Self { words, budget, prefix_last: !query.ends_with(char::is_whitespace), letters }
    }

    /// The best alignment of the query's words with consecutive words of `name`.
    fn score(&self, name: &[Word]) -> Option<Score> {
        let n = self.words.len();
        if n == 0 || n > name.len() {
            return None;
        }
        let name_letters: usize = name.iter().map(|w| w.chars.len()).sum();
        let mut best: Option<Score> = None;
        'start: for j in 0..=name.len() - n {
            let mut edits = 0;
            let mut kind = if j > 0 {
                MatchKind::Inside
            } else if n < name.len() {
                MatchKind::Prefix
            } else {
                MatchKind::Exact
            };
            for (i, q) in self.words.iter().enumerate() {
                let last = i + 1 == n;
                let Some(m) = match_word(q, &name[j + i], self.budget - edits, last && self.prefix_last) else {
                    continue 'start;
                };
                edits += m.edits;
                kind = kind.min(m.kind);
            }
            let coverage = self.letters as f32 / name_letters.max(1) as f32;
            let quality = coverage.min(1.0) * (1.0 - edits as f32 / (self.letters + 1) as f32);
            let score = Score::new(kind, quality);
            if best.is_none_or(|b| score.value > b.value) {
                best = Some(score);
            }
        }
        best
    }
}

/// How well `query` matches the name `candidate` (both raw or normalized), as autocomplete sees it: the
/// query's words must match consecutive words of the name, each exactly, through clitics or with a few
/// typos; the last word may be unfinished unless the query ends with a space. `None` if it does not match.
///
/// ```
/// use tarmeez::text::matching::{match_name, MatchKind};
/// assert_eq!(match_name("كتائب حز", "كتائب حزب الله").unwrap().kind, MatchKind::Prefix);
/// assert_eq!(match_name("حقل العمل", "حقل العمر").unwrap().kind, MatchKind::Typo);
/// assert!(match_name("حقل", "حقن").is_none());
/// ```
pub fn match_name(query: &str, candidate: &str) -> Option<Score> {
    NameQuery::new(query).score(&words_of(candidate))
}

/// The candidates that `query` matches (see [`match_name`]), best first; equal scores keep their input order.
/// This is what autocomplete calls with `(actor id, alias)` pairs.
///
/// ```
/// use tarmeez::text::matching::rank;
/// let names = [(1, "كتائب حزب الله العراقية"), (2, "حزب الله العراقي"), (3, "كتائب حزب الله")];
/// let ids: Vec<i32> = rank("كتائب حز", names).into_iter().map(|(id, _)| id).collect();
/// assert_eq!(ids, [3, 1]);
/// ```
pub fn rank<'a, K>(query: &str, candidates: impl IntoIterator<Item = (K, &'a str)>) -> Vec<(K, Score)> {
    let q = NameQuery::new(query);
    let mut out: Vec<(K, Score)> =
        candidates.into_iter().filter_map(|(key, name)| q.score(&words_of(name)).map(|s| (key, s))).collect();
    out.sort_by(|a, b| b.1.value.total_cmp(&a.1.value));
    out
}

/// The actors whose canonical name or any alias `query` matches, best first, each with its best score.
pub fn find_actors(registry: &ActorRegistry, query: &str) -> Vec<(ActorId, Score)> {
    let q = NameQuery::new(query);
    let mut out: Vec<(ActorId, Score)> = registry
        .actors
        .iter()
        .filter_map(|(id, actor)| {
            std::iter::once(&actor.name)
                .chain(&actor.aliases)
                .filter_map(|name| q.score(&words_of(name)))
                .max_by(|a, b| a.value.total_cmp(&b.value))
                .map(|s| (id.clone(), s))
        })
        .collect();
    out.sort_by(|a, b| b.1.value.total_cmp(&a.1.value));
    out
}

/// A match of a phrase in a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextMatch {
    /// Code points of the original text: from the first matched word without its proclitics to the last one
    /// without its pronoun suffix (`الميادين` inside `بالميادين`), widened to whole grapheme clusters.
    pub span: Span,
    /// How it matched: `Exact`, `Clitic` or `Typo`.
    pub score: Score,
}

/// A phrase prepared for searching texts, reusable across documents: it remembers how each distinct word
/// of the texts matched, so a large corpus costs one lookup per word after the first few documents.
pub struct TextQuery {
    words: Vec<Word>,
    budget: usize,
    letters: usize,
    /// Per query word: match results by text word, for words whose last `ه` was written `ه` or `ة`.
    cache: Vec<[HashMap<Vec<char>, Option<WordMatch>>; 2]>,
}

impl TextQuery {
    /// Prepares `query` (one or more words, raw; normalized here).
    pub fn new(query: &str) -> Self {
        let words = words_of(query);
        let budget = phrase_budget(&words);
        let letters = words.iter().map(|w| w.chars.len()).sum();
        let cache = words.iter().map(|_| [HashMap::new(), HashMap::new()]).collect();
        Self { words, budget, letters, cache }
    }

    /// Whether the query has no words (only spaces or punctuation), and so matches nothing.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Every match in `text`, in text order. The query's words must match consecutive words of one
    /// paragraph, each exactly, through clitics on either side, or with typos within the query's budget.
    pub fn find(&mut self, text: &str) -> Vec<TextMatch> {
        let n = self.words.len();
        if n == 0 {
            return Vec::new();
        }
        let norm = Normalized::new(text);
        let chars: Vec<char> = norm.as_str().chars().collect();
        let tokens = tokenize(&chars);
        let mut out = Vec::new();
        'start: for j in 0..tokens.len().saturating_sub(n - 1) {
            let mut edits = 0;
            let mut kind = MatchKind::Exact;
            let (mut first, mut last) = (0, 0);
            for i in 0..n {
                let tok = tokens[j + i];
                if i > 0 && tok.after_newline {
                    continue 'start;
                }
                let ta = norm.is_ta_marbuta(tok.end - 1);
                let Some(m) = self.match_token(i, &chars[tok.start..tok.end], ta) else { continue 'start };
                edits += m.edits;
                if edits > self.budget {
                    continue 'start;
                }
                kind = kind.min(m.kind);
                if i == 0 {
                    first = tok.start + m.start;
                }
                last = tok.start + m.end;
            }
            let quality = 1.0 - edits as f32 / (self.letters + 1) as f32;
            out.push(TextMatch { span: norm.to_original(first..last), score: Score::new(kind, quality) });
        }
        out
    }

    /// Query word `i` against one text word, through the cache.
    fn match_token(&mut self, i: usize, word: &[char], final_ta: bool) -> Option<WordMatch> {
        let cache = &mut self.cache[i][usize::from(final_ta)];
        if let Some(m) = cache.get(word) {
            return *m;
        }
        let m = match_word(&self.words[i], &Word::new(word, final_ta), self.budget, false);
        cache.insert(word.to_vec(), m);
        m
    }
}

/// The matches of `query` (one or more words) in `text`, in text order: normalized, clitic-aware, tolerant
/// of typos in long enough queries. See [`TextQuery::find`]; use a [`TextQuery`] to search many texts.
///
/// ```
/// use tarmeez::model::Span;
/// use tarmeez::text::matching::find_in_text;
/// // The span covers "الميادين" without the preposition ب, as a coder marks it.
/// let hits = find_in_text("مدينة بالميادين", "الميادين");
/// assert_eq!(hits[0].span, Span::new(7, 15));
/// ```
pub fn find_in_text(text: &str, query: &str) -> Vec<TextMatch> {
    TextQuery::new(query).find(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind};

    /// The seed article, as the sample project holds it.
    fn article() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/projects/al-omar-oilfield/documents/al-omar-oilfield-2021-06-29.txt"
        ))
        .unwrap()
    }

    /// The text of each match.
    fn found(text: &str, query: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        find_in_text(text, query).iter().map(|m| chars[m.span.start..m.span.end].iter().collect()).collect()
    }

    fn kinds(text: &str, query: &str) -> Vec<MatchKind> {
        find_in_text(text, query).iter().map(|m| m.score.kind).collect()
    }

    fn stem_texts(word: &str) -> Vec<String> {
        stems(word).into_iter().map(|s| s.text).collect()
    }

    fn kind(query: &str, name: &str) -> Option<MatchKind> {
        match_name(query, name).map(|s| s.kind)
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

    #[test]
    fn a_typo_in_a_name_is_tolerated() {
        // The article itself writes "حقل العمل" once for "حقل العمر".
        assert_eq!(kind("حقل العمل", "حقل العمر"), Some(MatchKind::Typo));
        assert_eq!(kind("حقل العمر", "حقل العمل"), Some(MatchKind::Typo));
        assert!(article().contains("حقل العمل"));
        let hits = rank("حقل العمل", [("omar", "حقل العمر"), ("shibli", "منطقة الشبلي"), ("fields", "حقول النفط")]);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].0, "omar");
        // Negative: short words get no typos, alone or as a whole query.
        assert_eq!(kind("حقل", "حقن"), None);
        assert_eq!(kind("حزب", "حرب"), None);
        assert_eq!(kind("العمل", "العمر"), None, "عمل and عمر are three letters: too short for a typo");
        assert_eq!(kind("حقل العمر", "حقل العراق"), None);
        // Nor does a typo on the first letter count: the article's "نيران" (fire) is not "إيران".
        assert_eq!(kind("إيران", "نيران"), None);
        assert!(article().contains("نيران"));
        assert!(!found(&article(), "إيران").iter().any(|h| h == "نيران"));
    }

    #[test]
    fn spelling_variants_of_militias_match_both_ways() {
        // The article writes both "الميليشيات" (9 times) and "المليشيات" (3 times).
        let text = article();
        assert!(text.contains("الميليشيات") && text.contains("المليشيات"));
        assert_eq!(kind("الميليشيات", "المليشيات"), Some(MatchKind::Typo));
        assert_eq!(kind("المليشيات", "الميليشيات"), Some(MatchKind::Typo));
        let hits = found(&text, "الميليشيات");
        assert!(hits.iter().filter(|h| *h == "المليشيات").count() >= 3, "{hits:?}");
        let hits = found(&text, "المليشيات");
        assert!(hits.iter().filter(|h| *h == "الميليشيات").count() >= 9, "{hits:?}");
        // Negative: a different word of similar length is not a variant.
        assert_eq!(kind("الميليشيات", "الاستراتيجية"), None);
        assert!(!found(&text, "الميليشيات").iter().any(|h| h.contains("المحاولات")));
    }

    #[test]
    fn clitics_match_both_ways() {
        assert_eq!(kind("الميادين", "بالميادين"), Some(MatchKind::Clitic));
        assert_eq!(kind("بالميادين", "الميادين"), Some(MatchKind::Clitic));
        assert_eq!(kind("بالميادين", "والميادين"), Some(MatchKind::Clitic));
        assert_eq!(kind("الميادين", "الميادين"), Some(MatchKind::Exact));
        // In text: the article has "الميادين" 7 times and "والميادين" once.
        let text = article();
        let hits = found(&text, "الميادين");
        assert_eq!(hits.len(), 8, "{hits:?}");
        assert!(hits.iter().all(|h| h == "الميادين"), "the conjunction و stays out of the span: {hits:?}");
        assert_eq!(found(&text, "بالميادين").len(), 8);
        // Negative: a word that only shares letters is not a clitic form.
        assert_eq!(kind("الميادين", "الميدان"), None);
        assert_eq!(kind("بلد", "لد"), None);
    }

    #[test]
    fn text_spans_leave_the_clitic_out() {
        let text = "انتشار واسع بالميادين، ومواقع للمليشيات";
        let hits = find_in_text(text, "الميادين");
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].span, Span::new(13, 21));
        assert_eq!(hits[0].score.kind, MatchKind::Clitic);
        // For لل the span starts at the article's lam.
        assert_eq!(found(text, "المليشيات"), ["لمليشيات"]);
        assert_eq!(found(text, "مواقع"), ["مواقع"]);
    }

    #[test]
    fn alef_forms_match_in_text() {
        let text = article();
        // The article writes "الاثنين" twice, without hamza.
        for q in ["الإثنين", "الاثنين", "الأثنين"] {
            assert_eq!(found(&text, q), ["الاثنين", "الاثنين"], "{q}");
            assert!(kinds(&text, q).iter().all(|k| *k == MatchKind::Exact));
        }
        assert!(found(&text, "امريكية").len() >= 5);
        // Negative: another day is another word.
        assert!(found(&text, "الاحد").iter().all(|h| h == "الأحد"));
        assert!(found(&text, "الخميس").is_empty());
    }

    #[test]
    fn alef_maqsura_matches_in_text() {
        let text = article();
        // "إلى" is written with alef maqsura; typed with ya it still matches.
        let hits = found(&text, "الي");
        assert!(hits.len() >= 5 && hits.iter().all(|h| h == "إلى"), "{hits:?}");
        // Negative: على is not إلى (short words get no typos). The cost of the fold: على and the name علي
        // ("أبو علي العسكري") become the same key.
        let hits = found(&text, "على");
        assert!(!hits.contains(&"إلى".to_owned()));
        assert!(hits.contains(&"على".to_owned()) && hits.contains(&"علي".to_owned()));
    }

    #[test]
    fn ta_marbuta_matches_in_text() {
        let text = article();
        // The article writes "قاعدة" four times and "القاعدة" once; typed with ه they are all found, the
        // last one without its article.
        let good: Vec<String> = find_in_text(&text, "قاعده")
            .into_iter()
            .filter(|m| m.score.kind >= MatchKind::Clitic)
            .map(|m| text.chars().skip(m.span.start).take(m.span.len()).collect())
            .collect();
        assert_eq!(good, ["قاعدة"; 5]);
        assert!(text.contains("القاعدة"));
        // Negative: "عاصم" (a name) does not find "عاصمة" (capital) through clitics, since its ة is no
        // pronoun ه; it is one letter away, so it is found as a typo, ranked last.
        assert!(text.contains("عاصمة"));
        assert!(kinds(&text, "عاصم").iter().all(|k| *k == MatchKind::Typo));
        // And the plural is not a typo of the singular.
        assert!(!found(&text, "قاعدة").iter().any(|h| h.contains("قواعد")));
    }

    #[test]
    fn hamza_and_tashkeel_match_in_text() {
        let text = article();
        // The article writes "مؤكدةً" with tanween; a query without it, with a decomposed hamza, finds it.
        assert_eq!(found(&text, "مو\u{0654}كدة"), ["مؤكدةً"]);
        assert_eq!(found(&text, "كتائب"), found(&text, "كتاي\u{0654}ب"));
        assert_eq!(found(&text, "كتائب").len(), 5);
        assert_eq!(found(&text, "الاِثْنَيْن").len(), 2);
        let hits = find_in_text(&text, "تعرف");
        let exact: Vec<_> = hits.iter().filter(|h| h.score.kind == MatchKind::Exact).collect();
        assert_eq!(exact.len(), 1);
        assert_eq!(text.chars().skip(exact[0].span.start).take(exact[0].span.len()).collect::<String>(), "تُعرف");
        // Negative: a mark does not make a different word match.
        assert!(found(&text, "عَرَف").is_empty());
    }

    #[test]
    fn digits_fold_and_only_match_exactly() {
        let text = article();
        assert_eq!(found(&text, "٢٨حزيران"), ["28حزيران"]);
        assert_eq!(found(&text, "۲۸ حزيران"), ["28حزيران"]);
        assert_eq!(found(&text, "حزيران"), ["حزيران"]);
        assert_eq!(found(&text, "١٣١ موقعاً"), ["131 موقعاً"]);
        // Negative: numbers never match with typos.
        assert!(found(&text, "٢٩حزيران").is_empty());
        assert!(found(&text, "132").is_empty());
    }

    #[test]
    fn autocomplete_ranks_exact_then_prefix_then_inside_then_clitic_then_typo() {
        let names = [
            ("typo", "كتايب حزب الله"),
            ("clitic", "وكتائب حزب الله"),
            ("inside", "مليشيا كتائب حزب الله"),
            ("prefix", "كتائب حزب الله العراقية"),
            ("exact", "كتائب حزب الله"),
            ("other", "حزب الله العراقي"),
        ];
        let order: Vec<&str> = rank("كتائب حزب الله", names).into_iter().map(|(k, _)| k).collect();
        assert_eq!(order, ["exact", "prefix", "inside", "clitic", "typo"]);
        let scores: Vec<f32> = rank("كتائب حزب الله", names).into_iter().map(|(_, s)| s.value).collect();
        assert!(scores.windows(2).all(|w| w[0] > w[1]), "{scores:?}");
        // Typing: a partial last word is a prefix, the full phrase ranks the shorter name first.
        let order: Vec<&str> = rank("كتائب حز", names).into_iter().map(|(k, _)| k).collect();
        assert_eq!(order[..2], ["exact", "prefix"]);
        // Typed without the article, a name is still found, through its stem.
        assert_eq!(kind("ميليش", "الميليشيات الإيرانية"), Some(MatchKind::Clitic));
        // A trailing space means the word is finished.
        assert_eq!(kind("كتائب حز ", "كتائب حزب الله"), None);
        // Negative: one typed letter matches only words starting with it, and never with a typo.
        assert!(rank("ز", names).is_empty());
        assert_eq!(kind("حكم", "حزب الله"), None);
    }

    #[test]
    fn find_actors_uses_every_alias_and_the_best_score() {
        let mut registry = ActorRegistry::default();
        let actor = |name: &str, aliases: &[&str]| Actor {
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            kind: ActorKind::Militia,
            affiliation: None,
            notes: String::new(),
        };
        registry.actors.insert(
            ActorId::new("kataib-hezbollah"),
            actor("Kata'ib Hezbollah", &["كتائب حزب الله العراقية", "كتائب حزب الله", "حزب الله العراقي"]),
        );
        registry.actors.insert(
            ActorId::new("iran-backed-militias"),
            actor("Iran-backed militias", &["الميليشيات الإيرانية", "المليشيات الإيرانية"]),
        );
        registry.actors.insert(ActorId::new("nujaba"), actor("Harakat al-Nujaba", &["حركة النجباء", "النجباء"]));
        let found = find_actors(&registry, "حزب الله");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0.as_str(), "kataib-hezbollah");
        assert_eq!(found[0].1.kind, MatchKind::Prefix, "from the alias that starts with it");
        assert_eq!(find_actors(&registry, "kataib")[0].0.as_str(), "kataib-hezbollah");
        assert_eq!(find_actors(&registry, "للميليشيات الإيرانية")[0].1.kind, MatchKind::Clitic);
        assert_eq!(find_actors(&registry, "النجباء")[0].1.kind, MatchKind::Exact);
        assert!(find_actors(&registry, "الحرس الثوري").is_empty());
    }

    #[test]
    fn phrases_do_not_cross_paragraphs_and_empty_queries_match_nothing() {
        assert_eq!(find_in_text("حقل العمر", "حقل العمر").len(), 1);
        assert!(find_in_text("حقل\nالعمر", "حقل العمر").is_empty());
        assert!(find_in_text("حقل العمر", " ، ").is_empty());
        assert!(rank::<u8>("", [(1, "حقل العمر")]).is_empty());
    }
}
