//! The annotation schema: what coders may mark and build (DESIGN.md section 4).

use super::{AttributeId, EntityTypeId, EventTypeId, RelationTypeId, Rgb, RoleId};
use serde::{Deserialize, Serialize};

/// Everything a project lets coders mark: entity types, event types with their roles, attributes and
/// relation types between events.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schema {
    /// Kinds of mention, in palette order.
    #[serde(default)]
    pub entity_types: Vec<EntityType>,
    /// Kinds of event, in palette order.
    #[serde(default)]
    pub event_types: Vec<EventType>,
    /// Attributes that mentions or events can carry.
    #[serde(default)]
    pub attributes: Vec<AttributeDef>,
    /// Kinds of relation between two events.
    #[serde(default)]
    pub relation_types: Vec<RelationType>,
}

/// A kind of mention, such as ACTOR or LOCATION.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityType {
    /// Stable id used in annotation files.
    pub id: EntityTypeId,
    /// English display name.
    pub name: String,
    /// Arabic display name.
    #[serde(default)]
    pub name_ar: String,
    /// Highlight colour.
    pub color: Rgb,
    /// Keyboard shortcut that applies this type to the selection.
    #[serde(default)]
    pub key: Option<char>,
    /// What coders should mark with this type.
    #[serde(default)]
    pub description: String,
}

/// A kind of event, such as ATTACK, with the roles its arguments fill.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventType {
    /// Stable id used in annotation files.
    pub id: EventTypeId,
    /// English display name.
    pub name: String,
    /// Arabic display name.
    #[serde(default)]
    pub name_ar: String,
    /// Keyboard shortcut that makes the selection this event's trigger.
    #[serde(default)]
    pub key: Option<char>,
    /// Trigger colour.
    pub color: Rgb,
    /// The roles an event of this type can have.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// What coders should mark with this type.
    #[serde(default)]
    pub description: String,
}

/// A role of an event type, such as the Attacker of an ATTACK.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Stable id used in annotation files.
    pub id: RoleId,
    /// Display name.
    pub name: String,
    /// Entity types whose mentions may fill this role.
    pub allowed: Vec<EntityTypeId>,
    /// Whether a complete event must fill this role.
    #[serde(default)]
    pub required: bool,
    /// Whether several mentions may fill this role.
    #[serde(default)]
    pub repeatable: bool,
}

/// What an attribute can be attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttributeTarget {
    /// Mentions.
    Mention,
    /// Events.
    Event,
}

/// The kind of value an attribute holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AttributeKind {
    /// Yes or no.
    Boolean,
    /// One of a fixed list of choices.
    Choice(Vec<String>),
    /// A number, such as a count of fatalities.
    Number,
    /// A date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date,
    /// Free text.
    Text,
}

/// An attribute definition, such as an event's modality.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AttributeDef {
    /// Stable id used in annotation files.
    pub id: AttributeId,
    /// Display name.
    pub name: String,
    /// Mentions or events.
    pub target: AttributeTarget,
    /// The kind of value.
    pub kind: AttributeKind,
    /// Entity or event type ids it applies to; empty means all of its target.
    #[serde(default)]
    pub types: Vec<String>,
}

/// A kind of relation between two events (RESPONSE_TO) or between two mentions (AFFILIATED_WITH).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelationType {
    /// Stable id used in annotation files.
    pub id: RelationTypeId,
    /// Display name.
    pub name: String,
    /// What coders should mark with this type.
    #[serde(default)]
    pub description: String,
    /// What it connects: events unless it says mentions.
    #[serde(default, skip_serializing_if = "RelationEnds::is_events")]
    pub between: RelationEnds,
}

/// What a relation type connects.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RelationEnds {
    /// Two events.
    #[default]
    Events,
    /// Two mentions: from one of the `from` entity types to one of the `to` types (an empty list takes any).
    Mentions {
        /// The entity types the relation may start from.
        #[serde(default)]
        from: Vec<EntityTypeId>,
        /// The entity types it may point to.
        #[serde(default)]
        to: Vec<EntityTypeId>,
    },
}

impl RelationEnds {
    /// Whether the relation connects events.
    pub fn is_events(&self) -> bool {
        matches!(self, RelationEnds::Events)
    }

    /// Whether a mention relation may go from a mention of type `from` to one of type `to`.
    pub fn allows(&self, from: &EntityTypeId, to: &EntityTypeId) -> bool {
        match self {
            RelationEnds::Events => false,
            RelationEnds::Mentions { from: f, to: t } => {
                (f.is_empty() || f.contains(from)) && (t.is_empty() || t.contains(to))
            }
        }
    }
}

impl Schema {
    /// The entity type with this id.
    pub fn entity_type(&self, id: &EntityTypeId) -> Option<&EntityType> {
        self.entity_types.iter().find(|t| &t.id == id)
    }

    /// The event type with this id.
    pub fn event_type(&self, id: &EventTypeId) -> Option<&EventType> {
        self.event_types.iter().find(|t| &t.id == id)
    }

    /// The attribute definition with this id.
    pub fn attribute(&self, id: &AttributeId) -> Option<&AttributeDef> {
        self.attributes.iter().find(|a| &a.id == id)
    }

    /// The relation type with this id.
    pub fn relation_type(&self, id: &RelationTypeId) -> Option<&RelationType> {
        self.relation_types.iter().find(|r| &r.id == id)
    }

    /// Problems that make the schema itself unusable: duplicate ids or keys, roles allowing unknown types.
    /// Each is a human sentence naming the offending id.
    pub fn problems(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for id in self.entity_types.iter().map(|t| t.id.as_str()) {
            if !seen.insert(("entity type", id)) {
                out.push((id.to_owned(), format!("entity type `{id}` is defined twice")));
            }
        }
        for id in self.event_types.iter().map(|t| t.id.as_str()) {
            if !seen.insert(("event type", id)) {
                out.push((id.to_owned(), format!("event type `{id}` is defined twice")));
            }
        }
        for id in self.attributes.iter().map(|a| a.id.as_str()) {
            if !seen.insert(("attribute", id)) {
                out.push((id.to_owned(), format!("attribute `{id}` is defined twice")));
            }
        }
        for id in self.relation_types.iter().map(|r| r.id.as_str()) {
            if !seen.insert(("relation type", id)) {
                out.push((id.to_owned(), format!("relation type `{id}` is defined twice")));
            }
        }
        let mut keys = std::collections::BTreeMap::new();
        let typed_keys = self.entity_types.iter().map(|t| (t.key, t.id.as_str()));
        for (key, id) in typed_keys.chain(self.event_types.iter().map(|t| (t.key, t.id.as_str()))) {
            // `a` and `A` are one key on the keyboard.
            if let Some(key) = key.map(|k| k.to_ascii_lowercase())
                && let Some(other) = keys.insert(key, id)
            {
                out.push((id.to_owned(), format!("key `{key}` is given to both `{other}` and `{id}`")));
            }
        }
        for ev in &self.event_types {
            let mut roles = std::collections::BTreeSet::new();
            for role in &ev.roles {
                if !roles.insert(role.id.as_str()) {
                    out.push((role.id.to_string(), format!("event type `{}` has role `{}` twice", ev.id, role.id)));
                }
                for allowed in &role.allowed {
                    if self.entity_type(allowed).is_none() {
                        out.push((
                            allowed.to_string(),
                            format!("role `{}` of `{}` allows unknown entity type `{allowed}`", role.id, ev.id),
                        ));
                    }
                }
            }
        }
        out
    }
}
