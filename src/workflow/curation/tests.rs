//! Hand-made cases of units and decisions, on plain layers.

use super::*;
use crate::model::{Argument, Event, Layer, Mention, MentionId, Span, UnitKind};
use std::collections::BTreeMap;

fn coder(name: &str) -> Annotator {
    Annotator::parse(name).unwrap()
}

fn layer(mentions: &[(usize, usize, &str)]) -> Layer {
    let mut l = Layer::default();
    for (i, (s, e, t)) in mentions.iter().enumerate() {
        l.mentions.insert(MentionId(i as u32 + 1), Mention::new(Span::new(*s, *e), *t));
    }
    l
}

fn three(a: Layer, b: Layer, c: Layer) -> (BTreeMap<Annotator, Layer>, Vec<Annotator>) {
    let names = vec![coder("huda"), coder("layla"), coder("omar")];
    let layers = names.iter().cloned().zip([a, b, c]).collect();
    (layers, names)
}

fn doc() -> DocId {
    DocId::parse("d1").unwrap()
}

fn who() -> Curator {
    Curator { name: coder("samir"), at: "2026-11-29T21:00:00Z".into() }
}

fn apply(layers: &mut BTreeMap<Annotator, Layer>, edit: ProjectEdit) -> Edit {
    let ProjectEdit::Layer(_, edit) = edit else { panic!("one document's edit") };
    edit.apply(layers.entry(Annotator::gold()).or_default())
}

#[test]
fn perfect_agreement_makes_agreed_units_only() {
    let l = layer(&[(0, 4, "ACTOR"), (10, 15, "LOCATION")]);
    let (layers, coders) = three(l.clone(), l.clone(), l);
    let found = units(&doc(), &layers, &coders);
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|u| u.disagreement.is_none()));
}

#[test]
fn each_kind_of_disagreement_is_named() {
    let (layers, coders) = three(
        layer(&[(0, 4, "ACTOR"), (10, 15, "LOCATION"), (20, 30, "ACTOR"), (40, 45, "WEAPON")]),
        layer(&[(0, 4, "ORG"), (10, 15, "LOCATION"), (22, 30, "ACTOR")]),
        layer(&[(0, 4, "ACTOR"), (10, 15, "LOCATION"), (20, 30, "ACTOR")]),
    );
    let kinds: Vec<Option<Disagreement>> = units(&doc(), &layers, &coders).iter().map(|u| u.disagreement).collect();
    assert_eq!(kinds, [Some(Disagreement::Type), None, Some(Disagreement::Boundary), Some(Disagreement::Missing)]);
}

#[test]
fn nested_spans_make_one_unit_covering_both() {
    let (layers, coders) =
        three(layer(&[(0, 20, "ORG")]), layer(&[(5, 9, "LOCATION")]), layer(&[(0, 20, "ORG"), (5, 9, "LOCATION")]));
    let found = units(&doc(), &layers, &coders);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].key.span, Span::new(0, 20));
    assert_eq!(found[0].disagreement, Some(Disagreement::Boundary));
}

#[test]
fn a_silent_coder_makes_every_unit_missing() {
    let (layers, coders) = three(layer(&[(0, 4, "ACTOR")]), layer(&[(0, 4, "ACTOR")]), Layer::default());
    let found = units(&doc(), &layers, &coders);
    assert_eq!(found[0].disagreement, Some(Disagreement::Missing));
    assert_eq!(agreed_by(&layers, &found[0], 2), Some(0));
    assert_eq!(agreed_by(&layers, &found[0], 3), None);
}

#[test]
fn taking_a_version_copies_it_with_who_had_it_and_undo_removes_it() {
    let (mut layers, coders) = three(layer(&[(0, 4, "ACTOR")]), layer(&[(0, 4, "ORG")]), layer(&[(0, 4, "ORG")]));
    let unit = units(&doc(), &layers, &coders).remove(0);
    let e = take(&layers, &unit, 1, &who());
    let undo = apply(&mut layers, e);
    let gold = &layers[&Annotator::gold()];
    let m = gold.mentions.values().next().unwrap();
    assert_eq!((m.span, m.entity_type.as_str()), (Span::new(0, 4), "ORG"));
    let curation = m.curation.as_ref().unwrap();
    assert_eq!(curation.coders, [coder("layla"), coder("omar")]);
    assert_eq!(curation.curator, coder("samir"));
    assert_eq!(state(&unit, Some(gold)), UnitState::Settled);
    undo.apply(layers.get_mut(&Annotator::gold()).unwrap());
    assert!(layers[&Annotator::gold()].mentions.is_empty());
}

