//! Opening a project: `project.ron`, the actor registry (`actors/`) and the document list (metadata only), and
//! creating one.

use super::{DocContents, DocEntry, DocState, OpenOptions, Project, config_ron, write_file};
use crate::model::*;
use crate::store::config::{self, ProjectConfig};
use crate::store::fingerprint::Seen;
use crate::store::lock::AnnotatorLock;
use crate::store::problem::{Problem, ProblemKind};
use crate::store::{Access, StoreError, paths, ron_io};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

impl Project {
    /// Opens the project at `root`: reads `project.ron`, the actors and every document's metadata. An old
    /// project's `actors.ron` is moved into `actors/` (one file per actor) unless the project is opened
    /// read-only.
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
        super::migrate::migrate_if_old(&root)?;
        let config = read_config(&root).map_err(|p| StoreError::Invalid(vec![p]))?;
        let config_seen = config.2;
        let schema_problems: Vec<Problem> = config
            .0
            .schema
            .problems()
            .into_iter()
            .map(|(id, message)| {
                let at = crate::store::problem::locate(&config.1, &[format!("\"{id}\"")]);
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
            actors_read: BTreeMap::new(),
            annotator: options.annotator.clone(),
            access: Access::ReadWrite,
            _lock: None,
            docs: Vec::new(),
            problems: Vec::new(),
            poisoned: BTreeSet::new(),
            history: History::default(),
            dirty_actors: BTreeSet::new(),
            places: PlaceRegistry::default(),
            dirty_places: BTreeSet::new(),
            places_read: BTreeMap::new(),
            actors_replaced: false,
            config_dirty: false,
            seen: BTreeMap::from([(config_path, config_seen)]),
            lock_patience: crate::store::SharedFilesLock::PATIENCE,
            generation: 0,
        };
        project.read_actors(!options.read_only);
        project.read_places();
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
        // Lock files and interrupted temp files are per machine; keep them out of a shared repository.
        write_file(&root, Path::new(".gitignore"), b".locks/\n.tarmeez-*.tmp\n")?;
        crate::store::atomic::create_dir_durable(&root.join(paths::documents_dir()))
            .map_err(|error| StoreError::Create { path: root.join(paths::documents_dir()), error })?;
        Self::open(root, OpenOptions { annotator, read_only: false })
    }

    fn read_document_list(&mut self) -> Result<(), StoreError> {
        self.read_new_documents(&[])
    }

    /// Adds the documents of `documents/` that are not in `known` (sorted) to the end of the list.
    pub(super) fn read_new_documents(&mut self, known: &[DocId]) -> Result<(), StoreError> {
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
            if let Some(stem) = name.strip_suffix(".ron")
                && known.binary_search_by(|k| k.as_str().cmp(stem)).is_err()
            {
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
            let (meta, contents) = match ron_io::read::<DocumentMeta>(&self.root, &rel) {
                Ok((meta, _, seen)) => {
                    self.seen.insert(rel, seen);
                    (Some(meta), OnceLock::new())
                }
                Err(p) => {
                    self.poisoned.insert(rel);
                    // Without metadata there is nothing to load: the document stays broken.
                    let broken = DocContents { state: DocState::Broken(None), problems: vec![p], poisoned: Vec::new() };
                    (None, OnceLock::from(broken))
                }
            };
            self.docs.push(DocEntry { id, meta, contents, summary: Default::default() });
        }
        Ok(())
    }
}

pub(super) fn read_config(root: &Path) -> Result<(ProjectConfig, String, Seen), Problem> {
    let rel = paths::config();
    let (source, seen) = ron_io::read_text_seen(root, &rel)?;
    let source = config::migrate(&rel, source)?;
    let config = ron_io::parse(&rel, &source)?;
    Ok((config, source, seen))
}
