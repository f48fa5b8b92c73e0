//! The caret and scrolling keys of the article on the sample project, in the whole window (egui_kittest, no
//! display): Up/Down by visual line keeping the column, Home/End, Page Up/Down, Ctrl+Home/End, Ctrl+Left/Right
//! by word in visual order and with Alt through clitics, Shift extending each. The expected offsets come from
//! the visual lines read off the grapheme boxes the layout draws (its cluster advances), and from words
//! known in the sample.

use crate::common;

use common::{open_as, press, sample_copy};
use eframe::egui::{self, Event, Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tarmeez::model::{DocText, Span};
use tarmeez::text::GraphemeBox;
use tarmeez::ui::TarmeezApp;

type H = Harness<'static, TarmeezApp>;

fn harness() -> (tempfile::TempDir, H) {
    let (tmp, dir) = sample_copy();
    (tmp, common::window(TarmeezApp::new(Some(open_as(&dir, "huda")), None)))
}

fn text(h: &H) -> DocText {
    h.state().article().drawn_layout().unwrap().0.text().as_ref().clone()
}

/// The code point span of the first occurrence of `word` after `after`.
fn span_of(h: &H, after: &str, word: &str) -> Span {
    let t = text(h);
    let from = t.as_str().find(after).unwrap();
    let b = from + t.as_str()[from..].find(word).unwrap();
    let start = t.char_of_byte(b).unwrap();
    Span::new(start, start + word.chars().count())
}

/// The visual lines of the article, top to bottom, each its grapheme boxes in document coordinates.
fn lines(h: &H) -> Vec<Vec<GraphemeBox>> {
    h.state().article().drawn_layout().unwrap().0.grapheme_boxes(f32::MIN, f32::MAX)
}

/// The index of the line on which a grapheme starts at `cp`.
fn line_with(lines: &[Vec<GraphemeBox>], cp: usize) -> usize {
    lines.iter().position(|l| l.iter().any(|b| b.span.start == cp)).expect("a grapheme starts there")
}

fn grapheme_box(h: &H, cp: usize) -> GraphemeBox {
    lines(h).into_iter().flatten().find(|b| b.span.start == cp).expect("a grapheme starts there")
}

/// Where a caret at column `x` lands on a right-to-left line: before the grapheme under `x` when `x` is in
/// its right half, after it when in its left half.
fn rtl_oracle(line: &[GraphemeBox], x: f32) -> usize {
    let b = line.iter().find(|b| b.rect.x0 <= x && x < b.rect.x1).expect("the column is over the line");
    if x >= b.rect.center().0 { b.span.start } else { b.span.end }
}

/// The first and the one-past-last code points of a line (its trailing space included).
fn extent(line: &[GraphemeBox]) -> (usize, usize) {
    (line.iter().map(|b| b.span.start).min().unwrap(), line.iter().map(|b| b.span.end).max().unwrap())
}

fn tick(h: &mut H) {
    let now = h.input_mut().time.unwrap_or(0.0);
    h.input_mut().time = Some(now + 1.0);
}

/// Clicks just before the grapheme at `cp` (the right half of its box: the text is right to left), which
/// puts the caret there and gives the article the keyboard.
fn place_caret(h: &mut H, cp: usize) {
    let (_, origin) = h.state().article().drawn_layout().unwrap();
    let r = grapheme_box(h, cp).rect;
    let pos = Pos2::new(origin.x + r.x1 - 1.5, origin.y + r.center().1);
    tick(h);
    h.hover_at(pos);
    h.run();
    for pressed in [true, false] {
        h.event(Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.run();
    }
    assert_eq!(caret(h), cp, "the click put the caret before the letter");
    assert_eq!(h.state().article().selection(), None);
}

fn caret(h: &H) -> usize {
    h.state().article().caret()
}

fn selected(h: &H) -> Option<String> {
    let t = text(h);
    h.state().article().selection().and_then(|s| t.slice(s)).map(str::to_owned)
}

/// The caret's rectangle on screen.
fn caret_on_screen(h: &H) -> egui::Rect {
    let (layout, origin) = h.state().article().drawn_layout().unwrap();
    let c = layout.caret_rect(caret(h));
    egui::Rect::from_min_max(origin + egui::vec2(c.x0, c.y0), origin + egui::vec2(c.x1, c.y1))
}

fn origin_y(h: &H) -> f32 {
    h.state().article().drawn_layout().unwrap().1.y
}

/// A letter inside the first line of the paragraph that starts "وقالت مصادر", which wraps over several lines.
fn letter_in_a_long_paragraph(h: &H) -> usize {
    span_of(h, "وقالت مصادر", "مصادر").start + 2
}

#[test]
fn down_and_up_move_by_visual_line_and_keep_the_column() {
    let (_tmp, mut h) = harness();
    let start = letter_in_a_long_paragraph(&h);
    place_caret(&mut h, start);
    let all = lines(&h);
    let first = line_with(&all, start);
    let x = grapheme_box(&h, start).rect.x1;
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(caret(&h), rtl_oracle(&all[first + 1], x), "the same column one line down");
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(caret(&h), rtl_oracle(&all[first + 2], x), "and the next");
    press(&mut h, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(caret(&h), rtl_oracle(&all[first + 1], x));
    press(&mut h, Modifiers::NONE, Key::ArrowUp);
    assert_eq!(caret(&h), start, "back to the letter it started from");
}

#[test]
fn down_keeps_its_column_over_the_blank_line_between_paragraphs() {
    let (_tmp, mut h) = harness();
    // The title is one short line; the paragraph after the blank line is long and wide.
    let t = text(&h);
    let title_end = t.as_str().find('\n').map(|b| t.char_of_byte(b).unwrap()).unwrap();
    let all = lines(&h);
    assert_eq!(line_with(&all, 0), 0);
    let x = grapheme_box(&h, 2).rect.x1;
    place_caret(&mut h, 2);
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(caret(&h), title_end + 1, "the blank paragraph is a line of its own");
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(caret(&h), rtl_oracle(&all[1], x), "the column the caret had in the title");
}

#[test]
fn shift_down_extends_the_selection_across_lines() {
    let (_tmp, mut h) = harness();
    let start = letter_in_a_long_paragraph(&h);
    place_caret(&mut h, start);
    let all = lines(&h);
    let x = grapheme_box(&h, start).rect.x1;
    let below = rtl_oracle(&all[line_with(&all, start) + 1], x);
    press(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    assert_eq!(h.state().article().selection(), Some(Span::new(start, below)));
    assert_eq!(caret(&h), below);
    press(&mut h, Modifiers::SHIFT, Key::ArrowUp);
    assert_eq!(h.state().article().selection(), None, "back where it started: nothing selected");
    // Without Shift the selection is dropped.
    press(&mut h, Modifiers::SHIFT, Key::ArrowDown);
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    assert_eq!(h.state().article().selection(), None);
}

#[test]
fn home_and_end_go_to_the_logical_ends_of_the_visual_line_and_shift_selects_it() {
    let (_tmp, mut h) = harness();
    let start = letter_in_a_long_paragraph(&h);
    place_caret(&mut h, start);
    let all = lines(&h);
    let line = &all[line_with(&all, start)];
    let (first, after_last) = extent(line);
    press(&mut h, Modifiers::NONE, Key::Home);
    assert_eq!(caret(&h), first, "Home: the line's first letter in reading order");
    let rightmost = line.iter().map(|b| b.rect.x1).fold(f32::MIN, f32::max);
    assert_eq!(grapheme_box(&h, first).rect.x1, rightmost, "which is on the right in Arabic");
    let t = text(&h);
    let line_text = t.slice(Span::new(first, after_last)).unwrap().to_owned();
    assert!(line_text.ends_with(' '), "a wrapped line ends with its space");
    press(&mut h, Modifiers::SHIFT, Key::End);
    assert_eq!(selected(&h).as_deref(), Some(line_text.trim_end()), "Shift+End selects the line, not its space");
    assert_eq!(caret(&h), after_last - 1);
    press(&mut h, Modifiers::NONE, Key::Home);
    assert_eq!((caret(&h), selected(&h)), (first, None));
    press(&mut h, Modifiers::NONE, Key::End);
    assert_eq!(caret(&h), after_last - 1, "End: before the trailing space, still on this line");
}

#[test]
fn page_down_and_up_scroll_by_the_view_and_keep_the_caret_in_its_place_on_screen() {
    let (_tmp, mut h) = harness();
    let start = 2;
    place_caret(&mut h, start);
    let all = lines(&h);
    let x = grapheme_box(&h, start).rect.x1;
    let (top, screen) = (origin_y(&h), caret_on_screen(&h));
    press(&mut h, Modifiers::NONE, Key::PageDown);
    let scrolled = top - origin_y(&h);
    assert!(scrolled > 500.0 && scrolled < 1000.0, "by about the view's height: {scrolled}");
    assert!((caret_on_screen(&h).center().y - screen.center().y).abs() < 1.0, "the caret stays put on screen");
    // Expected: the line `scrolled` below the title's line, at the same column.
    let (layout, _) = h.state().article().drawn_layout().unwrap();
    let y = grapheme_box(&h, start).rect.center().1 + scrolled;
    let line = all.iter().position(|l| l[0].rect.y0 <= y && y < l[0].rect.y1).expect("a line there");
    assert_eq!(caret(&h), rtl_oracle(&all[line], x), "{:?}", layout.caret_rect(caret(&h)));
    press(&mut h, Modifiers::NONE, Key::PageUp);
    assert_eq!(caret(&h), start);
    assert!((origin_y(&h) - top).abs() < 1.0, "back at the top");
    // Shift+Page Down selects the page.
    press(&mut h, Modifiers::SHIFT, Key::PageDown);
    assert_eq!(h.state().article().selection(), Some(Span::new(start, rtl_oracle(&all[line], x))));
}

#[test]
fn ctrl_end_and_ctrl_home_go_to_the_ends_of_the_document_and_the_view_follows() {
    let (_tmp, mut h) = harness();
    place_caret(&mut h, 2);
    let len = text(&h).len_chars();
    let top = origin_y(&h);
    press(&mut h, Modifiers::COMMAND, Key::End);
    assert_eq!(caret(&h), len);
    let window = egui::Rect::from_min_size(Pos2::ZERO, egui::vec2(1400.0, 1000.0));
    assert!(origin_y(&h) < top - 500.0, "scrolled down: {} -> {}", top, origin_y(&h));
    assert!(window.contains_rect(caret_on_screen(&h)), "the caret is on screen: {:?}", caret_on_screen(&h));
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Home);
    assert_eq!(h.state().article().selection(), Some(Span::new(0, len)), "Ctrl+Shift+Home selects it all");
    assert!((origin_y(&h) - top).abs() < 1.0, "back at the top");
}

#[test]
fn ctrl_left_and_right_move_by_word_in_visual_order_and_shift_selects_whole_words() {
    let (_tmp, mut h) = harness();
    let name = span_of(&h, "لـ\"وكالة", "مليشيا أبو الفضل العباس");
    place_caret(&mut h, name.start);
    // Leftwards on screen is forwards in Arabic: to the left edge of "مليشيا", then of "أبو".
    press(&mut h, Modifiers::COMMAND, Key::ArrowLeft);
    assert_eq!(caret(&h), name.start + "مليشيا".chars().count());
    let (_, origin) = h.state().article().drawn_layout().unwrap();
    let first_letter = grapheme_box(&h, name.start).rect;
    assert!(
        caret_on_screen(&h).center().x < origin.x + first_letter.x0,
        "on the left of the word: {:?} {first_letter:?}",
        caret_on_screen(&h)
    );
    press(&mut h, Modifiers::COMMAND, Key::ArrowLeft);
    assert_eq!(caret(&h), name.start + "مليشيا أبو".chars().count());
    press(&mut h, Modifiers::COMMAND, Key::ArrowRight);
    assert_eq!(caret(&h), span_of(&h, "لـ\"وكالة", "أبو").start, "rightwards: back to the word's start");
    press(&mut h, Modifiers::COMMAND, Key::ArrowRight);
    assert_eq!(caret(&h), name.start);
    // Four words with Ctrl+Shift+Left: the militia's name, without the space after it.
    for _ in 0..4 {
        press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowLeft);
    }
    assert_eq!(h.state().article().selection(), Some(name));
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(selected(&h).as_deref(), Some("مليشيا أبو الفضل "), "back to the start of العباس");
}

#[test]
fn ctrl_alt_left_and_right_also_stop_at_clitics() {
    let (_tmp, mut h) = harness();
    let word = span_of(&h, "الأحد", "بالقرب");
    place_caret(&mut h, word.start);
    let ctrl_alt = Modifiers::COMMAND | Modifiers::ALT;
    press(&mut h, ctrl_alt, Key::ArrowLeft);
    assert_eq!(caret(&h), word.start + 1, "after the preposition ب");
    press(&mut h, ctrl_alt, Key::ArrowLeft);
    assert_eq!(caret(&h), word.start + 3, "after the article ال");
    press(&mut h, ctrl_alt, Key::ArrowLeft);
    assert_eq!(caret(&h), word.end);
    // Shift: "القرب" without its preposition, as a coder marks it.
    press(&mut h, ctrl_alt | Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(selected(&h).as_deref(), Some("قرب"));
    press(&mut h, ctrl_alt | Modifiers::SHIFT, Key::ArrowRight);
    assert_eq!(selected(&h).as_deref(), Some("القرب"));
    // Plain Ctrl takes the written word whole.
    place_caret(&mut h, word.start);
    press(&mut h, Modifiers::COMMAND, Key::ArrowLeft);
    assert_eq!(caret(&h), word.end);
}

#[test]
fn left_crosses_the_blank_line_between_paragraphs() {
    let (_tmp, mut h) = harness();
    let t = text(&h);
    let title_end = t.as_str().find('\n').map(|b| t.char_of_byte(b).unwrap()).unwrap();
    place_caret(&mut h, title_end - 1);
    let mut seen = Vec::new();
    for _ in 0..4 {
        press(&mut h, Modifiers::NONE, Key::ArrowLeft);
        seen.push(caret(&h));
    }
    // The title's end, the blank paragraph, the next paragraph's start and its second letter.
    assert_eq!(seen, [title_end, title_end + 1, title_end + 2, title_end + 3]);
}

#[test]
fn the_keys_are_the_text_fields_while_one_has_the_keyboard() {
    let (_tmp, mut h) = harness();
    let start = letter_in_a_long_paragraph(&h);
    place_caret(&mut h, start);
    // Ctrl+F opens the search window with its field focused.
    press(&mut h, Modifiers::COMMAND, Key::F);
    assert!(tarmeez::ui::bidi_field::text_field_focused(&h.ctx), "the search field has the keyboard");
    for key in [Key::ArrowDown, Key::End, Key::PageDown, Key::Home] {
        press(&mut h, Modifiers::NONE, key);
        press(&mut h, Modifiers::COMMAND, key);
    }
    assert_eq!(caret(&h), start, "the caret did not move");
}

#[test]
fn the_shortcuts_window_lists_the_caret_keys() {
    let (_tmp, mut h) = harness();
    press(&mut h, Modifiers::NONE, Key::F1);
    for keys in
        ["Up / Down", "Home / End", "Page Up / Page Down", "Ctrl+Home / Ctrl+End", "Ctrl+Alt+Left / Ctrl+Alt+Right"]
    {
        h.get_by_label(keys);
    }
}
