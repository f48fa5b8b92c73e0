//! An open project: its configuration, actor registry and document list, with documents loaded lazily.

use super::atomic::write_atomic;
use super::config::{self, ProjectConfig};
use super::lock::AnnotatorLock;
use super::problem::{Problem, ProblemKind};
use super::{StoreError, paths, ron_io};
use crate::model::*;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
}

impl LoadedDoc {
    /// The layer to show to `annotator`: their own if they have one, else the first other coder's.
    pub fn layer_to_show(&self, annotator: &Annotator) -> Option<(&Annotator, &Layer)> {
        self.layers.get_key_value(annotator).or_else(|| self.layers.iter().find(|(_, l)| !l.is_empty()))
    }
}

/// What the project holds of one document.
#[derive(Debug)]
enum DocState {
    /// Only the metadata has been read.
    Unloaded,
    /// Everything is in memory and valid.
    Loaded(Box<LoadedDoc>),
    /// Something is wrong (see its problems); the text, when readable, can still be shown.
    Broken(Option<Arc<DocText>>),
}

/// One document of the project list.
#[derive(Debug)]
pub struct DocEntry {
    /// Its id (file stem).
    pub id: DocId,
    /// Its metadata, `None` when `documents/<id>.ron` failed to load.
    pub meta: Option<DocumentMeta>,
    state: DocState,
    problems: Vec<Problem>,
    /// The current annotator's progress, read from their layer file without loading the document.
    summary: std::cell::OnceCell<Option<DocSummary>>,
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
        &self.problems
    }

    /// Whether the document was found to have problems.
    pub fn is_broken(&self) -> bool {
        !self.problems.is_empty()
    }

    /// The document's contents, if loaded and valid.
    pub fn loaded(&self) -> Option<&LoadedDoc> {
        match &self.state {
            DocState::Loaded(d) => Some(d),
            _ => None,
        }
    }

    /// The text, if it could be read (also for broken documents whose text is fine).
    pub fn text(&self) -> Option<&Arc<DocText>> {
        match &self.state {
            DocState::Loaded(d) => Some(&d.text),
            DocState::Broken(t) => t.as_ref(),
            DocState::Unloaded => None,
        }
    }

    /// Display title: the metadata's title, else the id.
    pub fn title(&self) -> &str {
        self.meta.as_ref().map(|m| m.title.as_str()).filter(|t| !t.is_empty()).unwrap_or(self.id.as_str())
    }
}

/// An open project folder.
#[derive(Debug)]
pub struct Project {
    root: PathBuf,
    /// `project.ron`.
    pub config: ProjectConfig,
    /// `actors.ron`.
    pub actors: ActorRegistry,
    annotator: Annotator,
    access: Access,
    _lock: Option<AnnotatorLock>,
    docs: Vec<DocEntry>,
    /// Problems not tied to one document (actors.ron, stray files).
    problems: Vec<Problem>,
    /// Files that failed to load; never overwritten.
    poisoned: BTreeSet<PathBuf>,
    /// Undo and redo of this session's edits.
    history: History<ProjectEdit>,
    /// `actors.ron` has unsaved changes.
    actors_dirty: bool,
    /// `project.ron` (the schema) has unsaved changes.
    config_dirty: bool,
    /// Rises with every change, so views know when to rebuild.
    generation: u64,
}

/// The current time in RFC 3339 (UTC, seconds).
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

impl Project {
    /// Opens the project at `root`: reads `project.ron`, `actors.ron` and every document's metadata.
    /// Texts and annotations are read later, per document, by [`Project::load_document`].
    ///
    /// Fails only when `project.ron` is missing or unusable; a broken document or actor registry is
    /// recorded as a problem and the rest of the project stays usable.
    pub fn open(root: impl Into<PathBuf>, options: OpenOptions) -> Result<Self, StoreError> {
        let root = root.into();
        let config_path = paths::config();
        if !root.join(&config_path).is_file() {
            return Err(StoreError::NotAProject(root));
        }
        let config = read_config(&root).map_err(|p| StoreError::Invalid(vec![p]))?;
        let schema_problems: Vec<Problem> = config
            .0
            .schema
            .problems()
            .into_iter()
            .map(|(id, message)| {
                let at = super::problem::locate(&config.1, &[format!("\"{id}\"")]);
                Problem {
                    file: config_path.clone(),
                    line: at.map(|a| a.0),
                    column: at.map(|a| a.1),
                    kind: ProblemKind::Schema,
                    message,
                }
            })
            .collect();
        if !schema_problems.is_empty() {
            return Err(StoreError::Invalid(schema_problems));
        }
        let mut project = Project {
            root,
            config: config.0,
            actors: ActorRegistry::default(),
            annotator: options.annotator.clone(),
            access: Access::ReadWrite,
            _lock: None,
            docs: Vec::new(),
            problems: Vec::new(),
            poisoned: BTreeSet::new(),
            history: History::default(),
            actors_dirty: false,
            config_dirty: false,
            generation: 0,
        };
        project.read_actors();
        project.read_document_list()?;
        if options.read_only {
            project.access = Access::ReadOnly("opened read-only".to_owned());
        } else {
            match AnnotatorLock::acquire(&project.root, &options.annotator) {
                Ok(lock) => project._lock = Some(lock),
                Err(e) => project.access = Access::ReadOnly(e.to_string()),
            }
        }
        Ok(project)
    }

