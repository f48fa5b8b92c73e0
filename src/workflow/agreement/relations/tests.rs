//! Hand-counted cases.

use super::*;
use crate::model::{
    Annotator, Attributes, DocId, Event, EventId, Layer, Mention, MentionId, MentionRelation, Relation, RelationId,
    Span,
};

fn coder(name: &str) -> Annotator {
    Annotator::parse(name).unwrap()
}

/// A layer with ACTOR mentions at these spans (ids 1, 2, …) and relations (type, from, to) between them.
fn layer(spans: &[(usize, usize)], relations: &[(&str, u32, u32)]) -> Layer {
    let mut l = Layer::default();
    for (i, (s, e)) in spans.iter().enumerate() {
        l.mentions.insert(MentionId(i as u32 + 1), Mention::new(Span::new(*s, *e), "ACTOR"));
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

fn doc(layers: Vec<Option<&Layer>>) -> Vec<DocLayers<'_>> {
    vec![(DocId::parse("d1").unwrap(), layers)]
}

/// Five units, 0..5→10..15, 20..25→10..15, 30..35→10..15, 40..45→10..15 and 50..55→10..15. huda labels them
/// AFF, AFF, none, ALLY, AFF; omar AFF, none, AFF, ALLY and nothing (he did not mark 50..55).
fn five_units() -> (Layer, Layer) {
    let spans = [(10, 15), (0, 5), (20, 25), (30, 35), (40, 45), (50, 55)];
    let huda = layer(&spans, &[("AFF", 2, 1), ("AFF", 3, 1), ("ALLY", 5, 1), ("AFF", 6, 1)]);
    let omar = layer(&spans[..5], &[("AFF", 2, 1), ("AFF", 4, 1), ("ALLY", 5, 1)]);
    (huda, omar)
}

#[test]
fn a_pair_s_counts_kappa_and_confusion_by_hand() {
    let (huda, omar) = five_units();
    let coders = [coder("huda"), coder("omar")];
    let r = agreement_of(RelationKind::Mentions, &coders, &doc(vec![Some(&huda), Some(&omar)]));
    let p = &r.pairs[0];
    // huda 4 relations, omar 3; 2 the same (ends and type): P = 2/3, R = 2/4, F1 = 4/7.
    assert_eq!((p.counts.first, p.counts.second, p.counts.first_matched), (4, 3, 2));
    assert!((p.counts.f1().unwrap() - 4.0 / 7.0).abs() < 1e-12);
    // Four units both labelled; 50..55 unpaired. Observed 2/4; expected .5·.5 + .25·.25 + .25·.25 = .375:
    // kappa = (.5 − .375) / .625 = 0.2.
    assert_eq!((p.units, p.unpaired), (4, 1));
    assert!((p.kappa.unwrap() - 0.2).abs() < 1e-12, "{:?}", p.kappa);
    let key = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(p.confusion[&key("AFF", "none")], 1);
    assert_eq!(p.confusion[&key("none", "AFF")], 1);
    assert_eq!(p.confusion[&key("ALLY", "ALLY")], 1);
    // Alpha: n = 8 values; o(AFF,none) = o(none,AFF) = 2 of 8; D_e ∝ 64 − 16 − 4 − 4 = 40:
    // alpha = 1 − 7 · 4 / 40 = 0.3. The fifth unit has one value and is not pairable.
    assert_eq!((r.units, r.values, r.relations), (4, 8, 7));
    assert!((r.alpha.unwrap() - 0.3).abs() < 1e-12, "{:?}", r.alpha);
}

#[test]
fn direction_matters_and_two_relations_on_one_pair_make_one_label() {
    // huda: 0..5 → 10..15 AFF; omar the other way round; layla both AFF and ALLY from 0..5 to 10..15.
    let huda = layer(&[(0, 5), (10, 15)], &[("AFF", 1, 2)]);
    let omar = layer(&[(0, 5), (10, 15)], &[("AFF", 2, 1)]);
    let layla = layer(&[(0, 5), (10, 15)], &[("ALLY", 1, 2), ("AFF", 1, 2)]);
    let coders = [coder("huda"), coder("layla"), coder("omar")];
    let r = agreement_of(RelationKind::Mentions, &coders, &doc(vec![Some(&huda), Some(&layla), Some(&omar)]));
    let (hl, ho) = (&r.pairs[0], &r.pairs[1]);
    assert_eq!(hl.confusion.keys().next(), Some(&("AFF".to_owned(), "AFF+ALLY".to_owned())));
    // huda's AFF is one of layla's two: P = 1/2, R = 1: F1 = 2/3.
    assert_eq!((hl.counts.first, hl.counts.second, hl.counts.first_matched), (1, 2, 1));
    // Two units for huda and omar, each related by one only: AFF/none and none/AFF, matched nothing.
    assert_eq!((ho.units, ho.counts.first_matched, ho.counts.f1()), (2, 0, Some(0.0)));
    assert_eq!(ho.kappa, Some(-1.0), "observed 0, expected .5");
}

#[test]
fn a_coder_without_a_layer_is_missing_and_nobody_relating_gives_no_figure() {
    let (huda, omar) = five_units();
    let coders = [coder("huda"), coder("omar")];
    let r = agreement_of(RelationKind::Mentions, &coders, &doc(vec![Some(&huda), None]));
    assert_eq!((r.pairs[0].documents, r.units, r.alpha), (0, 0, None));
    let r = agreement_of(RelationKind::Events, &coders, &doc(vec![Some(&huda), Some(&omar)]));
    assert_eq!((r.relations, r.pairs[0].counts.f1(), r.pairs[0].kappa), (0, None, None));
}

#[test]
fn event_relations_are_matched_by_trigger_and_event_type() {
    let event = |s: usize, e: usize, ty: &str| Event {
        evidence: Default::default(),
        uid: None,
        event_type: ty.into(),
        trigger: Span::new(s, e),
        arguments: Vec::new(),
        attributes: Attributes::new(),
        note: String::new(),
        provenance: None,
        curation: None,
    };
    let layer = |second: &str| {
        let mut l = Layer::default();
        l.events.insert(EventId(1), event(0, 4, "ATTACK"));
        l.events.insert(EventId(2), event(20, 24, second));
        let r = Relation { relation_type: "RESPONSE_TO".into(), from: EventId(1), to: EventId(2), note: String::new() };
        l.relations.insert(RelationId(1), r);
        l
    };
    let (a, b, c) = (layer("ATTACK"), layer("ATTACK"), layer("THREAT"));
    let coders = [coder("huda"), coder("omar")];
    let same = agreement_of(RelationKind::Events, &coders, &doc(vec![Some(&a), Some(&b)]));
    assert_eq!((same.pairs[0].counts.f1(), same.pairs[0].units), (Some(1.0), 1));
    // The second event typed otherwise: the ends do not correspond, so each relation lacks the other's end.
    let other = agreement_of(RelationKind::Events, &coders, &doc(vec![Some(&a), Some(&c)]));
    assert_eq!((other.pairs[0].counts.f1(), other.pairs[0].units, other.pairs[0].unpaired), (Some(0.0), 0, 2));
}
