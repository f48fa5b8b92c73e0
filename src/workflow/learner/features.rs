//! The features of each token, as 64-bit hashes (FNV-1a of a kind byte and a value): the piece and its word
//! normalized (`text::normalize`), the word's clitic-stripped stems (`text::matching::stems`), the piece's
//! prefixes and suffixes of one to three letters, where the piece sits in its word, its shape (digits, Latin,
//! Arabic, punctuation), the neighbouring pieces and words' stems, and gazetteer hits of the actor registry.

use super::gazetteer::{Gazetteer, Hit, word_forms};
use super::tokens::Tokens;
use crate::model::DocText;
use crate::text::normalize::normalize;

/// A feature's hash.
pub type Feature = u64;

/// The hash of `value` under feature kind `kind`.
fn hash(kind: u8, value: &str) -> Feature {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in std::iter::once(kind).chain(value.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// What a word looks like.
fn shape(s: &str) -> &'static str {
    let mut kinds = s.chars().map(|c| {
        if c.is_ascii_digit() || ('٠'..='٩').contains(&c) {
            'd'
        } else if c.is_ascii_alphabetic() {
            'l'
        } else if c.is_alphabetic() {
            'a'
        } else {
            'p'
        }
    });
    let first = kinds.next().unwrap_or('p');
    match (first, kinds.all(|k| k == first)) {
        ('d', true) => "digits",
        ('l', true) => "latin",
        ('a', true) => "arabic",
        ('p', true) => "punct",
        _ => "mixed",
    }
}

/// The first and last `n` characters of `s` (all of it when shorter).
fn ends(s: &str, n: usize) -> (String, String) {
    let chars: Vec<char> = s.chars().collect();
    let k = n.min(chars.len());
    (chars[..k].iter().collect(), chars[chars.len() - k..].iter().collect())
}

/// Each token's features in `text` (tokens from `tokens::tokenize`).
pub fn features(text: &DocText, tokens: &Tokens, gazetteer: &Gazetteer) -> Vec<Vec<Feature>> {
    let forms: Vec<Vec<String>> = tokens.words.iter().map(|w| word_forms(text.slice(*w).unwrap_or_default())).collect();
    let hits = gazetteer.hits(&forms);
    // A word's stem: its most stripped reading (the last), the word itself when nothing strips.
    let stem = |w: Option<usize>| w.and_then(|w| forms.get(w)).and_then(|f| f.last()).map_or("<edge>", |s| s.as_str());
    let pieces: Vec<String> = tokens.tokens.iter().map(|t| normalize(text.slice(t.span).unwrap_or_default())).collect();
    let piece = |i: isize| usize::try_from(i).ok().and_then(|i| pieces.get(i)).map_or("<edge>", |s| s.as_str());
    let hit_name = |w: Option<usize>| match w.and_then(|w| hits.get(w)) {
        Some(Hit::Begin) => "B",
        Some(Hit::Inside) => "I",
        _ => "O",
    };
    let mut out = Vec::with_capacity(tokens.tokens.len());
    for (i, t) in tokens.tokens.iter().enumerate() {
        let i = i as isize;
        let p = piece(i);
        let w = t.word;
        let prev_w = w.checked_sub(1);
        let next_w = (w + 1 < forms.len()).then_some(w + 1);
        let mut f = Vec::with_capacity(32);
        f.push(hash(0, ""));
        f.push(hash(1, p));
        f.push(hash(2, &forms[w][0]));
        for s in &forms[w][1..] {
            f.push(hash(3, s));
        }
        for n in 1..=3 {
            let (pre, suf) = ends(p, n);
            f.push(hash(4 + n as u8, &pre));
            f.push(hash(8 + n as u8, &suf));
        }
        let place = match (t.first, t.last) {
            (true, true) => "whole",
            (true, false) => "first",
            (false, true) => "last",
            (false, false) => "middle",
        };
        f.push(hash(12, place));
        f.push(hash(13, shape(p)));
        f.push(hash(14, piece(i - 1)));
        f.push(hash(15, piece(i + 1)));
        f.push(hash(16, piece(i - 2)));
        f.push(hash(17, piece(i + 2)));
        f.push(hash(18, stem(prev_w)));
        f.push(hash(19, stem(next_w)));
        f.push(hash(20, &format!("{}|{p}", piece(i - 1))));
        f.push(hash(21, &format!("{p}|{}", piece(i + 1))));
        f.push(hash(22, hit_name(Some(w))));
        f.push(hash(23, &format!("{}{}", hit_name(prev_w), hit_name(next_w))));
        f.push(hash(24, &format!("{}|{place}", hit_name(Some(w)))));
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::learner::tokens::tokenize;

    #[test]
    fn spellings_that_normalize_alike_share_features_and_a_gazetteer_hit_shows() {
        let g = Gazetteer::new(["سرايا أولياء الدم"]);
        let a = DocText::new("هاجمت سرايا اولياء الدم القاعدة".to_owned());
        let b = DocText::new("هاجمت سرايا أولياء الدم القاعدة".to_owned());
        let fa = features(&a, &tokenize(&a), &g);
        let fb = features(&b, &tokenize(&b), &g);
        assert_eq!(fa, fb);
        let none = features(&a, &tokenize(&a), &Gazetteer::default());
        assert_ne!(fa[1], none[1], "the hit is a feature");
        assert_eq!(shape("2021"), "digits");
        assert_eq!(shape("ISIS"), "latin");
    }
}
