//! Trigger and argument counts on hand-made layers with known answers.

use super::*;
use crate::model::{Argument, Attributes, EventId, Mention, MentionId};

/// A filler mention: where, and the actor it is linked to, if any.
type M = (usize, usize, Option<&'static str>);

/// An event: its type, its trigger, and its arguments (role, filler).
type E<'a> = (&'a str, (usize, usize), &'a [(&'a str, M)]);

/// A layer of events; the fillers become the layer's mentions, numbered in order.
fn layer(events: &[E]) -> Layer {
    let mut out = Layer::default();
    for (e, (ty, (start, end), args)) in events.iter().enumerate() {
        let mut arguments = Vec::new();
        for (role, (ms, me, actor)) in args.iter() {
            let id = MentionId(out.mentions.len() as u32 + 1);
            let mut mention = Mention::new(Span::new(*ms, *me), "ACTOR");
            mention.actor = actor.map(ActorId::from);
            out.mentions.insert(id, mention);
            arguments.push(Argument { role: RoleId::from(*role), mention: id });
        }
        let event = Event {
            evidence: Default::default(),
            uid: None,
            event_type: (*ty).into(),
            trigger: Span::new(*start, *end),
            arguments,
            attributes: Attributes::new(),
            note: String::new(),
            provenance: None,
            curation: None,
        };
        out.events.insert(EventId(e as u32 + 1), event);
    }
    out
}

fn counts(a: &Layer, b: &Layer) -> EventCounts {
    EventCounts::of(a, b, |_| true)
}

/// Every F1 of the counts.
fn f1s(c: &EventCounts) -> [Option<f64>; 5] {
    c.f1s()
}

const NO_ACTOR: Option<&str> = None;

#[test]
fn perfect_agreement_is_one_throughout() {
    let a = layer(&[
        ("ATTACK", (0, 4), &[("Attacker", (10, 20, Some("kataib"))), ("Target", (30, 40, NO_ACTOR))]),
        ("THREAT", (50, 55), &[("Threatener", (60, 70, NO_ACTOR))]),
    ]);
    assert_eq!(f1s(&counts(&a, &a)), [Some(1.0); 5]);
}

#[test]
fn no_overlap_is_zero_and_a_silent_coder_zero_and_two_silent_coders_no_score() {
    let a = layer(&[("ATTACK", (0, 4), &[("Attacker", (10, 20, NO_ACTOR))])]);
    let elsewhere = layer(&[("ATTACK", (100, 104), &[("Attacker", (10, 20, NO_ACTOR))])]);
    let other_type = layer(&[("THREAT", (0, 4), &[("Attacker", (10, 20, NO_ACTOR))])]);
    assert_eq!(f1s(&counts(&a, &elsewhere)), [Some(0.0); 5], "an argument of an unaligned event never matches");
    assert_eq!(f1s(&counts(&a, &other_type)), [Some(0.0); 5]);
    assert_eq!(f1s(&counts(&a, &Layer::default())), [Some(0.0); 5]);
    assert_eq!(f1s(&counts(&Layer::default(), &Layer::default())), [None; 5]);
}

#[test]
fn nested_triggers_align_leniently_and_then_their_roles_are_compared() {
    // «قصف مدفعي» 0..9 against «قصف» 0..3: strictly different events, leniently the same one, whose
    // arguments then agree: the Attacker exactly, the Target only by overlap (40..50 against 42..50).
    let a = layer(&[("ATTACK", (0, 9), &[("Attacker", (20, 30, NO_ACTOR)), ("Target", (40, 50, NO_ACTOR))])]);
    let b = layer(&[("ATTACK", (0, 3), &[("Attacker", (20, 30, NO_ACTOR)), ("Target", (42, 50, NO_ACTOR))])]);
    let c = counts(&a, &b);
    assert_eq!(f1s(&c), [Some(0.0), Some(1.0), Some(0.5), Some(1.0), Some(1.0)]);
    assert_eq!(c.arguments_strict, SpanCounts { first: 2, second: 2, first_matched: 1, second_matched: 1 });
}

