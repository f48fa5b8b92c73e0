//! The coder's operations on a layer, as edits: mark a span, make an event, fill a role, set an attribute,
//! relate two events. Each returns an [`Edit`] to apply through the project (so undo covers it) or says in
//! plain words why it cannot be done; none changes the layer itself.

use super::{
    ActorId, Argument, AttrValue, AttributeId, DocId, DocStatus, DocText, Edit, EntityTypeId, Event, EventId,
    EventTypeId, Layer, Mention, MentionId, MentionRelation, Relation, RelationEnds, RelationTypeId, RoleId, Schema,
    Span,
};

/// Why a coding operation was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodingError {
    /// The layer has no such mention.
    #[error("there is no mention {0}")]
    NoMention(MentionId),
    /// The layer has no such event.
    #[error("there is no event {0}")]
    NoEvent(EventId),
    /// The schema has no such type, role or attribute.
    #[error("the schema has no {0}")]
    NotInSchema(String),
    /// The mention's type may not fill the role.
    #[error("a {entity_type} mention cannot fill the role {role} (it takes {allowed})")]
    NotAllowed {
        /// The mention's type.
        entity_type: EntityTypeId,
        /// The role.
        role: RoleId,
        /// The types the role takes, comma separated.
        allowed: String,
    },
    /// The mention already fills the role.
    #[error("that mention already fills {0}")]
    AlreadyFilled(RoleId),
    /// The span is empty, outside the text or splits a letter from its marks.
    #[error("{0}")]
    BadSpan(String),
    /// An event cannot be related to itself.
    #[error("an event or mention cannot be related to itself")]
    SelfRelation,
    /// The two events are already related so.
    #[error("these events are already related so")]
    DuplicateRelation,
    /// The relation type is not one between mentions (or not between events).
    #[error("{relation} relates {ends}")]
    WrongKindOfRelation {
        /// The relation type.
        relation: RelationTypeId,
        /// What it relates instead ("events", "mentions").
        ends: &'static str,
    },
    /// The relation type does not go between mentions of these types.
    #[error("{relation} does not go from a mention of type {from} to one of type {to}")]
    WrongEnds {
        /// The relation type.
        relation: RelationTypeId,
        /// The first mention's type.
        from: EntityTypeId,
        /// The second mention's type.
        to: EntityTypeId,
    },
}

/// Adds `edit`, and sets the document in progress if this is the coder's first change to it.
fn starting(layer: &Layer, edit: Edit) -> Edit {
    if layer.status == DocStatus::New { Edit::Batch(vec![edit, Edit::SetStatus(DocStatus::InProgress)]) } else { edit }
}

/// Marks `span` as a mention of `entity_type`. If the coder already has a mention with exactly this span,
/// its type is changed instead (so pressing another type's key on a selected mention retypes it).
pub fn mark(layer: &Layer, span: Span, entity_type: &EntityTypeId) -> (Edit, MentionId) {
    if let Some((id, m)) = layer.mentions.iter().find(|(_, m)| m.span == span) {
        let mut changed = m.clone();
        changed.entity_type = entity_type.clone();
        return (Edit::PutMention(*id, Some(changed)), *id);
    }
    let id = layer.next_mention_id();
    (starting(layer, Edit::PutMention(id, Some(Mention::new(span, entity_type.clone())))), id)
}

/// Makes `trigger` the trigger of a new event of `event_type` in document `doc`. If an event with exactly
/// this trigger exists, its type is changed instead (keeping the arguments its new type still has roles for,
/// and the record id it had: [`keep_record_id`]).
pub fn make_event(
    layer: &Layer,
    schema: &Schema,
    doc: &DocId,
    trigger: Span,
    event_type: &EventTypeId,
) -> Result<(Edit, EventId), CodingError> {
    let def =
        schema.event_type(event_type).ok_or_else(|| CodingError::NotInSchema(format!("event type {event_type}")))?;
    if let Some((id, e)) = layer.events.iter().find(|(_, e)| e.trigger == trigger) {
        let mut changed = e.clone();
        if &changed.event_type != event_type {
            keep_record_id(&mut changed, doc);
        }
        changed.event_type = event_type.clone();
        changed.arguments.retain(|a| def.roles.iter().any(|r| r.id == a.role));
        return Ok((Edit::PutEvent(*id, Some(changed)), *id));
    }
    let id = layer.next_event_id();
    let event = Event {
        evidence: Default::default(),
        uid: None,
        event_type: event_type.clone(),
        trigger,
        arguments: Vec::new(),
        attributes: Default::default(),
        note: String::new(),
        provenance: None,
        curation: None,
    };
    Ok((starting(layer, Edit::PutEvent(id, Some(event))), id))
}

