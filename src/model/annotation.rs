//! One coder's annotations of one document: mentions, events and relations.

use super::{
    ActorId, AttributeId, EntityTypeId, EventId, EventTypeId, FieldId, MentionId, PlaceId, RelationId, RelationTypeId,
    RoleId,
};
use super::{Curation, Decision, Rejection, ReviewStatus, SourceName, Span, SuggestionId, UnitKey};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A value of an attribute; its variant must match the attribute's [`super::AttributeKind`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum AttrValue {
    /// For [`super::AttributeKind::Boolean`].
    Bool(bool),
    /// For [`super::AttributeKind::Choice`]: one of its choices.
    Choice(String),
    /// For [`super::AttributeKind::Number`].
    Number(f64),
    /// For [`super::AttributeKind::Date`]: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Date(String),
    /// For [`super::AttributeKind::Text`].
    Text(String),
}

/// Attribute values by attribute id.
pub type Attributes = BTreeMap<AttributeId, AttrValue>;

/// Where an annotation came from when it was made by accepting a machine suggestion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The suggestion source (its file under `suggestions/<doc>/`).
    pub source: SourceName,
    /// The accepted suggestion.
    pub suggestion: SuggestionId,
    /// The model's score, if it gave one.
    #[serde(default)]
    pub score: Option<f64>,
    /// Who accepted it.
    pub reviewer: super::Annotator,
    /// When, in RFC 3339.
    pub reviewed_at: String,
}

/// A marked span of text with an entity type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    /// The text it covers.
    pub span: Span,
    /// Its entity type.
    #[serde(rename = "type")]
    pub entity_type: EntityTypeId,
    /// The actor of the registry it refers to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<ActorId>,
    /// The place of the registry it refers to (LOCATION mentions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceId>,
    /// Attribute values.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: Attributes,
    /// The coder's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Set when the mention was made by accepting a suggestion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    /// In the gold layer: the coders who had it, the curator and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curation: Option<Curation>,
}

impl Mention {
    /// A plain mention of `span` with an entity type: no actor, attributes, note or provenance.
    pub fn new(span: Span, entity_type: impl Into<EntityTypeId>) -> Self {
        Self {
            span,
            entity_type: entity_type.into(),
            actor: None,
            place: None,
            attributes: Attributes::new(),
            note: String::new(),
            provenance: None,
            curation: None,
        }
    }
}

/// A role of an event filled by a mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Argument {
    /// The role (must belong to the event's type).
    pub role: RoleId,
    /// The mention filling it (same layer).
    pub mention: MentionId,
}

/// An event: a trigger word of an event type, with role arguments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// Its event type.
    #[serde(rename = "type")]
    pub event_type: EventTypeId,
    /// The word or phrase that names the event ("قصفت").
    pub trigger: Span,
    /// Filled roles, in the order the coder filled them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub arguments: Vec<Argument>,
    /// Attribute values (modality, fatalities, ...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub attributes: Attributes,
    /// The spans that justify each field of the event's record ("قتل خمسة" for `fatalities`), in the order
    /// the coder gave them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub evidence: BTreeMap<FieldId, Vec<Span>>,
    /// The event's id in the dataset, kept once it is set so that it survives a change of trigger or type.
    /// Unset, the id is derived from the document, type and trigger ([`Event::record_id`]), so two coders
    /// who code the same trigger, and the gold layer that takes it, give the same id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uid: Option<String>,
    /// The coder's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Set when the event was made by accepting a suggestion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    /// In the gold layer: the coders who had it, the curator and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curation: Option<Curation>,
}

impl Event {
    /// A plain event of a type at a trigger: no arguments, attributes, evidence, note or provenance.
    pub fn new(event_type: impl Into<EventTypeId>, trigger: Span) -> Self {
        Self {
            event_type: event_type.into(),
            trigger,
            arguments: Vec::new(),
            attributes: Attributes::new(),
            evidence: BTreeMap::new(),
            uid: None,
            note: String::new(),
            provenance: None,
            curation: None,
        }
    }

    /// The event's id in a dataset (ACLED's `event_id_cnty`, UCDP's `id`): its [`Event::uid`] when set, else
    /// [`derived_record_id`] of where it is.
    pub fn record_id(&self, doc: &super::DocId) -> String {
        self.uid.clone().unwrap_or_else(|| derived_record_id(doc, &self.event_type, self.trigger))
    }
}

/// The id an event at `trigger` of type `event_type` in `doc` gets while it has no [`Event::uid`]: `tz-` and
/// twelve hexadecimal digits of a SHA-256 of the three, the same on every machine and for every coder.
pub fn derived_record_id(doc: &super::DocId, event_type: &EventTypeId, trigger: Span) -> String {
    use sha2::{Digest, Sha256};
    let key = format!("{doc}\u{0}{event_type}\u{0}{}\u{0}{}", trigger.start, trigger.end);
    let digest = Sha256::digest(key.as_bytes());
    let hex: String = digest.iter().take(6).map(|b| format!("{b:02x}")).collect();
    format!("tz-{hex}")
}

