//! Which coders, entity types and documents an agreement report covers, checked against the project, and the
//! mentions it compares, read once so that every measure works on plain data.

use super::Labelled;
use crate::model::{Annotator, DocId, DocText, EntityTypeId};
use crate::store::Project;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What to compare; `None` means everything the project has.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// The coders (at least two), in the order given.
    pub coders: Option<Vec<Annotator>>,
    /// The entity types whose mentions are compared; the others are left out as if never marked.
    pub types: Option<Vec<EntityTypeId>>,
    /// The documents.
    pub documents: Option<Vec<DocId>>,
}

/// A selection that does not fit the project.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SelectError {
    /// A coder with no layer in any document of the project.
    #[error("`{0}` has coded no document of this project")]
    UnknownCoder(Annotator),
    /// An entity type the schema does not have.
    #[error("`{0}` is not an entity type of this project's schema")]
    UnknownType(EntityTypeId),
    /// A document the project does not have.
    #[error("`{0}` is not a document of this project")]
    UnknownDocument(DocId),
    /// Fewer than two coders to compare.
    #[error("agreement needs two coders; the selection has {0}")]
    TooFewCoders(usize),
}

/// One document's mentions by each selected coder who coded it (a coder without a layer is absent).
#[derive(Clone, Debug)]
pub struct DocMentions {
    /// The document.
    pub id: DocId,
    /// Its text (for the clitic comparison and the code-point measures).
    pub text: Arc<DocText>,
    /// Each coder's mentions of the selected types.
    pub layers: BTreeMap<Annotator, Vec<Labelled>>,
}

/// The data of an agreement report: the coders, the types and each document's mentions.
#[derive(Clone, Debug)]
pub struct SpanData {
    /// The coders compared, sorted.
    pub coders: Vec<Annotator>,
    /// The entity types compared, in the schema's order.
    pub types: Vec<EntityTypeId>,
    /// The selected documents that loaded, in the project's order.
    pub documents: Vec<DocMentions>,
}

/// Checks `selection` against `project` (loading every document) and reads the mentions it covers.
pub fn select(project: &Project, selection: &Selection) -> Result<SpanData, SelectError> {
    let all_coders = super::coders(project);
    let schema_types: Vec<EntityTypeId> = project.config().schema.entity_types.iter().map(|t| t.id.clone()).collect();
    let mut coders = match &selection.coders {
        None => all_coders.clone(),
        Some(list) => {
            if let Some(c) = list.iter().find(|c| !all_coders.contains(c)) {
                return Err(SelectError::UnknownCoder(c.clone()));
            }
            list.clone()
        }
    };
    coders.sort();
    coders.dedup();
    if coders.len() < 2 {
        return Err(SelectError::TooFewCoders(coders.len()));
    }
    let types = match &selection.types {
        None => schema_types,
        Some(list) => {
            if let Some(t) = list.iter().find(|t| !schema_types.contains(t)) {
                return Err(SelectError::UnknownType(t.clone()));
            }
            schema_types.into_iter().filter(|t| list.contains(t)).collect()
        }
    };
    if let Some(list) = &selection.documents
        && let Some(d) = list.iter().find(|d| project.document(d).is_none())
    {
        return Err(SelectError::UnknownDocument(d.clone()));
    }
    let wanted = |id: &DocId| selection.documents.as_ref().is_none_or(|list| list.contains(id));
    let documents = project
        .documents()
        .iter()
        .filter(|d| wanted(&d.id))
        .filter_map(|d| d.loaded().map(|l| (d, l)))
        .map(|(d, loaded)| DocMentions {
            id: d.id.clone(),
            text: loaded.text.clone(),
            layers: coders
                .iter()
                .filter_map(|c| loaded.layers.get(c).map(|l| (c.clone(), l)))
                .map(|(c, l)| {
                    let ms = l.mentions.values().filter(|m| types.contains(&m.entity_type));
                    (c, ms.map(|m| (m.span, m.entity_type.clone())).collect())
                })
                .collect(),
        })
        .collect();
    Ok(SpanData { coders, types, documents })
}
