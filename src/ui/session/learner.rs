//! The learner in the window (issue 18, point 5): a training round runs on a thread of its own, so the
//! window never waits; it starts from Model > Learner's "Train now" or by itself after every N decisions of
//! the coder (review decisions and mentions marked by hand, counted as they grow in each loaded document); when it
//! ends, its predictions become suggestions of the coder's private source `learner-<coder>` (one edit), the
//! review queue can order by its uncertainty, and its figures on held-out documents are kept for the
//! Learner window and the review statistics. The learning itself is `workflow::learner`.

use super::Session;
use crate::model::{DocId, DocText, Layer, ProjectEdit};
use crate::ui::action::Action;
use crate::workflow::learner::{self, Gazetteer, Learner, Predicted, RoundFigures};
use eframe::egui;
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, mpsc};

/// Retrain after this many decisions unless the coder says otherwise.
pub const DEFAULT_EVERY: usize = 20;
/// Besides the loaded documents, the learner proposes in this many of the next unfinished documents of the
/// coder's list, so that the next documents opened already have its suggestions.
const AHEAD: usize = 50;

/// A request of the Learner window.
#[derive(Clone, Debug, PartialEq)]
pub enum LearnerRequest {
    /// Start a round now.
    TrainNow,
    /// Retrain after this many decisions (0: only when asked).
    Every(usize),
    /// Order the review queue by the learner's uncertainty (or by position again).
    OrderByUncertainty(bool),
}

/// A round's end, sent by its thread.
struct Finished {
    learner: Arc<Learner>,
    figures: RoundFigures,
    predictions: Vec<(DocId, Vec<Predicted>)>,
}

/// A round in progress.
struct Job {
    answer: mpsc::Receiver<Finished>,
    /// Documents predicted so far, of `targets`.
    predicted: Arc<AtomicUsize>,
    targets: usize,
    documents: usize,
}

/// What the last round did, for the window.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LastRound {
    /// Its figures.
    pub figures: RoundFigures,
    /// New suggestions it made.
    pub added: usize,
    /// Documents it proposed in.
    pub targets: usize,
}

/// The learner's state in the session.
pub struct Learning {
    /// Retrain after this many of the coder's decisions; 0 retrains only when asked.
    pub every: usize,
    /// The latest learner, once a round has ended.
    pub model: Option<Arc<Learner>>,
    /// What the last round did.
    pub last: Option<LastRound>,
    /// Rounds ended in this session.
    pub rounds: usize,
    job: Option<Job>,
    /// Decisions made since the last round started.
    made: usize,
    /// Each loaded document's count of decisions when last looked at, and the project generation then.
    counted: HashMap<DocId, usize>,
    counted_at: Option<u64>,
}

impl Default for Learning {
    fn default() -> Self {
        Self {
            every: DEFAULT_EVERY,
            model: None,
            last: None,
            rounds: 0,
            job: None,
            made: 0,
            counted: HashMap::new(),
            counted_at: None,
        }
    }
}

impl Learning {
    /// Whether a round is running, and if so how far: documents predicted of those to predict (0 of n while
    /// it trains).
    pub fn running(&self) -> Option<(usize, usize, usize)> {
        self.job.as_ref().map(|j| (j.documents, j.predicted.load(Ordering::Relaxed), j.targets))
    }

    /// Decisions made since the last round started.
    pub fn made(&self) -> usize {
        self.made
    }
}

/// What the coder decided in a layer: review decisions, and mentions marked by hand (an accepted suggestion's
/// mention is its decision already).
fn decisions(layer: &Layer) -> usize {
    let marked = layer.mentions.values().filter(|m| m.provenance.is_none()).count();
    layer.reviews.values().map(|d| d.0.len()).sum::<usize>() + marked
}

impl Session {
    /// Carries out a request of the Learner window.
    pub fn learner_request(&mut self, request: LearnerRequest, ctx: &egui::Context) {
        match request {
            LearnerRequest::TrainNow => self.start_round(ctx),
            LearnerRequest::Every(n) => self.learning.every = n,
            LearnerRequest::OrderByUncertainty(on) => {
                use crate::ui::panels::review_queue::QueueOrder;
                self.review.queue.order = if on { QueueOrder::Uncertainty } else { QueueOrder::Position };
            }
        }
    }

