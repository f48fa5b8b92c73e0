//! Two writers on one project at once (DESIGN.md section 11): the window (a `Project` opened as a coder, as
//! the window opens it) and a command-line import (the real binary). Every writer takes the same lock for
//! what it writes and never saves a stale copy over a file another wrote: suggestion files merge (an import
//! adds, a review decides), anything else is refused and left as the other writer left it.

use crate::common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use tarmeez::model::*;
use tarmeez::store::StoreError;

const SOURCE: &str = "camelbert-ner";

/// The sample's suggestions of `SOURCE` on disk now, by id: (start, end, the coder `sample`'s decision).
fn on_disk(dir: &Path, doc: &str) -> Vec<(SuggestionId, usize, usize, ReviewStatus)> {
    let p = open_read_only(dir);
    let loaded = p.load_document(&DocId::parse(doc).unwrap()).unwrap();
    let sample = Annotator::parse("sample").unwrap();
    let source = SourceName::parse(SOURCE).unwrap();
    let set = loaded.suggestions.get(&SourceName::parse(SOURCE).unwrap()).cloned().unwrap_or_else(|| SuggestionSet {
        source: SourceInfo { model: String::new(), version: String::new(), imported_at: String::new() },
        suggestions: Default::default(),
    });
    let status = |id: SuggestionId| tarmeez::workflow::review::status_for(loaded, &sample, &source, id);
    set.suggestions.iter().map(|(id, s)| (*id, s.span.start, s.span.end, status(*id))).collect()
}

