//! Machine suggestions (pre-annotations) and their review status. They live apart from the coders' layers.

use super::{EntityTypeId, EventId, EventTypeId, MentionId, ModelServer, RoleId, Span, SuggestionId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What a suggestion proposes for its span.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SuggestedLabel {
    /// A mention of this entity type.
    Entity(EntityTypeId),
    /// An event trigger of this event type.
    Event(EventTypeId),
}

/// Where a suggestion stands in review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ReviewStatus {
    /// Not reviewed yet.
    #[default]
    Pending,
    /// Accepted as proposed.
    Accepted,
    /// Rejected; the coder's queue does not propose it again, even when a later import brings it again.
    Rejected,
    /// Accepted after the coder changed its type or boundaries.
    Edited,
}

/// The annotation that accepting a suggestion created.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CreatedAnnotation {
    /// A mention of the reviewer's layer.
    Mention(MentionId),
    /// An event of the reviewer's layer.
    Event(EventId),
}

/// One coder's decision on one suggestion, kept in that coder's layer: what they decided, when, and what it
/// became. The coder is the layer's owner.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Accepted, edited or rejected (never pending: no decision is pending).
    pub status: ReviewStatus,
    /// When, in RFC 3339.
    pub at: String,
    /// The annotation made from it, for accepted and edited suggestions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<CreatedAnnotation>,
}

/// One proposed span. Suggestion files are shared, read-only input: who accepted or rejected a suggestion is
/// in each coder's own layer ([`Decision`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suggestion {
    /// The text it covers.
    pub span: Span,
    /// What it proposes.
    pub label: SuggestedLabel,
    /// The model's confidence in 0..=1, if it gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// For an event: the role fillers the model proposes with it. Accepting the event makes the trigger,
    /// the mentions the reviewer lacks and the arguments in one edit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<SuggestedRole>,
}

impl Suggestion {
    /// A suggestion of `label` on `span` with `score` and no role fillers.
    pub fn new(span: Span, label: SuggestedLabel, score: Option<f64>) -> Self {
        Self { span, label, score, roles: Vec::new() }
    }
}

/// A role filler an event suggestion proposes: a mention of `entity_type` on `span` in role `role`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestedRole {
    /// The role of the event's type.
    pub role: RoleId,
    /// The filler's text.
    pub span: Span,
    /// The filler mention's entity type.
    pub entity_type: EntityTypeId,
}

/// Where a batch of suggestions came from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceInfo {
    /// Model or tool name ("CAMeL-Lab/bert-base-arabic-camelbert-msa-ner").
    pub model: String,
    /// Its version, if known.
    #[serde(default)]
    pub version: String,
    /// When the suggestions were imported, in RFC 3339.
    pub imported_at: String,
}

/// One source's suggestions for one document: `suggestions/<doc>/<source>.ron`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SuggestionSet {
    /// Provenance of the batch.
    pub source: SourceInfo,
    /// Suggestions by id.
    #[serde(default, deserialize_with = "super::unique_keys")]
    pub suggestions: BTreeMap<SuggestionId, Suggestion>,
}

/// What a model's label becomes in this project's schema.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LabelTarget {
    /// A mention of this entity type.
    Entity(EntityTypeId),
    /// An event trigger of this type.
    Event(EventTypeId),
    /// Not imported.
    Ignore,
}

/// How one suggestion source's labels map to the schema, asked once and kept in `project.ron`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    /// Model label (as the file writes it, e.g. `B-PER` without its `B-`, or `LOC`) to schema target.
    #[serde(default)]
    pub labels: BTreeMap<String, LabelTarget>,
    /// The model server this source asks, for a live source; `None` for one fed from files.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server: Option<ModelServer>,
}

impl SourceConfig {
    /// The model's label for a type, for what is sent back to the model: the mapping's label for that type
    /// (read backwards), else the type's id.
    pub fn model_label(&self, label: &SuggestedLabel) -> String {
        let wanted = match label {
            SuggestedLabel::Entity(t) => LabelTarget::Entity(t.clone()),
            SuggestedLabel::Event(t) => LabelTarget::Event(t.clone()),
        };
        match self.labels.iter().find(|(_, t)| **t == wanted) {
            Some((l, _)) => l.clone(),
            None => match label {
                SuggestedLabel::Entity(t) => t.to_string(),
                SuggestedLabel::Event(t) => t.to_string(),
            },
        }
    }

    /// What `label` maps to: the saved mapping, else a schema type of the same id (case-insensitive).
    pub fn target(&self, label: &str, schema: &super::Schema) -> Option<LabelTarget> {
        if let Some(t) = self.labels.get(label) {
            return Some(t.clone());
        }
        // Case-blind on both sides: a schema may spell its ids `Weapon` as well as `WEAPON`.
        let same = |id: &str| id.to_lowercase() == label.to_lowercase();
        if let Some(t) = schema.entity_types.iter().find(|t| same(t.id.as_str())) {
            return Some(LabelTarget::Entity(t.id.clone()));
        }
        schema.event_types.iter().find(|t| same(t.id.as_str())).map(|t| LabelTarget::Event(t.id.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::default_conflict_schema;

    #[test]
    fn a_label_is_a_schema_type_whatever_the_case_of_either() {
        let mut schema = default_conflict_schema();
        schema.entity_types[0].id = "Actor".into(); // a schema that spells its id in mixed case
        let config = SourceConfig::default();
        for label in ["ACTOR", "actor", "Actor"] {
            assert_eq!(config.target(label, &schema), Some(LabelTarget::Entity("Actor".into())), "{label}");
        }
        assert_eq!(config.target("attack", &schema), Some(LabelTarget::Event("ATTACK".into())));
        assert_eq!(config.target("PER", &schema), None);
    }

    #[test]
    fn the_model_s_label_is_the_mapping_read_backwards_else_the_type_id() {
        let mut config = SourceConfig::default();
        config.labels.insert("PER".into(), LabelTarget::Entity("ACTOR".into()));
        assert_eq!(config.model_label(&SuggestedLabel::Entity("ACTOR".into())), "PER");
        assert_eq!(config.model_label(&SuggestedLabel::Entity("LOCATION".into())), "LOCATION");
        assert_eq!(config.model_label(&SuggestedLabel::Event("ATTACK".into())), "ATTACK");
    }
}
