//! The review workflows without the GUI, on a copy of the sample project opened as its coder `sample`:
//! accepting with propagation and accepting in bulk are each one edit, and one undo puts every file back
//! byte for byte (layer and suggestion files), one redo gives the same files as the edit did.

use crate::common;

use common::{SAMPLE_DOC, files, open_as, sample_copy};
use std::collections::BTreeMap;
use std::path::PathBuf;
use tarmeez::model::{
    Annotator, DocId, EntityTypeId, Layer, ProjectEdit, ReviewStatus, SourceName, Span, SuggestedLabel, SuggestionId,
};
use tarmeez::store::Project;
use tarmeez::workflow::review::{SuggestionFilter, accept_all, accept_and_propagate};

fn doc() -> DocId {
    DocId::parse(SAMPLE_DOC).unwrap()
}

fn camel() -> SourceName {
    SourceName::parse("camelbert-ner").unwrap()
}

fn propagate_source() -> SourceName {
    SourceName::parse("propagate-sample").unwrap()
}

fn location() -> SuggestedLabel {
    SuggestedLabel::Entity(EntityTypeId::new("LOCATION"))
}

fn layer(p: &Project) -> Layer {
    p.load_document(&doc()).unwrap().layers[&Annotator::parse("sample").unwrap()].clone()
}

/// Where suggestion `id` stands for the project's coder.
fn status(p: &Project, source: &SourceName, id: u32) -> ReviewStatus {
    let loaded = p.load_document(&doc()).unwrap();
    assert!(loaded.suggestions[source].suggestions.contains_key(&SuggestionId(id)));
    tarmeez::workflow::review::status_for(loaded, p.annotator(), source, SuggestionId(id))
}

/// The ids of `source`'s suggestions still pending for the project's coder.
fn pending_ids(p: &Project, source: &SourceName) -> Vec<u32> {
    let loaded = p.load_document(&doc()).unwrap();
    let mine = tarmeez::workflow::review::pending(loaded, p.annotator(), &SuggestionFilter::default());
    let mut ids: Vec<u32> = mine.iter().filter(|(s, _, _)| s == source).map(|(_, id, _)| id.0).collect();
    ids.sort();
    ids
}

/// The mentions' spans and types, sorted.
fn mentions(layer: &Layer) -> Vec<(Span, String)> {
    let mut out: Vec<_> = layer.mentions.values().map(|m| (m.span, m.entity_type.to_string())).collect();
    out.sort();
    out
}

/// Saves and returns every file of the project.
fn saved(p: &mut Project, dir: &std::path::Path) -> BTreeMap<PathBuf, Vec<u8>> {
    p.save_dirty().unwrap();
    files(dir)
}

/// Undo puts every file back as it was before the edit, and redo as it was after.
fn assert_undo_redo(p: &mut Project, dir: &std::path::Path, before: &BTreeMap<PathBuf, Vec<u8>>) {
    let after = saved(p, dir);
    assert_ne!(&after, before, "the edit changed files");
    assert_eq!(p.undo().unwrap(), Some(vec![doc()]), "one undo takes back the whole edit");
    assert_eq!(&saved(p, dir), before, "after undo, the layer and suggestion files are the originals");
    assert!(!p.can_undo());
    assert_eq!(p.redo().unwrap(), Some(vec![doc()]));
    assert_eq!(saved(p, dir), after, "redo gives the same files as the edit");
}

