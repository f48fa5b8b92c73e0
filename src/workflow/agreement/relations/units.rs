//! Relations as agreement sees them: each relation by its two ends, an end by where it is and its type (a
//! mention's span and entity type, an event's trigger and event type), so that ends of different coders
//! correspond exactly as strict span and trigger agreement match them. A unit is an ordered pair of ends that
//! some coder related; a coder's label of it is the relation type they gave, "none" when they marked both ends
//! and no relation between them, and no label when they lack an end (their disagreement on the ends is counted
//! by span or event agreement already).

use crate::model::{Layer, Span};
use std::collections::BTreeMap;

/// The label of a unit whose ends a coder marked without relating them.
pub const NO_RELATION: &str = "none";

/// Relations between mentions, or between events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RelationKind {
    /// `Layer::mention_relations`: ends are mentions (span and entity type).
    Mentions,
    /// `Layer::relations`: ends are events (trigger and event type).
    Events,
}

impl RelationKind {
    /// Both kinds, in the order reports list them.
    pub const ALL: [RelationKind; 2] = [RelationKind::Mentions, RelationKind::Events];

    /// How reports name it: `mentions` or `events`.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationKind::Mentions => "mentions",
            RelationKind::Events => "events",
        }
    }
}

/// One end of a relation: the span of the mention (or the event's trigger) and its type's id.
pub type End = (Span, String);

/// A unit: the ordered pair of ends (from, to).
pub type Ends = (End, End);

/// One coder's relations of one kind in one document: the ends they marked, and for each pair of ends they
/// related, the relation types they gave (sorted; two when they drew two relations between the same ends).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CoderRelations {
    /// Every end the coder marked (each mention, or each event).
    pub ends: std::collections::BTreeSet<End>,
    /// The related pairs of ends and their relation types.
    pub related: BTreeMap<Ends, Vec<String>>,
}

impl CoderRelations {
    /// A layer's relations of `kind`. A relation whose end is missing from the layer (which validation
    /// reports) is left out.
    pub fn of(layer: &Layer, kind: RelationKind) -> CoderRelations {
        let mut out = CoderRelations::default();
        let mut add = |from: Option<End>, to: Option<End>, ty: &str| {
            if let (Some(from), Some(to)) = (from, to) {
                out.related.entry((from, to)).or_default().push(ty.to_owned());
            }
        };
        match kind {
            RelationKind::Mentions => {
                let end = |id| layer.mentions.get(id).map(|m| (m.span, m.entity_type.to_string()));
                for r in layer.mention_relations.values() {
                    add(end(&r.from), end(&r.to), r.relation_type.as_str());
                }
                out.ends = layer.mentions.values().map(|m| (m.span, m.entity_type.to_string())).collect();
            }
            RelationKind::Events => {
                let end = |id| layer.events.get(id).map(|e| (e.trigger, e.event_type.to_string()));
                for r in layer.relations.values() {
                    add(end(&r.from), end(&r.to), r.relation_type.as_str());
                }
                out.ends = layer.events.values().map(|e| (e.trigger, e.event_type.to_string())).collect();
            }
        }
        for types in out.related.values_mut() {
            types.sort();
        }
        out
    }

    /// How many relations: each relation type of each related pair once per relation.
    pub fn count(&self) -> usize {
        self.related.values().map(Vec::len).sum()
    }

    /// This coder's label of a unit: the relation type (types joined by `+` when several), [`NO_RELATION`]
    /// when they marked both ends without relating them, `None` when they lack an end.
    pub fn label(&self, unit: &Ends) -> Option<String> {
        if let Some(types) = self.related.get(unit) {
            return Some(types.join("+"));
        }
        (self.ends.contains(&unit.0) && self.ends.contains(&unit.1)).then(|| NO_RELATION.to_owned())
    }
}

/// The units of one document: every pair of ends some coder related, in order.
pub fn units_of(coders: &[Option<&CoderRelations>]) -> Vec<Ends> {
    let mut out: Vec<Ends> = coders.iter().flatten().flat_map(|c| c.related.keys().cloned()).collect();
    out.sort();
    out.dedup();
    out
}

/// How many relations two coders share: the same ends and the same type, each relation matched once.
pub fn matched(first: &CoderRelations, second: &CoderRelations) -> usize {
    first
        .related
        .iter()
        .filter_map(|(ends, types)| Some((types, second.related.get(ends)?)))
        .map(|(a, b)| {
            // Both lists are sorted: the size of their intersection as multisets.
            let (mut i, mut j, mut n) = (0, 0, 0);
            while i < a.len() && j < b.len() {
                match a[i].cmp(&b[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => (i, j, n) = (i + 1, j + 1, n + 1),
                }
            }
            n
        })
        .sum()
}
