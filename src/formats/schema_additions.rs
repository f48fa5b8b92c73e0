//! Labels of another tool's files that the schema lacks, and the schema that holds them: what
//! `import-annotations --add-types` and the import window's "Types" list make before an import.
//!
//! A label is *missing* when neither the user's mapping nor the schema (case-blind, see
//! [`super::type_labels`]) gives it a type. The user maps some missing labels onto existing types (the
//! mapping) and has the rest added: [`add_missing`] makes each an entity, event or relation type of its own,
//! with the roles the file gave its events, and adds the roles an existing event type lacks. The labels keep
//! their place in the mapping, so the import reads them as the new types whatever id they were given.

use super::found_types::{FoundRelation, FoundTypes};
use super::type_labels::{LabelMap, TypeOf, relation_of, type_of};
use crate::model::{
    EntityType, EntityTypeId, EventType, EventTypeId, RelationEnds, RelationType, RelationTypeId, Rgb, Role, RoleId,
    Schema,
};
use std::collections::BTreeSet;

/// What a label makes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LabelKind {
    /// Mentions: its type is an entity type.
    Entity,
    /// Event triggers: its type is an event type.
    Event,
    /// Relations: its type is a relation type.
    Relation,
}

/// A label the schema has no type for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    /// The label as the file writes it.
    pub label: String,
    /// What it makes.
    pub kind: LabelKind,
}

/// The schema with the missing types added, and the mapping that reads the file's labels as them.
#[derive(Clone, Debug, PartialEq)]
pub struct Additions {
    /// The schema to import into.
    pub schema: Schema,
    /// The user's mapping, with each added label mapped to its new type.
    pub map: LabelMap,
    /// What was added, one line each (`entity type PERSON (Person)`, `role Place of ATTACK`), for the user.
    pub added: Vec<String>,
}

/// `found` with each relation from an event label to mentions taken as a role of that event (doccano and
/// Label Studio write roles as relations from the trigger to the filler); a relation between events stays.
pub fn settle(schema: &Schema, map: &LabelMap, found: &FoundTypes) -> FoundTypes {
    let mut out = FoundTypes { entities: found.entities.clone(), events: found.events.clone(), relations: Vec::new() };
    for relation in &found.relations {
        // An event label: of an event type, or found as one (its type is yet to be added).
        let is_event = |l: &String| match type_of(schema, map, l) {
            Some(t) => matches!(t, TypeOf::Event(_)),
            None => found.events.iter().any(|e| &e.label == l),
        };
        let from_events = !relation.from.is_empty() && relation.from.iter().all(is_event);
        let to_mentions = !relation.to.iter().any(is_event);
        if from_events && to_mentions && relation_of(schema, map, &relation.label).is_none() {
            for event in &relation.from {
                out.add_role(event, &relation.label, None);
                for filler in &relation.to {
                    out.add_role(event, &relation.label, Some(filler));
                }
            }
        } else {
            out.relations.push(relation.clone());
        }
    }
    out
}

/// The labels of `found` that `map` and the schema leave without a type, in the order found.
pub fn missing(schema: &Schema, map: &LabelMap, found: &FoundTypes) -> Vec<Missing> {
    let found = &settle(schema, map, found);
    let mut out = Vec::new();
    for label in &found.entities {
        if type_of(schema, map, label).is_none() {
            out.push(Missing { label: label.clone(), kind: LabelKind::Entity });
        }
    }
    for event in &found.events {
        if type_of(schema, map, &event.label).is_none() {
            out.push(Missing { label: event.label.clone(), kind: LabelKind::Event });
        }
    }
    for relation in &found.relations {
        if relation_of(schema, map, &relation.label).is_none() {
            out.push(Missing { label: relation.label.clone(), kind: LabelKind::Relation });
        }
    }
    out
}

