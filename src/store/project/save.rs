//! Saving: one document's changed files, every changed file (written on several threads), everything.

use super::{DirtyFile, DocEntry, Project, config_ron, to_ron, write_file};
use crate::model::*;
use crate::store::{StoreError, paths};
use std::path::{Path, PathBuf};

impl Project {
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
        let Some(doc) = entry.loaded() else { return (Vec::new(), None) };
        // A document's layer and suggestion files can only be poisoned by loading that document.
        let poisoned = |rel: &PathBuf| self.poisoned.contains(rel) || entry.is_poisoned(rel);
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
            if poisoned(&rel) {
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
                    if let Some(doc) = self.docs[job.doc].loaded_mut() {
                        doc.dirty.remove(&job.file);
                    }
                }
                Err(e) => error = error.or(Some(e)),
            }
        }
        (written, error)
    }

    /// Writes every changed file: the schema, the registry and every loaded document's layers and
    /// suggestions. Returns how many files were written. [`Project::save_dirty`] says which were not.
    pub(super) fn write_dirty(&mut self) -> Result<usize, StoreError> {
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
        let poisoned = self.poisoned_files();
        if let Some((rel, _)) = files.iter().find(|(rel, _)| poisoned.contains(rel.as_path())) {
            return Err(StoreError::Poisoned(rel.clone()));
        }
        for (rel, bytes) in &files {
            write_file(&self.root, rel, bytes.as_bytes())?;
        }
        for doc in self.docs.iter_mut().filter_map(DocEntry::loaded_mut) {
            doc.dirty.clear();
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
                    let _ = crate::store::atomic::remove_stale_temps(&root.join(&self.rel));
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
