//! Reviewing suggestions on a copy of the sample: accept (as is, edited), reject, bulk accept, the built-in
//! suggesters and the review statistics; each action one undoable edit.

use crate::common;

use common::{SAMPLE_DOC, open_as, sample_copy};
use tarmeez::model::{
    Annotator, CreatedAnnotation, DocId, EntityTypeId, Layer, ReviewStatus, SourceName, Span, SuggestedLabel,
    Suggestion, SuggestionId,
};
use tarmeez::store::Project;
use tarmeez::workflow::review::{SuggestionFilter, accept, accept_all, reject};
use tarmeez::workflow::review_stats::{Reviewers, review_stats};
use tarmeez::workflow::suggesters::{propagate, registry};

fn doc() -> DocId {
    DocId::parse(SAMPLE_DOC).unwrap()
}

fn camel() -> SourceName {
    SourceName::parse("camelbert-ner").unwrap()
}

fn suggestion(p: &Project, source: &SourceName, id: u32) -> Suggestion {
    p.document(&doc()).unwrap().loaded().unwrap().suggestions[source].suggestions[&SuggestionId(id)].clone()
}

/// Huda's decision on suggestion `id` of `source`: what it is for her.
fn status(p: &Project, source: &SourceName, id: u32) -> ReviewStatus {
    my_layer(p).review_status(source, SuggestionId(id))
}

fn my_layer(p: &Project) -> Layer {
    let loaded = p.document(&doc()).unwrap().loaded().unwrap();
    loaded.layers.get(&Annotator::parse("huda").unwrap()).cloned().unwrap_or_default()
}

fn opened() -> (tempfile::TempDir, Project) {
    let (tmp, dir) = sample_copy();
    let p = open_as(&dir, "huda");
    p.load_document(&doc()).unwrap();
    (tmp, p)
}

#[test]
fn accepting_makes_a_mention_that_remembers_its_suggestion_and_undo_takes_both_back() {
    let (_tmp, mut p) = opened();
    let s3 = suggestion(&p, &camel(), 3);
    assert_eq!(status(&p, &camel(), 3), ReviewStatus::Pending);
    p.apply_edit(accept(&p, &doc(), &camel(), SuggestionId(3), None, None).unwrap()).unwrap();
    let layer = my_layer(&p);
    let (mid, m) = layer.mentions.iter().next().unwrap();
    assert_eq!((m.span, m.entity_type.as_str()), (s3.span, "LOCATION"));
    let prov = m.provenance.as_ref().unwrap();
    assert_eq!((prov.source.as_str(), prov.suggestion, prov.score), ("camelbert-ner", SuggestionId(3), s3.score));
    assert_eq!(prov.reviewer.as_str(), "huda");
    let decision = layer.decision(&camel(), SuggestionId(3)).unwrap();
    assert_eq!(decision.status, ReviewStatus::Accepted);
    assert_eq!(decision.created, Some(CreatedAnnotation::Mention(*mid)));
    assert_eq!(suggestion(&p, &camel(), 3), s3, "the shared suggestion is not changed by a review");
    p.undo().unwrap();
    assert!(my_layer(&p).mentions.is_empty());
    assert_eq!(status(&p, &camel(), 3), ReviewStatus::Pending);
}

#[test]
fn accepting_with_other_boundaries_or_type_is_recorded_as_edited_and_rejecting_keeps_the_suggestion() {
    let (_tmp, mut p) = opened();
    let s3 = suggestion(&p, &camel(), 3);
    let shorter = Span::new(s3.span.start, s3.span.end - 1);
    p.apply_edit(accept(&p, &doc(), &camel(), SuggestionId(3), None, Some(shorter)).unwrap()).unwrap();
    assert_eq!(status(&p, &camel(), 3), ReviewStatus::Edited);
    assert_eq!(my_layer(&p).mentions.values().next().unwrap().span, shorter);
    let as_actor = SuggestedLabel::Entity(EntityTypeId::new("ACTOR"));
    p.apply_edit(accept(&p, &doc(), &camel(), SuggestionId(4), Some(as_actor), None).unwrap()).unwrap();
    assert_eq!(status(&p, &camel(), 4), ReviewStatus::Edited);
    p.apply_edit(reject(&p, &doc(), &camel(), SuggestionId(5)).unwrap()).unwrap();
    assert_eq!(status(&p, &camel(), 5), ReviewStatus::Rejected);
    assert!(
        p.document(&doc()).unwrap().loaded().unwrap().suggestions[&camel()].suggestions.contains_key(&SuggestionId(5))
    );
    // A span inside a letter cannot be accepted; nothing changes.
    let text = p.document(&doc()).unwrap().loaded().unwrap().text.clone();
    let inside = (1..text.len_chars()).find(|&i| !text.is_grapheme_boundary(i)).unwrap();
    let err = accept(&p, &doc(), &camel(), SuggestionId(6), None, Some(Span::new(inside, inside + 3)));
    assert!(err.is_err());
}