/// `schema` with a type for every label `map` leaves missing, and each found role its event type lacks.
pub fn add_missing(schema: &Schema, map: &LabelMap, found: &FoundTypes) -> Additions {
    let found = &settle(schema, map, found);
    let mut out = Additions { schema: schema.clone(), map: map.clone(), added: Vec::new() };
    let mut taken: BTreeSet<String> = type_ids(schema).collect();
    for label in &found.entities {
        if type_of(&out.schema, &out.map, label).is_some() {
            continue;
        }
        let id = fresh_id(label, &mut taken);
        let color = PALETTE[out.schema.entity_types.len() % PALETTE.len()];
        out.schema.entity_types.push(EntityType {
            id: EntityTypeId::new(&id),
            name: label.clone(),
            name_ar: String::new(),
            key: None,
            color: Rgb(color),
            description: format!("Added from an import, where it is labelled `{label}`."),
        });
        out.added.push(format!("entity type {id} ({label})"));
        out.map.insert(label.clone(), id);
    }
    for event in &found.events {
        let id = match type_of(&out.schema, &out.map, &event.label) {
            Some(TypeOf::Event(id)) => id,
            Some(TypeOf::Entity(_)) => continue,
            None => {
                let id = fresh_id(&event.label, &mut taken);
                let color = PALETTE[(out.schema.event_types.len() + 5) % PALETTE.len()];
                out.schema.event_types.push(EventType {
                    id: EventTypeId::new(&id),
                    name: event.label.clone(),
                    name_ar: String::new(),
                    key: None,
                    color: Rgb(color),
                    roles: Vec::new(),
                    description: format!("Added from an import, where it is labelled `{}`.", event.label),
                });
                out.added.push(format!("event type {id} ({})", event.label));
                out.map.insert(event.label.clone(), id.clone());
                EventTypeId::new(&id)
            }
        };
        for role in &event.roles {
            add_role(&mut out, &id, &role.name, &role.fillers);
        }
    }
    for relation in &found.relations {
        if relation_of(&out.schema, &out.map, &relation.label).is_some() {
            continue;
        }
        let id = fresh_id(&relation.label, &mut taken);
        let between = relation_ends(&out.schema, &out.map, relation);
        out.schema.relation_types.push(RelationType {
            id: RelationTypeId::new(&id),
            name: relation.label.clone(),
            description: format!("Added from an import, where it is labelled `{}`.", relation.label),
            between,
        });
        out.added.push(format!("relation type {id} ({})", relation.label));
        out.map.insert(relation.label.clone(), id);
    }
    out
}

/// Adds the role `name` to the event type `event` unless it has it (exactly, or as brat numbers a repeated
/// role, `Location2`), taking the types of the fillers found (any entity type when none is known).
fn add_role(out: &mut Additions, event: &EventTypeId, name: &str, fillers: &BTreeSet<String>) {
    let allowed: Vec<EntityTypeId> = fillers
        .iter()
        .filter_map(|f| match type_of(&out.schema, &out.map, f) {
            Some(TypeOf::Entity(t)) => Some(t),
            _ => None,
        })
        .collect();
    let everything: Vec<EntityTypeId> = out.schema.entity_types.iter().map(|t| t.id.clone()).collect();
    let Some(ty) = out.schema.event_types.iter_mut().find(|t| &t.id == event) else { return };
    let bare = name.trim_end_matches(|c: char| c.is_ascii_digit());
    let bare = if bare.is_empty() { name } else { bare };
    if ty.roles.iter().any(|r| r.id.as_str() == name || r.id.as_str() == bare) {
        return;
    }
    ty.roles.push(Role {
        id: RoleId::new(bare),
        name: bare.to_owned(),
        allowed: if allowed.is_empty() { everything } else { allowed },
        required: false,
        // Imported data decides how often a role is filled: a limit would refuse some of it.
        repeatable: true,
    });
    out.added.push(format!("role {bare} of {event}"));
}

