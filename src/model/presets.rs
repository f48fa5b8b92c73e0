//! The schemas a new project can start with: the conflict schema (four event types of its own) and ACLED's
//! (its six event types), both with the same entity types, attributes and relation types.

use super::default_schema::{attribute_defs, entity_types, event, relation_types, role};
use super::{AttributeDef, EventType, Schema, default_conflict_schema};

/// A schema a new project can start with (`tarmeez new --schema conflict|acled`, File > New project).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Preset {
    /// The default conflict schema: Attack, Threat, Statement, Movement.
    #[default]
    Conflict,
    /// ACLED's six event types, with Actor 1, Actor 2 and associated actors as roles.
    Acled,
}

impl Preset {
    /// Every preset, in the order they are offered.
    pub const ALL: [Preset; 2] = [Preset::Conflict, Preset::Acled];

    /// The preset's name on the command line (`conflict`, `acled`).
    pub fn name(self) -> &'static str {
        match self {
            Preset::Conflict => "conflict",
            Preset::Acled => "acled",
        }
    }

    /// What the preset's event types are, in a line.
    pub fn help(self) -> &'static str {
        match self {
            Preset::Conflict => "Attack, Threat, Statement / call, Movement, with ACLED's fields as attributes",
            Preset::Acled => "ACLED's six event types (Battles, Explosions/Remote violence, ...), Actor 1 and Actor 2",
        }
    }

    /// The preset with this command-line name (any case).
    pub fn from_name(name: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name().eq_ignore_ascii_case(name.trim()))
    }

    /// The preset's schema.
    pub fn schema(self) -> Schema {
        match self {
            Preset::Conflict => default_conflict_schema(),
            Preset::Acled => Schema {
                entity_types: entity_types(),
                event_types: acled_event_types(),
                attributes: attribute_defs(),
                relation_types: relation_types(),
            },
        }
    }
}

/// `schema` with the dataset attributes of the default schema it lacks added at the end (an older project's
/// schema), or `None` when it has them all. An attribute whose id the schema already uses is left as it is.
pub fn with_dataset_attributes(schema: &Schema) -> Option<Schema> {
    let missing: Vec<AttributeDef> =
        attribute_defs().into_iter().filter(|a| schema.attribute(&a.id).is_none()).collect();
    if missing.is_empty() {
        return None;
    }
    let mut out = schema.clone();
    out.attributes.extend(missing);
    Some(out)
}

/// ACLED's six event types (codebook section 3), named as ACLED names them; the sub-event type attribute
/// says which of each one's sub-events it is.
fn acled_event_types() -> Vec<EventType> {
    let actors = || {
        vec![
            role("Actor1", &["ACTOR"], true, false),
            role("Actor2", &["ACTOR"], false, false),
            role("AssociatedActor", &["ACTOR"], false, true),
        ]
    };
    let place_time = || vec![role("Location", &["LOCATION"], false, true), role("Time", &["TIME"], false, false)];
    let violent = || {
        let mut roles = actors();
        roles.extend(place_time());
        roles.push(role("Instrument", &["WEAPON"], false, true));
        roles.push(role("Casualties", &["CASUALTIES"], false, true));
        roles
    };
    let plain = || {
        let mut roles = actors();
        roles.extend(place_time());
        roles
    };
    let mut protests = plain();
    protests.push(role("Casualties", &["CASUALTIES"], false, true));
    vec![
        event(
            "BATTLES",
            "Battles",
            "معارك",
            'b',
            [0xc0, 0x39, 0x2b],
            violent(),
            "Armed clashes between organised armed groups; territory taken",
        ),
        event(
            "EXPLOSIONS",
            "Explosions/Remote violence",
            "انفجارات / عنف عن بعد",
            'x',
            [0xd3, 0x54, 0x00],
            violent(),
            "Air or drone strikes, shelling, missile attacks, explosive devices: one side cannot answer in place",
        ),
        event(
            "VIOLENCE_AGAINST_CIVILIANS",
            "Violence against civilians",
            "عنف ضد المدنيين",
            'v',
            [0x8e, 0x44, 0xad],
            violent(),
            "An organised armed group attacks, abducts or sexually assaults unarmed civilians",
        ),
        event(
            "PROTESTS",
            "Protests",
            "احتجاجات",
            'p',
            [0x27, 0xae, 0x60],
            protests,
            "Public demonstrations, non-violent",
        ),
        event(
            "RIOTS",
            "Riots",
            "أعمال شغب",
            'o',
            [0xe6, 0x7e, 0x22],
            violent(),
            "Violent demonstrations and mob violence",
        ),
        event(
            "STRATEGIC_DEVELOPMENTS",
            "Strategic developments",
            "تطورات استراتيجية",
            'd',
            [0x29, 0x80, 0xb9],
            plain(),
            "Agreements, arrests, bases established, territory handed over, looting, weapons seized",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AttributeId;
    use crate::model::acled::{SUB_EVENT_TYPE, SUB_EVENT_TYPES};

    #[test]
    fn every_preset_is_consistent_and_names_itself() {
        for preset in Preset::ALL {
            assert_eq!(preset.schema().problems(), Vec::<(String, String)>::new(), "{preset:?}");
            assert_eq!(Preset::from_name(preset.name()), Some(preset));
        }
        assert_eq!(Preset::from_name("ACLED"), Some(Preset::Acled));
        assert_eq!(Preset::from_name("ucdp"), None);
    }

    #[test]
    fn acleds_event_types_are_its_six_and_every_sub_event_names_one_of_them() {
        let schema = Preset::Acled.schema();
        let names: Vec<&str> = schema.event_types.iter().map(|t| t.name.as_str()).collect();
        for (sub, event, _) in SUB_EVENT_TYPES {
            assert!(names.contains(&event), "{sub}: {event} is not an event type");
        }
        assert_eq!(names.len(), 6);
        assert!(schema.attribute(&AttributeId::from(SUB_EVENT_TYPE)).is_some());
        assert_eq!(schema.attributes, default_conflict_schema().attributes, "the same attributes");
        assert_eq!(schema.entity_types, default_conflict_schema().entity_types);
    }

    #[test]
    fn an_older_schema_gains_only_the_attributes_it_lacks() {
        let mut old = default_conflict_schema();
        old.attributes.retain(|a| a.id.as_str() != SUB_EVENT_TYPE && a.id.as_str() != "tags");
        let added = with_dataset_attributes(&old).expect("two are missing");
        assert_eq!(added.attributes.len(), old.attributes.len() + 2);
        assert!(added.attribute(&AttributeId::from("tags")).is_some());
        assert_eq!(with_dataset_attributes(&added), None);
    }
}
