//! The learner inside the app (issue 18, point 5): a simulated review on a generated corpus of coded Arabic
//! news shows that it learns from the coder's decisions and that ordering by its uncertainty reaches a
//! target F1 with fewer decisions; on a real project it makes suggestions under the coder's private source
//! and never proposes again what the coder rejected or already has.

#[path = "common/arabic_corpus.rs"]
mod arabic_corpus;
mod common;

use arabic_corpus::{ACTORS, Doc, scattered, stories};
use std::collections::BTreeSet;
use std::sync::Arc;
use tarmeez::model::{DocText, EntityTypeId, Span};
use tarmeez::workflow::learner::{Example, Gazetteer, Learner, Prf, evaluate, most_uncertain_first};

fn example(d: &Doc) -> Example {
    Example {
        text: Arc::new(DocText::new(d.text.clone())),
        mentions: d.mentions.iter().map(|(s, e, t)| (Span::new(*s, *e), EntityTypeId::new(*t))).collect(),
    }
}

/// The registry a team starts with: half the groups.
fn gazetteer() -> Gazetteer {
    Gazetteer::new(ACTORS[..12].iter().copied())
}

/// How the next batch is chosen.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Order {
    /// The feed's order.
    Documents,
    /// What the learner is least sure of first.
    Uncertainty,
}

/// After each round: the decisions made so far and F1 on the held-out documents.
struct Curve(Vec<(usize, f64)>);

impl Curve {
    /// Decisions made when F1 first reached `target`.
    fn decisions_to(&self, target: f64) -> Option<usize> {
        self.0.iter().find(|(_, f1)| *f1 >= target).map(|(d, _)| *d)
    }
}

/// One review decision per right suggestion (accept), per wrong one (reject) and per gold mention the
/// learner missed (the coder marks it).
fn decisions(learner: Option<&Learner>, doc: &Example) -> usize {
    let gold: BTreeSet<(Span, EntityTypeId)> = doc.mentions.iter().cloned().collect();
    let found: BTreeSet<(Span, EntityTypeId)> = learner
        .map(|l| l.tag(&doc.text).mentions.into_iter().map(|m| (m.span, m.entity_type)).collect())
        .unwrap_or_default();
    let p = Prf::of(&found, &gold);
    p.true_positives + p.false_positives + p.false_negatives
}

/// Rounds of review: round k trains on everything reviewed so far, suggests on the next `batch` documents of
/// `pool` (in `order`), the simulated coder decides them, and the learner trained on all reviewed documents
/// is measured on `held_out`.
fn simulate(pool: &[Example], held_out: &[Example], order: Order, batch: usize, rounds: usize) -> Curve {
    let mut remaining: Vec<usize> = (0..pool.len()).collect();
    let mut reviewed: Vec<Example> = Vec::new();
    let mut learner: Option<Learner> = None;
    let mut made = 0;
    let mut curve = Vec::new();
    for _ in 0..rounds {
        if let (Order::Uncertainty, Some(l)) = (order, &learner) {
            most_uncertain_first(&mut remaining, |&i| l.tag(&pool[i].text).uncertainty());
        }
        let next: Vec<usize> = remaining.drain(..batch.min(remaining.len())).collect();
        for i in next {
            made += decisions(learner.as_ref(), &pool[i]);
            reviewed.push(pool[i].clone());
        }
        let trained = Learner::train(&reviewed, gazetteer());
        curve.push((made, evaluate(&trained, held_out).f1()));
        learner = Some(trained);
    }
    Curve(curve)
}

fn corpus() -> (Vec<Example>, Vec<Example>) {
    let pool = stories(18, 30, 5).iter().map(example).collect();
    let held_out = scattered(1818, 40).iter().map(example).collect();
    (pool, held_out)
}

fn show(name: &str, c: &Curve) {
    let points: Vec<String> = c.0.iter().map(|(d, f)| format!("{d}:{f:.3}")).collect();
    println!("{name} (decisions:F1 after each round) {}", points.join(" "));
}

/// Both of the claims on one run of each order (the simulation is the slow part of this file):
/// held-out F1 after 5 rounds of simulated review is higher than after 1, and ordering the review by the
/// learner's uncertainty reaches a target F1 with fewer decisions than the feed's order.
#[test]
fn simulated_review_learns_and_ordering_by_uncertainty_needs_fewer_decisions() {
    let (pool, held_out) = corpus();
    let by_documents = simulate(&pool, &held_out, Order::Documents, 5, 10);
    let by_uncertainty = simulate(&pool, &held_out, Order::Uncertainty, 5, 10);
    show("document order", &by_documents);
    show("uncertainty order", &by_uncertainty);
    let (first, fifth) = (by_documents.0[0].1, by_documents.0[4].1);
    println!("held-out F1 after round 1: {first:.3}, after round 5: {fifth:.3}");
    assert!(fifth > first, "F1 after 5 rounds {fifth:.3} is not above F1 after 1 round {first:.3}");
    let target = 0.9;
    let u = by_uncertainty.decisions_to(target);
    let d = by_documents.decisions_to(target);
    println!("decisions to reach held-out F1 {target}: uncertainty order {u:?}, document order {d:?}");
    let u = u.expect("ordering by uncertainty reaches the target F1");
    assert!(d.is_none_or(|d| u < d), "uncertainty order took {u} decisions, document order {d:?}");
}