#[test]
fn accepting_with_propagation_adds_the_other_occurrences_in_the_same_edit_and_one_undo_takes_all_back() {
    let (_tmp, dir) = sample_copy();
    let before = files(&dir);
    let mut p = open_as(&dir, "sample");
    let mentions_before = mentions(&layer(&p));
    // s3 is «مدينة البوكمال» (LOCATION, 521..535), which occurs twice more in the article.
    let edit = accept_and_propagate(&p, &doc(), &camel(), SuggestionId(3), None, None, true).unwrap();
    let ProjectEdit::Batch(parts) = &edit else { panic!("one batch: {edit:?}") };
    assert_eq!(parts.len(), 2, "the acceptance and the proposals, together");
    p.apply_edit(edit).unwrap();

    assert_eq!(status(&p, &camel(), 3), ReviewStatus::Accepted);
    let added: Vec<_> = mentions(&layer(&p)).into_iter().filter(|m| !mentions_before.contains(m)).collect();
    assert_eq!(added, [(Span::new(521, 535), "LOCATION".to_owned())]);
    let proposed = &p.load_document(&doc()).unwrap().suggestions[&propagate_source()];
    let spans: Vec<(Span, SuggestedLabel, ReviewStatus)> = proposed
        .suggestions
        .keys()
        .map(|id| {
            (
                proposed.suggestions[id].span,
                proposed.suggestions[id].label.clone(),
                status(&p, &propagate_source(), id.0),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            (Span::new(1553, 1567), location(), ReviewStatus::Pending),
            (Span::new(4628, 4642), location(), ReviewStatus::Pending),
        ]
    );
    assert_undo_redo(&mut p, &dir, &before);
    assert_eq!(pending_ids(&p, &propagate_source()).len(), 2, "redo proposes them again");
}

#[test]
fn accepting_without_propagation_or_as_an_event_proposes_nothing() {
    let (_tmp, dir) = sample_copy();
    let p = open_as(&dir, "sample");
    // The review workflows act on loaded documents (the app loads the shown one).
    p.load_document(&doc()).unwrap();
    let plain = accept_and_propagate(&p, &doc(), &camel(), SuggestionId(3), None, None, false).unwrap();
    let accept = tarmeez::workflow::review::accept(&p, &doc(), &camel(), SuggestionId(3), None, None).unwrap();
    assert_eq!(plain.documents(), accept.documents());
    assert!(!format!("{plain:?}").contains("propagate"));
    // s9 is an ATTACK event: only entity mentions are propagated.
    let event = accept_and_propagate(&p, &doc(), &camel(), SuggestionId(9), None, None, true).unwrap();
    assert!(!format!("{event:?}").contains("propagate"));
}

#[test]
fn bulk_accept_takes_exactly_the_filtered_suggestions_and_one_undo_takes_them_back() {
    let (_tmp, dir) = sample_copy();
    let before = files(&dir);
    let mut p = open_as(&dir, "sample");
    let mentions_before = mentions(&layer(&p));
    let all_pending = pending_ids(&p, &camel());
    assert_eq!(all_pending.len(), 19);
    // ACTOR at 0.9 or more: s12 (0.99), s16 (0.93), s17 (0.90), s19 (0.91); s14 (0.84) and s15 (0.66) stay.
    let actor = SuggestedLabel::Entity(EntityTypeId::new("ACTOR"));
    let filter = SuggestionFilter { label: Some(actor), min_score: Some(0.9), max_score: None };
    let (edit, n) = accept_all(&p, &[doc()], &filter).unwrap();
    assert_eq!(n, 4);
    p.apply_edit(edit).unwrap();

    for id in [12, 16, 17, 19] {
        assert_eq!(status(&p, &camel(), id), ReviewStatus::Accepted, "s{id}");
    }
    let still: Vec<u32> = all_pending.iter().copied().filter(|id| ![12, 16, 17, 19].contains(id)).collect();
    assert_eq!(pending_ids(&p, &camel()), still);
    assert!(still.contains(&14) && still.contains(&15));
    let added: Vec<_> = mentions(&layer(&p)).into_iter().filter(|m| !mentions_before.contains(m)).collect();
    let actor_at = |a, b| (Span::new(a, b), "ACTOR".to_owned());
    assert_eq!(added, [actor_at(3158, 3166), actor_at(4039, 4055), actor_at(4057, 4069), actor_at(4273, 4285)]);
    assert_eq!(layer(&p).mentions.len(), mentions_before.len() + 4);
    assert_undo_redo(&mut p, &dir, &before);
    assert_eq!(pending_ids(&p, &camel()), still);
}

/// The finding (issue 13): deleting a mention made by accepting a suggestion left the suggestion "Accepted",
/// pointing at nothing. The delete returns it to the coder's queue, and one undo takes both back.
#[test]
fn deleting_an_accepted_mention_returns_its_suggestion_to_the_queue() {
    let (_tmp, dir) = sample_copy();
    let mut session = tarmeez::ui::session::Session::new(open_as(&dir, "sample"));
    let id = pending_ids(session.project(), &camel())[0];
    let accept =
        tarmeez::workflow::review::accept(session.project(), &doc(), &camel(), SuggestionId(id), None, None).unwrap();
    assert!(session.project_edit(accept, &mut Vec::new()));
    assert_eq!(status(session.project(), &camel(), id), ReviewStatus::Accepted);
    let created = match layer(session.project()).decision(&camel(), SuggestionId(id)).unwrap().created {
        Some(tarmeez::model::CreatedAnnotation::Mention(m)) => m,
        other => panic!("accepting an entity suggestion makes a mention: {other:?}"),
    };
    let remove = tarmeez::model::Edit::remove_mention(&layer(session.project()), created);
    let mut out = Vec::new();
    assert!(session.edit(&doc(), remove, &mut out), "the delete was made");
    assert!(!layer(session.project()).mentions.contains_key(&created));
    assert_eq!(status(session.project(), &camel(), id), ReviewStatus::Pending, "back in the queue");
    assert!(layer(session.project()).decision(&camel(), SuggestionId(id)).is_none(), "the decision is gone");
    session.undo(false, &mut Vec::new());
    assert!(layer(session.project()).mentions.contains_key(&created), "one undo brings the mention back");
    assert_eq!(status(session.project(), &camel(), id), ReviewStatus::Accepted, "and the review");
}

/// Two coders reviewing the same suggestions (issue 13): each has their own queue and their own statistics,
/// and the pooled statistics count both; the shared suggestion file is never written by a review.
#[test]
fn two_coders_reviewing_the_same_suggestions_get_independent_queues_and_statistics() {
    use tarmeez::workflow::review::reject;
    use tarmeez::workflow::review_stats::{Reviewers, review_stats};
    let (_tmp, dir) = sample_copy();
    let shared = dir.join(format!("suggestions/{SAMPLE_DOC}/camelbert-ner.ron"));
    let file_before = std::fs::read(&shared).unwrap();
    let all: Vec<u32> = (1..=21).collect();

    let mut huda = open_as(&dir, "huda");
    assert_eq!(pending_ids(&huda, &camel()), all, "the sample coder's decisions are not huda's");
    let accept = tarmeez::workflow::review::accept(&huda, &doc(), &camel(), SuggestionId(3), None, None).unwrap();
    huda.apply_edit(accept).unwrap();
    huda.apply_edit(reject(&huda, &doc(), &camel(), SuggestionId(4)).unwrap()).unwrap();
    huda.save_dirty().unwrap();
    drop(huda);

    let mut layla = open_as(&dir, "layla");
    assert_eq!(pending_ids(&layla, &camel()), all, "huda's decisions are not layla's");
    let accept = tarmeez::workflow::review::accept(&layla, &doc(), &camel(), SuggestionId(4), None, None).unwrap();
    layla.apply_edit(accept).unwrap();
    layla.save_dirty().unwrap();
    let without = |ids: &[u32]| all.iter().copied().filter(|i| !ids.contains(i)).collect::<Vec<_>>();
    assert_eq!(pending_ids(&layla, &camel()), without(&[4]));
    let sample = open_as(&dir, "sample");
    assert_eq!(pending_ids(&sample, &camel()), without(&[1, 6]), "the sample coder's queue is as committed");

    let stats = |who: Reviewers| {
        let r = review_stats(&layla, &who)[&camel()].clone();
        (r.accepted, r.edited, r.rejected, r.pending)
    };
    let coder = |name: &str| Reviewers::Coder(Annotator::parse(name).unwrap());
    assert_eq!(stats(coder("huda")), (1, 0, 1, 19));
    assert_eq!(stats(coder("layla")), (1, 0, 0, 20));
    assert_eq!(stats(coder("sample")), (1, 0, 1, 19));
    // Pooled: every coder's decision counts; pending is what nobody has decided (s1, s3, s4, s6 are decided).
    assert_eq!(stats(Reviewers::Everyone), (3, 0, 2, 17));
    assert_eq!(std::fs::read(&shared).unwrap(), file_before, "no review wrote the shared suggestions");
}
