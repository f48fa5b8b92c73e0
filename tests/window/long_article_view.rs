//! The article view on a long document (egui_kittest, no display): the first screen is laid out at once
//! and the rest in the background, and a jump to a span far down lands exactly, stays put on screen while
//! the estimates above it are replaced, and hit-tests exactly, before the background layout has finished.
//! The whole layout of the same text is the oracle.

use crate::common;
use common::host::{Host, article_harness};
use eframe::egui::{self, Event, Modifiers, Pos2, Rect};
use egui_kittest::Harness;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tarmeez::model::*;
use tarmeez::text::long_document::long_document;
use tarmeez::text::scene::HighlightSet;
use tarmeez::text::{DocumentLayout, LayoutEngine};

const SIZE: [f32; 2] = [900.0, 700.0];

fn harness(chars: usize) -> Harness<'static, Host> {
    let seed =
        std::fs::read_to_string(common::sample_dir().join(format!("documents/{}.txt", common::SAMPLE_DOC))).unwrap();
    let text = Arc::new(DocText::new(long_document(&seed, chars)));
    article_harness(text, HighlightSet::default(), SIZE)
}

/// The screen rectangle of the first piece of `span` as the view drew it last.
fn on_screen(h: &Harness<'_, Host>, span: Span) -> Rect {
    let (layout, origin) = h.state().view.drawn_layout().unwrap();
    let r = layout.span_rects(span)[0];
    Rect::from_min_max(origin + egui::vec2(r.x0, r.y0), origin + egui::vec2(r.x1, r.y1))
}

/// The rectangle of `span`'s first piece relative to its paragraph's top, in `layout`.
fn in_paragraph(layout: &DocumentLayout, span: Span) -> tarmeez::text::Rect {
    let top = layout.paragraphs()[layout.paragraph_of_char(span.start)].top;
    layout.span_rects(span)[0].translate(0.0, -top)
}

/// The third word of the paragraph after `percent` of the text.
fn word_at(text: &DocText, percent: usize) -> Span {
    let s = text.as_str();
    let from = s.char_indices().nth(text.len_chars() * percent / 100).unwrap().0;
    let para = from + s[from..].find("\n\n").unwrap() + 2;
    let words: Vec<usize> =
        s[para..].char_indices().filter(|(_, c)| *c == ' ').map(|(b, _)| para + b + 1).take(3).collect();
    let (start, end) = (words[1], words[2] - 1);
    Span::new(text.char_of_byte(start).unwrap(), text.char_of_byte(end).unwrap())
}

#[test]
fn a_jump_into_a_long_document_lands_exactly_and_stays_put_while_the_rest_is_laid_out() {
    let mut h = harness(200_000);
    // At 115% lines are 41.4 points tall, so tops are not whole numbers and rounding could creep in.
    h.state_mut().view.zoom_in();
    h.step();
    {
        let (layout, _) = h.state().view.drawn_layout().expect("the first frame shows text");
        let shown = layout.visible_paragraphs(0.0, SIZE[1]);
        assert!(!shown.is_empty());
        assert!(layout.paragraphs()[shown].iter().all(|p| p.is_laid_out()), "the first screen is laid out");
    }
    let text = h.state().text.clone();
    let target = word_at(&text, 90);
    h.state_mut().view.scroll_to(target);
    h.step();
    let whole = LayoutEngine::new().layout(text.clone(), h.state().view.drawn_layout().unwrap().0.params());
    let landed = on_screen(&h, target);
    assert!((landed.center().y - SIZE[1] / 2.0).abs() < 12.0, "in the middle of the view: {landed:?}");

    // Click the word's first letter while the rest is laid out: the click lands on it.
    let letter = {
        let (layout, origin) = h.state().view.drawn_layout().unwrap();
        let b = layout.grapheme_boxes(f32::MIN, f32::MAX).into_iter().flatten().find(|b| b.span.start == target.start);
        let r = b.expect("the word's first letter has a box").rect;
        Pos2::new(origin.x + r.center().0, origin.y + r.center().1)
    };
    h.hover_at(letter);
    h.step();
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos: letter,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.step();
    assert_eq!(h.state_mut().view.take_click(), Some(target.start), "the click hit the word's first letter");

    // Frame after frame, until the background is done: the word does not move, and its geometry is the
    // whole layout's.
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        let now = on_screen(&h, target);
        assert!((now.min - landed.min).length() < 0.01, "the word moved on screen: {landed:?} -> {now:?}");
        let (layout, _) = h.state().view.drawn_layout().unwrap();
        assert_eq!(in_paragraph(layout, target), in_paragraph(&whole, target));
        if !h.state().view.laying_out() {
            break;
        }
        assert!(Instant::now() < deadline, "the background layout never finished");
        std::thread::sleep(Duration::from_millis(15));
        h.step();
    }
    h.step();
    let (layout, _) = h.state().view.drawn_layout().unwrap();
    assert!(layout.is_complete());
    let tops = |d: &DocumentLayout| d.paragraphs().iter().map(|p| p.top).collect::<Vec<_>>();
    assert_eq!(tops(layout), tops(&whole), "in the end every paragraph is where the whole layout has it");
    assert!((on_screen(&h, target).min - landed.min).length() < 0.5);
}

