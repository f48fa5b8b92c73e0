//! Relation units of curation: the coders' relations of one kind whose ends are at the same two places (the
//! first end's span, the second's), whatever the ends' types, make one unit, as overlapping mentions make one;
//! each coder's version is their relations there, compared by relation type and the ends' types. Taking a
//! version relates the gold layer's own mentions (or events) with the same spans and types: a relation whose
//! ends are not curated yet cannot be taken.

use super::units::{Unit, Version};
use crate::model::{
    Annotator, DocId, Edit, Layer, MentionId, MentionRelation, Relation, RelationId, Span, UnitKey, UnitKind,
};
use std::collections::BTreeMap;

/// A relation as curation compares it: its type, its first end's type and its second end's type.
pub type RelationShape = (String, String, String);

/// One end of a relation in a layer: where it is, its type, and the id of the mention or event.
type End = (Span, String, u32);

/// The ends and type of relation `id` of `kind` in `layer`; `None` when it or an end is missing.
fn ends(kind: UnitKind, layer: &Layer, id: RelationId) -> Option<(End, End, String)> {
    let mention = |id: &MentionId| layer.mentions.get(id).map(|m| (m.span, m.entity_type.to_string(), id.0));
    let event = |id: &crate::model::EventId| layer.events.get(id).map(|e| (e.trigger, e.event_type.to_string(), id.0));
    match kind {
        UnitKind::MentionRelations => {
            let r = layer.mention_relations.get(&id)?;
            Some((mention(&r.from)?, mention(&r.to)?, r.relation_type.to_string()))
        }
        UnitKind::EventRelations => {
            let r = layer.relations.get(&id)?;
            Some((event(&r.from)?, event(&r.to)?, r.relation_type.to_string()))
        }
        UnitKind::Mentions | UnitKind::Events => None,
    }
}

/// The relation ids of `kind` in a layer.
fn ids(kind: UnitKind, layer: &Layer) -> Vec<RelationId> {
    match kind {
        UnitKind::MentionRelations => layer.mention_relations.keys().copied().collect(),
        _ => layer.relations.keys().copied().collect(),
    }
}

/// The shapes of a version's relations, sorted.
pub(super) fn relation_shapes(kind: UnitKind, layer: &Layer, relations: &[RelationId]) -> Vec<RelationShape> {
    let mut out: Vec<RelationShape> =
        relations.iter().filter_map(|id| ends(kind, layer, *id)).map(|(a, b, ty)| (ty, a.1, b.1)).collect();
    out.sort();
    out
}

/// The relation units of `kind` in one document, by their two places in order (disagreements left for the
/// caller to name).
pub(super) fn relation_units(
    doc: &DocId,
    layers: &BTreeMap<Annotator, Layer>,
    coders: &[Annotator],
    kind: UnitKind,
) -> Vec<Unit> {
    let mut places: BTreeMap<(Span, Span), Vec<Version>> = BTreeMap::new();
    for (i, coder) in coders.iter().enumerate() {
        let Some(layer) = layers.get(coder) else { continue };
        for id in ids(kind, layer) {
            let Some((from, to, _)) = ends(kind, layer, id) else { continue };
            let versions = places.entry((from.0, to.0)).or_insert_with(|| vec![Version::default(); coders.len()]);
            versions[i].relations.push(id);
        }
    }
    places
        .into_iter()
        .map(|((span, to), versions)| Unit {
            doc: doc.clone(),
            key: UnitKey { kind, span, to: Some(to) },
            versions: coders.iter().cloned().zip(versions).collect(),
            disagreement: None,
        })
        .collect()
}

/// The gold layer's relations in the unit (those whose ends are at its two places), as edits that remove them.
pub(super) fn relations_in_cover(gold: &Layer, key: &UnitKey) -> Vec<Edit> {
    let at = |id: RelationId| ends(key.kind, gold, id).is_some_and(|(a, b, _)| a.0 == key.span && Some(b.0) == key.to);
    ids(key.kind, gold)
        .into_iter()
        .filter(|id| at(*id))
        .map(|id| match key.kind {
            UnitKind::MentionRelations => Edit::PutMentionRelation(id, None),
            _ => Edit::PutRelation(id, None),
        })
        .collect()
}

/// The gold end with this span and type, if the gold layer has it.
fn gold_end(kind: UnitKind, gold: &Layer, (span, ty, _): &End) -> Option<u32> {
    match kind {
        UnitKind::MentionRelations => {
            gold.mentions.iter().find(|(_, m)| m.span == *span && m.entity_type.as_str() == ty).map(|(id, _)| id.0)
        }
        _ => gold.events.iter().find(|(_, e)| e.trigger == *span && e.event_type.as_str() == ty).map(|(id, _)| id.0),
    }
}

/// The ends of a version's relations that the gold layer lacks (no gold mention or event with their span and
/// type), in order, each once: while there is one, the version cannot be taken.
pub(super) fn missing_ends(gold: &Layer, source: &Layer, unit: &Unit, version: &Version) -> Vec<Span> {
    let mut out: Vec<Span> = version
        .relations
        .iter()
        .filter_map(|id| ends(unit.key.kind, source, *id))
        .flat_map(|(a, b, _)| [a, b])
        .filter(|end| gold_end(unit.key.kind, gold, end).is_none())
        .map(|(span, _, _)| span)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The edits that add a version's relations to the gold layer between its own ends; a relation whose end the
/// gold layer lacks is left out (see [`missing_ends`]). `put` applies each edit to the simulated gold layer.
pub(super) fn take_relations(
    gold: &mut Layer,
    source: &Layer,
    unit: &Unit,
    version: &Version,
    put: &mut dyn FnMut(&mut Layer, Edit),
) {
    let kind = unit.key.kind;
    for id in &version.relations {
        let Some((from, to, _)) = ends(kind, source, *id) else { continue };
        let (Some(a), Some(b)) = (gold_end(kind, gold, &from), gold_end(kind, gold, &to)) else { continue };
        let new = gold.next_relation_id();
        let edit = match kind {
            UnitKind::MentionRelations => {
                let Some(r) = source.mention_relations.get(id) else { continue };
                Edit::PutMentionRelation(
                    new,
                    Some(MentionRelation { from: MentionId(a), to: MentionId(b), ..r.clone() }),
                )
            }
            _ => {
                let Some(r) = source.relations.get(id) else { continue };
                let (from, to) = (crate::model::EventId(a), crate::model::EventId(b));
                Edit::PutRelation(new, Some(Relation { from, to, ..r.clone() }))
            }
        };
        put(gold, edit);
    }
}

/// How a relation reads in the queue and the diagnosis file: `AFFILIATED_WITH: ACTOR 0-5 -> ACTOR 10-15`.
pub(super) fn relation_text(kind: UnitKind, layer: &Layer, id: RelationId) -> Option<String> {
    let ((a, ta, _), (b, tb, _), ty) = ends(kind, layer, id)?;
    Some(format!("{ty}: {ta} {}-{} -> {tb} {}-{}", a.start, a.end, b.start, b.end))
}
