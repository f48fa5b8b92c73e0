//! The coding windows driven as a coder drives them, on the real app and a copy of the sample project:
//! the events table (sort, open an event), project search, the actor registry (typo-tolerant search,
//! alias, merge refused for another coder's links), the schema editor (rename with undo) and the event
//! inspector's attributes and relations.

use crate::common;

use common::press;

use common::{open_as, sample_copy};
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use tarmeez::model::{ActorId, AttrValue, EventId, MentionId, RelationId, Span};
use tarmeez::ui::TarmeezApp;
use tarmeez::ui::action::Focus;

fn harness(app: TarmeezApp) -> Harness<'static, TarmeezApp> {
    common::window(app)
}

/// Opens Edit > Schema editor.
fn open_schema_editor(h: &mut Harness<'_, TarmeezApp>) {
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Schema editor").click();
    h.run();
}

/// Puts the keyboard in the field named `label`, selects what it holds and types `text` over it.
fn replace_text(h: &mut Harness<'_, TarmeezApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

fn selected_text(h: &Harness<'_, TarmeezApp>) -> String {
    h.state().selected_text().unwrap_or_default()
}

#[test]
fn the_events_table_sorts_and_a_row_opens_its_event() {
    let (_tmp, dir) = sample_copy();
    // The sample's own coder, so the table shows their five events.
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    press(&mut h, Modifiers::COMMAND, Key::E);
    h.get_by_label_contains("5 events (your layer)");
    h.get_by_label("Fatalities").click();
    h.run();
    h.get_by_label("Fatalities (up)").click();
    h.run();
    // Descending: the deadliest first, the strikes on al-Hamidah with 5 killed.
    let first = h.state().events_table().unwrap().rows()[0].clone();
    assert_eq!((first.event, first.fatalities), (EventId(5), Some(5.0)));
    h.get_all_by_label("5").next().unwrap().click();
    h.run();
    assert_eq!(h.state().focus(), Some(Focus::Event(EventId(5))));
    h.get_by_label_contains("Event e5: Attack");
    assert_eq!(selected_text(&h), first.trigger_text, "the trigger is selected and scrolled to");
}

#[test]
fn search_finds_words_through_clitics_and_a_hit_selects_them() {
    let (_tmp, dir) = sample_copy();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    press(&mut h, Modifiers::COMMAND, Key::F);
    h.get_by_label("Search the project").focus();
    h.run();
    h.get_by_label("Search the project").type_text("الميادين");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("8 matches for «الميادين»");
    let hits = h.state().search_hits().to_vec();
    // "والميادين" is found, and only "الميادين" is selected.
    let text = h.state().project().unwrap().documents()[0].text().unwrap().clone();
    let inside = hits
        .iter()
        .find(|hit| text.slice(tarmeez::model::Span::new(hit.span.start - 1, hit.span.end)) == Some("والميادين"));
    let inside = inside.expect("a hit inside والميادين");
    let title = h.state().project().unwrap().documents()[0].title().to_owned();
    let row = format!("{} · {title}", inside.context);
    h.get_by_label(&row).scroll_to_me();
    h.run();
    h.get_by_label(&row).click();
    h.run();
    assert_eq!(selected_text(&h), "الميادين");
    assert_eq!(h.state().article().selection(), Some(inside.span));
}

#[test]
fn the_actor_registry_finds_typos_adds_aliases_and_refuses_a_merge_that_would_break_another_coder() {
    let (_tmp, dir) = sample_copy();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    press(&mut h, Modifiers::COMMAND, Key::K);
    // The article's misspelling finds the base.
    h.get_by_label("Search actors").focus();
    h.run();
    h.get_by_label("Search actors").type_text("حقل العمل");
    h.run();
    h.get_by_label_contains("Coalition garrison of the al-Omar oil field base").click();
    h.run();
    h.get_by_label("id: al-omar-base");
    h.get_by_label("New alias").focus();
    h.run();
    h.get_by_label("New alias").type_text("حقل العمل");
    h.run();
    h.get_by_label("Add").click();
    h.run();
    h.get_by_label("حقل العمل");
    h.get_by_label("Save changes").click();
    h.run();
    let base = ActorId::new("al-omar-base");
    let aliases = |h: &Harness<'_, TarmeezApp>| h.state().project().unwrap().actors().actors[&base].aliases.clone();
    assert!(aliases(&h).contains(&"حقل العمل".to_owned()));
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(!aliases(&h).contains(&"حقل العمل".to_owned()), "undo takes the alias back");
    press(&mut h, Modifiers::COMMAND, Key::S);
    let saved = std::fs::read_to_string(dir.join("actors/al-omar-base.ron")).unwrap();
    assert!(!saved.contains("\"حقل العمل\","), "{saved}");

    // The sample coder links mentions to the militia: huda may not merge it away.
    let militia = ActorId::new("abu-fadl-abbas");
    h.state_mut().actors_window().unwrap().select(Some(militia.clone()), None);
    h.run();
    h.get_by_label("Merge into actor").click();
    h.run();
    h.get_by_label("Iran-backed militias").click();
    h.run();
    h.get_by_label("Merge").click();
    h.run();
    h.get_by_label_contains("sample's annotations");
    assert!(h.state().project().unwrap().actors().actors.contains_key(&militia));
}

#[test]
fn the_schema_editor_renames_a_type_in_one_undoable_change() {
    let (_tmp, dir) = sample_copy();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    open_schema_editor(&mut h);
    replace_text(&mut h, "Name of ACTOR", "Armed actor");
    h.get_by_label("Apply").click();
    h.run();
    let actor_name = |h: &Harness<'_, TarmeezApp>| {
        h.state().project().unwrap().config().schema.entity_type(&"ACTOR".into()).unwrap().name.clone()
    };
    assert_eq!(actor_name(&h), "Armed actor");
    h.get_by_label_contains("1 Armed actor");
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert!(std::fs::read_to_string(dir.join("project.ron")).unwrap().contains("name: \"Armed actor\""));
    // A key given twice is a problem: Apply is refused until it is fixed.
    replace_text(&mut h, "Key of LOCATION", "1");
    h.get_by_label_contains("key `1` is given to both");
    assert!(h.get_by_label("Apply").accesskit_node().is_disabled());
    // Undo restores the old name (outside a text field, Ctrl+Z is the app's undo).
    h.get_by_label("Revert").click();
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(actor_name(&h), "Actor");
}