/// A typed relation from one event to another ("e2 RESPONSE_TO e1").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// Its relation type.
    #[serde(rename = "type")]
    pub relation_type: RelationTypeId,
    /// The event the relation starts from.
    pub from: EventId,
    /// The event it points to.
    pub to: EventId,
    /// The coder's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A typed relation from one mention to another ("m3 AFFILIATED_WITH m5": a militia and the force it
/// belongs to, which event datasets record as an associated actor). Its type is a schema relation type
/// between mentions ([`super::RelationEnds::Mentions`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MentionRelation {
    /// Its relation type.
    #[serde(rename = "type")]
    pub relation_type: RelationTypeId,
    /// The mention the relation starts from.
    pub from: MentionId,
    /// The mention it points to.
    pub to: MentionId,
    /// The coder's note.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// How far a coder has got with a document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DocStatus {
    /// Not started.
    #[default]
    New,
    /// Started, not finished.
    InProgress,
    /// Marked done by the coder.
    Done,
}

impl DocStatus {
    /// How the status reads in lists and exports: `new`, `in progress`, `done`.
    pub fn as_str(self) -> &'static str {
        match self {
            DocStatus::New => "new",
            DocStatus::InProgress => "in progress",
            DocStatus::Done => "done",
        }
    }
}

/// One annotator's work on one document: `annotations/<doc>/<annotator>.ron`.
///
/// The coder's progress status lives here rather than in the document's metadata, so that each coder
/// writes only their own files and a team shares a project with no merge conflicts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    /// The coder's progress on this document.
    #[serde(default)]
    pub status: DocStatus,
    /// Mentions by id.
    #[serde(default, deserialize_with = "super::unique_keys")]
    pub mentions: BTreeMap<MentionId, Mention>,
    /// Events by id.
    #[serde(default, deserialize_with = "super::unique_keys")]
    pub events: BTreeMap<EventId, Event>,
    /// Relations between events by id.
    #[serde(default, deserialize_with = "super::unique_keys")]
    pub relations: BTreeMap<RelationId, Relation>,
    /// Relations between mentions by id; their ids and those of `relations` never coincide.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "super::unique_keys")]
    pub mention_relations: BTreeMap<RelationId, MentionRelation>,
    /// This coder's decisions on the shared suggestions, by source and suggestion. They live in the coder's
    /// own layer, not in the suggestion files, so that each coder reviews independently and every file keeps
    /// one writer (DESIGN.md section 11).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "super::unique_keys")]
    pub reviews: BTreeMap<SourceName, Decisions>,
    /// In the gold layer: the disagreement units the curator rejected, so that the curation queue and a
    /// later merge leave them alone.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty", deserialize_with = "super::unique_keys")]
    pub rejected: BTreeMap<UnitKey, Rejection>,
}

/// One coder's decisions on one source's suggestions of a document, by suggestion id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Decisions(#[serde(deserialize_with = "super::unique_keys")] pub BTreeMap<SuggestionId, Decision>);

impl Layer {
    /// The next free mention id.
    pub fn next_mention_id(&self) -> MentionId {
        MentionId(self.mentions.keys().next_back().map_or(1, |m| m.0 + 1))
    }

    /// The next free event id.
    pub fn next_event_id(&self) -> EventId {
        EventId(self.events.keys().next_back().map_or(1, |e| e.0 + 1))
    }

    /// The next free relation id (of relations between events and between mentions alike).
    pub fn next_relation_id(&self) -> RelationId {
        let last = self.relations.keys().next_back().max(self.mention_relations.keys().next_back());
        RelationId(last.map_or(1, |r| r.0 + 1))
    }

    /// This coder's decision on suggestion `id` of `source`, if they made one.
    pub fn decision(&self, source: &SourceName, id: SuggestionId) -> Option<&Decision> {
        self.reviews.get(source).and_then(|d| d.0.get(&id))
    }

    /// Where suggestion `id` of `source` stands for this coder: pending until they decide.
    pub fn review_status(&self, source: &SourceName, id: SuggestionId) -> ReviewStatus {
        self.decision(source, id).map_or(ReviewStatus::Pending, |d| d.status)
    }

    /// Sets or removes a decision, returning the one it replaced; an emptied source is dropped so that the
    /// file does not keep empty entries.
    pub fn put_decision(&mut self, source: &SourceName, id: SuggestionId, value: Option<Decision>) -> Option<Decision> {
        match value {
            Some(d) => self.reviews.entry(source.clone()).or_default().0.insert(id, d),
            None => {
                let decisions = self.reviews.get_mut(source)?;
                let old = decisions.0.remove(&id);
                if decisions.0.is_empty() {
                    self.reviews.remove(source);
                }
                old
            }
        }
    }

    /// Whether the layer holds no annotation at all.
    pub fn is_empty(&self) -> bool {
        self.mentions.is_empty()
            && self.events.is_empty()
            && self.relations.is_empty()
            && self.mention_relations.is_empty()
    }
}