/// What a new relation type connects: events when its ends were events, else mentions of the types found.
fn relation_ends(schema: &Schema, map: &LabelMap, relation: &FoundRelation) -> RelationEnds {
    let ends = |labels: &BTreeSet<String>| -> (Vec<EntityTypeId>, bool) {
        let mut entities = Vec::new();
        let mut events = false;
        for label in labels {
            match type_of(schema, map, label) {
                Some(TypeOf::Entity(t)) if !entities.contains(&t) => entities.push(t),
                Some(TypeOf::Event(_)) => events = true,
                _ => {}
            }
        }
        (entities, events)
    };
    let ((from, from_events), (to, to_events)) = (ends(&relation.from), ends(&relation.to));
    if (from_events || to_events) && from.is_empty() && to.is_empty() {
        RelationEnds::Events
    } else {
        RelationEnds::Mentions { from, to }
    }
}

/// Every type id of the schema, of all kinds: a new type's id must differ from each.
fn type_ids(schema: &Schema) -> impl Iterator<Item = String> + '_ {
    let entities = schema.entity_types.iter().map(|t| t.id.to_string());
    let events = schema.event_types.iter().map(|t| t.id.to_string());
    entities.chain(events).chain(schema.relation_types.iter().map(|t| t.id.to_string()))
}

/// `typed` as a type id, as the schema editor and imports make them: upper-case ASCII letters, digits and `_`
/// (spaces and dashes become `_`, anything else is left out).
pub fn type_id(typed: &str) -> String {
    typed
        .trim()
        .chars()
        .map(|c| if c.is_whitespace() || c == '-' { '_' } else { c.to_ascii_uppercase() })
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect()
}

