//! An open project: its configuration, actor registry and document list, with documents loaded lazily.
//!
//! The types and read accessors live here; opening (`open.rs`), loading a document (`load.rs`), changing
//! the project (`edit.rs`), saving (`save.rs`) and adding documents (`add.rs`) each have their own file.
//! Loading a document is a cache filled through `&self` (a `OnceLock` per document), so everything that
//! only reads a project takes `&Project`; only changes, saves and undo need `&mut`.

mod actors;
mod add;
mod edit;
mod load;
mod migrate;
mod open;
mod partial;
mod places;
mod refresh;
mod save;
mod schema_conflict;

pub use add::NewDoc;
pub use refresh::Refreshed;

use super::config::ProjectConfig;
use super::fingerprint::Seen;
use super::lock::{AnnotatorLock, SharedFilesLock};
use super::problem::Problem;
use super::{StoreError, paths, ron_io};
use crate::model::*;
use save::note_seen;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

/// How to open a project.
#[derive(Clone, Debug)]
pub struct OpenOptions {
    /// Whose layer edits go to; their lock is taken unless `read_only`.
    pub annotator: Annotator,
    /// Open without taking a lock and refuse every save (for `validate`, `stats`, viewers).
    pub read_only: bool,
}

/// Whether saves are allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Access {
    /// This session holds the annotator's lock.
    ReadWrite,
    /// Saves are refused, for the reason given.
    ReadOnly(String),
}

/// A file of a loaded document that has unsaved changes.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum DirtyFile {
    Layer(Annotator),
    Suggestions(SourceName),
}

/// A document whose text, layers and suggestions are in memory.
#[derive(Debug)]
pub struct LoadedDoc {
    /// The text with its offset index (shared with layouts built on other threads).
    pub text: Arc<DocText>,
    /// Every annotator's layer.
    pub layers: BTreeMap<Annotator, Layer>,
    /// Every suggestion source's proposals.
    pub suggestions: BTreeMap<SourceName, SuggestionSet>,
    dirty: BTreeSet<DirtyFile>,
    /// What each layer and suggestion file held when read or last written here (a file not listed was absent).
    seen: BTreeMap<PathBuf, Seen>,
}

impl LoadedDoc {
    /// The layer to show to `annotator`: their own if they have one, else the first other coder's.
    pub fn layer_to_show(&self, annotator: &Annotator) -> Option<(&Annotator, &Layer)> {
        self.layers.get_key_value(annotator).or_else(|| self.layers.iter().find(|(_, l)| !l.is_empty()))
    }
}

/// What a loaded (or failed) document holds.
#[derive(Debug)]
enum DocState {
    /// Everything is in memory and valid.
    Loaded(Box<LoadedDoc>),
    /// Something is wrong (see its problems); the text, when readable, can still be shown.
    Broken(Option<Arc<DocText>>),
}

/// What reading a document's files found: its state, its problems, and the files that failed to parse
/// (never overwritten, so that a hand-edited file with a typo is not lost).
#[derive(Debug)]
struct DocContents {
    state: DocState,
    problems: Vec<Problem>,
    poisoned: Vec<PathBuf>,
}

/// One document of the project list.
#[derive(Debug)]
pub struct DocEntry {
    /// Its id (file stem).
    pub id: DocId,
    /// Its metadata, `None` when `documents/<id>.ron` failed to load.
    pub meta: Option<DocumentMeta>,
    /// Filled once, on first load (through `&Project`); empty while only the metadata has been read.
    contents: OnceLock<DocContents>,
    /// The current annotator's progress, read from their layer file without loading the document.
    summary: OnceLock<Option<DocSummary>>,
}

/// One coder's progress on a document, for the document list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DocSummary {
    /// New, in progress or done.
    pub status: DocStatus,
    /// How many mentions the coder made.
    pub mentions: usize,
    /// How many events.
    pub events: usize,
}

impl DocSummary {
    fn of(layer: &Layer) -> Self {
        Self { status: layer.status, mentions: layer.mentions.len(), events: layer.events.len() }
    }
}

impl DocEntry {
    /// Problems found in this document's files so far (all of them once it has been loaded).
    pub fn problems(&self) -> &[Problem] {
        self.contents.get().map_or(&[], |c| &c.problems)
    }

    /// Whether the document was found to have problems.
    pub fn is_broken(&self) -> bool {
        !self.problems().is_empty()
    }

