//! Atomic file writes: a reader (or a crash) sees either the old file or the new one, never a mix.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` atomically: temp file in the same folder, fsync, rename over `path`, fsync the
/// folder. Missing parent folders are created (and made durable too).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, bytes, |_| Ok(()))
}

/// Writes each `(path, bytes)` atomically, as one [`Batch`](super::batch::Batch): a few waits for the disk
/// in all rather than two per file. Every file is tried, so that one that cannot be written does not hold back
/// the others; the first failure is returned with its path.
pub fn write_atomic_all(files: &[(std::path::PathBuf, Vec<u8>)]) -> Result<(), (std::path::PathBuf, io::Error)> {
    let mut batch = super::batch::Batch::new();
    for (path, bytes) in files {
        batch.add_file(path.clone(), bytes.clone());
    }
    batch.write().into_result()
}

/// [`write_atomic`] with a hook that runs after the temp file is written and synced, just before the rename.
///
/// An error from the hook aborts the write: the temp file is removed and `path` keeps its old content.
/// Tests use it to simulate a crash or a full disk at the worst moment.
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    before_rename: impl FnOnce(&Path) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    create_dir_durable(dir)?;
    let mut tmp = tempfile::Builder::new().prefix(&temp_prefix(path)).suffix(".tmp").tempfile_in(dir)?;
    share_like(tmp.as_file(), path)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    before_rename(tmp.path())?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(dir)
}

/// Temp files are named after their target (`.tarmeez-huda.ron-Xy12Ab.tmp`), so that a kill -9 in the middle
/// of a save leaves a file that says whose it is, and the owner's next session can remove it.
pub(super) fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    format!(".tarmeez-{name}-")
}

/// Removes temp files left beside `path` by saves of it that were killed before their rename. Only the one
/// who alone writes `path` (the coder holding the lock, for their layer files) may call this: another
/// writer's save could be in progress. Returns how many were removed.
pub fn remove_stale_temps(path: &Path) -> io::Result<usize> {
    let (Some(dir), prefix) = (path.parent(), temp_prefix(path)) else { return Ok(0) };
    let mut removed = 0;
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(".tmp") && !name[prefix.len()..].contains('-') {
            fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Temp files are private (0600), but project files are shared with a team: give the new file the
/// permissions of the file it replaces, or 0644 for a new file, as editors and `git checkout` do.
#[cfg(unix)]
pub(super) fn share_like(tmp: &File, path: &Path) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
    tmp.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
pub(super) fn share_like(_tmp: &File, _path: &Path) -> io::Result<()> {
    Ok(())
}

/// [`share_like`] for a file that replaces none: 0644, without looking for one.
#[cfg(unix)]
pub(super) fn set_new_file_mode(tmp: &File) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    tmp.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
pub(super) fn set_new_file_mode(_tmp: &File) -> io::Result<()> {
    Ok(())
}

/// Creates `dir` and its missing parents, syncing each parent so that the new entries survive a crash.
pub fn create_dir_durable(dir: &Path) -> io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        create_dir_durable(parent)?;
    }
    match fs::create_dir(dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => return Ok(()),
        Err(e) => return Err(e),
    }
    match dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(parent) => sync_dir(parent),
        None => Ok(()),
    }
}

/// Flushes a folder's entries (new names, renames) to disk. A no-op where folders cannot be opened (Windows).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod stale_tests {
    use super::*;

    #[test]
    fn stale_temps_of_a_file_are_removed_and_others_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("huda.ron");
        write_atomic(&target, b"x").unwrap();
        for name in [".tarmeez-huda.ron-Ab12Cd.tmp", ".tarmeez-ali.ron-Ab12Cd.tmp", ".tarmeez-huda.ron-x-Ab12Cd.tmp"] {
            fs::write(dir.path().join(name), b"partial").unwrap();
        }
        assert_eq!(remove_stale_temps(&target).unwrap(), 1);
        let mut left: Vec<String> =
            fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        left.sort();
        assert_eq!(left, [".tarmeez-ali.ron-Ab12Cd.tmp", ".tarmeez-huda.ron-x-Ab12Cd.tmp", "huda.ron"]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_files_are_written_and_a_failure_does_not_stop_the_others() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("blocker"), b"a file, not a folder").unwrap();
        let mut files: Vec<(std::path::PathBuf, Vec<u8>)> =
            (0..30).map(|i| (dir.path().join(format!("d{}/f{i}.html", i % 3)), vec![b'x'; i])).collect();
        files.insert(7, (dir.path().join("blocker/inside.html"), b"y".to_vec()));
        let (path, _) = write_atomic_all(&files).unwrap_err();
        assert_eq!(path, dir.path().join("blocker/inside.html"));
        for (p, bytes) in files.iter().filter(|(p, _)| !p.starts_with(dir.path().join("blocker"))) {
            assert_eq!(&fs::read(p).unwrap(), bytes);
        }
    }

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a/b/f.ron");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        let leftovers: Vec<_> = fs::read_dir(p.parent().unwrap()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temp file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_the_team_and_replaced_files_keep_their_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f.ron");
        write_atomic(&p, b"one").unwrap();
        assert_eq!(fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o644);
        fs::set_permissions(&p, fs::Permissions::from_mode(0o664)).unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::metadata(&p).unwrap().permissions().mode() & 0o777, 0o664);
    }

    #[test]
    fn a_failure_before_rename_keeps_the_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f.ron");
        write_atomic(&p, b"old").unwrap();
        let err = write_atomic_with(&p, b"new", |tmp| {
            assert_eq!(fs::read(tmp).unwrap(), b"new", "the temp file was fully written");
            Err(io::Error::other("simulated crash"))
        });
        assert!(err.is_err());
        assert_eq!(fs::read(&p).unwrap(), b"old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
