//! Where each file of a project lives, relative to the project folder (DESIGN.md section 5).

use crate::model::{ActorId, Annotator, DocId, PlaceId, SourceName};
use std::path::PathBuf;

/// `project.ron`
pub fn config() -> PathBuf {
    PathBuf::from("project.ron")
}

/// `actors/`: the actor registry, one file per actor, so that two coders' new actors never touch one file.
pub fn actors_dir() -> PathBuf {
    PathBuf::from("actors")
}

/// `actors/<id>.ron`
pub fn actor(id: &ActorId) -> PathBuf {
    actors_dir().join(format!("{id}.ron"))
}

/// `places/`: the place registry, one file per place, like the actors.
pub fn places_dir() -> PathBuf {
    PathBuf::from("places")
}

/// `places/<id>.ron`
pub fn place(id: &PlaceId) -> PathBuf {
    places_dir().join(format!("{id}.ron"))
}

/// `actors.ron`: the whole registry in one file, as projects before per-actor files kept it; moved into
/// `actors/` when the project is opened (`store/migrate_actors.rs`).
pub fn legacy_actors() -> PathBuf {
    PathBuf::from("actors.ron")
}

/// `documents/`
pub fn documents_dir() -> PathBuf {
    PathBuf::from("documents")
}

/// `documents/<doc>.ron`
pub fn meta(doc: &DocId) -> PathBuf {
    documents_dir().join(format!("{doc}.ron"))
}

/// `documents/<doc>.txt`
pub fn text(doc: &DocId) -> PathBuf {
    documents_dir().join(format!("{doc}.txt"))
}

/// `annotations/<doc>/`
pub fn layers_dir(doc: &DocId) -> PathBuf {
    PathBuf::from("annotations").join(doc.as_str())
}

/// `annotations/<doc>/<annotator>.ron`
pub fn layer(doc: &DocId, annotator: &Annotator) -> PathBuf {
    layers_dir(doc).join(format!("{annotator}.ron"))
}

/// `suggestions/<doc>/`
pub fn suggestions_dir(doc: &DocId) -> PathBuf {
    PathBuf::from("suggestions").join(doc.as_str())
}

/// `suggestions/<doc>/<source>.ron`
pub fn suggestions(doc: &DocId, source: &SourceName) -> PathBuf {
    suggestions_dir(doc).join(format!("{source}.ron"))
}

/// `assignments.ron`: which coders code which documents (written by `tarmeez assign` alone).
pub fn assignments() -> PathBuf {
    PathBuf::from("assignments.ron")
}
