//! The layer a doccano line is added to: what it already holds (so that a repeat is found with one lookup),
//! and each entity and relation turned into a mention, a trigger, a role's filler or a relation, checked
//! against the schema; then the edits from the layer as it was to the layer as built.

use super::import::ImportSummary;
use super::*;
use crate::formats::type_labels::{LabelMap, TypeOf, relation_of, type_list, type_of};

/// What an entity of a line became in the layer being built.
#[derive(Clone, Copy)]
pub(crate) enum Target {
    Mention(MentionId),
    Event(EventId),
}

/// What a layer being built holds, by content: the file repeats what is already there (a file imported
/// twice, a trigger named by several relations), and each repeat is found with one lookup. Scanning the
/// layer for each entity made a document's import quadratic in its mentions (76,000 took 29 s).
pub(crate) struct Present {
    /// The first mention of each span and type.
    mentions: HashMap<(Span, EntityTypeId), MentionId>,
    /// The first event of each trigger and type.
    events: HashMap<(Span, EventTypeId), EventId>,
    /// Each relation's type and ends.
    relations: HashSet<(RelationTypeId, EventId, EventId)>,
    /// Each relation between mentions' type and ends.
    mention_relations: HashSet<(RelationTypeId, MentionId, MentionId)>,
}

impl Present {
    pub(crate) fn of(layer: &Layer) -> Self {
        let mut mentions = HashMap::new();
        for (id, m) in &layer.mentions {
            mentions.entry((m.span, m.entity_type.clone())).or_insert(*id);
        }
        let mut events = HashMap::new();
        for (id, e) in &layer.events {
            events.entry((e.trigger, e.event_type.clone())).or_insert(*id);
        }
        let relations = layer.relations.values().map(|r| (r.relation_type.clone(), r.from, r.to)).collect();
        let mention_relations =
            layer.mention_relations.values().map(|r| (r.relation_type.clone(), r.from, r.to)).collect();
        Self { mentions, events, relations, mention_relations }
    }
}

/// A line's annotations being added to a copy of its document's layer.
pub(crate) struct Building<'a> {
    /// The copy.
    pub(crate) layer: &'a mut Layer,
    /// What it holds.
    pub(crate) present: Present,
    /// The counts of the whole import.
    pub(crate) summary: &'a mut ImportSummary,
}

/// Adds (or finds) the mention or trigger an entity stands for.
pub(crate) fn add_entity(
    work: &mut Building<'_>,
    (schema, map): (&Schema, &LabelMap),
    text: &DocText,
    span: Span,
    label: &str,
) -> Result<Target, String> {
    text.check_span(span).map_err(|e| e.to_string())?;
    let Building { layer, present, summary } = work;
    let resolved = type_of(schema, map, label);
    if let Some(TypeOf::Entity(ty)) = resolved {
        let label = ty.as_str();
        let key = (span, ty.clone());
        if let Some(id) = present.mentions.get(&key) {
            summary.already_present += 1;
            return Ok(Target::Mention(*id));
        }
        let id = layer.next_mention_id();
        layer.mentions.insert(id, Mention::new(span, label));
        present.mentions.insert(key, id);
        summary.mentions += 1;
        return Ok(Target::Mention(id));
    }
    if let Some(TypeOf::Event(ty)) = resolved {
        let label = ty.as_str();
        let key = (span, ty.clone());
        if let Some(id) = present.events.get(&key) {
            summary.already_present += 1;
            return Ok(Target::Event(*id));
        }
        let id = layer.next_event_id();
        present.events.insert(key, id);
        let event = Event {
            evidence: Default::default(),
            uid: None,
            event_type: EventTypeId::new(label),
            trigger: span,
            arguments: Vec::new(),
            attributes: Default::default(),
            note: String::new(),
            provenance: None,
            curation: None,
        };
        layer.events.insert(id, event);
        summary.events += 1;
        return Ok(Target::Event(id));
    }
    Err(format!(
        "unknown label `{label}` (the schema's types: {}); name its type with --map {label}=TYPE",
        type_list(schema)
    ))
}

