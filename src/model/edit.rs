//! Changes to a coder's layer as data: every edit, applied, returns its inverse, so that undo and redo cover
//! every change, bulk ones included (helix's transactions are the model).

use super::{
    Actor, ActorId, Decision, DocId, DocStatus, Event, EventId, Layer, Mention, MentionId, MentionRelation, Place,
    PlaceId, Rejection, Relation, RelationId, Schema, SourceConfig, SourceName, SuggestionId, SuggestionSet, UnitKey,
};

/// One change to one annotator's layer of one document.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Sets (`Some`) or removes (`None`) a mention.
    PutMention(MentionId, Option<Mention>),
    /// Sets or removes an event.
    PutEvent(EventId, Option<Event>),
    /// Sets or removes a relation between events.
    PutRelation(RelationId, Option<Relation>),
    /// Sets or removes a relation between mentions.
    PutMentionRelation(RelationId, Option<MentionRelation>),
    /// Sets the coder's progress on the document.
    SetStatus(DocStatus),
    /// Sets or removes the coder's decision on a suggestion.
    PutDecision(SourceName, SuggestionId, Option<Decision>),
    /// Sets or removes the curator's rejection of a disagreement unit (gold layer).
    PutRejection(UnitKey, Option<Rejection>),
    /// Several edits applied in order and undone as one.
    Batch(Vec<Edit>),
}

impl Edit {
    /// Applies the edit to `layer` and returns the edit that undoes it.
    pub fn apply(self, layer: &mut Layer) -> Edit {
        match self {
            Edit::PutMention(id, value) => Edit::PutMention(id, put(&mut layer.mentions, id, value)),
            Edit::PutEvent(id, value) => Edit::PutEvent(id, put(&mut layer.events, id, value)),
            Edit::PutRelation(id, value) => Edit::PutRelation(id, put(&mut layer.relations, id, value)),
            Edit::PutMentionRelation(id, value) => {
                Edit::PutMentionRelation(id, put(&mut layer.mention_relations, id, value))
            }
            Edit::SetStatus(status) => Edit::SetStatus(std::mem::replace(&mut layer.status, status)),
            Edit::PutDecision(source, id, value) => {
                let old = layer.put_decision(&source, id, value);
                Edit::PutDecision(source, id, old)
            }
            Edit::PutRejection(key, value) => Edit::PutRejection(key, put(&mut layer.rejected, key, value)),
            Edit::Batch(edits) => {
                let mut inverse: Vec<Edit> = edits.into_iter().map(|e| e.apply(layer)).collect();
                inverse.reverse();
                Edit::Batch(inverse)
            }
        }
    }

    /// Removes a mention, every event argument that points at it and every relation between mentions that
    /// involves it, as one edit.
    pub fn remove_mention(layer: &Layer, id: MentionId) -> Edit {
        let mut edits: Vec<Edit> = layer
            .mention_relations
            .iter()
            .filter(|(_, r)| r.from == id || r.to == id)
            .map(|(rid, _)| Edit::PutMentionRelation(*rid, None))
            .collect();
        for (eid, event) in &layer.events {
            if event.arguments.iter().any(|a| a.mention == id) {
                let mut changed = event.clone();
                changed.arguments.retain(|a| a.mention != id);
                edits.push(Edit::PutEvent(*eid, Some(changed)));
            }
        }
        edits.push(Edit::PutMention(id, None));
        Edit::Batch(edits)
    }
}

fn put<K: Ord, V>(map: &mut std::collections::BTreeMap<K, V>, id: K, value: Option<V>) -> Option<V> {
    match value {
        Some(v) => map.insert(id, v),
        None => map.remove(&id),
    }
}

/// One change to a project: to a coder's layer of a document, to the actor registry or to the schema.
/// Applied through `Project::apply_edit`, which returns the inverse, so undo covers every kind.
#[derive(Clone, Debug, PartialEq)]
pub enum ProjectEdit {
    /// An edit of the current annotator's layer of a document.
    Layer(DocId, Edit),
    /// Sets or removes an actor of the registry.
    PutActor(ActorId, Option<Actor>),
    /// Sets or removes a place of the registry.
    PutPlace(PlaceId, Option<Place>),
    /// Replaces the schema (its inverse is the schema it replaced).
    SetSchema(Box<Schema>),
    /// Sets or removes a document's whole set of suggestions from a source (an import).
    SetSuggestions(DocId, SourceName, Option<Box<SuggestionSet>>),
    /// Sets or removes a source's label mapping.
    SetSource(SourceName, Option<SourceConfig>),
    /// Several edits applied in order and undone as one.
    Batch(Vec<ProjectEdit>),
}

impl ProjectEdit {
    /// The documents whose layers or suggestions the edit changes, in order, without repeats.
    pub fn documents(&self) -> Vec<&DocId> {
        let mut out: Vec<&DocId> = Vec::new();
        self.visit_documents(&mut out);
        out
    }

    fn visit_documents<'a>(&'a self, out: &mut Vec<&'a DocId>) {
        match self {
            ProjectEdit::Layer(doc, _) | ProjectEdit::SetSuggestions(doc, ..) if !out.contains(&doc) => out.push(doc),
            ProjectEdit::Batch(edits) => edits.iter().for_each(|e| e.visit_documents(out)),
            _ => {}
        }
    }
}

