//! What panels ask the app to do. Panels only read the project; they push these, and the app applies them
//! after the frame (project changes always as edits, so undo covers them).

use super::Command;
use crate::model::{DocId, Edit, EntityTypeId, EventId, EventTypeId, MentionId, ProjectEdit, RoleId, Span};

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

/// A request from a panel.
#[derive(Clone, Debug)]
pub enum Action {
    /// A menu or shortcut command.
    Command(Command),
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
    /// An operation was refused; say why.
    Refused(String),
    /// Tell the coder what an operation did.
    Notice(String),
    /// Propose the other occurrences of a mention's words as suggestions (the `propagate` source), in the
    /// shown document or the whole project.
    Propagate(MentionId, bool),
    /// Open a document, scroll to a span and select it (and focus what is given).
    Jump {
        /// The document.
        doc: DocId,
        /// The span to show.
        span: Span,
        /// What to show in the inspector.
        focus: Option<Focus>,
    },
}