#[test]
fn taking_another_version_replaces_the_first() {
    let (mut layers, coders) = three(layer(&[(0, 4, "ACTOR")]), layer(&[(0, 4, "ORG")]), layer(&[(0, 4, "ORG")]));
    let unit = units(&doc(), &layers, &coders).remove(0);
    {
        let e = take(&layers, &unit, 1, &who());
        apply(&mut layers, e);
    }
    {
        let e = take(&layers, &unit, 0, &who());
        apply(&mut layers, e);
    }
    let types: Vec<&str> = layers[&Annotator::gold()].mentions.values().map(|m| m.entity_type.as_str()).collect();
    assert_eq!(types, ["ACTOR"]);
}

#[test]
fn a_rejection_is_stored_and_a_merge_leaves_it_and_the_curators_choice_alone() {
    let (mut layers, coders) = three(
        layer(&[(0, 4, "ACTOR"), (10, 14, "ORG")]),
        layer(&[(0, 4, "ACTOR"), (10, 14, "ACTOR")]),
        layer(&[(10, 14, "ACTOR")]),
    );
    let found = units(&doc(), &layers, &coders);
    {
        let e = reject(&layers, &found[0], &who());
        apply(&mut layers, e);
    }
    // The curator takes the minority version of the second unit.
    {
        let e = take(&layers, &found[1], 0, &who());
        apply(&mut layers, e);
    }
    let gold = &layers[&Annotator::gold()];
    assert_eq!(state(&found[0], Some(gold)), UnitState::Rejected);
    let rejection = &gold.rejected[&found[0].key];
    assert_eq!(rejection.coders, [coder("huda"), coder("layla")]);
    let (edits, settled) = merge_document(&doc(), &layers, &coders, 2, &who());
    assert_eq!((edits.len(), settled), (0, 0));
    let types: Vec<&str> = gold.mentions.values().map(|m| m.entity_type.as_str()).collect();
    assert_eq!(types, ["ORG"]);
}

#[test]
fn merge_takes_majorities_once_and_leaves_ties_to_the_curator() {
    let (mut layers, coders) = three(
        layer(&[(0, 4, "ACTOR"), (10, 14, "ORG"), (20, 24, "ACTOR")]),
        layer(&[(0, 4, "ACTOR"), (10, 14, "ACTOR")]),
        layer(&[(0, 4, "ACTOR"), (10, 14, "LOCATION")]),
    );
    let (edits, settled) = merge_document(&doc(), &layers, &coders, 2, &who());
    assert_eq!(settled, 1, "only the first unit has two coders agreeing");
    Edit::Batch(edits).apply(layers.entry(Annotator::gold()).or_default());
    let (again, settled_again) = merge_document(&doc(), &layers, &coders, 2, &who());
    assert_eq!((again.len(), settled_again), (0, 0));
}

#[test]
fn events_are_taken_with_their_fillers_and_attributes() {
    let mut a = layer(&[(0, 4, "ACTOR"), (10, 14, "LOCATION")]);
    let event = |role_filler: u32| Event {
        evidence: Default::default(),
        uid: None,
        event_type: "ATTACK".into(),
        trigger: Span::new(5, 9),
        arguments: vec![Argument { role: "Attacker".into(), mention: MentionId(role_filler) }],
        attributes: Default::default(),
        note: String::new(),
        provenance: None,
        curation: None,
    };
    a.events.insert(crate::model::EventId(1), event(1));
    let mut b = a.clone();
    b.events.insert(crate::model::EventId(1), event(2));
    let (mut layers, coders) = three(a.clone(), b, a);
    let found = units(&doc(), &layers, &coders);
    let events: Vec<&Unit> = found.iter().filter(|u| u.key.kind == UnitKind::Events).collect();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].disagreement, Some(Disagreement::Roles));
    let (edits, settled) = merge_document(&doc(), &layers, &coders, 2, &who());
    assert_eq!(settled, 3, "two mentions and the event");
    Edit::Batch(edits).apply(layers.entry(Annotator::gold()).or_default());
    let gold = &layers[&Annotator::gold()];
    let e = gold.events.values().next().unwrap();
    let filler = &gold.mentions[&e.arguments[0].mention];
    assert_eq!((filler.span, filler.entity_type.as_str()), (Span::new(0, 4), "ACTOR"));
    assert_eq!(gold.mentions.len(), 2, "the filler is the merged mention, not a copy");
}

