//! Who the coders of a project are, for every agreement measure and for curation.

use crate::model::Annotator;
use crate::store::Project;

/// The coders with a layer in any document (the project's documents are loaded first); the gold layer is no
/// coder.
pub fn coders(project: &Project) -> Vec<Annotator> {
    project.load_all();
    let mut out: Vec<Annotator> = project
        .documents()
        .iter()
        .filter_map(|d| d.loaded())
        .flat_map(|l| l.layers.keys().filter(|c| !c.is_gold()).cloned())
        .collect();
    out.sort();
    out.dedup();
    out
}
