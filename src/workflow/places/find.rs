//! Search over the project's places and the gazetteer, for autocomplete and for linking.

use super::{Gazetteer, size_rank};
use crate::model::{Place, PlaceId, PlaceRegistry};
use crate::text::matching::{NameQuery, PreparedName, Score};
use std::cmp::Ordering;

/// A place a query matched.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceMatch {
    /// The place's id (`gn-<geonameid>` for the gazetteer's).
    pub id: PlaceId,
    /// The place (the project's version where the project has it).
    pub place: Place,
    /// How well its best name matched.
    pub score: Score,
    /// Whether the place is in the project's registry (else only in the gazetteer).
    pub in_project: bool,
}

/// Every name of `place` prepared for matching, and each name of several words also without its spaces,
/// so that a query written with or without them finds it.
pub(super) fn prepared_names(place: &Place) -> Vec<PreparedName> {
    let mut out = Vec::new();
    for name in place.names() {
        out.push(PreparedName::new(name));
        if name.trim().contains(char::is_whitespace) {
            out.push(PreparedName::new(&spaceless(name)));
        }
    }
    out
}

fn spaceless(s: &str) -> String {
    s.split_whitespace().collect()
}

/// The query, and the query without its spaces when it has several words (`البو كمال` finds `البوكمال`).
pub(super) fn query_forms(query: &str) -> Vec<NameQuery> {
    let mut out = vec![NameQuery::new(query)];
    if query.split_whitespace().nth(1).is_some() {
        let trailing = if query.ends_with(char::is_whitespace) { " " } else { "" };
        out.push(NameQuery::new(&format!("{}{trailing}", spaceless(query))));
    }
    out.retain(|q| !q.is_empty());
    out
}

/// The best score of any query form against any name, by `score` (a prefix search or a whole-name one).
pub(super) fn best_score(
    queries: &[NameQuery],
    names: &[PreparedName],
    score: impl Fn(&NameQuery, &PreparedName) -> Option<Score>,
) -> Option<Score> {
    queries.iter().flat_map(|q| names.iter().filter_map(|n| score(q, n))).max_by(|a, b| a.value.total_cmp(&b.value))
}

/// The places of the project and the gazetteer that `query` matches through any of their names, scored by
/// `score`; a project place replaces the gazetteer's with the same id. Unsorted.
pub(super) fn candidates(
    project: &PlaceRegistry,
    gazetteer: &Gazetteer,
    queries: &[NameQuery],
    score: impl Fn(&NameQuery, &PreparedName) -> Option<Score>,
) -> Vec<PlaceMatch> {
    let mut out = Vec::new();
    for (id, place) in &project.places {
        if let Some(s) = best_score(queries, &prepared_names(place), &score) {
            out.push(PlaceMatch { id: id.clone(), place: place.clone(), score: s, in_project: true });
        }
    }
    for (_, id, place, names) in gazetteer.iter_prepared() {
        if project.places.contains_key(id) {
            continue;
        }
        if let Some(s) = best_score(queries, names, &score) {
            out.push(PlaceMatch { id: id.clone(), place: place.clone(), score: s, in_project: false });
        }
    }
    out
}

/// The order of matches: better score first; at equal score the project's places first (the coders made or
/// linked them for this project, so they are what its texts name), then larger places (a governorate before
/// a town, a town before a village: the larger is the likelier meaning of a shared name), then the
/// gazetteer's order (more inhabitants first), then the id.
pub(super) fn compare(gazetteer: &Gazetteer, a: &PlaceMatch, b: &PlaceMatch) -> Ordering {
    let position = |m: &PlaceMatch| if m.in_project { None } else { gazetteer.position(&m.id) };
    b.score
        .value
        .total_cmp(&a.score.value)
        .then(b.in_project.cmp(&a.in_project))
        .then(size_rank(a.place.kind).cmp(&size_rank(b.place.kind)))
        .then(position(a).cmp(&position(b)))
        .then(a.id.cmp(&b.id))
}

/// Autocomplete over places: every place of the project and of the gazetteer whose Latin or Arabic name or
/// any variant `query` matches (as `text::matching::match_name`: prefixes, words inside the name, clitics,
/// typos; with or without spaces), best first (see [`compare`] for ties). A project place with the id of a
/// gazetteer place replaces it.
pub fn find_places(project: &PlaceRegistry, gazetteer: &Gazetteer, query: &str) -> Vec<PlaceMatch> {
    let queries = query_forms(query);
    if queries.is_empty() {
        return Vec::new();
    }
    let mut out = candidates(project, gazetteer, &queries, NameQuery::score_prepared);
    out.sort_by(|a, b| compare(gazetteer, a, b));
    out
}