#[test]
fn feedback_marks_misses_and_extras() {
    let gold = layer(&[(0, 4, "ACTOR"), (10, 14, "ORG")]);
    let mine = layer(&[(0, 4, "ACTOR"), (10, 14, "ACTOR")]);
    let f = feedback_document(&mine, &gold);
    assert_eq!(f.misses, [MentionId(2)]);
    assert_eq!(f.extras, [MentionId(2)]);
}

#[test]
fn rejections_round_trip_through_a_layer_file() {
    let (mut layers, coders) = three(layer(&[(0, 4, "ACTOR")]), Layer::default(), Layer::default());
    let unit = units(&doc(), &layers, &coders).remove(0);
    {
        let e = reject(&layers, &unit, &who());
        apply(&mut layers, e);
    }
    let gold = &layers[&Annotator::gold()];
    let text = ron::ser::to_string_pretty(gold, Default::default()).unwrap();
    let back: Layer = ron::from_str(&text).unwrap();
    assert_eq!(&back, gold);
}

#[test]
fn the_majority_is_the_largest_group_even_when_others_are_smaller_groups() {
    let (layers, coders) = three(layer(&[(0, 4, "ACTOR")]), layer(&[(0, 4, "ORG")]), layer(&[(0, 4, "ACTOR")]));
    let unit = units(&doc(), &layers, &coders).remove(0);
    assert_eq!(majority(&layers, &unit), Some(Majority::Take(0)));
    let (layers, coders) = three(layer(&[(0, 4, "ACTOR")]), Layer::default(), Layer::default());
    let unit = units(&doc(), &layers, &coders).remove(0);
    assert_eq!(majority(&layers, &unit), Some(Majority::Reject), "two coders marked nothing");
    let names = vec![coder("huda"), coder("layla")];
    let layers: BTreeMap<Annotator, Layer> =
        names.iter().cloned().zip([layer(&[(0, 4, "ACTOR")]), layer(&[(0, 4, "ORG")])]).collect();
    let unit = units(&doc(), &layers, &names).remove(0);
    assert_eq!(majority(&layers, &unit), None, "a tie");
}

#[test]
fn a_unit_only_one_of_three_marked_has_nothing_as_its_majority() {
    let (layers, coders) = three(
        layer(&[(5, 15, "ACTOR")]),
        layer(&[(5, 15, "LOCATION")]),
        layer(&[(5, 15, "ACTOR"), (16, 23, "LOCATION")]),
    );
    let found = units(&doc(), &layers, &coders);
    assert_eq!(found[1].key.span, Span::new(16, 23));
    assert_eq!(majority(&layers, &found[1]), Some(Majority::Reject));
}

#[test]
fn the_same_mention_linked_to_different_actors_is_a_disagreement() {
    let linked = |actor: Option<&str>| {
        let mut l = layer(&[(0, 4, "ACTOR")]);
        l.mentions.get_mut(&MentionId(1)).unwrap().actor = actor.map(crate::model::ActorId::new);
        l
    };
    let (layers, coders) = three(linked(Some("isis")), linked(Some("isis")), linked(None));
    let unit = units(&doc(), &layers, &coders).remove(0);
    assert_eq!(unit.disagreement, Some(Disagreement::Actor));
    assert_eq!(majority(&layers, &unit), Some(Majority::Take(0)));
}
