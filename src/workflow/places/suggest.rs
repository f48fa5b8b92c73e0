//! The place names the registry suggester looks for in documents (`workflow::suggesters::registry`).

use super::Gazetteer;
use crate::model::{PlaceKind, PlaceRegistry};
use crate::text::matching::{MatchKind, TextMatch, TextQuery, stems};
use crate::text::normalize::normalize;
use std::collections::{BTreeSet, HashSet};

/// Names of gazetteer places that are also words news uses every day ("المدينة" is a town in Basra, "الباب"
/// one near Aleppo, "الثورة" the old name of Al-Tabqa): proposing them would flood the queue.
const COMMON_WORDS: &[&str] = &[
    "المدينة",
    "مدينة",
    "الباب",
    "الثورة",
    "النصر",
    "السلام",
    "الحرية",
    "الجديدة",
    "القديمة",
    "المركز",
    "الشرق",
    "الغرب",
    "الشمال",
    "الجنوب",
    "العرب",
    "الخير",
    "الأمل",
    "الوحدة",
    "الحرب",
    "السوق",
    "القرية",
    "الجسر",
    "الحدود",
    "الجيش",
    "الحزب",
    "الدولة",
    "الجبهة",
    "البيان",
    "المطار",
    // Anah (عنة) is written like the preposition with a pronoun عنه once ta marbuta loses its dots.
    "عنة",
];

/// The kinds of gazetteer places proposed: countries, administrative units and towns. Villages are left out:
/// GeoNames' village names are often ordinary words or family names, and a coder finds a village by
/// linking (`resolve_place`) or in the Places window.
fn proposed(kind: PlaceKind) -> bool {
    matches!(kind, PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Admin2 | PlaceKind::Town)
}

/// A place name to look for. The project's own places match like actors' names (with typos and clitics);
/// the gazetteer's, which are many and short, only as written, with clitics on the text's word but not
/// taken off the name: `بالميادين` is Al Mayadin, but `وحركة` (and the movement) is not the town `بحركة`.
pub struct PlaceQuery {
    /// The prepared name.
    pub query: TextQuery,
    /// The name normalized, its words separated by one space; `None` for the project's places.
    strict: Option<String>,
}

/// Every clitic reading of every word of `text` ([`crate::text::matching::stems`]): a gazetteer name whose
/// first word is not among them cannot match, which spares searching the text for most of the gazetteer.
pub fn text_stems(text: &str) -> HashSet<String> {
    let norm = normalize(text);
    let words: HashSet<&str> = norm.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    words.into_iter().flat_map(|w| stems(w).into_iter().map(|s| s.text)).collect()
}

impl PlaceQuery {
    /// Whether the query can match a text with these [`text_stems`] (always for the project's places).
    pub fn may_match(&self, stems: &HashSet<String>) -> bool {
        let first = |key: &String| key.split(|c: char| !c.is_alphabetic()).find(|w| !w.is_empty()).map(str::to_owned);
        self.strict.as_ref().and_then(first).is_none_or(|w| stems.contains(&w))
    }

    /// Whether a match is proposed, given `covered`, the text of its span.
    pub fn accepts(&self, m: &TextMatch, covered: &str) -> bool {
        match &self.strict {
            None => true,
            Some(key) => m.score.kind >= MatchKind::Clitic && words_key(covered) == *key,
        }
    }
}

/// `s` normalized, its words separated by one space.
fn words_key(s: &str) -> String {
    normalize(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The queries for LOCATION suggestions: every name of the project's places, and the Arabic names (with
/// their spaceless forms: `ديرالزور`) of the gazetteer's countries, administrative units and towns, less
/// [`COMMON_WORDS`] and names of fewer than 3 letters.
pub fn place_queries(project: &PlaceRegistry, gazetteer: &Gazetteer) -> Vec<PlaceQuery> {
    let common: BTreeSet<String> = COMMON_WORDS.iter().map(|w| normalize(w)).collect();
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let mut add = |name: &str, typos: bool, out: &mut Vec<PlaceQuery>| {
        let key = normalize(name.trim());
        if key.chars().filter(|c| c.is_alphabetic()).count() < 3 || common.contains(&key) || !seen.insert(key) {
            return;
        }
        let query = TextQuery::new(name);
        if !query.is_empty() {
            out.push(PlaceQuery { query, strict: (!typos).then(|| words_key(name)) });
        }
    };
    for place in project.places.values() {
        for name in place.names() {
            // Typos only in long names, as for linking (`super::resolve::TYPO_LINK_LETTERS`).
            let letters = normalize(name).chars().filter(|c| c.is_alphabetic()).count();
            add(name, letters >= super::resolve::TYPO_LINK_LETTERS, &mut out);
        }
    }
    for (id, place) in gazetteer.iter() {
        if !proposed(place.kind) || project.places.contains_key(id) {
            continue;
        }
        for name in place.names().filter(|n| n.chars().any(is_arabic_letter)) {
            add(name, false, &mut out);
            if name.trim().contains(char::is_whitespace) {
                add(&name.split_whitespace().collect::<String>(), false, &mut out);
            }
        }
    }
    out
}

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}
