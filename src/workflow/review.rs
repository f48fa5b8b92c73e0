//! Reviewing machine suggestions as project edits: accept (as suggested, as another type, or with other
//! boundaries: "edited"), reject, and accept in bulk. Suggestion files are shared, read-only input; every
//! decision is an edit of the reviewer's own layer: the annotation made (which remembers where it came from)
//! and the decision (what, when, what it became). Each coder therefore has their own queue, and each action
//! is one edit, so undo takes back both the annotation and the decision.

use super::suggesters;
use crate::model::{
    Annotator, CreatedAnnotation, Decision, DocId, DocStatus, Edit, EntityTypeId, Event, Layer, Mention, ProjectEdit,
    Provenance, ReviewStatus, SourceName, Span, SuggestedLabel, SuggestedRole, Suggestion, SuggestionId,
};

// Issue 18: an event suggestion's role fillers, accepted with it.
mod accept_roles;
use crate::store::{LoadedDoc, Project, StoreError, now_rfc3339};

/// Which pending suggestions a bulk action takes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SuggestionFilter {
    /// Only this label (entity or event type); all when `None`.
    pub label: Option<SuggestedLabel>,
    /// Only suggestions scored at least this; suggestions without a score count as 0.
    pub min_score: Option<f64>,
    /// Only suggestions scored at most this.
    pub max_score: Option<f64>,
}

impl SuggestionFilter {
    /// Whether `s` passes the filter (whatever its status).
    pub fn matches(&self, s: &Suggestion) -> bool {
        let score = s.score.unwrap_or(0.0);
        self.label.as_ref().is_none_or(|l| *l == s.label)
            && self.min_score.is_none_or(|m| score >= m)
            && self.max_score.is_none_or(|m| score <= m)
    }
}

fn missing(what: String) -> StoreError {
    StoreError::Rejected(what)
}

/// The loaded document and the suggestion, or why not.
fn find<'a>(
    project: &'a Project,
    doc: &DocId,
    source: &SourceName,
    id: SuggestionId,
) -> Result<(&'a LoadedDoc, &'a Suggestion), StoreError> {
    let loaded = project
        .document(doc)
        .and_then(|d| d.loaded())
        .ok_or_else(|| missing(format!("document `{doc}` is not loaded")))?;
    let s = loaded
        .suggestions
        .get(source)
        .and_then(|set| set.suggestions.get(&id))
        .ok_or_else(|| missing(format!("there is no suggestion {id} from {source}")))?;
    Ok((loaded, s))
}

/// Makes the annotation a suggestion becomes in `layer` (a scratch copy of the reviewer's layer, updated
/// here so that a batch numbers its annotations in turn): the edits that create it, none when the reviewer
/// already has the same annotation, which the suggestion is then linked to. An event's role fillers
/// (`roles`) become mentions and arguments (`super::accept_roles`).
fn annotate(
    layer: &mut Layer,
    schema: &crate::model::Schema,
    label: &SuggestedLabel,
    span: Span,
    roles: &[SuggestedRole],
    provenance: Provenance,
) -> Result<(Vec<Edit>, CreatedAnnotation), StoreError> {
    match label {
        SuggestedLabel::Entity(t) => {
            if schema.entity_type(t).is_none() {
                return Err(missing(format!("the schema has no entity type {t}")));
            }
            if let Some((mid, _)) = layer.mentions.iter().find(|(_, m)| m.span == span && &m.entity_type == t) {
                return Ok((Vec::new(), CreatedAnnotation::Mention(*mid)));
            }
            let mid = layer.next_mention_id();
            let mut mention = Mention::new(span, t.clone());
            mention.provenance = Some(provenance);
            let edit = Edit::PutMention(mid, Some(mention));
            edit.clone().apply(layer);
            Ok((vec![edit], CreatedAnnotation::Mention(mid)))
        }
        SuggestedLabel::Event(t) => {
            let Some(def) = schema.event_type(t) else {
                return Err(missing(format!("the schema has no event type {t}")));
            };
            accept_roles::check(def, roles)?;
            let mut edits = accept_roles::fillers(layer, roles, &provenance);
            let found = layer.events.iter().find(|(_, e)| e.trigger == span && &e.event_type == t);
            let (eid, mut event, made) = match found {
                Some((eid, e)) => (*eid, e.clone(), false),
                None => (
                    layer.next_event_id(),
                    Event {
                        evidence: Default::default(),
                        uid: None,
                        event_type: t.clone(),
                        trigger: span,
                        arguments: Vec::new(),
                        attributes: Default::default(),
                        note: String::new(),
                        provenance: Some(provenance),
                        curation: None,
                    },
                    true,
                ),
            };
            let added = accept_roles::arguments(layer, def, &mut event, roles);
            if made || added {
                let edit = Edit::PutEvent(eid, Some(event));
                edit.clone().apply(layer);
                edits.push(edit);
            }
            Ok((edits, CreatedAnnotation::Event(eid)))
        }
    }
}

