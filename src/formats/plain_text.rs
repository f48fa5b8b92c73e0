//! Importing plain UTF-8 `.txt` files, one document each.

use crate::formats::text_file::{TextFileError, read_text};
use crate::model::{DocId, DocumentMeta, text_hash};
use crate::store::{NewDoc, Project, StoreError};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// Why a file was not imported.
#[derive(Debug)]
pub enum SkipReason {
    /// The file could not be read.
    Unreadable(std::io::Error),
    /// The bytes are not UTF-8; `line` is where the first bad byte is.
    NotUtf8 {
        /// 1-based line of the first invalid byte.
        line: usize,
    },
    /// The file is empty or only white space.
    Empty,
    /// The same text is already in the project, or earlier in this import.
    Duplicate(String),
    /// A link to a folder outside the folders given (here, canonical), which is not followed.
    LinkOutside(PathBuf),
    /// A link to a folder already searched (here, canonical): following it would search it again, or loop.
    LinkLoop(PathBuf),
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Unreadable(e) => write!(f, "cannot be read: {e}"),
            SkipReason::NotUtf8 { line } => {
                write!(f, "is not UTF-8 text (first bad byte on line {line}); convert it to UTF-8 and import it again")
            }
            SkipReason::Empty => write!(f, "is empty"),
            SkipReason::Duplicate(of) => write!(f, "has the same text as {of}"),
            SkipReason::LinkOutside(to) => write!(
                f,
                "is a link to {}, outside the folders named, so it is not searched (name that folder itself to \
                 import from it)",
                to.display()
            ),
            SkipReason::LinkLoop(to) => {
                write!(f, "is a link to {}, a folder already searched, so it is not searched again", to.display())
            }
        }
    }
}

/// What an import did, file by file.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Files imported, with the id each document got.
    pub imported: Vec<(PathBuf, DocId)>,
    /// Files skipped, with the reason.
    pub skipped: Vec<(PathBuf, SkipReason)>,
}

/// The `.txt` files found for an import, and the linked folders that were not searched.
#[derive(Debug, Default)]
pub struct Collected {
    /// The files, in order: as given, then each folder's sorted by path.
    pub files: Vec<PathBuf>,
    /// Links to folders that were not followed, with why.
    pub skipped: Vec<(PathBuf, SkipReason)>,
}

/// The `.txt` files named by `inputs`: files as given, folders searched recursively, sorted by path.
///
/// A link to a folder is followed only when it stays inside the folders given (`ln -s / corpus/root` would
/// otherwise search the whole disk) and leads to a folder not searched yet (a link to a parent would loop
/// forever); other links are listed in [`Collected::skipped`] with the reason.
pub fn collect_text_files(inputs: &[PathBuf]) -> std::io::Result<Collected> {
    let mut out = Collected::default();
    let roots: Vec<PathBuf> = inputs.iter().filter(|p| p.is_dir()).filter_map(|p| p.canonicalize().ok()).collect();
    let mut walk = Walk { roots: &roots, visited: HashSet::new(), out: &mut out };
    for input in inputs {
        if input.is_dir() {
            if walk.visited.insert(input.canonicalize()?) {
                walk.dir(input)?;
            }
        } else {
            walk.out.files.push(input.clone());
        }
    }
    Ok(out)
}

/// A search of folders: the folders given (canonical), those searched so far, and what was found.
struct Walk<'a> {
    roots: &'a [PathBuf],
    visited: HashSet<PathBuf>,
    out: &'a mut Collected,
}

impl Walk<'_> {
    fn dir(&mut self, dir: &Path) -> std::io::Result<()> {
        let mut entries: Vec<std::fs::DirEntry> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(std::fs::DirEntry::path);
        for entry in entries {
            let path = entry.path();
            let linked = entry.file_type()?.is_symlink();
            if !path.is_dir() {
                if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
                    self.out.files.push(path);
                }
                continue;
            }
            // Only links can lead out or loop; a real folder is seen twice only when a link led into it first,
            // and then its files are found already.
            let canonical = path.canonicalize()?;
            if linked && !self.roots.iter().any(|r| canonical.starts_with(r)) {
                self.out.skipped.push((path, SkipReason::LinkOutside(canonical)));
            } else if self.visited.insert(canonical.clone()) {
                self.dir(&path)?;
            } else if linked {
                self.out.skipped.push((path, SkipReason::LinkLoop(canonical)));
            }
        }
        Ok(())
    }
}

/// Why the files and folders named for an import could not be listed (nothing was imported).
#[derive(Debug, thiserror::Error)]
pub enum CollectError {
    /// A file or folder named does not exist.
    #[error("{} does not exist; nothing was imported", .0.display())]
    Missing(PathBuf),
    /// A folder could not be listed.
    #[error("cannot list {}: {}", .0.display(), .1)]
    Unlisted(PathBuf, std::io::Error),
}

/// The `.txt` files of each input in turn (see [`collect_text_files`]; each folder is its own root), as
/// `tarmeez import-text` and the window's File > Add text files name them; refused whole when one is missing.
pub fn collect_inputs(inputs: &[PathBuf]) -> Result<Collected, CollectError> {
    let mut out = Collected::default();
    for path in inputs {
        if !path.exists() {
            return Err(CollectError::Missing(path.clone()));
        }
        let found =
            collect_text_files(std::slice::from_ref(path)).map_err(|e| CollectError::Unlisted(path.clone(), e))?;
        out.files.extend(found.files);
        out.skipped.extend(found.skipped);
    }
    Ok(out)
}

