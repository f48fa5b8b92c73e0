//! Keeps the current document's layout, and rebuilds it when the text, width or zoom change: at once for
//! short documents, on a worker thread for long ones, so the window never freezes. Until the new layout
//! arrives the previous one of the same text stays on screen.

use crate::model::DocText;
use crate::text::{DocumentLayout, LayoutEngine, LayoutParams};
use eframe::egui;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

/// Documents up to this many code points are laid out on the UI thread (a few milliseconds).
const SYNC_LIMIT: usize = 40_000;

struct Job {
    id: u64,
    text: Arc<DocText>,
    params: LayoutParams,
}

struct Done {
    id: u64,
    layout: DocumentLayout,
}

struct Worker {
    jobs: Sender<Job>,
    done: Receiver<Done>,
}

impl Worker {
    fn spawn(ctx: egui::Context) -> Self {
        let (jobs, job_rx) = channel::<Job>();
        let (done_tx, done) = channel();
        std::thread::Builder::new()
            .name("tarmeez-layout".into())
            .spawn(move || {
                let mut engine = LayoutEngine::new();
                while let Ok(mut job) = job_rx.recv() {
                    // Only the newest request matters (the user kept resizing or zooming).
                    while let Ok(newer) = job_rx.try_recv() {
                        job = newer;
                    }
                    let layout = engine.layout(job.text, job.params);
                    if done_tx.send(Done { id: job.id, layout }).is_err() {
                        break;
                    }
                    ctx.request_repaint();
                }
            })
            .expect("the layout thread could not be started");
        Self { jobs, done }
    }
}

/// The article view's layout, kept up to date.
#[derive(Default)]
pub struct LayoutCache {
    engine: Option<LayoutEngine>,
    worker: Option<Worker>,
    current: Option<Arc<DocumentLayout>>,
    /// Id and inputs of the newest request sent to the worker.
    pending: Option<(u64, Arc<DocText>, LayoutParams)>,
    next_id: u64,
}

impl LayoutCache {
    /// The layout to draw for `text` at `params`, and whether it is still being computed. `None` while a
    /// long document's first layout is on its way.
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        text: &Arc<DocText>,
        params: LayoutParams,
    ) -> (Option<Arc<DocumentLayout>>, bool) {
        if let Some(worker) = &self.worker {
            while let Ok(done) = worker.done.try_recv() {
                if self.pending.as_ref().is_some_and(|(id, ..)| *id == done.id) {
                    self.pending = None;
                }
                if Arc::ptr_eq(done.layout.text(), text) {
                    self.current = Some(Arc::new(done.layout));
                }
            }
        }
        let fresh = |l: &DocumentLayout| Arc::ptr_eq(l.text(), text) && l.params() == params;
        if self.current.as_deref().is_some_and(fresh) {
            return (self.current.clone(), false);
        }
        if text.len_chars() <= SYNC_LIMIT {
            let engine = self.engine.get_or_insert_with(LayoutEngine::new);
            self.current = Some(Arc::new(engine.layout(text.clone(), params)));
            self.pending = None;
            return (self.current.clone(), false);
        }
        let already_asked = self.pending.as_ref().is_some_and(|(_, t, p)| Arc::ptr_eq(t, text) && *p == params);
        if !already_asked {
            self.next_id += 1;
            let worker = self.worker.get_or_insert_with(|| Worker::spawn(ctx.clone()));
            let job = Job { id: self.next_id, text: text.clone(), params };
            if worker.jobs.send(job).is_err() {
                // The worker died (it cannot, short of a bug); lay out here rather than show nothing.
                self.worker = None;
                let engine = self.engine.get_or_insert_with(LayoutEngine::new);
                self.current = Some(Arc::new(engine.layout(text.clone(), params)));
                return (self.current.clone(), false);
            }
            self.pending = Some((self.next_id, text.clone(), params));
        }
        let same_text = self.current.as_ref().filter(|l| Arc::ptr_eq(l.text(), text)).cloned();
        (same_text, true)
    }
}