/// Sets the event's [`Event::uid`] to the record id it has now, before an edit changes its trigger or type
/// (of which an unset uid is derived), so that the id a dataset published stays the event's.
pub fn keep_record_id(event: &mut Event, doc: &DocId) {
    if event.uid.is_none() {
        event.uid = Some(event.record_id(doc));
    }
}

/// Fills `role` of an event with a mention. A role that does not repeat gives up its previous filler.
pub fn fill_role(
    layer: &Layer,
    schema: &Schema,
    event_id: EventId,
    role: &RoleId,
    mention_id: MentionId,
) -> Result<Edit, CodingError> {
    let event = layer.events.get(&event_id).ok_or(CodingError::NoEvent(event_id))?;
    let mention = layer.mentions.get(&mention_id).ok_or(CodingError::NoMention(mention_id))?;
    let def = schema
        .event_type(&event.event_type)
        .and_then(|t| t.roles.iter().find(|r| &r.id == role))
        .ok_or_else(|| CodingError::NotInSchema(format!("role {role} in {}", event.event_type)))?;
    if !def.allowed.contains(&mention.entity_type) {
        return Err(CodingError::NotAllowed {
            entity_type: mention.entity_type.clone(),
            role: role.clone(),
            allowed: def.allowed.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", "),
        });
    }
    if event.arguments.iter().any(|a| &a.role == role && a.mention == mention_id) {
        return Err(CodingError::AlreadyFilled(role.clone()));
    }
    let mut changed = event.clone();
    if !def.repeatable {
        changed.arguments.retain(|a| &a.role != role);
    }
    changed.arguments.push(Argument { role: role.clone(), mention: mention_id });
    Ok(Edit::PutEvent(event_id, Some(changed)))
}

/// Takes a mention out of an event's role.
pub fn clear_filler(layer: &Layer, event_id: EventId, role: &RoleId, mention: MentionId) -> Result<Edit, CodingError> {
    let mut changed = layer.events.get(&event_id).ok_or(CodingError::NoEvent(event_id))?.clone();
    changed.arguments.retain(|a| !(&a.role == role && a.mention == mention));
    Ok(Edit::PutEvent(event_id, Some(changed)))
}

/// Removes an event and every relation that involves it, as one edit.
pub fn remove_event(layer: &Layer, id: EventId) -> Edit {
    let mut edits: Vec<Edit> = layer
        .relations
        .iter()
        .filter(|(_, r)| r.from == id || r.to == id)
        .map(|(rid, _)| Edit::PutRelation(*rid, None))
        .collect();
    edits.push(Edit::PutEvent(id, None));
    Edit::Batch(edits)
}

/// Sets (`Some`) or clears (`None`) an event attribute.
pub fn set_event_attribute(
    layer: &Layer,
    id: EventId,
    attribute: &AttributeId,
    value: Option<AttrValue>,
) -> Result<Edit, CodingError> {
    let mut changed = layer.events.get(&id).ok_or(CodingError::NoEvent(id))?.clone();
    match value {
        Some(v) => changed.attributes.insert(attribute.clone(), v),
        None => changed.attributes.remove(attribute),
    };
    Ok(Edit::PutEvent(id, Some(changed)))
}

/// Sets (`Some`) or clears (`None`) a mention attribute.
pub fn set_mention_attribute(
    layer: &Layer,
    id: MentionId,
    attribute: &AttributeId,
    value: Option<AttrValue>,
) -> Result<Edit, CodingError> {
    let mut changed = layer.mentions.get(&id).ok_or(CodingError::NoMention(id))?.clone();
    match value {
        Some(v) => changed.attributes.insert(attribute.clone(), v),
        None => changed.attributes.remove(attribute),
    };
    Ok(Edit::PutMention(id, Some(changed)))
}

