//! What a project folder holds besides whole documents: what an interrupted write left behind (temp files,
//! a text without its metadata), annotations of a document that is gone, and folders that are links.
//!
//! Loading a project reads only what makes documents exist (`documents/<id>.ron`, written last by an import),
//! so none of this shows up there: a text without metadata is simply not a document, and its annotations are
//! never read. [`scan`] walks the folder for them; `validate` reports them ([`problems`]) and
//! [`super::repair`] removes, finishes or rolls them back.

use super::paths;
use super::problem::{Problem, ProblemKind};
use crate::model::{Annotator, DocId};
use std::collections::BTreeSet;
use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Something in the project folder that is not part of a whole document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Leftover {
    /// A temp file of an atomic write that was never renamed over its target.
    Temp {
        /// The temp file, relative to the project.
        file: PathBuf,
        /// Who may be writing it, and so whose lock must be held to remove it.
        writer: Writer,
    },
    /// `documents/<id>.txt` without `documents/<id>.ron`: an import stopped between the two, or the metadata
    /// was deleted.
    HalfWritten {
        /// The document's id.
        doc: DocId,
        /// Annotations or suggestions of it exist (it was a document once): it must be finished, not removed.
        referred: bool,
    },
    /// `annotations/<doc>/` or `suggestions/<doc>/` of a document with neither metadata nor text.
    Orphaned {
        /// The folder, relative to the project.
        folder: PathBuf,
        /// It holds no file at all (so removing it loses nothing).
        empty: bool,
    },
    /// A text in `documents/` whose name is not a document id, so it can never be a document.
    BadTextName {
        /// The file, relative to the project.
        file: PathBuf,
    },
    /// A folder Tarmeez writes into is a symbolic link.
    Link {
        /// The folder, relative to the project.
        folder: PathBuf,
        /// Where it points.
        target: PathBuf,
    },
}

/// Who writes the file a temp file was to become.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Writer {
    /// A shared file (schema, registries, documents, suggestions): written under `.locks/shared.lock`.
    Shared,
    /// A coder's layer: written only by the session holding `.locks/<coder>.lock`.
    Coder(Annotator),
}

impl Leftover {
    /// The file or folder it is about, relative to the project.
    pub fn file(&self) -> PathBuf {
        match self {
            Leftover::Temp { file, .. } | Leftover::BadTextName { file } => file.clone(),
            Leftover::HalfWritten { doc, .. } => paths::text(doc),
            Leftover::Orphaned { folder, .. } | Leftover::Link { folder, .. } => folder.clone(),
        }
    }

    /// The problem `validate` reports for it, in plain words.
    pub fn problem(&self) -> Problem {
        let file = self.file();
        let (kind, message) = match self {
            Leftover::Temp { .. } => (
                ProblemKind::TempFile,
                "a temp file left by a save or import that was interrupted (it is never read); `tarmeez repair` \
                 removes it"
                    .to_owned(),
            ),
            Leftover::HalfWritten { doc, referred: false } => (
                ProblemKind::HalfWritten,
                format!(
                    "a text without its metadata ({}): an import was interrupted before the document was complete, \
                     so it is not in the project; `tarmeez repair` removes it (import it again afterwards)",
                    paths::meta(doc).display()
                ),
            ),
            Leftover::HalfWritten { doc, referred: true } => (
                ProblemKind::HalfWritten,
                format!(
                    "a text without its metadata ({}), so the document and its annotations or suggestions are not \
                     shown; `tarmeez repair` writes the metadata again from the text",
                    paths::meta(doc).display()
                ),
            ),
            Leftover::Orphaned { empty: false, .. } => (
                ProblemKind::Orphaned,
                "annotations or suggestions of a document that is not in the project (its text and metadata in \
                 documents/ are missing), so they are not shown; restore the document's two files (from git or a \
                 backup), or delete this folder if the document is to go"
                    .to_owned(),
            ),
            Leftover::Orphaned { empty: true, .. } => (
                ProblemKind::Orphaned,
                "an empty folder of a document that is not in the project; `tarmeez repair` removes it".to_owned(),
            ),
            Leftover::BadTextName { .. } => (
                ProblemKind::BadFileName,
                "not a document: its name is not a document id (lowercase a-z, digits, '-' and '_'), so it is \
                 ignored; import it with `tarmeez import-text`, or move it out of documents/"
                    .to_owned(),
            ),
            Leftover::Link { target, .. } => (
                ProblemKind::Link,
                format!(
                    "this folder is a link to {}: Tarmeez does not write through links (the files would land outside \
                     the project), so saves into it fail; replace the link by the folder itself",
                    target.display()
                ),
            ),
        };
        Problem::in_file(file, kind, message)
    }
}

/// The folders Tarmeez writes into, besides the project folder itself.
const WRITTEN_FOLDERS: [&str; 6] = ["actors", "places", "documents", "annotations", "suggestions", ".locks"];

