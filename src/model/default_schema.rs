//! The default conflict-event schema (DESIGN.md section 6), aligned with ACLED sub-events and ACE roles.

use super::schema::*;
use super::{AttributeId, EntityTypeId, EventTypeId, RelationTypeId, Rgb, RoleId};

fn entity(id: &str, name: &str, name_ar: &str, color: [u8; 3], key: char, description: &str) -> EntityType {
    EntityType {
        id: EntityTypeId::from(id),
        name: name.to_owned(),
        name_ar: name_ar.to_owned(),
        color: Rgb(color),
        key: Some(key),
        description: description.to_owned(),
    }
}

pub(super) fn role(id: &str, allowed: &[&str], required: bool, repeatable: bool) -> Role {
    Role {
        id: RoleId::from(id),
        name: id.to_owned(),
        allowed: allowed.iter().map(|&a| EntityTypeId::from(a)).collect(),
        required,
        repeatable,
    }
}

pub(super) fn event(
    id: &str,
    name: &str,
    name_ar: &str,
    key: char,
    color: [u8; 3],
    roles: Vec<Role>,
    description: &str,
) -> EventType {
    EventType {
        id: EventTypeId::from(id),
        name: name.to_owned(),
        name_ar: name_ar.to_owned(),
        key: Some(key),
        color: Rgb(color),
        roles,
        description: description.to_owned(),
    }
}

pub(super) fn attribute(
    id: &str,
    name: &str,
    target: AttributeTarget,
    kind: AttributeKind,
    types: &[&str],
) -> AttributeDef {
    AttributeDef {
        id: AttributeId::from(id),
        name: name.to_owned(),
        target,
        kind,
        types: types.iter().map(|&t| t.to_owned()).collect(),
    }
}

/// The schema new projects start with: six entity types, four event types, modality, fatalities and date
/// precision on events with the dataset fields of [`dataset_attributes`], and RESPONSE_TO between events.
pub fn default_conflict_schema() -> Schema {
    Schema {
        entity_types: entity_types(),
        event_types: event_types(),
        attributes: attribute_defs(),
        relation_types: relation_types(),
    }
}

/// The six entity types, keyed `1` to `6`; the order here is the order a new project's schema file lists them.
pub(super) fn entity_types() -> Vec<EntityType> {
    vec![
        entity(
            "ACTOR",
            "Actor",
            "فاعل",
            [0xd9, 0x48, 0x3b],
            '1',
            "An armed group, state force, organisation or person taking part",
        ),
        entity(
            "LOCATION",
            "Location",
            "مكان",
            [0x2e, 0x86, 0xc1],
            '2',
            "A place: town, region, base, oil field, border crossing",
        ),
        entity("TIME", "Time", "زمان", [0x8e, 0x44, 0xad], '3', "A date or time expression"),
        entity(
            "WEAPON",
            "Weapon",
            "سلاح",
            [0xe6, 0x7e, 0x22],
            '4',
            "A weapon or means of attack: rockets, drones, air strikes",
        ),
        entity("CASUALTIES", "Casualties", "ضحايا", [0x7f, 0x8c, 0x8d], '5', "A count of killed or injured"),
        entity(
            "SOURCE",
            "Source",
            "مصدر",
            [0x27, 0xae, 0x60],
            '6',
            "Who reports: \"مصادر خاصة\", \"وزارة الدفاع الأمريكية\"",
        ),
    ]
}

/// The four event types with their roles, aligned with ACLED sub-events and ACE roles (DESIGN.md section 6).
fn event_types() -> Vec<EventType> {
    vec![
        event(
            "ATTACK",
            "Attack",
            "هجوم",
            'a',
            [0xc0, 0x39, 0x2b],
            vec![
                role("Attacker", &["ACTOR"], true, true),
                role("Target", &["ACTOR", "LOCATION"], true, true),
                role("Location", &["LOCATION"], false, true),
                role("Time", &["TIME"], false, false),
                role("Instrument", &["WEAPON"], false, true),
                role("Casualties", &["CASUALTIES"], false, true),
            ],
            "Shelling or missile attack, air or drone strike, armed clash",
        ),
        event(
            "THREAT",
            "Threat",
            "تهديد",
            't',
            [0xd3, 0x54, 0x00],
            vec![
                role("Threatener", &["ACTOR"], true, true),
                role("Threatened", &["ACTOR", "LOCATION"], false, true),
                role("Location", &["LOCATION"], false, true),
                role("Time", &["TIME"], false, false),
            ],
            "A group threatens to attack",
        ),
        event(
            "STATEMENT",
            "Statement / call",
            "بيان / دعوة",
            's',
            [0x16, 0xa0, 0x85],
            vec![
                role("Speaker", &["ACTOR", "SOURCE"], true, false),
                role("Addressee", &["ACTOR"], false, true),
                role("Time", &["TIME"], false, false),
            ],
            "A group calls for or announces action",
        ),
        event(
            "MOVEMENT",
            "Movement",
            "تحرك",
            'm',
            [0x29, 0x80, 0xb9],
            vec![
                role("Agent", &["ACTOR"], true, true),
                role("Origin", &["LOCATION"], false, true),
                role("Destination", &["LOCATION"], false, true),
                role("Time", &["TIME"], false, false),
            ],
            "Evacuation or redeployment",
        ),
    ]
}

