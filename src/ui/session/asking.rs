//! Asking a model server from the window (issue 18): the run in progress (its [`Asking`] on worker threads,
//! polled once a frame, so no frame waits on the network), what each document's answer became, and sending
//! the coder's decisions back to servers that learn. Answers become suggestions through
//! [`plan_answer`]: all or nothing per document, one undoable edit per document.

use super::Session;
use crate::model::{DocId, ReviewStatus, SourceName, SuggestionId};
use crate::models::ask::{Answer, Asking, DEFAULT_PARALLEL};
use crate::models::{self, AskError, DocRequest, Feedback};
use crate::ui::action::Action;
use crate::workflow::model_suggestions::{AnswerPlan, plan_answer};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

/// How often the window looks for answers while a run is in progress.
const POLL: Duration = Duration::from_millis(100);

/// What one document's answer became.
#[derive(Clone, Debug, PartialEq)]
pub struct AskLine {
    /// The document.
    pub doc: DocId,
    /// What came of it.
    pub outcome: AskOutcome,
}

impl AskLine {
    /// Whether the answer was taken in (with suggestions or nothing new).
    pub fn ok(&self) -> bool {
        matches!(self.outcome, AskOutcome::Added(_) | AskOutcome::NothingNew)
    }
}

/// What one document's answer became.
#[derive(Clone, Debug, PartialEq)]
pub enum AskOutcome {
    /// This many suggestions were added.
    Added(usize),
    /// The answer held nothing the source did not have.
    NothingNew,
    /// Some item did not fit, so nothing was taken: every reason.
    Refused(String),
    /// No usable answer (the network, the server, the document): why.
    Failed(String),
}

/// A run of asking one source about some documents, in progress or finished.
pub struct AskRun {
    /// The source asked.
    pub source: SourceName,
    asking: Asking,
    /// One line per document answered, in the order the answers came.
    pub lines: Vec<AskLine>,
    /// Suggestions added over the run.
    pub added: usize,
    /// Documents in the run: those asked about and those that could not be loaded (already in `lines`).
    total: usize,
}

impl AskRun {
    /// Documents answered and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.lines.len(), self.total)
    }

    /// Whether the run is still waiting for answers.
    pub fn running(&self) -> bool {
        !self.asking.is_finished()
    }

    /// Whether the run was cancelled.
    pub fn cancelled(&self) -> bool {
        self.asking.is_cancelled()
    }

    /// Documents whose answer failed or was refused.
    pub fn failed(&self) -> usize {
        self.lines.iter().filter(|l| !l.ok()).count()
    }
}

/// The session's asking: the current (or last) run, the source the Model menu asks, feedback on its way.
#[derive(Default)]
pub struct AskState {
    /// The current run, or the last one (kept to show what it did).
    pub run: Option<AskRun>,
    /// The source Model > Ask uses: chosen in Model > Sources, else the first source with a server.
    pub chosen: Option<SourceName>,
    /// Ask the chosen source about each document as it is opened (if it has no suggestions of it yet).
    on_open: bool,
    /// The document shown when asking last looked (a newly opened one may be asked about).
    seen: Option<DocId>,
    /// Feedback sent and not answered yet: failures are told once.
    feedback: Vec<Receiver<Result<(), AskError>>>,
}

impl Session {
    /// The source Model > Ask asks: the chosen one if it still has a server, else the first with one.
    pub fn ask_source(&self) -> Option<SourceName> {
        let sources = &self.project.config().sources;
        let has_server = |s: &SourceName| sources.get(s).is_some_and(|c| c.server.is_some());
        self.asking.chosen.clone().filter(has_server).or_else(|| sources.keys().find(|s| has_server(s)).cloned())
    }

    /// Whether each document is asked about as it is opened.
    pub fn ask_on_open_enabled(&self) -> bool {
        self.asking.on_open
    }

