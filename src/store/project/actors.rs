//! The actor registry on disk: one file per actor, `actors/<id>.ron` (DESIGN.md section 11).
//!
//! Coders who add or change different actors write different files, and new ids are never minted twice
//! (`workflow::actor_edits::new_actor_id`), so git merges their work without asking anyone. When an actor's
//! file changed on disk since this session read it (a teammate's change pulled by git, another window), a save
//! merges the two versions field by field from the one read ([`crate::store::actor_merge`]); when both changed
//! the same field differently, it refuses and leaves the other version on disk, this session's in memory.

use super::{Project, note_seen, replace_file, to_ron};
use crate::model::*;
use crate::store::actor_merge::merge_actor_versions;
use crate::store::fingerprint::Seen;
use crate::store::migrate_actors::migrate_actors;
use crate::store::problem::{Problem, ProblemKind};
use crate::store::{StoreError, paths, ron_io};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

impl Project {
    /// Reads the registry: moves an old project's `actors.ron` into `actors/` first (when writable), then reads
    /// every actor file. An `actors.ron` that could not be moved (a read-only open, or a problem, reported) is
    /// read as well, for the actors it holds that have no file yet, and the registry is not changed until it is
    /// gone.
    pub(super) fn read_actors(&mut self, writable: bool) {
        let legacy = paths::legacy_actors();
        if writable && let Err(e) = migrate_actors(&self.root, self.lock_patience) {
            self.problems.push(e.problem());
        }
        let mut sources = BTreeMap::new();
        for (id, rel) in self.actor_files() {
            match ron_io::read::<Actor>(&self.root, &rel) {
                Ok((actor, source, seen)) => {
                    self.seen.insert(rel, seen);
                    self.actors_read.insert(id.clone(), actor.clone());
                    self.actors.actors.insert(id.clone(), actor);
                    sources.insert(id, source);
                }
                Err(p) => {
                    self.problems.push(p);
                    self.poisoned.insert(rel);
                }
            }
        }
        if self.root.join(&legacy).exists() {
            self.read_legacy_actors(&legacy);
        }
        for (id, message) in self.actors.problems() {
            let (file, at) = match sources.get(&id) {
                Some(source) => (paths::actor(&id), crate::store::problem::locate(source, &["affiliation".into()])),
                None => (legacy.clone(), None),
            };
            let (line, column) = (at.map(|a| a.0), at.map(|a| a.1));
            self.problems.push(Problem { file, line, column, kind: ProblemKind::Actors, message });
        }
    }

    /// The actor files, `actors/<id>.ron`, sorted by id; names that are not ids are reported and skipped.
    fn actor_files(&mut self) -> Vec<(ActorId, PathBuf)> {
        let dir = paths::actors_dir();
        let Ok(entries) = std::fs::read_dir(self.root.join(&dir)) else { return Vec::new() };
        let mut names: Vec<String> = entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect();
        names.sort();
        let mut out = Vec::new();
        for name in names {
            let Some(stem) = name.strip_suffix(".ron") else { continue };
            if is_slug(stem) {
                out.push((ActorId::new(stem), dir.join(&name)));
            } else {
                self.problems.push(Problem::in_file(
                    dir.join(&name),
                    ProblemKind::BadFileName,
                    format!(
                        "`{stem}` is not a valid actor id (lowercase a-z, digits, '-' and '_'); the file is ignored"
                    ),
                ));
            }
        }
        out
    }

    /// Reads the actors of an `actors.ron` still in place; the file is never written, and while it is there the
    /// registry is not changed (the move into `actors/` must finish first).
    fn read_legacy_actors(&mut self, legacy: &Path) {
        self.poisoned.insert(legacy.to_owned());
        match ron_io::read::<ActorRegistry>(&self.root, legacy) {
            Ok((registry, _, _)) => {
                for (id, actor) in registry.actors {
                    if !self.actors.actors.contains_key(&id) {
                        self.actors_read.insert(id.clone(), actor.clone());
                        self.actors.actors.insert(id, actor);
                    }
                }
            }
            Err(p) => {
                if !self.problems.iter().any(|q| q.file == legacy && q.kind == p.kind && q.line == p.line) {
                    self.problems.push(p);
                }
            }
        }
    }

    /// Refuses a change to the registry while it cannot be saved: an old `actors.ron` not yet moved into
    /// `actors/`, or the file of a changed actor that failed to load.
    pub(super) fn check_actors_writable(&self, edit: &ProjectEdit) -> Result<(), StoreError> {
        if self.poisoned.contains(&paths::legacy_actors()) {
            return Err(StoreError::Rejected(
                "actors.ron could not be moved into actors/ (one file per actor; see the problems list), so the \
                 registry cannot be changed until that is fixed"
                    .into(),
            ));
        }
        let mut ids = BTreeSet::new();
        actor_ids(edit, &mut ids);
        if let Some(id) = ids.into_iter().find(|id| self.poisoned.contains(&paths::actor(id))) {
            return Err(StoreError::Rejected(format!(
                "{} failed to load, so actor `{id}` cannot be changed until it is fixed (see the problems list)",
                paths::actor(&id).display()
            )));
        }
        Ok(())
    }

