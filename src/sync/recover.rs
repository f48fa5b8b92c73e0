//! Picking up after a sync that was killed mid-way (the window closed, the laptop's battery died).
//!
//! Git guards its files with `*.lock` files that a killed git leaves behind, and a merge cut short leaves
//! `MERGE_HEAD`. The caller holds the sync lock, so no other sync of this project is running: the lock files
//! are stale and are removed, and the unfinished merge is finished (its conflicts resolved like any other),
//! so nothing either side had is lost.

use super::SyncError;
use super::git::Git;
use super::run::SyncReport;
use crate::model::Annotator;
use std::path::Path;

/// Recovers the repository at `git` from an interrupted sync, noting what was done in `report`. The caller
/// holds the shared-files lock.
pub(super) fn recover(git: &Git, coder: &Annotator, report: &mut SyncReport) -> Result<(), SyncError> {
    let dir = git.git_dir()?;
    for stale in stale_locks(&dir) {
        std::fs::remove_file(&stale).map_err(|e| SyncError::io(&stale, e))?;
        let name = stale.strip_prefix(&dir).unwrap_or(&stale).display().to_string();
        report.recovered.push(format!("removed {name}, left by an interrupted git"));
    }
    for (marker, what) in
        [("rebase-merge", "a rebase"), ("rebase-apply", "a rebase"), ("CHERRY_PICK_HEAD", "a cherry-pick")]
    {
        if dir.join(marker).exists() {
            return Err(SyncError::Git {
                doing: "starting the sync".into(),
                message: format!("{what} started outside Tarmeez is under way; finish or abort it with git first"),
            });
        }
    }
    if super::merge::merging(git)? {
        let done = super::merge::finish(git, coder)?;
        report.recovered.push("finished a merge an interrupted sync had started".to_owned());
        report.merged_files.extend(done.merged);
        report.conflicts.extend(done.kept);
    }
    Ok(())
}

/// Git's lock files in `dir`: the index, HEAD, the config, packed refs, and any ref's.
fn stale_locks(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = ["index.lock", "HEAD.lock", "ORIG_HEAD.lock", "config.lock", "packed-refs.lock"]
        .iter()
        .map(|name| dir.join(name))
        .filter(|p| p.exists())
        .collect();
    walk(&dir.join("refs"), &mut found);
    found
}

fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            walk(&path, out);
        } else if path.extension().is_some_and(|e| e == "lock") {
            out.push(path);
        }
    }
}