    /// The document's contents, if loaded and valid.
    pub fn loaded(&self) -> Option<&LoadedDoc> {
        match &self.contents.get()?.state {
            DocState::Loaded(d) => Some(d),
            DocState::Broken(_) => None,
        }
    }

    /// The text, if it could be read (also for broken documents whose text is fine).
    pub fn text(&self) -> Option<&Arc<DocText>> {
        match &self.contents.get()?.state {
            DocState::Loaded(d) => Some(&d.text),
            DocState::Broken(t) => t.as_ref(),
        }
    }

    /// Display title: the metadata's title, else the id.
    pub fn title(&self) -> &str {
        self.meta.as_ref().map(|m| m.title.as_str()).filter(|t| !t.is_empty()).unwrap_or(self.id.as_str())
    }

    /// Whether this file of the document failed to load (and so must not be overwritten).
    fn is_poisoned(&self, rel: &Path) -> bool {
        self.contents.get().is_some_and(|c| c.poisoned.iter().any(|p| p == rel))
    }

    /// The loaded contents for changing them; `None` unless loaded and valid.
    fn loaded_mut(&mut self) -> Option<&mut LoadedDoc> {
        match &mut self.contents.get_mut()?.state {
            DocState::Loaded(d) => Some(d),
            DocState::Broken(_) => None,
        }
    }
}

/// An open project folder.
#[derive(Debug)]
pub struct Project {
    root: PathBuf,
    /// `project.ron`; changed only through [`Project::apply_edit`].
    config: ProjectConfig,
    /// The actor registry, `actors/<id>.ron`; changed only through [`Project::apply_edit`].
    actors: ActorRegistry,
    /// Each actor as its file held it when read or last written here: the common version from which a file
    /// changed on disk meanwhile is merged field by field with this session's version.
    actors_read: BTreeMap<ActorId, Actor>,
    annotator: Annotator,
    access: Access,
    _lock: Option<AnnotatorLock>,
    docs: Vec<DocEntry>,
    /// Problems not tied to one document (actor files, stray files).
    problems: Vec<Problem>,
    /// Project-level files that failed to load (actor files, documents' metadata); never overwritten. A
    /// document's own files that fail to load are kept with its contents.
    poisoned: BTreeSet<PathBuf>,
    /// Undo and redo of this session's edits.
    history: History<ProjectEdit>,
    /// The actors with unsaved changes (added, changed or removed).
    dirty_actors: BTreeSet<ActorId>,
    /// The place registry, `places/<id>.ron`; changed only through [`Project::apply_edit`].
    places: PlaceRegistry,
    /// The places with unsaved changes (added, changed or removed).
    dirty_places: BTreeSet<PlaceId>,
    /// Each place as its file held it when read or last written here (the common version of a merge).
    places_read: BTreeMap<PlaceId, Place>,
    /// The registry was replaced as a whole (test fixtures): every actor that differs from its file is unsaved.
    actors_replaced: bool,
    /// `project.ron` (the schema) has unsaved changes.
    config_dirty: bool,
    /// What `project.ron`, the actor files and the documents' metadata held when read or last written here.
    seen: BTreeMap<PathBuf, Seen>,
    /// How long a save waits for another session's write of the shared files to finish.
    lock_patience: std::time::Duration,
    /// Rises with every change, so views know when to rebuild.
    generation: u64,
}

// Readers may share an open project with other threads (a background export, layouts): it must stay
// `Send + Sync`, which is why the load caches are `OnceLock`s.
const _: () = {
    const fn check<T: Send + Sync>() {}
    check::<Project>()
};

/// The current time in RFC 3339 (UTC, seconds).
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

impl Project {
    /// The project folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// `project.ron`: name, description, schema and suggestion sources.
    pub fn config(&self) -> &ProjectConfig {
        &self.config
    }

    /// The actor registry (`actors/<id>.ron`, one file per actor).
    pub fn actors(&self) -> &ActorRegistry {
        &self.actors
    }

    /// The place registry (`places/<id>.ron`, one file per place).
    pub fn places(&self) -> &PlaceRegistry {
        &self.places
    }

    /// The annotator whose layer this session edits.
    pub fn annotator(&self) -> &Annotator {
        &self.annotator
    }

    /// Whether saves are allowed, and if not why.
    pub fn access(&self) -> &Access {
        &self.access
    }

    /// The documents, sorted by id.
    pub fn documents(&self) -> &[DocEntry] {
        &self.docs
    }

    /// The document with this id.
    pub fn document(&self, id: &DocId) -> Option<&DocEntry> {
        self.index_of(id).map(|i| &self.docs[i])
    }

