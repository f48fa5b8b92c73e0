//! A [`Session`]: one open project and everything the window holds about it (the shown document, what the
//! inspector shows, the role being picked, the review cursor, the highlights, saving, the tool windows).
//! Opening another project makes a new session, so nothing of the old one needs resetting by hand.

mod asking;
mod assigned;
mod coding;
pub mod curation;
mod draw;
mod filling;
// Issue 19: linking a document's LOCATION mentions to places.
mod places;
// Issue 18: the learner's rounds on a thread.
pub mod learner;
mod relating;
mod review;
mod watch;

pub use asking::{AskLine, AskOutcome, AskRun, AskState};
pub use assigned::Assigned;

use super::action::{Action, Focus, Picking};
use super::article_view::ArticleView;
use super::panels::review_queue::ReviewQueue;
use super::panels::{self, InspectorState, ViewOptions};
use super::windows::WindowSet;
use crate::model::{DocId, Layer, SourceName, SuggestionId};
use crate::store::{Access, Autosave, DocEntry, LoadedDoc, Project};
use crate::text::scene::HighlightSet;
use std::time::Instant;

/// The state of saving, for the status bar.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything is on disk.
    Saved,
    /// Changes wait for the autosave.
    Unsaved,
    /// A file changed on disk since this session read it, so the save was refused (the other version is left
    /// as it is); the changes are still in memory. Retrying cannot help until the versions are reconciled.
    Refused(String),
    /// The last save failed; the changes are still in memory.
    Failed(String),
}

impl SaveStatus {
    /// Why changes are still only in memory, if they are.
    pub fn not_saved(&self) -> Option<&str> {
        match self {
            SaveStatus::Failed(why) | SaveStatus::Refused(why) => Some(why),
            SaveStatus::Saved | SaveStatus::Unsaved => None,
        }
    }
}

/// The review queue's side of the session: whether the right panel shows it, and the suggestion under review.
#[derive(Default)]
pub struct Reviewing {
    /// The right panel shows the review queue rather than the inspector.
    pub active: bool,
    /// The queue of the shown document.
    pub queue: ReviewQueue,
    /// The suggestion under review.
    pub current: Option<(SourceName, SuggestionId)>,
}

/// One open project and the window's state about it.
pub struct Session {
    project: Project,
    /// The document shown in the article view.
    shown: Option<DocId>,
    /// The mention or event shown in the inspector.
    pub focus: Option<Focus>,
    /// The interface's language at the last frame drawn: the notices the session pushes are in it.
    pub(in crate::ui) language: crate::settings::Language,
    /// A role waiting for a click on a mention.
    pub picking: Option<Picking>,
    /// A relation waiting for a click on the mention it goes to: the mention it starts from (R).
    pub relating: Option<crate::model::MentionId>,
    /// Drafts of the inspector's text fields.
    pub inspector: InspectorState,
    /// The review queue and cursor.
    pub review: Reviewing,
    /// The article view (selection, zoom, scrolling).
    pub article: ArticleView,
    /// Whose layer is shown, and whether suggestions are.
    pub view: ViewOptions,
    /// The shown document's highlights, and what they were built from.
    highlights: Option<(HighlightsKey, HighlightSet)>,
    autosave: Autosave,
    save_status: SaveStatus,
    /// The open tool windows.
    pub windows: WindowSet,
    /// The assignments and the list's order they give.
    assigned: assigned::Assigned,
    /// The watch of the project folder (started on the first frame), or why it could not start.
    watch: Option<Result<watch::DiskWatcher, String>>,
    /// What the last refresh from disk took in, for the status bar.
    disk_note: Option<String>,
    /// The curation queue, when the project is open as its gold layer.
    pub curation: Option<curation::Curating>,
    /// The side panels' widths, which give way to the article's readable width.
    pub(crate) panels: crate::ui::panel_layout::PanelLayout,
    /// Asking model servers: the run in progress or the last one, the source the Model menu asks.
    pub asking: AskState,
    /// The coder's learner: its rounds, its latest model and figures.
    pub learning: learner::Learning,
}

