//! A coder against the gold layer: their misses (gold mentions they lack) and extras (mentions the gold layer
//! lacks), strict (same span and type), and their F1 per entity type.

use crate::model::{Annotator, EntityTypeId, Layer, MentionId};
use crate::store::Project;
use crate::workflow::agreement::{SpanCounts, Strictness, span_counts};
use std::collections::BTreeMap;

/// One document's comparison of a coder's layer with the gold layer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Feedback {
    /// Gold mentions the coder does not have (ids in the gold layer).
    pub misses: Vec<MentionId>,
    /// The coder's mentions the gold layer does not have (ids in the coder's layer).
    pub extras: Vec<MentionId>,
}

/// Counts per entity type: `first` is the gold layer, `second` the coder, so F1 is the coder's against gold.
pub type TypeCounts = BTreeMap<EntityTypeId, SpanCounts>;

/// The coder's misses and extras in one document.
pub fn feedback_document(coder: &Layer, gold: &Layer) -> Feedback {
    let has = |layer: &Layer, m: &crate::model::Mention| {
        layer.mentions.values().any(|o| o.span == m.span && o.entity_type == m.entity_type)
    };
    Feedback {
        misses: gold.mentions.iter().filter(|(_, m)| !has(coder, m)).map(|(id, _)| *id).collect(),
        extras: coder.mentions.iter().filter(|(_, m)| !has(gold, m)).map(|(id, _)| *id).collect(),
    }
}

/// The coder's strict counts against the gold layer per entity type, pooled over the documents that have a
/// gold layer (loaded first); a document the coder did not code counts as all misses.
pub fn feedback(project: &Project, coder: &Annotator) -> TypeCounts {
    project.load_all();
    let mut out = TypeCounts::new();
    let empty = Layer::default();
    for doc in project.documents().iter().filter_map(|d| d.loaded()) {
        let Some(gold) = doc.layers.get(&Annotator::gold()) else { continue };
        let layer = doc.layers.get(coder).unwrap_or(&empty);
        let mut types: Vec<&EntityTypeId> =
            gold.mentions.values().chain(layer.mentions.values()).map(|m| &m.entity_type).collect();
        types.sort();
        types.dedup();
        for ty in types {
            let of = |l: &Layer| {
                l.mentions.values().filter(|m| &m.entity_type == ty).map(|m| (m.span, ty.clone())).collect::<Vec<_>>()
            };
            out.entry(ty.clone()).or_default().add(span_counts(&of(gold), &of(layer), Strictness::Strict));
        }
    }
    out
}
