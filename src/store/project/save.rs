//! Saving: one document's changed files, every changed file (written on several threads), everything.

use super::{DirtyFile, DocEntry, Project, config_ron, replace_file, to_ron};
use crate::model::*;
use crate::store::fingerprint::Seen;
use crate::store::{StoreError, paths};
use std::path::{Path, PathBuf};

impl Project {
    /// Saves every changed file of one document. Returns how many files were written.
    pub fn save_document(&mut self, id: &DocId) -> Result<usize, StoreError> {
        self.check_writable()?;
        let i = self.index_of(id).ok_or_else(|| StoreError::NoDocument(id.clone()))?;
        let (mut jobs, prepare_error) = self.save_jobs(i);
        let _lock = if jobs.is_empty() { None } else { Some(self.lock_for_writing()?) };
        self.merge_changed_suggestions(&mut jobs);
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
                    let layer = doc.layers.get(a).cloned().unwrap_or_default();
                    // A layer emptied again (a review undone) that never was on disk stays off it: no empty
                    // files for a team's repository.
                    let never_written = doc.seen.get(&rel).is_none_or(|s| *s == Seen::Absent);
                    let bytes = if layer == Layer::default() && never_written {
                        Ok(None)
                    } else {
                        to_ron(&rel, &layer).map(Some)
                    };
                    (rel, bytes)
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
            let expected = doc.seen.get(&rel).copied().unwrap_or(Seen::Absent);
            jobs.push(SaveJob { doc: i, file: file.clone(), rel, contents, clean_temps, expected });
        }
        (jobs, error)
    }

    /// Marks the files whose jobs succeeded as saved; returns how many were written and the first error.
    fn finish_jobs(
        &mut self,
        jobs: &[SaveJob],
        results: Vec<Result<(bool, Seen), StoreError>>,
    ) -> (usize, Option<StoreError>) {
        let mut written = 0;
        let mut error = None;
        for (job, result) in jobs.iter().zip(results) {
            match result {
                Ok((wrote, now)) => {
                    written += usize::from(wrote);
                    if let Some(doc) = self.docs[job.doc].loaded_mut() {
                        doc.dirty.remove(&job.file);
                        note_seen(&mut doc.seen, &job.rel, now);
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
        match self.save_actors() {
            Ok(written) => n += written,
            Err(e) => first_error = first_error.or(Some(e)),
        }
        match self.save_places() {
            Ok(written) => n += written,
            Err(e) => first_error = first_error.or(Some(e)),
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
        let _lock = if jobs.is_empty() { None } else { Some(self.lock_for_writing()?) };
        self.merge_changed_suggestions(&mut jobs);
        let results =
            if jobs.len() >= BATCH_FROM { run_batched(&self.root, &jobs) } else { run_each(&self.root, &jobs) };
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
        // Removed actors' files go first (and changed ones are merged with their files if need be).
        self.save_actors()?;
        self.save_places()?;
        let files = self.every_file()?;
        let poisoned = self.poisoned_files();
        if let Some(file) = files.iter().find(|f| poisoned.contains(f.rel.as_path())) {
            return Err(StoreError::Poisoned(file.rel.clone()));
        }
        let _lock = self.lock_for_writing()?;
        // Every file is checked before any is written: a project half rewritten from a stale copy is worse
        // than one not rewritten at all.
        let expected: Vec<Seen> = files.iter().map(|f| self.expected(f.doc, &f.rel)).collect();
        for (file, expected) in files.iter().zip(&expected) {
            let path = self.root.join(&file.rel);
            let now = Seen::on_disk(&path).map_err(|source| StoreError::Read { path: file.rel.clone(), source })?;
            if now != *expected {
                return Err(StoreError::ChangedOnDisk(file.rel.clone()));
            }
        }
        for (file, expected) in files.iter().zip(expected) {
            let now = replace_file(&self.root, &file.rel, Some(file.bytes.as_bytes()), expected)?;
            match file.doc.and_then(|i| self.docs[i].loaded_mut()) {
                Some(doc) => note_seen(&mut doc.seen, &file.rel, now),
                None => note_seen(&mut self.seen, &file.rel, now),
            }
        }
        for doc in self.docs.iter_mut().filter_map(DocEntry::loaded_mut) {
            doc.dirty.clear();
        }
        self.actors_saved();
        self.places_saved();
        self.config_dirty = false;
        Ok(files.len())
    }

    /// Every file of the project as it would be written from memory, with the document that holds it (whose
    /// `seen` knows what it held); `None` for the project's own files and documents' metadata.
    fn every_file(&self) -> Result<Vec<FileToWrite>, StoreError> {
        let project = |rel: PathBuf, bytes: String| FileToWrite { doc: None, rel, bytes };
        let mut files = vec![project(paths::config(), config_ron(&self.config)?)];
        files.extend(self.actor_files_to_write()?.into_iter().map(|(rel, bytes)| project(rel, bytes)));
        files.extend(self.place_files_to_write()?.into_iter().map(|(rel, bytes)| project(rel, bytes)));
        for (i, d) in self.docs.iter().enumerate() {
            let Some(meta) = &d.meta else { continue };
            files.push(project(paths::meta(&d.id), to_ron(&paths::meta(&d.id), meta)?));
            if let Some(doc) = d.loaded() {
                for (a, layer) in &doc.layers {
                    let rel = paths::layer(&d.id, a);
                    files.push(FileToWrite { doc: Some(i), bytes: to_ron(&rel, layer)?, rel });
                }
                for (s, set) in &doc.suggestions {
                    let rel = paths::suggestions(&d.id, s);
                    files.push(FileToWrite { doc: Some(i), bytes: to_ron(&rel, set)?, rel });
                }
            }
        }
        Ok(files)
    }

    /// Suggestion files that another session wrote since this one read them (an import while the window
    /// reviews) are merged: their version with this session's reviews and additions, written in place of
    /// this session's, and kept in memory. A file that does not merge is left to fail as changed on disk.
    /// The caller holds the lock for writing.
    fn merge_changed_suggestions(&mut self, jobs: &mut [SaveJob]) {
        for job in jobs.iter_mut() {
            let DirtyFile::Suggestions(source) = &job.file else { continue };
            if job.contents.is_none() {
                continue;
            }
            let Ok(now) = Seen::on_disk(&self.root.join(&job.rel)) else { continue };
            if now == job.expected || now == Seen::Absent {
                continue;
            }
            let Ok((theirs, _, read)) = crate::store::ron_io::read::<SuggestionSet>(&self.root, &job.rel) else {
                continue;
            };
            let Some(doc) = self.docs[job.doc].loaded_mut() else { continue };
            let Some(mine) = doc.suggestions.get(source) else { continue };
            let Some(merged) = crate::store::merge::merge_suggestions(mine, &theirs) else { continue };
            let Ok(bytes) = to_ron(&job.rel, &merged) else { continue };
            job.contents = Some(bytes);
            job.expected = read;
            doc.suggestions.insert(source.clone(), merged);
            self.generation += 1;
        }
    }

    /// What this session expects `rel` to hold on disk: what it read or last wrote, or nothing. `doc` is the
    /// document whose layer or suggestion file it is.
    pub(super) fn expected(&self, doc: Option<usize>, rel: &Path) -> Seen {
        let seen = match doc {
            Some(i) => self.docs[i].loaded().and_then(|d| d.seen.get(rel)),
            None => self.seen.get(rel),
        };
        seen.copied().unwrap_or(Seen::Absent)
    }

    /// Saves `project.ron` (name, schema, settings).
    pub fn save_config(&mut self) -> Result<(), StoreError> {
        self.check_writable()?;
        let rel = paths::config();
        let bytes = config_ron(&self.config)?;
        let _lock = self.lock_for_writing()?;
        let now = match replace_file(&self.root, &rel, Some(bytes.as_bytes()), self.expected(None, &rel)) {
            // Someone else's schema is on disk: keep it, and ours beside it (`schema_conflict.rs`).
            Err(StoreError::ChangedOnDisk(_)) => return Err(self.keep_both_schemas(&bytes)),
            other => other?,
        };
        self.seen.insert(rel, now);
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
    /// What the file held when this session read or last wrote it; anything else there is someone else's.
    expected: Seen,
}

/// From this many files on, a save is one group commit (`store::batch`: a few waits for the disk in all)
/// rather than atomic writes that wait twice each: an import into a thousand documents saves in a moment.
/// The window's saves of a file or two stay plain atomic writes, which wait for nothing else on the disk.
const BATCH_FROM: usize = 16;

/// Runs each job as its own atomic write, a few at once so that their waits for the disk overlap.
fn run_each(root: &Path, jobs: &[SaveJob]) -> Vec<Result<(bool, Seen), StoreError>> {
    let workers = jobs.len().clamp(1, 8);
    let chunk = jobs.len().div_ceil(workers).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|j| j.run(root)).collect::<Vec<_>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("a save thread panicked")).collect()
    })
}

/// Runs the jobs as one group commit: each file is checked (inside the project, unchanged on disk since it
/// was read) and then written in the batch; removals are done on their own.
fn run_batched(root: &Path, jobs: &[SaveJob]) -> Vec<Result<(bool, Seen), StoreError>> {
    let mut results: Vec<Option<Result<(bool, Seen), StoreError>>> = jobs.iter().map(|_| None).collect();
    let mut batch = crate::store::batch::Batch::new();
    let mut batched = Vec::new();
    for (k, job) in jobs.iter().enumerate() {
        match (&job.contents, job.check(root)) {
            (_, Err(e)) => results[k] = Some(Err(e)),
            (None, Ok(())) => results[k] = Some(job.run(root)),
            (Some(bytes), Ok(())) => {
                batch.add_file(root.join(&job.rel), bytes.clone().into_bytes());
                batched.push(k);
            }
        }
    }
    for (unit, k) in batch.write().units.into_iter().zip(batched) {
        let job = &jobs[k];
        results[k] = Some(match unit.failed {
            None => Ok((true, Seen::of(job.contents.as_deref().unwrap_or_default().as_bytes()))),
            Some((_, source)) => Err(StoreError::Write { path: job.rel.clone(), source }),
        });
    }
    results.into_iter().map(|r| r.unwrap_or_else(|| Err(StoreError::Rejected("not saved".into())))).collect()
}

/// One file `save_all` writes.
struct FileToWrite {
    /// The document whose layer or suggestions it is; `None` for project files and metadata.
    doc: Option<usize>,
    rel: PathBuf,
    bytes: String,
}

/// Records what `rel` holds now that this session wrote (or removed) it.
pub(super) fn note_seen(seen: &mut std::collections::BTreeMap<PathBuf, Seen>, rel: &Path, now: Seen) {
    match now {
        Seen::Absent => seen.remove(rel),
        _ => seen.insert(rel.to_owned(), now),
    };
}

impl SaveJob {
    /// Writes (or removes) the file; returns whether anything was written or removed.
    /// Checks that the file may be written: inside the project, and holding what this session expects.
    fn check(&self, root: &Path) -> Result<(), StoreError> {
        crate::store::inside::check(root, &self.rel)?;
        let now = Seen::on_disk(&root.join(&self.rel))
            .map_err(|source| StoreError::Read { path: self.rel.clone(), source })?;
        if now != self.expected {
            return Err(StoreError::ChangedOnDisk(self.rel.clone()));
        }
        if self.clean_temps {
            // Failing to remove a stale temp file is harmless.
            let _ = crate::store::atomic::remove_stale_temps(&root.join(&self.rel));
        }
        Ok(())
    }

    /// Writes (or removes) the file if it still holds what this session expects; returns whether anything
    /// was written or removed, and what the file holds now.
    fn run(&self, root: &Path) -> Result<(bool, Seen), StoreError> {
        if self.clean_temps && self.contents.is_some() {
            // Failing to remove a stale temp file is harmless.
            let _ = crate::store::atomic::remove_stale_temps(&root.join(&self.rel));
        }
        let now = replace_file(root, &self.rel, self.contents.as_deref().map(str::as_bytes), self.expected)?;
        Ok((self.contents.is_some() || self.expected != Seen::Absent, now))
    }
}