/// Changes a mention with `change` (type, actor, note), as one edit.
pub fn change_mention(layer: &Layer, id: MentionId, change: impl FnOnce(&mut Mention)) -> Result<Edit, CodingError> {
    let mut changed = layer.mentions.get(&id).ok_or(CodingError::NoMention(id))?.clone();
    change(&mut changed);
    Ok(Edit::PutMention(id, Some(changed)))
}

/// Changes an event with `change` (note, type), as one edit.
pub fn change_event(layer: &Layer, id: EventId, change: impl FnOnce(&mut Event)) -> Result<Edit, CodingError> {
    let mut changed = layer.events.get(&id).ok_or(CodingError::NoEvent(id))?.clone();
    change(&mut changed);
    Ok(Edit::PutEvent(id, Some(changed)))
}

/// Links a mention to an actor of the registry (or unlinks it with `None`).
pub fn link_actor(layer: &Layer, id: MentionId, actor: Option<ActorId>) -> Result<Edit, CodingError> {
    change_mention(layer, id, |m| m.actor = actor)
}

/// Moves a mention's boundaries to `span`, which must be non-empty and keep letters with their marks.
pub fn set_mention_span(layer: &Layer, text: &DocText, id: MentionId, span: Span) -> Result<Edit, CodingError> {
    if span.is_empty() {
        return Err(CodingError::BadSpan("a mention cannot be empty".into()));
    }
    text.check_span(span).map_err(|e| CodingError::BadSpan(e.to_string()))?;
    change_mention(layer, id, |m| m.span = span)
}

/// Moves one end of a mention by one letter (grapheme): `start` chooses the end, `outward` grows the mention.
pub fn nudge_mention(
    layer: &Layer,
    text: &DocText,
    id: MentionId,
    start: bool,
    outward: bool,
) -> Result<Edit, CodingError> {
    let span = layer.mentions.get(&id).ok_or(CodingError::NoMention(id))?.span;
    let step = |from: usize, forward: bool| -> usize {
        let mut at = from;
        loop {
            at = if forward { at + 1 } else { at.saturating_sub(1) };
            if at == 0 || at >= text.len_chars() || text.is_grapheme_boundary(at) {
                return at.min(text.len_chars());
            }
        }
    };
    let moved = match (start, outward) {
        (true, true) => Span::new(step(span.start, false), span.end),
        (true, false) => Span::new(step(span.start, true), span.end),
        (false, true) => Span::new(span.start, step(span.end, true)),
        (false, false) => Span::new(span.start, step(span.end, false)),
    };
    set_mention_span(layer, text, id, moved)
}

/// Relates two events (`from` answers, follows or causes `to`, as the relation type says).
pub fn relate(
    layer: &Layer,
    schema: &Schema,
    relation_type: &RelationTypeId,
    from: EventId,
    to: EventId,
) -> Result<Edit, CodingError> {
    let def = schema
        .relation_type(relation_type)
        .ok_or_else(|| CodingError::NotInSchema(format!("relation type {relation_type}")))?;
    if let RelationEnds::Mentions { .. } = def.between {
        return Err(CodingError::WrongKindOfRelation { relation: relation_type.clone(), ends: "mentions" });
    }
    for id in [from, to] {
        if !layer.events.contains_key(&id) {
            return Err(CodingError::NoEvent(id));
        }
    }
    if from == to {
        return Err(CodingError::SelfRelation);
    }
    if layer.relations.values().any(|r| &r.relation_type == relation_type && r.from == from && r.to == to) {
        return Err(CodingError::DuplicateRelation);
    }
    let relation = Relation { relation_type: relation_type.clone(), from, to, note: String::new() };
    Ok(Edit::PutRelation(layer.next_relation_id(), Some(relation)))
}