/// Undo and redo stacks of edits (each an inverse, ready to apply), unlimited within a session.
#[derive(Debug)]
pub struct History<E> {
    undo: Vec<E>,
    redo: Vec<E>,
}

impl<E> Default for History<E> {
    fn default() -> Self {
        Self { undo: Vec::new(), redo: Vec::new() }
    }
}

impl<E> History<E> {
    /// Records the inverse of an edit just applied; a new edit clears the redo stack.
    pub fn record(&mut self, inverse: E) {
        self.undo.push(inverse);
        self.redo.clear();
    }

    /// The next edit that undoes the last change, taken off the stack.
    pub fn take_undo(&mut self) -> Option<E> {
        self.undo.pop()
    }

    /// The next edit that redoes the last undone change, taken off the stack.
    pub fn take_redo(&mut self) -> Option<E> {
        self.redo.pop()
    }

    /// Records the inverse of an undo, so it can be redone.
    pub fn record_undone(&mut self, inverse: E) {
        self.redo.push(inverse);
    }

    /// Records the inverse of a redo, so it can be undone again.
    pub fn record_redone(&mut self, inverse: E) {
        self.undo.push(inverse);
    }

    /// Puts back an edit taken by [`History::take_undo`] or [`History::take_redo`] that could not be applied.
    pub fn restore(&mut self, edit: E, was_redo: bool) {
        if was_redo { self.redo.push(edit) } else { self.undo.push(edit) }
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn sample_layer() -> Layer {
        let mut layer = Layer::default();
        layer.mentions.insert(MentionId(1), Mention::new(Span::new(0, 4), "ACTOR"));
        layer.mentions.insert(MentionId(2), Mention::new(Span::new(5, 9), "LOCATION"));
        layer.events.insert(
            EventId(1),
            Event {
                evidence: Default::default(),
                uid: None,
                event_type: "ATTACK".into(),
                trigger: Span::new(10, 14),
                arguments: vec![
                    Argument { role: "Attacker".into(), mention: MentionId(1) },
                    Argument { role: "Target".into(), mention: MentionId(2) },
                ],
                attributes: Default::default(),
                note: String::new(),
                provenance: None,
                curation: None,
            },
        );
        layer
    }

    #[test]
    fn every_edit_is_undone_by_its_inverse() {
        let edits = vec![
            Edit::PutMention(MentionId(3), Some(Mention::new(Span::new(20, 25), "TIME"))),
            Edit::PutMention(MentionId(1), Some(Mention::new(Span::new(0, 3), "ACTOR"))),
            Edit::PutMention(MentionId(2), None),
            Edit::PutEvent(EventId(1), None),
            Edit::PutRelation(
                RelationId(1),
                Some(Relation {
                    relation_type: "RESPONSE_TO".into(),
                    from: EventId(1),
                    to: EventId(1),
                    note: String::new(),
                }),
            ),
            Edit::SetStatus(DocStatus::Done),
            Edit::PutDecision(
                SourceName::parse("ner").unwrap(),
                SuggestionId(4),
                Some(Decision { status: crate::model::ReviewStatus::Rejected, at: "t".into(), created: None }),
            ),
            Edit::PutDecision(SourceName::parse("ner").unwrap(), SuggestionId(9), None),
            Edit::Batch(vec![
                Edit::PutMention(MentionId(9), Some(Mention::new(Span::new(1, 2), "WEAPON"))),
                Edit::PutMention(MentionId(9), None),
            ]),
        ];
        for edit in edits {
            let original = sample_layer();
            let mut layer = original.clone();
            let inverse = edit.clone().apply(&mut layer);
            let redo = inverse.apply(&mut layer);
            assert_eq!(layer, original, "{edit:?}");
            redo.apply(&mut layer);
            let mut expected = original.clone();
            edit.apply(&mut expected);
            assert_eq!(layer, expected);
        }
    }

    #[test]
    fn removing_a_mention_removes_its_arguments_and_undo_restores_both() {
        let original = sample_layer();
        let mut layer = original.clone();
        let inverse = Edit::remove_mention(&layer, MentionId(1)).apply(&mut layer);
        assert!(!layer.mentions.contains_key(&MentionId(1)));
        assert_eq!(layer.events[&EventId(1)].arguments.len(), 1);
        inverse.apply(&mut layer);
        assert_eq!(layer, original);
    }

    #[test]
    fn history_undoes_and_redoes_in_order() {
        let mut layer = Layer::default();
        let mut history: History<Edit> = History::default();
        for i in 1..=3 {
            let inverse =
                Edit::PutMention(MentionId(i), Some(Mention::new(Span::new(0, 1), "ACTOR"))).apply(&mut layer);
            history.record(inverse);
        }
        let undo = history.take_undo().unwrap();
        history.record_undone(undo.apply(&mut layer));
        assert_eq!(layer.mentions.len(), 2);
        let redo = history.take_redo().unwrap();
        history.record_redone(redo.apply(&mut layer));
        assert_eq!(layer.mentions.len(), 3);
        assert!(!history.can_redo());
        let inverse = Edit::SetStatus(DocStatus::Done).apply(&mut layer);
        history.record(inverse);
        assert!(history.can_undo());
    }
}
