//! Rules that a layer or a suggestion set must satisfy against its schema, text and actor registry.
//!
//! Pure: findings carry *anchors*, the tokens of the file that lead to the offending value (the object's
//! id, then the value), which the store turns into a line and column.

use super::{ActorRegistry, AttrValue, AttributeKind, AttributeTarget, Attributes, DocText, Layer, Schema};
use super::{Event, EventId, EventType, Mention, MentionId, MentionRelation, Relation, RelationId};
use super::{ReviewStatus, Span, SpanError, SuggestedLabel, SuggestionSet};
use std::collections::BTreeMap;

/// What is wrong, for callers (and tests) that need to tell problems apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FindingKind {
    /// A mention or suggestion names an entity type the schema lacks.
    UnknownEntityType,
    /// An event or suggestion names an event type the schema lacks.
    UnknownEventType,
    /// A span ends past the end of the text.
    SpanOutsideText,
    /// A span is empty or reversed.
    SpanEmpty,
    /// A span starts or ends inside a grapheme cluster.
    SpanInsideGrapheme,
    /// An argument points at a mention the layer lacks.
    MissingMention,
    /// An argument's role does not belong to the event's type.
    RoleNotAllowed,
    /// An argument's mention has an entity type its role does not allow.
    ArgumentTypeNotAllowed,
    /// A non-repeatable role is filled more than once.
    RoleRepeated,
    /// A relation names a relation type the schema lacks.
    UnknownRelationType,
    /// A relation points at an event the layer lacks.
    MissingEvent,
    /// A relation goes from an event to the same event.
    SelfRelation,
    /// A relation's type goes between other things than its ends: events for mentions, or mentions of other
    /// types.
    RelationEndsNotAllowed,
    /// A mention links to an actor the registry lacks.
    UnknownActor,
    /// An attribute the schema lacks, or one that does not apply here.
    UnknownAttribute,
    /// An attribute value of the wrong kind, or not one of its choices.
    BadAttributeValue,
    /// A score that is not a number between 0 and 1.
    BadScore,
    /// A coder's decision on a suggestion that says "pending" (no decision is pending).
    PendingDecision,
}

/// One problem found by validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// What kind of problem.
    pub kind: FindingKind,
    /// A plain sentence for the user.
    pub message: String,
    /// Tokens that lead, in order, to the offending place in the file.
    pub anchor: Vec<String>,
}

fn quoted(s: impl std::fmt::Display) -> String {
    format!("\"{s}\"")
}

fn span_finding(err: SpanError, what: &str, anchor: Vec<String>) -> Finding {
    let kind = match err {
        SpanError::OutOfText { .. } => FindingKind::SpanOutsideText,
        SpanError::Empty { .. } => FindingKind::SpanEmpty,
        SpanError::SplitsGrapheme { .. } => FindingKind::SpanInsideGrapheme,
    };
    Finding { kind, message: format!("{what}: {err}"), anchor }
}

fn check_span(text: &DocText, span: Span, what: &str, anchor: &str, out: &mut Vec<Finding>) {
    if let Err(e) = text.check_span(span) {
        out.push(span_finding(e, what, vec![anchor.to_owned(), "span".into()]));
    }
}

fn check_attributes(
    schema: &Schema,
    attrs: &Attributes,
    target: AttributeTarget,
    type_id: &str,
    owner: &str,
    out: &mut Vec<Finding>,
) {
    for (id, value) in attrs {
        let anchor = vec![quoted(owner), quoted(id)];
        let Some(def) = schema.attribute(id) else {
            out.push(Finding {
                kind: FindingKind::UnknownAttribute,
                message: format!("{owner}: attribute `{id}` is not in the schema"),
                anchor,
            });
            continue;
        };
        if def.target != target || !(def.types.is_empty() || def.types.iter().any(|t| t == type_id)) {
            out.push(Finding {
                kind: FindingKind::UnknownAttribute,
                message: format!("{owner}: attribute `{id}` does not apply to `{type_id}`"),
                anchor,
            });
            continue;
        }
        let ok = match (&def.kind, value) {
            (AttributeKind::Boolean, AttrValue::Bool(_)) => true,
            (AttributeKind::Choice(choices), AttrValue::Choice(c)) => choices.contains(c),
            (AttributeKind::Number, AttrValue::Number(n)) => n.is_finite(),
            (AttributeKind::Date, AttrValue::Date(d)) => is_partial_date(d),
            (AttributeKind::Text, AttrValue::Text(_)) => true,
            _ => false,
        };
        if !ok {
            out.push(Finding {
                kind: FindingKind::BadAttributeValue,
                message: format!("{owner}: {value:?} is not a valid value of attribute `{id}` ({:?})", def.kind),
                anchor,
            });
        }
    }
}

