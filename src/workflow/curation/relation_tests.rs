//! Hand-made cases of relation units and decisions, on plain layers.

use super::*;
use crate::model::{Event, EventId, Layer, Mention, MentionId, MentionRelation, Relation, RelationId, Span, UnitKind};
use std::collections::BTreeMap;

fn coder(name: &str) -> Annotator {
    Annotator::parse(name).unwrap()
}

fn who() -> Curator {
    Curator { name: coder("samir"), at: "2026-11-30T06:00:00Z".into() }
}

fn doc() -> DocId {
    DocId::parse("d1").unwrap()
}

/// ACTOR mentions at 0..5, 10..15 and 20..25 (ids 1, 2, 3), and these relations (type, from, to).
fn related(relations: &[(&str, u32, u32)]) -> Layer {
    let mut l = Layer::default();
    for (i, s) in [0, 10, 20].into_iter().enumerate() {
        l.mentions.insert(MentionId(i as u32 + 1), Mention::new(Span::new(s, s + 5), "ACTOR"));
    }
    for (i, (ty, from, to)) in relations.iter().enumerate() {
        let r = MentionRelation {
            relation_type: (*ty).into(),
            from: MentionId(*from),
            to: MentionId(*to),
            note: String::new(),
        };
        l.mention_relations.insert(RelationId(i as u32 + 1), r);
    }
    l
}

fn three(a: Layer, b: Layer, c: Layer) -> (BTreeMap<Annotator, Layer>, Vec<Annotator>) {
    let names = vec![coder("huda"), coder("layla"), coder("omar")];
    (names.iter().cloned().zip([a, b, c]).collect(), names)
}

fn relation_units(layers: &BTreeMap<Annotator, Layer>, coders: &[Annotator]) -> Vec<Unit> {
    units(&doc(), layers, coders).into_iter().filter(|u| u.key.kind == UnitKind::MentionRelations).collect()
}

fn apply(layers: &mut BTreeMap<Annotator, Layer>, edit: ProjectEdit) -> Edit {
    let ProjectEdit::Layer(_, edit) = edit else { panic!("one document's edit") };
    edit.apply(layers.entry(Annotator::gold()).or_default())
}

#[test]
fn relations_at_the_same_two_places_make_one_unit_and_their_differences_are_named() {
    let (layers, coders) = three(
        related(&[("AFFILIATED_WITH", 1, 2), ("AFFILIATED_WITH", 3, 2)]),
        related(&[("ALLIED_WITH", 1, 2), ("AFFILIATED_WITH", 3, 2)]),
        related(&[("AFFILIATED_WITH", 1, 2)]),
    );
    let found = relation_units(&layers, &coders);
    let keys: Vec<(Span, Option<Span>)> = found.iter().map(|u| (u.key.span, u.key.to)).collect();
    assert_eq!(keys, [(Span::new(0, 5), Some(Span::new(10, 15))), (Span::new(20, 25), Some(Span::new(10, 15)))]);
    assert_eq!(found[0].disagreement, Some(Disagreement::Type));
    assert_eq!(found[1].disagreement, Some(Disagreement::Missing));
    assert_eq!(version_text(layers.get(&coder("layla")), &found[0], 1), "ALLIED_WITH: ACTOR 0-5 -> ACTOR 10-15");
    // The mentions themselves agree: three agreed mentions units, no disagreement there.
    assert!(
        units(&doc(), &layers, &coders)
            .iter()
            .filter(|u| u.key.kind == UnitKind::Mentions)
            .all(|u| u.disagreement.is_none())
    );
}

