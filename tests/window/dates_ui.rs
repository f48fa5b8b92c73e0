//! A time expression's date, proposed from its words and the publication date when a TIME mention is made,
//! and set only when the coder takes it (egui_kittest, on a copy of the sample, published 29 June 2021).

use crate::common;

use common::article::{select, span_of};
use common::{open_as, press, sample_copy};
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use tarmeez::model::{Annotator, AttrValue, AttributeId};
use tarmeez::ui::TarmeezApp;

#[test]
fn a_time_mention_s_date_is_proposed_and_set_when_the_coder_takes_it() {
    let (_tmp, dir) = sample_copy();
    let mut h = common::window(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    let evening = span_of(&h, "قصفت", "مساء أمس");
    select(&mut h, evening);
    press(&mut h, Modifiers::NONE, Key::Num3);
    h.get_by_label("Reads as 2021-06-28, in the evening, published 2021-06-29.");
    let date = || AttributeId::from("date");
    let layer = |h: &egui_kittest::Harness<'_, TarmeezApp>| {
        let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
        doc.layers.get(&Annotator::parse("huda").unwrap()).cloned().unwrap()
    };
    let m = layer(&h).mentions.values().find(|m| m.span == evening).cloned().unwrap();
    assert!(!m.attributes.contains_key(&date()), "nothing is set before the coder takes it");
    h.get_by_label("Use 2021-06-28").click();
    h.run();
    let m = layer(&h).mentions.values().find(|m| m.span == evening).cloned().unwrap();
    assert_eq!(m.attributes.get(&date()), Some(&AttrValue::Date("2021-06-28".into())));
    assert!(h.query_by_label("Use 2021-06-28").is_none(), "a set date is not proposed again");
    // One undo takes it back.
    press(&mut h, Modifiers::COMMAND, Key::Z);
    let m = layer(&h).mentions.values().find(|m| m.span == evening).cloned().unwrap();
    assert!(!m.attributes.contains_key(&date()));
}