/// What the highlights were built from: the document, the view options, the project's generation, and the
/// role fillers of the event suggestion under review.
/// The last part is the inspected event's evidence.
type HighlightsKey = (
    Option<DocId>,
    ViewOptions,
    u64,
    Option<(crate::model::Span, Vec<crate::model::SuggestedRole>)>,
    Option<(crate::model::EventId, Evidence)>,
);

/// An event's evidence by field.
type Evidence = std::collections::BTreeMap<crate::model::FieldId, Vec<crate::model::Span>>;

impl Session {
    /// A session on `project`, showing the first document of the list.
    pub fn new(mut project: Project) -> Self {
        // A save waits this long for a command-line import's write to finish, then fails and is retried by the
        // autosave: the window must not freeze for the ten seconds a command would wait.
        project.set_lock_patience(std::time::Duration::from_millis(250));
        let mut session = Session {
            project,
            shown: None,
            focus: None,
            language: crate::settings::Language::default(),
            picking: None,
            relating: None,
            inspector: InspectorState::default(),
            review: Reviewing::default(),
            article: ArticleView::default(),
            view: ViewOptions::default(),
            highlights: None,
            autosave: Autosave::default(),
            save_status: SaveStatus::Saved,
            windows: WindowSet::default(),
            assigned: Default::default(),
            watch: None,
            disk_note: None,
            curation: None,
            panels: Default::default(),
            asking: AskState::default(),
            learning: Default::default(),
        };
        session.assigned = assigned::Assigned::read(&session.project);
        // The first of the list: the coder's first assigned document when they have any.
        let first = session.doc_order().at(0).map(|i| session.project.documents()[i].id.clone());
        session.show_document(first);
        session.start_curating();
        session
    }

    /// The open project.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Gives the project back, closing the session (its lock goes with it when dropped).
    pub fn into_parts(self) -> (Project, WindowSet) {
        (self.project, self.windows)
    }

    /// Lets the open windows do the work they do with the project after the frame (a document import's next
    /// records, an export's save before it starts).
    pub fn windows_work(&mut self, out: &mut Vec<Action>) {
        self.windows.work(&mut self.project, out);
    }

    /// The document shown in the article view.
    pub fn shown(&self) -> Option<&DocId> {
        self.shown.as_ref()
    }

    /// The shown document's entry in the project.
    pub fn shown_entry(&self) -> Option<&DocEntry> {
        self.project.document(self.shown.as_ref()?)
    }

    /// The shown document, when it is loaded and valid.
    pub fn loaded(&self) -> Option<&LoadedDoc> {
        self.shown_entry()?.loaded()
    }

    /// The shown document's id and the coder's own layer of it (empty if they have none yet).
    pub fn own_layer(&self) -> Option<(DocId, Layer)> {
        let loaded = self.loaded()?;
        let layer = loaded.layers.get(self.project.annotator()).cloned().unwrap_or_default();
        Some((self.shown.clone()?, layer))
    }

    /// Whether the coder can change the shown document: their own layer is shown and saving is allowed.
    pub fn editable(&self) -> bool {
        let own = panels::shown_layer(&self.project, self.shown.as_ref(), &self.view);
        matches!(self.project.access(), Access::ReadWrite) && own.as_ref().is_none_or(|a| a == self.project.annotator())
    }

    /// Whether the coder can change the shown document; if not, says why.
    pub fn can_code(&self, out: &mut Vec<Action>) -> bool {
        let editable = self.editable();
        if !editable {
            out.push(Action::Notice(match self.project.access() {
                Access::ReadOnly(why) => crate::trl!(self.language, "notice-read-only", why = why.clone()),
                Access::ReadWrite => crate::trl!(self.language, "notice-other-layer").to_owned(),
            }));
        }
        editable
    }

