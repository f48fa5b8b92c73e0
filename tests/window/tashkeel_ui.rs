//! The article drawn without tashkeel (View > Hide tashkeel, Ctrl+H, or the toolbar's box): the text, its
//! offsets and its geometry stay those of the text as written (egui_kittest, on a copy of the sample).

use crate::common;

use common::article::{select, span_of};
use common::{open_as, press, sample_copy};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use tarmeez::ui::TarmeezApp;

#[test]
fn ctrl_h_hides_the_marks_and_keeps_every_offset() {
    let (_tmp, dir) = sample_copy();
    let mut h = common::window(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    // «مؤكدةً» carries a tanween.
    let word = span_of(&h, "صواريخ،", "مؤكدةً");
    let rects =
        |h: &egui_kittest::Harness<'_, TarmeezApp>| h.state().article().drawn_layout().unwrap().0.span_rects(word);
    let before = rects(&h);
    assert!(!h.state().article().hide_tashkeel);
    press(&mut h, Modifiers::COMMAND, Key::H);
    assert!(h.state().article().hide_tashkeel, "Ctrl+H hides the marks");
    // The text shown is the document's, marks included, and the word is where it was.
    let (layout, _) = h.state().article().drawn_layout().unwrap();
    assert_eq!(layout.text().slice(word), Some("مؤكدةً"));
    assert_eq!(rects(&h), before);
    select(&mut h, word);
    assert_eq!(h.state().selected_text(), Some("مؤكدةً".to_owned()));
    // The toolbar's box shows them again.
    h.get_by_label("no tashkeel").click();
    h.run();
    assert!(!h.state().article().hide_tashkeel, "the box shows them again");
}
