//! Role filling as a coder does it, on the real app and a copy of the sample project (egui_kittest): the
//! sample's central attack (trigger قصفت; the militia, the coalition base, the oilfield and "مساء أمس" in four
//! roles) coded from an empty layer while every input event (a drag, a click, a key press) is counted; the
//! roles list staying where it is while it fills; numbers arming roles; a mention inspected before the event
//! is made offered for its first role.

use crate::common;

use common::article::{click_text, select, span_of};
use common::{SAMPLE_DOC, open_as, open_read_only, press, sample_copy};
use eframe::egui::{Key, Modifiers, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tarmeez::model::{Annotator, EventId, Layer, Span};
use tarmeez::ui::TarmeezApp;

/// The spans of the central attack's words in the sample article.
struct Attack {
    trigger: Span,
    militia: Span,
    base: Span,
    field: Span,
    evening: Span,
}

fn attack(h: &Harness<'_, TarmeezApp>) -> Attack {
    Attack {
        trigger: span_of(h, "العراقية", "قصفت"),
        militia: span_of(h, "لـ\"وكالة", "مليشيا أبو الفضل العباس"),
        base: span_of(h, "مساء أمس", "قاعدة التحالف الدولي"),
        field: span_of(h, "القريبة من", "حقل العمر النفطي"),
        evening: span_of(h, "قصفت", "مساء أمس"),
    }
}

/// A coder's hands: every drag, click and key press goes through here and is counted.
struct Hands<'h, 'a> {
    h: &'h mut Harness<'a, TarmeezApp>,
    actions: usize,
}

impl Hands<'_, '_> {
    fn drag(&mut self, span: Span) {
        select(self.h, span);
        self.actions += 1;
    }

    fn key(&mut self, modifiers: Modifiers, key: Key) {
        press(self.h, modifiers, key);
        self.actions += 1;
    }
}

fn own_layer(h: &Harness<'_, TarmeezApp>) -> Layer {
    let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
    doc.layers.get(&Annotator::parse("huda").unwrap()).cloned().unwrap_or_default()
}

/// The event's fillers as (role, filler's span, filler's type).
fn fillers(layer: &Layer, event: EventId) -> Vec<(String, Span, String)> {
    layer.events[&event]
        .arguments
        .iter()
        .map(|a| {
            let m = &layer.mentions[&a.mention];
            (a.role.to_string(), m.span, m.entity_type.to_string())
        })
        .collect()
}

fn expected_fillers(a: &Attack) -> Vec<(String, Span, String)> {
    vec![
        ("Attacker".into(), a.militia, "ACTOR".into()),
        ("Target".into(), a.base, "LOCATION".into()),
        ("Location".into(), a.field, "LOCATION".into()),
        ("Time".into(), a.evening, "TIME".into()),
    ]
}

#[test]
fn the_central_attack_is_coded_in_at_most_twelve_actions_and_saved() {
    let (_tmp, dir) = sample_copy();
    let mut h = common::window(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    let a = attack(&h);
    let mut hands = Hands { h: &mut h, actions: 0 };
    // The trigger and its type's key: the event is made and its first role armed.
    hands.drag(a.trigger);
    hands.key(Modifiers::NONE, Key::A);
    // While a role is armed, a selection and an entity type's key make the mention and fill the role; the
    // next empty role is armed.
    hands.drag(a.militia);
    hands.key(Modifiers::NONE, Key::Num1);
    hands.drag(a.base);
    hands.key(Modifiers::NONE, Key::Num2);
    hands.drag(a.field);
    hands.key(Modifiers::NONE, Key::Num2);
    hands.drag(a.evening);
    hands.key(Modifiers::NONE, Key::Num3);
    hands.key(Modifiers::COMMAND, Key::S);
    let actions = hands.actions;
    assert!(actions <= 12, "the central attack took {actions} actions");

    let layer = own_layer(&h);
    assert_eq!(layer.events.len(), 1);
    assert_eq!(layer.events[&EventId(1)].trigger, a.trigger);
    assert_eq!(fillers(&layer, EventId(1)), expected_fillers(&a));
    // The file on disk says the same, read back by a fresh reader.
    let saved = open_read_only(&dir);
    let file = dir.join(format!("annotations/{SAMPLE_DOC}/huda.ron"));
    assert!(file.exists(), "{} was not written", file.display());
    let doc = saved.load_document(&tarmeez::model::DocId::parse(SAMPLE_DOC).unwrap()).unwrap();
    let on_disk = doc.layers.get(&Annotator::parse("huda").unwrap()).unwrap();
    assert_eq!(fillers(on_disk, EventId(1)), expected_fillers(&a));
    // The next empty role after Time is armed, and Escape stops.
    h.get_by_label_contains("Filling Instrument");
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label_contains("Filling ").is_none(), "Escape disarms the role");
    h.get_by_label("Event e1: Attack");
}

/// Where each role's pick button is.
fn pick_buttons(h: &Harness<'_, TarmeezApp>) -> Vec<Rect> {
    ["Attacker", "Target", "Location", "Time", "Instrument", "Casualties"]
        .iter()
        .map(|r| h.get_by_label(&format!("Pick {r}")).rect())
        .collect()
}

#[test]
fn the_roles_list_stays_where_it_is_while_roles_fill() {
    let (_tmp, dir) = sample_copy();
    let mut h = common::window(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    let a = attack(&h);
    select(&mut h, a.trigger);
    press(&mut h, Modifiers::NONE, Key::A);
    let before = pick_buttons(&h);
    // Long fillers, two in a repeatable role, and stopping: nothing moves.
    for (span, key) in [(a.militia, Key::Num1), (a.base, Key::Num2), (a.field, Key::Num2)] {
        select(&mut h, span);
        press(&mut h, Modifiers::NONE, key);
        assert_eq!(pick_buttons(&h), before, "after filling with {span:?}");
    }
    press(&mut h, Modifiers::COMMAND, Key::Num2);
    select(&mut h, a.militia);
    press(&mut h, Modifiers::NONE, Key::Num1);
    assert_eq!(fillers(&own_layer(&h), EventId(1)).len(), 4, "Target has two fillers");
    assert_eq!(pick_buttons(&h), before, "after a second filler");
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert_eq!(pick_buttons(&h), before, "after Escape");
}

#[test]
fn a_role_s_number_arms_it_and_a_click_on_a_mention_fills_it() {
    let (_tmp, dir) = sample_copy();
    let mut h = common::window(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    let a = attack(&h);
    select(&mut h, a.evening);
    press(&mut h, Modifiers::NONE, Key::Num3);
    select(&mut h, a.trigger);
    press(&mut h, Modifiers::NONE, Key::A);
    // The time was inspected when the event was made: it is offered for the first role that takes a time.
    assert_eq!(fillers(&own_layer(&h), EventId(1)), vec![("Time".into(), a.evening, "TIME".into())]);
    h.get_by_label_contains("Filling Attacker");
    // Ctrl+2 arms the second role.
    press(&mut h, Modifiers::COMMAND, Key::Num2);
    h.get_by_label_contains("Filling Target");
    select(&mut h, a.base);
    press(&mut h, Modifiers::NONE, Key::Num2);
    let filled = fillers(&own_layer(&h), EventId(1));
    assert_eq!(filled[1], ("Target".into(), a.base, "LOCATION".into()));
    // Ctrl+3 arms Location; clicking a mention of a type it takes fills it.
    press(&mut h, Modifiers::COMMAND, Key::Num3);
    h.get_by_label_contains("Filling Location");
    click_text(&mut h, a.base);
    let filled = fillers(&own_layer(&h), EventId(1));
    assert_eq!(filled.last().unwrap().0, "Location", "{filled:?}");
    // One undo takes a mark-and-fill back whole: the mention goes with its role.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    press(&mut h, Modifiers::COMMAND, Key::Z);
    let layer = own_layer(&h);
    assert_eq!(fillers(&layer, EventId(1)).len(), 1);
    assert!(layer.mentions.values().all(|m| m.span != a.base), "the base's mention went with the undo");
}

#[test]
fn a_type_the_armed_role_does_not_take_marks_the_mention_and_says_why_it_did_not_fill() {
    let (_tmp, dir) = sample_copy();
    let mut h = common::window(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    let a = attack(&h);
    select(&mut h, a.trigger);
    press(&mut h, Modifiers::NONE, Key::A);
    h.get_by_label_contains("Filling Attacker");
    select(&mut h, a.evening);
    press(&mut h, Modifiers::NONE, Key::Num3);
    let layer = own_layer(&h);
    assert!(layer.mentions.values().any(|m| m.span == a.evening), "the mention is made");
    assert!(fillers(&layer, EventId(1)).is_empty(), "Attacker takes no time");
    h.get_by_label_contains("cannot fill the role Attacker");
    h.get_by_label_contains("Filling Attacker");
}

#[test]
fn the_candidates_list_shows_each_mention_whole() {
    let (_tmp, dir) = sample_copy();
    let mut h = common::window(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    let a = attack(&h);
    for (span, key) in [(a.base, Key::Num2), (a.field, Key::Num2)] {
        select(&mut h, span);
        press(&mut h, Modifiers::NONE, key);
    }
    select(&mut h, a.trigger);
    press(&mut h, Modifiers::NONE, Key::A);
    h.get_by_label("Choose a filler for Location").click();
    h.run();
    for label in ["m1 قاعدة التحالف الدولي", "m2 حقل العمر النفطي"] {
        let row = h.get_by_label(label).rect();
        let needed = tarmeez::ui::bidi_label::text_width(&h.ctx, label);
        assert!(row.width() >= needed, "the row of «{label}» is {} wide, its text {needed}", row.width());
    }
}
