//! Built-in suggesters. They make ordinary suggestions under their own source names, reviewed like a
//! model's: `propagate` proposes the other occurrences of a mention a coder accepted or made, and
//! `registry` uses the actor registry's names and aliases, and the place registry's and the shipped
//! gazetteer's place names, as a gazetteer. Each coder's run writes that coder's own source
//! (`propagate-<coder>`, `registry-<coder>`), so that every suggestion file keeps one writer and one coder's
//! work does not leak into another's queue. Matching is the project search's
//! (normalized, clitic-aware, typo-tolerant); a match's score says how it matched.

use crate::model::{
    Annotator, DocId, EntityTypeId, ProjectEdit, SourceInfo, SourceName, Span, SuggestedLabel, Suggestion,
    SuggestionId, SuggestionSet,
};
use crate::store::{Project, StoreError, now_rfc3339};
use crate::text::matching::{PreparedText, TextMatch, TextQuery};
use crate::workflow::places;
use std::collections::BTreeMap;

/// The source name of propagated suggestions.
pub const PROPAGATE: &str = "propagate";
/// The source name of the registry gazetteer's suggestions.
pub const REGISTRY: &str = "registry";
/// The source name of the coder's learner's suggestions (`workflow::learner`).
pub const LEARNER: &str = "learner";
/// The entity type the registry's actor matches are proposed as.
pub const ACTOR: &str = "ACTOR";
/// The entity type the registry's place matches are proposed as.
pub const LOCATION: &str = places::LOCATION;

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

/// Suggests every match of an actor's name or alias in `docs` as an ACTOR mention, and every match of a
/// place's name as a LOCATION mention (the project's places, and the gazetteer's countries, administrative
/// units and towns: `workflow::places::place_queries` says which and why), each type where the schema has
/// it; the best-scored match where several overlap. Returns one edit and how many suggestions it adds.
pub fn registry(project: &Project, docs: &[DocId]) -> Result<(ProjectEdit, usize), StoreError> {
    let actor = EntityTypeId::new(ACTOR);
    let location = EntityTypeId::new(LOCATION);
    let has = |t: &EntityTypeId| project.config().schema.entity_type(t).is_some();
    if !has(&actor) && !has(&location) {
        return Err(StoreError::Rejected(
            "the schema has neither an ACTOR nor a LOCATION type to propose registry matches as".into(),
        ));
    }
    let source = private_source(REGISTRY, project.annotator());
    let mut actor_queries: Vec<TextQuery> = project
        .actors()
        .actors
        .values()
        .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
        .map(|name| TextQuery::new(name))
        .filter(|q| !q.is_empty() && has(&actor))
        .collect();
    let mut place_queries =
        if has(&location) { places::place_queries(project.places(), places::Gazetteer::builtin()) } else { Vec::new() };
    let mut edits = Vec::new();
    let mut total = 0;
    for doc in docs {
        let Ok(loaded) = project.load_document(doc) else { continue };
        let text = PreparedText::new(loaded.text.as_str());
        let mut actors: BTreeMap<Span, f64> = BTreeMap::new();
        for q in &mut actor_queries {
            keep_best(&mut actors, q.find_prepared(&text).into_iter());
        }
        let mut locations: BTreeMap<Span, f64> = BTreeMap::new();
        let stems = places::text_stems(loaded.text.as_str());
        for pq in place_queries.iter_mut().filter(|pq| pq.may_match(&stems)) {
            let found = pq.query.find_prepared(&text);
            let covered = |m: &TextMatch| loaded.text.slice(m.span).unwrap_or_default().to_owned();
            keep_best(&mut locations, found.into_iter().filter(|m| pq.accepts(m, &covered(m))));
        }
        let mut kept = longest(actors, &actor);
        kept.extend(longest(locations, &location));
        if let Some((edit, n)) = merge(project, doc, &source, kept, "Tarmeez: actor and place registry gazetteer") {
            edits.push(edit);
            total += n;
        }
    }
    Ok((ProjectEdit::Batch(edits), total))
}

/// Adds matches to `best`, keeping each span's best score.
fn keep_best(best: &mut BTreeMap<Span, f64>, found: impl Iterator<Item = TextMatch>) {
    for m in found {
        let score = f64::from(m.score.value);
        let entry = best.entry(m.span).or_insert(score);
        *entry = entry.max(score);
    }
}

/// The spans that no other span contains, as suggestions of `label`: where a long name and a short one both
/// match ("كتائب حزب الله" and "حزب الله", "ريف دمشق" and "دمشق"), the longer is kept.
fn longest(best: BTreeMap<Span, f64>, label: &EntityTypeId) -> Vec<(Span, SuggestedLabel, f64)> {
    let spans: Vec<(Span, f64)> = best.into_iter().collect();
    spans
        .iter()
        .filter(|(s, _)| !spans.iter().any(|(o, _)| o != s && o.start <= s.start && s.end <= o.end))
        .map(|(s, score)| (*s, SuggestedLabel::Entity(label.clone()), *score))
        .collect()
}
