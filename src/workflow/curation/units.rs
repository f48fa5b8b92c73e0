//! Disagreement units: the places of one document where the chosen coders' layers meet. Mentions that
//! overlap one another, whoever marked them, make one unit; so do events whose triggers overlap; relations
//! whose ends are at the same two places make one too (`relations.rs`). Each
//! coder's version of a unit is what their layer has there; the unit is agreed when every coder has the same
//! non-empty version, and otherwise its [`Disagreement`] says how they differ.

use super::relations::{RelationShape, relation_shapes, relation_units};
use crate::model::{
    ActorId, Annotator, AttrValue, AttributeId, DocId, EntityTypeId, EventId, EventTypeId, Layer, MentionId,
    RelationId, RoleId, Span, UnitKey, UnitKind,
};
use std::collections::BTreeMap;

/// One coder's version of a unit: the ids of their annotations in it, mentions or events by the unit's kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Version {
    /// Their mentions in the unit (a mentions unit).
    pub mentions: Vec<MentionId>,
    /// Their events in the unit (an events unit).
    pub events: Vec<EventId>,
    /// Their relations in the unit (a relations unit: between mentions or between events by its kind).
    pub relations: Vec<RelationId>,
}

impl Version {
    /// Whether the coder has nothing in the unit.
    pub fn is_empty(&self) -> bool {
        self.mentions.is_empty() && self.events.is_empty() && self.relations.is_empty()
    }
}

/// How the coders' versions of a unit differ, the first that applies in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Disagreement {
    /// Some coders marked something here, others nothing.
    Missing,
    /// The same spans (triggers), different types.
    Type,
    /// Different boundaries (or a different number of annotations).
    Boundary,
    /// Mentions: the same spans and types, linked to different actors of the registry (or only some linked).
    Actor,
    /// Events: the same trigger and type, different roles or fillers.
    Roles,
    /// Events: the same trigger, type and roles, different attribute values.
    Attributes,
}

impl Disagreement {
    /// How it reads in the queue and the diagnosis file.
    pub fn as_str(self) -> &'static str {
        match self {
            Disagreement::Missing => "marked by some coders only",
            Disagreement::Type => "same text, different types",
            Disagreement::Boundary => "different boundaries",
            Disagreement::Actor => "different actors linked",
            Disagreement::Roles => "different roles",
            Disagreement::Attributes => "different attributes",
        }
    }
}

/// A place where the coders' layers meet, with each coder's version.
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// The document.
    pub doc: DocId,
    /// Its kind and the text it covers (as the gold layer remembers it).
    pub key: UnitKey,
    /// Each chosen coder's version, in the order the coders were given.
    pub versions: Vec<(Annotator, Version)>,
    /// `None` when every coder has the same, non-empty version.
    pub disagreement: Option<Disagreement>,
}

impl Unit {
    /// The coders grouped by equal versions, largest group first (ties in coder order); empty versions form
    /// a group too.
    pub fn groups(&self, doc_layers: &BTreeMap<Annotator, Layer>) -> Vec<Vec<usize>> {
        let shapes: Vec<Shape> =
            self.versions.iter().map(|(c, v)| shape(self.key.kind, doc_layers.get(c), v)).collect();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for (i, s) in shapes.iter().enumerate() {
            match groups.iter_mut().find(|g| shapes[g[0]] == *s) {
                Some(g) => g.push(i),
                None => groups.push(vec![i]),
            }
        }
        groups.sort_by_key(|g| std::cmp::Reverse(g.len()));
        groups
    }
}

/// What is compared of a mention: where and of which type.
type MentionShape = (Span, EntityTypeId);

/// What is compared of an event: type, trigger, each role's filler (span and type), attributes.
#[derive(Clone, Debug, PartialEq)]
struct EventShape {
    trigger: Span,
    event_type: EventTypeId,
    roles: Vec<(RoleId, MentionShape)>,
    attributes: Vec<(AttributeId, AttrValue)>,
}

/// A mention of a mentions unit as compared: its shape and the actor it is linked to.
type LinkedShape = (Span, EntityTypeId, Option<ActorId>);

/// A version as compared: sorted, ids left out.
#[derive(Clone, Debug, PartialEq)]
enum Shape {
    Mentions(Vec<LinkedShape>),
    Events(Vec<EventShape>),
    Relations(Vec<RelationShape>),
}

fn shape(kind: UnitKind, layer: Option<&Layer>, version: &Version) -> Shape {
    if matches!(kind, UnitKind::MentionRelations | UnitKind::EventRelations) {
        return Shape::Relations(layer.map(|l| relation_shapes(kind, l, &version.relations)).unwrap_or_default());
    }
    let Some(layer) = layer else { return Shape::Mentions(Vec::new()) };
    if !version.events.is_empty() {
        let mut events: Vec<EventShape> = version.events.iter().filter_map(|id| event_shape(layer, *id)).collect();
        events.sort_by(|a, b| (a.trigger, &a.event_type).cmp(&(b.trigger, &b.event_type)));
        return Shape::Events(events);
    }
    let mut mentions: Vec<LinkedShape> = version
        .mentions
        .iter()
        .filter_map(|id| layer.mentions.get(id))
        .map(|m| (m.span, m.entity_type.clone(), m.actor.clone()))
        .collect();
    mentions.sort();
    Shape::Mentions(mentions)
}

