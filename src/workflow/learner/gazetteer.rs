//! The actor registry as a gazetteer for the learner's features: every actor's name and aliases, normalized
//! and cut into words. A word matches an alias's word when the word or one of its clitic-stripped stems is
//! that word, so `ولكتائب حزب الله` hits the alias `كتائب حزب الله`.

use crate::model::ActorRegistry;
use crate::text::matching::stems;
use crate::text::normalize::normalize;
use std::collections::HashMap;

/// Where a word stands in a gazetteer hit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Hit {
    /// In no name.
    #[default]
    None,
    /// The first word of a name.
    Begin,
    /// A later word of a name.
    Inside,
}

/// Names as normalized words, found by their first word.
#[derive(Clone, Debug, Default)]
pub struct Gazetteer {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl Gazetteer {
    /// The gazetteer of `names`.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
        for name in names {
            let words: Vec<String> = normalize(name).split_whitespace().map(str::to_owned).collect();
            if let Some(first) = words.first() {
                let entry = by_first.entry(first.clone()).or_default();
                if !entry.contains(&words) {
                    entry.push(words);
                }
            }
        }
        // Longest names first, so that a hit takes the whole of `كتائب حزب الله` rather than `كتائب`.
        for names in by_first.values_mut() {
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        }
        Self { by_first }
    }

    /// The gazetteer of the registry's names and aliases.
    pub fn from_registry(registry: &ActorRegistry) -> Self {
        Self::new(
            registry
                .actors
                .values()
                .flat_map(|a| std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str))),
        )
    }

    /// Whether it holds no name.
    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Each word's place in a hit; `forms[i]` are word `i`'s normalized form and stems (see [`word_forms`]).
    pub fn hits(&self, forms: &[Vec<String>]) -> Vec<Hit> {
        let mut out = vec![Hit::None; forms.len()];
        if self.is_empty() {
            return out;
        }
        let mut i = 0;
        while i < forms.len() {
            let len = forms[i]
                .iter()
                .filter_map(|f| self.by_first.get(f))
                .flatten()
                .find(|name| {
                    i + name.len() <= forms.len() && name.iter().enumerate().all(|(k, w)| forms[i + k].contains(w))
                })
                .map_or(0, Vec::len);
            if len == 0 {
                i += 1;
                continue;
            }
            out[i] = Hit::Begin;
            for h in &mut out[i + 1..i + len] {
                *h = Hit::Inside;
            }
            i += len;
        }
        out
    }
}

/// A word's normalized form followed by its clitic-stripped stems (each once).
pub fn word_forms(word: &str) -> Vec<String> {
    let mut out = vec![normalize(word)];
    for s in stems(word) {
        if !out.contains(&s.text) {
            out.push(s.text);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_found_behind_clitics_and_the_longest_wins() {
        let g = Gazetteer::new(["كتائب حزب الله", "حزب الله", "كتائب"]);
        let words = ["وقالت", "ولكتائب", "حزب", "الله", "إن"];
        let forms: Vec<Vec<String>> = words.iter().map(|w| word_forms(w)).collect();
        assert_eq!(g.hits(&forms), [Hit::None, Hit::Begin, Hit::Inside, Hit::Inside, Hit::None]);
    }
}