/// Relates two mentions (`from` is affiliated with `to`, as the relation type says), if the schema's relation
/// type goes between mentions of their types.
pub fn relate_mentions(
    layer: &Layer,
    schema: &Schema,
    relation_type: &RelationTypeId,
    from: MentionId,
    to: MentionId,
) -> Result<Edit, CodingError> {
    let def = schema
        .relation_type(relation_type)
        .ok_or_else(|| CodingError::NotInSchema(format!("relation type {relation_type}")))?;
    if def.between.is_events() {
        return Err(CodingError::WrongKindOfRelation { relation: relation_type.clone(), ends: "events" });
    }
    let mention = |id| layer.mentions.get(&id).ok_or(CodingError::NoMention(id));
    let (a, b) = (mention(from)?, mention(to)?);
    if from == to {
        return Err(CodingError::SelfRelation);
    }
    if !def.between.allows(&a.entity_type, &b.entity_type) {
        return Err(CodingError::WrongEnds {
            relation: relation_type.clone(),
            from: a.entity_type.clone(),
            to: b.entity_type.clone(),
        });
    }
    if layer.mention_relations.values().any(|r| &r.relation_type == relation_type && r.from == from && r.to == to) {
        return Err(CodingError::DuplicateRelation);
    }
    let relation = MentionRelation { relation_type: relation_type.clone(), from, to, note: String::new() };
    Ok(Edit::PutMentionRelation(layer.next_relation_id(), Some(relation)))
}

/// The relation types of `schema` that may go from a mention of type `from` to one of type `to`.
pub fn mention_relation_types<'a>(
    schema: &'a Schema,
    from: &EntityTypeId,
    to: &EntityTypeId,
) -> Vec<&'a RelationTypeId> {
    schema.relation_types.iter().filter(|r| r.between.allows(from, to)).map(|r| &r.id).collect()
}

