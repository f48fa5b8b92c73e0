//! The window as a user drives it, headless with egui_kittest: the real app on real project files.

use crate::common;
use common::*;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tarmeez::model::*;
use tarmeez::store::Project;
use tarmeez::ui::TarmeezApp;

fn harness(app: TarmeezApp) -> Harness<'static, TarmeezApp> {
    common::window(app)
}

/// A project of three short documents, the middle one with a corrupted layer file.
fn three_documents() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let mut p = Project::create(&dir, "Three", default_conflict_schema(), Annotator::parse("huda").unwrap()).unwrap();
    for (i, text) in ["قصفت الميليشيات القاعدة", "هددت الجماعة المسلحة", "انسحبت القوات من المدينة"].iter().enumerate()
    {
        let id = p.add_document(&format!("doc{i}"), (*text).to_owned(), DocumentMeta::default()).unwrap();
        p.layer_mut(&id).unwrap().status = DocStatus::InProgress;
    }
    p.save_dirty().unwrap();
    std::fs::write(dir.join("annotations/doc1/huda.ron"), "(status: ").unwrap();
    (tmp, dir)
}

/// How often a document's id appears alone: as the heading when the document is selected (list rows add the
/// coder's progress).
fn shown(h: &Harness<'_, TarmeezApp>, id: &str) -> usize {
    h.query_all_by_label(id).count()
}

fn article_text(h: &Harness<'_, TarmeezApp>) -> String {
    h.get_by_role(eframe::egui::accesskit::Role::Document).value().unwrap_or_default()
}

#[test]
fn the_sample_opens_with_its_document_selected_and_shown() {
    let (_tmp, dir) = sample_copy();
    let project = open_as(&dir, "kittest-reader");
    let title = project.documents()[0].title().to_owned();
    let mut h = harness(TarmeezApp::new(Some(project), None));
    h.get_by_label_contains("al-Omar oil field (sample) · 1 documents");
    h.get_by_label("Annotator: kittest-reader");
    h.get_by_label(&title);
    h.get_by_label(&format!("{title} · new, 0 mentions, 0 events"));
    let article = h.get_by_role(eframe::egui::accesskit::Role::Document);
    assert!(article.value().unwrap().starts_with(&title), "the article view shows the text");
    // A coder codes independently: their own (empty) layer is shown, with the machine's suggestions.
    assert!(h.query_by_label("ACTOR: مليشيا أبو الفضل العباس").is_none());
    h.get_by_label("LOCATION 0.95: مدينة البوكمال");
    // Another coder's layer is shown on request.
    h.get_by_label("layer").click();
    h.run();
    h.get_by_label_contains("sample: 24 mentions").click();
    h.run();
    assert_eq!(h.get_all_by_label("ACTOR: مليشيا أبو الفضل العباس").count(), 2, "mentions m2 and m12");
    h.get_by_label("ATTACK: قصفت");
    h.get_by_label("LOCATION 0.95: مدينة البوكمال");
    h.get_by_label("No problems found");
}

#[test]
fn a_broken_document_is_flagged_and_the_keyboard_moves_through_the_list() {
    let (_tmp, dir) = three_documents();
    let project = open_as(&dir, "huda");
    let mut h = harness(TarmeezApp::new(Some(project), None));
    assert_eq!((shown(&h, "doc0"), shown(&h, "doc2")), (1, 0), "the first document is selected");
    assert_eq!(article_text(&h), "قصفت الميليشيات القاعدة");

    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    h.get_by_label_contains("This document has problems");
    h.get_by_label_contains("annotations/doc1/huda.ron:1:");
    h.get_by_label("! doc1 · layer unreadable");
    h.get_by_label("1 problem");

    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    assert_eq!((shown(&h, "doc0"), shown(&h, "doc2")), (0, 1), "the third document is selected");
    assert_eq!(article_text(&h), "انسحبت القوات من المدينة");
    assert!(h.query_by_label_contains("This document has problems").is_none());

    h.get_by_label("doc0 · in progress, 0 mentions, 0 events").click();
    h.run();
    assert_eq!((shown(&h, "doc0"), shown(&h, "doc2")), (1, 0), "a click selects");
}

#[test]
fn the_problems_window_lists_file_and_line() {
    let (_tmp, dir) = three_documents();
    let project = open_as(&dir, "huda");
    let mut h = harness(TarmeezApp::new(Some(project), None));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Validate project").click();
    h.run();
    h.get_by_label("annotations/doc1/huda.ron:1:9");
    h.get_by_label("Unexpected end of RON");
}

#[test]
fn a_second_window_for_the_same_annotator_says_it_is_read_only() {
    let (_tmp, dir) = three_documents();
    let _first = open_as(&dir, "huda");
    let second = open_as(&dir, "huda");
    let h = harness(TarmeezApp::new(Some(second), None));
    h.get_by_label("Read-only");
    h.get_by_label_contains("This project is open read-only: huda is already editing this project");
}

#[test]
fn a_project_that_cannot_be_opened_shows_the_error_once() {
    let mut h = harness(TarmeezApp::new(None, Some("Could not open /nowhere: not a Tarmeez project".into())));
    h.get_by_label("Could not open /nowhere: not a Tarmeez project");
    h.get_by_label("No project is open");
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label_contains("Could not open").is_none());
    assert!(h.state().error().is_none());
}