/// Walks the project at `root` for leftovers, sorted by file. Links are reported, never followed; `.git` is
/// not entered.
pub fn scan(root: &Path) -> std::io::Result<Vec<Leftover>> {
    let mut out = Vec::new();
    walk(root, Path::new(""), &mut out)?;
    documents(root, &mut out)?;
    for top in ["annotations", "suggestions"] {
        per_document_folders(root, Path::new(top), &mut out)?;
    }
    out.sort_by_key(Leftover::file);
    Ok(out)
}

/// Temp files anywhere, and links where Tarmeez writes.
fn walk(root: &Path, rel: &Path, out: &mut Vec<Leftover>) -> std::io::Result<()> {
    let entries = match std::fs::read_dir(root.join(rel)) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let child = rel.join(&name);
        let kind = entry.file_type()?;
        if kind.is_symlink() {
            if is_written_folder(&child) {
                let target = std::fs::read_link(root.join(&child)).unwrap_or_default();
                out.push(Leftover::Link { folder: child, target });
            }
        } else if kind.is_dir() {
            if name != ".git" {
                walk(root, &child, out)?;
            }
        } else if let Some(target) = name.to_str().and_then(temp_target) {
            out.push(Leftover::Temp { writer: writer_of(&rel.join(target)), file: child });
        }
    }
    Ok(())
}

/// Whether `rel` is a folder Tarmeez writes into: `actors`, `places`, `documents`, `annotations`, `suggestions`, `.locks`, or a
/// document's folder under `annotations` or `suggestions`.
fn is_written_folder(rel: &Path) -> bool {
    let parts: Vec<_> = rel.iter().filter_map(|p| p.to_str()).collect();
    match parts.as_slice() {
        [one] => WRITTEN_FOLDERS.contains(one),
        [top, _] => *top == "annotations" || *top == "suggestions",
        _ => false,
    }
}

/// The name of the file a temp file was to become: `.tarmeez-<target>-XXXXXX.tmp` (see `atomic.rs`).
pub fn temp_target(name: &str) -> Option<&str> {
    let inner = name.strip_prefix(".tarmeez-")?.strip_suffix(".tmp")?;
    Some(inner.rsplit_once('-').map_or(inner, |(target, _random)| target))
}

/// A temp file beside a coder's layer is theirs; any other is of a shared file.
fn writer_of(target: &Path) -> Writer {
    let parts: Vec<_> = target.iter().filter_map(|p| p.to_str()).collect();
    match parts.as_slice() {
        ["annotations", _, file] => {
            file.strip_suffix(".ron").and_then(|stem| Annotator::parse(stem).ok()).map_or(Writer::Shared, Writer::Coder)
        }
        _ => Writer::Shared,
    }
}

/// The names in `root/rel`, or none when it is missing (or a link, reported by the walk).
fn names(root: &Path, rel: &Path) -> std::io::Result<Vec<String>> {
    let dir = root.join(rel);
    if std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return Ok(Vec::new());
    }
    match std::fs::read_dir(&dir) {
        Ok(entries) => entries.map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned())).collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(e),
    }
}

/// Texts without metadata.
fn documents(root: &Path, out: &mut Vec<Leftover>) -> std::io::Result<()> {
    let listed = names(root, &paths::documents_dir())?;
    let metas: BTreeSet<&str> = listed.iter().filter_map(|n| n.strip_suffix(".ron")).collect();
    for stem in listed.iter().filter_map(|n| n.strip_suffix(".txt")).filter(|s| !metas.contains(s)) {
        match DocId::parse(stem) {
            Ok(doc) => {
                let referred = [paths::layers_dir(&doc), paths::suggestions_dir(&doc)]
                    .iter()
                    .any(|dir| names(root, dir).is_ok_and(|n| n.iter().any(|n| temp_target(n).is_none())));
                out.push(Leftover::HalfWritten { doc, referred });
            }
            Err(_) => out.push(Leftover::BadTextName { file: paths::documents_dir().join(format!("{stem}.txt")) }),
        }
    }
    Ok(())
}

/// `annotations/<doc>/` and `suggestions/<doc>/` of documents with neither metadata nor text (a text without
/// metadata is reported once, as half-written).
fn per_document_folders(root: &Path, top: &Path, out: &mut Vec<Leftover>) -> std::io::Result<()> {
    for name in names(root, top)? {
        let folder = top.join(&name);
        let is_dir = std::fs::symlink_metadata(root.join(&folder)).is_ok_and(|m| m.is_dir());
        let documents = root.join(paths::documents_dir());
        let exists = ["ron", "txt"].iter().any(|ext| documents.join(format!("{name}.{ext}")).exists());
        if is_dir && !exists {
            let files = names(root, &folder)?;
            out.push(Leftover::Orphaned { empty: files.iter().all(|n| temp_target(n).is_some()), folder });
        }
    }
    Ok(())
}

/// Whether a session of `coder` is running now (their lock is held). A lock file that does not exist is held
/// by no one; the probe never creates one, so that checking a project writes nothing.
pub fn session_running(root: &Path, coder: &Annotator) -> bool {
    let Ok(file) = File::open(root.join(".locks").join(format!("{coder}.lock"))) else { return false };
    match file.try_lock() {
        Ok(()) => false,
        Err(TryLockError::WouldBlock) => true,
        Err(TryLockError::Error(_)) => false,
    }
}

