//! Span agreement of each pair of coders per entity type: the counts behind the per-type table and plot.

use super::{SpanCounts, Strictness, span_counts};
use crate::model::{Annotator, EntityTypeId, Layer, Span};
use crate::store::Project;
use std::collections::BTreeMap;

/// Strict counts per entity type for each pair of `coders` (in the order of [`super::pairwise`]), pooled over
/// the documents both coded (loaded first).
pub fn pairwise_by_type(
    project: &Project,
    coders: &[Annotator],
) -> Vec<((Annotator, Annotator), BTreeMap<EntityTypeId, SpanCounts>)> {
    project.load_all();
    let mut out = Vec::new();
    for (i, a) in coders.iter().enumerate() {
        for b in &coders[i + 1..] {
            let mut counts: BTreeMap<EntityTypeId, SpanCounts> = BTreeMap::new();
            for doc in project.documents().iter().filter_map(|d| d.loaded()) {
                let (Some(la), Some(lb)) = (doc.layers.get(a), doc.layers.get(b)) else { continue };
                for (ty, (ma, mb)) in split_by_type(la, lb) {
                    counts.entry(ty).or_default().add(span_counts(&ma, &mb, Strictness::Strict));
                }
            }
            out.push(((a.clone(), b.clone()), counts));
        }
    }
    out
}

type ByType = BTreeMap<EntityTypeId, (Vec<(Span, EntityTypeId)>, Vec<(Span, EntityTypeId)>)>;

fn split_by_type(first: &Layer, second: &Layer) -> ByType {
    let mut out = ByType::new();
    for m in first.mentions.values() {
        out.entry(m.entity_type.clone()).or_default().0.push((m.span, m.entity_type.clone()));
    }
    for m in second.mentions.values() {
        out.entry(m.entity_type.clone()).or_default().1.push((m.span, m.entity_type.clone()));
    }
    out
}
