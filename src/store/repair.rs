//! `tarmeez repair`: clearing up what interrupted writes left (see [`super::integrity`]), without losing work.
//!
//! - A temp file is removed once its writer cannot be running: under the shared files' lock for a shared
//!   file's temp, under the coder's lock for a temp beside their layer (skipped while their session is open).
//! - A text without metadata that nothing refers to is an import that stopped half-way: it is rolled back
//!   (the text removed; importing again brings the document back whole).
//! - A text without metadata that annotations or suggestions refer to was a document: its metadata is written
//!   again from the text (id as title, length, hash, now as import time), so that nothing is lost.
//! - Annotations of a document whose text is gone too are a coder's work: they are reported and left.
//!
//! Everything happens under the shared files' lock, so an import running at the same moment is never taken
//! for an interrupted one.

use super::integrity::{self, Leftover, Writer};
use super::lock::{AnnotatorLock, LockError, SharedFilesLock};
use super::{atomic, inside, paths, ron_io};
use crate::model::{Annotator, DocId, DocText, DocumentMeta};
use std::path::{Path, PathBuf};

/// How to repair.
#[derive(Clone, Debug, Default)]
pub struct RepairOptions {
    /// Only say what would be done.
    pub dry_run: bool,
    /// The coder whose lock the caller holds (a window repairing its own project): their temp files are the
    /// caller's own, left by an earlier session, and may be removed.
    pub own_session: Option<Annotator>,
}

/// What was done (or, in a dry run, would be done) about one leftover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The temp file, or the empty folder, was removed.
    Removed,
    /// The text of a half-written document was removed.
    RolledBack,
    /// The metadata of a document was written again from its text.
    Finished,
    /// Left for now, for the reason given (another session may be writing it).
    Skipped(String),
    /// Cannot be repaired without a person: what to do.
    Left(String),
    /// The repair of this one failed, for the reason given.
    Failed(String),
}

/// One leftover and what was done about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RepairStep {
    /// What was found.
    pub leftover: Leftover,
    /// What was done.
    pub outcome: Outcome,
}

impl RepairStep {
    /// Whether the leftover is gone (or, in a dry run, would be).
    pub fn fixed(&self) -> bool {
        matches!(self.outcome, Outcome::Removed | Outcome::RolledBack | Outcome::Finished)
    }

    /// One line for the user: `removed documents/x.txt: ...`, or in a dry run `would remove ...`.
    pub fn describe(&self, dry_run: bool) -> String {
        let file = self.leftover.file();
        let file = file.display();
        let (done, would, what) = match (&self.outcome, &self.leftover) {
            (Outcome::Removed, Leftover::Temp { .. }) => {
                ("removed", "would remove", "a temp file of an interrupted save")
            }
            (Outcome::Removed, _) => {
                ("removed", "would remove", "an empty folder of a document that is not in the project")
            }
            (Outcome::RolledBack, _) => (
                "removed",
                "would remove",
                "the text of a document whose import was interrupted before it was complete (nothing refers to \
                 it; import it again)",
            ),
            (Outcome::Finished, Leftover::HalfWritten { doc, .. }) => {
                let meta = paths::meta(doc);
                let verb = if dry_run { "would write" } else { "wrote" };
                return format!(
                    "finished document `{doc}`: {verb} {} again from {file}, with `{doc}` as its title (its annotations \
                     or suggestions are shown again; its source, date and url were lost)",
                    meta.display()
                );
            }
            (Outcome::Finished, _) => ("finished", "would finish", "the document"),
            (Outcome::Skipped(why), _) => return format!("skipped {file}: {why}"),
            (Outcome::Left(why), _) => return format!("left {file}: {why}"),
            (Outcome::Failed(why), _) => return format!("could not repair {file}: {why}"),
        };
        format!("{} {file}: {what}", if dry_run { would } else { done })
    }
}

