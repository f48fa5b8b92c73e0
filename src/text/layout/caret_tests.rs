//! Caret motions checked against the visual lines read from the grapheme boxes (cluster advances), not
//! against parley's own cursor movement.

use super::*;
use crate::model::DocText;
use crate::text::{GraphemeBox, LayoutEngine, LayoutParams};
use std::sync::Arc;

const LONG: &str = "وقالت مصادر خاصة إن مليشيا أبو الفضل العباس العراقية التابعة للمليشيات الإيرانية قصفت مساء أمس محيط قاعدة التحالف الدولي القريبة من حقل العمر النفطي شرق محافظة دير الزور";

fn lay_out(text: &str, width: f32) -> DocumentLayout {
    let params = LayoutParams { width, ..LayoutParams::default() };
    LayoutEngine::new().layout(Arc::new(DocText::new(text.to_owned())), params)
}

/// Code point of the first occurrence of `word`.
fn at(layout: &DocumentLayout, word: &str) -> usize {
    let s = layout.text().as_str();
    layout.text().char_of_byte(s.find(word).unwrap()).unwrap()
}

fn lines(layout: &DocumentLayout) -> Vec<Vec<GraphemeBox>> {
    layout.grapheme_boxes(f32::MIN, f32::MAX)
}

/// The line (index into [`lines`]) whose boxes start a grapheme at `cp`.
fn line_with(layout: &DocumentLayout, cp: usize) -> usize {
    lines(layout).iter().position(|l| l.iter().any(|b| b.span.start == cp)).unwrap()
}

/// Where a caret at column `x` lands on a right-to-left line, by its boxes: before the grapheme under `x`
/// if `x` is in its right half, after it if in its left half.
fn rtl_oracle(line: &[GraphemeBox], x: f32) -> usize {
    let b = line.iter().find(|b| b.rect.x0 <= x && x < b.rect.x1).expect("x is over the line");
    if x >= b.rect.center().0 { b.span.start } else { b.span.end }
}

/// The caret's column at `cp` by its grapheme's box: the right edge of the grapheme starting there.
fn rtl_x(layout: &DocumentLayout, cp: usize) -> f32 {
    lines(layout).into_iter().flatten().find(|b| b.span.start == cp).unwrap().rect.x1
}

fn moved(layout: &DocumentLayout, cp: usize, motion: Motion) -> usize {
    layout.move_caret(cp, None, motion).caret
}

#[test]
fn down_and_up_go_to_the_same_column_of_the_next_and_previous_visual_line() {
    let layout = lay_out(LONG, 300.0);
    let all = lines(&layout);
    assert!(all.len() >= 4, "the paragraph wraps: {} lines", all.len());
    let start = at(&layout, "الفضل") + 2;
    let first = line_with(&layout, start);
    let x = rtl_x(&layout, start);
    let down = layout.move_caret(start, None, Motion::Line { down: true });
    assert_eq!(down.caret, rtl_oracle(&all[first + 1], x));
    assert_eq!(down.goal_x, Some(x), "the column is kept for the next vertical motion");
    let down2 = layout.move_caret(down.caret, down.goal_x, Motion::Line { down: true });
    assert_eq!(down2.caret, rtl_oracle(&all[first + 2], x));
    let up = layout.move_caret(down2.caret, down2.goal_x, Motion::Line { down: false });
    let up2 = layout.move_caret(up.caret, up.goal_x, Motion::Line { down: false });
    assert_eq!(up2.caret, start, "two lines down and two up come back to the same letter");
}

#[test]
fn the_goal_column_survives_a_short_line_and_a_blank_paragraph() {
    let one_line = "قصفت مليشيا أبو الفضل العباس محيط قاعدة التحالف";
    let layout = lay_out(&format!("{one_line}\nقصير\n\n{one_line}"), 800.0);
    let all = lines(&layout);
    assert_eq!(all.len(), 3, "two long lines and a short one (the blank paragraph has no boxes)");
    // The second letter from the left of the first line, far to the left of where "قصير" ends.
    let b = all[0][1].clone();
    let x = b.rect.x1;
    assert!(all[1].iter().all(|s| s.rect.x0 > x));
    let short = &layout.paragraphs()[1];
    let mut m = layout.move_caret(b.span.start, None, Motion::Line { down: true });
    assert_eq!(m.caret, short.chars.end, "past the end of a short line: its end");
    m = layout.move_caret(m.caret, m.goal_x, Motion::Line { down: true });
    assert_eq!(m.caret, layout.paragraphs()[2].chars.start, "the blank paragraph is a line of its own");
    m = layout.move_caret(m.caret, m.goal_x, Motion::Line { down: true });
    assert_eq!(m.caret, rtl_oracle(&all[2], x), "back at the column it started from");
    assert_eq!(m.caret - layout.paragraphs()[3].chars.start, b.span.start, "the same letter of the same words");
}

