//! Projects of format 1 (review decisions inside the shared suggestion files) are migrated on open: each
//! decision moves to the layer of the coder who made it, the suggestion files become plain input, and
//! `project.ron` says format 2. The oracle is the committed sample project, which is the format-1 fixture
//! migrated: the migration of the fixture must give exactly its files.

mod common;

use common::{SAMPLE_DOC, files, open_as, sample_dir};
use std::path::{Path, PathBuf};
use std::process::Command;
use tarmeez::model::{Annotator, ReviewStatus, SourceName, SuggestionId};
use tarmeez::store::AnnotatorLock;

/// A private copy of the format-1 fixture (the sample project as format 1 wrote it).
fn format_1_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("old");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/format-1-project");
    for (rel, bytes) in files(&fixture) {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    (tmp, dir)
}

fn validate(dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(["validate", dir.to_str().unwrap()]).output().unwrap()
}

fn suggestion_file(dir: &Path) -> PathBuf {
    dir.join(format!("suggestions/{SAMPLE_DOC}/camelbert-ner.ron"))
}

fn layer_file(dir: &Path) -> PathBuf {
    dir.join(format!("annotations/{SAMPLE_DOC}/sample.ron"))
}

/// The committed sample's files, without anything a newcomer's run left in it.
/// Its `project.ron` without the model source it gained after format 2 (the example backend of issue 18),
/// and without its places (issue 19), which no migration adds.
fn committed_sample() -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut expected = files(&sample_dir());
    expected.retain(|rel, _| !common::is_local_work(rel));
    let project = expected.get_mut(Path::new("project.ron")).unwrap();
    let text = String::from_utf8(project.clone()).unwrap();
    let start = text.find("\n  sources: {\n").expect("the sample has its example source");
    let end = start + text[start..].find("\n  },").unwrap() + "\n  },".len();
    *project = format!("{}{}", &text[..start], &text[end..]).into_bytes();
    // Nor the places and the links to them it gained with issue 19's place registry.
    expected.retain(|rel, _| !rel.starts_with("places"));
    let layer = expected.get_mut(Path::new(&format!("annotations/{SAMPLE_DOC}/sample.ron"))).unwrap();
    let text = String::from_utf8(layer.clone()).unwrap();
    *layer = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("place: "))
        .map(|l| format!("{l}\n"))
        .collect::<String>()
        .into_bytes();
    expected
}

#[test]
fn opening_a_format_1_project_moves_each_decision_into_its_coder_s_layer() {
    let (_tmp, dir) = format_1_copy();
    let old_suggestions = std::fs::read_to_string(suggestion_file(&dir)).unwrap();
    assert!(old_suggestions.contains("status: Accepted") && old_suggestions.contains("by: \"sample\""));
    let project = open_as(&dir, "huda");
    drop(project);

    assert_eq!(files(&dir), committed_sample(), "the migrated fixture is the sample project, byte for byte");
    let migrated = std::fs::read_to_string(suggestion_file(&dir)).unwrap();
    assert!(!migrated.contains("status") && !migrated.contains("review"), "{migrated}");
    let layer: tarmeez::model::Layer = ron::from_str(&std::fs::read_to_string(layer_file(&dir)).unwrap()).unwrap();
    let camel = SourceName::parse("camelbert-ner").unwrap();
    assert_eq!(layer.review_status(&camel, SuggestionId(1)), ReviewStatus::Accepted);
    assert_eq!(layer.review_status(&camel, SuggestionId(6)), ReviewStatus::Rejected);
    assert_eq!(layer.reviews[&camel].0.len(), 2, "pending suggestions are not decisions");
    let out = validate(&dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

/// A crash after the layers were written but before the suggestion files, or after those but before
/// `project.ron`, leaves a project still in format 1; the next open finishes the migration with the same
/// result and nothing twice.
#[test]
fn a_migration_interrupted_at_any_step_is_finished_by_the_next_open() {
    let expected = committed_sample();
    let sample_layer = PathBuf::from(format!("annotations/{SAMPLE_DOC}/sample.ron"));
    let suggestions = PathBuf::from(format!("suggestions/{SAMPLE_DOC}/camelbert-ner.ron"));
    // Step 1 done: the layer has its decisions, nothing else changed.
    let (_a, dir) = format_1_copy();
    std::fs::write(dir.join(&sample_layer), &expected[&sample_layer]).unwrap();
    drop(open_as(&dir, "huda"));
    assert_eq!(files(&dir), expected);
    // Steps 1 and 2 done: only project.ron still says format 1.
    let (_b, dir) = format_1_copy();
    std::fs::write(dir.join(&sample_layer), &expected[&sample_layer]).unwrap();
    std::fs::write(dir.join(&suggestions), &expected[&suggestions]).unwrap();
    drop(open_as(&dir, "huda"));
    assert_eq!(files(&dir), expected);
}

/// The migration writes other coders' layers, so it waits for nobody: with `sample` working in the project
/// (their lock held), it refuses to run and changes nothing.
#[test]
fn the_migration_does_not_write_a_layer_whose_coder_has_the_project_open() {
    let (_tmp, dir) = format_1_copy();
    let before = files(&dir);
    let lock = AnnotatorLock::acquire(&dir, &Annotator::parse("sample").unwrap()).unwrap();
    let opened = tarmeez::store::Project::open(
        &dir,
        tarmeez::store::OpenOptions { annotator: Annotator::parse("huda").unwrap(), read_only: false },
    );
    let Err(err) = opened else { panic!("opened while sample's lock is held") };
    assert!(err.to_string().contains("sample"), "the message names the coder: {err}");
    assert_eq!(files(&dir), before);
    drop(lock);
    drop(open_as(&dir, "huda"));
    assert_eq!(files(&dir), committed_sample());
}

/// A format-1 decision with no reviewer (a hand-edited file) is kept under the coder `unattributed` rather
/// than lost or given to somebody.
#[test]
fn a_decision_without_a_reviewer_is_kept_for_nobody_in_particular() {
    let (_tmp, dir) = format_1_copy();
    common::edit_file(
        &suggestion_file(&dir),
        "score: Some(0.83),\n      status: Pending,",
        "score: Some(0.83),\n      status: Rejected,",
    );
    drop(open_as(&dir, "huda"));
    let rel = dir.join(format!("annotations/{SAMPLE_DOC}/unattributed.ron"));
    let layer: tarmeez::model::Layer = ron::from_str(&std::fs::read_to_string(rel).unwrap()).unwrap();
    let camel = SourceName::parse("camelbert-ner").unwrap();
    assert_eq!(layer.review_status(&camel, SuggestionId(2)), ReviewStatus::Rejected);
    let out = validate(&dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}