    /// The source the Model menu asks, and whether each document is asked about as it is opened; turned on,
    /// the document shown now counts as just opened.
    pub fn set_asking(&mut self, chosen: Option<SourceName>, on_open: bool) {
        if on_open && !self.asking.on_open {
            self.asking.seen = None;
        }
        self.asking.chosen = chosen;
        self.asking.on_open = on_open;
    }

    /// Starts asking `source` about `docs` in the background; a run in progress is cancelled first. Why not,
    /// when the source has no usable server (told to the coder).
    pub fn start_asking(&mut self, source: &SourceName, docs: &[DocId], out: &mut Vec<Action>) {
        let Some(config) = self.project.config().sources.get(source) else { return };
        let predictor = match models::connect(source, config, &self.project.config().schema) {
            Ok(p) => p,
            Err(e) => return out.push(Action::Notice(e.to_string())),
        };
        let mut requests = Vec::with_capacity(docs.len());
        let mut lines = Vec::new();
        for doc in docs {
            match self.project.load_document(doc) {
                Ok(loaded) => requests.push(DocRequest { id: doc.clone(), text: Arc::from(loaded.text.as_str()) }),
                // A broken document is never written to: say so, and ask about the others.
                Err(e) => lines.push(AskLine { doc: doc.clone(), outcome: AskOutcome::Failed(e.to_string()) }),
            }
        }
        if let Some(run) = &self.asking.run {
            run.asking.cancel();
        }
        let asking = Asking::start(predictor, requests, DEFAULT_PARALLEL);
        self.asking.run = Some(AskRun { source: source.clone(), asking, lines, added: 0, total: docs.len() });
    }

    /// The Model menu's commands.
    pub fn model_command(&mut self, command: crate::ui::Command, out: &mut Vec<Action>) {
        use crate::ui::Command;
        match command {
            Command::ModelSources => {
                self.windows.toggle(|| Box::<crate::ui::windows::model_sources::ModelSourcesWindow>::default());
            }
            Command::AskDocument => self.ask_about(false, out),
            Command::AskProject => self.ask_about(true, out),
            Command::CancelAsking => self.cancel_asking(),
            _ => {}
        }
    }

    /// Model > Ask: asks the Model menu's source about the shown document or every document. Without a source
    /// that has a server, says so and opens Model > Sources.
    pub fn ask_about(&mut self, whole_project: bool, out: &mut Vec<Action>) {
        let Some(source) = self.ask_source() else {
            out.push(Action::Notice(crate::trl!(self.language, "notice-no-model-source").into()));
            self.windows.open(Box::<crate::ui::windows::model_sources::ModelSourcesWindow>::default());
            return;
        };
        let docs: Vec<DocId> = if whole_project {
            self.project.documents().iter().map(|d| d.id.clone()).collect()
        } else {
            self.shown.iter().cloned().collect()
        };
        self.start_asking(&source, &docs, out);
    }

    /// Cancels the run in progress: answers still to come are dropped.
    pub fn cancel_asking(&mut self) {
        if let Some(run) = &self.asking.run {
            run.asking.cancel();
        }
    }

    /// Once a frame: the answers that came become suggestions (one edit per document), and feedback failures
    /// are told. Asks for the next frame while a run is in progress, so answers show without a mouse move.
    pub fn asking_work(&mut self, ctx: &eframe::egui::Context, out: &mut Vec<Action>) {
        self.feedback_answers(out);
        if self.asking.seen != self.shown {
            self.asking.seen = self.shown.clone();
            if let Some(doc) = self.shown.clone() {
                self.ask_on_open(&doc, out);
            }
        }
        let Some(run) = &mut self.asking.run else { return };
        if !run.running() {
            return;
        }
        let answers = run.asking.take();
        let source = run.source.clone();
        for answer in answers {
            let line = self.answer_in(&source, answer, out);
            if let Some(run) = &mut self.asking.run {
                run.lines.push(line);
            }
        }
        ctx.request_repaint_after(POLL);
    }