/// The required roles of an event that no mention fills yet.
pub fn empty_required_roles<'a>(schema: &'a Schema, event: &Event) -> Vec<&'a RoleId> {
    let Some(def) = schema.event_type(&event.event_type) else { return Vec::new() };
    def.roles.iter().filter(|r| r.required && !event.arguments.iter().any(|a| a.role == r.id)).map(|r| &r.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RelationId, default_conflict_schema};

    fn layer_with_event() -> Layer {
        let mut layer = Layer::default();
        mark(&layer, Span::new(0, 4), &"ACTOR".into()).0.apply(&mut layer);
        mark(&layer, Span::new(5, 9), &"LOCATION".into()).0.apply(&mut layer);
        mark(&layer, Span::new(10, 12), &"ACTOR".into()).0.apply(&mut layer);
        let schema = default_conflict_schema();
        make_event(&layer, &schema, &DocId::from_raw("d"), Span::new(13, 17), &"ATTACK".into())
            .unwrap()
            .0
            .apply(&mut layer);
        layer
    }

    #[test]
    fn the_first_mark_starts_the_document_and_marking_a_marked_span_retypes_it() {
        let mut layer = Layer::default();
        let (edit, id) = mark(&layer, Span::new(0, 4), &"ACTOR".into());
        edit.apply(&mut layer);
        assert_eq!(layer.status, DocStatus::InProgress);
        let (edit, same) = mark(&layer, Span::new(0, 4), &"LOCATION".into());
        assert_eq!(same, id);
        edit.apply(&mut layer);
        assert_eq!(layer.mentions.len(), 1);
        assert_eq!(layer.mentions[&id].entity_type.as_str(), "LOCATION");
    }

    #[test]
    fn roles_take_only_allowed_types_and_a_single_role_replaces_its_filler() {
        let schema = default_conflict_schema();
        let mut layer = layer_with_event();
        mark(&layer, Span::new(30, 34), &"TIME".into()).0.apply(&mut layer);
        mark(&layer, Span::new(35, 39), &"TIME".into()).0.apply(&mut layer);
        let e = EventId(1);
        let wrong = fill_role(&layer, &schema, e, &"Attacker".into(), MentionId(2));
        assert!(matches!(wrong, Err(CodingError::NotAllowed { .. })), "{wrong:?}");
        // Attacker repeats: two actors fill it.
        fill_role(&layer, &schema, e, &"Attacker".into(), MentionId(1)).unwrap().apply(&mut layer);
        fill_role(&layer, &schema, e, &"Attacker".into(), MentionId(3)).unwrap().apply(&mut layer);
        let fillers = |layer: &Layer, role: &str| -> Vec<MentionId> {
            layer.events[&e].arguments.iter().filter(|a| a.role.as_str() == role).map(|a| a.mention).collect()
        };
        assert_eq!(fillers(&layer, "Attacker"), vec![MentionId(1), MentionId(3)]);
        // Time does not: the second filler replaces the first.
        fill_role(&layer, &schema, e, &"Time".into(), MentionId(4)).unwrap().apply(&mut layer);
        fill_role(&layer, &schema, e, &"Time".into(), MentionId(5)).unwrap().apply(&mut layer);
        assert_eq!(fillers(&layer, "Time"), vec![MentionId(5)]);
        let again = fill_role(&layer, &schema, e, &"Attacker".into(), MentionId(3));
        assert_eq!(again, Err(CodingError::AlreadyFilled("Attacker".into())));
        let empty: Vec<&str> = empty_required_roles(&schema, &layer.events[&e]).iter().map(|r| r.as_str()).collect();
        assert_eq!(empty, vec!["Target"]);
    }

    #[test]
    fn retyping_an_event_keeps_the_record_id_it_had_and_keeping_the_type_sets_none() {
        let schema = default_conflict_schema();
        let doc = DocId::from_raw("d");
        let mut layer = layer_with_event();
        let id = layer.events[&EventId(1)].record_id(&doc);
        let trigger = layer.events[&EventId(1)].trigger;
        make_event(&layer, &schema, &doc, trigger, &"ATTACK".into()).unwrap().0.apply(&mut layer);
        assert_eq!(layer.events[&EventId(1)].uid, None, "the same type changes nothing");
        make_event(&layer, &schema, &doc, trigger, &"THREAT".into()).unwrap().0.apply(&mut layer);
        let event = &layer.events[&EventId(1)];
        assert_eq!(event.uid.as_deref(), Some(id.as_str()));
        assert_ne!(crate::model::derived_record_id(&doc, &event.event_type, event.trigger), id);
        assert_eq!(event.record_id(&doc), id);
    }

    #[test]
    fn removing_an_event_removes_its_relations_and_self_relations_are_refused() {
        let schema = default_conflict_schema();
        let mut layer = layer_with_event();
        make_event(&layer, &schema, &DocId::from_raw("d"), Span::new(20, 24), &"ATTACK".into())
            .unwrap()
            .0
            .apply(&mut layer);
        assert_eq!(
            relate(&layer, &schema, &"RESPONSE_TO".into(), EventId(1), EventId(1)),
            Err(CodingError::SelfRelation)
        );
        relate(&layer, &schema, &"RESPONSE_TO".into(), EventId(2), EventId(1)).unwrap().apply(&mut layer);
        let twice = relate(&layer, &schema, &"RESPONSE_TO".into(), EventId(2), EventId(1));
        assert_eq!(twice, Err(CodingError::DuplicateRelation));
        let before = layer.clone();
        let undo = remove_event(&layer, EventId(1)).apply(&mut layer);
        assert!(layer.relations.is_empty());
        undo.apply(&mut layer);
        assert_eq!(layer, before);
    }

    #[test]
    fn actors_are_related_only_by_a_mention_relation_type_that_takes_their_types() {
        let schema = default_conflict_schema();
        let mut layer = layer_with_event(); // m1 ACTOR, m2 LOCATION, m3 ACTOR, e1 ATTACK
        let affiliated = RelationTypeId::from("AFFILIATED_WITH");
        let edit = relate_mentions(&layer, &schema, &affiliated, MentionId(3), MentionId(1)).unwrap();
        edit.apply(&mut layer);
        let (id, rel) = layer.mention_relations.iter().next().unwrap();
        assert_eq!((rel.from, rel.to), (MentionId(3), MentionId(1)));
        assert_eq!(*id, RelationId(1));
        // Ids are shared with relations between events: the next of either kind is r2.
        assert_eq!(layer.next_relation_id(), RelationId(2));
        let again = relate_mentions(&layer, &schema, &affiliated, MentionId(3), MentionId(1));
        assert_eq!(again, Err(CodingError::DuplicateRelation));
        let to_place = relate_mentions(&layer, &schema, &affiliated, MentionId(3), MentionId(2));
        assert_eq!(
            to_place.map_err(|e| e.to_string()),
            Err("AFFILIATED_WITH does not go from a mention of type ACTOR to one of type LOCATION".to_owned())
        );
        let itself = relate_mentions(&layer, &schema, &affiliated, MentionId(1), MentionId(1));
        assert_eq!(itself, Err(CodingError::SelfRelation));
        let events_only = relate_mentions(&layer, &schema, &"RESPONSE_TO".into(), MentionId(3), MentionId(1));
        assert!(matches!(events_only, Err(CodingError::WrongKindOfRelation { ends: "events", .. })));
        let mentions_only = relate(&layer, &schema, &affiliated, EventId(1), EventId(1));
        assert!(matches!(mentions_only, Err(CodingError::WrongKindOfRelation { ends: "mentions", .. })));
        assert_eq!(mention_relation_types(&schema, &"ACTOR".into(), &"ACTOR".into()), vec![&affiliated]);
        assert!(mention_relation_types(&schema, &"ACTOR".into(), &"LOCATION".into()).is_empty());
    }

    #[test]
    fn relations_between_mentions_are_written_and_read_back_and_older_layers_have_none() {
        let schema = default_conflict_schema();
        let mut layer = layer_with_event();
        let older = ron::to_string(&layer).unwrap();
        assert!(!older.contains("mention_relations"), "an empty map is not written: {older}");
        relate_mentions(&layer, &schema, &"AFFILIATED_WITH".into(), MentionId(3), MentionId(1))
            .unwrap()
            .apply(&mut layer);
        let written = ron::ser::to_string_pretty(&layer, ron::ser::PrettyConfig::default()).unwrap();
        assert!(written.contains("mention_relations"), "{written}");
        let read: Layer = ron::from_str(&written).unwrap();
        assert_eq!(read, layer);
        let read_older: Layer = ron::from_str(&older).unwrap();
        assert!(read_older.mention_relations.is_empty());
    }

    #[test]
    fn removing_a_mention_removes_its_relations_and_undo_brings_them_back() {
        let schema = default_conflict_schema();
        let mut layer = layer_with_event();
        let affiliated = RelationTypeId::from("AFFILIATED_WITH");
        relate_mentions(&layer, &schema, &affiliated, MentionId(3), MentionId(1)).unwrap().apply(&mut layer);
        let before = layer.clone();
        let undo = Edit::remove_mention(&layer, MentionId(1)).apply(&mut layer);
        assert!(layer.mention_relations.is_empty());
        assert!(!layer.mentions.contains_key(&MentionId(1)));
        undo.apply(&mut layer);
        assert_eq!(layer, before);
    }

    #[test]
    fn nudging_moves_by_whole_letters_and_never_empties_a_mention() {
        // "بِسم": the kasra belongs to the ب.
        let text = DocText::new("بِسم الله".to_owned());
        let mut layer = Layer::default();
        mark(&layer, Span::new(0, 4), &"ACTOR".into()).0.apply(&mut layer);
        let id = MentionId(1);
        nudge_mention(&layer, &text, id, true, false).unwrap().apply(&mut layer);
        assert_eq!(layer.mentions[&id].span, Span::new(2, 4), "the start skips the letter and its kasra");
        nudge_mention(&layer, &text, id, false, true).unwrap().apply(&mut layer);
        assert_eq!(layer.mentions[&id].span, Span::new(2, 5));
        nudge_mention(&layer, &text, id, false, false).unwrap().apply(&mut layer);
        nudge_mention(&layer, &text, id, false, false).unwrap().apply(&mut layer);
        assert!(nudge_mention(&layer, &text, id, false, false).is_err());
    }
}
