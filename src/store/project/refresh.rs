//! Taking in what others changed on disk while the project is open: a `git pull` or sync, another coder's
//! window on a shared folder, a command-line import. [`Project::refresh`] compares each file this session
//! read with what the disk holds now (the fingerprints of `store/fingerprint.rs`) and reloads what changed,
//! never a file with unsaved changes here: those are left, and their save then refuses to overwrite the
//! other version (or merges it, for suggestion files).
//!
//! Own saves leave the fingerprints equal to the disk, so the watcher's echo of a save reloads nothing.

use super::{DocEntry, Project, open::read_config};
use crate::model::DocId;
use crate::store::fingerprint::Seen;
use crate::store::paths;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

/// What a refresh took in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Refreshed {
    /// Documents that appeared (their metadata was read; nothing else).
    pub added: Vec<DocId>,
    /// Loaded documents read again because a layer or suggestion file of theirs changed.
    pub reloaded: Vec<DocId>,
    /// Documents whose files changed on disk but which have unsaved changes here: left as they are.
    pub kept_unsaved: Vec<DocId>,
    /// `project.ron` (name, schema, source mappings) was read again.
    pub config: bool,
    /// The actor registry was read again.
    pub actors: bool,
    /// Place files were read again.
    pub places: bool,
    /// The undo history was dropped: what it would undo was replaced from disk.
    pub history_cleared: bool,
}

impl Refreshed {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        *self == Refreshed::default()
    }

    /// One sentence for the status bar: what came in from disk.
    pub fn describe(&self) -> String {
        let mut parts = Vec::new();
        let count = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
        if !self.added.is_empty() {
            parts.push(format!("{} added", count(self.added.len(), "document", "documents")));
        }
        if !self.reloaded.is_empty() {
            parts.push(format!("{} updated", count(self.reloaded.len(), "document", "documents")));
        }
        if self.config {
            parts.push("the schema and settings updated".to_owned());
        }
        if self.actors {
            parts.push("the actors updated".to_owned());
        }
        if self.places {
            parts.push("the places updated".to_owned());
        }
        let mut sentence = format!("Changed on disk: {}.", parts.join(", "));
        if parts.is_empty() {
            sentence.clear();
        }
        if !self.kept_unsaved.is_empty() {
            let names: Vec<String> = self.kept_unsaved.iter().map(|d| format!("`{d}`")).collect();
            sentence
                .push_str(&format!(" {} also changed on disk; your unsaved changes there are kept.", names.join(", ")));
        }
        if self.history_cleared {
            sentence.push_str(" Undo starts afresh.");
        }
        sentence.trim().to_owned()
    }
}

impl Project {
    /// Reads again whatever changed on disk since this session read or wrote it, leaving files with unsaved
    /// changes alone. Cheap when nothing changed: a folder listing and one read per file of the open
    /// documents.
    pub fn refresh(&mut self) -> Refreshed {
        let mut out = Refreshed::default();
        self.refresh_config(&mut out);
        self.refresh_actors(&mut out);
        self.refresh_document_list(&mut out);
        self.refresh_documents(&mut out);
        if out.history_cleared {
            self.history = Default::default();
        }
        if !out.is_empty() {
            self.generation += 1;
        }
        out
    }

    /// Whether `rel` holds something other than what this session last saw of it.
    fn changed_on_disk(&self, rel: &PathBuf) -> bool {
        let seen = self.seen.get(rel).copied().unwrap_or(Seen::Absent);
        Seen::on_disk(&self.root.join(rel)).is_ok_and(|now| now != seen)
    }

    fn refresh_config(&mut self, out: &mut Refreshed) {
        let rel = paths::config();
        if self.config_dirty || !self.changed_on_disk(&rel) {
            return;
        }
        // A project.ron that no longer reads (a bad merge) is left for the next open to report; this session
        // keeps the version it has.
        let Ok((config, _, seen)) = read_config(&self.root) else { return };
        if !config.schema.problems().is_empty() {
            return;
        }
        let schema_changed = config.schema != self.config.schema;
        self.config = config;
        self.seen.insert(rel, seen);
        out.config = true;
        if schema_changed {
            // Every layer is checked against the schema when loaded: read the documents again, and drop the
            // undo history, whose schema edits would put back a schema someone replaced.
            out.history_cleared = true;
            for i in 0..self.docs.len() {
                if self.docs[i].loaded().is_some() && !self.has_unsaved(i) {
                    reset(&mut self.docs[i]);
                }
            }
        }
    }

    fn refresh_actors(&mut self, out: &mut Refreshed) {
        out.actors = self.refresh_actor_files();
        out.places = self.refresh_place_files();
    }

    fn refresh_document_list(&mut self, out: &mut Refreshed) {
        let known: Vec<DocId> = self.docs.iter().map(|d| d.id.clone()).collect();
        let before = self.docs.len();
        if self.read_new_documents(&known).is_err() {
            return;
        }
        if self.docs.len() > before {
            let mut added: Vec<DocId> = self.docs[before..].iter().map(|d| d.id.clone()).collect();
            self.docs.sort_by(|a, b| a.id.cmp(&b.id));
            added.sort();
            out.added = added;
        }
    }

    fn refresh_documents(&mut self, out: &mut Refreshed) {
        for i in 0..self.docs.len() {
            let Some(loaded) = self.docs[i].loaded() else { continue };
            let id = self.docs[i].id.clone();
            let on_disk = files_now(&self.root, &id);
            let seen: BTreeMap<PathBuf, Seen> = loaded.seen.clone();
            let changed: Vec<&PathBuf> = on_disk
                .iter()
                .filter(|(rel, now)| seen.get(*rel).copied().unwrap_or(Seen::Absent) != **now)
                .map(|(rel, _)| rel)
                .chain(seen.keys().filter(|rel| !on_disk.contains_key(*rel)))
                .collect();
            if changed.is_empty() {
                continue;
            }
            if self.has_unsaved(i) {
                out.kept_unsaved.push(id);
                continue;
            }
            let mine = paths::layer(&id, &self.annotator);
            if changed.contains(&&mine) {
                out.history_cleared = true;
            }
            reset(&mut self.docs[i]);
            let _ = self.load_document(&id); // a document broken by the change lists its problems
            out.reloaded.push(id);
        }
    }

    /// Whether loaded document `i` has unsaved changes.
    fn has_unsaved(&self, i: usize) -> bool {
        self.docs[i].loaded().is_some_and(|l| !l.dirty.is_empty())
    }
}

/// Forgets what was read of a document, so that the next load reads it from disk.
fn reset(entry: &mut DocEntry) {
    entry.contents = OnceLock::new();
    entry.summary = OnceLock::new();
}

/// The fingerprint of every layer and suggestion file of `doc` on disk now.
fn files_now(root: &std::path::Path, doc: &DocId) -> BTreeMap<PathBuf, Seen> {
    let mut out = BTreeMap::new();
    for dir in [paths::layers_dir(doc), paths::suggestions_dir(doc)] {
        let Ok(entries) = std::fs::read_dir(root.join(&dir)) else { continue };
        for e in entries.flatten() {
            let name = e.file_name();
            let Some(name) = name.to_str() else { continue };
            if name.ends_with(".ron") && !name.starts_with('.') {
                let rel = dir.join(name);
                if let Ok(seen) = Seen::on_disk(&root.join(&rel)) {
                    out.insert(rel, seen);
                }
            }
        }
    }
    out
}
