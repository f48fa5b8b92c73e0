//! Built-in suggesters. They make ordinary suggestions under their own source names, reviewed like a
//! model's: `propagate` proposes the other occurrences of a mention a coder accepted or made, and
//! `registry` uses the actor registry's names and aliases as a gazetteer. Each coder's run writes that
//! coder's own source (`propagate-<coder>`, `registry-<coder>`), so that every suggestion file keeps one
//! writer and one coder's work does not leak into another's queue. Matching is the project search's
//! (normalized, clitic-aware, typo-tolerant); a match's score says how it matched.

use crate::model::{
    Annotator, DocId, EntityTypeId, ProjectEdit, SourceInfo, SourceName, Span, SuggestedLabel, Suggestion,
    SuggestionId, SuggestionSet,
};
use crate::store::{Project, StoreError, now_rfc3339};
use crate::text::matching::TextQuery;
use std::collections::BTreeMap;

/// The source name of propagated suggestions.
pub const PROPAGATE: &str = "propagate";
/// The source name of the registry gazetteer's suggestions.
pub const REGISTRY: &str = "registry";
/// The source name of the coder's learner's suggestions (`workflow::learner`).
pub const LEARNER: &str = "learner";
/// The entity type the registry's matches are proposed as.
pub const ACTOR: &str = "ACTOR";

/// Adds `found` (span, label, score) as pending suggestions of `source` in `doc`, leaving out what the
/// source already proposed there (whatever its review, so a rejected suggestion is not proposed again) and
/// what the coder already marked with that type. `None` when nothing is new.
fn merge(
    project: &Project,
    doc: &DocId,
    source: &SourceName,
    found: Vec<(Span, SuggestedLabel, f64)>,
    model: &str,
) -> Option<(ProjectEdit, usize)> {
    let loaded = project.document(doc)?.loaded()?;
    let mine = loaded.layers.get(project.annotator());
    let marked = |span: Span, label: &SuggestedLabel| match label {
        SuggestedLabel::Entity(t) => {
            mine.is_some_and(|l| l.mentions.values().any(|m| m.span == span && &m.entity_type == t))
        }
        SuggestedLabel::Event(t) => {
            mine.is_some_and(|l| l.events.values().any(|e| e.trigger == span && &e.event_type == t))
        }
    };
    let mut set = loaded.suggestions.get(source).cloned().unwrap_or_else(|| SuggestionSet {
        source: SourceInfo {
            model: model.to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
            imported_at: now_rfc3339(),
        },
        suggestions: BTreeMap::new(),
    });
    let mut next = set.suggestions.keys().next_back().map_or(1, |id| id.0 + 1);
    let mut added = 0;
    for (span, label, score) in found {
        let known = set.suggestions.values().any(|s| s.span == span && s.label == label);
        if known || marked(span, &label) {
            continue;
        }
        let suggestion = Suggestion::new(span, label, Some(score));
        set.suggestions.insert(SuggestionId(next), suggestion);
        next += 1;
        added += 1;
    }
    (added > 0).then(|| (ProjectEdit::SetSuggestions(doc.clone(), source.clone(), Some(Box::new(set))), added))
}

/// The source a built-in suggester (`PROPAGATE`, `REGISTRY` or `LEARNER`) writes for `coder`: `<kind>-<coder>`, the
/// coder's name cut to fit a source name's length.
pub fn private_source(kind: &str, coder: &Annotator) -> SourceName {
    let mut name = format!("{kind}-{coder}");
    name.truncate(crate::model::MAX_SLUG_LEN);
    let name = name.trim_end_matches(['-', '_']);
    SourceName::parse(name).expect("a built-in kind and a coder's name make a valid slug")
}

/// Whether `coder` reviews suggestions of `source`: every source but another coder's built-in suggesters'.
pub fn visible_to(source: &SourceName, coder: &Annotator) -> bool {
    [PROPAGATE, REGISTRY, LEARNER].iter().all(|kind| {
        !source.as_str().strip_prefix(kind).is_some_and(|rest| rest.starts_with('-'))
            || *source == private_source(kind, coder)
    })
}

