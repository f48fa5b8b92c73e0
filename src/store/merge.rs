//! Merging a suggestion file that another session wrote since this one read it (DESIGN.md section 11).
//!
//! Imports only add suggestions under new ids, and reviews only set the status of existing ones, so two
//! sessions' versions of a file combine without asking anyone: the union of the ids, a reviewed suggestion
//! over the same one still pending. Anything else (the same id holding different suggestions, or reviewed
//! differently) is a real conflict: the caller refuses to save and leaves the other version on disk.

use crate::model::{ReviewStatus, Suggestion, SuggestionSet};

/// `mine` (this session's set) combined with `theirs` (on disk now), or `None` when they conflict.
pub(crate) fn merge_suggestions(mine: &SuggestionSet, theirs: &SuggestionSet) -> Option<SuggestionSet> {
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
            Some(other) => {
                let kept = one_review(ours, other)?.clone();
                merged.suggestions.insert(*id, kept);
            }
        }
    }
    Some(merged)
}

/// Of two versions of one suggestion, the reviewed one when the other is the same suggestion still pending.
fn one_review<'a>(a: &'a Suggestion, b: &'a Suggestion) -> Option<&'a Suggestion> {
    let same = a.span == b.span && a.label == b.label && a.score == b.score;
    match (a.status, b.status) {
        _ if !same => None,
        (ReviewStatus::Pending, _) => Some(b),
        (_, ReviewStatus::Pending) => Some(a),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use std::collections::BTreeMap;

    fn suggestion(start: usize, status: ReviewStatus) -> Suggestion {
        Suggestion {
            span: Span::new(start, start + 4),
            label: SuggestedLabel::Entity(EntityTypeId::new("LOCATION")),
            score: Some(0.9),
            status,
            review: None,
        }
    }

    fn set(at: &str, items: &[(u32, Suggestion)]) -> SuggestionSet {
        let info = SourceInfo { model: "m".into(), version: String::new(), imported_at: at.into() };
        SuggestionSet { source: info, suggestions: items.iter().map(|(i, s)| (SuggestionId(*i), s.clone())).collect() }
    }

    #[test]
    fn a_review_here_and_an_import_there_both_survive() {
        let read = [(1, suggestion(0, ReviewStatus::Pending)), (2, suggestion(10, ReviewStatus::Pending))];
        let mut mine = set("2026-01-01T00:00:00Z", &read);
        mine.suggestions.insert(SuggestionId(2), suggestion(10, ReviewStatus::Rejected));
        let mut theirs = set("2026-02-01T00:00:00Z", &read);
        theirs.suggestions.insert(SuggestionId(3), suggestion(20, ReviewStatus::Pending));
        let merged = merge_suggestions(&mine, &theirs).unwrap();
        let statuses: BTreeMap<u32, ReviewStatus> = merged.suggestions.iter().map(|(i, s)| (i.0, s.status)).collect();
        assert_eq!(
            statuses,
            BTreeMap::from([(1, ReviewStatus::Pending), (2, ReviewStatus::Rejected), (3, ReviewStatus::Pending)])
        );
        assert_eq!(merged.source.imported_at, "2026-02-01T00:00:00Z", "the later import's provenance");
    }

    #[test]
    fn the_same_id_for_different_suggestions_or_two_reviews_conflict() {
        let mine = set("a", &[(1, suggestion(0, ReviewStatus::Pending))]);
        let theirs = set("a", &[(1, suggestion(5, ReviewStatus::Pending))]);
        assert!(merge_suggestions(&mine, &theirs).is_none(), "two imports minted the same id");
        let mine = set("a", &[(1, suggestion(0, ReviewStatus::Accepted))]);
        let theirs = set("a", &[(1, suggestion(0, ReviewStatus::Rejected))]);
        assert!(merge_suggestions(&mine, &theirs).is_none(), "reviewed differently: nobody's decision is dropped");
    }
}
