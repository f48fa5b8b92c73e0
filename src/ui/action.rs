//! What the window asks to be done. Panels and windows only read the session; they push these, and
//! [`super::TarmeezApp`] runs them in one place once per frame (project changes always as edits, so undo covers
//! them).

use super::Command;
use super::dialogs::Purpose;
use super::panels::curation_queue::CurationRequest;
use super::panels::review_queue::ReviewRequest;
use super::windows::ToolWindow;
use crate::model::{DocId, Edit, EntityTypeId, EventId, EventTypeId, MentionId, ProjectEdit, RoleId, Span};
use std::path::PathBuf;

/// The mention or event the inspector shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Focus {
    /// A mention of the coder's own layer.
    Mention(MentionId),
    /// An event of the coder's own layer.
    Event(EventId),
}

/// A role waiting for the coder to click the mention that fills it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picking {
    /// The event.
    pub event: EventId,
    /// Its role.
    pub role: RoleId,
}

/// Something to do, asked by a key, a menu, a panel or a window.
pub enum Action {
    /// A menu or shortcut command.
    Command(Command),
    /// Show the interface in this language from now on, and remember it (View > Language).
    SetLanguage(crate::settings::Language),
    /// Mark the selection as a mention of this type.
    Mark(EntityTypeId),
    /// Make the selection the trigger of an event of this type.
    MakeEvent(EventTypeId),
    /// An edit of the coder's own layer of the shown document.
    Edit(Edit),
    /// A change to the project (registry, schema, several documents).
    Project(ProjectEdit),
    /// A change to the project, then what it did to tell the coder once it is made (an import).
    ProjectNoticed(Box<ProjectEdit>, String),
    /// Show this mention or event in the inspector (and select its text).
    Focus(Option<Focus>),
    /// Wait for a click on a mention to fill a role (or stop waiting).
    Pick(Option<Picking>),
    /// A plain click on the article's letter at this offset (fills the role being picked, or inspects).
    ClickText(usize),
    /// Tell the coder something once (what an operation did, or why it was refused).
    Notice(String),
    /// Propose the other occurrences of a mention's words as suggestions (the `propagate` source), in the
    /// shown document or the whole project.
    Propagate(MentionId, bool),
    /// A request of the review queue.
    Review(ReviewRequest),
    /// Ask this model source about these documents in the background (Model > Sources).
    Ask(crate::model::SourceName, Vec<DocId>),
    /// The source the Model menu asks, and whether it is asked about each document as it is opened.
    AskSettings(Option<crate::model::SourceName>, bool),
    /// A request of the Learner window (issue 18).
    Learner(crate::ui::session::learner::LearnerRequest),
    /// A request of the curation queue.
    Curate(CurationRequest),
    /// Curate the units of this filter (a cell of the agreement matrix): starts curating if needed.
    CurateUnits(crate::workflow::curation::UnitFilter),
    /// Show this document.
    Show(DocId),
    /// Open a document, scroll to a span and select it (and focus what is given).
    Jump {
        /// The document.
        doc: DocId,
        /// The span to show.
        span: Span,
        /// What to show in the inspector.
        focus: Option<Focus>,
    },
    /// Open a tool window (or bring the open one of its kind forward).
    Open(Box<dyn ToolWindow>),
    /// Close the tool window of this kind (unless work keeps it open).
    Close(&'static str),
    /// Open the project in this folder (saving the open one first).
    OpenProject(PathBuf),
    /// Repair the open project (`tarmeez repair`), then reopen it; what was done is told.
    RepairProject,
    /// The project's sharing changed (File > Share project…): read its sync state again.
    SyncStateChanged,
    // The newcomer's path: file dialogs (ui/dialogs/), File > New project (ui/new_project.rs).
    /// Open the file dialog for this purpose (the desktop's, else the window's own).
    AskFile(Purpose),
    /// A file dialog's answer: do what its menu entry does with these paths.
    Chosen(Purpose, Vec<PathBuf>),
    /// Create a project in this folder (new or empty) under this name, with a preset's schema, and open it.
    CreateProject {
        /// The folder.
        dir: PathBuf,
        /// The project's display name.
        name: String,
        /// The schema it starts with.
        preset: crate::model::Preset,
    },
}

impl From<Command> for Action {
    fn from(command: Command) -> Self {
        Action::Command(command)
    }
}
