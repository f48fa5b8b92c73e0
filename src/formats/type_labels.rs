//! Another tool's labels as the schema's types (entity, event and relation types), for the annotation
//! imports: through the user's mapping (`--map LABEL=TYPE`) first, else the type whose id is the label
//! regardless of case (and of `-`, ` ` or `_`), so that `Person`, `person` and `PERSON` are all the type
//! `PERSON`, and `Based-In` the type `BASED_IN`.

use crate::model::{EntityTypeId, EventTypeId, RelationTypeId, Schema};
use std::collections::BTreeMap;

/// A label's type in the schema.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TypeOf {
    /// An entity type: the label makes mentions.
    Entity(EntityTypeId),
    /// An event type: the label makes event triggers.
    Event(EventTypeId),
}

/// The user's mapping of labels to type ids (`3` to `ACTOR`, `PER` to `ACTOR`); labels are matched exactly,
/// else regardless of case.
pub type LabelMap = BTreeMap<String, String>;

/// A label or id as compared when not equal: lower case, with spaces and dashes as `_` (the schema editor and
/// `--add-types` make `BASED_IN` of `Based-In`). Also how a model's role names meet the schema's role ids.
pub fn fold(label: &str) -> String {
    label.chars().map(|c| if c.is_whitespace() || c == '-' { '_' } else { c }).collect::<String>().to_lowercase()
}

/// What `label` is mapped to: the exact entry, else one that differs only in case.
fn mapped<'m>(map: &'m LabelMap, label: &'m str) -> &'m str {
    let folded = || map.iter().find(|(l, _)| fold(l) == fold(label)).map(|(_, t)| t);
    map.get(label).or_else(folded).map_or(label, String::as_str)
}

/// The type `label` stands for: its mapping's target when it has one, else the type with the same id, an
/// exact match before one that differs only in case or in `-`, ` ` and `_`.
pub fn type_of(schema: &Schema, map: &LabelMap, label: &str) -> Option<TypeOf> {
    let name = mapped(map, label);
    let entities = schema.entity_types.iter().map(|t| (t.id.as_str(), TypeOf::Entity(t.id.clone())));
    let events = schema.event_types.iter().map(|t| (t.id.as_str(), TypeOf::Event(t.id.clone())));
    let all: Vec<(&str, TypeOf)> = entities.chain(events).collect();
    let exact = all.iter().find(|(id, _)| *id == name);
    let folded = || all.iter().find(|(id, _)| fold(id) == fold(name));
    exact.or_else(folded).map(|(_, t)| t.clone())
}

/// The relation type `label` stands for: its mapping's target when it has one, else the relation type with
/// the same id, an exact match before one that differs only in case.
pub fn relation_of(schema: &Schema, map: &LabelMap, label: &str) -> Option<RelationTypeId> {
    let name = mapped(map, label);
    let ids = || schema.relation_types.iter().map(|r| &r.id);
    let exact = ids().find(|id| id.as_str() == name);
    exact.or_else(|| ids().find(|id| fold(id.as_str()) == fold(name))).cloned()
}

/// Reads `--map LABEL=TYPE` pairs, checking each type against the schema (case-blind, as labels are).
pub fn parse_map(pairs: &[String], schema: &Schema) -> Result<LabelMap, String> {
    let mut map = LabelMap::new();
    for pair in pairs {
        let Some((label, ty)) = pair.split_once('=').filter(|(l, t)| !l.is_empty() && !t.is_empty()) else {
            return Err(format!("--map {pair}: expected LABEL=TYPE, e.g. --map 3=ACTOR"));
        };
        let id = match type_of(schema, &LabelMap::new(), ty) {
            Some(TypeOf::Entity(t)) => t.to_string(),
            Some(TypeOf::Event(t)) => t.to_string(),
            None if let Some(r) = relation_of(schema, &LabelMap::new(), ty) => r.to_string(),
            None => return Err(format!("--map {pair}: `{ty}` is not a type of the schema ({})", type_list(schema))),
        };
        map.insert(label.to_owned(), id);
    }
    Ok(map)
}

/// The schema's entity, event and relation type ids, for messages.
pub fn type_list(schema: &Schema) -> String {
    let entities = schema.entity_types.iter().map(|t| t.id.as_str());
    let events = schema.event_types.iter().map(|t| t.id.as_str());
    let relations = schema.relation_types.iter().map(|t| t.id.as_str());
    entities.chain(events).chain(relations).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_its_type_whatever_its_case_and_a_mapping_comes_first() {
        let schema = crate::model::default_conflict_schema();
        assert_eq!(type_of(&schema, &LabelMap::new(), "Actor"), Some(TypeOf::Entity("ACTOR".into())));
        assert_eq!(type_of(&schema, &LabelMap::new(), "attack"), Some(TypeOf::Event("ATTACK".into())));
        assert_eq!(type_of(&schema, &LabelMap::new(), "PLANET"), None);
        let map = parse_map(&["3=location".to_owned()], &schema).unwrap();
        assert_eq!(type_of(&schema, &map, "3"), Some(TypeOf::Entity("LOCATION".into())));
        assert!(parse_map(&["3=PLANET".to_owned()], &schema).unwrap_err().contains("not a type"));
        assert_eq!(relation_of(&schema, &LabelMap::new(), "affiliated_with"), Some("AFFILIATED_WITH".into()));
        let map = parse_map(&["Member=affiliated_with".to_owned()], &schema).unwrap();
        assert_eq!(relation_of(&schema, &map, "Member"), Some("AFFILIATED_WITH".into()));
    }
}
