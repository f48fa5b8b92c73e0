//! Driving the article view as a coder's mouse does: selecting a phrase by dragging across it, clicking a
//! letter. Each moves the harness clock a second on first, so that two presses are never a double click.

use eframe::egui::{self, Event, Modifiers, Pos2};
use egui_kittest::Harness;
use tarmeez::model::Span;
use tarmeez::ui::TarmeezApp;

/// The code point span of the first occurrence of `phrase` after `after` in the shown article.
pub fn span_of(h: &Harness<'_, TarmeezApp>, after: &str, phrase: &str) -> Span {
    let (layout, _) = h.state().article().drawn_layout().unwrap();
    let text = layout.text().clone();
    let from = text.as_str().find(after).unwrap();
    let b = from + text.as_str()[from..].find(phrase).unwrap();
    let start = text.char_of_byte(b).unwrap();
    Span::new(start, start + phrase.chars().count())
}

/// Moves the harness clock a second on, so that two presses are never taken for a double click.
pub fn tick(h: &mut Harness<'_, TarmeezApp>) {
    let now = h.input_mut().time.unwrap_or(0.0);
    h.input_mut().time = Some(now + 1.0);
}

/// Presses the primary button at `from`, moves to `to` in four steps and lets go, with `modifiers` held.
pub fn drag<S>(h: &mut Harness<'_, S>, from: Pos2, to: Pos2, modifiers: Modifiers) {
    h.event(Event::ModifiersChanged(modifiers));
    h.hover_at(from);
    h.run();
    h.event(Event::PointerButton { pos: from, button: egui::PointerButton::Primary, pressed: true, modifiers });
    h.run();
    for i in 1..=4 {
        h.hover_at(from + (to - from) * (i as f32 / 4.0));
        h.run();
    }
    h.event(Event::PointerButton { pos: to, button: egui::PointerButton::Primary, pressed: false, modifiers });
    h.run();
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

/// Selects `span` (on one line, whole words) by dragging across it with the mouse, as a coder does; the
/// article then has the keyboard focus.
pub fn select(h: &mut Harness<'_, TarmeezApp>, span: Span) {
    let (layout, origin) = h.state().article().drawn_layout().unwrap();
    let rects = layout.span_rects(span);
    assert_eq!(rects.len(), 1, "the span is on one line");
    let r = rects[0];
    let y = origin.y + (r.y0 + r.y1) / 2.0;
    // Right to left: the span starts at its right edge.
    let (from, to) = (Pos2::new(origin.x + r.x1 - 2.0, y), Pos2::new(origin.x + r.x0 + 2.0, y));
    tick(h);
    drag(h, from, to, Modifiers::NONE);
    assert_eq!(h.state().article().selection(), Some(span));
}

/// The middle of the first piece of `span` on screen, with the pointer moved there (and the clock a second on).
pub fn hover_span(h: &mut Harness<'_, TarmeezApp>, span: Span) -> Pos2 {
    let (layout, origin) = h.state().article().drawn_layout().unwrap();
    let r = layout.span_rects(span)[0];
    let pos = Pos2::new(origin.x + (r.x0 + r.x1) / 2.0, origin.y + (r.y0 + r.y1) / 2.0);
    tick(h);
    h.hover_at(pos);
    h.run();
    pos
}

/// Clicks the middle of the first piece of `span` in the article, as the mouse would.
pub fn click_text(h: &mut Harness<'_, TarmeezApp>, span: Span) {
    let pos = hover_span(h, span);
    let modifiers = Modifiers::NONE;
    h.event(Event::PointerButton { pos, button: egui::PointerButton::Primary, pressed: true, modifiers });
    h.run();
    h.event(Event::PointerButton { pos, button: egui::PointerButton::Primary, pressed: false, modifiers });
    h.run();
}
