//! Asking a server about many documents in the background: a few requests at a time on worker threads, with
//! progress, cancel and each document's answer delivered as it comes, so that neither the window nor the
//! terminal waits on the network.
//!
//! A request already sent cannot be taken back (the HTTP client blocks until the answer or the timeout);
//! cancelling stops sending new ones at once and drops every answer that comes after, so a cancelled document
//! imports nothing. The threads end by themselves within the source's timeout.

use super::{AskError, DocRequest, Predictor};
use crate::formats::suggestions::ParsedFile;
use crate::model::DocId;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

/// How many requests go out at once unless the caller says: enough to overlap a server's latency, few enough
/// not to swamp a model server on a laptop.
pub const DEFAULT_PARALLEL: usize = 3;

/// One document's answer, read (or why not).
#[derive(Debug)]
pub struct Answer {
    /// The document asked about.
    pub doc: DocId,
    /// The items read from the answer, or the error for this document.
    pub result: Result<ParsedFile, AskError>,
}

/// Documents being asked about in the background.
pub struct Asking {
    total: usize,
    /// Answers delivered (taken or waiting in the channel).
    answered: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    answers: mpsc::Receiver<Answer>,
    /// Answers received so far by [`Asking::take`] and [`Asking::wait`].
    received: usize,
}

impl Asking {
    /// Starts asking `predictor` about `docs`, `parallel` at a time (at least one), in document order.
    pub fn start(predictor: Arc<dyn Predictor>, docs: Vec<DocRequest>, parallel: usize) -> Self {
        let total = docs.len();
        let queue = Arc::new(Mutex::new(VecDeque::from(docs)));
        let (send, answers) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let answered = Arc::new(AtomicUsize::new(0));
        for _ in 0..parallel.max(1).min(total.max(1)) {
            let (queue, send, cancel, answered, predictor) =
                (queue.clone(), send.clone(), cancel.clone(), answered.clone(), predictor.clone());
            std::thread::spawn(move || {
                loop {
                    if cancel.load(Ordering::SeqCst) {
                        return;
                    }
                    // A poisoned queue only means another worker panicked: its documents are still there.
                    let next = queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner).pop_front();
                    let Some(doc) = next else { return };
                    let result = predictor.predict(&doc);
                    if cancel.load(Ordering::SeqCst) {
                        return;
                    }
                    answered.fetch_add(1, Ordering::SeqCst);
                    if send.send(Answer { doc: doc.id, result }).is_err() {
                        return; // nobody listens any more
                    }
                }
            });
        }
        Self { total, answered, cancel, answers, received: 0 }
    }

    /// Documents answered so far (with an error or not) and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.answered.load(Ordering::SeqCst).min(self.total), self.total)
    }

    /// Stops sending requests; answers still to come are dropped.
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::SeqCst);
    }

    /// Whether [`Asking::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::SeqCst)
    }

    /// Whether nothing more will come: every document answered and taken, or cancelled.
    pub fn is_finished(&self) -> bool {
        self.is_cancelled() || self.received >= self.total
    }

    /// The answers that came since the last call, without waiting (for the window, once a frame).
    pub fn take(&mut self) -> Vec<Answer> {
        if self.is_cancelled() {
            return Vec::new();
        }
        let got: Vec<Answer> = self.answers.try_iter().collect();
        self.received += got.len();
        got
    }

    /// The next answer, waiting up to `patience` (for the command line); `None` when finished or nothing came.
    pub fn wait(&mut self, patience: Duration) -> Option<Answer> {
        if self.is_finished() {
            return None;
        }
        let got = self.answers.recv_timeout(patience).ok()?;
        self.received += 1;
        Some(got)
    }
}

impl Drop for Asking {
    /// Closing the window or the job stops what is not sent yet.
    fn drop(&mut self) {
        self.cancel();
    }
}