/// Whether `d` is a date as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a real month and day.
pub fn is_partial_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let num = |s: &str, len: usize, max: u32| s.len() == len && s.parse::<u32>().is_ok_and(|n| n >= 1 && n <= max);
    match parts.as_slice() {
        [y] => num(y, 4, 9999),
        [y, m] => num(y, 4, 9999) && num(m, 2, 12),
        [y, m, d] => num(y, 4, 9999) && num(m, 2, 12) && num(d, 2, 31),
        _ => false,
    }
}

/// Checks one coder's layer of one document.
pub fn validate_layer(layer: &Layer, schema: &Schema, text: &DocText, actors: &ActorRegistry) -> Vec<Finding> {
    let mut out = Vec::new();
    // Mentions, then events, then relations: findings are reported in this order.
    for (id, m) in &layer.mentions {
        check_mention(id, m, schema, text, actors, &mut out);
    }
    for (id, ev) in &layer.events {
        check_event(layer, id, ev, schema, text, &mut out);
    }
    for (id, rel) in &layer.relations {
        check_relation(layer, id, rel, schema, &mut out);
    }
    for (id, rel) in &layer.mention_relations {
        check_mention_relation(layer, id, rel, schema, &mut out);
    }
    for (source, decisions) in &layer.reviews {
        for id in decisions.0.iter().filter(|(_, d)| d.status == ReviewStatus::Pending).map(|(id, _)| id) {
            out.push(Finding {
                kind: FindingKind::PendingDecision,
                message: format!(
                    "the review of suggestion {id} from {source} says Pending; write Accepted, Edited or Rejected, or remove it"
                ),
                anchor: vec![quoted(source), quoted(id), "Pending".into()],
            });
        }
    }
    out
}

/// Checks one mention of a layer: its span, its entity type, its actor and its attributes.
fn check_mention(
    id: &MentionId,
    m: &Mention,
    schema: &Schema,
    text: &DocText,
    actors: &ActorRegistry,
    out: &mut Vec<Finding>,
) {
    let owner = id.to_string();
    check_span(text, m.span, &format!("mention {id}"), &quoted(&owner), out);
    if schema.entity_type(&m.entity_type).is_none() {
        out.push(Finding {
            kind: FindingKind::UnknownEntityType,
            message: format!("mention {id}: entity type `{}` is not in the schema", m.entity_type),
            anchor: vec![quoted(&owner), quoted(&m.entity_type)],
        });
    }
    if let Some(actor) = &m.actor
        && !actors.actors.contains_key(actor)
    {
        out.push(Finding {
            kind: FindingKind::UnknownActor,
            message: format!("mention {id}: actor `{actor}` is not in the actor registry"),
            anchor: vec![quoted(&owner), quoted(actor)],
        });
    }
    check_attributes(schema, &m.attributes, AttributeTarget::Mention, m.entity_type.as_str(), &owner, out);
}

/// Checks one event of a layer: its trigger, its event type, its arguments and its attributes. An event whose
/// type is not in the schema gets no further checks, as its roles and attributes cannot be known.
fn check_event(layer: &Layer, id: &EventId, ev: &Event, schema: &Schema, text: &DocText, out: &mut Vec<Finding>) {
    let owner = id.to_string();
    check_span(text, ev.trigger, &format!("event {id}"), &quoted(&owner), out);
    let Some(ty) = schema.event_type(&ev.event_type) else {
        out.push(Finding {
            kind: FindingKind::UnknownEventType,
            message: format!("event {id}: event type `{}` is not in the schema", ev.event_type),
            anchor: vec![quoted(&owner), quoted(&ev.event_type)],
        });
        return;
    };
    check_arguments(layer, id, ev, ty, &owner, out);
    check_attributes(schema, &ev.attributes, AttributeTarget::Event, ev.event_type.as_str(), &owner, out);
}

