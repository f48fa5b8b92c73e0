//! The learner's tokens: the text's word segments (`formats::conll::base_tokens`), each split at its clitic
//! stops (`text::boundaries::clitic_stops`), so that `بالميادين` is `ب` `ال` `ميادين` and a mention may begin
//! after a proclitic, as coders mark it. Mentions become BIO tags over these tokens and back.

use crate::formats::conll::base_tokens;
use crate::model::{DocText, Span};
use crate::text::boundaries::clitic_stops;

/// One token: a piece of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// The code points it covers.
    pub span: Span,
    /// The index of the word (base token) it is a piece of.
    pub word: usize,
    /// Whether it is the word's first piece.
    pub first: bool,
    /// Whether it is the word's last piece.
    pub last: bool,
}

/// A text's words and their pieces.
#[derive(Clone, Debug, Default)]
pub struct Tokens {
    /// The word segments that are not white space.
    pub words: Vec<Span>,
    /// The pieces of the words, in order.
    pub tokens: Vec<Token>,
}

/// The words of `text` and their pieces at clitic stops.
pub fn tokenize(text: &DocText) -> Tokens {
    let words = base_tokens(text);
    let mut tokens = Vec::with_capacity(words.len() + words.len() / 2);
    for (w, word) in words.iter().enumerate() {
        let mut start = word.start;
        let stops = clitic_stops(text, *word);
        let n = stops.len() + 1;
        for (k, end) in stops.into_iter().chain(std::iter::once(word.end)).enumerate() {
            tokens.push(Token { span: Span::new(start, end), word: w, first: k == 0, last: k + 1 == n });
            start = end;
        }
    }
    Tokens { words, tokens }
}

/// The tag of each token for `mentions` (span and type index): 0 outside, `1 + 2k` begins a mention of type
/// `k`, `2 + 2k` continues it. A token belongs to a mention when it overlaps it; where mentions overlap the
/// longer one is kept (flat BIO has one tag a token).
pub fn encode(tokens: &[Token], mentions: &[(Span, usize)]) -> Vec<usize> {
    let mut sorted: Vec<&(Span, usize)> = mentions.iter().collect();
    sorted.sort_by_key(|(s, _)| (std::cmp::Reverse(s.end - s.start), s.start));
    let mut tags = vec![0; tokens.len()];
    for (span, ty) in sorted {
        let first = tokens.partition_point(|t| t.span.end <= span.start);
        let last = tokens.partition_point(|t| t.span.start < span.end);
        if first >= last || tags[first..last].iter().any(|&t| t != 0) {
            continue;
        }
        tags[first] = 1 + 2 * ty;
        for t in &mut tags[first + 1..last] {
            *t = 2 + 2 * ty;
        }
    }
    tags
}

/// The mentions (token range and type index) that `tags` spell; a continuing tag without its beginning
/// starts a mention.
pub fn decode(tags: &[usize]) -> Vec<(std::ops::Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let ty = (tag.max(1) - 1) / 2;
        let continues = tag != 0 && tag % 2 == 0 && open.is_some_and(|(_, t)| t == ty);
        if continues {
            continue;
        }
        if let Some((start, t)) = open.take() {
            out.push((start..i, t));
        }
        if tag != 0 {
            open = Some((i, ty));
        }
    }
    if let Some((start, t)) = open {
        out.push((start..tags.len(), t));
    }
    out
}

/// The code points of tokens `range`.
pub fn span_of(tokens: &[Token], range: &std::ops::Range<usize>) -> Span {
    Span::new(tokens[range.start].span.start, tokens[range.end - 1].span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(s: &str) -> Vec<String> {
        let text = DocText::new(s.to_owned());
        tokenize(&text).tokens.iter().map(|t| text.slice(t.span).unwrap().to_owned()).collect()
    }

    #[test]
    fn proclitics_are_their_own_tokens() {
        assert_eq!(pieces("قصفت بالميادين"), ["قصفت", "ب", "ال", "ميادين"]);
        assert_eq!(pieces("في دير الزور."), ["في", "دير", "ال", "زور", "."]);
    }

    #[test]
    fn tags_round_trip_and_the_longer_overlap_wins() {
        let text = DocText::new("قصفت كتائب حزب الله بالميادين".to_owned());
        let t = tokenize(&text).tokens;
        let actor = Span::new(5, 19);
        let place = Span::new(21, 29); // الميادين after ب
        let short = Span::new(11, 19); // حزب الله, inside the actor
        let tags = encode(&t, &[(short, 0), (actor, 0), (place, 1)]);
        let spans: Vec<(Span, usize)> = decode(&tags).iter().map(|(r, ty)| (span_of(&t, r), *ty)).collect();
        assert_eq!(spans, [(actor, 0), (place, 1)]);
        assert_eq!(text.slice(place), Some("الميادين"));
    }

    #[test]
    fn a_continuing_tag_of_another_type_starts_a_mention() {
        assert_eq!(decode(&[2, 2, 4, 0, 1]), [(0..2, 0), (2..3, 1), (4..5, 0)]);
    }
}
