//! Assignments in the coder's work: the order of the document list and of "next document to do" (the
//! coder's own assigned documents first), the progress of each coder on what they were assigned, and the
//! checks of a `--coders` list.

use crate::model::{Annotator, Assignments, DocId, DocStatus};
use crate::store::Project;
use std::collections::BTreeMap;

/// The document list's order for one coder: their assigned documents, then the others, each in the project's
/// order. Positions are indices into [`Project::documents`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocOrder {
    /// The coder's assigned documents.
    pub mine: Vec<usize>,
    /// Every other document.
    pub others: Vec<usize>,
}

impl DocOrder {
    /// The order for the project's annotator.
    pub fn of(project: &Project, assignments: &Assignments) -> Self {
        let me = project.annotator();
        let (mine, others) =
            (0..project.documents().len()).partition(|&i| assignments.is_assigned(&project.documents()[i].id, me));
        Self { mine, others }
    }

    /// Every document, in the list's order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.mine.iter().chain(&self.others).copied()
    }

    /// Where document `index` is in the list's order.
    pub fn position(&self, index: usize) -> Option<usize> {
        self.iter().position(|i| i == index)
    }

    /// The document at `position` in the list's order.
    pub fn at(&self, position: usize) -> Option<usize> {
        self.mine.get(position).or_else(|| self.others.get(position.checked_sub(self.mine.len())?)).copied()
    }

    /// The next document to do after `current`: the coder's next unfinished assigned document (after the
    /// current one, wrapping around), and only when all of those are done, the next unfinished other one.
    pub fn next_to_do(&self, current: Option<usize>, unfinished: impl Fn(usize) -> bool) -> Option<usize> {
        after(&self.mine, current).chain(after(&self.others, current)).find(|&i| Some(i) != current && unfinished(i))
    }
}

/// The documents of `list` from the one after `current` (from the first when `current` is not in it),
/// wrapping around.
fn after(list: &[usize], current: Option<usize>) -> impl Iterator<Item = usize> + '_ {
    let start = current.and_then(|c| list.iter().position(|&i| i == c)).map_or(0, |p| p + 1);
    (0..list.len()).map(move |k| list[(start + k) % list.len()])
}

/// One coder's progress on the documents assigned to them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CoderProgress {
    /// Marked done.
    pub done: usize,
    /// Started, not done.
    pub in_progress: usize,
    /// Not started (no layer yet, or status new).
    pub not_started: usize,
    /// Not read yet, or the layer file cannot be read.
    pub unknown: usize,
}

impl CoderProgress {
    /// How many documents the coder was assigned.
    pub fn assigned(&self) -> usize {
        self.done + self.in_progress + self.not_started + self.unknown
    }
}

/// Every assigned coder's progress, and how many documents are assigned and how many of those overlap.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgressTable {
    /// By coder.
    pub coders: BTreeMap<Annotator, CoderProgress>,
    /// Documents assigned to anyone.
    pub documents: usize,
    /// Documents assigned to two coders or more.
    pub overlap: usize,
}

/// The progress table of `assignments`, with `status` giving a coder's status of a document (`None`:
/// not known, because it has not been read yet or its layer file cannot be read).
pub fn progress_table(
    assignments: &Assignments,
    mut status: impl FnMut(&DocId, &Annotator) -> Option<DocStatus>,
) -> ProgressTable {
    let mut table =
        ProgressTable { documents: assignments.documents.len(), overlap: assignments.overlap(), ..Default::default() };
    for (doc, coders) in &assignments.documents {
        for coder in coders {
            let row = table.coders.entry(coder.clone()).or_default();
            match status(doc, coder) {
                Some(DocStatus::Done) => row.done += 1,
                Some(DocStatus::InProgress) => row.in_progress += 1,
                Some(DocStatus::New) => row.not_started += 1,
                None => row.unknown += 1,
            }
        }
    }
    table
}

/// The session's own coder's status of a loaded document: their layer in memory, with unsaved changes (`New`
/// when they have none). `None` for a document not loaded and for every other coder: their layers in memory
/// are as they were when the document was loaded, and a sync may have brought newer files since. Read those
/// from the layer file, with [`crate::store::read_layer_status`].
pub fn status_in_memory(project: &Project, doc: &DocId, coder: &Annotator) -> Option<DocStatus> {
    if coder != project.annotator() {
        return None;
    }
    let loaded = project.document(doc)?.loaded()?;
    Some(loaded.layers.get(coder).map_or(DocStatus::New, |l| l.status))
}

