//! The place registry on disk: one file per place, `places/<id>.ron` (DESIGN.md section 11), kept exactly as
//! the actor registry is (`actors.rs`): any coder writes places, ids are never minted twice (GeoNames places
//! are `gn-<geonameid>`, a coder's own are `workflow::places::new_place_id`), and a place file changed on disk
//! since this session read it is merged field by field from the version read ([`crate::store::place_merge`]);
//! when both changed the same field differently the save refuses and leaves the other version on disk.

use super::{Project, note_seen, replace_file, to_ron};
use crate::model::*;
use crate::store::fingerprint::Seen;
use crate::store::place_merge::merge_place_versions;
use crate::store::problem::{Problem, ProblemKind, locate};
use crate::store::{StoreError, paths, ron_io};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

impl Project {
    /// Reads every place file; a file that does not parse is reported (with its line) and never overwritten.
    pub(super) fn read_places(&mut self) {
        let mut sources = BTreeMap::new();
        for (id, rel) in self.place_files() {
            match ron_io::read::<Place>(&self.root, &rel) {
                Ok((place, source, seen)) => {
                    self.seen.insert(rel, seen);
                    self.places_read.insert(id.clone(), place.clone());
                    self.places.places.insert(id.clone(), place);
                    sources.insert(id, source);
                }
                Err(p) => {
                    self.problems.push(p);
                    self.poisoned.insert(rel);
                }
            }
        }
        self.note_place_problems(&sources);
    }

    /// Lists the registry's own problems (coordinates off the globe), each at its line when the file's text
    /// is at hand.
    fn note_place_problems(&mut self, sources: &BTreeMap<PlaceId, String>) {
        self.problems.retain(|p| !(p.kind == ProblemKind::Places && p.file.starts_with(paths::places_dir())));
        for (id, message) in self.places.problems() {
            let file = paths::place(&id);
            let at = sources.get(&id).and_then(|s| locate(s, &["latitude".into()]));
            let (line, column) = (at.map(|a| a.0), at.map(|a| a.1));
            self.problems.push(Problem { file, line, column, kind: ProblemKind::Places, message });
        }
    }

    /// The place files, `places/<id>.ron`, sorted by id; names that are not ids are reported and skipped.
    fn place_files(&mut self) -> Vec<(PlaceId, PathBuf)> {
        let dir = paths::places_dir();
        let Ok(entries) = std::fs::read_dir(self.root.join(&dir)) else { return Vec::new() };
        let mut names: Vec<String> = entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect();
        names.sort();
        let mut out = Vec::new();
        for name in names {
            let Some(stem) = name.strip_suffix(".ron") else { continue };
            if is_slug(stem) {
                out.push((PlaceId::new(stem), dir.join(&name)));
            } else {
                self.problems.push(Problem::in_file(
                    dir.join(&name),
                    ProblemKind::BadFileName,
                    format!(
                        "`{stem}` is not a valid place id (lowercase a-z, digits, '-' and '_'); the file is ignored"
                    ),
                ));
            }
        }
        out
    }

    /// Refuses a change to a place whose file failed to load (it must be fixed first, never overwritten).
    pub(super) fn check_places_writable(&self, edit: &ProjectEdit) -> Result<(), StoreError> {
        let mut ids = BTreeSet::new();
        place_ids(edit, &mut ids);
        if let Some(id) = ids.into_iter().find(|id| self.poisoned.contains(&paths::place(id))) {
            return Err(StoreError::Rejected(format!(
                "{} failed to load, so place `{id}` cannot be changed until it is fixed (see the problems list)",
                paths::place(&id).display()
            )));
        }
        Ok(())
    }

    /// Saves every changed place's file (removes a removed place's), under the lock for writing. A file
    /// changed on disk since it was read is merged field by field; one that does not merge cleanly is left as
    /// it is on disk and this session's version stays in memory, unsaved (the first such error is returned,
    /// after the other places are saved). Returns how many files were written or removed.
    pub fn save_places(&mut self) -> Result<usize, StoreError> {
        if self.dirty_places.is_empty() {
            return Ok(0);
        }
        self.check_writable()?;
        let _lock = self.lock_for_writing()?;
        let (mut written, mut first_error) = (0, None);
        for id in self.dirty_places.clone() {
            match self.save_place(&id) {
                Ok(wrote) => {
                    written += usize::from(wrote);
                    self.dirty_places.remove(&id);
                }
                Err(e) => first_error = first_error.or(Some(e)),
            }
        }
        first_error.map_or(Ok(written), Err)
    }