    /// Once a frame: takes a finished round in, counts new decisions and starts a round when N were made.
    pub fn learner_work(&mut self, ctx: &egui::Context, out: &mut Vec<Action>) {
        let finished = self.learning.job.as_ref().map(|j| j.answer.try_recv());
        match finished {
            Some(Ok(done)) => self.round_ended(done, out),
            Some(Err(mpsc::TryRecvError::Disconnected)) => self.learning.job = None,
            Some(Err(mpsc::TryRecvError::Empty)) | None => {}
        }
        self.count_decisions();
        let every = self.learning.every;
        if every > 0 && self.learning.made >= every && self.learning.job.is_none() && self.editable() {
            self.start_round(ctx);
        }
    }

    /// Adds the growth of each loaded document's decisions since it was last counted (a document counted for
    /// the first time adds nothing: loading it is no decision).
    fn count_decisions(&mut self) {
        let generation = self.project.generation();
        if self.learning.counted_at == Some(generation) {
            return;
        }
        self.learning.counted_at = Some(generation);
        let me = self.project.annotator();
        for entry in self.project.documents() {
            let Some(loaded) = entry.loaded() else { continue };
            let now = loaded.layers.get(me).map_or(0, decisions);
            let before = self.learning.counted.entry(entry.id.clone()).or_insert(now);
            self.learning.made += now.saturating_sub(*before);
            *before = now;
        }
    }

    /// The documents a round proposes in: the loaded ones the coder has not finished and the next unfinished
    /// ones of their list.
    fn learner_targets(&self) -> Vec<(DocId, Arc<DocText>)> {
        let me = self.project.annotator();
        let order = self.doc_order();
        let docs = self.project.documents();
        let mut ahead = 0;
        for i in (0..docs.len()).filter_map(|k| order.at(k)) {
            if ahead >= AHEAD {
                break;
            }
            if docs[i].loaded().is_none()
                && self.project.summary(i).is_some_and(|s| s.status != crate::model::DocStatus::Done)
            {
                let _ = self.project.load_document(&docs[i].id);
                ahead += 1;
            }
        }
        learner::targets(&self.project, me)
    }

    /// Starts a round on a thread, unless one is running.
    fn start_round(&mut self, ctx: &egui::Context) {
        if self.learning.job.is_some() {
            return;
        }
        let me = self.project.annotator().clone();
        let examples = learner::examples(&self.project, &me);
        let targets = self.learner_targets();
        let gazetteer = Gazetteer::from_registry(self.project.actors());
        let predicted = Arc::new(AtomicUsize::new(0));
        let (tell, answer) = mpsc::channel();
        let count = predicted.clone();
        let ctx = ctx.clone();
        self.learning.job = Some(Job { answer, predicted, targets: targets.len(), documents: examples.len() });
        self.learning.made = 0;
        std::thread::spawn(move || {
            let round = learner::train_round(&examples, &gazetteer);
            let mut predictions = Vec::with_capacity(targets.len());
            for (doc, text) in targets {
                predictions.push((doc, round.learner.tag(&text).mentions));
                count.fetch_add(1, Ordering::Relaxed);
                ctx.request_repaint();
            }
            let learner = Arc::new(round.learner);
            let _ = tell.send(Finished { learner, figures: round.figures, predictions });
            ctx.request_repaint();
        });
    }

    /// A round's end: its predictions become the learner's suggestions (one edit), its learner orders the queue.
    fn round_ended(&mut self, done: Finished, out: &mut Vec<Action>) {
        self.learning.job = None;
        let mut edits = Vec::new();
        let mut added = 0;
        for (doc, predicted) in &done.predictions {
            if let Some((edit, n)) = learner::suggestion_edit(&self.project, doc, predicted) {
                edits.push(edit);
                added += n;
            }
        }
        if !edits.is_empty() && self.editable() {
            self.project_edit(ProjectEdit::Batch(edits), out);
        }
        self.learning.last = Some(LastRound { figures: done.figures, added, targets: done.predictions.len() });
        self.review.queue.set_learner(Some(done.learner.clone()));
        self.learning.model = Some(done.learner);
        self.learning.rounds += 1;
    }
}
