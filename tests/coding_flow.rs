//! The coding workflow driven as a coder drives it, on the real app and a copy of the sample project
//! (egui_kittest, no mock of the model): mark two mentions with their keys, make an event with its key, fill
//! two roles by clicking the mentions in the text, link an actor from the inspector; then undo every step,
//! one at a time, redo them all, and compare the saved file with the expected RON.
// A test here reads as one scenario from start to end; cut into pieces it would hide the story.
#![allow(clippy::too_many_lines)]

mod common;

use common::article::{click_text, hover_span, select, span_of};
use common::press;

use common::{SAMPLE_DOC, open_as, sample_copy};
use eframe::egui::{self, Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tarmeez::model::{Annotator, DocStatus, Layer, Span};
use tarmeez::ui::TarmeezApp;

fn harness(app: TarmeezApp) -> Harness<'static, TarmeezApp> {
    common::window(app)
}

fn layer(h: &Harness<'_, TarmeezApp>) -> Layer {
    let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
    doc.layers.get(&Annotator::parse("huda").unwrap()).cloned().unwrap_or_default()
}

#[test]
fn mark_make_an_event_fill_roles_by_clicking_link_an_actor_then_undo_and_redo_every_step() {
    let (_tmp, dir) = sample_copy();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    let militia = span_of(&h, "لـ\"وكالة", "مليشيا أبو الفضل العباس");
    let base = span_of(&h, "مساء أمس", "قاعدة التحالف الدولي");
    let shelled = span_of(&h, "العراقية", "قصفت");
    // Snapshots of the layer after each step, to check undo one step at a time.
    let mut steps = vec![layer(&h)];

    select(&mut h, militia);
    press(&mut h, Modifiers::NONE, Key::Num1);
    steps.push(layer(&h));
    select(&mut h, base);
    press(&mut h, Modifiers::NONE, Key::Num2);
    steps.push(layer(&h));
    // Escape closes the inspected base, so that it is not offered for a role of the event made next.
    press(&mut h, Modifiers::NONE, Key::Escape);
    select(&mut h, shelled);
    press(&mut h, Modifiers::NONE, Key::A);
    steps.push(layer(&h));
    h.get_by_label("Event e1: Attack");

    // The first role is armed: a click on the militia fills it. Then, stopping and picking Target by its
    // button, a click on the base fills that.
    h.get_by_label_contains("Filling Attacker");
    click_text(&mut h, militia);
    steps.push(layer(&h));
    h.get_by_label_contains("Filling Target");
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label_contains("Filling ").is_none(), "Escape stops picking");
    h.get_by_label("Pick Target").click();
    h.run();
    h.get_by_label_contains("Filling Target");
    click_text(&mut h, base);
    steps.push(layer(&h));
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label_contains("Filling ").is_none(), "Escape stops picking");
    h.get_by_label("Event e1: Attack");
    assert!(h.query_by_label("Target*").is_some(), "the event stays in the inspector");

    // Link the militia to the registry from the inspector: its text finds the actor.
    click_text(&mut h, militia);
    h.get_by_label("Mention m1");
    h.get_by_label_contains("Liwa Abu al-Fadl al-Abbas").click();
    h.run();
    steps.push(layer(&h));

    let done = layer(&h);
    assert_eq!(done.mentions.len(), 2);
    let event = &done.events[&tarmeez::model::EventId(1)];
    let roles: Vec<(&str, u32)> = event.arguments.iter().map(|a| (a.role.as_str(), a.mention.0)).collect();
    assert_eq!(roles, [("Attacker", 1), ("Target", 2)]);

    press(&mut h, Modifiers::COMMAND, Key::S);
    let file = dir.join(format!("annotations/{SAMPLE_DOC}/huda.ron"));
    let expected = format!(
        r#"(
  status: InProgress,
  mentions: {{
    "m1": (
      span: (start: {}, end: {}),
      type: "ACTOR",
      actor: Some("abu-fadl-abbas"),
    ),
    "m2": (
      span: (start: {}, end: {}),
      type: "LOCATION",
    ),
  }},
  events: {{
    "e1": (
      type: "ATTACK",
      trigger: (start: {}, end: {}),
      arguments: [(role: "Attacker", mention: "m1"), (role: "Target", mention: "m2")],
    ),
  }},
  relations: {{}},
)
"#,
        militia.start, militia.end, base.start, base.end, shelled.start, shelled.end
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);

    // Undo, one step at a time, back to nothing.
    for k in (0..steps.len() - 1).rev() {
        press(&mut h, Modifiers::COMMAND, Key::Z);
        assert_eq!(layer(&h), steps[k], "after undoing step {}", k + 1);
    }
    assert_eq!(layer(&h).status, DocStatus::New);
    press(&mut h, Modifiers::COMMAND, Key::S);
    let emptied = std::fs::read_to_string(&file).unwrap();
    assert!(!emptied.contains("\"m1\""), "{emptied}");

    // Redo every step (Ctrl+Shift+Z and Ctrl+Y alike); the file is as it was.
    for (k, step) in steps.iter().enumerate().skip(1) {
        let key =
            if k % 2 == 0 { (Modifiers::COMMAND, Key::Y) } else { (Modifiers::COMMAND | Modifiers::SHIFT, Key::Z) };
        press(&mut h, key.0, key.1);
        assert_eq!(&layer(&h), step, "after redoing step {k}");
    }
    press(&mut h, Modifiers::COMMAND, Key::S);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), expected);
}

/// Double-clicks the middle of `span`'s first piece, with `key` pressed `frames_after` frames after the
/// second release (0: in the same frame, as a fast coder's key often arrives), as one sequence of frames.
fn double_click_then_key(h: &mut Harness<'_, TarmeezApp>, span: Span, key: Key, frames_after: usize) {
    let pos = hover_span(h, span);
    let start = h.input_mut().time.unwrap_or(0.0);
    let button = |pressed| Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    let key_event =
        |pressed| Event::Key { key, physical_key: None, pressed, repeat: false, modifiers: Modifiers::NONE };
    // 30 ms between the presses and releases, as `xdotool click --repeat 2 --delay 30` sends them.
    for (i, pressed) in [true, false, true, false].into_iter().enumerate() {
        h.input_mut().time = Some(start + 0.03 * i as f64);
        h.input_mut().events.push(button(pressed));
        if i == 3 && frames_after == 0 {
            h.input_mut().events.extend([key_event(true), key_event(false)]);
        }
        h.step();
    }
    if frames_after > 0 {
        for _ in 1..frames_after {
            h.step();
        }
        h.input_mut().events.extend([key_event(true), key_event(false)]);
        h.step();
    }
    h.run();
}

#[test]
fn a_type_key_pressed_with_the_double_click_that_selects_a_word_marks_it() {
    let (_tmp, dir) = sample_copy();
    let mut h = harness(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    let shelled = span_of(&h, "العراقية", "قصفت");
    let base = span_of(&h, "مساء أمس", "قاعدة");
    // The key in the very frame of the second release.
    double_click_then_key(&mut h, shelled, Key::Num1, 0);
    let marked: Vec<_> = layer(&h).mentions.values().map(|m| (m.span, m.entity_type.to_string())).collect();
    assert_eq!(marked, [(shelled, "ACTOR".to_owned())], "the key is not lost");
    // And one frame later.
    double_click_then_key(&mut h, base, Key::Num2, 1);
    let marked: Vec<_> = layer(&h).mentions.values().map(|m| (m.span, m.entity_type.to_string())).collect();
    assert_eq!(marked, [(shelled, "ACTOR".to_owned()), (base, "LOCATION".to_owned())]);
}
