//! Issue 19's event fields on the real app and a copy of the sample project: evidence added from the
//! inspector, shown as a quote that jumps to its words, taken back with Ctrl+Z; the record id kept through a
//! change of type and a curation take; the ACLED preset making a valid project.

mod common;

use common::article::{click_text, select, span_of};
use common::{SAMPLE_DOC, open_as, press, sample_copy};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::collections::BTreeMap;
use std::process::Command;
use tarmeez::model::{Annotator, DocId, EventId, FieldId, Layer, ProjectEdit, derived_record_id};
use tarmeez::ui::TarmeezApp;
use tarmeez::workflow::curation::{Curator, take, units};

fn layer(h: &egui_kittest::Harness<'_, TarmeezApp>) -> Layer {
    let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
    doc.layers[&Annotator::parse("sample").unwrap()].clone()
}

#[test]
fn a_selection_becomes_evidence_of_fatalities_its_quote_jumps_to_it_and_ctrl_z_takes_it_back() {
    let (_tmp, dir) = sample_copy();
    let mut h = common::window(TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    let strikes = span_of(&h, "النيران، تلاه", "غارات جوية");
    let killed = span_of(&h, "وأسفرت عن سقوط", "قتلى");
    click_text(&mut h, strikes);
    h.get_by_label("Event e2: Attack");
    let before = layer(&h).events[&EventId(2)].clone();
    assert!(!before.evidence.contains_key(&FieldId::from("fatalities")));
    h.get_by_label("Record fields and evidence").click();
    h.run();

    // Scrolled to, as a coder scrolls to the words; then selected by dragging over them.
    h.state_mut().article_mut().unwrap().scroll_to(killed);
    h.run();
    h.run();
    select(&mut h, killed);
    // The inspector scrolls: the field's row may be below its fold, as the coder would scroll to it.
    h.get_by_label("Add the selected text as evidence of Fatalities").scroll_to_me();
    h.run();
    h.get_by_label("Add the selected text as evidence of Fatalities").click();
    h.run();
    h.run();
    let added = layer(&h).events[&EventId(2)].clone();
    assert_eq!(added.evidence[&FieldId::from("fatalities")], vec![killed]);
    h.get_by_label("Event e2: Attack");

    // The quote is the document's words; clicking it shows and selects them in the article.
    h.state_mut().article_mut().unwrap().scroll_to(strikes);
    h.run();
    h.run();
    select(&mut h, strikes);
    assert_eq!(h.state().article().selection(), Some(strikes));
    h.get_by_label("«قتلى»").scroll_to_me();
    h.run();
    h.get_by_label("«قتلى»").click();
    h.run();
    h.run();
    assert_eq!(h.state().article().selection(), Some(killed), "the quote jumped to its words");
    h.get_by_label("Event e2: Attack");

    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(layer(&h).events[&EventId(2)], before, "Ctrl+Z took the evidence back");
    assert!(h.query_by_label("«قتلى»").is_none());
}

#[test]
fn retyping_an_event_in_the_window_keeps_its_record_id() {
    let (_tmp, dir) = sample_copy();
    let mut h = common::window(TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    let shelled = span_of(&h, "العراقية التابعة للمليشيات الإيرانية، ", "قصفت");
    let first = layer(&h).events[&EventId(1)].clone();
    assert_eq!(first.uid, None, "the sample's ids are derived");
    let id = first.record_id(&doc);
    assert_eq!(id, derived_record_id(&doc, &"ATTACK".into(), shelled));

    select(&mut h, shelled);
    press(&mut h, Modifiers::NONE, Key::T);
    let threat = layer(&h).events[&EventId(1)].clone();
    assert_eq!(threat.event_type.as_str(), "THREAT");
    assert_eq!(threat.record_id(&doc), id, "the id it was published under stays");
    h.get_by_label(&id);
}

#[test]
fn a_curation_take_copies_the_events_record_id_and_evidence_into_gold() {
    let (_tmp, dir) = sample_copy();
    let project = common::open_read_only(&dir);
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    let sample = Annotator::parse("sample").unwrap();
    let mut coded = project.load_document(&doc).unwrap().layers[&sample].clone();
    coded.events.get_mut(&EventId(5)).unwrap().uid = Some("tz-published".to_owned());
    let layers: BTreeMap<Annotator, Layer> = [(sample.clone(), coded.clone())].into();
    let unit = units(&doc, &layers, &[sample])
        .into_iter()
        .find(|u| u.key.span.overlaps(&coded.events[&EventId(5)].trigger))
        .expect("the strikes' event is a unit");
    let curator = Curator { name: Annotator::gold(), at: "2026-11-30T12:00:00Z".to_owned() };
    // The curator's take, applied to a gold layer as the curation session applies it.
    let ProjectEdit::Layer(taken_in, edit) = take(&layers, &unit, 0, &curator) else { panic!("a layer edit") };
    assert_eq!(taken_in, doc);
    let mut gold = Layer::default();
    edit.apply(&mut gold);
    let taken = gold.events.values().find(|e| e.trigger == coded.events[&EventId(5)].trigger).expect("taken");
    assert_eq!(taken.uid.as_deref(), Some("tz-published"));
    assert_eq!(taken.evidence, coded.events[&EventId(5)].evidence);
    assert_eq!(taken.evidence[&FieldId::from("fatalities")].len(), 1);
}

#[test]
fn tarmeez_new_with_the_acled_preset_makes_a_valid_project_of_acleds_event_types() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("acled");
    let bin = env!("CARGO_BIN_EXE_tarmeez");
    let new =
        Command::new(bin).args(["new", dir.to_str().unwrap(), "--name", "A", "--schema", "acled"]).output().unwrap();
    assert!(new.status.success(), "{}", String::from_utf8_lossy(&new.stderr));
    let validate = Command::new(bin).args(["validate", dir.to_str().unwrap()]).output().unwrap();
    assert!(validate.status.success(), "{}", String::from_utf8_lossy(&validate.stdout));
    let project = open_as(&dir, "huda");
    let schema = &project.config().schema;
    let names: Vec<&str> = schema.event_types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Battles",
            "Explosions/Remote violence",
            "Violence against civilians",
            "Protests",
            "Riots",
            "Strategic developments"
        ]
    );
    assert!(schema.attribute(&"sub_event_type".into()).is_some());
    let unknown = tmp.path().join("x");
    let wrong = Command::new(bin).args(["new", unknown.to_str().unwrap(), "--name", "X", "--schema", "ucdp"]).output();
    assert!(!wrong.unwrap().status.success(), "an unknown preset is refused");
    assert!(!unknown.exists(), "and nothing is made");
}
