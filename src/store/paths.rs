//! Where each file of a project lives, relative to the project folder (DESIGN.md section 5).

use crate::model::{Annotator, DocId, SourceName};
use std::path::PathBuf;

/// `project.ron`
pub fn config() -> PathBuf {
    PathBuf::from("project.ron")
}

/// `actors.ron`
pub fn actors() -> PathBuf {
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
