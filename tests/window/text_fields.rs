//! Every kind of text field, typed into as a coder types, on the real app and a copy of the sample project:
//! typed Arabic with Latin and digits shows in the order of the Unicode bidi algorithm (the unicode-bidi
//! crate, the article tests' oracle) and exactly as the article's layout engine orders the same text; the
//! caret lands where Home, End and the arrows say on screen; selection, clipboard, undo and an input method
//! work; what is typed reaches the project.

use crate::common;

use common::{open_as, press, sample_copy};
use eframe::egui::{self, Event, ImeEvent, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::sync::Arc;
use tarmeez::model::{Direction, DocText, MentionId};
use tarmeez::text::{DocumentLayout, LayoutEngine, LayoutParams};
use tarmeez::ui::TarmeezApp;
use tarmeez::ui::action::Focus;
use tarmeez::ui::bidi_field::{FocusedField, focused_field};
use unicode_bidi::BidiInfo;
use unicode_segmentation::UnicodeSegmentation;

const TYPED: &str = "قصفت مليشيا 8 صواريخ";

fn app(dir: &std::path::Path) -> Harness<'static, TarmeezApp> {
    common::window(TarmeezApp::new(Some(open_as(dir, "huda")), None))
}

/// Opens project search with its field focused and types `text` into it.
fn type_in_search(h: &mut Harness<'_, TarmeezApp>, text: &str) {
    press(h, Modifiers::COMMAND, Key::F);
    h.get_by_label("Search the project").focus();
    h.run();
    h.get_by_label("Search the project").type_text(text);
    h.run();
}

/// What the search box holds, as screen readers read it.
fn query(h: &Harness<'_, TarmeezApp>) -> String {
    h.get_by_label("Search the project").value().unwrap_or_default()
}

fn field(h: &Harness<'_, TarmeezApp>) -> FocusedField {
    focused_field(&h.ctx).expect("a text field has the keyboard")
}

/// The field's graphemes from left to right on screen (by their first code point), from the boxes of the
/// layout's cluster advances.
fn left_to_right(layout: &DocumentLayout) -> Vec<usize> {
    let mut boxes = layout.grapheme_boxes(f32::MIN, f32::MAX).concat();
    boxes.sort_by(|a, b| a.rect.x0.total_cmp(&b.rect.x0));
    let mut out: Vec<usize> = boxes.iter().map(|b| b.span.start).collect();
    out.dedup();
    out
}

/// unicode-bidi's visual order of one line of `text`, as first code points of graphemes, left to right.
fn oracle_order(text: &str) -> Vec<usize> {
    let mut owner = Vec::new();
    for (cp, g) in text.graphemes(true).scan(0, |cp, g| {
        let at = *cp;
        *cp += g.chars().count();
        Some((at, g))
    }) {
        owner.extend(std::iter::repeat_n(cp, g.chars().count()));
    }
    let bidi = BidiInfo::new(text, None);
    let para = &bidi.paragraphs[0];
    let (levels, runs) = bidi.visual_runs(para, para.range.clone());
    let cp_of = |byte: usize| text[..byte].chars().count();
    let mut out = Vec::new();
    for run in runs {
        let mut chars: Vec<usize> =
            text[run.clone()].char_indices().map(|(i, _)| owner[cp_of(run.start + i)]).collect();
        if levels[run.start].is_rtl() {
            chars.reverse();
        }
        out.extend(chars);
    }
    out.dedup();
    out
}

/// The screen x of the left and right edges of grapheme `cp` in the field.
fn edges(f: &FocusedField, cp: usize) -> (f32, f32) {
    let b = f.layout.grapheme_boxes(f32::MIN, f32::MAX).concat().into_iter().find(|b| b.span.start == cp);
    let r = b.expect("a grapheme there").rect;
    (f.origin.x + r.x0, f.origin.x + r.x1)
}

/// The caret's screen x.
fn caret_x(f: &FocusedField) -> f32 {
    f.origin.x + f.layout.caret_rect(f.selection.head).x0
}

fn assert_near(a: f32, b: f32, what: &str) {
    assert!((a - b).abs() < 1.0, "{what}: {a} vs {b}");
}

#[test]
fn typed_arabic_with_digits_in_the_search_box_is_ordered_as_the_bidi_algorithm_and_the_article_order_it() {
    let (_tmp, dir) = sample_copy();
    let mut h = app(&dir);
    type_in_search(&mut h, TYPED);
    let f = field(&h);
    assert_eq!(f.layout.text().as_str(), TYPED);
    let shown = left_to_right(&f.layout);
    assert_eq!(shown, oracle_order(TYPED), "the field's order on screen is the bidi algorithm's");
    let params = LayoutParams { width: 900.0, direction: Direction::Auto, ..LayoutParams::default() };
    let article = LayoutEngine::new().layout(Arc::new(DocText::new(TYPED.to_owned())), params);
    assert_eq!(shown, left_to_right(&article), "and the article view's");
    // Read from the right: the first word's first letter is the rightmost; the 8 stays between its words.
    assert_eq!(shown.last(), Some(&0));
    assert_eq!(shown.first(), Some(&19));
    // The field is right-aligned like the paragraph: its first letter ends at the field's right side.
    let rect = h.get_by_label("Search the project").rect();
    let (_, right) = edges(&f, 0);
    assert!(right > rect.max.x - 12.0 && right <= rect.max.x, "right-aligned: {right} in {rect:?}");
}