/// What `validate` reports about the folder: every leftover, except temp files beside the layers of a coder
/// whose session is running (that session may be saving them right now, and removes them itself). `own` is
/// the coder whose session the caller is (a window checking its own project, between its saves): their temp
/// files are stray.
///
/// The shared files' lock is held while the folder is read, when it can be taken within `patience`, so that
/// an import writing at the same moment is not mistaken for an interrupted one (a window waits less than a
/// command: it must not freeze).
pub fn problems(root: &Path, own: Option<&Annotator>, patience: Duration) -> std::io::Result<Vec<Problem>> {
    let _shared = super::lock::SharedFilesLock::acquire(root, patience).ok();
    let found = scan(root)?;
    let busy = |c: &Annotator| Some(c) != own && session_running(root, c);
    Ok(found
        .iter()
        .filter(|l| !matches!(l, Leftover::Temp { writer: Writer::Coder(c), .. } if busy(c)))
        .map(Leftover::problem)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(root: &Path, rel: &str) {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, b"x").unwrap();
    }

    #[test]
    fn temp_names_give_their_target() {
        assert_eq!(temp_target(".tarmeez-huda.ron-Ab12Cd.tmp"), Some("huda.ron"));
        assert_eq!(temp_target(".tarmeez-doc-1.txt-Ab12Cd.tmp"), Some("doc-1.txt"));
        assert_eq!(temp_target("huda.ron"), None);
        assert_eq!(temp_target(".tarmeez-x.ron"), None);
    }

    #[test]
    fn a_whole_project_has_no_leftovers() {
        let dir = tempfile::tempdir().unwrap();
        for f in ["project.ron", "documents/a.txt", "documents/a.ron", "annotations/a/huda.ron", "suggestions/a/t.ron"]
        {
            touch(dir.path(), f);
        }
        assert_eq!(scan(dir.path()).unwrap(), vec![]);
    }

    #[test]
    fn each_kind_of_leftover_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "project.ron",
            ".tarmeez-project.ron-Ab12Cd.tmp",
            "documents/a.txt",
            "documents/b.txt",
            "documents/.tarmeez-b.ron-Zz99Yy.tmp",
            "documents/Notes.txt",
            "annotations/b/huda.ron",
            "annotations/b/.tarmeez-huda.ron-Qq11Ww.tmp",
            "annotations/gone/omar.ron",
            "suggestions/empty/.tarmeez-t.ron-Ee22Rr.tmp",
        ] {
            touch(root, f);
        }
        let huda = Annotator::parse("huda").unwrap();
        let doc = |s: &str| DocId::parse(s).unwrap();
        assert_eq!(
            scan(root).unwrap(),
            vec![
                Leftover::Temp { file: ".tarmeez-project.ron-Ab12Cd.tmp".into(), writer: Writer::Shared },
                Leftover::Temp {
                    file: "annotations/b/.tarmeez-huda.ron-Qq11Ww.tmp".into(),
                    writer: Writer::Coder(huda)
                },
                Leftover::Orphaned { folder: "annotations/gone".into(), empty: false },
                Leftover::Temp { file: "documents/.tarmeez-b.ron-Zz99Yy.tmp".into(), writer: Writer::Shared },
                Leftover::BadTextName { file: "documents/Notes.txt".into() },
                Leftover::HalfWritten { doc: doc("a"), referred: false },
                Leftover::HalfWritten { doc: doc("b"), referred: true },
                Leftover::Orphaned { folder: "suggestions/empty".into(), empty: true },
                Leftover::Temp { file: "suggestions/empty/.tarmeez-t.ron-Ee22Rr.tmp".into(), writer: Writer::Shared },
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_where_tarmeez_writes_are_found_and_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        touch(elsewhere.path(), ".tarmeez-x.ron-Ab12Cd.tmp");
        touch(dir.path(), "annotations/a/huda.ron");
        touch(dir.path(), "documents/a.txt");
        touch(dir.path(), "documents/a.ron");
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("suggestions")).unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("annotations/b")).unwrap();
        std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("other")).unwrap();
        let found = scan(dir.path()).unwrap();
        let links: Vec<PathBuf> = found.iter().map(Leftover::file).collect();
        assert_eq!(links, [PathBuf::from("annotations/b"), PathBuf::from("suggestions")], "{found:?}");
    }

    #[test]
    fn a_running_session_is_seen_without_creating_lock_files() {
        let dir = tempfile::tempdir().unwrap();
        let huda = Annotator::parse("huda").unwrap();
        assert!(!session_running(dir.path(), &huda));
        assert!(!dir.path().join(".locks").exists(), "the probe wrote nothing");
        let lock = crate::store::AnnotatorLock::acquire(dir.path(), &huda).unwrap();
        assert!(session_running(dir.path(), &huda));
        drop(lock);
        assert!(!session_running(dir.path(), &huda));
    }
}
