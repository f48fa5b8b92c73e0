//! The edit that links a LOCATION mention to a place.

use super::Gazetteer;
use crate::model::{DocId, Edit, EntityTypeId, MentionId, PlaceId, ProjectEdit};
use crate::store::Project;

/// The entity type whose mentions name places.
pub const LOCATION: &str = "LOCATION";

/// Why a mention cannot be linked to a place.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    /// The document is not in the project or cannot be read.
    #[error("document `{0}` cannot be read: {1}")]
    Document(DocId, String),
    /// The coder has no such mention in the document.
    #[error("there is no mention {mention} in your annotations of document `{doc}`")]
    NoMention {
        /// The document.
        doc: DocId,
        /// The mention asked for.
        mention: MentionId,
    },
    /// The mention is not of the LOCATION type.
    #[error("mention {mention} is a {entity_type} mention; only LOCATION mentions are linked to places")]
    NotLocation {
        /// The mention.
        mention: MentionId,
        /// Its type.
        entity_type: EntityTypeId,
    },
    /// Neither the project nor the gazetteer has the place.
    #[error("there is no place `{0}` in the project or the gazetteer")]
    UnknownPlace(PlaceId),
}

/// The edit that links the coder's mention `mention` of `doc` to `place`: the mention with its place set
/// and, when the place is only in the gazetteer, the place copied into the project, as one batch so that
/// one undo takes both back (a project keeps its places so that its exports do not depend on the gazetteer
/// of the program that reads it).
///
/// Only LOCATION mentions are linked where the schema has a LOCATION type: a place on an actor's or a
/// weapon's mention would give an event a place its text does not name. A schema without LOCATION (an
/// imported one that calls places GPE or LOC) links whatever mention the coder chose.
pub fn link_edit(
    project: &Project,
    doc: &DocId,
    mention: MentionId,
    place: &PlaceId,
    gazetteer: &Gazetteer,
) -> Result<ProjectEdit, LinkError> {
    let loaded = project.load_document(doc).map_err(|e| LinkError::Document(doc.clone(), e.to_string()))?;
    let found = loaded.layers.get(project.annotator()).and_then(|layer| layer.mentions.get(&mention));
    let Some(found) = found else {
        return Err(LinkError::NoMention { doc: doc.clone(), mention });
    };
    let location = EntityTypeId::new(LOCATION);
    if found.entity_type != location && project.config().schema.entity_type(&location).is_some() {
        return Err(LinkError::NotLocation { mention, entity_type: found.entity_type.clone() });
    }
    let mut edits = Vec::new();
    if !project.places().places.contains_key(place) {
        let copied = gazetteer.get(place).ok_or_else(|| LinkError::UnknownPlace(place.clone()))?;
        edits.push(ProjectEdit::PutPlace(place.clone(), Some(copied.clone())));
    }
    let mut linked = found.clone();
    linked.place = Some(place.clone());
    edits.push(ProjectEdit::Layer(doc.clone(), Edit::PutMention(mention, Some(linked))));
    Ok(ProjectEdit::Batch(edits))
}