    /// Writes (or removes) one place's file; returns whether anything was written or removed. The caller
    /// holds the lock for writing.
    fn save_place(&mut self, id: &PlaceId) -> Result<bool, StoreError> {
        let rel = paths::place(id);
        if self.poisoned.contains(&rel) {
            return Err(StoreError::Poisoned(rel));
        }
        let expected = self.expected(None, &rel);
        let now =
            Seen::on_disk(&self.root.join(&rel)).map_err(|source| StoreError::Read { path: rel.clone(), source })?;
        if now != expected {
            return self.merge_place_on_disk(id, &rel);
        }
        let ours = self.places.places.get(id).cloned();
        let bytes = ours.as_ref().map(|p| to_ron(&rel, p)).transpose()?;
        let wrote = bytes.is_some() || expected != Seen::Absent;
        let now = replace_file(&self.root, &rel, bytes.as_deref().map(str::as_bytes), expected)?;
        note_seen(&mut self.seen, &rel, now);
        match ours {
            Some(p) => self.places_read.insert(id.clone(), p),
            None => self.places_read.remove(id),
        };
        Ok(wrote)
    }

    /// Merges this session's version of a place with the one on disk now, from the one it read; writes and
    /// keeps the result when nothing conflicts. The caller holds the lock for writing.
    fn merge_place_on_disk(&mut self, id: &PlaceId, rel: &Path) -> Result<bool, StoreError> {
        let (theirs, seen) = if self.root.join(rel).exists() {
            match ron_io::read::<Place>(&self.root, rel) {
                Ok((place, _, seen)) => (Some(place), seen),
                // Not a place file (a hand edit, conflict markers): never saved over.
                Err(_) => return Err(StoreError::ChangedOnDisk(rel.to_owned())),
            }
        } else {
            (None, Seen::Absent)
        };
        let merged = merge_place_versions(self.places_read.get(id), self.places.places.get(id), theirs.as_ref());
        if let Some(m) = merged.as_ref().filter(|m| !m.is_clean()) {
            return Err(StoreError::ActorConflict {
                path: rel.to_owned(),
                conflicts: m.conflicts.iter().map(ToString::to_string).collect(),
            });
        }
        let merged = merged.map(|m| m.place);
        let wrote = merged != theirs;
        if wrote {
            let bytes = merged.as_ref().map(|p| to_ron(rel, p)).transpose()?;
            let now = replace_file(&self.root, rel, bytes.as_deref().map(str::as_bytes), seen)?;
            note_seen(&mut self.seen, rel, now);
        } else {
            note_seen(&mut self.seen, rel, seen);
        }
        match merged {
            Some(p) => {
                self.places_read.insert(id.clone(), p.clone());
                self.places.places.insert(id.clone(), p);
            }
            None => {
                self.places_read.remove(id);
                self.places.places.remove(id);
            }
        }
        self.generation += 1;
        Ok(wrote)
    }

    /// Every place's file as it would be written from memory, for rewriting the whole project.
    pub(super) fn place_files_to_write(&self) -> Result<Vec<(PathBuf, String)>, StoreError> {
        let files = self.places.places.iter().map(|(id, p)| {
            let rel = paths::place(id);
            to_ron(&rel, p).map(|bytes| (rel, bytes))
        });
        files.collect()
    }

    /// Notes that every place's file now holds what memory holds (after the whole project was rewritten).
    pub(super) fn places_saved(&mut self) {
        self.places_read = self.places.places.clone();
        self.dirty_places.clear();
    }