#[test]
fn a_filler_in_another_role_does_not_agree() {
    let a = layer(&[("ATTACK", (0, 4), &[("Attacker", (20, 30, NO_ACTOR))])]);
    let b = layer(&[("ATTACK", (0, 4), &[("Target", (20, 30, NO_ACTOR))])]);
    assert_eq!(f1s(&counts(&a, &b)), [Some(1.0), Some(1.0), Some(0.0), Some(0.0), Some(0.0)]);
}

#[test]
fn linked_actors_decide_when_both_fillers_are_linked() {
    // The same actor named at two places (20..30 and 60..70): only "by actor" agrees.
    let a = layer(&[("ATTACK", (0, 4), &[("Attacker", (20, 30, Some("kataib")))])]);
    let b = layer(&[("ATTACK", (0, 4), &[("Attacker", (60, 70, Some("kataib")))])]);
    assert_eq!(f1s(&counts(&a, &b))[2..], [Some(0.0), Some(0.0), Some(1.0)]);
    // The same span linked to two actors: lenient agrees, "by actor" does not.
    let c = layer(&[("ATTACK", (0, 4), &[("Attacker", (20, 30, Some("nujaba")))])]);
    assert_eq!(f1s(&counts(&a, &c))[2..], [Some(1.0), Some(1.0), Some(0.0)]);
    // One filler unlinked: "by actor" falls back to overlapping spans.
    let d = layer(&[("ATTACK", (0, 4), &[("Attacker", (22, 30, NO_ACTOR))])]);
    assert_eq!(f1s(&counts(&a, &d))[2..], [Some(0.0), Some(1.0), Some(1.0)]);
}

#[test]
fn a_repeatable_role_pairs_its_fillers_one_to_one_and_actor_matches_go_first() {
    // Two targets against one: one matches, P = 1, R = 1/2.
    let a = layer(&[("ATTACK", (0, 4), &[("Target", (20, 30, NO_ACTOR)), ("Target", (40, 50, NO_ACTOR))])]);
    let b = layer(&[("ATTACK", (0, 4), &[("Target", (20, 30, NO_ACTOR))])]);
    assert_eq!(
        counts(&a, &b).arguments_strict,
        SpanCounts { first: 2, second: 1, first_matched: 1, second_matched: 1 }
    );
    // By actor, 20..30 (linked to x) could take either of the other's: the unlinked overlapping 20..30 or the
    // x-linked 60..70. The actor match goes first, so the other's unlinked filler still meets a's 22..30.
    let c = layer(&[("ATTACK", (0, 4), &[("Target", (20, 30, Some("x"))), ("Target", (22, 30, NO_ACTOR))])]);
    let d = layer(&[("ATTACK", (0, 4), &[("Target", (20, 30, NO_ACTOR)), ("Target", (60, 70, Some("x")))])]);
    assert_eq!(counts(&c, &d).arguments_actor.f1(), Some(1.0));
}

#[test]
fn counts_pool_over_documents_and_a_dangling_argument_is_left_out() {
    let a = layer(&[("ATTACK", (0, 4), &[("Attacker", (20, 30, NO_ACTOR))])]);
    let mut b = layer(&[("ATTACK", (0, 4), &[("Attacker", (20, 30, NO_ACTOR))])]);
    b.mentions.clear();
    let mut pooled = counts(&a, &a);
    pooled.add(counts(&a, &b));
    assert_eq!(pooled.arguments_strict, SpanCounts { first: 2, second: 1, first_matched: 1, second_matched: 1 });
    assert_eq!(pooled.triggers_strict.f1(), Some(1.0));
}

#[test]
fn keep_limits_the_comparison_to_some_events() {
    let a = layer(&[("ATTACK", (0, 4), &[]), ("THREAT", (10, 14), &[])]);
    let b = layer(&[("ATTACK", (0, 4), &[])]);
    let only_attacks = EventCounts::of(&a, &b, |e| e.event_type.as_str() == "ATTACK");
    assert_eq!(only_attacks.triggers_strict.f1(), Some(1.0));
}