#[test]
fn home_end_and_the_arrows_put_the_caret_where_they_say_on_screen() {
    let (_tmp, dir) = sample_copy();
    let mut h = app(&dir);
    type_in_search(&mut h, TYPED);
    // After typing, the caret is at the logical end: the left edge of the last letter, خ.
    let f = field(&h);
    assert_eq!(f.selection.head, 20);
    assert_near(caret_x(&f), edges(&f, 19).0, "after typing");
    press(&mut h, Modifiers::NONE, Key::Home);
    let f = field(&h);
    assert_eq!(f.selection.head, 0);
    assert_near(caret_x(&f), edges(&f, 0).1, "Home: the right edge of ق");
    // Left moves left on screen, which in Arabic is forward in the text.
    press(&mut h, Modifiers::NONE, Key::ArrowLeft);
    let f = field(&h);
    assert_eq!(f.selection.head, 1);
    assert_near(caret_x(&f), edges(&f, 0).0, "Left: past ق");
    // Ctrl+Left goes over the rest of the word to its far (left) edge.
    press(&mut h, Modifiers::COMMAND, Key::ArrowLeft);
    let f = field(&h);
    assert_eq!(f.selection.head, 4);
    assert_near(caret_x(&f), edges(&f, 3).0, "Ctrl+Left: the left edge of قصفت");
    press(&mut h, Modifiers::NONE, Key::End);
    let f = field(&h);
    assert_eq!(f.selection.head, 20);
    assert_near(caret_x(&f), edges(&f, 19).0, "End");
    // Right from the end goes back over خ.
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    let f = field(&h);
    assert_eq!(f.selection.head, 19);
    assert_near(caret_x(&f), edges(&f, 19).1, "Right: before خ");
    // Over the 8, a left-to-right island where one offset has two places: Right goes on to the start.
    let mut heads = vec![19];
    for _ in 0..30 {
        press(&mut h, Modifiers::NONE, Key::ArrowRight);
        heads.push(field(&h).selection.head);
    }
    assert_eq!(heads.last(), Some(&0), "Right reaches the start: {heads:?}");
}

#[test]
fn selection_clipboard_and_undo_work_on_the_typed_text() {
    let (_tmp, dir) = sample_copy();
    let mut h = app(&dir);
    type_in_search(&mut h, TYPED);
    // Shift+Ctrl+Right from the end selects the last word (over it to the right on screen).
    press(&mut h, Modifiers::SHIFT | Modifiers::COMMAND, Key::ArrowRight);
    let f = field(&h);
    assert_eq!((f.selection.anchor, f.selection.head), (20, 14));
    h.event(Event::Cut);
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .any(|c| matches!(c, egui::OutputCommand::CopyText(t) if t == "صواريخ"));
    assert!(copied, "the cut word is on the clipboard");
    h.run();
    assert_eq!(query(&h), "قصفت مليشيا 8 ");
    press(&mut h, Modifiers::NONE, Key::Home);
    h.event(Event::Paste("صواريخ ".to_owned()));
    h.run();
    assert_eq!(query(&h), "صواريخ قصفت مليشيا 8 ");
    // Undo takes back the paste, then the cut.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(query(&h), "قصفت مليشيا 8 ");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(query(&h), TYPED);
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(query(&h), "قصفت مليشيا 8 ");
    // Backspace after a vowel mark takes only the mark.
    press(&mut h, Modifiers::NONE, Key::End);
    h.get_by_label("Search the project").type_text("بَ");
    h.run();
    press(&mut h, Modifiers::NONE, Key::Backspace);
    assert_eq!(query(&h), "قصفت مليشيا 8 ب");
}

#[test]
fn an_input_methods_composition_shows_at_the_caret_and_its_commit_is_typed() {
    let (_tmp, dir) = sample_copy();
    let mut h = app(&dir);
    type_in_search(&mut h, "قصف ");
    h.event(Event::Ime(ImeEvent::Preedit { text: "مد".to_owned(), active_range_chars: None }));
    h.run();
    let f = field(&h);
    assert_eq!(f.layout.text().as_str(), "قصف مد", "the composition is shown");
    assert_eq!(query(&h), "قصف ", "but not yet typed");
    let ime = h.output().platform_output.ime.expect("the field tells the platform where its caret is");
    assert!(h.get_by_label("Search the project").rect().contains(ime.cursor_rect.center()));
    h.event(Event::Ime(ImeEvent::Commit("مدفعي".to_owned())));
    h.run();
    assert_eq!(query(&h), "قصف مدفعي");
    assert_eq!(field(&h).layout.text().as_str(), "قصف مدفعي");
}

