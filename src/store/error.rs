//! Errors of the store's operations (problems *inside* files are [`super::Problem`]s).

use super::Problem;
use crate::model::DocId;
use std::path::PathBuf;

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The folder has no `project.ron`.
    #[error("{0} is not a Tarmeez project (it has no project.ron)")]
    NotAProject(PathBuf),
    /// `project.ron` itself has problems, so nothing else can be read.
    #[error("the project cannot be opened:\n{}", list(.0))]
    Invalid(Vec<Problem>),
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file could not be written; the previous version is intact.
    #[error("cannot save {path}: {source} (the previous version is intact)")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file that did not exist could not be written, so there is no previous version.
    #[error("cannot save {path}: {error} (the file was not created)")]
    Create {
        /// The file.
        path: PathBuf,
        /// The cause (not a `source`: the message says it already, and would say it twice).
        error: std::io::Error,
    },
    /// Some of the changed files were saved and the others were not: the changes are on disk in part.
    #[error("{cause}; saved: {}; not saved: {}", files(.saved), files(.not_saved))]
    PartlySaved {
        /// The files written (or removed), relative to the project.
        saved: Vec<PathBuf>,
        /// The files whose changes are still only in memory.
        not_saved: Vec<PathBuf>,
        /// Why (the first failure).
        cause: Box<StoreError>,
    },
    /// A value could not be serialized.
    #[error("cannot serialize {path}: {source}")]
    Serialize {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: ron::Error,
    },
    /// The file failed to load, so it is never overwritten.
    #[error("{0} failed to load, so Tarmeez will not overwrite it; fix or restore the file first")]
    Poisoned(PathBuf),
    /// The project is open read-only.
    #[error("the project is open read-only: {0}")]
    ReadOnly(String),
    /// No such document.
    #[error("there is no document `{0}` in this project")]
    NoDocument(DocId),
    /// The document has problems and cannot be used until they are fixed.
    #[error("document `{0}` has problems and cannot be edited until they are fixed (see the problems list)")]
    BrokenDocument(DocId),
    /// The change would leave the project invalid, so it was not made.
    #[error("{0}")]
    Rejected(String),
    /// The file changed on disk after this session read it; it was left as it is.
    #[error(
        "{0} changed on disk after this session read it (another Tarmeez window or command, or git, wrote it); \
         Tarmeez left that version as it is and did not save this session's changes to it: reopen the project \
         to see the new version, then redo the changes"
    )]
    ChangedOnDisk(PathBuf),
    /// An actor's or a place's file changed on disk after this session read it, and both changed the same field
    /// differently.
    #[error(
        "{path} was changed elsewhere too (another Tarmeez window or command, or git) and the two versions \
         differ in the same field ({}): Tarmeez left that version on disk and kept this session's in memory, \
         unsaved; reopen the project to see the other version, then redo the change you want",
        conflicts.join("; ")
    )]
    ActorConflict {
        /// The actor's (or place's) file, relative to the project.
        path: PathBuf,
        /// Each field both changed, with both values (`name: here "…", there "…"`).
        conflicts: Vec<String>,
    },
    /// `project.ron` changed on disk after this session read it; this session's version was written beside it.
    #[error(
        "project.ron (the schema and settings) was changed elsewhere (another Tarmeez window or command, or git) \
         after this session read it: Tarmeez left that version in project.ron and saved this session's version \
         beside it as {ours}, so nothing is lost; compare the two, then reopen the project and redo the changes \
         you want to keep"
    )]
    SchemaConflict {
        /// Where this session's version was saved, relative to the project.
        ours: PathBuf,
    },
    /// The lock for writing could not be taken.
    #[error(transparent)]
    Lock(#[from] super::LockError),
    /// The target of `new` exists and is not empty.
    #[error("{0} already exists and is not empty")]
    Exists(PathBuf),
    /// The write would land outside the project folder (through a folder that is a link).
    #[error(transparent)]
    Outside(#[from] super::inside::Outside),
}

/// How many files a message names before it says how many more there are.
const FILES_SHOWN: usize = 10;

/// A list of files for a message: the first ten, then how many more.
fn files(paths: &[PathBuf]) -> String {
    let mut shown: Vec<String> = paths.iter().take(FILES_SHOWN).map(|p| p.display().to_string()).collect();
    if paths.len() > FILES_SHOWN {
        shown.push(format!("and {} more", paths.len() - FILES_SHOWN));
    }
    shown.join(", ")
}

fn list(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
}

impl StoreError {
    /// Whether the save was refused because another writer changed the file since this session read it:
    /// trying again cannot help until the two versions are reconciled (the other one is left on disk).
    pub fn is_conflict(&self) -> bool {
        match self {
            StoreError::ChangedOnDisk(_) | StoreError::ActorConflict { .. } | StoreError::SchemaConflict { .. } => true,
            StoreError::PartlySaved { cause, .. } => cause.is_conflict(),
            _ => false,
        }
    }
}
