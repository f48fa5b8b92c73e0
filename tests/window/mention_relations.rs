//! Relating two mentions as a coder does, on the real app and a copy of the sample project: the seed article's
//! own affiliation ("مليشيا أبو الفضل العباس التابعة للحرس الثوري الإيراني") made with a click, R and a
//! click, shown in both mentions' inspectors, undone and redone, refused between types the schema does not
//! relate, and gone with a removed mention.

use crate::common;

use common::article::{click_text, select, span_of};
use common::{open_as, press, sample_copy};
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tarmeez::model::{Annotator, Layer, MentionId, Span};
use tarmeez::ui::TarmeezApp;

fn own_layer(h: &Harness<'_, TarmeezApp>) -> Layer {
    let doc = h.state().project().unwrap().documents()[0].loaded().unwrap();
    doc.layers.get(&Annotator::parse("huda").unwrap()).cloned().unwrap_or_default()
}

/// Marks `span` with the type key `key` and returns the new mention's id.
fn mark(h: &mut Harness<'_, TarmeezApp>, span: Span, key: Key) -> MentionId {
    select(h, span);
    press(h, Modifiers::NONE, key);
    let layer = own_layer(h);
    *layer.mentions.iter().find(|(_, m)| m.span == span).expect("marked").0
}

#[test]
fn r_and_a_click_relate_two_actors_in_one_undoable_edit() {
    let (_tmp, dir) = sample_copy();
    let mut h = common::window(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    let militia_span = span_of(&h, "وأضافت المصادر أن", "مليشيا أبو الفضل العباس");
    let irgc_span = span_of(&h, "العباس التابعة", "للحرس الثوري الإيراني");
    let place_span = span_of(&h, "المتمركزة في", "بادية القورية");
    let militia = mark(&mut h, militia_span, Key::Num1);
    let irgc = mark(&mut h, irgc_span, Key::Num1);
    let place = mark(&mut h, place_span, Key::Num2);

    click_text(&mut h, militia_span);
    press(&mut h, Modifiers::NONE, Key::R);
    h.get_by_label("Relating: click the mention it is related to (Esc stops)");
    click_text(&mut h, irgc_span);
    let layer = own_layer(&h);
    let relations: Vec<_> = layer.mention_relations.values().collect();
    assert_eq!(relations.len(), 1);
    assert_eq!((relations[0].from, relations[0].to), (militia, irgc));
    assert_eq!(relations[0].relation_type.as_str(), "AFFILIATED_WITH");
    h.get_by_label("Affiliated with «للحرس الثوري الإيراني»");
    assert_eq!(h.state().article().links, vec![(militia_span, irgc_span)], "an arrow over the text");
    // The other end shows it too, and a click on the line comes back.
    click_text(&mut h, irgc_span);
    h.get_by_label("«مليشيا أبو الفضل العباس» Affiliated with this").click();
    h.run();
    assert_eq!(h.state().focus(), Some(tarmeez::ui::action::Focus::Mention(militia)));

    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(own_layer(&h).mention_relations.is_empty(), "one Ctrl+Z takes the relation back");
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    assert_eq!(own_layer(&h).mention_relations.len(), 1);

    // The schema relates actors to actors only: a place is refused with why, and nothing changes.
    click_text(&mut h, militia_span);
    press(&mut h, Modifiers::NONE, Key::R);
    click_text(&mut h, place_span);
    h.get_by_label_contains("does not go from a mention of type ACTOR to one of type LOCATION");
    assert_eq!(own_layer(&h).mention_relations.len(), 1);
    // Esc stops a relation that waits (the first one dismissed the refusal's message).
    press(&mut h, Modifiers::NONE, Key::Escape);
    click_text(&mut h, militia_span);
    press(&mut h, Modifiers::NONE, Key::R);
    assert!(h.state().session().is_some_and(|s| s.relating == Some(militia)));
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.state().session().is_some_and(|s| s.relating.is_none()));
    let _ = place;

    // Removing a mention removes its relations, in the same edit.
    click_text(&mut h, irgc_span);
    press(&mut h, Modifiers::NONE, Key::Delete);
    assert!(own_layer(&h).mention_relations.is_empty());
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(own_layer(&h).mention_relations.len(), 1, "undo brings the mention and its relation back");
    // Saved in the coder's layer file.
    press(&mut h, Modifiers::COMMAND, Key::S);
    let saved = std::fs::read_to_string(dir.join(format!("annotations/{}/huda.ron", common::SAMPLE_DOC))).unwrap();
    assert!(saved.contains("mention_relations"), "{saved}");
}

/// A relation's type is changed from the inspector's drop-down, among the types its ends allow; undoable.
#[test]
fn a_relations_type_is_changed_in_the_inspector_and_undone() {
    use tarmeez::model::{ProjectEdit, RelationEnds, RelationType};
    let (_tmp, dir) = sample_copy();
    let mut project = open_as(&dir, "huda");
    let mut schema = project.config().schema.clone();
    schema.relation_types.push(RelationType {
        id: "ALLIED_WITH".into(),
        name: "Allied with".into(),
        description: String::new(),
        between: RelationEnds::Mentions { from: vec!["ACTOR".into()], to: vec!["ACTOR".into()] },
    });
    project.apply_edit(ProjectEdit::SetSchema(Box::new(schema))).unwrap();
    project.save_dirty().unwrap();
    let mut h = common::window(TarmeezApp::new(Some(project), None));
    let militia_span = span_of(&h, "وأضافت المصادر أن", "مليشيا أبو الفضل العباس");
    let irgc_span = span_of(&h, "العباس التابعة", "للحرس الثوري الإيراني");
    mark(&mut h, militia_span, Key::Num1);
    mark(&mut h, irgc_span, Key::Num1);
    click_text(&mut h, militia_span);
    press(&mut h, Modifiers::NONE, Key::R);
    click_text(&mut h, irgc_span);
    let (rid, relation) = own_layer(&h).mention_relations.into_iter().next().unwrap();
    assert_eq!(relation.relation_type.as_str(), "AFFILIATED_WITH");
    click_text(&mut h, militia_span);
    h.get_by_label(&format!("Type of relation {rid}")).click();
    h.run();
    h.get_by_label("Allied with").click();
    h.run();
    let changed = &own_layer(&h).mention_relations[&rid];
    assert_eq!(changed.relation_type.as_str(), "ALLIED_WITH");
    assert_eq!((changed.from, changed.to), (relation.from, relation.to), "the same ends");
    h.get_by_label("Allied with «للحرس الثوري الإيراني»");
    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert_eq!(own_layer(&h).mention_relations[&rid].relation_type.as_str(), "AFFILIATED_WITH");
}
