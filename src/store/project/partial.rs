//! Saving every change, and saying which files were saved when only some of them could be.

use super::{DirtyFile, Project};
use crate::store::{StoreError, paths};
use std::collections::BTreeSet;
use std::path::PathBuf;

impl Project {
    /// Saves every changed file: the schema, the registry and every loaded document's layers and
    /// suggestions. Returns how many files were written.
    ///
    /// One file that cannot be written does not hold back the others. When some were written and others
    /// not, the error is [`StoreError::PartlySaved`], naming both: a report of a complete failure would send
    /// the coder looking for changes that are in fact on disk.
    pub fn save_dirty(&mut self) -> Result<usize, StoreError> {
        let pending = self.unsaved_files();
        let cause = match self.write_dirty() {
            Ok(n) => return Ok(n),
            Err(e) => e,
        };
        let left = self.unsaved_files();
        let saved: Vec<PathBuf> = pending.difference(&left).cloned().collect();
        if saved.is_empty() {
            return Err(cause);
        }
        Err(StoreError::PartlySaved { saved, not_saved: left.into_iter().collect(), cause: Box::new(cause) })
    }

    /// The files with changes not saved yet, relative to the project.
    fn unsaved_files(&self) -> BTreeSet<PathBuf> {
        let mut out = BTreeSet::new();
        if self.config_dirty {
            out.insert(paths::config());
        }
        out.extend(self.dirty_actor_ids().iter().map(paths::actor));
        for entry in &self.docs {
            let Some(doc) = entry.loaded() else { continue };
            out.extend(doc.dirty.iter().map(|file| match file {
                DirtyFile::Layer(a) => paths::layer(&entry.id, a),
                DirtyFile::Suggestions(s) => paths::suggestions(&entry.id, s),
            }));
        }
        out
    }
}
