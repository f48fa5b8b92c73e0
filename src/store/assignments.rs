//! `assignments.ron`: read by every coder's window, written by `tarmeez assign` alone (DESIGN.md section 11:
//! the assignments have one writer, the lead). The write holds the shared lock and refuses to replace a
//! version someone else wrote after this one was read, like every write of a shared file.

use super::fingerprint::Seen;
use super::lock::SharedFilesLock;
use super::{Problem, StoreError, paths, ron_io};
use crate::model::Assignments;
use std::path::Path;

/// The assignments as read, with what the file held then.
#[derive(Clone, Debug)]
pub struct AssignmentsFile {
    /// What the file says (nothing assigned when there is no file).
    pub assignments: Assignments,
    /// What the file held when read or last written here.
    seen: Seen,
}

impl AssignmentsFile {
    /// Reads `assignments.ron` of the project at `root`; no file means nothing is assigned. A file that
    /// does not parse is a problem with its line, and is never written over.
    pub fn read(root: &Path) -> Result<Self, Problem> {
        let rel = paths::assignments();
        if !root.join(&rel).exists() {
            return Ok(Self { assignments: Assignments::default(), seen: Seen::Absent });
        }
        let (assignments, _, seen) = ron_io::read::<Assignments>(root, &rel)?;
        Ok(Self { assignments, seen })
    }

    /// Whether the file on disk is no longer what was read or written here (a new `tarmeez assign`, a pull).
    pub fn changed_on_disk(&self, root: &Path) -> bool {
        Seen::on_disk(&root.join(paths::assignments())).map_or(true, |now| now != self.seen)
    }

    /// Writes `assignments` in place of what was read, under the shared lock (waiting up to `patience`),
    /// unless the file changed on disk since: then nothing is written.
    pub fn write(
        &mut self,
        root: &Path,
        assignments: Assignments,
        patience: std::time::Duration,
    ) -> Result<(), StoreError> {
        let rel = paths::assignments();
        let bytes =
            ron_io::to_ron(&assignments).map_err(|source| StoreError::Serialize { path: rel.clone(), source })?;
        let _lock = SharedFilesLock::acquire(root, patience)?;
        let now = Seen::on_disk(&root.join(&rel)).map_err(|source| StoreError::Read { path: rel.clone(), source })?;
        if now != self.seen {
            return Err(StoreError::ChangedOnDisk(rel));
        }
        super::inside::check(root, &rel)?;
        let existed = now != Seen::Absent;
        super::atomic::write_atomic(&root.join(&rel), bytes.as_bytes()).map_err(|source| {
            let path = rel.clone();
            if existed { StoreError::Write { path, source } } else { StoreError::Create { path, error: source } }
        })?;
        self.seen = Seen::of(bytes.as_bytes());
        self.assignments = assignments;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annotator, DocId};

    fn some_assignments() -> Assignments {
        let mut asg = Assignments::default();
        let coders = [Annotator::parse("huda").unwrap(), Annotator::parse("omar").unwrap()];
        asg.documents.insert(DocId::parse("d1").unwrap(), coders.into());
        asg
    }

    #[test]
    fn assignments_round_trip_and_no_file_is_nothing_assigned() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = AssignmentsFile::read(dir.path()).unwrap();
        assert!(file.assignments.is_empty());
        file.write(dir.path(), some_assignments(), SharedFilesLock::PATIENCE).unwrap();
        let text = std::fs::read_to_string(dir.path().join("assignments.ron")).unwrap();
        // One coder a line: a diff shows exactly whose assignment changed.
        assert_eq!(text, "(\n  documents: {\n    \"d1\": [\n      \"huda\",\n      \"omar\",\n    ],\n  },\n)\n");
        assert_eq!(AssignmentsFile::read(dir.path()).unwrap().assignments, some_assignments());
        assert!(!file.changed_on_disk(dir.path()));
        // This writer wrote it last, so it may write again.
        file.write(dir.path(), Assignments::default(), SharedFilesLock::PATIENCE).unwrap();
    }

    #[test]
    fn a_version_written_by_someone_else_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = AssignmentsFile::read(dir.path()).unwrap();
        std::fs::write(dir.path().join("assignments.ron"), "(documents: {})\n").unwrap();
        assert!(file.changed_on_disk(dir.path()));
        let err = file.write(dir.path(), some_assignments(), SharedFilesLock::PATIENCE).unwrap_err();
        assert!(matches!(err, StoreError::ChangedOnDisk(_)), "{err}");
        assert_eq!(std::fs::read_to_string(dir.path().join("assignments.ron")).unwrap(), "(documents: {})\n");
    }

    #[test]
    fn a_file_that_does_not_parse_names_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("assignments.ron"), "(\n  documents: {\n    \"d1\": [\"Huda\"],\n  },\n)\n")
            .unwrap();
        let problem = AssignmentsFile::read(dir.path()).unwrap_err();
        assert_eq!(problem.line, Some(3), "{problem}");
    }
}
