//! Keeps the current document's layout and brings it up to date before each frame. A short document is
//! laid out whole at once. A long one starts as an outline (estimated heights), its paragraphs around the
//! view are laid out at once, and a worker thread lays out the rest, which is merged in as it arrives, so
//! the first screen shows in milliseconds whatever the length and the window never waits.
//!
//! Estimated heights make the tops of later paragraphs provisional. The view is held by an anchor, a
//! paragraph and the distance from its top to the top of the view: whatever changes (merged paragraphs,
//! refined estimates, another width or zoom), the anchor paragraph stays where it was on screen, so the text
//! the reader looks at never moves under them. A jump to a span lays out that span's paragraph and its
//! screen first, so it lands exactly where the whole layout would put it.

use crate::model::{DocText, Span};
use crate::text::{DocumentLayout, LayoutEngine, LayoutParams, Motion, ShapedParagraph};
use eframe::egui;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

/// Documents up to this many code points are laid out whole on the UI thread (about 25 ms).
const SYNC_LIMIT: usize = 20_000;
/// How often the worker hands over what it has laid out.
const BATCH_TIME: Duration = Duration::from_millis(40);

/// Where the view is, in document coordinates.
#[derive(Clone, Copy, Debug)]
pub struct View {
    /// Document y at the top edge of the view.
    pub top: f32,
    /// Height of the view.
    pub height: f32,
}

struct Job {
    id: u64,
    text: Arc<DocText>,
    params: LayoutParams,
    /// Paragraphs the UI thread has laid out itself, which the worker skips.
    done_here: Arc<[AtomicBool]>,
}

struct Batch {
    id: u64,
    shaped: Vec<(usize, ShapedParagraph)>,
}

struct Worker {
    jobs: Sender<Job>,
    batches: Receiver<Batch>,
    /// The job whose results are still wanted (0: none, when a short document is shown instead).
    wanted: Arc<AtomicU64>,
}

impl Worker {
    fn spawn(ctx: egui::Context) -> Self {
        let (jobs, job_rx) = channel::<Job>();
        let (batch_tx, batches) = channel();
        let wanted = Arc::new(AtomicU64::new(0));
        let still_wanted = wanted.clone();
        std::thread::Builder::new()
            .name("tarmeez-layout".into())
            .spawn(move || work(&job_rx, &batch_tx, &still_wanted, &ctx))
            .expect("the layout thread could not be started");
        Self { jobs, batches, wanted }
    }
}

/// The worker's loop: lays out each job's paragraphs top to bottom, handing them over in batches, and drops
/// a job as soon as a newer one comes (another document, width or zoom) or it is no longer wanted.
fn work(jobs: &Receiver<Job>, batches: &Sender<Batch>, wanted: &AtomicU64, ctx: &egui::Context) {
    let mut engine = LayoutEngine::new();
    let mut next = None;
    loop {
        let Some(job) = next.take().or_else(|| jobs.recv().ok()) else { return };
        let outline = DocumentLayout::outline(job.text.clone(), job.params);
        let mut shaped = Vec::new();
        let mut since = Instant::now();
        for i in 0..outline.paragraphs().len() {
            match jobs.try_recv() {
                Ok(newer) => {
                    next = Some(newer);
                    break;
                }
                Err(TryRecvError::Disconnected) => return,
                Err(TryRecvError::Empty) => {}
            }
            if wanted.load(Ordering::Relaxed) != job.id {
                break;
            }
            if outline.paragraphs()[i].is_laid_out() || job.done_here[i].load(Ordering::Relaxed) {
                continue;
            }
            shaped.push((i, engine.shape(&outline, i)));
            if since.elapsed() >= BATCH_TIME {
                if batches.send(Batch { id: job.id, shaped: std::mem::take(&mut shaped) }).is_err() {
                    return;
                }
                ctx.request_repaint();
                since = Instant::now();
            }
        }
        if next.is_none() && !shaped.is_empty() && wanted.load(Ordering::Relaxed) == job.id {
            if batches.send(Batch { id: job.id, shaped }).is_err() {
                return;
            }
            ctx.request_repaint();
        }
    }
}

/// The layout being shown and the worker job filling it in.
struct Current {
    layout: DocumentLayout,
    /// The worker job for this layout (0: none, laid out whole).
    job: u64,
    done_here: Arc<[AtomicBool]>,
    /// Whether the estimates have been refined from the first laid-out screen.
    refined: bool,
}

/// A paragraph and the distance from its top down to the top of the view (negative when the view starts
/// above it).
#[derive(Clone, Copy)]
struct Anchor {
    paragraph: usize,
    below_top: f32,
}