/// Checks an event's arguments against its type `ty`: each role is one of the type's, a non-repeatable role
/// is filled once (reported once, at its second filler), and each filler is a mention of the layer of a type
/// the role takes.
fn check_arguments(layer: &Layer, id: &EventId, ev: &Event, ty: &EventType, owner: &str, out: &mut Vec<Finding>) {
    let mut filled: BTreeMap<&str, usize> = BTreeMap::new();
    for arg in &ev.arguments {
        let anchor = vec![quoted(owner), quoted(&arg.role), quoted(arg.mention)];
        let Some(role) = ty.roles.iter().find(|r| r.id == arg.role) else {
            out.push(Finding {
                kind: FindingKind::RoleNotAllowed,
                message: format!("event {id}: role `{}` is not a role of `{}`", arg.role, ev.event_type),
                anchor,
            });
            continue;
        };
        let count = filled.entry(arg.role.as_str()).or_default();
        *count += 1;
        if *count == 2 && !role.repeatable {
            out.push(Finding {
                kind: FindingKind::RoleRepeated,
                message: format!("event {id}: role `{}` takes one mention but is filled more than once", arg.role),
                anchor: anchor.clone(),
            });
        }
        match layer.mentions.get(&arg.mention) {
            None => out.push(Finding {
                kind: FindingKind::MissingMention,
                message: format!(
                    "event {id}: role `{}` points at mention {}, which does not exist",
                    arg.role, arg.mention
                ),
                anchor,
            }),
            Some(m) if !role.allowed.contains(&m.entity_type) => out.push(Finding {
                kind: FindingKind::ArgumentTypeNotAllowed,
                message: format!(
                    "event {id}: role `{}` does not take a {} mention ({})",
                    arg.role, m.entity_type, arg.mention
                ),
                anchor,
            }),
            Some(_) => {}
        }
    }
}

/// Checks one relation of a layer: its relation type, and that both its ends are events of the layer.
fn check_relation(layer: &Layer, id: &RelationId, rel: &Relation, schema: &Schema, out: &mut Vec<Finding>) {
    let owner = quoted(id);
    match schema.relation_type(&rel.relation_type) {
        None => out.push(Finding {
            kind: FindingKind::UnknownRelationType,
            message: format!("relation {id}: relation type `{}` is not in the schema", rel.relation_type),
            anchor: vec![owner.clone(), quoted(&rel.relation_type)],
        }),
        Some(def) if !def.between.is_events() => out.push(Finding {
            kind: FindingKind::RelationEndsNotAllowed,
            message: format!("relation {id}: relation type `{}` goes between mentions, not events", rel.relation_type),
            anchor: vec![owner.clone(), quoted(&rel.relation_type)],
        }),
        Some(_) => {}
    }
    if rel.from == rel.to {
        // `coding::relate` refuses this; a file written by hand or another tool may still hold it.
        out.push(Finding {
            kind: FindingKind::SelfRelation,
            message: format!("relation {id}: event {} is related to itself", rel.from),
            anchor: vec![owner.clone(), "to".into()],
        });
    }
    for end in [rel.from, rel.to] {
        if !layer.events.contains_key(&end) {
            out.push(Finding {
                kind: FindingKind::MissingEvent,
                message: format!("relation {id}: event {end} does not exist"),
                anchor: vec![owner.clone(), quoted(end)],
            });
        }
    }
}