/// The edit recording this coder's decision on a suggestion.
fn decided(
    source: &SourceName,
    id: SuggestionId,
    status: ReviewStatus,
    at: String,
    created: Option<CreatedAnnotation>,
) -> Edit {
    Edit::PutDecision(source.clone(), id, Some(Decision { status, at, created }))
}

/// The layer edits of a batch, with the document set in progress if this is the coder's first change to it.
fn layer_batch(doc: &DocId, status: DocStatus, mut edits: Vec<Edit>) -> Option<ProjectEdit> {
    if edits.is_empty() {
        return None;
    }
    if status == DocStatus::New {
        edits.push(Edit::SetStatus(DocStatus::InProgress));
    }
    Some(ProjectEdit::Layer(doc.clone(), Edit::Batch(edits)))
}

/// What the reviewer changed in a suggestion before accepting it; `None` (and [`Changes::default`]) keeps
/// the suggestion's own.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    /// Another label (entity or event type).
    pub label: Option<SuggestedLabel>,
    /// Other boundaries.
    pub span: Option<Span>,
    /// For an event: the role fillers to accept with it (some dropped, retyped or in another role). When
    /// `None` and the label changes to another event type, the fillers whose role and type it has are kept.
    pub roles: Option<Vec<SuggestedRole>>,
}

/// The edit that accepts suggestion `id` of `source` in `doc`: as its own label and span, or as `label` and
/// `span` when given and different (then it is recorded as edited). If the reviewer already has the same
/// annotation (same span and type), the suggestion is linked to it instead of making a duplicate. An event
/// suggestion's role fillers come with it ([`accept_edited`]).
pub fn accept(
    project: &Project,
    doc: &DocId,
    source: &SourceName,
    id: SuggestionId,
    label: Option<SuggestedLabel>,
    span: Option<Span>,
) -> Result<ProjectEdit, StoreError> {
    accept_edited(project, doc, source, id, &Changes { label, span, roles: None })
}

/// The edit that accepts suggestion `id` with the reviewer's `changes`, in one edit of their layer (one
/// undo): the annotation, and for an event each role filler's mention the reviewer lacks (an existing mention
/// of the same span and type is reused) and the event's arguments; everything made remembers the suggestion
/// (provenance). The decision is "edited" when the label, the span or the fillers (as a set) differ from the
/// suggestion's.
pub fn accept_edited(
    project: &Project,
    doc: &DocId,
    source: &SourceName,
    id: SuggestionId,
    changes: &Changes,
) -> Result<ProjectEdit, StoreError> {
    let (loaded, s) = find(project, doc, source, id)?;
    let label = changes.label.clone().unwrap_or_else(|| s.label.clone());
    let span = changes.span.unwrap_or(s.span);
    if span.is_empty() {
        return Err(missing("an empty span cannot be accepted".into()));
    }
    loaded.text.check_span(span).map_err(|e| missing(format!("the span cannot be accepted: {e}")))?;
    let schema = &project.config().schema;
    let roles = match &changes.roles {
        Some(roles) => roles.clone(),
        None => accept_roles::kept_for(schema, &label, &s.roles),
    };
    for r in &roles {
        loaded
            .text
            .check_span(r.span)
            .map_err(|e| missing(format!("the filler of {} cannot be accepted: {e}", r.role)))?;
    }
    let edited = label != s.label || span != s.span || !accept_roles::same(&roles, &s.roles);
    let me = project.annotator().clone();
    let mut layer = loaded.layers.get(&me).cloned().unwrap_or_default();
    let status = layer.status;
    let at = now_rfc3339();
    let provenance = Provenance {
        source: source.clone(),
        suggestion: id,
        score: s.score,
        reviewer: me.clone(),
        reviewed_at: at.clone(),
    };
    let (mut edits, created) = annotate(&mut layer, schema, &label, span, &roles, provenance)?;
    let verdict = if edited { ReviewStatus::Edited } else { ReviewStatus::Accepted };
    edits.push(decided(source, id, verdict, at, Some(created)));
    Ok(layer_batch(doc, status, edits).expect("a decision is an edit"))
}