#[test]
fn the_event_inspector_sets_attributes_and_relates_events() {
    let (_tmp, dir) = sample_copy();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    h.state_mut().focus_on(Focus::Event(EventId(5)));
    h.run();
    h.get_by_label("Event e5: Attack");
    replace_text(&mut h, "Fatalities of e5", "7");
    h.key_press(Key::Enter);
    h.run();
    let layer = |h: &Harness<'_, TarmeezApp>| {
        let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
        doc.layers[&tarmeez::model::Annotator::parse("sample").unwrap()].clone()
    };
    assert_eq!(layer(&h).events[&EventId(5)].attributes[&"fatalities".into()], AttrValue::Number(7.0));
    // A number field refuses words and changes nothing.
    replace_text(&mut h, "Fatalities of e5", "seven");
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Fatalities must be a number, not «seven»");
    assert_eq!(layer(&h).events[&EventId(5)].attributes[&"fatalities".into()], AttrValue::Number(7.0));
    h.get_by_label("OK").click();
    h.run();
    // Relate e5 to the first other event (e1, the shelling).
    let before = layer(&h).relations.len();
    h.get_by_label("In response to it").click();
    h.run();
    let relations = layer(&h).relations;
    assert_eq!(relations.len(), before + 1);
    let added = relations.values().last().unwrap();
    assert_eq!((added.from, added.to), (EventId(5), EventId(1)));
    h.get_by_label_contains("RESPONSE_TO -> e1 ATTACK");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(layer(&h).relations.len(), before);
    assert!(!layer(&h).relations.contains_key(&RelationId(before as u32 + 1)));
}

#[test]
fn alt_arrows_move_a_mentions_edges_on_screen_one_letter_at_a_time() {
    let (_tmp, dir) = sample_copy();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    let mention = |h: &Harness<'_, TarmeezApp>| {
        let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
        doc.layers[&tarmeez::model::Annotator::parse("sample").unwrap()].mentions[&MentionId(2)].span
    };
    let before = mention(&h);
    h.state_mut().focus_on(Focus::Mention(MentionId(2)));
    h.run();
    // Arabic: the end is the left edge, so Alt+Left takes in the next letter (here the space after the name).
    press(&mut h, Modifiers::ALT, Key::ArrowLeft);
    assert_eq!(mention(&h), Span::new(before.start, before.end + 1));
    press(&mut h, Modifiers::ALT, Key::ArrowRight);
    assert_eq!(mention(&h), before);
    // The start is the right edge: Alt+Shift+Left drops the first letter.
    press(&mut h, Modifiers::ALT | Modifiers::SHIFT, Key::ArrowLeft);
    assert_eq!(mention(&h), Span::new(before.start + 1, before.end));
    assert_eq!(h.state().article().selection(), Some(mention(&h)), "the mention stays selected");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(mention(&h), before);
}