    fn index_of(&self, id: &DocId) -> Option<usize> {
        self.docs.binary_search_by(|d| d.id.cmp(id)).ok()
    }

    /// Every problem found so far: project-level ones, then each document's.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().chain(self.docs.iter().flat_map(|d| d.problems().iter()))
    }

    /// Every file that failed to load, which saving must never overwrite.
    fn poisoned_files(&self) -> BTreeSet<&Path> {
        let docs = self.docs.iter().filter_map(|d| d.contents.get()).flat_map(|c| c.poisoned.iter());
        self.poisoned.iter().chain(docs).map(PathBuf::as_path).collect()
    }

    /// A number that rises with every change made through [`Project::apply`], undo and redo.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The current annotator's progress on document `index`: from memory when it is loaded, else read
    /// (once) from their layer file alone, which is much cheaper than loading and validating the document.
    /// `None` for a document whose layer file cannot be read.
    pub fn summary(&self, index: usize) -> Option<DocSummary> {
        let doc = self.docs.get(index)?;
        if let Some(loaded) = doc.loaded() {
            return Some(loaded.layers.get(&self.annotator).map(DocSummary::of).unwrap_or_default());
        }
        *doc.summary.get_or_init(|| {
            let rel = paths::layer(&doc.id, &self.annotator);
            if !self.root.join(&rel).exists() {
                return Some(DocSummary::default());
            }
            let source = ron_io::read_text(&self.root, &rel).ok()?;
            ron_io::parse::<Layer>(&rel, &source).ok().map(|l| DocSummary::of(&l))
        })
    }

    /// Whether anything (a loaded document, the registry, the schema) has unsaved changes.
    pub fn has_unsaved_changes(&self) -> bool {
        !self.dirty_actor_ids().is_empty()
            || !self.dirty_places.is_empty()
            || self.config_dirty
            || self.docs.iter().any(|d| d.loaded().is_some_and(|l| !l.dirty.is_empty()))
    }

    /// Sets how long a save waits for another session's write of the project's shared files before it
    /// fails (and, in the window, is retried by the autosave): a window should not freeze for long.
    pub fn set_lock_patience(&mut self, patience: std::time::Duration) {
        self.lock_patience = patience;
    }

    /// Takes the lock every writer of this project holds while it writes (DESIGN.md section 11).
    fn lock_for_writing(&self) -> Result<SharedFilesLock, StoreError> {
        Ok(SharedFilesLock::acquire(&self.root, self.lock_patience)?)
    }

    fn check_writable(&self) -> Result<(), StoreError> {
        match &self.access {
            Access::ReadWrite => Ok(()),
            Access::ReadOnly(why) => Err(StoreError::ReadOnly(why.clone())),
        }
    }
}

fn to_ron<T: serde::Serialize>(rel: &Path, value: &T) -> Result<String, StoreError> {
    ron_io::to_ron(value).map_err(|source| StoreError::Serialize { path: rel.to_owned(), source })
}

fn config_ron(config: &ProjectConfig) -> Result<String, StoreError> {
    ron_io::to_ron_expanded(config).map_err(|source| StoreError::Serialize { path: paths::config(), source })
}

/// Replaces `rel` with `bytes` (or removes it for `None`) if it still holds what this session `expected`;
/// returns what it holds now. The caller holds the lock for writing, so nobody else writes in between.
fn replace_file(root: &Path, rel: &Path, bytes: Option<&[u8]>, expected: Seen) -> Result<Seen, StoreError> {
    let now = Seen::on_disk(&root.join(rel)).map_err(|source| StoreError::Read { path: rel.to_owned(), source })?;
    if now != expected {
        return Err(StoreError::ChangedOnDisk(rel.to_owned()));
    }
    match bytes {
        Some(bytes) => {
            write_file(root, rel, bytes)?;
            Ok(Seen::of(bytes))
        }
        None => match std::fs::remove_file(root.join(rel)) {
            Ok(()) => Ok(Seen::Absent),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Seen::Absent),
            Err(source) => Err(StoreError::Write { path: rel.to_owned(), source }),
        },
    }
}

fn write_file(root: &Path, rel: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    super::inside::check(root, rel)?;
    let path = root.join(rel);
    // A failed write keeps the previous version; the message says so only when there was one.
    let existed = path.exists();
    super::atomic::write_atomic(&path, bytes).map_err(|source| {
        let path = rel.to_owned();
        if existed { StoreError::Write { path, source } } else { StoreError::Create { path, error: source } }
    })
}
