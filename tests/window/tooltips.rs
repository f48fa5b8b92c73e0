//! Tooltips that wait to be asked for: a calmer delay than egui's, and the article's description of a span
//! never popping over the next lines while the pointer rests where a selection was just made.

use crate::common;
use common::article::drag;
use common::host::{Host, article_harness};
use common::*;
use eframe::egui::{self, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use tarmeez::model::*;
use tarmeez::text::scene::HighlightSet;
use tarmeez::ui::TarmeezApp;

#[test]
fn tooltips_wait_a_second_for_a_still_pointer_in_both_themes() {
    let (_tmp, dir) = sample_copy();
    let h = window(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    for theme in [egui::Theme::Dark, egui::Theme::Light] {
        let style = h.ctx.style_of(theme);
        let i = &style.interaction;
        assert!(i.tooltip_delay >= 0.8, "{theme:?}: tooltips wait {}s, egui's hurried 0.5 or less", i.tooltip_delay);
        assert!(i.show_tooltips_only_when_still, "{theme:?}: tooltips only for a still pointer");
        assert!(i.tooltip_grace_time <= 0.3, "{theme:?}: a tooltip next to an open one comes at once");
    }
}

const TEXT: &str = "قصفت مليشيا أبو الفضل العباس محيط مدينة بالميادين شرق دير الزور";

fn span_of(phrase: &str) -> Span {
    let b = TEXT.find(phrase).unwrap();
    let start = TEXT[..b].chars().count();
    Span::new(start, start + phrase.chars().count())
}

fn harness() -> Harness<'static, Host> {
    let mut layer = Layer::default();
    layer.mentions.insert(MentionId(2), Mention::new(span_of("دير الزور"), "LOCATION"));
    let highlights = HighlightSet::build(&default_conflict_schema(), Some(&layer), []);
    let mut h = article_harness(Arc::new(DocText::new(TEXT.to_owned())), highlights, [700.0, 300.0]);
    h.run();
    h
}

fn point_in(h: &Harness<'_, Host>, cp: usize) -> Pos2 {
    let (layout, origin) = h.state().view.drawn_layout().unwrap();
    let b = layout.grapheme_boxes(f32::MIN, f32::MAX).into_iter().flatten().find(|b| b.span.start == cp).unwrap();
    Pos2::new(origin.x + b.rect.center().0, origin.y + b.rect.center().1)
}

/// Lets `seconds` of simulated time pass with the pointer still (kittest steps a quarter second a frame).
fn rest(h: &mut Harness<'_, Host>, seconds: f32) {
    for _ in 0..(seconds * 4.0).ceil() as usize {
        h.step();
    }
}

const DESCRIPTION: &str = "described Mention(MentionId(2))";

#[test]
fn a_span_just_selected_by_dragging_shows_no_tooltip_until_the_pointer_moves() {
    let mut h = harness();
    let span = span_of("دير الزور");
    let (from, to) = (point_in(&h, span.start), point_in(&h, span.end - 1));
    drag(&mut h, from, to, Modifiers::NONE);
    assert!(h.state().view.selection().is_some(), "the drag selected the words");
    rest(&mut h, 3.0);
    assert!(h.query_by_label_contains(DESCRIPTION).is_none(), "no tooltip over the next lines after a selection");
    // Moving on over the span is asking: its description comes once the pointer rests again.
    h.hover_at(to + egui::vec2(8.0, 0.0));
    h.run();
    rest(&mut h, 3.0);
    h.get_by_label_contains(DESCRIPTION);
}