/// Modality, fatalities and date precision on events; a normalized date, a count and uncertainty on mentions.
pub(super) fn attribute_defs() -> Vec<AttributeDef> {
    use AttributeKind::*;
    use AttributeTarget::*;
    let choices = |c: &[&str]| Choice(c.iter().map(|&s| s.to_owned()).collect());
    vec![
        attribute("modality", "Modality", Event, choices(&["asserted", "denied", "claimed", "threatened"]), &[]),
        attribute("fatalities", "Fatalities", Event, Number, &[]),
        attribute("date_precision", "Date precision", Event, choices(&["day", "week", "month", "year"]), &[]),
        attribute("date", "Normalized date", Mention, Date, &["TIME"]),
        attribute("count", "Count", Mention, Number, &["CASUALTIES"]),
        attribute("uncertain", "Uncertain", Mention, Boolean, &[]),
    ]
    .into_iter()
    .chain(dataset_attributes())
    .collect()
}

/// The event attributes that hold an event dataset's fields (ACLED's codebook; the ids of [`super::acled`]).
/// The sub-event type offers all 25 of ACLED's: an attribute has one list of choices, so the schema cannot
/// give each event type its own (the ACLED preset's event types are ACLED's, and a sub-event type names its
/// event type: [`super::acled::sub_event_parents`]).
pub fn dataset_attributes() -> Vec<AttributeDef> {
    use super::acled::*;
    use AttributeKind::*;
    use AttributeTarget::*;
    let choices = |c: &[&str]| Choice(c.iter().map(|&s| s.to_owned()).collect());
    let all: Vec<&str> = SUB_EVENT_TYPES.iter().map(|(sub, ..)| *sub).collect();
    vec![
        attribute(SUB_EVENT_TYPE, "Sub-event type", Event, choices(&all), &[]),
        attribute(DISORDER_TYPE, "Disorder type (override)", Event, choices(&DISORDER_TYPES), &[]),
        attribute(CIVILIAN_TARGETING, "Civilian targeting", Event, Boolean, &[]),
        attribute(DATE_END, "End date", Event, Date, &[]),
        attribute(FATALITIES_LOW, "Fatalities (low)", Event, Number, &[]),
        attribute(FATALITIES_HIGH, "Fatalities (high)", Event, Number, &[]),
        attribute(INJURED, "Injured", Event, Number, &[]),
        attribute(SOURCE_SCALE, "Source scale", Event, choices(&SOURCE_SCALES), &[]),
        attribute(TAGS, "Tags", Event, Text, &[]),
    ]
}

/// RESPONSE_TO between events; AFFILIATED_WITH between actors (what event datasets record as associated
/// actors: "مليشيا أبو الفضل العباس التابعة للحرس الثوري الإيراني").
pub(super) fn relation_types() -> Vec<RelationType> {
    let actor = || vec![EntityTypeId::from("ACTOR")];
    vec![
        RelationType {
            id: RelationTypeId::from("RESPONSE_TO"),
            name: "In response to".to_owned(),
            description: "The first event answers the second (the coalition's strikes answer the shelling)".to_owned(),
            between: RelationEnds::Events,
        },
        RelationType {
            id: RelationTypeId::from("AFFILIATED_WITH"),
            name: "Affiliated with".to_owned(),
            description: "The first actor belongs to or acts for the second (a militia and the force it answers to)"
                .to_owned(),
            between: RelationEnds::Mentions { from: actor(), to: actor() },
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_schema_is_consistent() {
        assert_eq!(default_conflict_schema().problems(), Vec::<(String, String)>::new());
    }
}