    /// The article text the coder selected, if any.
    pub fn selected_text(&self) -> Option<String> {
        Some(self.shown_entry()?.text()?.slice(self.article.selection()?)?.to_owned())
    }

    /// Shows a document (loading it; a broken one is shown with its problems). What was inspected, picked or
    /// under review belonged to the document shown before.
    pub fn show_document(&mut self, doc: Option<DocId>) {
        self.review.current = None;
        self.view.layer = None;
        self.focus = None;
        self.picking = None;
        self.relating = None;
        if let Some(id) = &doc {
            // A broken document is not an error to pop up: the view lists its problems.
            let _ = self.project.load_document(id);
        }
        self.shown = doc;
    }

    /// Shows the document `delta` places after (or before) the shown one in the list.
    pub fn step_document(&mut self, delta: isize) {
        self.refresh_order();
        let docs = self.project.documents();
        let Some(last) = docs.len().checked_sub(1) else { return };
        // In the list's order: the coder's assigned documents first.
        let order = self.doc_order();
        let at = self.shown.as_ref().and_then(|s| docs.iter().position(|d| &d.id == s));
        let next = match at.and_then(|i| order.position(i)) {
            Some(p) => p.saturating_add_signed(delta).min(last),
            None => 0,
        };
        let Some(index) = order.at(next) else { return };
        let id = docs[index].id.clone();
        self.show_document(Some(id));
    }

    /// The highlights of the shown document, rebuilt when the document, the view options or the project
    /// changed.
    pub fn highlights(&mut self) -> &HighlightSet {
        let fillers = self.suggested_fillers();
        let evidence = self.inspected_evidence();
        let key = (self.shown.clone(), self.view.clone(), self.project.generation(), fillers, evidence);
        if self.highlights.as_ref().is_none_or(|(k, _)| *k != key) {
            let mut set = panels::highlights(&self.project, self.shown.as_ref(), &self.view);
            if let (Some((_, fillers)), Some((source, id))) = (&key.3, &self.review.current) {
                let under_review = crate::text::scene::HighlightKey::Suggestion(source.clone(), *id);
                set.add_fillers(&self.project.config().schema, &under_review, fillers);
            }
            if let Some((event, evidence)) = &key.4 {
                set.add_evidence(*event, evidence);
            }
            self.highlights = Some((key, set));
        }
        &self.highlights.as_ref().expect("built above").1
    }

    /// The inspected event's evidence (in the coder's own layer, which the inspector shows), if it has any.
    fn inspected_evidence(&self) -> Option<(crate::model::EventId, Evidence)> {
        let Some(Focus::Event(id)) = self.focus else { return None };
        let loaded = self.project.document(self.shown.as_ref()?)?.loaded()?;
        let event = loaded.layers.get(self.project.annotator())?.events.get(&id)?;
        (!event.evidence.is_empty()).then(|| (id, event.evidence.clone()))
    }

    /// The highlights as last built (empty before the first frame).
    pub fn built_highlights(&self) -> Option<&HighlightSet> {
        self.highlights.as_ref().map(|(_, h)| h)
    }

    /// What the status bar says about saving.
    pub fn save_status(&self) -> &SaveStatus {
        &self.save_status
    }

    /// Notes a change for the autosave.
    pub fn changed(&mut self) {
        self.autosave.changed(Instant::now());
        self.save_status = SaveStatus::Unsaved;
    }

    /// When the next autosave is due, if changes wait.
    pub fn autosave_due(&self) -> Option<Instant> {
        self.autosave.due_at()
    }

    /// Saves every change at once; a failure keeps the changes in memory and is retried by the autosave.
    pub fn save_now(&mut self) {
        match self.project.save_dirty() {
            Ok(_) => {
                self.autosave.saved();
                self.save_status = SaveStatus::Saved;
            }
            Err(e) => {
                self.autosave.failed(Instant::now());
                self.save_status = if e.is_conflict() {
                    SaveStatus::Refused(e.to_string())
                } else {
                    SaveStatus::Failed(e.to_string())
                };
            }
        }
    }
}
