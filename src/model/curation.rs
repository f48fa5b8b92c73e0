//! The curated (gold) layer's own data: which coders had a curated annotation, who settled it and when, and
//! the disagreement units the curator rejected.

use super::{Annotator, Span};
use serde::{Deserialize, Serialize};

/// The name of the project's gold layer, `annotations/<doc>/gold.ron`: the curator's adjudicated
/// annotations. A coder cannot take the name; the curator opens the project as this layer (Go > Curate).
pub const GOLD_LAYER: &str = "gold";

impl Annotator {
    /// The gold layer's name as an annotator (the curator's session writes it).
    pub fn gold() -> Annotator {
        Annotator::parse(GOLD_LAYER).expect("`gold` is a slug")
    }

    /// Whether this is the gold layer rather than a coder.
    pub fn is_gold(&self) -> bool {
        self.as_str() == GOLD_LAYER
    }
}

/// Where a curated annotation came from: the coders whose version it is, the curator and the time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Curation {
    /// The coders who had this annotation (the same span and type, for an event also the same roles and
    /// attributes); empty when the curator made it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coders: Vec<Annotator>,
    /// Who settled it.
    pub curator: Annotator,
    /// When, in RFC 3339.
    pub at: String,
}

/// What a disagreement unit is made of: mentions, events, or relations between either.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum UnitKind {
    /// Coders' mentions that overlap one another.
    Mentions,
    /// Coders' events whose triggers overlap one another.
    Events,
    /// Coders' relations between mentions at the same two places (the key's `span` and `to`).
    MentionRelations,
    /// Coders' relations between events whose triggers are at the same two places.
    EventRelations,
}

/// A disagreement unit as the gold layer remembers it: its kind and the text it covers (the union of the
/// coders' overlapping spans). A unit whose coders later change their layers gets another cover and comes
/// back to the queue: the curator has not seen that disagreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct UnitKey {
    /// Mentions or events.
    pub kind: UnitKind,
    /// The text the unit covers; for relations, where the relation starts (its first end).
    pub span: Span,
    /// For relations, where the relation points to (its second end); `None` for mentions and events.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Span>,
}

/// The curator's rejection of every coder's version of a unit: the gold layer has nothing there, on purpose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rejection {
    /// The coders whose versions were rejected.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coders: Vec<Annotator>,
    /// Who rejected it.
    pub curator: Annotator,
    /// When, in RFC 3339.
    pub at: String,
}

impl std::fmt::Display for UnitKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self.kind {
            UnitKind::Mentions => "mentions",
            UnitKind::Events => "events",
            UnitKind::MentionRelations => "mention relations",
            UnitKind::EventRelations => "event relations",
        };
        write!(f, "{kind} {}", self.span)?;
        match self.to {
            Some(to) => write!(f, " -> {to}"),
            None => Ok(()),
        }
    }
}