/// The article view's layout, kept up to date.
#[derive(Default)]
pub struct LayoutCache {
    engine: Option<LayoutEngine>,
    worker: Option<Worker>,
    current: Option<Current>,
    next_id: u64,
    /// The anchor of the last frame and the view top it gave. While the view stays there, the same anchor
    /// is used again: one measured afresh from the view each frame would carry each frame's rounding into
    /// the next, and the text would creep by a pixel over hundreds of merges.
    kept: Option<(Anchor, f32)>,
}

impl LayoutCache {
    /// The layout as it is now (paragraphs far from the view may not be laid out yet).
    pub fn layout(&self) -> Option<&DocumentLayout> {
        self.current.as_ref().map(|c| &c.layout)
    }

    /// Whether paragraphs are still being laid out in the background.
    pub fn busy(&self) -> bool {
        self.current.as_ref().is_some_and(|c| c.job != 0 && !c.layout.is_complete())
    }

    /// Brings the layout up to date for `text` at `params` before a frame is drawn, and lays out the
    /// paragraphs around `view` (or around `scroll_to`, centred, when given). Returns where the top of the
    /// view must go so that the anchor stays put, or the span lands in the middle.
    pub fn prepare(
        &mut self,
        ctx: &egui::Context,
        text: &Arc<DocText>,
        params: LayoutParams,
        view: View,
        scroll_to: Option<Span>,
    ) -> f32 {
        let same_text = self.layout().is_some_and(|l| Arc::ptr_eq(l.text(), text));
        let mut anchor = match self.kept {
            Some((anchor, top)) if same_text && (top - view.top).abs() < 0.01 => Some(anchor),
            _ => self.anchor_at(text, view.top),
        };
        let same = |c: &Current| Arc::ptr_eq(c.layout.text(), text) && c.layout.params() == params;
        if !self.current.as_ref().is_some_and(same) {
            // Another text starts at its top; the same text at another width keeps the anchor's share.
            let share = anchor.and_then(|a| {
                let p = self.layout()?.paragraphs().get(a.paragraph)?;
                Some((a.paragraph, a.below_top / p.height.max(1.0)))
            });
            self.start(ctx, text, params);
            anchor = share.map(|(paragraph, share)| {
                let height = self.shape_paragraph(paragraph);
                Anchor { paragraph, below_top: share * height }
            });
        }
        self.merge();
        let current = self.current.as_mut().expect("started above");
        if !current.refined && current.layout.paragraphs().iter().filter(|p| p.layout().is_some()).count() > 3 {
            current.refined = true;
            current.layout.refine_estimates();
        }
        if let Some(span) = scroll_to {
            anchor = self.anchor_for_span(span, view.height).or(anchor);
        }
        let anchor = anchor.unwrap_or(Anchor { paragraph: 0, below_top: view.top });
        let top = self.shape_around(anchor, view.height);
        self.kept = Some((anchor, top));
        top
    }

    /// Lays out whatever is still pending in the band `y0..y1` (when the view moved further than
    /// [`Self::prepare`] expected). The paragraphs at `y0` and above keep their place.
    pub fn shape_visible(&mut self, y0: f32, y1: f32) {
        let engine = self.engine.get_or_insert_with(LayoutEngine::new);
        if let Some(c) = self.current.as_mut() {
            for i in engine.shape_band(&mut c.layout, y0, y1) {
                c.done_here[i].store(true, Ordering::Relaxed);
            }
        }
    }

    /// Lays out what a caret motion from `caret` reaches (its paragraph, then the lines or the page around
    /// it), so that it lands where the whole layout would put it. Run after [`Self::prepare`]; the view
    /// keeps its place through [`Self::follow`].
    pub fn prepare_motion(&mut self, caret: usize, motion: Motion) {
        let Some(layout) = self.layout() else { return };
        let paragraph = layout.paragraph_of_char(caret);
        self.shape_paragraph(paragraph);
        if let Some((y0, y1)) = self.layout().and_then(|l| l.motion_band(caret, motion)) {
            self.shape_visible(y0, y1);
        }
    }

    /// Moves the view after the caret moved: by `scroll_by` (a page), then as little as it takes to show the
    /// caret at `caret` whole, with `margin` above and below it, within a view `height` tall. Returns the
    /// view's new top, kept as the anchor.
    pub fn follow(&mut self, caret: usize, scroll_by: f32, height: f32, margin: f32) -> Option<f32> {
        let (anchor, _) = self.kept?;
        let layout = self.layout()?;
        // Where the view is now: paragraphs laid out for the motion may have moved the anchor's top.
        let top = layout.paragraphs().get(anchor.paragraph)?.top + anchor.below_top + scroll_by;
        let paragraph = layout.paragraph_of_char(caret);
        self.shape_paragraph(paragraph);
        let layout = self.layout()?;
        let r = layout.caret_rect(caret);
        let (y0, y1) = (r.y0 - margin, r.y1 + margin);
        let top = if y0 < top {
            y0
        } else if y1 > top + height {
            y1 - height
        } else {
            top
        };
        let anchor = Anchor { paragraph, below_top: top - layout.paragraphs()[paragraph].top };
        let top = self.shape_around(anchor, height);
        self.kept = Some((anchor, top));
        Some(top)
    }