#[test]
fn bulk_accept_above_a_score_is_one_undoable_edit() {
    let (_tmp, mut p) = opened();
    let filter = SuggestionFilter { min_score: Some(0.9), ..Default::default() };
    let loaded = p.document(&doc()).unwrap().loaded().unwrap();
    let expected = tarmeez::workflow::review::pending(loaded, p.annotator(), &filter).len();
    assert!(expected >= 3, "the sample has several pending suggestions above 0.9: {expected}");
    let (edit, n) = accept_all(&p, &[doc()], &filter).unwrap();
    assert_eq!(n, expected);
    p.apply_edit(edit).unwrap();
    assert_eq!(my_layer(&p).mentions.len(), expected);
    let loaded = p.document(&doc()).unwrap().loaded().unwrap();
    assert!(tarmeez::workflow::review::pending(loaded, p.annotator(), &filter).is_empty());
    p.undo().unwrap();
    assert!(my_layer(&p).mentions.is_empty());
    let loaded = p.document(&doc()).unwrap().loaded().unwrap();
    assert_eq!(tarmeez::workflow::review::pending(loaded, p.annotator(), &filter).len(), expected);
}

#[test]
fn propagation_proposes_other_occurrences_clitics_included_and_not_what_is_marked() {
    let (_tmp, mut p) = opened();
    let (edit, n) = propagate(&p, &[doc()], "الميادين", &EntityTypeId::new("LOCATION"), &[]).unwrap();
    // Eight occurrences, "والميادين" among them (the span leaves the و out).
    assert_eq!(n, 8);
    p.apply_edit(edit).unwrap();
    let text = p.document(&doc()).unwrap().loaded().unwrap().text.clone();
    let source = SourceName::parse("propagate-huda").unwrap();
    let set = p.document(&doc()).unwrap().loaded().unwrap().suggestions[&source].clone();
    assert!(set.suggestions.values().all(|s| text.slice(s.span) == Some("الميادين")));
    // Run again: nothing new.
    let (_, again) = propagate(&p, &[doc()], "الميادين", &EntityTypeId::new("LOCATION"), &[]).unwrap();
    assert_eq!(again, 0);
}

#[test]
fn the_registry_gazetteer_finds_aliases_and_does_not_propose_a_rejected_match_again() {
    let (_tmp, mut p) = opened();
    let (edit, n) = registry(&p, &[doc()]).unwrap();
    assert!(n > 5, "{n}");
    p.apply_edit(edit).unwrap();
    let source = SourceName::parse("registry-huda").unwrap();
    let text = p.document(&doc()).unwrap().loaded().unwrap().text.clone();
    let set = p.document(&doc()).unwrap().loaded().unwrap().suggestions[&source].clone();
    let found: Vec<&str> = set.suggestions.values().filter_map(|s| text.slice(s.span)).collect();
    assert!(found.contains(&"مليشيا أبو الفضل العباس"), "{found:?}");
    // The article's misspelling "حقل العمل" is found through the alias "حقل العمر".
    assert!(found.contains(&"حقل العمل"), "{found:?}");
    let (id, _) = set.suggestions.iter().find(|(_, s)| text.slice(s.span) == Some("حقل العمل")).unwrap();
    p.apply_edit(reject(&p, &doc(), &source, *id).unwrap()).unwrap();
    let (_, again) = registry(&p, &[doc()]).unwrap();
    assert_eq!(again, 0, "a rejected match is not proposed again");
}

#[test]
fn review_statistics_give_precision_per_score_threshold() {
    let (_tmp, mut p) = opened();
    // The sample's camelbert set has one accepted (0.97) and one rejected suggestion.
    let before = review_stats(&p, &Reviewers::Everyone)[&camel()].clone();
    p.apply_edit(accept(&p, &doc(), &camel(), SuggestionId(3), None, None).unwrap()).unwrap();
    p.apply_edit(reject(&p, &doc(), &camel(), SuggestionId(2)).unwrap()).unwrap();
    let after = review_stats(&p, &Reviewers::Everyone)[&camel()].clone();
    assert_eq!(after.accepted, before.accepted + 1);
    assert_eq!(after.rejected, before.rejected + 1);
    assert_eq!(after.pending, before.pending - 2);
    let at = |t: f64| after.curve.iter().find(|c| (c.threshold - t).abs() < 1e-9).cloned().unwrap();
    let all = at(0.0);
    assert_eq!(all.reviewed, after.accepted + after.edited + after.rejected);
    assert!((all.precision - after.accepted as f64 / all.reviewed as f64).abs() < 1e-9);
    // s2 (0.83) was rejected; above 0.9 only accepted suggestions remain.
    assert!(at(0.9).precision > all.precision);
}