    /// Creates a new, empty project at `root` (which must not exist or be empty) and opens it.
    pub fn create(
        root: impl Into<PathBuf>,
        name: &str,
        schema: Schema,
        annotator: Annotator,
    ) -> Result<Self, StoreError> {
        let root = root.into();
        if root.exists() {
            let empty = std::fs::read_dir(&root)
                .map_err(|source| StoreError::Read { path: root.clone(), source })?
                .next()
                .is_none();
            if !empty {
                return Err(StoreError::Exists(root));
            }
        }
        let config = ProjectConfig {
            format_version: config::FORMAT_VERSION,
            name: name.to_owned(),
            description: String::new(),
            schema,
            sources: Default::default(),
        };
        write_file(&root, &paths::config(), config_ron(&config)?.as_bytes())?;
        write_file(&root, &paths::actors(), to_ron(&paths::actors(), &ActorRegistry::default())?.as_bytes())?;
        // Lock files and interrupted temp files are per machine; keep them out of a shared repository.
        write_file(&root, Path::new(".gitignore"), b".locks/\n.tarmeez-*.tmp\n")?;
        super::atomic::create_dir_durable(&root.join(paths::documents_dir()))
            .map_err(|source| StoreError::Write { path: root.join(paths::documents_dir()), source })?;
        Self::open(root, OpenOptions { annotator, read_only: false })
    }

    /// The project folder.
    pub fn root(&self) -> &Path {
        &self.root
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
        self.problems.iter().chain(self.docs.iter().flat_map(|d| d.problems.iter()))
    }

    fn read_actors(&mut self) {
        let rel = paths::actors();
        if !self.root.join(&rel).exists() {
            return;
        }
        match ron_io::read::<ActorRegistry>(&self.root, &rel) {
            Ok((actors, source)) => {
                for (id, msg) in actors.problems() {
                    let anchor = vec![format!("\"{id}\"")];
                    let loc = super::problem::locate(&source, &anchor);
                    self.problems.push(Problem {
                        file: rel.clone(),
                        line: loc.map(|l| l.0),
                        column: loc.map(|l| l.1),
                        kind: ProblemKind::Actors,
                        message: msg,
                    });
                }
                self.actors = actors;
            }
            Err(p) => {
                self.problems.push(p);
                self.poisoned.insert(rel);
            }
        }
    }