/// Suggests the other occurrences of `phrase` as mentions of `entity_type` in `docs` (loaded as needed;
/// broken ones skipped), except at the spans in `except` (the one just accepted, which is not marked yet). Returns one edit and how many suggestions it adds.
pub fn propagate(
    project: &Project,
    docs: &[DocId],
    phrase: &str,
    entity_type: &EntityTypeId,
    except: &[Span],
) -> Result<(ProjectEdit, usize), StoreError> {
    propagate_all(project, docs, &[(phrase, entity_type)], except)
}

/// [`propagate`] for several phrases at once (an accepted event's fillers), each with its entity type: one
/// suggestion set per document, so that the phrases' proposals do not overwrite each other.
pub fn propagate_all(
    project: &Project,
    docs: &[DocId],
    phrases: &[(&str, &EntityTypeId)],
    except: &[Span],
) -> Result<(ProjectEdit, usize), StoreError> {
    let source = private_source(PROPAGATE, project.annotator());
    let mut queries: Vec<(TextQuery, &EntityTypeId)> = phrases.iter().map(|(p, t)| (TextQuery::new(p), *t)).collect();
    let mut edits = Vec::new();
    let mut total = 0;
    for doc in docs {
        let Ok(loaded) = project.load_document(doc) else { continue };
        let mut found = Vec::new();
        for (query, entity_type) in &mut queries {
            found.extend(
                query
                    .find(loaded.text.as_str())
                    .into_iter()
                    .filter(|m| !except.contains(&m.span))
                    .map(|m| (m.span, SuggestedLabel::Entity((*entity_type).clone()), f64::from(m.score.value))),
            );
        }
        if let Some((edit, n)) = merge(project, doc, &source, found, "Tarmeez: other occurrences of coded mentions") {
            edits.push(edit);
            total += n;
        }
    }
    Ok((ProjectEdit::Batch(edits), total))
}

/// Suggests every match of an actor's name or alias in `docs` as an ACTOR mention (the best-scored match
/// where several overlap). Returns one edit and how many suggestions it adds.
pub fn registry(project: &Project, docs: &[DocId]) -> Result<(ProjectEdit, usize), StoreError> {
    let actor = EntityTypeId::new(ACTOR);
    if project.config().schema.entity_type(&actor).is_none() {
        return Err(StoreError::Rejected("the schema has no ACTOR type to propose registry matches as".into()));
    }
    let source = private_source(REGISTRY, project.annotator());
    let mut queries: Vec<TextQuery> = project
        .actors()
        .actors
        .values()
        .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
        .map(|name| TextQuery::new(name))
        .filter(|q| !q.is_empty())
        .collect();
    let mut edits = Vec::new();
    let mut total = 0;
    for doc in docs {
        let Ok(loaded) = project.load_document(doc) else { continue };
        let mut best: BTreeMap<Span, f64> = BTreeMap::new();
        for q in &mut queries {
            for m in q.find(loaded.text.as_str()) {
                let score = f64::from(m.score.value);
                let entry = best.entry(m.span).or_insert(score);
                *entry = entry.max(score);
            }
        }
        // Where a long alias and a short one both match ("كتائب حزب الله" and "حزب الله"), keep the longer.
        let spans: Vec<(Span, f64)> = best.into_iter().collect();
        let kept: Vec<(Span, SuggestedLabel, f64)> = spans
            .iter()
            .filter(|(s, _)| !spans.iter().any(|(o, _)| o != s && o.start <= s.start && s.end <= o.end))
            .map(|(s, score)| (*s, SuggestedLabel::Entity(actor.clone()), *score))
            .collect();
        if let Some((edit, n)) = merge(project, doc, &source, kept, "Tarmeez: actor registry gazetteer") {
            edits.push(edit);
            total += n;
        }
    }
    Ok((ProjectEdit::Batch(edits), total))
}
