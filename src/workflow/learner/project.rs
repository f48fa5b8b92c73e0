//! The learner and the project: which documents it learns from, a training round with its figures on
//! held-out documents, and its predictions as suggestions of the coder's private source `learner-<coder>`.
//!
//! A document counts as coded, and so as training data, when the coder marked it done, or when it is in
//! progress, the coder has decided at least one suggestion in it and none they see is still pending: the
//! review of that document is finished. Elsewhere an unmarked word may just not be coded yet, and would teach
//! the learner that it is no mention.

use super::evaluate::{Prf, evaluate};
use super::gazetteer::Gazetteer;
use super::tagger::{Example, Learner, Predicted};
use crate::model::{
    Annotator, DocId, DocStatus, ProjectEdit, ReviewStatus, SourceInfo, SourceName, SuggestedLabel, Suggestion,
    SuggestionId, SuggestionSet,
};
use crate::store::{LoadedDoc, Project, now_rfc3339};
use crate::workflow::review::pending_count;
use crate::workflow::suggesters::{LEARNER, private_source};
use std::collections::BTreeMap;
use std::sync::Arc;

/// One document in five (by its id's hash) is held out of the figures' training, so that precision and recall
/// are measured on documents the learner did not see.
const HOLD_OUT_EVERY: u64 = 5;

/// The learner's source for `coder`: `learner-<coder>`, seen only by that coder.
pub fn learner_source(coder: &Annotator) -> SourceName {
    private_source(LEARNER, coder)
}

/// Whether `coder` has finished coding `loaded` (see the module documentation).
pub fn is_coded(loaded: &LoadedDoc, coder: &Annotator) -> bool {
    let Some(layer) = loaded.layers.get(coder) else { return false };
    match layer.status {
        DocStatus::Done => true,
        DocStatus::InProgress => !layer.reviews.is_empty() && pending_count(loaded, coder) == 0,
        DocStatus::New => false,
    }
}

/// The coder's coded documents as training examples (documents they never touched are not loaded).
pub fn examples(project: &Project, coder: &Annotator) -> Vec<(DocId, Example)> {
    let mut out = Vec::new();
    for (i, entry) in project.documents().iter().enumerate() {
        if project.summary(i).is_none_or(|s| s.status == DocStatus::New) && entry.loaded().is_none() {
            continue;
        }
        let Ok(loaded) = project.load_document(&entry.id) else { continue };
        if !is_coded(loaded, coder) {
            continue;
        }
        let layer = &loaded.layers[coder];
        let mentions = layer.mentions.values().map(|m| (m.span, m.entity_type.clone())).collect();
        out.push((entry.id.clone(), Example { text: loaded.text.clone(), mentions }));
    }
    out
}

/// The loaded documents the coder has not finished, which the learner makes suggestions for.
pub fn targets(project: &Project, coder: &Annotator) -> Vec<(DocId, Arc<crate::model::DocText>)> {
    project
        .documents()
        .iter()
        .filter_map(|e| e.loaded().map(|l| (e, l)))
        .filter(|(_, l)| !is_coded(l, coder))
        .map(|(e, l)| (e.id.clone(), l.text.clone()))
        .collect()
}

/// Whether `doc` is one of the documents held out for the figures.
pub fn held_out(doc: &DocId) -> bool {
    let h =
        doc.as_str().bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    h % HOLD_OUT_EVERY == 0
}

/// What a training round measured.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RoundFigures {
    /// Documents it trained on.
    pub documents: usize,
    /// Their tokens.
    pub tokens: usize,
    /// Documents held out for the figures.
    pub held_out_documents: usize,
    /// Precision and recall on the held-out documents of a learner trained without them; `None` when none
    /// were held out (too few coded documents, or none of them drew the hold-out).
    pub held_out: Option<Prf>,
}

/// A trained learner and its figures.
#[derive(Clone, Debug)]
pub struct Round {
    /// Trained on every coded document.
    pub learner: Learner,
    /// What the round measured.
    pub figures: RoundFigures,
}