    fn read_document_list(&mut self) -> Result<(), StoreError> {
        let dir = self.root.join(paths::documents_dir());
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(source) => return Err(StoreError::Read { path: dir, source }),
        };
        let mut stems = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|source| StoreError::Read { path: dir.clone(), source })?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            // A .txt without its .ron is an interrupted import: the document does not exist yet.
            if let Some(stem) = name.strip_suffix(".ron") {
                stems.push(stem.to_owned());
            }
        }
        stems.sort();
        for stem in stems {
            let Ok(id) = DocId::parse(&stem) else {
                self.problems.push(Problem::in_file(
                    paths::documents_dir().join(format!("{stem}.ron")),
                    ProblemKind::BadFileName,
                    format!(
                        "`{stem}` is not a valid document id (lowercase a-z, digits, '-' and '_'); the file is ignored"
                    ),
                ));
                continue;
            };
            let rel = paths::meta(&id);
            let (meta, state, problems) = match ron_io::read::<DocumentMeta>(&self.root, &rel) {
                Ok((meta, _)) => (Some(meta), DocState::Unloaded, Vec::new()),
                Err(p) => {
                    self.poisoned.insert(rel);
                    (None, DocState::Broken(None), vec![p])
                }
            };
            self.docs.push(DocEntry { id, meta, state, problems, summary: Default::default() });
        }
        Ok(())
    }

    /// Loads a document's text, layers and suggestions (once), validating them.
    ///
    /// A document with problems is flagged (its problems are recorded, its files are never overwritten)
    /// and this returns [`StoreError::BrokenDocument`]; the rest of the project is unaffected.
    pub fn load_document(&mut self, id: &DocId) -> Result<&LoadedDoc, StoreError> {
        let i = self.index_of(id).ok_or_else(|| StoreError::NoDocument(id.clone()))?;
        if matches!(self.docs[i].state, DocState::Unloaded) {
            let (state, problems, poisoned) =
                load_contents(&self.root, &self.docs[i], &self.config.schema, &self.actors);
            self.poisoned.extend(poisoned);
            self.docs[i].state = state;
            self.docs[i].problems = problems;
        }
        match &self.docs[i].state {
            DocState::Loaded(d) => Ok(d),
            _ => Err(StoreError::BrokenDocument(id.clone())),
        }
    }

    /// Loads every document (for validation and statistics). Broken ones are flagged, not fatal.
    pub fn load_all(&mut self) {
        let ids: Vec<DocId> = self.docs.iter().map(|d| d.id.clone()).collect();
        for id in ids {
            let _ = self.load_document(&id);
        }
    }

    /// The current annotator's layer of a document, for editing: loaded on demand, created empty if the
    /// annotator has none yet, and marked for saving.
    pub fn layer_mut(&mut self, id: &DocId) -> Result<&mut Layer, StoreError> {
        self.load_document(id)?;
        let annotator = self.annotator.clone();
        let doc = self.loaded_mut(id)?;
        doc.dirty.insert(DirtyFile::Layer(annotator.clone()));
        Ok(doc.layers.entry(annotator).or_default())
    }

    /// Applies `edit` to the current annotator's layer of `doc` and records its inverse for undo.
    pub fn apply(&mut self, doc: &DocId, edit: Edit) -> Result<(), StoreError> {
        self.apply_edit(ProjectEdit::Layer(doc.clone(), edit))
    }

    /// Applies a change to the project and records its inverse for undo. This is the one place through
    /// which the user's changes reach the project. A change that cannot be made as a whole (a document
    /// that does not load, a schema with problems) changes nothing.
    pub fn apply_edit(&mut self, edit: ProjectEdit) -> Result<(), StoreError> {
        let inverse = self.apply_checked(edit)?;
        self.history.record(inverse);
        Ok(())
    }

    /// Undoes the last change. Returns `None` when there is nothing to undo, else the documents it changed
    /// (none for a registry or schema change).
    pub fn undo(&mut self) -> Result<Option<Vec<DocId>>, StoreError> {
        self.replay(false)
    }

    /// Redoes the last undone change; returns like [`Project::undo`].
    pub fn redo(&mut self) -> Result<Option<Vec<DocId>>, StoreError> {
        self.replay(true)
    }

    /// Whether there is a change to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether there is a change to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Applies the top of the undo (or redo) stack and records its inverse on the other stack.
    fn replay(&mut self, redo: bool) -> Result<Option<Vec<DocId>>, StoreError> {
        let taken = if redo { self.history.take_redo() } else { self.history.take_undo() };
        let Some(edit) = taken else { return Ok(None) };
        let docs: Vec<DocId> = edit.documents().into_iter().cloned().collect();
        match self.apply_checked(edit.clone()) {
            Ok(inverse) if redo => self.history.record_redone(inverse),
            Ok(inverse) => self.history.record_undone(inverse),
            Err(e) => {
                self.history.restore(edit, redo);
                return Err(e);
            }
        }
        Ok(Some(docs))
    }

    /// Checks that the whole edit can be made, then makes it and returns its inverse.
    fn apply_checked(&mut self, edit: ProjectEdit) -> Result<ProjectEdit, StoreError> {
        self.check_writable()?;
        for doc in edit.documents() {
            self.load_document(doc)?;
        }
        if let Some(schema) = last_schema(&edit) {
            let problems = schema.problems();
            if let Some((_, first)) = problems.first() {
                return Err(StoreError::Rejected(format!("the schema change was not made: {first}")));
            }
        }
        if touches_actors(&edit) {
            if self.poisoned.contains(&paths::actors()) {
                return Err(StoreError::Rejected(
                    "actors.ron failed to load, so the registry cannot be changed until it is fixed (see the problems list)"
                        .into(),
                ));
            }
            let mut registry = self.actors.clone();
            put_actors(&mut registry, &edit);
            // Only problems the change would add: an old one elsewhere in the registry must not block it.
            let before: BTreeSet<String> = self.actors.problems().into_iter().map(|(_, m)| m).collect();
            if let Some((_, new)) = registry.problems().into_iter().find(|(_, m)| !before.contains(m)) {
                return Err(StoreError::Rejected(format!("the change to the actors was not made: {new}")));
            }
        }
        self.check_layers(&edit)?;
        let inverse = self.apply_unchecked(edit);
        self.generation += 1;
        Ok(inverse)
    }

    /// Refuses an edit that would give an annotation layer a problem it did not have (a role filled by a
    /// type it does not take, an attribute that no longer applies, an unknown actor, an invalid number): such
    /// a layer would make its document fail to load. A schema change is checked against every coder's layer
    /// of every document, an actor change against every loaded layer, a layer edit against the layer it edits.
    fn check_layers(&mut self, edit: &ProjectEdit) -> Result<(), StoreError> {
        let schema_after = last_schema(edit).cloned();
        let actors_changed = touches_actors(edit);
        if schema_after.is_some() {
            self.load_all();
        }
        let schema = schema_after.as_ref().unwrap_or(&self.config.schema);
        let mut actors = self.actors.clone();
        put_actors(&mut actors, edit);
        let everyone = schema_after.is_some() || actors_changed;
        let docs: Vec<DocId> = if everyone {
            self.docs.iter().filter(|d| d.loaded().is_some()).map(|d| d.id.clone()).collect()
        } else {
            edit.documents().into_iter().cloned().collect()
        };
        let empty = Layer::default();
        for doc in docs {
            let Some(loaded) = self.document(&doc).and_then(|d| d.loaded()) else { continue };
            let mut edits = Vec::new();
            layer_edits_for(edit, &doc, &mut edits);
            let mine = loaded.layers.get(&self.annotator).map_or(&empty, |l| l);
            let others = loaded.layers.iter().filter(|(a, _)| everyone && **a != self.annotator);
            let layers = std::iter::once((&self.annotator, mine)).chain(others);
            for (annotator, layer) in layers {
                let mut after = layer.clone();
                if annotator == &self.annotator {
                    if edits.is_empty() && !everyone {
                        continue;
                    }
                    for e in &edits {
                        e.clone().apply(&mut after);
                    }
                }
                let before: BTreeSet<String> = validate_layer(layer, &self.config.schema, &loaded.text, &self.actors)
                    .into_iter()
                    .map(|f| f.message)
                    .collect();
                if let Some(new) = validate_layer(&after, schema, &loaded.text, &actors)
                    .into_iter()
                    .find(|f| !before.contains(&f.message))
                {
                    let whose = if annotator == &self.annotator { "your".to_owned() } else { format!("{annotator}'s") };
                    return Err(StoreError::Rejected(format!(
                        "the change was not made: {whose} annotations of `{doc}` would no longer be valid: {}",
                        new.message
                    )));
                }
            }
        }
        Ok(())
    }

    fn apply_unchecked(&mut self, edit: ProjectEdit) -> ProjectEdit {
        match edit {
            ProjectEdit::Layer(doc, edit) => {
                // Checked to load in `apply_checked`.
                let layer = self.layer_mut(&doc).expect("document checked before applying");
                ProjectEdit::Layer(doc, edit.apply(layer))
            }
            ProjectEdit::PutActor(id, actor) => {
                self.actors_dirty = true;
                let old = match actor {
                    Some(a) => self.actors.actors.insert(id.clone(), a),
                    None => self.actors.actors.remove(&id),
                };
                ProjectEdit::PutActor(id, old)
            }
            ProjectEdit::SetSchema(schema) => {
                self.config_dirty = true;
                ProjectEdit::SetSchema(Box::new(std::mem::replace(&mut self.config.schema, *schema)))
            }
            ProjectEdit::SetSource(name, config) => {
                self.config_dirty = true;
                let old = match config {
                    Some(c) => self.config.sources.insert(name.clone(), c),
                    None => self.config.sources.remove(&name),
                };
                ProjectEdit::SetSource(name, old)
            }
            ProjectEdit::PutSuggestion(doc, source, id, value) => {
                let loaded = self.loaded_mut(&doc).expect("document checked before applying");
                loaded.dirty.insert(DirtyFile::Suggestions(source.clone()));
                let set = loaded.suggestions.entry(source.clone()).or_insert_with(|| SuggestionSet {
                    source: SourceInfo {
                        model: source.to_string(),
                        version: String::new(),
                        imported_at: now_rfc3339(),
                    },
                    suggestions: Default::default(),
                });
                let old = match value {
                    Some(v) => set.suggestions.insert(id, *v),
                    None => set.suggestions.remove(&id),
                };
                ProjectEdit::PutSuggestion(doc, source, id, old.map(Box::new))
            }
            ProjectEdit::SetSuggestions(doc, source, value) => {
                let loaded = self.loaded_mut(&doc).expect("document checked before applying");
                loaded.dirty.insert(DirtyFile::Suggestions(source.clone()));
                let old = match value {
                    Some(v) => loaded.suggestions.insert(source.clone(), *v),
                    None => loaded.suggestions.remove(&source),
                };
                ProjectEdit::SetSuggestions(doc, source, old.map(Box::new))
            }
            ProjectEdit::Batch(edits) => {
                let mut inverse: Vec<ProjectEdit> = edits.into_iter().map(|e| self.apply_unchecked(e)).collect();
                inverse.reverse();
                ProjectEdit::Batch(inverse)
            }
        }
    }

    /// A number that rises with every change made through [`Project::apply`], undo and redo.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// One source's suggestions for a document, for editing their review status; marked for saving.
    pub fn suggestions_mut(
        &mut self,
        id: &DocId,
        source: &SourceName,
    ) -> Result<Option<&mut SuggestionSet>, StoreError> {
        self.load_document(id)?;
        let doc = self.loaded_mut(id)?;
        if !doc.suggestions.contains_key(source) {
            return Ok(None);
        }
        doc.dirty.insert(DirtyFile::Suggestions(source.clone()));
        Ok(doc.suggestions.get_mut(source))
    }

    /// Replaces (or adds) one source's suggestions for a document; marked for saving.
    pub fn set_suggestions(&mut self, id: &DocId, source: SourceName, set: SuggestionSet) -> Result<(), StoreError> {
        self.load_document(id)?;
        let doc = self.loaded_mut(id)?;
        doc.dirty.insert(DirtyFile::Suggestions(source.clone()));
        doc.suggestions.insert(source, set);
        Ok(())
    }

    fn loaded_mut(&mut self, id: &DocId) -> Result<&mut LoadedDoc, StoreError> {
        let i = self.index_of(id).ok_or_else(|| StoreError::NoDocument(id.clone()))?;
        match &mut self.docs[i].state {
            DocState::Loaded(d) => Ok(d),
            _ => Err(StoreError::BrokenDocument(id.clone())),
        }
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
        self.actors_dirty
            || self.config_dirty
            || self.docs.iter().any(|d| d.loaded().is_some_and(|l| !l.dirty.is_empty()))
    }

    /// Saves every changed file of one document. Returns how many files were written.
    pub fn save_document(&mut self, id: &DocId) -> Result<usize, StoreError> {
        self.check_writable()?;
        let i = self.index_of(id).ok_or_else(|| StoreError::NoDocument(id.clone()))?;
        let (jobs, prepare_error) = self.save_jobs(i);
        let results: Vec<_> = jobs.iter().map(|job| job.run(&self.root)).collect();
        let (written, run_error) = self.finish_jobs(&jobs, results);
        match prepare_error.or(run_error) {
            Some(e) => Err(e),
            None => Ok(written),
        }
    }

    /// What saving document `i` takes: one job per changed file (serialized here), and the first file that
    /// may not be written (it failed to load).
    fn save_jobs(&self, i: usize) -> (Vec<SaveJob>, Option<StoreError>) {
        let entry = &self.docs[i];
        let DocState::Loaded(doc) = &entry.state else { return (Vec::new(), None) };
        let id = &entry.id;
        let mut jobs = Vec::new();
        let mut error = None;
        for file in &doc.dirty {
            let (rel, contents) = match file {
                DirtyFile::Layer(a) => {
                    let rel = paths::layer(id, a);
                    let bytes = to_ron(&rel, doc.layers.get(a).unwrap_or(&Layer::default()));
                    (rel, bytes.map(Some))
                }
                DirtyFile::Suggestions(s) => {
                    let rel = paths::suggestions(id, s);
                    // A removed set (an import undone) removes its file.
                    let bytes = doc.suggestions.get(s).map(|set| to_ron(&rel, set)).transpose();
                    (rel, bytes)
                }
            };
            if self.poisoned.contains(&rel) {
                error = error.or(Some(StoreError::Poisoned(rel)));
                continue;
            }
            let contents = match contents {
                Ok(c) => c,
                Err(e) => {
                    error = error.or(Some(e));
                    continue;
                }
            };
            // Only this session writes the coder's layer (it holds their lock): temp files beside it are left
            // by a session killed mid-save.
            let clean_temps = matches!(file, DirtyFile::Layer(a) if *a == self.annotator) && self._lock.is_some();
            jobs.push(SaveJob { doc: i, file: file.clone(), rel, contents, clean_temps });
        }
        (jobs, error)
    }

    /// Marks the files whose jobs succeeded as saved; returns how many were written and the first error.
    fn finish_jobs(&mut self, jobs: &[SaveJob], results: Vec<Result<bool, StoreError>>) -> (usize, Option<StoreError>) {
        let mut written = 0;
        let mut error = None;
        for (job, result) in jobs.iter().zip(results) {
            match result {
                Ok(wrote) => {
                    written += usize::from(wrote);
                    if let DocState::Loaded(doc) = &mut self.docs[job.doc].state {
                        doc.dirty.remove(&job.file);
                    }
                }
                Err(e) => error = error.or(Some(e)),
            }
        }
        (written, error)
    }

    /// Saves every changed file: the schema, the registry and every loaded document's layers and
    /// suggestions. Returns how many files were written.
    pub fn save_dirty(&mut self) -> Result<usize, StoreError> {
        let mut n = 0;
        // Keep going after a failure, so that one file that cannot be written does not hold back the others;
        // the first error is returned.
        let mut first_error = None;
        if self.config_dirty {
            match self.save_config() {
                Ok(()) => n += 1,
                Err(e) => first_error = first_error.or(Some(e)),
            }
        }
        if self.actors_dirty {
            match self.save_actors() {
                Ok(()) => n += 1,
                Err(e) => first_error = first_error.or(Some(e)),
            }
        }
        if let Err(e) = self.check_writable() {
            return Err(first_error.unwrap_or(e));
        }
        let mut jobs = Vec::new();
        for i in 0..self.docs.len() {
            if self.docs[i].loaded().is_some_and(|l| !l.dirty.is_empty()) {
                let (more, error) = self.save_jobs(i);
                jobs.extend(more);
                first_error = first_error.or(error);
            }
        }
        // Each atomic write waits for the disk twice (file, then folder); writing several files at once lets
        // those waits overlap, which is what makes saving an import into a thousand documents fast.
        let workers = jobs.len().clamp(1, 8);
        let chunk = jobs.len().div_ceil(workers).max(1);
        let root = &self.root;
        let results: Vec<Result<bool, StoreError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = jobs
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(|j| j.run(root)).collect::<Vec<_>>()))
                .collect();
            handles.into_iter().flat_map(|h| h.join().expect("a save thread panicked")).collect()
        });
        let (written, error) = self.finish_jobs(&jobs, results);
        n += written;
        first_error = first_error.or(error);
        match first_error {
            Some(e) => Err(e),
            None => Ok(n),
        }
    }

    /// Rewrites every file of the project from memory: configuration, actors, and each loaded document's
    /// metadata, layers and suggestions. Used after migrations and to normalize hand-edited files.
    pub fn save_all(&mut self) -> Result<usize, StoreError> {
        self.check_writable()?;
        let mut files: Vec<(PathBuf, String)> = vec![
            (paths::config(), config_ron(&self.config)?),
            (paths::actors(), to_ron(&paths::actors(), &self.actors)?),
        ];
        for d in &self.docs {
            let Some(meta) = &d.meta else { continue };
            files.push((paths::meta(&d.id), to_ron(&paths::meta(&d.id), meta)?));
            if let Some(doc) = d.loaded() {
                for (a, layer) in &doc.layers {
                    files.push((paths::layer(&d.id, a), to_ron(&paths::layer(&d.id, a), layer)?));
                }
                for (s, set) in &doc.suggestions {
                    files.push((paths::suggestions(&d.id, s), to_ron(&paths::suggestions(&d.id, s), set)?));
                }
            }
        }
        if let Some((rel, _)) = files.iter().find(|(rel, _)| self.poisoned.contains(rel)) {
            return Err(StoreError::Poisoned(rel.clone()));
        }
        for (rel, bytes) in &files {
            write_file(&self.root, rel, bytes.as_bytes())?;
        }
        for d in &mut self.docs {
            if let DocState::Loaded(doc) = &mut d.state {
                doc.dirty.clear();
            }
        }
        self.actors_dirty = false;
        self.config_dirty = false;
        Ok(files.len())
    }

    /// Saves `actors.ron`.
    pub fn save_actors(&mut self) -> Result<(), StoreError> {
        self.check_writable()?;
        let rel = paths::actors();
        if self.poisoned.contains(&rel) {
            return Err(StoreError::Poisoned(rel));
        }
        write_file(&self.root, &rel, to_ron(&rel, &self.actors)?.as_bytes())?;
        self.actors_dirty = false;
        Ok(())
    }

    /// Saves `project.ron` (name, schema, settings).
    pub fn save_config(&mut self) -> Result<(), StoreError> {
        self.check_writable()?;
        write_file(&self.root, &paths::config(), config_ron(&self.config)?.as_bytes())?;
        self.config_dirty = false;
        Ok(())
    }

    /// Adds a document: writes its text, then its metadata (which is what makes it exist), both atomically.
    /// The id is made from `id_hint` (see [`slugify`]), with `-2`, `-3`, ... appended if taken.
    /// `meta.chars` and `meta.text_hash` are filled in from `text`.
    pub fn add_document(&mut self, id_hint: &str, text: String, mut meta: DocumentMeta) -> Result<DocId, StoreError> {
        self.check_writable()?;
        let id = self.unused_id(id_hint);
        let text = DocText::new(text);
        meta.chars = text.len_chars();
        meta.text_hash = text.hash();
        if meta.imported_at.is_empty() {
            meta.imported_at = now_rfc3339();
        }
        let meta_rel = paths::meta(&id);
        let meta_bytes = to_ron(&meta_rel, &meta)?;
        write_file(&self.root, &paths::text(&id), text.as_str().as_bytes())?;
        if let Err(e) = write_file(&self.root, &meta_rel, meta_bytes.as_bytes()) {
            // Without its metadata the text is invisible; remove it so that nothing half-written remains.
            let _ = std::fs::remove_file(self.root.join(paths::text(&id)));
            return Err(e);
        }
        let entry = DocEntry {
            summary: Default::default(),
            id: id.clone(),
            meta: Some(meta),
            state: DocState::Loaded(Box::new(LoadedDoc {
                text: Arc::new(text),
                layers: BTreeMap::new(),
                suggestions: BTreeMap::new(),
                dirty: BTreeSet::new(),
            })),
            problems: Vec::new(),
        };
        let at = self.docs.partition_point(|d| d.id < id);
        self.docs.insert(at, entry);
        Ok(id)
    }

    fn unused_id(&self, hint: &str) -> DocId {
        let base = slugify(hint);
        let taken = |s: &str| {
            self.index_of(&DocId::from_raw(s)).is_some()
                || self.root.join(paths::meta(&DocId::from_raw(s))).exists()
                || self.root.join(paths::text(&DocId::from_raw(s))).exists()
        };
        if !taken(&base) {
            return DocId::from_raw(&base);
        }
        (2..)
            .map(|n| {
                let suffix = format!("-{n}");
                let keep = base.len().min(MAX_SLUG_LEN - suffix.len());
                format!("{}{suffix}", base[..keep].trim_end_matches(['-', '_']))
            })
            .find(|s| !taken(s))
            .map(|s| DocId::from_raw(&s))
            .unwrap_or_else(|| DocId::from_raw(&base))
    }

    fn check_writable(&self) -> Result<(), StoreError> {
        match &self.access {
            Access::ReadWrite => Ok(()),
            Access::ReadOnly(why) => Err(StoreError::ReadOnly(why.clone())),
        }
    }
}