/// Shows `other` as `Session::jump` does: the other text, then the selection and the scroll, before the
/// next frame.
fn jump(h: &mut Harness<'_, Host>, other: &Arc<DocText>, target: Span) {
    let host = h.state_mut();
    host.text = other.clone();
    host.view.select(other, target);
    host.view.scroll_to(target);
}

#[test]
fn a_jump_into_another_long_document_selects_the_span_and_shows_it_in_the_middle() {
    let mut h = harness(30_000);
    h.step();
    let first = h.state().text.clone();
    let seed =
        std::fs::read_to_string(common::sample_dir().join(format!("documents/{}.txt", common::SAMPLE_DOC))).unwrap();
    let other = Arc::new(DocText::new(long_document(&seed, 200_000)));
    let target = word_at(&other, 99);
    // Twice: the second time egui remembers where the view was and how tall the other document was when
    // it was laid out whole (shorter than the first estimate, so the jump's place was out of its bounds).
    for visit in 1..=2 {
        jump(&mut h, &other, target);
        h.step();
        assert_eq!(h.state().view.selection(), Some(target), "visit {visit}: the span is selected");
        let landed = on_screen(&h, target);
        assert!((landed.center().y - SIZE[1] / 2.0).abs() < 12.0, "visit {visit}: in the middle: {landed:?}");
        let deadline = Instant::now() + Duration::from_secs(300);
        while h.state().view.laying_out() {
            assert!(Instant::now() < deadline, "the background layout never finished");
            std::thread::sleep(Duration::from_millis(15));
            h.step();
            assert!((on_screen(&h, target).min - landed.min).length() < 0.5, "visit {visit}: the span stays put");
        }
        h.state_mut().text = first.clone();
        h.step();
    }
}

/// Presses `key` and draws two frames (the background layout keeps asking for more, so no `run`).
fn press(h: &mut Harness<'_, Host>, modifiers: Modifiers, key: egui::Key) {
    h.key_press_modifiers(modifiers, key);
    h.step();
    h.step();
}

/// The caret's rectangle on screen, as the view draws it.
fn caret_on_screen(h: &Harness<'_, Host>) -> Rect {
    let (layout, origin) = h.state().view.drawn_layout().unwrap();
    let c = layout.caret_rect(h.state().view.caret());
    Rect::from_min_max(origin + egui::vec2(c.x0, c.y0), origin + egui::vec2(c.x1, c.y1))
}

fn assert_caret_shown(h: &Harness<'_, Host>, after: &str) {
    let view = Rect::from_min_size(Pos2::ZERO, egui::vec2(SIZE[0], SIZE[1]));
    let caret = caret_on_screen(h);
    assert!(view.contains_rect(caret), "after {after}: the caret {caret:?} is off screen");
}

#[test]
fn in_a_long_document_the_view_follows_the_caret_on_page_down_and_ctrl_end() {
    let mut h = harness(500_000);
    h.step();
    // A click before the first letter gives the view the keyboard.
    let first = {
        let (layout, origin) = h.state().view.drawn_layout().unwrap();
        let b = layout.grapheme_boxes(f32::MIN, SIZE[1]).into_iter().flatten().find(|b| b.span.start == 0).unwrap();
        Pos2::new(origin.x + b.rect.x1 - 1.5, origin.y + b.rect.center().1)
    };
    h.hover_at(first);
    h.step();
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos: first,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.step();
    assert_eq!(h.state().view.caret(), 0);
    let top = h.state().view.drawn_layout().unwrap().1.y;
    let screen = caret_on_screen(&h);
    for page in 1..=3 {
        press(&mut h, Modifiers::NONE, egui::Key::PageDown);
        assert_caret_shown(&h, "Page Down");
        let scrolled = top - h.state().view.drawn_layout().unwrap().1.y;
        assert!(scrolled > page as f32 * 0.8 * SIZE[1], "page {page}: scrolled only {scrolled}");
        assert!(
            (caret_on_screen(&h).min.y - screen.min.y).abs() < 1.0,
            "page {page}: the caret moved on screen {screen:?} -> {:?}, scrolled {scrolled}, caret {}",
            caret_on_screen(&h),
            h.state().view.caret()
        );
    }
    let len = h.state().text.len_chars();
    press(&mut h, Modifiers::COMMAND, egui::Key::End);
    assert_eq!(h.state().view.caret(), len);
    // While the rest is laid out in the background, the end stays in view.
    for _ in 0..10 {
        assert_caret_shown(&h, "Ctrl+End");
        std::thread::sleep(Duration::from_millis(15));
        h.step();
    }
    press(&mut h, Modifiers::NONE, egui::Key::PageUp);
    assert!(h.state().view.caret() < len);
    assert_caret_shown(&h, "Page Up");
    let before = h.state().view.caret();
    press(&mut h, Modifiers::SHIFT, egui::Key::ArrowUp);
    assert_caret_shown(&h, "Shift+Up");
    assert_eq!(h.state().view.selection(), Some(Span::new(h.state().view.caret(), before)), "a line up selected");
    press(&mut h, Modifiers::COMMAND, egui::Key::Home);
    assert_eq!(h.state().view.caret(), 0);
    assert!((h.state().view.drawn_layout().unwrap().1.y - top).abs() < 1.0, "back at the top");
}