/// [`accept`], and when `propagate` is set and the suggestion becomes an entity mention, the accepted words'
/// other occurrences in `doc` proposed as `propagate` suggestions: one edit (a [`ProjectEdit::Batch`] when
/// anything is proposed), so that one undo takes back the acceptance and the proposals together.
///
/// Propagation is a convenience: when it finds nothing or fails, the acceptance alone is returned.
pub fn accept_and_propagate(
    project: &Project,
    doc: &DocId,
    source: &SourceName,
    id: SuggestionId,
    label: Option<SuggestedLabel>,
    span: Option<Span>,
    propagate: bool,
) -> Result<ProjectEdit, StoreError> {
    accept_edited_and_propagate(project, doc, source, id, &Changes { label, span, roles: None }, propagate)
}

/// [`accept_edited`], and when `propagate` is set, the other occurrences in `doc` of the mentions it makes
/// proposed as `propagate` suggestions: the accepted mention's words, or an accepted event's fillers' (its
/// trigger is not a mention and is not proposed). One edit, so that one undo takes back both.
pub fn accept_edited_and_propagate(
    project: &Project,
    doc: &DocId,
    source: &SourceName,
    id: SuggestionId,
    changes: &Changes,
    propagate: bool,
) -> Result<ProjectEdit, StoreError> {
    let accept = accept_edited(project, doc, source, id, changes)?;
    if !propagate {
        return Ok(accept);
    }
    // `accept` succeeded, so the document is loaded and the suggestion exists.
    let (loaded, s) = find(project, doc, source, id)?;
    let span = changes.span.unwrap_or(s.span);
    let mentions: Vec<(Span, EntityTypeId)> = match changes.label.clone().unwrap_or_else(|| s.label.clone()) {
        SuggestedLabel::Entity(t) => vec![(span, t)],
        label @ SuggestedLabel::Event(_) => {
            let roles = changes
                .roles
                .clone()
                .unwrap_or_else(|| accept_roles::kept_for(&project.config().schema, &label, &s.roles));
            roles.into_iter().map(|r| (r.span, r.entity_type)).collect()
        }
    };
    let phrases: Vec<(&str, &EntityTypeId)> =
        mentions.iter().filter_map(|(span, t)| Some((loaded.text.slice(*span)?, t))).collect();
    let except: Vec<Span> = mentions.iter().map(|(span, _)| *span).collect();
    match suggesters::propagate_all(project, std::slice::from_ref(doc), &phrases, &except) {
        Ok((more, n)) if n > 0 => Ok(ProjectEdit::Batch(vec![accept, more])),
        _ => Ok(accept),
    }
}

/// The edit that rejects suggestion `id` for this coder: the decision goes in their layer, and their queue
/// does not propose the suggestion again, even when a later import brings it again.
pub fn reject(
    project: &Project,
    doc: &DocId,
    source: &SourceName,
    id: SuggestionId,
) -> Result<ProjectEdit, StoreError> {
    let (loaded, _) = find(project, doc, source, id)?;
    let status = loaded.layers.get(project.annotator()).map_or(DocStatus::New, |l| l.status);
    let edit = decided(source, id, ReviewStatus::Rejected, now_rfc3339(), None);
    Ok(layer_batch(doc, status, vec![edit]).expect("a decision is an edit"))
}

/// Where suggestion `id` of `source` in `loaded` stands for `coder`.
pub fn status_for(loaded: &LoadedDoc, coder: &Annotator, source: &SourceName, id: SuggestionId) -> ReviewStatus {
    loaded.layers.get(coder).map_or(ReviewStatus::Pending, |l| l.review_status(source, id))
}

/// The suggestions of `doc` (all sources) that `coder` has not decided yet and that pass `filter`, by
/// position. Another coder's private suggestions (their propagations) are not in it.
pub fn pending(
    loaded: &LoadedDoc,
    coder: &Annotator,
    filter: &SuggestionFilter,
) -> Vec<(SourceName, SuggestionId, Suggestion)> {
    let mut out: Vec<_> = undecided(loaded, coder)
        .filter(|(_, _, s)| filter.matches(s))
        .map(|(src, id, s)| (src.clone(), id, s.clone()))
        .collect();
    out.sort_by_key(|(src, id, s)| (s.span.start, s.span.end, src.clone(), *id));
    out
}

/// How many suggestions of `doc` `coder` has not decided yet (what [`pending`] lists without a filter),
/// counted without copying them: the toolbar shows it every frame.
pub fn pending_count(loaded: &LoadedDoc, coder: &Annotator) -> usize {
    undecided(loaded, coder).count()
}

