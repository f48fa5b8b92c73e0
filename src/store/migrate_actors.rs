//! Moving an old project's `actors.ron` (the whole registry in one file) into `actors/<id>.ron`, one file per
//! actor, so that coders who add or change different actors never write the same file (DESIGN.md section 11).
//!
//! Keyed on the presence of `actors.ron`, not on the project's format version, and crash-safe by its order:
//! every actor's file is written (atomically, and synced) before `actors.ron` is removed, so a run killed
//! midway leaves `actors.ron` in place and the next open finishes the move. Nothing is lost on the way:
//! - an actor file already there with the same actor (an earlier, interrupted run) is left as it is;
//! - one already there with a different version of the actor (a teammate's, through git) is merged with the
//!   old one field by field ([`super::actor_merge`]), the file's values winning where both differ;
//! - an id that cannot be a file name, or an `actors.ron` or actor file that does not parse, stops the move
//!   before anything is written or removed, and is reported.

use super::actor_merge::merge_actor_versions;
use super::lock::{LockError, SharedFilesLock};
use super::problem::{Problem, ProblemKind};
use super::{atomic, inside, paths, ron_io};
use crate::model::{Actor, ActorRegistry, is_slug};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Why the move could not be made; `actors.ron` is then left as it is.
#[derive(Debug, thiserror::Error)]
pub enum MigrateActorsError {
    /// The shared files' lock could not be taken.
    #[error("actors.ron was not moved into actors/: {0}")]
    Lock(#[from] LockError),
    /// `actors.ron`, or an actor file already in `actors/`, does not parse.
    #[error("actors.ron was not moved into actors/ because {0}")]
    Parse(Problem),
    /// An actor id cannot be a file name.
    #[error(
        "actors.ron was not moved into actors/ (one file per actor): the actor id `{0}` cannot be a file name \
         (use lowercase letters a-z, digits, '-' and '_'); rename it in actors.ron and in the annotations that \
         link to it"
    )]
    BadId(String),
    /// A file could not be written or removed.
    #[error("actors.ron was not moved into actors/: cannot write {path}: {source}")]
    Write {
        /// The file, relative to the project.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A write would go through a folder that is a link.
    #[error(transparent)]
    Outside(#[from] inside::Outside),
}

impl MigrateActorsError {
    /// The problem to list for the project (the file it is about, with the line when known).
    pub fn problem(&self) -> Problem {
        match self {
            MigrateActorsError::Parse(p) => {
                Problem { message: format!("{} (so actors.ron was not moved into actors/)", p.message), ..p.clone() }
            }
            other => Problem::in_file(paths::legacy_actors(), ProblemKind::Actors, other.to_string()),
        }
    }
}

/// Moves `root/actors.ron` into one file per actor under `root/actors/`, under the shared files' lock (waiting
/// at most `patience` for it). Returns how many actors it held, or `None` when there was no `actors.ron`.
pub fn migrate_actors(root: &Path, patience: Duration) -> Result<Option<usize>, MigrateActorsError> {
    let legacy = paths::legacy_actors();
    if !root.join(&legacy).exists() {
        return Ok(None);
    }
    let _lock = SharedFilesLock::acquire(root, patience)?;
    // Another session may have finished the move while this one waited for the lock.
    if !root.join(&legacy).exists() {
        return Ok(None);
    }
    let (registry, _, _) = ron_io::read::<ActorRegistry>(root, &legacy).map_err(MigrateActorsError::Parse)?;
    if let Some(id) = registry.actors.keys().find(|id| !is_slug(id.as_str())) {
        return Err(MigrateActorsError::BadId(id.to_string()));
    }
    let writes = files_to_write(root, &registry)?;
    let files: Vec<(PathBuf, Vec<u8>)> = writes.into_iter().map(|(rel, bytes)| (root.join(rel), bytes)).collect();
    atomic::write_atomic_all(&files).map_err(|(path, source)| MigrateActorsError::Write {
        path: path.strip_prefix(root).map(Path::to_owned).unwrap_or(path),
        source,
    })?;
    // Every actor's file is durable now (the batch syncs them and their folder): only then does the old file go.
    let write_error = |source| MigrateActorsError::Write { path: legacy.clone(), source };
    std::fs::remove_file(root.join(&legacy)).map_err(write_error)?;
    atomic::sync_dir(root).map_err(write_error)?;
    Ok(Some(registry.actors.len()))
}

/// The actor files to write, with their bytes: every actor of the old registry whose file is missing or holds
/// another version of it (merged, the file's values winning).
fn files_to_write(root: &Path, registry: &ActorRegistry) -> Result<Vec<(PathBuf, Vec<u8>)>, MigrateActorsError> {
    inside::check(root, &paths::actors_dir())?;
    let mut out = Vec::new();
    for (id, old) in &registry.actors {
        let rel = paths::actor(id);
        inside::check(root, &rel)?;
        let actor: Actor = if root.join(&rel).exists() {
            let (there, _, _) = ron_io::read::<Actor>(root, &rel).map_err(MigrateActorsError::Parse)?;
            let merged = merge_actor_versions(None, Some(&there), Some(old)).map_or(there.clone(), |m| m.actor);
            if merged == there {
                continue;
            }
            merged
        } else {
            old.clone()
        };
        let bytes = ron_io::to_ron(&actor)
            .map_err(|e| MigrateActorsError::Write { path: rel.clone(), source: std::io::Error::other(e) })?;
        out.push((rel, bytes.into_bytes()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorId, ActorKind};

    fn actor(name: &str, aliases: &[&str]) -> Actor {
        Actor {
            name: name.into(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            kind: ActorKind::Militia,
            affiliation: None,
            notes: String::new(),
        }
    }

    fn old_project(actors: &[(&str, Actor)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let registry = ActorRegistry { actors: actors.iter().map(|(id, a)| (ActorId::new(*id), a.clone())).collect() };
        std::fs::write(dir.path().join("actors.ron"), ron_io::to_ron(&registry).unwrap()).unwrap();
        dir
    }

    fn read(root: &Path, id: &str) -> Actor {
        ron_io::read::<Actor>(root, &paths::actor(&ActorId::new(id))).unwrap().0
    }

    #[test]
    fn each_actor_gets_its_file_and_the_old_file_goes() {
        let dir = old_project(&[("irgc", actor("IRGC", &["الحرس الثوري"])), ("nujaba", actor("Nujaba", &[]))]);
        assert_eq!(migrate_actors(dir.path(), Duration::ZERO).unwrap(), Some(2));
        assert!(!dir.path().join("actors.ron").exists());
        assert_eq!(read(dir.path(), "irgc"), actor("IRGC", &["الحرس الثوري"]));
        assert_eq!(read(dir.path(), "nujaba"), actor("Nujaba", &[]));
        assert_eq!(migrate_actors(dir.path(), Duration::ZERO).unwrap(), None, "nothing left to move");
    }

    #[test]
    fn a_file_written_by_an_earlier_run_or_a_teammate_is_kept_and_merged() {
        let dir = old_project(&[("irgc", actor("IRGC", &["الحرس الثوري"])), ("nujaba", actor("Nujaba", &["النجباء"]))]);
        let actors = dir.path().join("actors");
        std::fs::create_dir(&actors).unwrap();
        std::fs::write(actors.join("irgc.ron"), ron_io::to_ron(&actor("IRGC", &["الحرس الثوري"])).unwrap()).unwrap();
        let theirs = actor("Harakat al-Nujaba", &["حركة النجباء"]);
        std::fs::write(actors.join("nujaba.ron"), ron_io::to_ron(&theirs).unwrap()).unwrap();
        assert_eq!(migrate_actors(dir.path(), Duration::ZERO).unwrap(), Some(2));
        assert_eq!(read(dir.path(), "nujaba"), actor("Harakat al-Nujaba", &["حركة النجباء", "النجباء"]));
        assert_eq!(read(dir.path(), "irgc"), actor("IRGC", &["الحرس الثوري"]));
    }

    #[test]
    fn an_id_that_cannot_be_a_file_name_stops_the_move_before_anything_is_written() {
        let dir = old_project(&[("Bad Id", actor("X", &[])), ("irgc", actor("IRGC", &[]))]);
        let err = migrate_actors(dir.path(), Duration::ZERO).unwrap_err();
        assert!(err.to_string().contains("`Bad Id` cannot be a file name"), "{err}");
        assert!(dir.path().join("actors.ron").exists());
        assert!(!dir.path().join("actors").exists());
    }

    #[test]
    fn an_actors_file_that_does_not_parse_is_left_and_reported_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("actors.ron"), "(\n  actors: {\n<<<<<<< HEAD\n").unwrap();
        let err = migrate_actors(dir.path(), Duration::ZERO).unwrap_err();
        let problem = err.problem();
        assert_eq!(problem.file, PathBuf::from("actors.ron"));
        assert_eq!(problem.line, Some(2), "{problem}");
        assert!(dir.path().join("actors.ron").exists());
    }
}