/// Checks one relation between mentions: its type goes between mentions of its ends' types, and both exist.
fn check_mention_relation(
    layer: &Layer,
    id: &RelationId,
    rel: &MentionRelation,
    schema: &Schema,
    out: &mut Vec<Finding>,
) {
    let owner = quoted(id);
    let anchor = |more: String| vec!["mention_relations".to_owned(), owner.clone(), more];
    let ends = [rel.from, rel.to].map(|m| layer.mentions.get(&m).map(|m| &m.entity_type));
    for (end, found) in [rel.from, rel.to].iter().zip(&ends) {
        if found.is_none() {
            out.push(Finding {
                kind: FindingKind::MissingMention,
                message: format!("relation {id}: mention {end} does not exist"),
                anchor: anchor(quoted(end)),
            });
        }
    }
    if rel.from == rel.to {
        out.push(Finding {
            kind: FindingKind::SelfRelation,
            message: format!("relation {id}: mention {} is related to itself", rel.from),
            anchor: anchor("to".into()),
        });
    }
    let Some(def) = schema.relation_type(&rel.relation_type) else {
        out.push(Finding {
            kind: FindingKind::UnknownRelationType,
            message: format!("relation {id}: relation type `{}` is not in the schema", rel.relation_type),
            anchor: anchor(quoted(&rel.relation_type)),
        });
        return;
    };
    let allowed = match ends {
        [Some(a), Some(b)] => def.between.allows(a, b),
        _ => !def.between.is_events(),
    };
    if !allowed {
        let what = match ends {
            [Some(a), Some(b)] if !def.between.is_events() => format!("from a mention of type {a} to one of type {b}"),
            _ => "between mentions".to_owned(),
        };
        out.push(Finding {
            kind: FindingKind::RelationEndsNotAllowed,
            message: format!("relation {id}: relation type `{}` does not go {what}", rel.relation_type),
            anchor: anchor(quoted(&rel.relation_type)),
        });
    }
}

