//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use tarmeez::model::Annotator;
use tarmeez::store::{OpenOptions, Project};

/// The committed sample project.
pub fn sample_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/al-omar-oilfield")
}

/// The sample's one document id.
pub const SAMPLE_DOC: &str = "al-omar-oilfield-2021-06-29";

/// Copies a folder tree (lock files excluded).
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        if e.file_name() == ".locks" {
            continue;
        }
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_tree(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// A private copy of the sample project in a temp folder (kept alive by the returned guard).
pub fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("project");
    copy_tree(&sample_dir(), &dir);
    (tmp, dir)
}

/// Every file of a folder tree, relative path to bytes (lock files excluded).
pub fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(root).unwrap().to_owned();
            if rel.starts_with(".locks") {
                continue;
            }
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                out.insert(rel, std::fs::read(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Opens a project for editing as `annotator`.
pub fn open_as(dir: &Path, annotator: &str) -> Project {
    Project::open(dir, OpenOptions { annotator: Annotator::parse(annotator).unwrap(), read_only: false }).unwrap()
}

/// Opens a project read-only.
pub fn open_read_only(dir: &Path) -> Project {
    Project::open(dir, OpenOptions { annotator: Annotator::parse("reader").unwrap(), read_only: true }).unwrap()
}

/// Replaces the first occurrence of `from` in a file by `to` (the file must contain it).
pub fn edit_file(path: &Path, from: &str, to: &str) {
    let s = std::fs::read_to_string(path).unwrap();
    assert!(s.contains(from), "{} does not contain {from:?}", path.display());
    std::fs::write(path, s.replacen(from, to, 1)).unwrap();
}
