//! Importing plain UTF-8 `.txt` files, one document each.

use crate::formats::text_file::{TextFileError, read_text};
use crate::model::{DocId, DocumentMeta, text_hash};
use crate::store::{Project, StoreError};
use std::collections::HashMap;
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

/// The `.txt` files named by `inputs`: files as given, folders searched recursively, sorted by path.
pub fn collect_text_files(inputs: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            walk(input, &mut out)?;
        } else {
            out.push(input.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("txt")) {
            out.push(path);
        }
    }
    Ok(())
}

/// Imports each file as one document. Bad files (unreadable, not UTF-8, empty, duplicates) are skipped and
/// reported by name; good ones are imported. Each document is written atomically, so an interrupted import
/// leaves only whole documents. `progress(done, total)` is called after each file.
///
/// Errors only when the project itself cannot be written (read-only, disk full): documents imported
/// before that stay, and are listed in the partial report of the error's caller by re-listing the project.
pub fn import_text_files(
    project: &mut Project,
    files: &[PathBuf],
    mut progress: impl FnMut(usize, usize),
) -> Result<ImportReport, StoreError> {
    let mut report = ImportReport::default();
    let known: HashMap<String, DocId> =
        project.documents().iter().filter_map(|d| Some((d.meta.as_ref()?.text_hash.clone(), d.id.clone()))).collect();
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for (i, path) in files.iter().enumerate() {
        progress(i, files.len());
        match read_one(path, &known, &seen) {
            Err(reason) => report.skipped.push((path.clone(), reason)),
            Ok(text) => {
                let hash = text_hash(&text);
                let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                let meta = DocumentMeta {
                    title: first_line(&text),
                    source: path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
                    ..DocumentMeta::default()
                };
                let id = project.add_document(&stem, text, meta)?;
                seen.insert(hash, path.clone());
                report.imported.push((path.clone(), id));
            }
        }
    }
    progress(files.len(), files.len());
    Ok(report)
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
fn first_line(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    line.chars().take(200).collect()
}
