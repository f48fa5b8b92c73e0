//! Asking a model server from the window and the library: answers become suggestions, failures change
//! nothing, and the window keeps drawing while a request is pending.

mod common;

use common::loopback::{Loopback, Reply};
use egui_kittest::kittest::Queryable as _;
use serde_json::json;
use std::sync::Arc;
use tarmeez::model::{DocId, ModelServer, ProjectEdit, ServerKind, SourceConfig, SourceName};
use tarmeez::models::{self, DocRequest};
use tarmeez::workflow::model_suggestions::{AnswerPlan, plan_answer};

fn tarmeez_source(url: &str) -> SourceConfig {
    SourceConfig { server: Some(ModelServer::new(ServerKind::Tarmeez, url)), ..SourceConfig::default() }
}

#[test]
fn a_tarmeez_answer_becomes_suggestions_of_the_document_asked_about() {
    let (_dir, root) = common::sample_copy();
    let mut project = common::open_as(&root, "huda");
    let doc = DocId::parse(common::SAMPLE_DOC).unwrap();
    let text: Arc<str> = project.load_document(&doc).unwrap().text.as_str().into();
    let start = text.find("حقل العمر").map(|b| text[..b].chars().count()).unwrap();
    let server = Loopback::start(move |_| {
        Reply::ok(
            json!({"model": "gaz", "version": "1", "mentions": [{"start": start, "end": start + 4, "label": "LOCATION"}]}),
        )
    });
    let source = SourceName::parse("gaz").unwrap();
    let predictor = models::connect(&source, &tarmeez_source(&server.url), &project.config().schema).unwrap();
    let parsed = predictor.predict(&DocRequest { id: doc.clone(), text: text.clone() }).unwrap();
    let AnswerPlan::Import(Some(edit), report) = plan_answer(&project, &source, &doc, parsed) else { panic!() };
    assert_eq!(report.imported(), 1);
    project.apply_edit(*edit).unwrap();
    let set = &project.document(&doc).unwrap().loaded().unwrap().suggestions[&source];
    assert_eq!(set.source.model, "gaz 1");
    let sent = server.requests()[0].json();
    assert_eq!(sent["document"]["text"].as_str(), Some(&*text));
    assert_eq!(sent["protocol"], "tarmeez-1");
}

/// The sample project opened as huda in the window, with a Tarmeez-protocol source `gaz` at `url`.
fn window_with_source(root: &std::path::Path, url: &str) -> egui_kittest::Harness<'static, tarmeez::ui::TarmeezApp> {
    let mut project = common::open_as(root, "huda");
    let source = SourceName::parse("gaz").unwrap();
    project.apply_edit(ProjectEdit::SetSource(source, Some(tarmeez_source(url)))).unwrap();
    project.save_dirty().unwrap();
    common::window(tarmeez::ui::TarmeezApp::new(Some(project), None))
}

/// A mention of LOCATION on «حقل العمر» in the sample's text, as the Tarmeez protocol answers it.
fn oilfield_answer(text: &str) -> serde_json::Value {
    let start = text.find("حقل العمر").map(|b| text[..b].chars().count()).unwrap();
    json!({"model": "gaz", "mentions": [{"start": start, "end": start + 9, "label": "LOCATION", "text": "حقل العمر"}]})
}

fn sample_text() -> String {
    let project = common::open_read_only(&common::sample_dir());
    let doc = DocId::parse(common::SAMPLE_DOC).unwrap();
    project.load_document(&doc).unwrap().text.as_str().to_owned()
}

fn gaz_suggestions(h: &egui_kittest::Harness<'static, tarmeez::ui::TarmeezApp>) -> usize {
    let project = h.state().project().unwrap();
    let doc = DocId::parse(common::SAMPLE_DOC).unwrap();
    let loaded = project.document(&doc).unwrap().loaded().unwrap();
    loaded.suggestions.get(&SourceName::parse("gaz").unwrap()).map_or(0, |s| s.suggestions.len())
}

#[test]
fn frames_keep_drawing_while_a_ten_second_request_is_pending_and_cancel_drops_its_answer() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let text = sample_text();
    let answered = Arc::new(AtomicBool::new(false));
    let flag = answered.clone();
    let answer = oilfield_answer(&text);
    let server = Loopback::start(move |_| {
        std::thread::sleep(std::time::Duration::from_secs(10));
        flag.store(true, Ordering::SeqCst);
        Reply::ok(answer.clone())
    });
    let (_dir, root) = common::sample_copy();
    let mut h = window_with_source(&root, &server.url);
    // Ctrl+M asks the Model menu's source about the shown document. The status bar's spinner repaints for as
    // long as the request is pending, so the window is stepped frame by frame rather than run to rest.
    h.key_press_modifiers(eframe::egui::Modifiers::COMMAND, eframe::egui::Key::M);
    // Every frame returns at once: 30 of them are drawn before the server answers (a frame that waited on
    // the network would take the whole ten seconds, and the answer would be in).
    let mut frames = 0;
    while frames < 30 {
        h.step();
        frames += 1;
    }
    assert!(!answered.load(Ordering::SeqCst), "the server answered before 30 frames were drawn");
    assert_eq!(server.requests().len(), 1, "the request went out");
    h.get_by_label_contains("Asking gaz: 0 of 1");
    h.get_by_label("Cancel").click();
    h.step();
    h.step();
    assert!(h.query_by_label_contains("Asking gaz").is_none(), "the status bar no longer says it asks");
    assert_eq!(gaz_suggestions(&h), 0, "nothing is imported after a cancel");
}

