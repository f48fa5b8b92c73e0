use super::*;

fn typed_all(s: &str) -> (String, Selection) {
    let mut text = String::new();
    let mut sel = Selection::default();
    for c in s.chars() {
        sel = replace_selection(&mut text, sel, &c.to_string(), Limits::default());
    }
    (text, sel)
}

#[test]
fn typing_appends_in_logical_order_and_moves_the_caret_past_each_letter() {
    let (text, sel) = typed_all("قصفت مليشيا 8 صواريخ");
    assert_eq!(text, "قصفت مليشيا 8 صواريخ");
    assert_eq!(sel, Selection::caret(char_len("قصفت مليشيا 8 صواريخ")));
}

#[test]
fn typing_replaces_the_selection() {
    let mut text = "قصفت مليشيا 8 صواريخ".to_owned();
    let sel = Selection { anchor: 13, head: 5 }; // "مليشيا 8", selected backwards
    let after = replace_selection(&mut text, sel, "قوات", Limits::default());
    assert_eq!(text, "قصفت قوات صواريخ");
    assert_eq!(after, Selection::caret(9));
}

#[test]
fn a_single_line_field_turns_line_breaks_into_spaces_and_drops_controls() {
    let mut text = String::new();
    let sel = replace_selection(&mut text, Selection::default(), "قصف\r\nمدفعي\tعنيف\u{7}", Limits::default());
    assert_eq!(text, "قصف مدفعي عنيف");
    assert_eq!(sel.head, char_len(&text));
    let mut note = String::new();
    replace_selection(&mut note, Selection::default(), "سطر\r\nثان", Limits { multiline: true, ..Limits::default() });
    assert_eq!(note, "سطر\nثان");
}

#[test]
fn the_limit_keeps_whole_graphemes() {
    let limits = Limits { multiline: false, max_chars: 2 };
    let mut text = String::new();
    // بَ is two code points, a letter and its fatha: with room for 2, "بَت" keeps "بَ" only.
    replace_selection(&mut text, Selection::default(), "بَت", limits);
    assert_eq!(text, "بَ");
    let mut key = "a".to_owned();
    let sel = replace_selection(&mut key, Selection { anchor: 0, head: 1 }, "k", Limits { max_chars: 1, ..limits });
    assert_eq!((key.as_str(), sel.head), ("k", 1));
    let mut full = "ab".to_owned();
    replace_selection(&mut full, Selection::caret(2), "c", limits);
    assert_eq!(full, "ab");
}

#[test]
fn backspace_takes_a_grapheme_but_only_the_last_tashkeel_mark() {
    let mut text = "كتبَ".to_owned(); // ك ت ب fatha
    let sel = delete(&mut text, Selection::caret(4), true, false);
    assert_eq!((text.as_str(), sel.head), ("كتب", 3));
    // A flag is two code points, one grapheme: never half of it.
    let mut flag = "a🇵🇸".to_owned();
    let sel = delete(&mut flag, Selection::caret(3), true, false);
    assert_eq!((flag.as_str(), sel.head), ("a", 1));
    // Delete forward takes the letter with its mark.
    let mut forward = "بَت".to_owned();
    let sel = delete(&mut forward, Selection::caret(0), false, false);
    assert_eq!((forward.as_str(), sel.head), ("ت", 0));
}

#[test]
fn deleting_at_the_ends_changes_nothing() {
    let mut text = "قصف".to_owned();
    assert_eq!(delete(&mut text, Selection::caret(0), true, false), Selection::caret(0));
    assert_eq!(delete(&mut text, Selection::caret(3), false, false), Selection::caret(3));
    assert_eq!(text, "قصف");
}

#[test]
fn word_deletion_goes_over_spaces_to_the_word_before_or_after() {
    let mut text = "قصفت مليشيا 8 صواريخ".to_owned();
    let sel = delete(&mut text, Selection::caret(12), true, true); // after "مليشيا "
    assert_eq!((text.as_str(), sel.head), ("قصفت 8 صواريخ", 5));
    let sel = delete(&mut text, Selection::caret(4), false, true); // before " 8"
    assert_eq!((text.as_str(), sel.head), ("قصفت صواريخ", 4));
}

#[test]
fn deleting_a_selection_removes_exactly_it() {
    let mut text = "Atlantic Council".to_owned();
    let sel = delete(&mut text, Selection { anchor: 16, head: 8 }, true, true);
    assert_eq!((text.as_str(), sel.head), ("Atlantic", 8));
}

#[test]
fn a_double_click_selects_the_word_around_the_point() {
    let s = "قصفت مليشيا 8 صواريخ";
    assert_eq!(word_around(s, 6), 5..11);
    assert_eq!(word_around(s, 12), 12..13);
    assert_eq!(word_around(s, 4), 4..5);
    assert_eq!(word_around(s, 100), 14..20);
    assert_eq!(word_around("", 0), 0..0);
}

#[test]
fn undo_takes_back_a_typed_word_at_once_and_redo_brings_it_back() {
    let mut text = String::new();
    let mut sel = Selection::default();
    let mut history = History::default();
    for c in "قصف مدفعي".chars() {
        let s = c.to_string();
        history.record(&text, sel, EditKind::Typing, &s);
        sel = replace_selection(&mut text, sel, &s, Limits::default());
    }
    sel = history.undo(&mut text, sel).expect("a step");
    assert_eq!((text.as_str(), sel.head), ("قصف ", 4));
    sel = history.undo(&mut text, sel).expect("a step");
    assert_eq!((text.as_str(), sel.head), ("", 0));
    assert!(history.undo(&mut text, sel).is_none());
    sel = history.redo(&mut text, sel).expect("a step");
    assert_eq!(text, "قصف ");
    history.redo(&mut text, sel).expect("a step");
    assert_eq!(text, "قصف مدفعي");
}

#[test]
fn a_paste_is_its_own_undo_step_and_a_new_edit_clears_redo() {
    let mut text = "قصف".to_owned();
    let mut sel = Selection::caret(3);
    let mut history = History::default();
    history.record(&text, sel, EditKind::Other, " مدفعي");
    sel = replace_selection(&mut text, sel, " مدفعي", Limits::default());
    history.record(&text, sel, EditKind::Typing, "!");
    sel = replace_selection(&mut text, sel, "!", Limits::default());
    sel = history.undo(&mut text, sel).expect("typing");
    assert_eq!(text, "قصف مدفعي");
    history.record(&text, sel, EditKind::Deleting, "");
    sel = delete(&mut text, sel, true, false);
    assert_eq!(text, "قصف مدفع");
    assert!(history.redo(&mut text, sel).is_none(), "the typed ! is gone for good");
    history.undo(&mut text, sel).expect("the deletion");
    assert_eq!(text, "قصف مدفعي");
}