    fn answer_in(&mut self, source: &SourceName, answer: Answer, out: &mut Vec<Action>) -> AskLine {
        let doc = answer.doc;
        let parsed = match answer.result {
            Ok(p) => p,
            Err(e) => return AskLine { doc, outcome: AskOutcome::Failed(e.to_string()) },
        };
        match plan_answer(&self.project, source, &doc, parsed) {
            AnswerPlan::Refused(refusals) => {
                let message = refusals.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
                AskLine { doc, outcome: AskOutcome::Refused(message) }
            }
            AnswerPlan::Import(None, _) => AskLine { doc, outcome: AskOutcome::NothingNew },
            AnswerPlan::Import(Some(edit), report) => {
                let n = report.imported();
                if !self.project_edit(*edit, out) {
                    // The refusal was told as a notice.
                    return AskLine { doc, outcome: AskOutcome::Failed("the suggestions could not be added".into()) };
                }
                if let Some(run) = &mut self.asking.run {
                    run.added += n;
                }
                AskLine { doc, outcome: AskOutcome::Added(n) }
            }
        }
    }

    /// A document was opened: ask about it when the coder wants that and the source has nothing for it yet.
    fn ask_on_open(&mut self, doc: &DocId, out: &mut Vec<Action>) {
        if !self.asking.on_open || self.asking.run.as_ref().is_some_and(AskRun::running) {
            return;
        }
        let Some(source) = self.ask_source() else { return };
        let asked =
            self.project.document(doc).and_then(|d| d.loaded()).is_some_and(|l| l.suggestions.contains_key(&source));
        if !asked {
            self.start_asking(&source, std::slice::from_ref(doc), out);
        }
    }

    /// After a decision on suggestion `id` of `source` in `doc`: sends it to the source's server when it
    /// takes feedback, on a thread of its own.
    pub fn send_feedback(&mut self, doc: &DocId, source: &SourceName, id: SuggestionId) {
        let Some(config) = self.project.config().sources.get(source) else { return };
        if !config.server.as_ref().is_some_and(|s| s.feedback) {
            return;
        }
        let Some(feedback) = self.feedback_of(doc, source, id) else { return };
        let Ok(predictor) = models::connect(source, config, &self.project.config().schema) else { return };
        if !predictor.takes_feedback() {
            return;
        }
        let (send, answer) = channel();
        std::thread::spawn(move || {
            let _ = send.send(predictor.feedback(&feedback));
        });
        self.asking.feedback.push(answer);
    }

    fn feedback_of(&self, doc: &DocId, source: &SourceName, id: SuggestionId) -> Option<Feedback> {
        let loaded = self.project.document(doc)?.loaded()?;
        let suggestion = loaded.suggestions.get(source)?.suggestions.get(&id)?.clone();
        let coder = self.project.annotator().clone();
        let layer = loaded.layers.get(&coder)?;
        let decision = layer.reviews.get(source)?.0.get(&id)?;
        let result = match decision.created {
            None => None,
            Some(created) => match created {
                crate::model::CreatedAnnotation::Mention(m) => layer
                    .mentions
                    .get(&m)
                    .map(|m| (m.span, crate::model::SuggestedLabel::Entity(m.entity_type.clone()))),
                crate::model::CreatedAnnotation::Event(e) => {
                    layer.events.get(&e).map(|e| (e.trigger, crate::model::SuggestedLabel::Event(e.event_type.clone())))
                }
            },
        };
        (decision.status != ReviewStatus::Pending).then(|| Feedback {
            doc: DocRequest { id: doc.clone(), text: Arc::from(loaded.text.as_str()) },
            id,
            suggestion,
            decision: decision.status,
            result,
            coder,
        })
    }

    fn feedback_answers(&mut self, out: &mut Vec<Action>) {
        self.asking.feedback.retain(|answer| match answer.try_recv() {
            Ok(Ok(())) => false,
            Ok(Err(e)) => {
                out.push(Action::Notice(format!("The decision was not sent back to the model: {e}")));
                false
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => true,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => false,
        });
    }
}
