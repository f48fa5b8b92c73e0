//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod article;
pub mod cli;
pub mod git;
pub mod host;
pub mod layers;
pub mod loopback;

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

/// Whether a file of the sample project (relative path) is work a newcomer did on this machine rather than
/// part of the sample: lock files, and layers of annotators other than `sample` (running the app on the
/// sample and coding in it must not make the tests fail).
pub fn is_local_work(rel: &Path) -> bool {
    rel.starts_with(".locks") || (rel.starts_with("annotations") && rel.file_name().is_some_and(|n| n != "sample.ron"))
}

/// A private copy of the sample project as committed (without local work), in a temp folder kept alive by
/// the returned guard. Tests use it rather than the folder itself, which the app may be editing.
pub fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("project");
    for (rel, bytes) in files(&sample_dir()) {
        if is_local_work(&rel) {
            continue;
        }
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
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

/// The whole window on `app`, at the size the screenshots use, after its first frames.
pub fn window(app: tarmeez::ui::TarmeezApp) -> egui_kittest::Harness<'static, tarmeez::ui::TarmeezApp> {
    // The autosave runs on the wall clock: when a slow (loaded) machine lets it fall due inside `run`, the save
    // and the status bar's new state take a few more frames than the default 4 before the window settles.
    let mut h = egui_kittest::Harness::builder()
        .with_size([1400.0, 1000.0])
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut tarmeez::ui::TarmeezApp| app.show(ui), app);
    h.run();
    h
}

/// Presses `key` with `modifiers` and lets the window settle.
pub fn press(
    h: &mut egui_kittest::Harness<'_, tarmeez::ui::TarmeezApp>,
    modifiers: eframe::egui::Modifiers,
    key: eframe::egui::Key,
) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}