/// Imports each file as one document. Bad files (unreadable, not UTF-8, empty, duplicates) are skipped and
/// reported by name; good ones are imported, [`super::corpus::BATCH`] at a time with a few waits for the disk
/// per batch. Each document is written whole, so an interrupted import leaves only whole documents.
/// `progress(done, total)` is called before each batch and at the end.
///
/// Errors only when the project itself cannot be written (read-only, disk full): documents imported
/// before that stay, and are listed in the partial report of the error's caller by re-listing the project.
pub fn import_text_files(
    project: &mut Project,
    files: &[PathBuf],
    mut progress: impl FnMut(usize, usize),
) -> Result<ImportReport, StoreError> {
    let mut import = TextImport::new(project, files.to_vec());
    loop {
        let (done, total) = import.progress();
        if done == total {
            break;
        }
        progress(done, total);
        import.step(project)?;
    }
    progress(files.len(), files.len());
    Ok(import.finish())
}

/// An import of text files a batch at a time, so that a window can draw its progress between batches and stop
/// when asked; [`import_text_files`] runs one to its end.
#[derive(Debug)]
pub struct TextImport {
    files: Vec<PathBuf>,
    done: usize,
    /// How many files a step takes.
    batch: usize,
    /// Text hashes of the project's documents (when the import started).
    known: HashMap<String, DocId>,
    /// Text hashes of the files imported so far, with their path.
    seen: HashMap<String, PathBuf>,
    report: ImportReport,
}

impl TextImport {
    /// An import of `files` into `project`, none imported yet.
    pub fn new(project: &Project, files: Vec<PathBuf>) -> Self {
        let known = project
            .documents()
            .iter()
            .filter_map(|d| Some((d.meta.as_ref()?.text_hash.clone(), d.id.clone())))
            .collect();
        let batch = super::corpus::BATCH;
        Self { files, done: 0, batch, known, seen: HashMap::new(), report: ImportReport::default() }
    }

    /// Takes `files` files a step from now on (at least one; [`super::corpus::BATCH`] at first), for a caller
    /// that must come back sooner, as a window drawing its progress does.
    pub fn set_batch(&mut self, files: usize) {
        self.batch = files.max(1);
    }

    /// `(files done, files in all)`.
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.files.len())
    }

    /// What was done so far.
    pub fn report(&self) -> &ImportReport {
        &self.report
    }

    /// Reads the next batch of files and adds the good ones. Returns whether files are left. An error (the
    /// project cannot be written) stops there: what was imported before stays, and is in the report.
    pub fn step(&mut self, project: &mut Project) -> Result<bool, StoreError> {
        let end = (self.done + self.batch).min(self.files.len());
        let mut docs = Vec::new();
        let mut paths = Vec::new();
        for path in &self.files[self.done..end] {
            match read_one(path, &self.known, &self.seen) {
                Err(reason) => self.report.skipped.push((path.clone(), reason)),
                Ok(text) => {
                    self.seen.insert(text_hash(&text), path.clone());
                    docs.push(new_doc(path, text));
                    paths.push(path.clone());
                }
            }
        }
        self.done = end;
        let mut first_error = None;
        for (path, result) in paths.into_iter().zip(project.add_documents(docs)?) {
            match result {
                Ok(id) => self.report.imported.push((path, id)),
                Err(e) => first_error = first_error.or(Some(e)),
            }
        }
        match first_error {
            Some(e) => Err(e),
            None => Ok(self.done < self.files.len()),
        }
    }

    /// Ends the import here: what was imported and skipped (files not reached are in neither).
    pub fn finish(self) -> ImportReport {
        self.report
    }
}

/// The document a file becomes: its id from the file's name, its title from the first line.
fn new_doc(path: &Path, text: String) -> NewDoc {
    let id_hint = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let meta = DocumentMeta {
        title: first_line(&text),
        source: path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
        ..DocumentMeta::default()
    };
    NewDoc { id_hint, text, meta }
}

fn read_one(
    path: &Path,
    known: &HashMap<String, DocId>,
    seen: &HashMap<String, PathBuf>,
) -> Result<String, SkipReason> {
    // A byte-order mark is dropped there, so that offsets start at the first letter.
    let text = read_text(path).map_err(|e| match e {
        TextFileError::Unreadable(e) => SkipReason::Unreadable(e),
        TextFileError::NotUtf8 { line } => SkipReason::NotUtf8 { line },
    })?;
    if text.trim().is_empty() {
        return Err(SkipReason::Empty);
    }
    let hash = text_hash(&text);
    if let Some(earlier) = seen.get(&hash) {
        return Err(SkipReason::Duplicate(format!("{}, imported just before", earlier.display())));
    }
    if let Some(id) = known.get(&hash) {
        return Err(SkipReason::Duplicate(format!("document `{id}` of the project")));
    }
    Ok(text)
}

/// The first non-empty line, trimmed and cut to 200 characters, as a default title.
pub(crate) fn first_line(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    line.chars().take(200).collect()
}
