//! Merging a suggestion file that another writer wrote since this one read it (DESIGN.md section 11).
//!
//! Suggestion files are shared input: imports and the built-in suggesters only add suggestions under new ids,
//! and nobody's review changes them (decisions live in each coder's layer). So two versions of a file combine
//! without asking anyone: the union of the ids. The same id holding two different suggestions is a real
//! conflict: the caller refuses to save and leaves the other version on disk.

use crate::model::SuggestionSet;

/// `mine` (this session's set) combined with `theirs` (on disk now), or `None` when they conflict.
pub fn merge_suggestions(mine: &SuggestionSet, theirs: &SuggestionSet) -> Option<SuggestionSet> {
    let mut merged = theirs.clone();
    // The provenance of the later import describes the newest suggestions.
    if mine.source.imported_at > theirs.source.imported_at {
        merged.source = mine.source.clone();
    }
    for (id, ours) in &mine.suggestions {
        match merged.suggestions.get(id) {
            None => {
                merged.suggestions.insert(*id, ours.clone());
            }
            Some(other) if other == ours => {}
            Some(_) => return None,
        }
    }
    Some(merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn suggestion(start: usize) -> Suggestion {
        Suggestion {
            span: Span::new(start, start + 4),
            label: SuggestedLabel::Entity(EntityTypeId::new("LOCATION")),
            score: Some(0.9),
            roles: Vec::new(),
        }
    }

    fn set(at: &str, items: &[(u32, Suggestion)]) -> SuggestionSet {
        let info = SourceInfo { model: "m".into(), version: String::new(), imported_at: at.into() };
        SuggestionSet { source: info, suggestions: items.iter().map(|(i, s)| (SuggestionId(*i), s.clone())).collect() }
    }

    #[test]
    fn two_imports_under_different_ids_both_survive() {
        let read = [(1, suggestion(0)), (2, suggestion(10))];
        let mut mine = set("2026-01-01T00:00:00Z", &read);
        mine.suggestions.insert(SuggestionId(4), suggestion(30));
        let mut theirs = set("2026-02-01T00:00:00Z", &read);
        theirs.suggestions.insert(SuggestionId(3), suggestion(20));
        let merged = merge_suggestions(&mine, &theirs).unwrap();
        let ids: Vec<u32> = merged.suggestions.keys().map(|i| i.0).collect();
        assert_eq!(ids, [1, 2, 3, 4]);
        assert_eq!(merged.source.imported_at, "2026-02-01T00:00:00Z", "the later import's provenance");
    }

    #[test]
    fn the_same_id_for_different_suggestions_conflicts() {
        let mine = set("a", &[(1, suggestion(0))]);
        let theirs = set("a", &[(1, suggestion(5))]);
        assert!(merge_suggestions(&mine, &theirs).is_none(), "two imports minted the same id");
    }
}