fn read_config(root: &Path) -> Result<(ProjectConfig, String), Problem> {
    let rel = paths::config();
    let source = ron_io::read_text(root, &rel)?;
    let source = config::migrate(&rel, source)?;
    let config = ron_io::parse(&rel, &source)?;
    Ok((config, source))
}

fn to_ron<T: Serialize>(rel: &Path, value: &T) -> Result<String, StoreError> {
    ron_io::to_ron(value).map_err(|source| StoreError::Serialize { path: rel.to_owned(), source })
}

/// The edits of `doc`'s layer inside `edit`, in the order they apply.
fn layer_edits_for(edit: &ProjectEdit, doc: &DocId, out: &mut Vec<Edit>) {
    match edit {
        ProjectEdit::Layer(d, e) if d == doc => out.push(e.clone()),
        ProjectEdit::Batch(edits) => edits.iter().for_each(|e| layer_edits_for(e, doc, out)),
        _ => {}
    }
}

fn touches_actors(edit: &ProjectEdit) -> bool {
    match edit {
        ProjectEdit::PutActor(..) => true,
        ProjectEdit::Batch(edits) => edits.iter().any(touches_actors),
        _ => false,
    }
}

/// Applies the actor changes of an edit to a copy of the registry, to check the result before applying.
fn put_actors(registry: &mut ActorRegistry, edit: &ProjectEdit) {
    match edit {
        ProjectEdit::PutActor(id, Some(actor)) => {
            registry.actors.insert(id.clone(), actor.clone());
        }
        ProjectEdit::PutActor(id, None) => {
            registry.actors.remove(id);
        }
        ProjectEdit::Batch(edits) => edits.iter().for_each(|e| put_actors(registry, e)),
        _ => {}
    }
}

