//! What others change on disk while a project is open (a pull, another coder on a shared folder, a
//! command-line import) is taken in by `Project::refresh`, without losing unsaved work here.

use crate::common;

use common::{SAMPLE_DOC, open_as, sample_copy};
use tarmeez::model::{Annotator, DocId, Edit, Mention, MentionId, ProjectEdit, Span};

fn doc() -> DocId {
    DocId::parse(SAMPLE_DOC).unwrap()
}

/// `who` marks 0..5 of the sample as a LOCATION in their own layer, and saves.
fn mark_elsewhere(dir: &std::path::Path, who: &str, span: Span) {
    let mut other = open_as(dir, who);
    other.load_document(&doc()).unwrap();
    let id = other
        .load_document(&doc())
        .unwrap()
        .layers
        .get(other.annotator())
        .map_or(MentionId(1), |l| l.next_mention_id());
    other.apply(&doc(), Edit::PutMention(id, Some(Mention::new(span, "LOCATION")))).unwrap();
    other.save_dirty().unwrap();
}

#[test]
fn another_coder_s_saved_layer_is_loaded_and_an_own_save_reloads_nothing() {
    let (_tmp, dir) = sample_copy();
    let mut window = open_as(&dir, "sample");
    window.load_document(&doc()).unwrap();
    assert!(window.refresh().is_empty(), "nothing changed yet");
    let generation = window.generation();

    mark_elsewhere(&dir, "huda", Span::new(0, 5));
    let got = window.refresh();
    assert_eq!(got.reloaded, [doc()], "{got:?}");
    assert!(!got.history_cleared, "only huda's file changed: the undo history stays");
    assert!(window.generation() > generation, "the views rebuild");
    let huda = Annotator::parse("huda").unwrap();
    assert_eq!(window.document(&doc()).unwrap().loaded().unwrap().layers[&huda].mentions.len(), 1);

    // The window's own edit and save: the disk holds what the window wrote, nothing to reload.
    let next = window.load_document(&doc()).unwrap().layers[window.annotator()].next_mention_id();
    window.apply(&doc(), Edit::PutMention(next, Some(Mention::new(Span::new(7, 12), "ACTOR")))).unwrap();
    window.save_dirty().unwrap();
    assert!(window.refresh().is_empty());
    assert!(window.can_undo(), "the edit is still undoable");
}

#[test]
fn a_document_with_unsaved_changes_is_left_as_it_is_until_saved() {
    let (_tmp, dir) = sample_copy();
    let mut window = open_as(&dir, "huda");
    window.load_document(&doc()).unwrap();
    window.apply(&doc(), Edit::PutMention(MentionId(1), Some(Mention::new(Span::new(7, 12), "ACTOR")))).unwrap();
    mark_elsewhere(&dir, "layla", Span::new(0, 5));

    let got = window.refresh();
    assert_eq!(got.kept_unsaved, [doc()], "{got:?}");
    assert!(got.describe().contains("your unsaved changes there are kept"), "{}", got.describe());
    let loaded = window.document(&doc()).unwrap().loaded().unwrap();
    assert!(loaded.layers[window.annotator()].mentions.contains_key(&MentionId(1)), "the unsaved mention is there");

    window.save_dirty().unwrap();
    let got = window.refresh();
    assert_eq!(got.reloaded, [doc()], "once saved, the other coder's layer comes in: {got:?}");
    let loaded = window.document(&doc()).unwrap().loaded().unwrap();
    assert!(loaded.layers.contains_key(&Annotator::parse("layla").unwrap()));
    assert!(loaded.layers[window.annotator()].mentions.contains_key(&MentionId(1)), "and the saved mention stays");
}

#[test]
fn documents_imported_elsewhere_appear_and_a_schema_change_is_read_again() {
    let (tmp, dir) = sample_copy();
    let mut window = open_as(&dir, "huda");
    let file = tmp.path().join("new-article.txt");
    std::fs::write(&file, "قصفت طائرات مسيرة موقعا قرب الميادين\n").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tarmeez"))
        .args(["import-text", dir.to_str().unwrap(), file.to_str().unwrap()])
        .env("TARMEEZ_ANNOTATOR", "importer")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let got = window.refresh();
    assert_eq!(got.added.len(), 1, "{got:?}");
    assert!(window.document(&got.added[0]).is_some(), "the new document is found by its id (the list stays sorted)");
    assert_eq!(window.documents().len(), 2);

    let mut other = open_as(&dir, "layla");
    let mut schema = other.config().schema.clone();
    schema.entity_types[0].name = "Actor (renamed by layla)".into();
    other.apply_edit(ProjectEdit::SetSchema(Box::new(schema.clone()))).unwrap();
    other.save_dirty().unwrap();
    let got = window.refresh();
    assert!(got.config && got.history_cleared, "{got:?}");
    assert_eq!(window.config().schema, schema);
}