#[test]
fn up_on_the_first_line_and_down_on_the_last_go_to_the_ends_of_the_document() {
    let layout = lay_out(LONG, 300.0);
    let cp = at(&layout, "مصادر");
    assert_eq!(moved(&layout, cp, Motion::Line { down: false }), 0);
    let last = at(&layout, "الزور");
    assert_eq!(moved(&layout, last, Motion::Line { down: true }), layout.text().len_chars());
}

#[test]
fn home_and_end_go_to_the_logical_ends_of_the_visual_line() {
    let layout = lay_out(LONG, 300.0);
    let all = lines(&layout);
    let cp = at(&layout, "العباس") + 3;
    let line = &all[line_with(&layout, cp)];
    let first = line.iter().map(|b| b.span.start).min().unwrap();
    let after_last = line.iter().map(|b| b.span.end).max().unwrap();
    let home = moved(&layout, cp, Motion::LineEdge { end: false });
    assert_eq!(home, first);
    // Logical start of a right-to-left line: its rightmost letter.
    assert_eq!(rtl_x(&layout, home), line.iter().map(|b| b.rect.x1).fold(f32::MIN, f32::max));
    let end = moved(&layout, cp, Motion::LineEdge { end: true });
    let text = layout.text().as_str();
    assert_eq!(text.chars().nth(after_last - 1), Some(' '), "a wrapped line ends with its space");
    assert_eq!(end, after_last - 1, "End stops before the space, still on this line");
    assert_eq!(line_with(&layout, home), line_with(&layout, end - 1));
    // On the paragraph's last line, End is the paragraph's end.
    assert_eq!(moved(&layout, at(&layout, "الزور"), Motion::LineEdge { end: true }), layout.text().len_chars());
}

#[test]
fn a_page_moves_by_the_height_at_the_same_column_and_stops_at_the_ends() {
    let text = [LONG; 6].join("\n");
    let layout = lay_out(&text, 300.0);
    let all = lines(&layout);
    let line_px = layout.params().line_px();
    let start = at(&layout, "الفضل") + 2;
    let x = rtl_x(&layout, start);
    let from = line_with(&layout, start);
    let m = layout.move_caret(start, None, Motion::Page { down: true, height: 5.0 * line_px });
    assert_eq!(m.caret, rtl_oracle(&all[from + 5], x), "five lines down");
    let back = layout.move_caret(m.caret, m.goal_x, Motion::Page { down: false, height: 5.0 * line_px });
    assert_eq!(back.caret, start);
    let huge = Motion::Page { down: true, height: 1e6 };
    let bottom = layout.move_caret(start, None, huge);
    let last = &all[all.len() - 1];
    let last_chars = last.iter().map(|b| b.span.start).min().unwrap()..=last.iter().map(|b| b.span.end).max().unwrap();
    assert!(last_chars.contains(&bottom.caret), "a page past the end: the last line");
    assert_eq!(moved(&layout, bottom.caret, huge), layout.text().len_chars(), "then the end");
    assert_eq!(moved(&layout, start, Motion::Page { down: false, height: 1e6 }), 0);
}

#[test]
fn document_edges() {
    let layout = lay_out(&format!("{LONG}\n\n{LONG}\n"), 300.0);
    let cp = at(&layout, "قصفت");
    assert_eq!(moved(&layout, cp, Motion::DocumentEdge { end: false }), 0);
    assert_eq!(moved(&layout, cp, Motion::DocumentEdge { end: true }), layout.text().len_chars());
}

#[test]
fn words_in_right_to_left_text_leftwards_forwards_to_each_word_end() {
    let layout = lay_out("قصفت مليشيا أبو الفضل العباس، محيط", 800.0);
    let start = at(&layout, "مليشيا");
    let left = |cp| moved(&layout, cp, Motion::Word { left: true, clitics: false });
    let right = |cp| moved(&layout, cp, Motion::Word { left: false, clitics: false });
    let end_of = |w: &str| at(&layout, w) + w.chars().count();
    assert_eq!(left(start), end_of("مليشيا"));
    assert_eq!(left(left(start)), end_of("أبو"));
    assert_eq!(left(left(left(left(start)))), end_of("العباس"), "the comma is not a word");
    assert_eq!(left(end_of("العباس")), end_of("محيط"), "over the comma and the space");
    assert_eq!(right(end_of("أبو")), at(&layout, "أبو"), "rightwards: back to the word's start");
    assert_eq!(right(at(&layout, "أبو")), start);
    assert_eq!(right(start + 2), start, "from inside a word: its start");
    assert_eq!(right(right(start)), 0);
    assert_eq!(right(0), 0, "nothing further");
}