#[test]
fn a_long_arabic_query_scrolls_to_keep_the_caret_in_the_field() {
    let (_tmp, dir) = sample_copy();
    let mut h = app(&dir);
    let long = "قصفت مليشيا لواء أبو الفضل العباس قاعدة التحالف الدولي في حقل العمر النفطي بثمانية صواريخ";
    type_in_search(&mut h, long);
    let rect = h.get_by_label("Search the project").rect();
    let inside = |x: f32| x >= rect.min.x && x <= rect.max.x;
    assert!(inside(caret_x(&field(&h))), "the caret at the end is in sight");
    press(&mut h, Modifiers::NONE, Key::Home);
    let f = field(&h);
    assert!(inside(caret_x(&f)), "Home scrolls back to the first word");
    assert_near(caret_x(&f), edges(&f, 0).1, "Home");
}

#[test]
fn a_note_typed_in_arabic_wraps_in_the_inspector_and_is_saved_with_the_mention() {
    let (_tmp, dir) = sample_copy();
    let mut h = common::window(TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    h.state_mut().focus_on(Focus::Mention(MentionId(2)));
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Note").focus();
    h.run();
    let note = "المصدر: المرصد السوري، 28 حزيران 2021. راجع الرقم مع تقرير Atlantic Council قبل اعتماده.";
    h.get_by_role_and_label(egui::accesskit::Role::MultilineTextInput, "Note").type_text(note);
    h.run();
    let f = field(&h);
    assert!(f.layout.line_count() > 1, "a long note wraps at the field's width");
    // Every visual line of the note is ordered as the bidi algorithm orders it: each line's graphemes are a
    // run of the whole paragraph's order restricted to that line.
    let oracle = oracle_order(note);
    for line in f.layout.grapheme_boxes(f32::MIN, f32::MAX) {
        let mut line = line;
        line.sort_by(|a, b| a.rect.x0.total_cmp(&b.rect.x0));
        let starts: Vec<usize> = line.iter().map(|b| b.span.start).collect();
        let mut expected: Vec<usize> = oracle.iter().copied().filter(|g| starts.contains(g)).collect();
        expected.dedup();
        let mut starts = starts;
        starts.dedup();
        // Only the letters; a line's edge spaces are placed by rule L1, which this check leaves to the
        // layout tests.
        let text = f.layout.text().clone();
        let ink = |g: &usize| !text.slice(tarmeez::model::Span::new(*g, *g + 1)).unwrap_or(" ").trim().is_empty();
        starts.retain(ink);
        expected.retain(ink);
        assert_eq!(starts, expected);
    }
    // Leaving the field commits the note as an edit of the mention.
    press(&mut h, Modifiers::NONE, Key::Escape);
    h.run();
    let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
    let layer = &doc.layers[&tarmeez::model::Annotator::parse("sample").unwrap()];
    assert_eq!(layer.mentions[&MentionId(2)].note, note);
}

/// Selects what the field `label` holds and types `text` over it; the field keeps the keyboard.
fn retype(h: &mut Harness<'_, TarmeezApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    press(h, Modifiers::COMMAND, Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Checks that the focused field shows `text` in the bidi algorithm's order.
fn assert_bidi_order(h: &Harness<'_, TarmeezApp>, label: &str, text: &str) {
    let f = field(h);
    assert_eq!(f.layout.text().as_str(), text, "{label}");
    assert_eq!(left_to_right(&f.layout), oracle_order(text), "{label}: order on screen");
    assert_eq!(h.get_by_label(label).value().as_deref(), Some(text), "{label}: its value");
}

#[test]
fn every_kind_of_field_orders_typed_arabic_as_the_bidi_algorithm() {
    let (_tmp, dir) = sample_copy();
    let mut h = app(&dir);
    // The actor registry: its search, an actor's name, a new alias, the actor's notes (several lines).
    press(&mut h, Modifiers::COMMAND, Key::K);
    retype(&mut h, "Search actors", "حقل العمر");
    assert_bidi_order(&h, "Search actors", "حقل العمر");
    h.get_by_label_contains("Coalition garrison of the al-Omar oil field base").click();
    h.run();
    for label in ["Actor name", "New alias", "Actor notes"] {
        retype(&mut h, label, TYPED);
        assert_bidi_order(&h, label, TYPED);
    }
    // The schema editor: a type's name (the schema's Arabic names are typed here) and a one-letter key.
    drop(h);
    let mut h = app(&dir);
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Schema editor").click();
    h.run();
    retype(&mut h, "Name of ACTOR", "فاعل مسلح (Armed actor)");
    assert_bidi_order(&h, "Name of ACTOR", "فاعل مسلح (Armed actor)");
    retype(&mut h, "Key of ACTOR", "قف");
    assert_eq!(h.get_by_label("Key of ACTOR").value().as_deref(), Some("ق"), "a key is one letter");
}