#[test]
fn a_relation_is_taken_between_the_gold_layer_s_own_mentions_and_undone() {
    let (mut layers, coders) =
        three(related(&[("AFFILIATED_WITH", 1, 2)]), related(&[("ALLIED_WITH", 1, 2)]), related(&[]));
    let unit = relation_units(&layers, &coders).remove(0);
    // The gold layer has the two ends, under other ids.
    let mut gold = Layer::default();
    gold.mentions.insert(MentionId(7), Mention::new(Span::new(10, 15), "ACTOR"));
    gold.mentions.insert(MentionId(9), Mention::new(Span::new(0, 5), "ACTOR"));
    layers.insert(Annotator::gold(), gold);
    assert!(ends_not_curated(&layers, &unit, 1).is_empty());
    assert_eq!(state(&unit, layers.get(&Annotator::gold())), UnitState::Open);
    let e = take(&layers, &unit, 1, &who());
    let undo = apply(&mut layers, e);
    let gold = &layers[&Annotator::gold()];
    let r: Vec<(&str, MentionId, MentionId)> =
        gold.mention_relations.values().map(|r| (r.relation_type.as_str(), r.from, r.to)).collect();
    assert_eq!(r, [("ALLIED_WITH", MentionId(9), MentionId(7))]);
    assert_eq!(state(&unit, Some(gold)), UnitState::Settled);
    // Taking another version replaces it; undo of the first take empties the unit again.
    let again = take(&layers, &unit, 0, &who());
    let undo_again = apply(&mut layers, again);
    let types: Vec<&str> =
        layers[&Annotator::gold()].mention_relations.values().map(|r| r.relation_type.as_str()).collect();
    assert_eq!(types, ["AFFILIATED_WITH"]);
    undo_again.apply(layers.get_mut(&Annotator::gold()).unwrap());
    undo.apply(layers.get_mut(&Annotator::gold()).unwrap());
    assert!(layers[&Annotator::gold()].mention_relations.is_empty());
    assert_eq!(layers[&Annotator::gold()].mentions.len(), 2);
}

#[test]
fn a_relation_whose_ends_are_not_curated_cannot_be_taken() {
    let (mut layers, coders) = three(related(&[("AFFILIATED_WITH", 1, 2)]), related(&[]), related(&[]));
    let unit = relation_units(&layers, &coders).remove(0);
    assert_eq!(ends_not_curated(&layers, &unit, 0), [Span::new(0, 5), Span::new(10, 15)]);
    // The gold layer has 0..5 as another type: still not an end of this relation.
    let mut gold = Layer::default();
    gold.mentions.insert(MentionId(1), Mention::new(Span::new(0, 5), "LOCATION"));
    gold.mentions.insert(MentionId(2), Mention::new(Span::new(10, 15), "ACTOR"));
    layers.insert(Annotator::gold(), gold);
    assert_eq!(ends_not_curated(&layers, &unit, 0), [Span::new(0, 5)]);
    {
        let e = take(&layers, &unit, 0, &who());
        apply(&mut layers, e)
    };
    assert!(layers[&Annotator::gold()].mention_relations.is_empty(), "nothing taken");
}

#[test]
fn merge_takes_agreed_mentions_then_their_agreed_relation_once() {
    let (mut layers, coders) = three(
        related(&[("AFFILIATED_WITH", 1, 2), ("ALLIED_WITH", 3, 2)]),
        related(&[("AFFILIATED_WITH", 1, 2)]),
        related(&[("AFFILIATED_WITH", 1, 2), ("AFFILIATED_WITH", 3, 2)]),
    );
    let (edits, settled) = merge_document(&doc(), &layers, &coders, 2, &who());
    assert_eq!(settled, 4, "three mentions and the relation two or more agree on");
    Edit::Batch(edits).apply(layers.entry(Annotator::gold()).or_default());
    let gold = &layers[&Annotator::gold()];
    let spans = |id: &MentionId| gold.mentions[id].span;
    let r: Vec<(&str, Span, Span)> =
        gold.mention_relations.values().map(|r| (r.relation_type.as_str(), spans(&r.from), spans(&r.to))).collect();
    assert_eq!(r, [("AFFILIATED_WITH", Span::new(0, 5), Span::new(10, 15))]);
    let (again, settled_again) = merge_document(&doc(), &layers, &coders, 2, &who());
    assert_eq!((again.len(), settled_again), (0, 0));
}

#[test]
fn merge_leaves_an_agreed_relation_whose_ends_are_disputed() {
    // All three relate 0..5 to 10..15 alike, but link 0..5 to three different actors (or none): no two agree
    // on that mention, so the merge leaves it, and the relation waits for the curator to settle its end.
    let linked = |actor: Option<&str>| {
        let mut l = related(&[("AFFILIATED_WITH", 1, 2)]);
        l.mentions.get_mut(&MentionId(1)).unwrap().actor = actor.map(crate::model::ActorId::new);
        l
    };
    let (mut layers, coders) = three(linked(Some("pmf")), linked(Some("irgc")), linked(None));
    let (edits, settled) = merge_document(&doc(), &layers, &coders, 2, &who());
    assert_eq!(settled, 2, "the two agreed mentions only");
    Edit::Batch(edits).apply(layers.entry(Annotator::gold()).or_default());
    assert!(layers[&Annotator::gold()].mention_relations.is_empty());
    // Once the curator settles the mention, the same merge takes the relation.
    let mention = units(&doc(), &layers, &coders).into_iter().find(|u| u.key.span == Span::new(0, 5)).unwrap();
    let e = take(&layers, &mention, 1, &who());
    apply(&mut layers, e);
    let (edits, settled) = merge_document(&doc(), &layers, &coders, 2, &who());
    assert_eq!(settled, 1);
    Edit::Batch(edits).apply(layers.entry(Annotator::gold()).or_default());
    assert_eq!(layers[&Annotator::gold()].mention_relations.len(), 1);
}