    /// Reads again the place files that changed on disk (a pull, another window), leaving places with unsaved
    /// changes here alone (their save merges). Returns whether anything was read.
    pub(super) fn refresh_place_files(&mut self) -> bool {
        let mut on_disk: BTreeMap<PathBuf, (PlaceId, Seen)> = BTreeMap::new();
        let dir = paths::places_dir();
        if let Ok(entries) = std::fs::read_dir(self.root.join(&dir)) {
            for name in entries.filter_map(|e| e.ok()?.file_name().into_string().ok()) {
                let Some(stem) = name.strip_suffix(".ron").filter(|s| is_slug(s)) else { continue };
                let rel = dir.join(&name);
                if let Ok(seen) = Seen::on_disk(&self.root.join(&rel)) {
                    on_disk.insert(rel, (PlaceId::new(stem), seen));
                }
            }
        }
        let known: Vec<(PathBuf, PlaceId)> = self.places_read.keys().map(|id| (paths::place(id), id.clone())).collect();
        let mut changed: BTreeSet<PlaceId> = on_disk
            .iter()
            .filter(|(rel, (_, now))| self.seen.get(*rel).copied().unwrap_or(Seen::Absent) != *now)
            .map(|(_, (id, _))| id.clone())
            .collect();
        changed.extend(known.into_iter().filter(|(rel, _)| !on_disk.contains_key(rel)).map(|(_, id)| id));
        changed.retain(|id| !self.dirty_places.contains(id));
        if changed.is_empty() {
            return false;
        }
        for id in &changed {
            self.reread_place(id);
        }
        self.note_place_problems(&BTreeMap::new());
        true
    }

    /// Reads one place's file again (or forgets the place when its file is gone).
    fn reread_place(&mut self, id: &PlaceId) {
        let rel = paths::place(id);
        self.problems.retain(|p| p.file != rel);
        self.poisoned.remove(&rel);
        if !self.root.join(&rel).exists() {
            self.places.places.remove(id);
            self.places_read.remove(id);
            self.seen.remove(&rel);
            return;
        }
        match ron_io::read::<Place>(&self.root, &rel) {
            Ok((place, _, seen)) => {
                self.seen.insert(rel, seen);
                self.places_read.insert(id.clone(), place.clone());
                self.places.places.insert(id.clone(), place);
            }
            Err(p) => {
                // This session keeps the version it has; the file is reported and never saved over.
                self.problems.push(p);
                self.poisoned.insert(rel);
            }
        }
    }

    /// Mentions of the loaded documents that link to a place the registry lacks (a place removed on another
    /// laptop while a mention here was linked to it), each at its line in the layer's file. They do not stop
    /// a document from loading: the link is only missing its coordinates until the place is added back or the
    /// mention linked again.
    pub fn place_link_problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        for entry in &self.docs {
            let Some(doc) = entry.loaded() else { continue };
            for (annotator, layer) in &doc.layers {
                let missing: Vec<(&MentionId, &PlaceId)> = layer
                    .mentions
                    .iter()
                    .filter_map(|(id, m)| m.place.as_ref().map(|p| (id, p)))
                    .filter(|(_, p)| !self.places.places.contains_key(*p))
                    .collect();
                if missing.is_empty() {
                    continue;
                }
                let rel = paths::layer(&entry.id, annotator);
                let source = ron_io::read_text(&self.root, &rel).unwrap_or_default();
                for (mention, place) in missing {
                    let at = locate(&source, &[format!("\"{mention}\""), format!("\"{place}\"")]);
                    out.push(Problem {
                        file: rel.clone(),
                        line: at.map(|a| a.0),
                        column: at.map(|a| a.1),
                        kind: ProblemKind::Places,
                        message: format!("mention {mention}: place `{place}` is not in the place registry"),
                    });
                }
            }
        }
        out
    }
}

/// The places an edit adds, changes or removes.
pub(super) fn place_ids(edit: &ProjectEdit, out: &mut BTreeSet<PlaceId>) {
    match edit {
        ProjectEdit::PutPlace(id, _) => {
            out.insert(id.clone());
        }
        ProjectEdit::Batch(edits) => edits.iter().for_each(|e| place_ids(e, out)),
        _ => {}
    }
}

/// Applies the place changes of an edit to a copy of the registry, to check it before the edit is made.
pub(super) fn put_places(registry: &mut PlaceRegistry, edit: &ProjectEdit) {
    match edit {
        ProjectEdit::PutPlace(id, Some(p)) => {
            registry.places.insert(id.clone(), p.clone());
        }
        ProjectEdit::PutPlace(id, None) => {
            registry.places.remove(id);
        }
        ProjectEdit::Batch(edits) => edits.iter().for_each(|e| put_places(registry, e)),
        _ => {}
    }
}
