//! Label targets: which labels a file uses, which still need a mapping, and what a user's type name means in
//! the schema.

use super::RawItem;
use crate::model::{LabelTarget, Schema, SourceConfig};
use std::collections::{BTreeMap, BTreeSet};

/// Every label the items use, with how many items use it, sorted: for a mapping dialog.
pub fn label_counts(items: &[RawItem]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for item in items {
        *out.entry(item.label.clone()).or_insert(0) += 1;
    }
    out
}

/// The labels of `items` that `mapping` does not map and that name no schema type, sorted: what the user
/// must map (to a type, or to ignore) before these items can be imported.
pub fn labels_needing_mapping(items: &[RawItem], mapping: &SourceConfig, schema: &Schema) -> Vec<String> {
    let labels: BTreeSet<&str> = items.iter().map(|i| i.label.as_str()).collect();
    labels.into_iter().filter(|l| mapping.target(l, schema).is_none()).map(str::to_owned).collect()
}

/// What a type name given by a user (`--map PER=ACTOR`) means in `schema`: an entity type or an event type
/// id (case-insensitive), or `ignore`.
pub fn parse_target(name: &str, schema: &Schema) -> Option<LabelTarget> {
    if name.eq_ignore_ascii_case("ignore") {
        return Some(LabelTarget::Ignore);
    }
    let upper = name.to_uppercase();
    if let Some(t) = schema.entity_types.iter().find(|t| t.id.as_str().to_uppercase() == upper) {
        return Some(LabelTarget::Entity(t.id.clone()));
    }
    schema.event_types.iter().find(|t| t.id.as_str().to_uppercase() == upper).map(|t| LabelTarget::Event(t.id.clone()))
}