#[test]
fn a_rejected_relation_unit_is_remembered_by_both_places() {
    let (mut layers, coders) = three(related(&[("AFFILIATED_WITH", 1, 2)]), related(&[]), related(&[]));
    let unit = relation_units(&layers, &coders).remove(0);
    assert_eq!(majority(&layers, &unit), Some(Majority::Reject));
    {
        let e = reject(&layers, &unit, &who());
        apply(&mut layers, e)
    };
    let gold = &layers[&Annotator::gold()];
    assert_eq!(state(&unit, Some(gold)), UnitState::Rejected);
    let text = ron::ser::to_string_pretty(gold, Default::default()).unwrap();
    assert!(text.contains("MentionRelations") && text.contains("to: Some("), "{text}");
    let back: Layer = ron::from_str(&text).unwrap();
    assert_eq!(&back, gold);
    // A relation the other way round is another unit, still open.
    let (layers, coders) = three(related(&[("AFFILIATED_WITH", 2, 1)]), related(&[]), related(&[]));
    let other = relation_units(&layers, &coders).remove(0);
    assert_eq!(state(&other, Some(gold)), UnitState::Open);
}

/// Events at 0..4 (ATTACK) and 20..24 (ATTACK), and a RESPONSE_TO from the second to the first when `related`.
fn events(related: bool) -> Layer {
    let mut l = Layer::default();
    for (i, s) in [0, 20].into_iter().enumerate() {
        let e = Event {
            evidence: Default::default(),
            uid: None,
            event_type: "ATTACK".into(),
            trigger: Span::new(s, s + 4),
            arguments: Vec::new(),
            attributes: Default::default(),
            note: String::new(),
            provenance: None,
            curation: None,
        };
        l.events.insert(EventId(i as u32 + 1), e);
    }
    if related {
        let r = Relation { relation_type: "RESPONSE_TO".into(), from: EventId(2), to: EventId(1), note: String::new() };
        l.relations.insert(RelationId(1), r);
    }
    l
}

#[test]
fn event_relations_are_units_too_and_merge_between_the_gold_events() {
    let (mut layers, coders) = three(events(true), events(true), events(false));
    let found: Vec<Unit> =
        units(&doc(), &layers, &coders).into_iter().filter(|u| u.key.kind == UnitKind::EventRelations).collect();
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].key.span, found[0].key.to), (Span::new(20, 24), Some(Span::new(0, 4))));
    let (edits, settled) = merge_document(&doc(), &layers, &coders, 2, &who());
    assert_eq!(settled, 3, "two events and their relation");
    Edit::Batch(edits).apply(layers.entry(Annotator::gold()).or_default());
    let gold = &layers[&Annotator::gold()];
    let r = gold.relations.values().next().unwrap();
    assert_eq!((gold.events[&r.from].trigger, gold.events[&r.to].trigger), (Span::new(20, 24), Span::new(0, 4)));
}

/// Finding: taking another version of an events unit removed the gold event but left the gold relations
/// that pointed at it, so the gold layer held a relation to an event it no longer had.
#[test]
fn retaking_an_event_takes_the_gold_relations_on_it_away_with_it() {
    let (mut layers, coders) = three(events(true), events(true), events(false));
    let (edits, _) = merge_document(&doc(), &layers, &coders, 2, &who());
    Edit::Batch(edits).apply(layers.entry(Annotator::gold()).or_default());
    // omar's version of the first event differs (THREAT): the curator takes it.
    let mut omar = events(false);
    omar.events.get_mut(&EventId(1)).unwrap().event_type = "THREAT".into();
    layers.insert(coder("omar"), omar);
    let unit = units(&doc(), &layers, &coders).into_iter().find(|u| u.key.kind == UnitKind::Events).unwrap();
    {
        let e = take(&layers, &unit, 2, &who());
        apply(&mut layers, e)
    };
    let gold = &layers[&Annotator::gold()];
    for r in gold.relations.values() {
        assert!(gold.events.contains_key(&r.from) && gold.events.contains_key(&r.to), "{r:?} in {gold:#?}");
    }
}