/// The suggestions `coder` sees and has not decided.
fn undecided<'a>(
    loaded: &'a LoadedDoc,
    coder: &'a Annotator,
) -> impl Iterator<Item = (&'a SourceName, SuggestionId, &'a Suggestion)> {
    let layer = loaded.layers.get(coder);
    loaded
        .suggestions
        .iter()
        .filter(|(src, _)| suggesters::visible_to(src, coder))
        .flat_map(|(src, set)| set.suggestions.iter().map(move |(id, s)| (src, *id, s)))
        .filter(move |(src, id, _)| layer.is_none_or(|l| l.decision(src, *id).is_none()))
}

/// One edit accepting every pending suggestion that passes `filter`, in `docs` (loaded first). Each is
/// accepted as suggested; suggestions whose annotation would duplicate one made earlier in the same batch
/// are linked to it. Returns the edit and how many suggestions it accepts.
pub fn accept_all(
    project: &Project,
    docs: &[DocId],
    filter: &SuggestionFilter,
) -> Result<(ProjectEdit, usize), StoreError> {
    let mut edits = Vec::new();
    let mut count = 0;
    for doc in docs {
        if project.load_document(doc).is_err() {
            continue; // a broken document is listed in the problems; the others are reviewed
        }
        let Some(loaded) = project.document(doc).and_then(|d| d.loaded()) else { continue };
        let me = project.annotator().clone();
        let todo = pending(loaded, &me, filter);
        if todo.is_empty() {
            continue;
        }
        // Accept against a scratch copy of the reviewer's layer, so that ids do not collide and duplicates
        // within the batch are linked.
        let mut layer = loaded.layers.get(&me).cloned().unwrap_or_default();
        let status = layer.status;
        let mut doc_edits = Vec::new();
        for (source, id, s) in todo {
            let at = now_rfc3339();
            let provenance = Provenance {
                source: source.clone(),
                suggestion: id,
                score: s.score,
                reviewer: me.clone(),
                reviewed_at: at.clone(),
            };
            // A label or role the schema lacks (it changed since the import) is left pending for the coder to
            // decide; an event comes with its fillers, as one accepted alone would.
            let schema = &project.config().schema;
            let Ok((edit, created)) = annotate(&mut layer, schema, &s.label, s.span, &s.roles, provenance) else {
                continue;
            };
            doc_edits.extend(edit);
            doc_edits.push(decided(&source, id, ReviewStatus::Accepted, at, Some(created)));
            count += 1;
        }
        edits.extend(layer_batch(doc, status, doc_edits));
    }
    Ok((ProjectEdit::Batch(edits), count))
}

/// `edit` of `doc`'s layer made whole: a suggestion this coder accepted whose annotation the edit deletes goes
/// back to their queue (their decision removed), in the same change, so that one undo brings back both.
pub fn reopening_suggestions(project: &Project, doc: &DocId, edit: Edit) -> ProjectEdit {
    let mut removed = Vec::new();
    deleted_annotations(&edit, &mut removed);
    let mine = project.document(doc).and_then(|d| d.loaded()).and_then(|l| l.layers.get(project.annotator()));
    let mut reopened = Vec::new();
    for (source, decisions) in mine.iter().flat_map(|l| &l.reviews) {
        for (id, d) in &decisions.0 {
            if d.status != ReviewStatus::Rejected && d.created.is_some_and(|c| removed.contains(&c)) {
                reopened.push(Edit::PutDecision(source.clone(), *id, None));
            }
        }
    }
    if reopened.is_empty() {
        return ProjectEdit::Layer(doc.clone(), edit);
    }
    let mut edits = vec![edit];
    edits.extend(reopened);
    ProjectEdit::Layer(doc.clone(), Edit::Batch(edits))
}

/// The annotations `edit` leaves deleted (a later put of the same id in a batch brings it back).
fn deleted_annotations(edit: &Edit, out: &mut Vec<CreatedAnnotation>) {
    let mut note = |annotation: CreatedAnnotation, deleted: bool| {
        out.retain(|a| *a != annotation);
        if deleted {
            out.push(annotation);
        }
    };
    match edit {
        Edit::PutMention(id, value) => note(CreatedAnnotation::Mention(*id), value.is_none()),
        Edit::PutEvent(id, value) => note(CreatedAnnotation::Event(*id), value.is_none()),
        Edit::Batch(edits) => {
            for e in edits {
                deleted_annotations(e, out);
            }
        }
        Edit::PutRelation(..)
        | Edit::PutMentionRelation(..)
        | Edit::SetStatus(_)
        | Edit::PutDecision(..)
        | Edit::PutRejection(..) => {}
    }
}
