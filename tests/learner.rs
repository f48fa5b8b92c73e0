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
    /// What the learner is surest of first: a control, which also leaves the feed's order, so that a gain of
    /// `Uncertainty` over it comes from the uncertainty, not from reordering as such.
    Certainty,
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
        if let Some(l) = &learner {
            match order {
                Order::Documents => {}
                Order::Uncertainty => most_uncertain_first(&mut remaining, |&i| l.tag(&pool[i].text).uncertainty()),
                Order::Certainty => most_uncertain_first(&mut remaining, |&i| -l.tag(&pool[i].text).uncertainty()),
            }
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
/// learner's uncertainty reaches a target F1 with fewer decisions than the feed's order, and than the
/// control that takes what the learner is surest of first.
#[test]
fn simulated_review_learns_and_ordering_by_uncertainty_needs_fewer_decisions() {
    let (pool, held_out) = corpus();
    let (pool, held_out) = (&pool, &held_out);
    // The three runs are independent: side by side on threads.
    let [by_documents, by_uncertainty, by_certainty] = std::thread::scope(|s| {
        [Order::Documents, Order::Uncertainty, Order::Certainty]
            .map(|order| s.spawn(move || simulate(pool, held_out, order, 5, 8)))
            .map(|run| run.join().unwrap())
    });
    show("document order", &by_documents);
    show("uncertainty order", &by_uncertainty);
    show("certainty order (control)", &by_certainty);
    let (first, fifth) = (by_documents.0[0].1, by_documents.0[4].1);
    println!("held-out F1 after round 1: {first:.3}, after round 5: {fifth:.3}");
    assert!(fifth > first, "F1 after 5 rounds {fifth:.3} is not above F1 after 1 round {first:.3}");
    let target = 0.95;
    let u = by_uncertainty.decisions_to(target);
    let d = by_documents.decisions_to(target);
    let c = by_certainty.decisions_to(target);
    println!("decisions to reach held-out F1 {target}: uncertainty order {u:?}, document order {d:?}, control {c:?}");
    let u = u.expect("ordering by uncertainty reaches the target F1");
    assert!(d.is_none_or(|d| u < d), "uncertainty order took {u} decisions, document order {d:?}");
    assert!(c.is_none_or(|c| u < c), "uncertainty order took {u} decisions, the control {c:?}");
}

// ---------------------------------------------------------------------------------------------------------
// On a real project: the coder's coded documents train it, its suggestions come under `learner-<coder>`.

use common::{open_as, window};
use egui_kittest::kittest::Queryable;
use tarmeez::model::{
    Annotator, DocStatus, DocumentMeta, Edit, Mention, MentionId, ProjectEdit, default_conflict_schema,
};
use tarmeez::store::Project;
use tarmeez::ui::TarmeezApp;
use tarmeez::workflow::learner::{examples, learner_source, suggestion_edit, train_round};

/// A project whose coder `huda` coded (marked done) `coded` documents of the feed, and has `open` more
/// untouched ones, named so that they come first in the list.
fn coded_project(coded: usize, open: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let huda = Annotator::parse("huda").unwrap();
    let mut p = Project::create(&dir, "Learner", default_conflict_schema(), huda).unwrap();
    let docs = stories(5, 10, 4);
    for (i, d) in docs.iter().take(open).enumerate() {
        p.add_document(&format!("a-open-{i:02}"), d.text.clone(), DocumentMeta::default()).unwrap();
    }
    for (i, d) in docs.iter().skip(open).take(coded).enumerate() {
        let id = p.add_document(&format!("coded-{i:02}"), d.text.clone(), DocumentMeta::default()).unwrap();
        let mut edits: Vec<Edit> = d
            .mentions
            .iter()
            .enumerate()
            .map(|(k, (s, e, t))| {
                Edit::PutMention(MentionId(k as u32 + 1), Some(Mention::new(Span::new(*s, *e), EntityTypeId::new(*t))))
            })
            .collect();
        edits.push(Edit::SetStatus(DocStatus::Done));
        p.load_document(&id).unwrap();
        p.apply_edit(ProjectEdit::Layer(id, Edit::Batch(edits))).unwrap();
    }
    p.save_dirty().unwrap();
    (tmp, dir)
}

#[test]
fn suggestions_come_under_the_coders_source_and_what_they_rejected_or_have_is_not_proposed_again() {
    let (_tmp, dir) = coded_project(16, 2);
    let mut p = open_as(&dir, "huda");
    let coded = examples(&p, &Annotator::parse("huda").unwrap());
    assert_eq!(coded.len(), 16, "the documents marked done, and only they");
    let round = train_round(&coded, &Gazetteer::from_registry(p.actors()));
    assert_eq!(round.figures.documents, 16);
    let doc = p.documents()[0].id.clone();
    let text = p.load_document(&doc).unwrap().text.clone();
    let predicted = round.learner.tag(&text).mentions;
    assert!(predicted.len() >= 3, "it finds mentions in an unseen document: {predicted:?}");
    let (edit, added) = suggestion_edit(&p, &doc, &predicted).expect("new suggestions");
    assert_eq!(added, predicted.len());
    p.apply_edit(edit).unwrap();
    let source = learner_source(&Annotator::parse("huda").unwrap());
    assert_eq!(source.as_str(), "learner-huda");
    let ids: Vec<_> =
        p.document(&doc).unwrap().loaded().unwrap().suggestions[&source].suggestions.keys().copied().collect();
    // The coder rejects the first and accepts the second; the same prediction again adds nothing.
    let reject = tarmeez::workflow::review::reject(&p, &doc, &source, ids[0]).unwrap();
    p.apply_edit(reject).unwrap();
    let accept = tarmeez::workflow::review::accept(&p, &doc, &source, ids[1], None, None).unwrap();
    p.apply_edit(accept).unwrap();
    assert!(suggestion_edit(&p, &doc, &predicted).is_none(), "nothing new to propose");
    // Another coder's queue does not see huda's learner.
    let loaded = p.document(&doc).unwrap().loaded().unwrap();
    let omar = Annotator::parse("omar").unwrap();
    assert!(tarmeez::workflow::review::pending(loaded, &omar, &Default::default()).is_empty());
}

/// Runs frames until `done` holds (the round's thread answers), at most a minute of frames.
fn run_until(h: &mut egui_kittest::Harness<'_, TarmeezApp>, done: impl Fn(&TarmeezApp) -> bool) {
    for _ in 0..1200 {
        // One frame at a time: while the round runs the window asks for frames all along (its spinner).
        h.step();
        if done(h.state()) {
            h.run();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the learner's round did not end");
}

#[test]
fn train_from_the_learner_window_and_review_its_suggestions_ordered_by_uncertainty() {
    let (_tmp, dir) = coded_project(20, 2);
    let mut h = window(TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    h.get_by_label("Model").click();
    h.run();
    h.get_by_label("Learner…").click();
    h.run();
    h.get_by_label_contains("No round yet");
    h.get_by_label("Train now").click();
    run_until(&mut h, |app| app.session().is_some_and(|s| s.learning.last.is_some()));
    let last = h.state().session().unwrap().learning.last.clone().unwrap();
    println!("window round: {last:?}");
    assert_eq!(last.figures.documents, 20);
    assert!(last.added > 0, "the round proposed mentions");
    h.get_by_label_contains("Trained on 20 documents");
    let held_out = last.figures.held_out.expect("some of 20 coded documents are held out");
    h.get_by_label_contains(&format!("held-out documents it did not train on: precision {:.2}", held_out.precision()));
    // The queue of the shown (uncoded) document holds the learner's suggestions; ordered by uncertainty.
    h.get_by_label("Order the review queue by the learner's uncertainty").click();
    h.run();
    common::press(&mut h, eframe::egui::Modifiers::NONE, eframe::egui::Key::Tab);
    h.get_by_label_contains("learner-huda");
    let session = h.state().session().unwrap();
    let items = session.review.queue.items();
    assert!(!items.is_empty() && items.iter().all(|i| i.source.as_str() == "learner-huda"));
    let text = session.loaded().unwrap().text.clone();
    let tagged = session.learning.model.as_ref().unwrap().tag(&text);
    let order: Vec<f64> = items.iter().map(|i| tagged.uncertainty_of(i.span)).collect();
    assert!(order.windows(2).all(|w| w[0] >= w[1]), "most uncertain first: {order:?}");
    // Retraining after every N decisions: with N = 1, accepting one suggestion starts the next round.
    h.state_mut().session_mut().unwrap().learning.every = 1;
    h.key_press(eframe::egui::Key::Enter);
    run_until(&mut h, |app| app.session().is_some_and(|s| s.learning.rounds == 2));
}