/// One file of a document to write (or remove) when saving.
struct SaveJob {
    /// Index of the document.
    doc: usize,
    file: DirtyFile,
    rel: PathBuf,
    /// The new contents; `None` removes the file.
    contents: Option<String>,
    /// Remove temp files that killed saves of this file left.
    clean_temps: bool,
}

impl SaveJob {
    /// Writes (or removes) the file; returns whether anything was written or removed.
    fn run(&self, root: &Path) -> Result<bool, StoreError> {
        match &self.contents {
            Some(bytes) => {
                if self.clean_temps {
                    // Failing to remove a stale temp file is harmless.
                    let _ = super::atomic::remove_stale_temps(&root.join(&self.rel));
                }
                write_file(root, &self.rel, bytes.as_bytes())?;
                Ok(true)
            }
            None => match std::fs::remove_file(root.join(&self.rel)) {
                Ok(()) => Ok(true),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
                Err(source) => Err(StoreError::Write { path: self.rel.clone(), source }),
            },
        }
    }
}

/// The schema an edit leaves in place, if it sets one (the last one it sets wins).
fn last_schema(edit: &ProjectEdit) -> Option<&Schema> {
    match edit {
        ProjectEdit::SetSchema(schema) => Some(schema),
        ProjectEdit::Batch(edits) => edits.iter().rev().find_map(last_schema),
        _ => None,
    }
}