    /// The anchor for the view's top in the current layout of `text`.
    fn anchor_at(&self, text: &Arc<DocText>, top: f32) -> Option<Anchor> {
        let layout = self.layout().filter(|l| Arc::ptr_eq(l.text(), text))?;
        let paragraph = layout.paragraph_at_y(top);
        let p = layout.paragraphs().get(paragraph)?;
        Some(Anchor { paragraph, below_top: top - p.top })
    }

    /// The anchor that puts the first rectangle of `span` in the middle of a view `height` tall.
    fn anchor_for_span(&mut self, span: Span, height: f32) -> Option<Anchor> {
        let layout = self.layout()?;
        let paragraph = layout.paragraph_of_char(span.start.min(layout.text().len_chars()));
        self.shape_paragraph(paragraph);
        let layout = self.layout()?;
        let rect = layout.span_rects(span).into_iter().next()?;
        let top = layout.paragraphs()[paragraph].top;
        Some(Anchor { paragraph, below_top: rect.center().1 - top - height / 2.0 })
    }

    /// Starts laying out `text` at `params`: whole here when it is short, else as an outline whose rest the
    /// worker fills in.
    fn start(&mut self, ctx: &egui::Context, text: &Arc<DocText>, params: LayoutParams) {
        let engine = self.engine.get_or_insert_with(LayoutEngine::new);
        let short = text.len_chars() <= SYNC_LIMIT;
        let layout =
            if short { engine.layout(text.clone(), params) } else { DocumentLayout::outline(text.clone(), params) };
        let done_here: Arc<[AtomicBool]> = (0..layout.paragraphs().len()).map(|_| AtomicBool::new(false)).collect();
        let mut job = 0;
        if let Some(worker) = &self.worker {
            // Whatever it is doing is for a layout no longer shown.
            worker.wanted.store(0, Ordering::Relaxed);
        }
        if !short {
            self.next_id += 1;
            let worker = self.worker.get_or_insert_with(|| Worker::spawn(ctx.clone()));
            worker.wanted.store(self.next_id, Ordering::Relaxed);
            let request = Job { id: self.next_id, text: text.clone(), params, done_here: done_here.clone() };
            if worker.jobs.send(request).is_ok() {
                job = self.next_id;
            } else {
                // The worker died (it cannot, short of a bug): lay out here rather than leave gaps.
                self.worker = None;
                let all = engine.layout(text.clone(), params);
                self.current = Some(Current { layout: all, job: 0, done_here, refined: true });
                return;
            }
        }
        self.current = Some(Current { layout, job, done_here, refined: short });
    }

    /// Puts in what the worker has finished for the current layout.
    fn merge(&mut self) {
        let (Some(worker), Some(c)) = (&self.worker, self.current.as_mut()) else { return };
        while let Ok(batch) = worker.batches.try_recv() {
            if batch.id == c.job {
                c.layout.insert(batch.shaped);
            }
        }
    }

    /// Lays out paragraph `i` if it is not yet; returns its height.
    fn shape_paragraph(&mut self, i: usize) -> f32 {
        let engine = self.engine.get_or_insert_with(LayoutEngine::new);
        let Some(c) = self.current.as_mut() else { return 0.0 };
        if c.layout.pending(i..i + 1).next().is_some() {
            let shaped = engine.shape(&c.layout, i);
            c.layout.insert([(i, shaped)]);
            c.done_here[i].store(true, Ordering::Relaxed);
        }
        c.layout.paragraphs().get(i).map_or(0.0, |p| p.height)
    }

    /// Lays out the paragraphs within a view's height above and below the view that `anchor` places, until
    /// none is pending there; returns the view's top. Paragraphs laid out above the anchor move it, and the
    /// view with it.
    fn shape_around(&mut self, anchor: Anchor, height: f32) -> f32 {
        self.shape_paragraph(anchor.paragraph);
        loop {
            let top = self.layout().and_then(|l| l.paragraphs().get(anchor.paragraph)).map_or(0.0, |p| p.top);
            let view_top = top + anchor.below_top;
            let engine = self.engine.get_or_insert_with(LayoutEngine::new);
            let Some(c) = self.current.as_mut() else { return view_top };
            let shaped = engine.shape_band(&mut c.layout, view_top - height, view_top + 2.0 * height);
            if shaped.is_empty() {
                return view_top;
            }
            for i in shaped {
                c.done_here[i].store(true, Ordering::Relaxed);
            }
        }
    }
}