/// The progress table of the project: statuses from memory for loaded documents, else from the layer files
/// alone (the texts are not read). For the command line; the window reads the files on a worker thread.
pub fn project_progress(project: &Project, assignments: &Assignments) -> ProgressTable {
    progress_table(assignments, |doc, coder| {
        status_in_memory(project, doc, coder)
            .or_else(|| crate::store::read_layer_status(project.root(), doc, coder).ok())
    })
}

/// Why a `--coders` list was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CoderListError {
    /// Two commas in a row, or one at an end.
    #[error("--coders has an empty name (two commas in a row, or one at an end): `{0}`")]
    Empty(String),
    /// Not a name a layer file can carry.
    #[error("--coders: {0}")]
    Invalid(crate::model::BadSlug),
    /// A placeholder such as `annotator`, which is nobody's name.
    #[error("--coders: `{0}` is a placeholder, not a person's name; use each coder's own name as they code under it")]
    Placeholder(String),
}

/// Reads a `--coders` list: names separated by commas, each the name a coder codes under (their layer files'
/// name), none empty and none a placeholder.
pub fn parse_coders(list: &str) -> Result<Vec<Annotator>, CoderListError> {
    list.split(',')
        .map(|name| {
            let name = name.trim();
            if name.is_empty() {
                return Err(CoderListError::Empty(list.to_owned()));
            }
            if crate::identity::is_placeholder(name) {
                return Err(CoderListError::Placeholder(name.to_owned()));
            }
            Annotator::parse(name).map_err(CoderListError::Invalid)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(name: &str) -> Annotator {
        Annotator::parse(name).unwrap()
    }

    fn d(id: &str) -> DocId {
        DocId::parse(id).unwrap()
    }

    #[test]
    fn the_table_counts_each_coders_assigned_documents_by_status() {
        let mut asg = Assignments::default();
        asg.documents.insert(d("d1"), [a("huda"), a("omar")].into());
        asg.documents.insert(d("d2"), [a("huda")].into());
        asg.documents.insert(d("d3"), [a("omar")].into());
        asg.documents.insert(d("d4"), [a("huda")].into());
        let statuses = BTreeMap::from([
            ((d("d1"), a("huda")), Some(DocStatus::Done)),
            ((d("d1"), a("omar")), Some(DocStatus::InProgress)),
            ((d("d2"), a("huda")), Some(DocStatus::New)),
            ((d("d3"), a("omar")), None),
            ((d("d4"), a("huda")), Some(DocStatus::Done)),
        ]);
        let table = progress_table(&asg, |doc, coder| statuses[&(doc.clone(), coder.clone())]);
        assert_eq!((table.documents, table.overlap), (4, 1));
        assert_eq!(table.coders[&a("huda")], CoderProgress { done: 2, in_progress: 0, not_started: 1, unknown: 0 });
        assert_eq!(table.coders[&a("omar")], CoderProgress { done: 0, in_progress: 1, not_started: 0, unknown: 1 });
        assert_eq!(table.coders[&a("huda")].assigned(), 3);
    }

    #[test]
    fn next_to_do_takes_my_unfinished_documents_first_then_the_others() {
        let order = DocOrder { mine: vec![1, 3, 5], others: vec![0, 2, 4] };
        let done = [3];
        let unfinished = |i: usize| !done.contains(&i);
        assert_eq!(order.next_to_do(None, unfinished), Some(1));
        assert_eq!(order.next_to_do(Some(1), unfinished), Some(5), "3 is done");
        assert_eq!(order.next_to_do(Some(5), unfinished), Some(1), "wraps around my own");
        assert_eq!(order.next_to_do(Some(2), unfinished), Some(1), "mine first, even from another document");
        let all_mine_done = |i: usize| i.is_multiple_of(2);
        assert_eq!(order.next_to_do(Some(5), all_mine_done), Some(0), "then the others");
        assert_eq!(order.next_to_do(Some(2), all_mine_done), Some(4));
        assert_eq!(order.next_to_do(Some(4), |i| i == 4), None, "nothing else to do");
        assert_eq!(order.iter().collect::<Vec<_>>(), [1, 3, 5, 0, 2, 4]);
        assert_eq!((order.at(3), order.position(0)), (Some(0), Some(3)));
    }

    #[test]
    fn a_coder_list_refuses_empty_placeholder_and_invalid_names() {
        assert_eq!(parse_coders("huda, omar,layla").unwrap(), [a("huda"), a("omar"), a("layla")]);
        assert!(matches!(parse_coders("huda,,omar"), Err(CoderListError::Empty(_))));
        assert!(matches!(parse_coders("huda,"), Err(CoderListError::Empty(_))));
        assert!(matches!(parse_coders("huda,annotator"), Err(CoderListError::Placeholder(_))));
        assert!(matches!(parse_coders("Huda Ali"), Err(CoderListError::Invalid(_))));
    }
}