#[test]
fn model_ask_turns_the_answer_into_suggestions_and_a_failing_server_says_why_and_adds_nothing() {
    let text = sample_text();
    let answer = oilfield_answer(&text);
    let server = Loopback::start(move |_| Reply::ok(answer.clone()));
    let (_dir, root) = common::sample_copy();
    let mut h = window_with_source(&root, &server.url);
    h.get_by_label("Model").click();
    h.run();
    h.get_by_label("Model sources…").click();
    h.run();
    h.get_by_label("Ask about 1 document").click();
    for _ in 0..100 {
        h.step();
        if gaz_suggestions(&h) > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.step();
    assert_eq!(gaz_suggestions(&h), 1);
    h.get_by_label_contains(&format!("{}: 1 suggestion(s)", common::SAMPLE_DOC));
    h.get_by_label_contains("gaz answered: 1 suggestion(s) added, 0 document(s) failed");

    // The same source, now failing: the document's line says why; nothing changes.
    let broken = Loopback::start(|_| Reply::Json(500, "model not loaded".into()));
    let mut project_edit = None;
    if let Some(project) = h.state().project() {
        let mut config = project.config().sources[&SourceName::parse("gaz").unwrap()].clone();
        config.server.as_mut().unwrap().url = broken.url.clone();
        project_edit = Some(ProjectEdit::SetSource(SourceName::parse("gaz").unwrap(), Some(config)));
    }
    h.state_mut().session_mut().unwrap().project_edit(project_edit.unwrap(), &mut Vec::new());
    h.step();
    h.get_by_label("Ask about 1 document").click();
    for _ in 0..100 {
        h.step();
        if h.query_by_label_contains("answered 500").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.get_by_label_contains("answered 500: model not loaded");
    assert_eq!(gaz_suggestions(&h), 1, "the failed answer added nothing");
}

#[test]
fn a_decision_on_a_suggestion_goes_back_to_a_server_that_takes_feedback() {
    let text = sample_text();
    let answer = oilfield_answer(&text);
    let server =
        Loopback::start(move |r| if r.path == "/feedback" { Reply::ok(json!({})) } else { Reply::ok(answer.clone()) });
    let (_dir, root) = common::sample_copy();
    let mut project = common::open_as(&root, "huda");
    let source = SourceName::parse("gaz").unwrap();
    let mut config = tarmeez_source(&server.url);
    config.server.as_mut().unwrap().feedback = true;
    project.apply_edit(ProjectEdit::SetSource(source.clone(), Some(config.clone()))).unwrap();
    let doc = DocId::parse(common::SAMPLE_DOC).unwrap();
    let predictor = models::connect(&source, &config, &project.config().schema).unwrap();
    let parsed = predictor.predict(&DocRequest { id: doc.clone(), text: text.clone().into() }).unwrap();
    let AnswerPlan::Import(Some(edit), _) = plan_answer(&project, &source, &doc, parsed) else { panic!() };
    project.apply_edit(*edit).unwrap();
    project.save_dirty().unwrap();
    let mut h = common::window(tarmeez::ui::TarmeezApp::new(Some(project), None));
    // Tab brings the suggestion under review, Enter accepts it.
    common::press(&mut h, eframe::egui::Modifiers::NONE, eframe::egui::Key::Tab);
    common::press(&mut h, eframe::egui::Modifiers::NONE, eframe::egui::Key::Enter);
    let mut sent = None;
    for _ in 0..100 {
        h.step();
        sent = server.requests().into_iter().find(|r| r.path == "/feedback");
        if sent.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let sent = sent.expect("the decision was sent back").json();
    assert_eq!(sent["decision"], "accepted");
    assert_eq!(sent["coder"], "huda");
    assert_eq!(sent["suggestion"]["label"], "LOCATION");
    let start = sent["result"]["start"].as_u64().unwrap() as usize;
    let end = sent["result"]["end"].as_u64().unwrap() as usize;
    assert_eq!(text.chars().skip(start).take(end - start).collect::<String>(), "حقل العمر");
}

#[test]
fn with_ask_on_open_a_document_is_asked_about_once_as_it_is_opened() {
    let text = sample_text();
    let answer = oilfield_answer(&text);
    let server = Loopback::start(move |_| Reply::ok(answer.clone()));
    let (_dir, root) = common::sample_copy();
    let mut h = window_with_source(&root, &server.url);
    let chosen = Some(SourceName::parse("gaz").unwrap());
    h.state_mut().session_mut().unwrap().set_asking(chosen, true);
    for _ in 0..100 {
        h.step();
        if gaz_suggestions(&h) > 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(gaz_suggestions(&h), 1, "the shown document was asked about");
    // Shown again (another document, then back): it has the source's suggestions, so it is not asked again.
    let doc = DocId::parse(common::SAMPLE_DOC).unwrap();
    h.state_mut().session_mut().unwrap().show_document(None);
    h.step();
    h.state_mut().session_mut().unwrap().show_document(Some(doc));
    for _ in 0..10 {
        h.step();
    }
    assert_eq!(server.requests().len(), 1);
}
