//! The session's side of assignments: what `assignments.ron` says, read when the project opens and again
//! when it changes on disk, and the document list's order it gives (the coder's own assigned documents
//! first), which the list, Alt+Up/Down and Ctrl+J all follow.

use super::Session;
use crate::model::Assignments;
use crate::store::{AssignmentsFile, Project};
use crate::workflow::assignments::DocOrder;

/// The assignments as the window knows them.
#[derive(Default)]
pub struct Assigned {
    /// What the file says (nothing when there is none, or it cannot be read).
    pub assignments: Assignments,
    /// Why the file could not be read (with its file and line), if it could not.
    pub problem: Option<String>,
    /// The list's order, and how many documents the project had when it was built: an import adds
    /// documents, which moves the indices.
    order: (usize, DocOrder),
    /// The file as read, to notice that it changed on disk; `None` when it could not be read.
    file: Option<AssignmentsFile>,
    /// Rises each time the file is read again, so that views built from it know to rebuild.
    pub version: u64,
}

impl Assigned {
    /// Reads the assignments of `project`; a file that cannot be read assigns nothing and says why.
    pub fn read(project: &Project) -> Self {
        let (assignments, problem, file) = match AssignmentsFile::read(project.root()) {
            Ok(file) => (file.assignments.clone(), None, Some(file)),
            Err(p) => (Assignments::default(), Some(p.to_string()), None),
        };
        let order = (project.documents().len(), DocOrder::of(project, &assignments));
        Self { assignments, problem, order, file, version: 0 }
    }
}

impl Session {
    /// What `assignments.ron` says.
    pub fn assigned(&self) -> &Assigned {
        &self.assigned
    }

    /// The document list's order, as last built (see [`Session::refresh_order`]).
    pub fn doc_order(&self) -> &DocOrder {
        &self.assigned.order.1
    }

    /// Reads `assignments.ron` again when it changed on disk (a new `tarmeez assign`, a pull; a file that
    /// could not be read is tried again); returns whether it did.
    pub fn reread_assignments(&mut self) -> bool {
        let root = self.project.root();
        if self.assigned.file.as_ref().is_some_and(|f| !f.changed_on_disk(root)) {
            return false;
        }
        let version = self.assigned.version + 1;
        self.assigned = Assigned { version, ..Assigned::read(&self.project) };
        true
    }

    /// Rebuilds the list's order when documents were added since it was built.
    pub fn refresh_order(&mut self) {
        let n = self.project.documents().len();
        if self.assigned.order.0 != n {
            self.assigned.order = (n, DocOrder::of(&self.project, &self.assigned.assignments));
        }
    }
}
