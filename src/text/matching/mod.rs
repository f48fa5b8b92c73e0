//! Clitic-aware, typo-tolerant matching of names and phrases, on normalized text ([`super::normalize`]).
//!
//! Three services share one word matcher:
//! - [`rank`], [`match_name`] and [`find_actors`]: autocomplete over names (the actor registry's aliases);
//! - [`find_in_text`] and [`TextQuery`]: the spans of a phrase in a document;
//! - [`stems()`]: the clitic readings of a single word.
//!
//! **Words.** Normalized text is cut into words at every character that is not a letter or digit, and between
//! letters and digits, so that `28حزيران` is the two words `28` `حزيران` (a query `28 حزيران` finds it, and so
//! does `حزيران`). Numbers match only exactly: `28` never matches `29`.
//!
//! **Clitics.** Arabic writes conjunctions, prepositions, the article and pronouns as part of the word. A word's
//! [`stems()`] are the word itself and its readings without proclitics (`و ف`, then `ب ك ل`, then the article
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

mod stems;
#[cfg(test)]
mod tests;
mod text;
mod words;

pub use stems::{MIN_STEM, Stem, stems};
pub use text::{PreparedText, TextMatch, TextQuery, find_in_text};

use crate::model::{ActorId, ActorRegistry};
use words::{Word, match_word, phrase_budget, words_of};

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

/// A query prepared for matching names: its words, stems and typo budget. Prepare it once and score it
/// against many names ([`NameQuery::score_name`]), as [`rank`] does.
pub struct NameQuery {
    words: Vec<Word>,
    budget: usize,
    /// The last word may be unfinished (the query does not end with a space).
    prefix_last: bool,
    letters: usize,
}

impl NameQuery {
    /// Prepares `query` (raw or normalized); the last word may be unfinished unless it ends with a space.
    pub fn new(query: &str) -> Self {
        let words = words_of(query);
        let budget = phrase_budget(&words);
        let letters = words.iter().map(|w| w.chars.len()).sum();
        Self { words, budget, prefix_last: !query.ends_with(char::is_whitespace), letters }
    }

    /// How well the query matches the name `name` (see [`match_name`]).
    pub fn score_name(&self, name: &str) -> Option<Score> {
        self.score(&words_of(name))
    }

    /// [`NameQuery::score_name`] on a name prepared once for many queries (a gazetteer's).
    pub fn score_prepared(&self, name: &PreparedName) -> Option<Score> {
        self.score(&name.words)
    }

    /// How well the query matches the whole of `name`, word for word (exactly, through clitics or with
    /// typos), with the last word complete: what linking a mention's text to a name needs, where a prefix of a
    /// name or words inside it are not the name (`دير` is not `دير الزور`).
    pub fn score_whole(&self, name: &PreparedName) -> Option<Score> {
        if name.words.len() != self.words.len() {
            return None;
        }
        if !self.prefix_last {
            return self.score(&name.words);
        }
        let whole = Self { words: self.words.clone(), budget: self.budget, prefix_last: false, letters: self.letters };
        whole.score(&name.words)
    }

    /// Whether the query has no word.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
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

/// A name cut into words with their stems, ready to be scored against many queries.
#[derive(Clone, Debug)]
pub struct PreparedName {
    words: Vec<Word>,
}

impl PreparedName {
    /// Prepares `name` (raw or normalized).
    pub fn new(name: &str) -> Self {
        Self { words: words_of(name) }
    }

    /// How many words the name has.
    pub fn word_count(&self) -> usize {
        self.words.len()
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
