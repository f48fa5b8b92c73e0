//! Newtype identifiers.
//!
//! Two families:
//! - *numbered* ids of objects inside one file (`m12`, `e3`, `r1`, `s40`): a `u32` in memory, a short
//!   prefixed string on disk, so that every id is a unique token that an error message can point at;
//! - *named* ids chosen by people (schema type ids, actor ids, document ids, annotator names), kept as
//!   strings.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The id text did not have the expected `<prefix><number>` form.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a valid {what} id (expected `{prefix}` followed by a number, like `{prefix}1`)")]
pub struct BadId {
    /// What kind of id was expected.
    pub what: &'static str,
    /// The prefix that was expected.
    pub prefix: &'static str,
    /// The text that was given.
    pub text: String,
}

macro_rules! numbered_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub u32);

        impl $name {
            /// The prefix this id carries on disk.
            pub const PREFIX: &'static str = $prefix;
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}{}", $prefix, self.0)
            }
        }

        impl FromStr for $name {
            type Err = BadId;
            fn from_str(s: &str) -> Result<Self, BadId> {
                s.strip_prefix($prefix)
                    .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                    .and_then(|n| n.parse().ok())
                    .map($name)
                    .ok_or_else(|| BadId { what: $what, prefix: $prefix, text: s.to_owned() })
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

numbered_id!(
    /// A mention inside one annotator's layer of one document, `m1`, `m2`, ...
    MentionId, "m", "mention"
);
numbered_id!(
    /// An event inside one annotator's layer of one document, `e1`, `e2`, ...
    EventId, "e", "event"
);
numbered_id!(
    /// A relation between two events of one layer, `r1`, `r2`, ...
    RelationId, "r", "relation"
);
numbered_id!(
    /// A suggestion inside one source's file for one document, `s1`, `s2`, ...
    SuggestionId, "s", "suggestion"
);

macro_rules! named_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            /// Makes an id from any string-like value.
            pub fn new(s: impl Into<String>) -> Self {
                Self(s.into())
            }
            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
            }
        }
    };
}

named_id!(
    /// An entity type of the schema, such as `ACTOR`.
    EntityTypeId
);
named_id!(
    /// An event type of the schema, such as `ATTACK`.
    EventTypeId
);
named_id!(
    /// A role of an event type, such as `Attacker`.
    RoleId
);
named_id!(
    /// An attribute definition of the schema, such as `modality`.
    AttributeId
);
named_id!(
    /// A relation type between events, such as `RESPONSE_TO`.
    RelationTypeId
);
named_id!(
    /// An actor of the project's registry, such as `abu-fadl-abbas`.
    ActorId
);
named_id!(
    /// A place of the project's registry, such as `gn-170794` (from GeoNames) or `omar-oil-field-…` (added by
    /// a coder).
    PlaceId
);
named_id!(
    /// A field of an event record that evidence can justify: an attribute's id (`fatalities`) or one of the
    /// record's own fields (`date`, `location`, `actor1`; `workflow::event_record::FIELDS`).
    FieldId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_ids_round_trip_through_text() {
        assert_eq!(MentionId(12).to_string(), "m12");
        assert_eq!("m12".parse::<MentionId>(), Ok(MentionId(12)));
        assert_eq!("e3".parse::<EventId>(), Ok(EventId(3)));
    }

    #[test]
    fn numbered_ids_reject_wrong_prefix_and_junk() {
        assert!("e12".parse::<MentionId>().is_err());
        assert!("m".parse::<MentionId>().is_err());
        assert!("m-1".parse::<MentionId>().is_err());
        assert!("m+1".parse::<MentionId>().is_err());
        assert!("m99999999999".parse::<MentionId>().is_err());
    }

    #[test]
    fn numbered_ids_order_numerically() {
        assert!(MentionId(2) < MentionId(10));
    }
}
