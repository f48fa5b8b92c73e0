//! A schema changed in two places: `project.ron` changed on disk after this session read it, and this session
//! changed it too. The schema has one writer at a time (DESIGN.md section 11), so nothing is merged: the other
//! version stays in `project.ron`, and this session's is saved beside it, `project.conflict-<coder>-<time>.ron`,
//! so that neither is lost and the coders can compare them.

use super::{Project, write_file};
use crate::store::StoreError;
use std::path::PathBuf;

impl Project {
    /// Saves `bytes`, this session's `project.ron`, beside the one on disk (once: the autosave retries, and the
    /// same version is not saved again) and returns the error that says where. The caller holds the lock for
    /// writing.
    pub(super) fn keep_both_schemas(&self, bytes: &str) -> StoreError {
        let prefix = format!("project.conflict-{}-", self.annotator);
        if let Some(same) = self
            .saved_conflicts(&prefix)
            .into_iter()
            .find(|name| std::fs::read(self.root.join(name)).is_ok_and(|held| held == bytes.as_bytes()))
        {
            return StoreError::SchemaConflict { ours: same };
        }
        let time: String = super::now_rfc3339().chars().filter(char::is_ascii_alphanumeric).collect();
        let mut name = PathBuf::from(format!("{prefix}{time}.ron"));
        let mut n = 2;
        while self.root.join(&name).exists() {
            name = PathBuf::from(format!("{prefix}{time}-{n}.ron"));
            n += 1;
        }
        match write_file(&self.root, &name, bytes.as_bytes()) {
            Ok(()) => StoreError::SchemaConflict { ours: name },
            Err(e) => e,
        }
    }

    /// The versions of `project.ron` this coder's sessions saved beside it before.
    fn saved_conflicts(&self, prefix: &str) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(&self.root) else { return Vec::new() };
        let names = entries.filter_map(|e| e.ok()?.file_name().into_string().ok());
        names.filter(|n| n.starts_with(prefix) && n.ends_with(".ron")).map(PathBuf::from).collect()
    }
}