    /// The actors with unsaved changes.
    pub(super) fn dirty_actor_ids(&self) -> BTreeSet<ActorId> {
        let mut ids = self.dirty_actors.clone();
        if self.actors_replaced {
            let now = &self.actors.actors;
            ids.extend(now.iter().filter(|(id, a)| self.actors_read.get(*id) != Some(*a)).map(|(id, _)| id.clone()));
            ids.extend(self.actors_read.keys().filter(|id| !now.contains_key(*id)).cloned());
        }
        ids
    }

    /// Saves every changed actor's file (removes a removed actor's), under the lock for writing. A file changed
    /// on disk since it was read is merged field by field; one that does not merge cleanly is left as it is on
    /// disk and this session's version stays in memory, unsaved (the first such error is returned, after the
    /// other actors are saved). Returns how many files were written or removed.
    pub fn save_actors(&mut self) -> Result<usize, StoreError> {
        let ids = self.dirty_actor_ids();
        if ids.is_empty() {
            return Ok(0);
        }
        self.check_writable()?;
        if self.poisoned.contains(&paths::legacy_actors()) {
            return Err(StoreError::Poisoned(paths::legacy_actors()));
        }
        let _lock = self.lock_for_writing()?;
        let (mut written, mut first_error) = (0, None);
        for id in ids {
            match self.save_actor(&id) {
                Ok(wrote) => {
                    written += usize::from(wrote);
                    self.dirty_actors.remove(&id);
                }
                Err(e) => first_error = first_error.or(Some(e)),
            }
        }
        if first_error.is_none() {
            self.actors_replaced = false;
        }
        first_error.map_or(Ok(written), Err)
    }

    /// Writes (or removes) one actor's file; returns whether anything was written or removed. The caller holds
    /// the lock for writing.
    fn save_actor(&mut self, id: &ActorId) -> Result<bool, StoreError> {
        let rel = paths::actor(id);
        if self.poisoned.contains(&rel) {
            return Err(StoreError::Poisoned(rel));
        }
        let expected = self.expected(None, &rel);
        let now =
            Seen::on_disk(&self.root.join(&rel)).map_err(|source| StoreError::Read { path: rel.clone(), source })?;
        if now != expected {
            return self.merge_actor_on_disk(id, &rel);
        }
        let ours = self.actors.actors.get(id).cloned();
        let bytes = ours.as_ref().map(|a| to_ron(&rel, a)).transpose()?;
        let wrote = bytes.is_some() || expected != Seen::Absent;
        let now = replace_file(&self.root, &rel, bytes.as_deref().map(str::as_bytes), expected)?;
        note_seen(&mut self.seen, &rel, now);
        match ours {
            Some(a) => self.actors_read.insert(id.clone(), a),
            None => self.actors_read.remove(id),
        };
        Ok(wrote)
    }

    /// Merges this session's version of an actor with the one on disk now, from the one it read; writes and
    /// keeps the result when nothing conflicts. The caller holds the lock for writing.
    fn merge_actor_on_disk(&mut self, id: &ActorId, rel: &Path) -> Result<bool, StoreError> {
        let (theirs, seen) = if self.root.join(rel).exists() {
            match ron_io::read::<Actor>(&self.root, rel) {
                Ok((actor, _, seen)) => (Some(actor), seen),
                // Not an actor file (a hand edit, conflict markers): never saved over.
                Err(_) => return Err(StoreError::ChangedOnDisk(rel.to_owned())),
            }
        } else {
            (None, Seen::Absent)
        };
        let merged = merge_actor_versions(self.actors_read.get(id), self.actors.actors.get(id), theirs.as_ref());
        if let Some(m) = merged.as_ref().filter(|m| !m.is_clean()) {
            return Err(StoreError::ActorConflict {
                path: rel.to_owned(),
                conflicts: m.conflicts.iter().map(ToString::to_string).collect(),
            });
        }
        let merged = merged.map(|m| m.actor);
        let wrote = merged != theirs;
        if wrote {
            let bytes = merged.as_ref().map(|a| to_ron(rel, a)).transpose()?;
            let now = replace_file(&self.root, rel, bytes.as_deref().map(str::as_bytes), seen)?;
            note_seen(&mut self.seen, rel, now);
        } else {
            note_seen(&mut self.seen, rel, seen);
        }
        match merged {
            Some(a) => {
                self.actors_read.insert(id.clone(), a.clone());
                self.actors.actors.insert(id.clone(), a);
            }
            None => {
                self.actors_read.remove(id);
                self.actors.actors.remove(id);
            }
        }
        self.generation += 1;
        Ok(wrote)
    }

