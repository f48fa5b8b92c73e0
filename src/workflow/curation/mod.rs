//! Curation (issue 14): from several coders' layers to one adjudicated gold layer. The gold layer is the
//! layer named [`crate::model::GOLD_LAYER`], written by the curator's session (which opens the project as
//! that layer). [`units`] finds where the coders' layers meet and how they differ (mentions, events, and the
//! relations between either); [`take`], [`reject`] and
//! [`merge`] are the curator's decisions as edits of the gold layer; [`feedback`] compares a coder with it.

mod decide;
mod diagnosis;
mod feedback;
mod relations;
mod units;

pub use decide::{
    Curator, Majority, UnitState, agreed_by, ends_not_curated, majority, merge_document, reject, state, take,
};
pub use diagnosis::{diagnosis_csv, state_text, unit_text, version_text};
pub use feedback::{Feedback, TypeCounts, feedback, feedback_document};
pub use units::{Disagreement, Unit, Version, units};

pub use crate::workflow::agreement::coders;

use crate::model::{Annotator, DocId, Edit, ProjectEdit};
use crate::store::Project;

/// Which units a queue or a report lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnitFilter {
    /// Only these documents (all when empty).
    pub docs: Vec<DocId>,
    /// Only units where one of these two coders' versions differ from the other's (a cell of the agreement
    /// matrix); all disagreements when `None`.
    pub pair: Option<(Annotator, Annotator)>,
    /// Include agreed units too.
    pub agreed: bool,
}

/// The units of every loaded document (loaded first) for `coders`, in document order, filtered.
pub fn all_units(project: &Project, coders: &[Annotator], filter: &UnitFilter) -> Vec<Unit> {
    project.load_all();
    let mut out = Vec::new();
    for entry in project.documents() {
        if !filter.docs.is_empty() && !filter.docs.contains(&entry.id) {
            continue;
        }
        let Some(doc) = entry.loaded() else { continue };
        for unit in units(&entry.id, &doc.layers, coders) {
            if unit.disagreement.is_none() && !filter.agreed {
                continue;
            }
            if let Some((a, b)) = &filter.pair
                && !pair_differs(&unit, &doc.layers, a, b)
            {
                continue;
            }
            out.push(unit);
        }
    }
    out
}

fn pair_differs(
    unit: &Unit,
    layers: &std::collections::BTreeMap<Annotator, crate::model::Layer>,
    a: &Annotator,
    b: &Annotator,
) -> bool {
    let index = |c: &Annotator| unit.versions.iter().position(|(name, _)| name == c);
    let (Some(i), Some(j)) = (index(a), index(b)) else { return false };
    !unit.groups(layers).iter().any(|g| g.contains(&i) && g.contains(&j))
}

/// "Merge where at least `at_least` coders agree": one edit of the gold layer over every loaded document
/// (loaded first) that settles each open unit whose version that many coders share, and how many units it
/// settles. Units the curator settled or rejected are left as they are, so running it again changes nothing.
pub fn merge(project: &Project, coders: &[Annotator], at_least: usize, who: &Curator) -> (ProjectEdit, usize) {
    project.load_all();
    let (mut edits, mut settled) = (Vec::new(), 0);
    for entry in project.documents() {
        let Some(doc) = entry.loaded() else { continue };
        let (doc_edits, n) = merge_document(&entry.id, &doc.layers, coders, at_least, who);
        if !doc_edits.is_empty() {
            edits.push(ProjectEdit::Layer(entry.id.clone(), Edit::Batch(doc_edits)));
        }
        settled += n;
    }
    (ProjectEdit::Batch(edits), settled)
}

#[cfg(test)]
mod relation_tests;
#[cfg(test)]
mod tests;