/// A Hugging Face JSON-lines file proposing, in the sample document, `حقل العمر` at 379..388 (new), and one
/// LOC in each of `short` documents.
fn suggestion_file(dir: &Path, short: &[(String, usize, usize)]) -> PathBuf {
    let mut lines = vec![format!(
        r#"{{"doc_id": "{SAMPLE_DOC}", "entities": [{{"entity_group": "LOC", "score": 0.96, "word": "حقل العمر", "start": 379, "end": 388}}]}}"#
    )];
    for (doc, start, end) in short {
        lines.push(format!(
            r#"{{"doc_id": "{doc}", "entities": [{{"entity_group": "LOC", "score": 0.9, "word": "الميادين", "start": {start}, "end": {end}}}]}}"#
        ));
    }
    let path = dir.parent().unwrap().join("suggestions.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

fn import_command(dir: &Path, file: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tarmeez"));
    command
        .args(["import-suggestions", dir.to_str().unwrap(), file.to_str().unwrap()])
        .args(["--source", SOURCE, "--format", "hf", "--map", "LOC=LOCATION"])
        .env("TARMEEZ_ANNOTATOR", "annotator");
    command
}

/// The window's review decision on one suggestion, as the review queue makes it.
fn reject(p: &mut tarmeez::store::Project, id: SuggestionId) {
    let (doc, source) = (DocId::parse(SAMPLE_DOC).unwrap(), SourceName::parse(SOURCE).unwrap());
    p.load_document(&doc).unwrap();
    let edit = tarmeez::workflow::review::reject(p, &doc, &source, id).unwrap();
    p.apply_edit(edit).unwrap();
}

fn pending(dir: &Path) -> Vec<SuggestionId> {
    on_disk(dir, SAMPLE_DOC).into_iter().filter(|s| s.3 == ReviewStatus::Pending).map(|s| s.0).collect()
}

/// The finding: the window read the suggestion file, an import added to it, the window's review then saved
/// its stale copy over the import (396 suggestions gone, `validate` clean). Now both survive.
#[test]
fn a_review_in_the_window_does_not_undo_an_import_made_meanwhile() {
    let (_tmp, dir) = sample_copy();
    let mut window = open_as(&dir, "sample");
    let first_pending = pending(&dir)[0];
    window.load_document(&DocId::parse(SAMPLE_DOC).unwrap()).unwrap();
    let before = on_disk(&dir, SAMPLE_DOC);

    let out = import_command(&dir, &suggestion_file(&dir, &[])).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    assert_eq!(on_disk(&dir, SAMPLE_DOC).len(), before.len() + 1, "the import added one suggestion");

    reject(&mut window, first_pending);
    window.save_dirty().unwrap();
    let after = on_disk(&dir, SAMPLE_DOC);
    assert_eq!(after.len(), before.len() + 1, "the import's suggestion is still there: {after:?}");
    assert!(after.iter().any(|s| (s.1, s.2) == (379, 388)));
    assert!(after.iter().any(|s| s.0 == first_pending && s.3 == ReviewStatus::Rejected), "and the review too");
}

/// Two coders deciding the same suggestion differently at once: each decision goes to its coder's own layer,
/// the shared suggestion file is not written, and both are kept.
#[test]
fn two_coders_deciding_one_suggestion_differently_both_keep_their_decision() {
    let (_tmp, dir) = sample_copy();
    let id = pending(&dir)[0];
    let suggestion_file = dir.join(format!("suggestions/{SAMPLE_DOC}/{SOURCE}.ron"));
    let shared = std::fs::read(&suggestion_file).unwrap();
    let mut window = open_as(&dir, "sample");
    window.load_document(&DocId::parse(SAMPLE_DOC).unwrap()).unwrap();
    let mut other = open_as(&dir, "huda");
    let (doc, source) = (DocId::parse(SAMPLE_DOC).unwrap(), SourceName::parse(SOURCE).unwrap());
    other.load_document(&doc).unwrap();
    let accept = tarmeez::workflow::review::accept(&other, &doc, &source, id, None, None).unwrap();
    other.apply_edit(accept).unwrap();
    other.save_dirty().unwrap();

    reject(&mut window, id);
    window.save_dirty().unwrap();
    assert_eq!(std::fs::read(&suggestion_file).unwrap(), shared, "nobody's review writes the shared file");
    let p = open_read_only(&dir);
    let loaded = p.load_document(&doc).unwrap();
    let decided =
        |coder: &str| tarmeez::workflow::review::status_for(loaded, &Annotator::parse(coder).unwrap(), &source, id);
    assert_eq!((decided("sample"), decided("huda")), (ReviewStatus::Rejected, ReviewStatus::Accepted));
}

/// The schema is not merged: a window's schema edit over a mapping an import saved meanwhile is refused, and
/// the window's version is saved beside project.ron rather than lost.
#[test]
fn a_stale_project_file_is_not_saved_over_an_import_s_mapping() {
    let (_tmp, dir) = sample_copy();
    let mut window = open_as(&dir, "sample");
    let out = import_command(&dir, &suggestion_file(&dir, &[])).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
    let saved = files(&dir);
    let mut schema = window.config().schema.clone();
    schema.entity_types[0].name = "Actor (renamed)".into();
    window.apply_edit(ProjectEdit::SetSchema(Box::new(schema))).unwrap();
    let err = window.save_dirty().unwrap_err();
    let StoreError::SchemaConflict { ours } = &err else { panic!("{err}") };
    let mut after = files(&dir);
    let kept = after.remove(ours).expect("the window's version is beside project.ron");
    assert!(String::from_utf8(kept).unwrap().contains("Actor (renamed)"));
    assert_eq!(after, saved, "everything else is left as the import left it");
}

/// The window reviews suggestion after suggestion, saving each as the autosave does, while a command-line
/// import adds suggestions to the same document and to a hundred others. Afterwards every review and every
/// imported suggestion is on disk.
#[test]
fn the_window_and_a_command_line_import_at_once_lose_nothing() {
    let (_tmp, dir) = sample_copy();
    let mut setup = open_as(&dir, "setup");
    let short: Vec<(String, usize, usize)> = (0..100)
        .map(|i| {
            let text = format!("قصف على مدينة الميادين رقم {i}\n");
            let id = setup.add_document(&format!("short-{i:03}"), text, DocumentMeta::default()).unwrap();
            (id.to_string(), 14, 22)
        })
        .collect();
    drop(setup);
    let file = suggestion_file(&dir, &short);
    let to_review = pending(&dir);
    assert!(to_review.len() >= 3, "the sample has pending suggestions to review");

    let mut window = open_as(&dir, "sample");
    window.set_lock_patience(std::time::Duration::from_millis(250));
    window.load_document(&DocId::parse(SAMPLE_DOC).unwrap()).unwrap();
    let import = import_command(&dir, &file).stdout(std::process::Stdio::piped()).spawn().unwrap();
    for id in &to_review {
        reject(&mut window, *id);
        // The autosave retries a save that had to wait too long for the import's write.
        let mut tries = 0;
        while let Err(e) = window.save_dirty() {
            tries += 1;
            assert!(tries < 100 && matches!(e, StoreError::Lock(_)), "{e}");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::thread::sleep(std::time::Duration::from_millis(3));
    }
    let out = import.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));

    let after = on_disk(&dir, SAMPLE_DOC);
    for id in &to_review {
        assert!(after.iter().any(|s| s.0 == *id && s.3 == ReviewStatus::Rejected), "review of {id} kept: {after:?}");
    }
    assert!(after.iter().any(|s| (s.1, s.2) == (379, 388)), "the import's suggestion kept: {after:?}");
    for (doc, start, end) in &short {
        let there = on_disk(&dir, doc);
        assert_eq!(there.iter().map(|s| (s.1, s.2)).collect::<Vec<_>>(), [(*start, *end)], "{doc}");
    }
    let validate =
        Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(["validate", dir.to_str().unwrap()]).output().unwrap();
    assert!(validate.status.success(), "{}", String::from_utf8_lossy(&validate.stdout));
}