    /// Every actor's file as it would be written from memory, for rewriting the whole project.
    pub(super) fn actor_files_to_write(&self) -> Result<Vec<(PathBuf, String)>, StoreError> {
        if self.poisoned.contains(&paths::legacy_actors()) {
            return Err(StoreError::Poisoned(paths::legacy_actors()));
        }
        let files = self.actors.actors.iter().map(|(id, a)| {
            let rel = paths::actor(id);
            to_ron(&rel, a).map(|bytes| (rel, bytes))
        });
        files.collect()
    }

    /// Notes that every actor's file now holds what memory holds (after the whole project was rewritten).
    pub(super) fn actors_saved(&mut self) {
        self.actors_read = self.actors.actors.clone();
        self.dirty_actors.clear();
        self.actors_replaced = false;
    }
}

impl Project {
    /// Reads again the actor files that changed on disk (a pull, another window), leaving actors with unsaved
    /// changes here alone (their save merges). An old `actors.ron` that someone else moved meanwhile makes the
    /// whole registry read again. Returns whether anything was read.
    pub(super) fn refresh_actor_files(&mut self) -> bool {
        let legacy = paths::legacy_actors();
        if self.poisoned.contains(&legacy) && !self.root.join(&legacy).exists() {
            let dirty = self.dirty_actor_ids();
            self.poisoned.remove(&legacy);
            self.problems.retain(|p| p.file != legacy && !p.file.starts_with(paths::actors_dir()));
            self.poisoned.retain(|p| !p.starts_with(paths::actors_dir()));
            let mine: Vec<(ActorId, Option<Actor>)> =
                dirty.into_iter().map(|id| (id.clone(), self.actors.actors.get(&id).cloned())).collect();
            self.actors = ActorRegistry::default();
            self.actors_read.clear();
            self.read_actors(false);
            for (id, actor) in mine {
                match actor {
                    Some(a) => self.actors.actors.insert(id, a),
                    None => self.actors.actors.remove(&id),
                };
            }
            return true;
        }
        let dirty = self.dirty_actor_ids();
        let mut on_disk: BTreeMap<PathBuf, (ActorId, Seen)> = BTreeMap::new();
        let dir = paths::actors_dir();
        if let Ok(entries) = std::fs::read_dir(self.root.join(&dir)) {
            for name in entries.filter_map(|e| e.ok()?.file_name().into_string().ok()) {
                let Some(stem) = name.strip_suffix(".ron").filter(|s| is_slug(s)) else { continue };
                let rel = dir.join(&name);
                if let Ok(seen) = Seen::on_disk(&self.root.join(&rel)) {
                    on_disk.insert(rel, (ActorId::new(stem), seen));
                }
            }
        }
        let known: Vec<(PathBuf, ActorId)> = self.actors_read.keys().map(|id| (paths::actor(id), id.clone())).collect();
        let mut changed: BTreeSet<ActorId> = on_disk
            .iter()
            .filter(|(rel, (_, now))| self.seen.get(*rel).copied().unwrap_or(Seen::Absent) != *now)
            .map(|(_, (id, _))| id.clone())
            .collect();
        changed.extend(known.into_iter().filter(|(rel, _)| !on_disk.contains_key(rel)).map(|(_, id)| id));
        changed.retain(|id| !dirty.contains(id));
        if changed.is_empty() {
            return false;
        }
        for id in &changed {
            self.reread_actor(id);
        }
        self.problems.retain(|p| p.kind != ProblemKind::Actors);
        for (id, message) in self.actors.problems() {
            self.problems.push(Problem::in_file(paths::actor(&id), ProblemKind::Actors, message));
        }
        true
    }

    /// Reads one actor's file again (or forgets the actor when its file is gone).
    fn reread_actor(&mut self, id: &ActorId) {
        let rel = paths::actor(id);
        self.problems.retain(|p| p.file != rel);
        self.poisoned.remove(&rel);
        if !self.root.join(&rel).exists() {
            self.actors.actors.remove(id);
            self.actors_read.remove(id);
            self.seen.remove(&rel);
            return;
        }
        match ron_io::read::<Actor>(&self.root, &rel) {
            Ok((actor, _, seen)) => {
                self.seen.insert(rel, seen);
                self.actors_read.insert(id.clone(), actor.clone());
                self.actors.actors.insert(id.clone(), actor);
            }
            Err(p) => {
                // This session keeps the version it has; the file is reported and never saved over.
                self.problems.push(p);
                self.poisoned.insert(rel);
            }
        }
    }
}

/// The actors an edit adds, changes or removes.
fn actor_ids(edit: &ProjectEdit, out: &mut BTreeSet<ActorId>) {
    match edit {
        ProjectEdit::PutActor(id, _) => {
            out.insert(id.clone());
        }
        ProjectEdit::Batch(edits) => edits.iter().for_each(|e| actor_ids(e, out)),
        _ => {}
    }
}
