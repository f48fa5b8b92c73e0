//! Every write of a project stays inside its folder: a folder of the project that is a symbolic link (to
//! another disk, another project, `/`) would send saves, imports and lock files elsewhere, so such a write is
//! refused before anything is written. The project folder itself may be a link; what is checked is the path
//! from it to the file.

use std::path::{Component, Path, PathBuf};

/// Why a write was refused: it would not land inside the project folder.
#[derive(Debug, thiserror::Error)]
pub enum Outside {
    /// A folder on the way to the file is a symbolic link.
    #[error(
        "{} inside the project is a link to {}: Tarmeez does not write through links, which would put the \
         project's files somewhere else; nothing was written (replace the link by the folder itself)",
        folder.display(),
        target.display()
    )]
    Link {
        /// The folder, relative to the project.
        folder: PathBuf,
        /// Where the link points.
        target: PathBuf,
    },
    /// The path itself leads out of the project (`..`, or an absolute path).
    #[error("{} is not a path inside the project; nothing was written", .0.display())]
    NotInside(PathBuf),
}

/// Checks that writing `root/rel` writes inside `root`: `rel` is relative, has no `..`, and none of the folders
/// between `root` and the file is a symbolic link. Folders that do not exist yet are fine (the write creates
/// them as real folders).
pub fn check(root: &Path, rel: &Path) -> Result<(), Outside> {
    let Some(parent) = rel.parent() else { return Ok(()) };
    let mut folder = PathBuf::new();
    for component in parent.components() {
        match component {
            Component::Normal(name) => folder.push(name),
            Component::CurDir => continue,
            _ => return Err(Outside::NotInside(rel.to_owned())),
        }
        let at = root.join(&folder);
        match std::fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&at).unwrap_or_default();
                return Err(Outside::Link { folder, target });
            }
            Ok(_) => {}
            // Missing: nothing below it exists either, and the write will create real folders.
            Err(_) => return Ok(()),
        }
    }
    if rel.is_absolute() || rel.components().any(|c| matches!(c, Component::ParentDir)) {
        return Err(Outside::NotInside(rel.to_owned()));
    }
    Ok(())
}

/// Checks that the lock files are made inside the project: `.locks` is not a link.
pub fn check_locks(root: &Path) -> Result<(), Outside> {
    check(root, Path::new(".locks/any.lock"))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_plain_path_passes_and_missing_folders_are_fine() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("annotations/doc")).unwrap();
        check(dir.path(), Path::new("annotations/doc/huda.ron")).unwrap();
        check(dir.path(), Path::new("suggestions/new-doc/tagger.ron")).unwrap();
        check(dir.path(), Path::new("project.ron")).unwrap();
    }

    #[test]
    fn a_linked_folder_on_the_way_is_refused_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("annotations")).unwrap();
        symlink(elsewhere.path(), dir.path().join("annotations/doc")).unwrap();
        let err = check(dir.path(), Path::new("annotations/doc/huda.ron")).unwrap_err();
        assert!(matches!(&err, Outside::Link { folder, .. } if folder == Path::new("annotations/doc")), "{err}");
        assert!(err.to_string().contains(&elsewhere.path().display().to_string()), "{err}");
        symlink(elsewhere.path(), dir.path().join("documents")).unwrap();
        assert!(check(dir.path(), Path::new("documents/a.txt")).is_err());
    }

    #[test]
    fn the_project_folder_itself_may_be_a_link() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("real/documents")).unwrap();
        symlink(dir.path().join("real"), dir.path().join("project")).unwrap();
        check(&dir.path().join("project"), Path::new("documents/a.txt")).unwrap();
    }

    #[test]
    fn paths_out_of_the_project_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(check(dir.path(), Path::new("../x/a.ron")), Err(Outside::NotInside(_))));
        assert!(matches!(check(dir.path(), Path::new("/etc/a.ron")), Err(Outside::NotInside(_))));
    }
}
