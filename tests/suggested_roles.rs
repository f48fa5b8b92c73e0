//! Event suggestions with role fillers (issue 18, point 2): a Tarmeez-protocol file of the sample article's
//! attack with its attacker, target and time, planned by `tarmeez import-suggestions` (the fillers' spans as the
//! file gives them, a bad filler refusing its event with the role named); then reviewed in the window
//! (egui_kittest): Enter accepts the event with its fillers' mentions and arguments in one edit that Ctrl+Z
//! takes back whole, and a filler left out before accepting makes the decision "edited".

mod common;

use common::{SAMPLE_DOC, open_as, press, sample_copy};
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use tarmeez::model::{Annotator, DocId, Layer, ReviewStatus, SourceName, Span, SuggestionId, SuggestionSet};
use tarmeez::ui::TarmeezApp;

/// The sample's text.
fn text(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(format!("documents/{SAMPLE_DOC}.txt"))).unwrap()
}

/// The code point span of `phrase`, first found after `after`.
fn at(text: &str, phrase: &str, after: &str) -> Span {
    let from = text.find(after).unwrap();
    let b = from + text[from..].find(phrase).unwrap();
    let start = text[..b].chars().count();
    Span::new(start, start + phrase.chars().count())
}

/// The attack of «…العراقية التابعة للمليشيات الإيرانية، قصفت مساء أمس محيط قاعدة التحالف…»: trigger, then the
/// fillers (role as the model names it, phrase, label).
const TRIGGER: &str = "قصفت";
const AFTER: &str = "وقالت مصادر خاصة";
const FILLERS: [(&str, &str, &str); 3] = [
    ("attacker", "مليشيا أبو الفضل العباس العراقية", "militia"),
    ("TARGET", "محيط قاعدة التحالف الدولي", "LOCATION"),
    ("time", "مساء أمس", "TIME"),
];

/// A Tarmeez-protocol file for the sample: the attack with its fillers, and a second event whose filler has
/// a role an attack lacks.
fn protocol_file(dir: &Path) -> PathBuf {
    let text = text(dir);
    let trigger = at(&text, TRIGGER, AFTER);
    let roles: Vec<String> = FILLERS
        .iter()
        .map(|(role, phrase, label)| {
            let s = at(&text, phrase, AFTER);
            format!(
                r#"{{"role": "{role}", "start": {}, "end": {}, "label": "{label}", "text": "{phrase}"}}"#,
                s.start, s.end
            )
        })
        .collect();
    let other = at(&text, "قصفت", "وأضافت المصادر");
    let json = format!(
        r#"{{"document": {{"id": "{SAMPLE_DOC}"}}, "model": "events-ar", "version": "1",
  "events": [
    {{"start": {}, "end": {}, "label": "ATTACK", "score": 0.86, "text": "{TRIGGER}", "roles": [{}]}},
    {{"start": {}, "end": {}, "label": "ATTACK", "roles": [{{"role": "victim", "start": {}, "end": {}, "label": "LOCATION"}}]}}
  ]}}"#,
        trigger.start,
        trigger.end,
        roles.join(", "),
        other.start,
        other.end,
        trigger.start,
        trigger.end
    );
    let path = dir.parent().unwrap().join("events.json");
    std::fs::write(&path, json).unwrap();
    path
}

fn import(dir: &Path, file: &Path, extra: &[&str]) -> (Option<i32>, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tarmeez"))
        .args(["import-suggestions", dir.to_str().unwrap(), file.to_str().unwrap()])
        .args(["--format", "tarmeez", "--source", "events-ar", "--map", "militia=ACTOR"])
        .args(extra)
        .env("TARMEEZ_ANNOTATOR", "cli-test")
        .output()
        .unwrap();
    let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.code(), all)
}

fn source() -> SourceName {
    SourceName::parse("events-ar").unwrap()
}

/// The sample copy with the attack imported from the file (the other suggestions of the sample gone, so the
/// attack is the queue's only one).
fn imported() -> (tempfile::TempDir, PathBuf) {
    let (tmp, dir) = sample_copy();
    std::fs::remove_dir_all(dir.join("suggestions")).unwrap();
    let (code, out) = import(&dir, &protocol_file(&dir), &["--partial"]);
    assert_eq!(code, Some(1), "a refused item still says so: {out}");
    (tmp, dir)
}