/// Checks one source's suggestions for one document.
pub fn validate_suggestions(set: &SuggestionSet, schema: &Schema, text: &DocText) -> Vec<Finding> {
    let mut out = Vec::new();
    for (id, s) in &set.suggestions {
        let owner = quoted(id);
        check_span(text, s.span, &format!("suggestion {id}"), &owner, &mut out);
        match &s.label {
            SuggestedLabel::Entity(t) if schema.entity_type(t).is_none() => out.push(Finding {
                kind: FindingKind::UnknownEntityType,
                message: format!("suggestion {id}: entity type `{t}` is not in the schema"),
                anchor: vec![owner.clone(), quoted(t)],
            }),
            SuggestedLabel::Event(t) if schema.event_type(t).is_none() => out.push(Finding {
                kind: FindingKind::UnknownEventType,
                message: format!("suggestion {id}: event type `{t}` is not in the schema"),
                anchor: vec![owner.clone(), quoted(t)],
            }),
            _ => {}
        }
        if let Some(score) = s.score
            && !(0.0..=1.0).contains(&score)
        {
            out.push(Finding {
                kind: FindingKind::BadScore,
                message: format!("suggestion {id}: score {score} is not between 0 and 1"),
                anchor: vec![owner, "score".into()],
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn setup() -> (Schema, DocText, ActorRegistry) {
        (default_conflict_schema(), DocText::new("قصفت مليشيا أبو الفضل القاعدة".into()), ActorRegistry::default())
    }

    fn mention(start: usize, end: usize, ty: &str) -> Mention {
        Mention::new(Span::new(start, end), ty)
    }

    fn kinds(f: &[Finding]) -> Vec<FindingKind> {
        f.iter().map(|f| f.kind).collect()
    }

    #[test]
    fn a_valid_layer_has_no_findings() {
        let (schema, text, actors) = setup();
        let mut layer = Layer::default();
        layer.mentions.insert(MentionId(1), mention(5, 21, "ACTOR"));
        layer.events.insert(
            EventId(1),
            Event {
                evidence: Default::default(),
                uid: None,
                event_type: "ATTACK".into(),
                trigger: Span::new(0, 4),
                arguments: vec![Argument { role: "Attacker".into(), mention: MentionId(1) }],
                attributes: [(AttributeId::from("modality"), AttrValue::Choice("asserted".into()))].into(),
                note: String::new(),
                provenance: None,
                curation: None,
            },
        );
        assert_eq!(validate_layer(&layer, &schema, &text, &actors), vec![]);
    }

    #[test]
    fn an_event_related_to_itself_is_found() {
        let (schema, text, actors) = setup();
        let mut layer = Layer::default();
        let event = Event {
            evidence: Default::default(),
            uid: None,
            event_type: "ATTACK".into(),
            trigger: Span::new(0, 4),
            arguments: Vec::new(),
            attributes: Default::default(),
            note: String::new(),
            provenance: None,
            curation: None,
        };
        layer.events.insert(EventId(1), event);
        let rel =
            Relation { relation_type: "RESPONSE_TO".into(), from: EventId(1), to: EventId(1), note: String::new() };
        layer.relations.insert(RelationId(1), rel);
        let found = validate_layer(&layer, &schema, &text, &actors);
        assert!(found.iter().any(|f| f.message == "relation r1: event e1 is related to itself"), "{found:?}");
    }

    #[test]
    fn a_relation_between_mentions_is_checked_against_its_types_and_ends() {
        let (schema, text, actors) = setup();
        let mut layer = Layer::default();
        layer.mentions.insert(MentionId(1), mention(5, 21, "ACTOR"));
        layer.mentions.insert(MentionId(2), mention(22, 29, "ACTOR"));
        layer.mentions.insert(MentionId(3), mention(0, 4, "LOCATION"));
        let rel = |t: &str, from, to| MentionRelation {
            relation_type: t.into(),
            from: MentionId(from),
            to: MentionId(to),
            note: String::new(),
        };
        layer.mention_relations.insert(RelationId(1), rel("AFFILIATED_WITH", 1, 2));
        assert_eq!(validate_layer(&layer, &schema, &text, &actors), vec![], "a militia affiliated with a force");
        layer.mention_relations.insert(RelationId(2), rel("AFFILIATED_WITH", 1, 3));
        layer.mention_relations.insert(RelationId(3), rel("RESPONSE_TO", 1, 2));
        layer.mention_relations.insert(RelationId(4), rel("AFFILIATED_WITH", 1, 9));
        let messages: Vec<String> =
            validate_layer(&layer, &schema, &text, &actors).into_iter().map(|f| f.message).collect();
        assert_eq!(
            messages,
            vec![
                "relation r2: relation type `AFFILIATED_WITH` does not go from a mention of type ACTOR to one of type LOCATION",
                "relation r3: relation type `RESPONSE_TO` does not go between mentions",
                "relation r4: mention m9 does not exist",
            ]
        );
    }

    #[test]
    fn wrong_argument_type_and_repeated_role_are_found() {
        let (schema, text, actors) = setup();
        let mut layer = Layer::default();
        layer.mentions.insert(MentionId(1), mention(5, 21, "LOCATION"));
        layer.events.insert(
            EventId(1),
            Event {
                evidence: Default::default(),
                uid: None,
                event_type: "ATTACK".into(),
                trigger: Span::new(0, 4),
                arguments: vec![
                    Argument { role: "Time".into(), mention: MentionId(1) },
                    Argument { role: "Time".into(), mention: MentionId(1) },
                ],
                attributes: Default::default(),
                note: String::new(),
                provenance: None,
                curation: None,
            },
        );
        let k = kinds(&validate_layer(&layer, &schema, &text, &actors));
        assert!(k.contains(&FindingKind::ArgumentTypeNotAllowed));
        assert!(k.contains(&FindingKind::RoleRepeated));
    }

    #[test]
    fn attribute_values_are_checked_against_their_kind() {
        let (schema, text, actors) = setup();
        let mut layer = Layer::default();
        let mut m = mention(0, 4, "TIME");
        m.attributes.insert("date".into(), AttrValue::Date("2021-13-01".into()));
        m.attributes.insert("count".into(), AttrValue::Number(3.0));
        m.attributes.insert("nonsense".into(), AttrValue::Bool(true));
        layer.mentions.insert(MentionId(1), m);
        let k = kinds(&validate_layer(&layer, &schema, &text, &actors));
        assert_eq!(k.iter().filter(|k| **k == FindingKind::BadAttributeValue).count(), 1);
        assert_eq!(k.iter().filter(|k| **k == FindingKind::UnknownAttribute).count(), 2);
    }

    #[test]
    fn partial_dates() {
        for ok in ["2021", "2021-06", "2021-06-28"] {
            assert!(is_partial_date(ok), "{ok}");
        }
        for bad in ["21", "2021-6", "2021-00", "2021-06-32", "x", "2021-06-28-1"] {
            assert!(!is_partial_date(bad), "{bad}");
        }
    }
}