fn config_ron(config: &ProjectConfig) -> Result<String, StoreError> {
    ron_io::to_ron_expanded(config).map_err(|source| StoreError::Serialize { path: paths::config(), source })
}

fn write_file(root: &Path, rel: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic(&root.join(rel), bytes).map_err(|source| StoreError::Write { path: rel.to_owned(), source })
}

/// Lists the `.ron` files of `dir` as `(id, relative path)`, reporting file names that are not valid ids.
fn list_ron<T>(
    root: &Path,
    dir: &Path,
    parse: impl Fn(&str) -> Result<T, BadSlug>,
    problems: &mut Vec<Problem>,
) -> Vec<(T, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(root.join(dir)) else { return Vec::new() };
    let mut names: Vec<String> = entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let Some(stem) = name.strip_suffix(".ron") else { continue };
        match parse(stem) {
            Ok(id) => out.push((id, dir.join(&name))),
            Err(e) => problems.push(Problem::in_file(
                dir.join(&name),
                ProblemKind::BadFileName,
                format!("{e}; the file is ignored"),
            )),
        }
    }
    out
}

/// Reads and validates everything of one document. Returns its new state, its problems and the files that
/// failed to parse.
fn load_contents(
    root: &Path,
    entry: &DocEntry,
    schema: &Schema,
    actors: &ActorRegistry,
) -> (DocState, Vec<Problem>, Vec<PathBuf>) {
    let mut problems = Vec::new();
    let mut poisoned = Vec::new();
    let Some(meta) = &entry.meta else { return (DocState::Broken(None), entry.problems.clone(), poisoned) };
    let text_rel = paths::text(&entry.id);
    let text = match ron_io::read_text(root, &text_rel) {
        Ok(t) => Arc::new(DocText::new(t)),
        Err(mut p) => {
            if p.kind == ProblemKind::Io && !root.join(&text_rel).exists() {
                p = Problem::in_file(&text_rel, ProblemKind::MissingText, "the document's text file is missing");
            }
            problems.push(p);
            return (DocState::Broken(None), problems, poisoned);
        }
    };
    if text.hash() != meta.text_hash {
        problems.push(Problem::in_file(
            &text_rel,
            ProblemKind::TextHashChanged,
            format!(
                "the text was changed after import (its hash no longer matches {}): annotation offsets may now point at the wrong words",
                paths::meta(&entry.id).display()
            ),
        ));
    }
    let mut layers = BTreeMap::new();
    for (annotator, rel) in list_ron(root, &paths::layers_dir(&entry.id), Annotator::parse, &mut problems) {
        match ron_io::read::<Layer>(root, &rel) {
            Ok((layer, source)) => {
                let findings = validate_layer(&layer, schema, &text, actors);
                problems.extend(findings.into_iter().map(|f| Problem::from_finding(&rel, &source, f)));
                layers.insert(annotator, layer);
            }
            Err(p) => {
                problems.push(p);
                poisoned.push(rel);
            }
        }
    }
    let mut suggestions = BTreeMap::new();
    for (source_name, rel) in list_ron(root, &paths::suggestions_dir(&entry.id), SourceName::parse, &mut problems) {
        match ron_io::read::<SuggestionSet>(root, &rel) {
            Ok((set, source)) => {
                let findings = validate_suggestions(&set, schema, &text);
                problems.extend(findings.into_iter().map(|f| Problem::from_finding(&rel, &source, f)));
                suggestions.insert(source_name, set);
            }
            Err(p) => {
                problems.push(p);
                poisoned.push(rel);
            }
        }
    }
    if problems.is_empty() {
        (
            DocState::Loaded(Box::new(LoadedDoc { text, layers, suggestions, dirty: BTreeSet::new() })),
            problems,
            poisoned,
        )
    } else {
        (DocState::Broken(Some(text)), problems, poisoned)
    }
}