/// Adds (or finds) the role argument or event relation a doccano relation stands for.
pub(crate) fn add_relation(
    work: &mut Building<'_>,
    (schema, map): (&Schema, &LabelMap),
    from: Target,
    to: Target,
    kind: &str,
) -> Result<(), String> {
    let Building { layer, present, summary } = work;
    // A relation label is the schema's relation type through the mapping, whatever its case.
    let relation_type = relation_of(schema, map, kind).unwrap_or_else(|| RelationTypeId::new(kind));
    match (from, to) {
        (Target::Event(e), Target::Mention(m)) => {
            let event = layer.events.get(&e).ok_or("its event is missing")?;
            let mention = layer.mentions.get(&m).ok_or("its mention is missing")?;
            let ty = schema.event_type(&event.event_type).ok_or("unknown event type")?;
            let Some(role) = ty.roles.iter().find(|r| r.id.as_str() == kind) else {
                let roles: Vec<&str> = ty.roles.iter().map(|r| r.id.as_str()).collect();
                return Err(format!("`{kind}` is not a role of {} (its roles: {})", ty.id, roles.join(", ")));
            };
            if !role.allowed.contains(&mention.entity_type) {
                return Err(format!("role `{kind}` of {} does not take a {} mention", ty.id, mention.entity_type));
            }
            if event.arguments.iter().any(|a| a.role == role.id && a.mention == m) {
                summary.already_present += 1;
                return Ok(());
            }
            if !role.repeatable && event.arguments.iter().any(|a| a.role == role.id) {
                return Err(format!("role `{kind}` of {} takes one mention and is already filled", ty.id));
            }
            let role = RoleId::new(kind);
            layer.events.get_mut(&e).expect("checked above").arguments.push(Argument { role, mention: m });
            summary.arguments += 1;
            Ok(())
        }
        (Target::Event(a), Target::Event(b)) => {
            if schema.relation_type(&relation_type).is_none() {
                let known: Vec<&str> = schema.relation_types.iter().map(|r| r.id.as_str()).collect();
                return Err(format!("`{kind}` is not a relation type between events (known: {})", known.join(", ")));
            }
            if !present.relations.insert((relation_type.clone(), a, b)) {
                summary.already_present += 1;
                return Ok(());
            }
            let id = layer.next_relation_id();
            layer.relations.insert(id, Relation { relation_type, from: a, to: b, note: String::new() });
            summary.relations += 1;
            Ok(())
        }
        (Target::Mention(a), Target::Mention(b)) => {
            let Some(def) = schema.relation_type(&relation_type).filter(|r| !r.between.is_events()) else {
                let known: Vec<&str> =
                    schema.relation_types.iter().filter(|r| !r.between.is_events()).map(|r| r.id.as_str()).collect();
                return Err(format!("`{kind}` is not a relation type between mentions (known: {})", known.join(", ")));
            };
            let type_of =
                |m: MentionId| layer.mentions.get(&m).map(|m| m.entity_type.clone()).ok_or("its mention is missing");
            let (ta, tb) = (type_of(a)?, type_of(b)?);
            if !def.between.allows(&ta, &tb) {
                return Err(format!("`{kind}` does not go from a mention of type {ta} to one of type {tb}"));
            }
            if !present.mention_relations.insert((relation_type.clone(), a, b)) {
                summary.already_present += 1;
                return Ok(());
            }
            let id = layer.next_relation_id();
            let relation = crate::model::MentionRelation { relation_type, from: a, to: b, note: String::new() };
            layer.mention_relations.insert(id, relation);
            summary.relations += 1;
            Ok(())
        }
        (Target::Mention(_), Target::Event(_)) => Err(format!(
            "`{kind}` goes from a mention to an event trigger: Tarmeez relates events to events, mentions to mentions, and events to their roles' mentions"
        )),
    }
}

/// The edits that turn `before` into `after` (which only adds mentions, events, arguments and relations).
pub(crate) fn diff(before: &Layer, after: &Layer) -> Vec<Edit> {
    let mut edits = Vec::new();
    for (id, m) in &after.mentions {
        if before.mentions.get(id) != Some(m) {
            edits.push(Edit::PutMention(*id, Some(m.clone())));
        }
    }
    for (id, e) in &after.events {
        if before.events.get(id) != Some(e) {
            edits.push(Edit::PutEvent(*id, Some(e.clone())));
        }
    }
    for (id, r) in &after.relations {
        if before.relations.get(id) != Some(r) {
            edits.push(Edit::PutRelation(*id, Some(r.clone())));
        }
    }
    for (id, r) in &after.mention_relations {
        if before.mention_relations.get(id) != Some(r) {
            edits.push(Edit::PutMentionRelation(*id, Some(r.clone())));
        }
    }
    edits
}
