//! Searching documents for a phrase: [`TextQuery`] and [`find_in_text`], with the spans of the matches.

use super::words::{Token, Word, WordMatch, match_word, phrase_budget, tokenize, words_of};
use super::{MatchKind, Score};
use crate::model::Span;
use crate::text::normalize::Normalized;
use std::collections::HashMap;

/// A match of a phrase in a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextMatch {
    /// Code points of the original text: from the first matched word without its proclitics to the last one
    /// without its pronoun suffix (`الميادين` inside `بالميادين`), widened to whole grapheme clusters.
    pub span: Span,
    /// How it matched: `Exact`, `Clitic` or `Typo`.
    pub score: Score,
}

/// A text prepared for searching with many queries ([`TextQuery::find_prepared`]): normalized and cut into
/// words once, which is most of the cost of a search.
pub struct PreparedText {
    norm: Normalized,
    chars: Vec<char>,
    tokens: Vec<Token>,
}

impl PreparedText {
    /// Prepares `text` (raw; normalized here).
    pub fn new(text: &str) -> Self {
        let norm = Normalized::new(text);
        let chars: Vec<char> = norm.as_str().chars().collect();
        let tokens = tokenize(&chars);
        Self { norm, chars, tokens }
    }
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
        if self.words.is_empty() {
            return Vec::new();
        }
        self.find_prepared(&PreparedText::new(text))
    }

    /// [`TextQuery::find`] in a text prepared once for many queries (a model's quotes of one document).
    pub fn find_prepared(&mut self, text: &PreparedText) -> Vec<TextMatch> {
        let n = self.words.len();
        if n == 0 {
            return Vec::new();
        }
        let (norm, chars, tokens) = (&text.norm, &text.chars, &text.tokens);
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