#[test]
fn words_in_left_to_right_text_rightwards_forwards() {
    let layout = lay_out("Abu al-Fadl al-Abbas brigade", 800.0);
    let right = |cp| moved(&layout, cp, Motion::Word { left: false, clitics: false });
    let left = |cp| moved(&layout, cp, Motion::Word { left: true, clitics: false });
    assert_eq!(right(0), 3);
    assert_eq!(left(3), 0);
    assert_eq!(left(at(&layout, "brigade") + 3), at(&layout, "brigade"));
}

#[test]
fn word_motion_crosses_blank_paragraphs_to_the_next_word() {
    let layout = lay_out("قصفت القاعدة\n\nوأكدت المصادر", 800.0);
    let left = |cp| moved(&layout, cp, Motion::Word { left: true, clitics: false });
    let end = at(&layout, "القاعدة") + 7;
    assert_eq!(left(end), at(&layout, "وأكدت") + 5);
}

#[test]
fn with_clitics_a_word_motion_also_stops_after_each_proclitic() {
    let layout = lay_out("من بالقرب من وللمليشيات", 800.0);
    let w = at(&layout, "بالقرب");
    let left = |cp| moved(&layout, cp, Motion::Word { left: true, clitics: true });
    let right = |cp| moved(&layout, cp, Motion::Word { left: false, clitics: true });
    assert_eq!(left(w), w + 1, "ب");
    assert_eq!(left(w + 1), w + 3, "ال");
    assert_eq!(left(w + 3), w + 6, "قرب, to the end of the word");
    assert_eq!(right(w + 6), w + 3);
    assert_eq!(right(w + 3), w + 1);
    assert_eq!(right(w + 1), w);
    let v = at(&layout, "وللمليشيات");
    assert_eq!(left(left(left(v))), v + 3, "و ل ل");
    // Negative: without Alt the clitics stay in the word.
    assert_eq!(moved(&layout, w, Motion::Word { left: true, clitics: false }), w + 6);
}

#[test]
fn arrows_cross_a_blank_paragraph_in_right_to_left_text() {
    let layout = lay_out("أمس\n\nاليوم", 800.0);
    // Leftwards is forwards: from the end of "أمس" into the blank paragraph, then on to "اليوم".
    assert_eq!(moved(&layout, 3, Motion::Grapheme { left: true }), 4);
    assert_eq!(moved(&layout, 4, Motion::Grapheme { left: true }), 5, "not back to where it came from");
    assert_eq!(moved(&layout, 5, Motion::Grapheme { left: false }), 4);
    assert_eq!(moved(&layout, 4, Motion::Grapheme { left: false }), 3);
}

#[test]
fn the_arrows_cross_a_number_inside_arabic_and_visit_every_place_the_caret_is_drawn() {
    // Where "8" meets the spaces around it, two offsets are drawn at one place (the 8's start and the space
    // after it); the caret must not stay there for ever (it did, going right) and must stop at every place.
    let text = "قصفت مليشيا 8 صواريخ";
    let layout = lay_out(text, 900.0);
    let n = text.chars().count();
    let place = |cp: usize| (layout.caret_rect(cp).x0 * 2.0).round() as i32;
    let mut all: Vec<i32> = (0..=n).map(place).collect();
    all.sort_unstable();
    all.dedup();
    for left in [false, true] {
        let (mut cp, end) = if left { (0, n) } else { (n, 0) };
        let mut seen = vec![place(cp)];
        for _ in 0..3 * n {
            let next = moved(&layout, cp, Motion::Grapheme { left });
            if next != cp {
                assert_ne!(place(next), place(cp), "a step from {cp} to {next} that does not move on screen");
                seen.push(place(next));
            }
            cp = next;
        }
        assert_eq!(cp, end, "{} reaches the other end", if left { "Left" } else { "Right" });
        seen.sort_unstable();
        assert_eq!(seen, all, "every place once");
    }
}
