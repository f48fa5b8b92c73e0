//! The article view driven as a user drives it (egui_kittest, no display): selecting with the mouse and the
//! keyboard, hovering a span, zooming; and what it gives to screen readers.

use eframe::egui::{self, Event, Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use tarmeez::model::*;
use tarmeez::text::scene::HighlightSet;

use crate::common;
use common::article::drag;
use common::host::{Host, article_harness};

const TEXT: &str = "قصفت مليشيا أبو الفضل العباس محيط مدينة بالميادين شرق دير الزور";

fn span_of(text: &str, phrase: &str) -> Span {
    let b = text.find(phrase).unwrap();
    let start = text[..b].chars().count();
    Span::new(start, start + phrase.chars().count())
}

fn harness() -> Harness<'static, Host> {
    let mut layer = Layer::default();
    let mention = |span, ty: &str| Mention::new(span, ty);
    layer.mentions.insert(MentionId(1), mention(span_of(TEXT, "مليشيا أبو الفضل العباس"), "ACTOR"));
    layer.mentions.insert(MentionId(2), mention(span_of(TEXT, "دير الزور"), "LOCATION"));
    let highlights = HighlightSet::build(&default_conflict_schema(), Some(&layer), []);
    let mut h = article_harness(Arc::new(DocText::new(TEXT.to_owned())), highlights, [700.0, 300.0]);
    h.run();
    h
}

/// Screen point inside the grapheme at code point `cp`: `leading` picks the half where a click puts the
/// caret before it (the right half, in right-to-left text).
fn point_in(h: &Harness<'_, Host>, cp: usize, leading: bool) -> Pos2 {
    let (layout, origin) = h.state().view.drawn_layout().unwrap();
    let b = layout.grapheme_boxes(f32::MIN, f32::MAX).into_iter().flatten().find(|b| b.span.start == cp).unwrap();
    let x = if leading { b.rect.x1 - 1.5 } else { b.rect.x0 + 1.5 };
    Pos2::new(origin.x + x, origin.y + b.rect.center().1)
}

fn selected(h: &Harness<'_, Host>) -> String {
    let host = h.state();
    host.view.selection().and_then(|s| host.text.slice(s)).unwrap_or_default().to_owned()
}

#[test]
fn dragging_inside_a_word_selects_the_whole_word() {
    let mut h = harness();
    let word = span_of(TEXT, "بالميادين");
    let (from, to) = (point_in(&h, word.start + 3, true), point_in(&h, word.start + 6, false));
    drag(&mut h, from, to, Modifiers::NONE);
    assert_eq!(selected(&h), "بالميادين");
}

#[test]
fn dragging_with_alt_snaps_to_letters_so_a_clitic_can_be_left_out() {
    let mut h = harness();
    let word = span_of(TEXT, "بالميادين");
    let (from, to) = (point_in(&h, word.start + 1, true), point_in(&h, word.end - 1, false));
    drag(&mut h, from, to, Modifiers::ALT);
    assert_eq!(selected(&h), "الميادين");
}

#[test]
fn dragging_across_words_selects_whole_words() {
    let mut h = harness();
    let from = span_of(TEXT, "محيط");
    let to = span_of(TEXT, "مدينة");
    let (from, to) = (point_in(&h, from.start + 1, true), point_in(&h, to.start + 2, false));
    drag(&mut h, from, to, Modifiers::NONE);
    assert_eq!(selected(&h), "محيط مدينة");
}

#[test]
fn double_click_selects_a_word_and_shift_click_extends() {
    let mut h = harness();
    let word = span_of(TEXT, "شرق");
    let p = point_in(&h, word.start + 1, true);
    h.hover_at(p);
    h.run();
    // Two clicks 50 ms apart (the harness's clock does not move by itself).
    for (i, pressed) in [true, false, true, false].into_iter().enumerate() {
        h.input_mut().time = Some(10.0 + 0.05 * i as f64);
        h.event(Event::PointerButton {
            pos: p,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.run();
    assert_eq!(selected(&h), "شرق");
    let end = span_of(TEXT, "الزور");
    let q = point_in(&h, end.end - 1, false);
    h.hover_at(q);
    h.run();
    h.event(Event::ModifiersChanged(Modifiers::SHIFT));
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos: q,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::SHIFT,
        });
    }
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
    assert_eq!(selected(&h), "شرق دير الزور");
}

#[test]
fn arrow_keys_move_the_caret_in_visual_order_and_shift_extends() {
    let mut h = harness();
    // Click just before the first letter (its right half, in right-to-left text).
    let p = point_in(&h, 0, true);
    h.hover_at(p);
    h.run();
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos: p,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
    assert_eq!(selected(&h), "", "a click places the caret");
    for _ in 0..4 {
        h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowLeft);
        h.run();
    }
    assert_eq!(selected(&h), "قصفت", "leftwards in Arabic is forwards in the text");
    h.key_press_modifiers(Modifiers::SHIFT, Key::ArrowRight);
    h.run();
    assert_eq!(selected(&h), "قصف");
}

#[test]
fn hovering_a_span_shows_its_description() {
    let mut h = harness();
    let span = span_of(TEXT, "دير الزور");
    h.hover_at(point_in(&h, span.start + 1, true));
    h.run();
    h.run();
    h.get_by_label_contains("described Mention(MentionId(2))");
}

#[test]
fn screen_readers_get_the_text_and_each_span() {
    let h = harness();
    let doc = h.get_by_role(egui::accesskit::Role::Document);
    assert_eq!(doc.value().as_deref(), Some(TEXT));
    h.get_by_label("ACTOR: مليشيا أبو الفضل العباس");
    h.get_by_label("LOCATION: دير الزور");
}

#[test]
fn zooming_lays_the_text_out_larger() {
    let mut h = harness();
    let span = span_of(TEXT, "دير الزور");
    let width = |h: &Harness<'_, Host>| {
        h.state().view.drawn_layout().unwrap().0.span_rects(span).iter().map(|r| r.width()).sum::<f32>()
    };
    let before = width(&h);
    h.state_mut().view.zoom_in();
    h.run();
    assert!(width(&h) > before * 1.1, "{before} -> {}", width(&h));
    h.state_mut().view.zoom_reset();
    h.run();
    assert!((width(&h) - before).abs() < 0.01);
}