/// The id a new type labelled `label` gets: its [`type_id`] (the label itself, its spaces made `_`, when that
/// leaves nothing, as for an Arabic label), numbered when taken.
pub fn fresh_id(label: &str, taken: &mut BTreeSet<String>) -> String {
    let upper = type_id(label);
    let base = if upper.trim_matches('_').is_empty() {
        label.trim().chars().map(|c| if c.is_whitespace() { '_' } else { c }).collect()
    } else {
        upper
    };
    let base = if base.is_empty() { "TYPE".to_owned() } else { base };
    let mut id = base.clone();
    let mut n = 2;
    while taken.iter().any(|t| t.to_lowercase() == id.to_lowercase()) {
        id = format!("{base}_{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// Colours for added types, distinct from each other on a white page and a dark one.
const PALETTE: [[u8; 3]; 10] = [
    [0x1f, 0x77, 0xb4],
    [0xff, 0x7f, 0x0e],
    [0x2c, 0xa0, 0x2c],
    [0xd6, 0x27, 0x28],
    [0x94, 0x67, 0xbd],
    [0x8c, 0x56, 0x4b],
    [0xe3, 0x77, 0xc2],
    [0x7f, 0x7f, 0x7f],
    [0xbc, 0xbd, 0x22],
    [0x17, 0xbe, 0xcf],
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_conflict_schema;

    fn found() -> FoundTypes {
        let mut found = FoundTypes::default();
        found.add_entity("Person");
        found.add_entity("Organization");
        found.add_entity("Weapon");
        found.add_entity("مكان");
        found.add_role("Attack", "Attacker", Some("Organization"));
        found.add_role("Attack", "Place2", Some("مكان"));
        found.add_role("Kidnapping", "Victim", Some("Person"));
        found.add_relation("Member-Of", Some("Person"), Some("Organization"));
        found.add_relation("Follows", Some("Attack"), Some("Kidnapping"));
        found
    }

    #[test]
    fn labels_the_schema_lacks_are_missing_unless_mapped() {
        let schema = default_conflict_schema();
        let kinds = |map: &LabelMap| -> Vec<(String, LabelKind)> {
            missing(&schema, map, &found()).into_iter().map(|m| (m.label, m.kind)).collect()
        };
        // WEAPON and ATTACK are the schema's, whatever the case.
        let none = kinds(&LabelMap::new());
        let labels: Vec<&str> = none.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["Person", "Organization", "مكان", "Kidnapping", "Member-Of", "Follows"]);
        assert_eq!(none[3].1, LabelKind::Event);
        assert_eq!(none[4].1, LabelKind::Relation);
        let map: LabelMap = [("Person", "ACTOR"), ("Organization", "ACTOR"), ("Member-Of", "AFFILIATED_WITH")]
            .map(|(l, t)| (l.to_owned(), t.to_owned()))
            .into();
        let left: Vec<String> = kinds(&map).into_iter().map(|(l, _)| l).collect();
        assert_eq!(left, ["مكان", "Kidnapping", "Follows"]);
    }

    #[test]
    fn adding_makes_each_missing_label_a_type_with_its_roles_and_ends() {
        let schema = default_conflict_schema();
        let map: LabelMap = [("Organization".to_owned(), "ACTOR".to_owned())].into();
        let additions = add_missing(&schema, &map, &found());
        let s = &additions.schema;
        assert!(s.problems().is_empty(), "{:?}", s.problems());
        let person = s.entity_type(&"PERSON".into()).expect("Person added as PERSON");
        assert_eq!(person.name, "Person");
        assert!(s.entity_type(&"مكان".into()).is_some(), "an Arabic label keeps its letters as its id");
        assert!(s.entity_type(&"ORGANIZATION".into()).is_none(), "a mapped label is not added");
        let kidnapping = s.event_type(&"KIDNAPPING".into()).expect("Kidnapping added");
        assert_eq!(kidnapping.roles[0].id.as_str(), "Victim");
        assert_eq!(kidnapping.roles[0].allowed, [EntityTypeId::new("PERSON")]);
        // ATTACK exists: its missing role is added (brat's numbered Place2 as Place), Attacker it has.
        let attack = s.event_type(&"ATTACK".into()).unwrap();
        let place = attack.roles.iter().find(|r| r.id.as_str() == "Place").expect("role Place added");
        assert_eq!(place.allowed, [EntityTypeId::new("مكان")]);
        assert_eq!(attack.roles.iter().filter(|r| r.id.as_str() == "Attacker").count(), 1);
        let member = s.relation_type(&"MEMBER_OF".into()).unwrap();
        let ends = RelationEnds::Mentions { from: vec!["PERSON".into()], to: vec!["ACTOR".into()] };
        assert_eq!(member.between, ends);
        assert_eq!(s.relation_type(&"FOLLOWS".into()).unwrap().between, RelationEnds::Events);
        // Every label of the file now has a type.
        assert!(missing(s, &additions.map, &found()).is_empty());
        assert_eq!(additions.added.len(), 7, "{:?}", additions.added);
    }

    #[test]
    fn a_relation_from_a_trigger_to_a_mention_is_a_role() {
        let schema = default_conflict_schema();
        let mut found = FoundTypes::default();
        found.add_entity("ACTOR");
        found.add_entity("ATTACK");
        found.add_relation("Attacker", Some("ATTACK"), Some("ACTOR"));
        found.add_relation("Shooter", Some("ATTACK"), Some("ACTOR"));
        found.add_relation("RESPONSE_TO", Some("ATTACK"), Some("ATTACK"));
        let missing: Vec<String> = missing(&schema, &LabelMap::new(), &found).into_iter().map(|m| m.label).collect();
        assert!(missing.is_empty(), "{missing:?}");
        let additions = add_missing(&schema, &LabelMap::new(), &found);
        assert_eq!(additions.added, ["role Shooter of ATTACK"]);
    }

    #[test]
    fn a_new_id_never_repeats_one_taken_whatever_its_case() {
        let mut taken: BTreeSet<String> = ["ACTOR".to_owned()].into();
        assert_eq!(fresh_id("actor", &mut taken), "ACTOR_2");
        assert_eq!(fresh_id("Actor", &mut taken), "ACTOR_3");
        assert_eq!(fresh_id("نوع سلاح", &mut taken), "نوع_سلاح");
        assert_eq!(fresh_id("  ", &mut taken), "TYPE");
    }
}