#[test]
fn the_inspector_proposes_a_mentions_other_occurrences_for_review() {
    let (_tmp, dir) = sample_copy();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    h.state_mut().focus_on(Focus::Mention(MentionId(2)));
    h.run();
    h.get_by_label("this document").click();
    h.run();
    h.get_by_label_contains("other occurrences proposed for review");
    let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
    let layer = &doc.layers[&tarmeez::model::Annotator::parse("sample").unwrap()];
    let proposed = &doc.suggestions[&tarmeez::model::SourceName::parse("propagate-sample").unwrap()].suggestions;
    assert!(!proposed.is_empty());
    for s in proposed.values() {
        let words = doc.text.slice(s.span).unwrap();
        assert!(words.contains("الفضل العباس"), "{words}");
        assert!(!layer.mentions.values().any(|m| m.span == s.span), "already marked: {words}");
    }
    press(&mut h, Modifiers::COMMAND, Key::Z);
    let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
    assert!(!doc.suggestions.contains_key(&tarmeez::model::SourceName::parse("propagate-sample").unwrap()));
}

#[test]
fn file_export_writes_the_chosen_format_into_the_folder() {
    let (tmp, dir) = sample_copy();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    let out = tmp.path().join("out");
    // An unsaved change (the document marked done) is saved first: the export writes from the project as
    // saved, on a thread.
    press(&mut h, Modifiers::COMMAND, Key::D);
    h.state_mut().open_export(out.clone());
    h.run();
    let export = |h: &mut egui_kittest::Harness<'_, TarmeezApp>, format: Option<&str>, done: &str| {
        if let Some(label) = format {
            h.get_by_label(label).click();
            h.run();
        }
        h.get_by_label("Export into the folder").click();
        for _ in 0..5000 {
            h.step();
            if h.query_by_label_contains(done).is_some() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        panic!("the export did not finish");
    };
    export(&mut h, None, "5 events written to");
    assert!(std::fs::read_to_string(out.join("events.csv")).unwrap().contains("Liwa Abu al-Fadl al-Abbas"));
    export(&mut h, Some("conll: BIO tokens, clitics split at mention boundaries"), "spans written to");
    assert!(std::fs::read_to_string(out.join("mentions.conll")).unwrap().contains("B-LOCATION"));
    export(&mut h, Some("html: pages to read in a browser, with legend and events"), "1 page; open");
    let page = std::fs::read_to_string(out.join("al-omar-oilfield-2021-06-29.sample.html")).unwrap();
    assert!(page.contains("<article lang=\"ar\">"));
    assert!(page.contains("coded by sample (done)"), "the unsaved status was saved and exported");
    export(&mut h, Some("acled: ACLED's columns, with the evidence beside"), "evidence spans written to");
    assert!(std::fs::read_to_string(out.join("acled.csv")).unwrap().starts_with("event_id_cnty,event_date,"));
    assert!(out.join("acled.evidence.csv").is_file());
}

#[test]
fn a_type_added_in_the_schema_editor_gets_the_id_typed_for_it_until_it_is_applied() {
    let (_tmp, dir) = sample_copy();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    open_schema_editor(&mut h);
    assert!(h.query_by_label("Id of ACTOR").is_none(), "an applied type's id is not a field");
    h.get_by_label("Add entity type").click();
    h.run();
    replace_text(&mut h, "Id of NEW_TYPE", "militia-fighters 2");
    h.get_by_label("Id of MILITIA_FIGHTERS_2");
    h.get_by_label("Apply").click();
    h.run();
    let schema = h.state().project().unwrap().config().schema.clone();
    assert!(schema.entity_type(&"MILITIA_FIGHTERS_2".into()).is_some());
    assert!(schema.entity_type(&"NEW_TYPE".into()).is_none());
    // Applied, the id is a label again.
    assert!(h.query_by_label("Id of MILITIA_FIGHTERS_2").is_none());
}
