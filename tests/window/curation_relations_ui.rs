//! Curating a relation in the window, headless with egui_kittest: two coders mark the same two actors and only
//! one relates them; the relation is the one open unit. Alt+1 first refuses (its ends are not in the gold
//! layer yet, and the window says so), the merge button takes the agreed mentions, Alt+1 then takes the
//! relation between the gold layer's own mentions, and Ctrl+Z takes it back.

use crate::common;
use common::*;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tarmeez::model::*;
use tarmeez::store::Project;
use tarmeez::ui::TarmeezApp;

fn a(name: &str) -> Annotator {
    Annotator::parse(name).unwrap()
}

fn doc() -> DocId {
    DocId::parse("doc0").unwrap()
}

/// «قصفت كتائب حزب الله التابعة لـ الحرس الثوري القاعدة»: huda and layla mark «كتائب حزب الله» (5..19) and
/// «الحرس الثوري» (31..43) as actors; only huda relates the first to the second (AFFILIATED_WITH).
fn two_coders() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let mut p = Project::create(&dir, "Team", default_conflict_schema(), a("lead")).unwrap();
    p.add_document("doc0", "قصفت كتائب حزب الله التابعة لـ الحرس الثوري القاعدة".into(), DocumentMeta::default())
        .unwrap();
    drop(p);
    for coder in ["huda", "layla"] {
        let mut p = open_as(&dir, coder);
        let layer = p.layer_mut(&doc()).unwrap();
        layer.mentions.insert(MentionId(1), Mention::new(Span::new(5, 19), "ACTOR"));
        layer.mentions.insert(MentionId(2), Mention::new(Span::new(31, 43), "ACTOR"));
        if coder == "huda" {
            let r = MentionRelation {
                relation_type: "AFFILIATED_WITH".into(),
                from: MentionId(1),
                to: MentionId(2),
                note: String::new(),
            };
            layer.mention_relations.insert(RelationId(1), r);
        }
        p.save_dirty().unwrap();
    }
    (tmp, dir)
}

/// The gold layer's relations between mentions, as (type, from span, to span).
fn gold_relations(h: &Harness<'_, TarmeezApp>) -> Vec<(String, Span, Span)> {
    let p = h.state().project().unwrap();
    let loaded = p.document(&doc()).unwrap().loaded().unwrap();
    let Some(gold) = loaded.layers.get(&Annotator::gold()) else { return Vec::new() };
    gold.mention_relations
        .values()
        .map(|r| (r.relation_type.to_string(), gold.mentions[&r.from].span, gold.mentions[&r.to].span))
        .collect()
}

#[test]
fn a_relation_is_taken_once_its_ends_are_curated_and_undone_with_one_key() {
    let (_tmp, dir) = two_coders();
    let mut h = window(TarmeezApp::new(Some(open_as(&dir, "samir")), None));
    h.get_by_label("Go").click();
    h.run();
    h.get_by_label("Curate (gold layer)").click();
    h.run();
    // The one open unit is the relation: the mentions agree. Its row says where it points to.
    h.get_by_label_contains("1 open disagreements");
    h.get_by_label_contains("points to الحرس الثوري");
    h.get_by_label_contains("AFFILIATED_WITH: ACTOR 5-19 -> ACTOR 31-43");

    // Its ends are not curated yet: Alt+1 takes nothing and says why.
    press(&mut h, Modifiers::ALT, Key::Num1);
    assert!(gold_relations(&h).is_empty());
    h.get_by_label_contains("not in the gold layer yet");

    // Merge what both agree on (the two mentions); the relation stays open (one coder only).
    h.get_by_label("of 2 agree: merge").click();
    h.run();
    assert!(gold_relations(&h).is_empty());
    press(&mut h, Modifiers::ALT, Key::Num1);
    let expected = ("AFFILIATED_WITH".to_owned(), Span::new(5, 19), Span::new(31, 43));
    assert_eq!(gold_relations(&h), [expected]);
    h.get_by_label_contains("0 open disagreements");

    press(&mut h, Modifiers::COMMAND, Key::Z);
    assert!(gold_relations(&h).is_empty());
    h.get_by_label_contains("1 open disagreements");
    // The mentions the merge took stay: one undo takes back one decision.
    let p = h.state().project().unwrap();
    assert_eq!(p.document(&doc()).unwrap().loaded().unwrap().layers[&Annotator::gold()].mentions.len(), 2);
}
