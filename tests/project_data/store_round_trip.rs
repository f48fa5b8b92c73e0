//! Loading and saving a project keeps every byte; saves are atomic; edits reach only their own file.

use crate::common;
use common::*;
use tarmeez::model::*;
use tarmeez::store::{Access, StoreError};

#[test]
fn a_project_with_every_kind_of_object_survives_load_and_save_byte_identical() {
    let (_tmp, dir) = sample_copy();
    let original = files(&dir);
    let mut p = open_as(&dir, "tester");
    p.load_all();
    assert_eq!(p.problems().count(), 0);
    let written = p.save_all().unwrap();
    let (actors, places) = (p.actors().actors.len(), p.places().places.len());
    assert!(places > 0, "the sample's places are written too");
    assert_eq!(written, 4 + actors + places, "config, one file per actor and per place, metadata, layer, suggestions");
    let first = files(&dir);
    drop(p);
    let mut p = open_as(&dir, "tester");
    p.load_all();
    p.save_all().unwrap();
    let second = files(&dir);
    assert_eq!(first, second, "second save is byte-identical to the first");
    assert_eq!(first, original, "and to the files as committed");
}

#[test]
fn opening_reads_metadata_only_and_documents_load_on_demand() {
    let (_tmp, dir) = sample_copy();
    let p = open_read_only(&dir);
    let id = DocId::parse(SAMPLE_DOC).unwrap();
    assert!(p.document(&id).unwrap().meta.is_some());
    assert!(p.document(&id).unwrap().loaded().is_none(), "nothing but metadata is read on open");
    let doc = p.load_document(&id).unwrap();
    assert_eq!(doc.layers.len(), 1);
    assert_eq!(doc.text.len_chars(), p.document(&id).unwrap().meta.as_ref().unwrap().chars);
}

#[test]
fn an_edit_rewrites_only_the_editors_layer_file() {
    let (_tmp, dir) = sample_copy();
    let before = files(&dir);
    let mut p = open_as(&dir, "huda");
    let id = DocId::parse(SAMPLE_DOC).unwrap();
    let layer = p.layer_mut(&id).unwrap();
    layer.mentions.insert(
        MentionId(1),
        Mention { actor: Some("iran-backed-militias".into()), ..Mention::new(Span::new(0, 8), "ACTOR") },
    );
    assert!(p.has_unsaved_changes());
    assert_eq!(p.save_dirty().unwrap(), 1);
    assert!(!p.has_unsaved_changes());
    let after = files(&dir);
    let changed: Vec<_> = after.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    assert_eq!(changed, vec![&std::path::PathBuf::from(format!("annotations/{SAMPLE_DOC}/huda.ron"))]);
    drop(p);
    let p = open_read_only(&dir);
    let doc = p.load_document(&id).unwrap();
    assert_eq!(doc.layers[&Annotator::parse("huda").unwrap()].mentions.len(), 1);
    assert_eq!(doc.text.slice(Span::new(0, 8)), Some("ميليشيات"));
}

#[test]
fn a_save_that_fails_after_the_temp_file_was_written_leaves_the_previous_file_intact() {
    let (_tmp, dir) = sample_copy();
    let layer_file = dir.join(format!("annotations/{SAMPLE_DOC}/sample.ron"));
    let before = std::fs::read(&layer_file).unwrap();
    let err = tarmeez::store::atomic::write_atomic_with(&layer_file, b"(status: Done)", |tmp| {
        assert_eq!(std::fs::read(tmp).unwrap(), b"(status: Done)");
        Err(std::io::Error::other("power cut"))
    });
    assert!(err.is_err());
    assert_eq!(std::fs::read(&layer_file).unwrap(), before);
    let leftovers: Vec<_> =
        std::fs::read_dir(layer_file.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers.len(), 1, "the temp file is gone: {leftovers:?}");
    let p = open_read_only(&dir);
    p.load_all();
    assert_eq!(p.problems().count(), 0, "the project still loads cleanly");
}

#[test]
fn a_second_session_for_the_same_annotator_is_read_only_and_says_why() {
    let (_tmp, dir) = sample_copy();
    let first = open_as(&dir, "huda");
    assert_eq!(first.access(), &Access::ReadWrite);
    let mut second = open_as(&dir, "huda");
    let Access::ReadOnly(why) = second.access().clone() else { panic!("second session must be read-only") };
    assert!(why.contains("huda") && why.contains("already editing"), "{why}");
    let id = DocId::parse(SAMPLE_DOC).unwrap();
    second.layer_mut(&id).unwrap().status = DocStatus::Done;
    assert!(matches!(second.save_dirty(), Err(StoreError::ReadOnly(_))));
    let other = open_as(&dir, "omar");
    assert_eq!(other.access(), &Access::ReadWrite, "another annotator edits their own layer");
    drop(first);
    assert_eq!(open_as(&dir, "huda").access(), &Access::ReadWrite, "the lock goes with its session");
}

#[test]
fn imported_names_cannot_place_files_outside_the_project() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let mut p =
        tarmeez::store::Project::create(&dir, "t", default_conflict_schema(), Annotator::parse("a").unwrap()).unwrap();
    let id = p.add_document("../../../etc/evil", "نص".into(), DocumentMeta::default()).unwrap();
    assert_eq!(id.as_str(), "etc-evil");
    assert!(dir.join("documents/etc-evil.txt").is_file());
    let again = p.add_document("../../../etc/evil", "نص آخر".into(), DocumentMeta::default()).unwrap();
    assert_eq!(again.as_str(), "etc-evil-2", "a taken id gets a suffix");
    assert!(!tmp.path().join("etc").exists());
}

#[test]
fn a_project_from_a_newer_tarmeez_is_refused_with_a_message() {
    let (_tmp, dir) = sample_copy();
    edit_file(&dir.join("project.ron"), "format_version: 2", "format_version: 7");
    let err = tarmeez::store::Project::open(
        &dir,
        tarmeez::store::OpenOptions { annotator: Annotator::parse("a").unwrap(), read_only: true },
    )
    .unwrap_err();
    assert!(err.to_string().contains("newer Tarmeez"), "{err}");
}

#[test]
fn new_creates_an_empty_project_that_validates() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("fresh");
    tarmeez::store::Project::create(&dir, "Fresh", default_conflict_schema(), Annotator::parse("a").unwrap()).unwrap();
    let p = open_read_only(&dir);
    p.load_all();
    assert_eq!(p.documents().len(), 0);
    assert_eq!(p.problems().count(), 0);
    assert_eq!(p.config().schema, default_conflict_schema());
    assert!(
        tarmeez::store::Project::create(&dir, "Again", default_conflict_schema(), Annotator::parse("a").unwrap())
            .is_err(),
        "never over an existing project"
    );
}