/// Why the repair could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum RepairError {
    /// The folder has no `project.ron`.
    #[error("{0} is not a Tarmeez project (it has no project.ron)")]
    NotAProject(PathBuf),
    /// The shared files' lock could not be taken.
    #[error(transparent)]
    Lock(#[from] LockError),
    /// The folder could not be read.
    #[error("cannot read the project folder {path}: {source}")]
    Read {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// Repairs the project at `root` (or, with `dry_run`, says what it would do): one step per leftover, temp
/// files first (a folder is empty only once they are gone).
pub fn repair(root: &Path, options: &RepairOptions) -> Result<Vec<RepairStep>, RepairError> {
    if !root.join(paths::config()).is_file() {
        return Err(RepairError::NotAProject(root.to_owned()));
    }
    // Held to the end: no shared file is being written meanwhile, so every temp file of one is stray and
    // every text without metadata is one whose import stopped.
    let _shared = SharedFilesLock::acquire(root, SharedFilesLock::PATIENCE)?;
    let mut found = integrity::scan(root).map_err(|source| RepairError::Read { path: root.to_owned(), source })?;
    found.sort_by_key(|l| !matches!(l, Leftover::Temp { .. }));
    Ok(found
        .into_iter()
        .map(|leftover| {
            let outcome = repair_one(root, &leftover, options);
            RepairStep { leftover, outcome }
        })
        .collect())
}

fn repair_one(root: &Path, leftover: &Leftover, options: &RepairOptions) -> Outcome {
    let dry_run = options.dry_run;
    match leftover {
        Leftover::Temp { file, writer: Writer::Shared } => remove(root, file, dry_run),
        Leftover::Temp { file, writer: Writer::Coder(coder) } => {
            if options.own_session.as_ref() == Some(coder) {
                return remove(root, file, dry_run);
            }
            let open = |_| {
                Outcome::Skipped(format!(
                    "it is beside {coder}'s layer, and {coder}'s session (a window or a command) is open and may be \
                     saving it right now; that session removes it when it next saves the file, or run the repair \
                     again once the session is closed"
                ))
            };
            if dry_run {
                return if integrity::session_running(root, coder) { open(()) } else { Outcome::Removed };
            }
            match AnnotatorLock::acquire(root, coder) {
                Ok(_lock) => remove(root, file, false),
                Err(LockError::Held { .. }) => open(()),
                Err(e) => Outcome::Failed(e.to_string()),
            }
        }
        Leftover::HalfWritten { doc, referred: false } => match remove(root, &paths::text(doc), dry_run) {
            Outcome::Removed => Outcome::RolledBack,
            other => other,
        },
        Leftover::HalfWritten { doc, referred: true } => finish(root, doc, dry_run),
        Leftover::Orphaned { folder, empty: true } => {
            if dry_run {
                return Outcome::Removed;
            }
            match std::fs::remove_dir(root.join(folder)) {
                Ok(()) => Outcome::Removed,
                Err(e) if e.kind() == std::io::ErrorKind::DirectoryNotEmpty => {
                    Outcome::Skipped("it still holds a temp file that a running session may be writing".into())
                }
                Err(e) => Outcome::Failed(e.to_string()),
            }
        }
        Leftover::Orphaned { .. } => Outcome::Left(
            "a coder's work on a document whose text and metadata are both gone; it is kept. Restore \
             documents/<id>.txt and .ron from git or a backup (or import the text again under the same id and run \
             the repair), or delete the folder yourself if the document is to go"
                .into(),
        ),
        Leftover::BadTextName { .. } => Outcome::Left(
            "its name is not a document id; import it with `tarmeez import-text`, or move it out of documents/".into(),
        ),
        Leftover::Link { target, .. } => Outcome::Left(format!(
            "it is a link to {}; move that folder's contents here in place of the link (Tarmeez does not write \
             through links)",
            target.display()
        )),
    }
}

fn remove(root: &Path, rel: &Path, dry_run: bool) -> Outcome {
    if dry_run {
        return Outcome::Removed;
    }
    match std::fs::remove_file(root.join(rel)) {
        Ok(()) => Outcome::Removed,
        // Gone meanwhile (its writer finished it): nothing left to do.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Outcome::Removed,
        Err(e) => Outcome::Failed(e.to_string()),
    }
}

/// Writes a document's metadata again from its text.
fn finish(root: &Path, doc: &DocId, dry_run: bool) -> Outcome {
    let text = match ron_io::read_text(root, &paths::text(doc)) {
        Ok(t) => DocText::new(t),
        Err(problem) => {
            return Outcome::Left(format!(
                "its metadata is missing and its text cannot be used to write it again ({}); restore the document \
                 from git or a backup",
                problem.message
            ));
        }
    };
    if dry_run {
        return Outcome::Finished;
    }
    let meta = DocumentMeta {
        title: doc.to_string(),
        chars: text.len_chars(),
        text_hash: text.hash(),
        imported_at: super::now_rfc3339(),
        ..DocumentMeta::default()
    };
    let rel = paths::meta(doc);
    let written = ron_io::to_ron(&meta)
        .map_err(|e| e.to_string())
        .and_then(|ron| inside::check(root, &rel).map(|()| ron).map_err(|e| e.to_string()))
        .and_then(|ron| atomic::write_atomic(&root.join(&rel), ron.as_bytes()).map_err(|e| e.to_string()));
    match written {
        Ok(()) => Outcome::Finished,
        Err(e) => Outcome::Failed(format!("cannot write {}: {e}", rel.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, default_conflict_schema};
    use crate::store::{OpenOptions, Project};

    fn project() -> (tempfile::TempDir, PathBuf, DocId) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("p");
        let huda = Annotator::parse("huda").unwrap();
        let mut p = Project::create(&root, "t", default_conflict_schema(), huda).unwrap();
        let id = p.add_document("doc", "نص الخبر".to_owned(), DocumentMeta::default()).unwrap();
        (tmp, root, id)
    }

    fn write(root: &Path, rel: &str, bytes: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }

    fn outcomes(steps: &[RepairStep]) -> Vec<(PathBuf, Outcome)> {
        steps.iter().map(|s| (s.leftover.file(), s.outcome.clone())).collect()
    }

    #[test]
    fn a_clean_project_needs_nothing() {
        let (_tmp, root, _) = project();
        assert_eq!(repair(&root, &RepairOptions::default()).unwrap(), vec![]);
    }

    #[test]
    fn a_text_nothing_refers_to_is_rolled_back_and_a_dry_run_changes_nothing() {
        let (_tmp, root, _) = project();
        write(&root, "documents/half.txt", "نص");
        write(&root, "documents/.tarmeez-half.ron-Ab12Cd.tmp", "(title: \"half");
        let dry = RepairOptions { dry_run: true, ..RepairOptions::default() };
        let planned = repair(&root, &dry).unwrap();
        assert_eq!(
            outcomes(&planned),
            [
                (PathBuf::from("documents/.tarmeez-half.ron-Ab12Cd.tmp"), Outcome::Removed),
                (PathBuf::from("documents/half.txt"), Outcome::RolledBack)
            ]
        );
        assert!(root.join("documents/half.txt").exists(), "a dry run changes nothing");
        assert!(
            planned[1].describe(true).starts_with("would remove documents/half.txt"),
            "{}",
            planned[1].describe(true)
        );
        let done = repair(&root, &RepairOptions::default()).unwrap();
        assert_eq!(outcomes(&done), outcomes(&planned));
        assert!(!root.join("documents/half.txt").exists());
        assert_eq!(integrity::scan(&root).unwrap(), vec![]);
    }

    #[test]
    fn a_text_with_annotations_is_finished_with_metadata_from_the_text() {
        let (_tmp, root, id) = project();
        let meta = root.join(paths::meta(&id));
        let before: DocumentMeta = ron::from_str(&std::fs::read_to_string(&meta).unwrap()).unwrap();
        std::fs::remove_file(&meta).unwrap();
        write(&root, &format!("annotations/{id}/omar.ron"), "(mentions: {})\n");
        let steps = repair(&root, &RepairOptions::default()).unwrap();
        assert_eq!(outcomes(&steps), [(paths::text(&id), Outcome::Finished)]);
        let after: DocumentMeta = ron::from_str(&std::fs::read_to_string(&meta).unwrap()).unwrap();
        assert_eq!((after.chars, &after.text_hash, after.title.as_str()), (before.chars, &before.text_hash, "doc"));
        let p =
            Project::open(&root, OpenOptions { annotator: Annotator::parse("r").unwrap(), read_only: true }).unwrap();
        assert_eq!(p.documents().len(), 1);
    }

    #[test]
    fn annotations_of_a_document_that_is_gone_are_kept() {
        let (_tmp, root, _) = project();
        write(&root, "annotations/gone/omar.ron", "(mentions: {})\n");
        let steps = repair(&root, &RepairOptions::default()).unwrap();
        assert!(matches!(&steps[0].outcome, Outcome::Left(why) if why.contains("git")), "{steps:?}");
        assert!(root.join("annotations/gone/omar.ron").exists());
    }

    #[test]
    fn a_temp_beside_an_open_sessions_layer_is_skipped_unless_the_session_is_the_callers() {
        let (_tmp, root, id) = project();
        let temp = format!("annotations/{id}/.tarmeez-omar.ron-Ab12Cd.tmp");
        write(&root, &temp, "(ment");
        let omar = Annotator::parse("omar").unwrap();
        let lock = AnnotatorLock::acquire(&root, &omar).unwrap();
        let steps = repair(&root, &RepairOptions::default()).unwrap();
        assert!(matches!(&steps[0].outcome, Outcome::Skipped(why) if why.contains("omar's session")), "{steps:?}");
        assert!(root.join(&temp).exists());
        let mine = RepairOptions { own_session: Some(omar), ..RepairOptions::default() };
        assert_eq!(outcomes(&repair(&root, &mine).unwrap()), [(PathBuf::from(&temp), Outcome::Removed)]);
        drop(lock);
        assert!(!root.join(&temp).exists());
    }
}