/// Selects `phrase` of the selected document in the article view.
fn select_phrase(h: &mut Harness<'_, TarmeezApp>, phrase: &str) -> Span {
    let text = h.state().project().unwrap().documents()[0].text().unwrap().clone();
    let b = text.as_str().find(phrase).unwrap();
    let start = text.char_of_byte(b).unwrap();
    let span = Span::new(start, start + phrase.chars().count());
    h.state_mut().article_mut().unwrap().select(&text, span);
    h.run();
    span
}

#[test]
fn a_key_makes_the_selection_a_mention_and_undo_redo_and_autosave_follow() {
    let (_tmp, dir) = three_documents();
    let project = open_as(&dir, "huda");
    let mut h = harness(TarmeezApp::new(Some(project), None));
    let span = select_phrase(&mut h, "الميليشيات");
    h.key_press(Key::Num1);
    h.run();
    let layer_file = dir.join("annotations/doc0/huda.ron");
    let mentions = |h: &Harness<'_, TarmeezApp>| {
        let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
        doc.layers[&Annotator::parse("huda").unwrap()].mentions.clone()
    };
    assert_eq!(mentions(&h).len(), 1);
    assert_eq!(mentions(&h)[&MentionId(1)].span, span);
    assert_eq!(mentions(&h)[&MentionId(1)].entity_type.as_str(), "ACTOR");
    h.get_by_label("ACTOR: الميليشيات");
    h.get_by_label("Saving…");

    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Saved");
    let saved = std::fs::read_to_string(&layer_file).unwrap();
    assert!(saved.contains("\"m1\": (\n      span: (start: 5, end: 15),\n      type: \"ACTOR\",\n    ),"), "{saved}");
    assert!(saved.contains("status: InProgress"), "{saved}");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(mentions(&h).is_empty(), "undo removes it");
    assert!(h.query_by_label("ACTOR: الميليشيات").is_none());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(mentions(&h).len(), 1, "redo brings it back");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(mentions(&h).len(), 1, "Ctrl+Y redoes too");

    // Delete removes the selected mention; the autosave writes it within a second.
    h.key_press(Key::Delete);
    h.run();
    assert!(mentions(&h).is_empty());
    std::thread::sleep(std::time::Duration::from_millis(1100));
    h.run();
    h.get_by_label("Saved");
    let saved = std::fs::read_to_string(&layer_file).unwrap();
    assert!(!saved.contains("\"m1\""), "{saved}");
}

#[test]
fn the_list_shows_each_documents_progress_and_a_key_goes_to_the_next_unfinished_one() {
    let (_tmp, dir) = three_documents();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    h.get_by_label("doc0 · in progress, 0 mentions, 0 events");
    h.get_by_label("doc1 · layer unreadable");
    h.get_by_label("doc2 · in progress, 0 mentions, 0 events");
    // Ctrl+D marks the shown document done; the list says so at once.
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    h.get_by_label("doc0 · done, 0 mentions, 0 events");
    // Ctrl+J skips what is done (and the document whose layer cannot be read) and wraps around.
    h.key_press_modifiers(Modifiers::COMMAND, Key::J);
    h.run();
    assert_eq!(h.state().project().unwrap().documents()[2].id.as_str(), "doc2");
    h.get_by_label("doc2 · in progress, 0 mentions, 0 events");
    assert!(h.state().article().drawn_layout().is_some());
    let shown_doc = h.get_by_role(eframe::egui::accesskit::Role::Document).value().unwrap_or_default();
    assert!(shown_doc.starts_with("انسحبت"), "{shown_doc}");
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::J);
    h.run();
    h.get_by_label("Every other document is done.");
    // Undo takes the last "done" back.
    h.get_by_label("OK").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label("doc2 · in progress, 0 mentions, 0 events");
}

#[test]
fn the_coders_name_is_asked_once_remembered_and_names_their_layer() {
    let (_tmp, dir) = three_documents();
    let settings_dir = tempfile::tempdir().unwrap();
    let settings = settings_dir.path().join("settings.ron");
    let dialog = tarmeez::ui::windows::NameDialog::new(dir.clone(), Some(settings.clone()), "login-name");
    let mut h = harness(TarmeezApp::asking_name(dialog));
    h.get_by_label("Who is coding?");
    assert!(h.state().project().is_none(), "nothing is opened before the name is known");
    h.get_by_label("Your name").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Your name").type_text("Huda Ali");
    h.run();
    h.get_by_label("Your layer: annotations/<document>/huda-ali.ron");
    h.get_by_label("Start coding").click();
    h.run();
    assert_eq!(h.state().project().unwrap().annotator().as_str(), "huda-ali");
    let remembered = tarmeez::settings::Settings::load(&settings).unwrap();
    assert_eq!(remembered.annotator.unwrap().as_str(), "huda-ali");
    // The name goes to the coder's own layer file.
    let text = h.state().project().unwrap().documents()[0].text().unwrap().clone();
    h.state_mut().article_mut().unwrap().select(&text, Span::new(0, 4));
    h.run();
    h.key_press(Key::Num1);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(dir.join("annotations/doc0/huda-ali.ron").is_file());
}

#[test]
fn reopening_the_open_project_keeps_it_writable() {
    let (_tmp, dir) = three_documents();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    h.state_mut().open_project(dir.clone());
    h.run();
    assert_eq!(h.state().project().unwrap().access(), &tarmeez::store::Access::ReadWrite);
    assert!(h.state().error().is_none(), "{:?}", h.state().error());
}