fn event_shape(layer: &Layer, id: EventId) -> Option<EventShape> {
    let event = layer.events.get(&id)?;
    let mut roles: Vec<(RoleId, MentionShape)> = event
        .arguments
        .iter()
        .filter_map(|a| layer.mentions.get(&a.mention).map(|m| (a.role.clone(), (m.span, m.entity_type.clone()))))
        .collect();
    roles.sort();
    Some(EventShape {
        trigger: event.trigger,
        event_type: event.event_type.clone(),
        roles,
        attributes: event.attributes.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
    })
}

/// Every unit of one document for `coders` (mentions units first, then events, each in text order, then
/// relations between mentions and between events, so that a merge finds a relation's ends already taken).
pub fn units(doc: &DocId, layers: &BTreeMap<Annotator, Layer>, coders: &[Annotator]) -> Vec<Unit> {
    let mut out = overlap_units(doc, layers, coders);
    for kind in [UnitKind::MentionRelations, UnitKind::EventRelations] {
        for mut unit in relation_units(doc, layers, coders, kind) {
            unit.disagreement = disagreement(&unit, layers);
            out.push(unit);
        }
    }
    out
}

/// The units of mentions and of events: overlapping spans or triggers, clustered.
fn overlap_units(doc: &DocId, layers: &BTreeMap<Annotator, Layer>, coders: &[Annotator]) -> Vec<Unit> {
    let mut out = Vec::new();
    for kind in [UnitKind::Mentions, UnitKind::Events] {
        let mut items: Vec<(Span, usize, u32)> = Vec::new();
        for (i, coder) in coders.iter().enumerate() {
            let Some(layer) = layers.get(coder) else { continue };
            match kind {
                UnitKind::Mentions => items.extend(layer.mentions.iter().map(|(id, m)| (m.span, i, id.0))),
                UnitKind::Events => items.extend(layer.events.iter().map(|(id, e)| (e.trigger, i, id.0))),
                UnitKind::MentionRelations | UnitKind::EventRelations => {}
            }
        }
        for (span, members) in clusters(items) {
            let mut versions: Vec<(Annotator, Version)> =
                coders.iter().map(|c| (c.clone(), Version::default())).collect();
            for (i, id) in members {
                match kind {
                    UnitKind::Mentions => versions[i].1.mentions.push(MentionId(id)),
                    _ => versions[i].1.events.push(EventId(id)),
                }
            }
            let key = UnitKey { kind, span, to: None };
            let mut unit = Unit { doc: doc.clone(), key, versions, disagreement: None };
            unit.disagreement = disagreement(&unit, layers);
            out.push(unit);
        }
    }
    out
}

/// Groups overlapping items (span, coder, id) into clusters: each cluster's cover and its members.
fn clusters(mut items: Vec<(Span, usize, u32)>) -> Vec<(Span, Vec<(usize, u32)>)> {
    items.sort();
    let mut out: Vec<(Span, Vec<(usize, u32)>)> = Vec::new();
    for (span, coder, id) in items {
        match out.last_mut() {
            Some((cover, members)) if span.start < cover.end => {
                cover.end = cover.end.max(span.end);
                members.push((coder, id));
            }
            _ => out.push((span, vec![(coder, id)])),
        }
    }
    out
}

fn disagreement(unit: &Unit, layers: &BTreeMap<Annotator, Layer>) -> Option<Disagreement> {
    if unit.versions.iter().any(|(_, v)| v.is_empty()) {
        return Some(Disagreement::Missing);
    }
    let shapes: Vec<Shape> = unit.versions.iter().map(|(c, v)| shape(unit.key.kind, layers.get(c), v)).collect();
    if shapes.windows(2).all(|w| w[0] == w[1]) {
        return None;
    }
    Some(match &shapes[..] {
        [Shape::Mentions(first), rest @ ..] => {
            let spans = |ms: &[LinkedShape]| ms.iter().map(|m| m.0).collect::<Vec<_>>();
            let typed = |ms: &[LinkedShape]| ms.iter().map(|m| (m.0, m.1.clone())).collect::<Vec<_>>();
            let all = |f: &dyn Fn(&[LinkedShape]) -> bool| rest.iter().all(|s| matches!(s, Shape::Mentions(o) if f(o)));
            if all(&|o| typed(o) == typed(first)) {
                Disagreement::Actor
            } else if all(&|o| spans(o) == spans(first)) {
                Disagreement::Type
            } else {
                Disagreement::Boundary
            }
        }
        [Shape::Events(first), rest @ ..] => events_disagreement(first, rest),
        // Relations at the same two places differ in their relation type (or their ends' types).
        [Shape::Relations(_), ..] => Disagreement::Type,
        [] => return None,
    })
}

fn events_disagreement(first: &[EventShape], rest: &[Shape]) -> Disagreement {
    let others = || rest.iter().filter_map(|s| if let Shape::Events(e) = s { Some(e) } else { None });
    let same = |key: &dyn Fn(&EventShape) -> Vec<String>| {
        let k = |es: &[EventShape]| es.iter().map(key).collect::<Vec<_>>();
        others().all(|o| k(o) == k(first))
    };
    let triggers = |e: &EventShape| vec![e.trigger.to_string()];
    let types = |e: &EventShape| vec![e.trigger.to_string(), e.event_type.to_string()];
    let roles = |e: &EventShape| {
        let mut v = types(e);
        v.extend(e.roles.iter().map(|(r, (s, t))| format!("{r}:{s}:{t}")));
        v
    };
    if !same(&triggers) {
        Disagreement::Boundary
    } else if !same(&types) {
        Disagreement::Type
    } else if !same(&roles) {
        Disagreement::Roles
    } else {
        Disagreement::Attributes
    }
}