#[test]
fn a_tarmeez_file_s_fillers_are_planned_on_the_arabic_text_and_a_bad_one_refuses_its_event() {
    let (_tmp, dir) = sample_copy();
    let file = protocol_file(&dir);
    let (code, out) = import(&dir, &file, &[]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("event 2: role 1 (victim): not a role of ATTACK"), "{out}");
    assert!(!dir.join(format!("suggestions/{SAMPLE_DOC}/events-ar.ron")).exists(), "nothing written: {out}");

    let (code, out) = import(&dir, &file, &["--partial"]);
    assert_eq!(code, Some(1), "{out}");
    let saved = std::fs::read_to_string(dir.join(format!("suggestions/{SAMPLE_DOC}/events-ar.ron"))).unwrap();
    let set: SuggestionSet = ron::from_str(&saved).unwrap();
    assert_eq!(set.suggestions.len(), 1, "{saved}");
    let s = set.suggestions.values().next().unwrap();
    let text = text(&dir);
    assert_eq!(s.span, at(&text, TRIGGER, AFTER));
    let got: Vec<(&str, Span, &str)> =
        s.roles.iter().map(|r| (r.role.as_str(), r.span, r.entity_type.as_str())).collect();
    let expected: Vec<(&str, Span, &str)> = [("Attacker", "ACTOR"), ("Target", "LOCATION"), ("Time", "TIME")]
        .iter()
        .zip(FILLERS)
        .map(|((role, ty), (_, phrase, _))| (*role, at(&text, phrase, AFTER), *ty))
        .collect();
    assert_eq!(got, expected);
    // Every filler's span is its words in the document.
    let chars: Vec<char> = text.chars().collect();
    for (r, (_, phrase, _)) in s.roles.iter().zip(FILLERS) {
        assert_eq!(chars[r.span.start..r.span.end].iter().collect::<String>(), phrase);
    }
}

fn harness(dir: &Path) -> Harness<'static, TarmeezApp> {
    common::window(TarmeezApp::new(Some(open_as(dir, "huda")), None))
}

fn layer(h: &Harness<'_, TarmeezApp>) -> Layer {
    let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
    doc.layers.get(&Annotator::parse("huda").unwrap()).cloned().unwrap_or_default()
}

fn status(h: &Harness<'_, TarmeezApp>) -> ReviewStatus {
    let project = h.state().project().unwrap();
    let doc = project.document(&DocId::parse(SAMPLE_DOC).unwrap()).unwrap().loaded().unwrap();
    tarmeez::workflow::review::status_for(doc, project.annotator(), &source(), SuggestionId(1))
}

/// The event's arguments as (role, the filler's span, its type).
fn arguments(layer: &Layer) -> Vec<(String, Span, String)> {
    let e = layer.events.values().next().expect("an event");
    e.arguments
        .iter()
        .map(|a| {
            let m = &layer.mentions[&a.mention];
            (a.role.to_string(), m.span, m.entity_type.to_string())
        })
        .collect()
}

#[test]
fn enter_accepts_the_event_with_its_fillers_and_ctrl_z_takes_all_of_it_back() {
    let (_tmp, dir) = imported();
    let text = text(&dir);
    let mut h = harness(&dir);
    let before = layer(&h);
    press(&mut h, Modifiers::NONE, Key::Tab);
    // The queue shows each filler: its role, its words and its type.
    h.get_by_label("Attacker: «مليشيا أبو الفضل العباس العراقية» (Actor)");
    h.get_by_label("Target: «محيط قاعدة التحالف الدولي» (Location)");
    h.get_by_label("Time: «مساء أمس» (Time)");
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(status(&h), ReviewStatus::Accepted);
    let after = layer(&h);
    assert_eq!(after.events.len(), 1);
    let e = after.events.values().next().unwrap();
    assert_eq!((e.event_type.as_str(), e.trigger), ("ATTACK", at(&text, TRIGGER, AFTER)));
    let span = |i: usize| at(&text, FILLERS[i].1, AFTER);
    assert_eq!(
        arguments(&after),
        [
            ("Attacker".into(), span(0), "ACTOR".into()),
            ("Target".into(), span(1), "LOCATION".into()),
            ("Time".into(), span(2), "TIME".into())
        ]
    );
    assert_eq!(after.mentions.len(), 3);
    let made_from = |p: Option<&tarmeez::model::Provenance>| p.is_some_and(|p| p.source == source());
    assert!(after.mentions.values().all(|m| made_from(m.provenance.as_ref())));
    assert!(made_from(e.provenance.as_ref()));

    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(layer(&h), before, "one undo takes back the event, its mentions and the decision");
    assert_eq!(status(&h), ReviewStatus::Pending);
}

#[test]
fn a_filler_left_out_before_accepting_makes_the_decision_edited() {
    let (_tmp, dir) = imported();
    let text = text(&dir);
    let mut h = harness(&dir);
    press(&mut h, Modifiers::NONE, Key::Tab);
    // Leave out the first filler (the attacker).
    h.get_all_by_label("keep").next().unwrap().click();
    h.run();
    h.get_by_label_contains("edited");
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(status(&h), ReviewStatus::Edited);
    let after = layer(&h);
    let span = |i: usize| at(&text, FILLERS[i].1, AFTER);
    assert_eq!(
        arguments(&after),
        [("Target".into(), span(1), "LOCATION".into()), ("Time".into(), span(2), "TIME".into())]
    );
    assert_eq!(after.mentions.len(), 2, "no mention is made for a filler left out");
}