/// Trains a learner on every example and, first, one without the held-out documents to measure it on them.
pub fn train_round(examples: &[(DocId, Example)], gazetteer: &Gazetteer) -> Round {
    let (test, train): (Vec<_>, Vec<_>) = examples.iter().partition(|(d, _)| held_out(d));
    let held_out = (!test.is_empty() && !train.is_empty()).then(|| {
        let train: Vec<Example> = train.iter().map(|(_, e)| e.clone()).collect();
        let test: Vec<Example> = test.iter().map(|(_, e)| e.clone()).collect();
        evaluate(&Learner::train(&train, gazetteer.clone()), &test)
    });
    let all: Vec<Example> = examples.iter().map(|(_, e)| e.clone()).collect();
    let learner = Learner::train(&all, gazetteer.clone());
    let figures = RoundFigures {
        documents: examples.len(),
        tokens: learner.trained_tokens(),
        held_out_documents: if held_out.is_some() { test.len() } else { 0 },
        held_out,
    };
    Round { learner, figures }
}

/// The edit that makes `predicted` the learner's suggestions in `doc` for the project's coder, and how many
/// are new. Suggestions the coder decided stay as they are; pending ones the learner still predicts get the
/// new confidence, the others go; a prediction is left out when the coder already has that mention or
/// rejected that span and type from any source. `None` when nothing changes.
pub fn suggestion_edit(project: &Project, doc: &DocId, predicted: &[Predicted]) -> Option<(ProjectEdit, usize)> {
    let loaded = project.document(doc)?.loaded()?;
    let coder = project.annotator();
    let source = learner_source(coder);
    let layer = loaded.layers.get(coder);
    let decided = |src: &SourceName, id: SuggestionId| layer.and_then(|l| l.decision(src, id)).is_some();
    let rejected = |s: &Suggestion| {
        loaded.suggestions.iter().any(|(src, set)| {
            set.suggestions.iter().any(|(id, o)| {
                o.span == s.span
                    && o.label == s.label
                    && layer.is_some_and(|l| l.review_status(src, *id) == ReviewStatus::Rejected)
            })
        })
    };
    let marked = |s: &Suggestion| {
        layer.is_some_and(|l| {
            l.mentions.values().any(|m| SuggestedLabel::Entity(m.entity_type.clone()) == s.label && m.span == s.span)
        })
    };
    let old = loaded.suggestions.get(&source);
    let mut kept: BTreeMap<SuggestionId, Suggestion> = BTreeMap::new();
    let mut added = 0;
    let mut next = old.and_then(|o| o.suggestions.keys().next_back()).map_or(1, |id| id.0 + 1);
    let fresh: Vec<Suggestion> = predicted
        .iter()
        .map(|p| Suggestion::new(p.span, SuggestedLabel::Entity(p.entity_type.clone()), Some(p.confidence)))
        .collect();
    for (id, s) in old.iter().flat_map(|o| &o.suggestions) {
        if decided(&source, *id) {
            kept.insert(*id, s.clone());
        } else if let Some(f) = fresh.iter().find(|f| f.span == s.span && f.label == s.label) {
            kept.insert(*id, f.clone());
        }
    }
    for f in fresh {
        if kept.values().any(|k| k.span == f.span && k.label == f.label) || marked(&f) || rejected(&f) {
            continue;
        }
        kept.insert(SuggestionId(next), f);
        next += 1;
        added += 1;
    }
    if old.map(|o| &o.suggestions) == Some(&kept) || (old.is_none() && kept.is_empty()) {
        return None;
    }
    let set = SuggestionSet {
        source: SourceInfo {
            model: "Tarmeez: the coder's learner (averaged perceptron)".to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            imported_at: now_rfc3339(),
        },
        suggestions: kept,
    };
    Some((ProjectEdit::SetSuggestions(doc.clone(), source, Some(Box::new(set))), added))
}
