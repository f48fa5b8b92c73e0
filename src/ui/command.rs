//! Every user action of the app, as one enum: the single source of menu entries, shortcuts and help text.

use eframe::egui::{Key, KeyboardShortcut, Modifiers};

/// A user action. Menus, buttons and keyboard shortcuts all produce these; the app applies them in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Choose another project folder.
    OpenProject,
    /// Select the next document of the list.
    NextDocument,
    /// Select the previous document of the list.
    PreviousDocument,
    /// Check every document and show the problems window.
    ValidateProject,
    /// Show or hide the problems window.
    ToggleProblems,
    /// Make the article text larger.
    ZoomIn,
    /// Make the article text smaller.
    ZoomOut,
    /// Article text at its default size.
    ZoomReset,
    /// Show or hide type labels over spans.
    ToggleLabels,
    /// Show or hide pending machine suggestions.
    ToggleSuggestions,
    /// Switch between light and dark themes.
    ToggleTheme,
    /// Copy the selected text.
    CopySelection,
    /// Redo the last undone change.
    Redo,
    /// Undo the last change.
    Undo,
    /// Save every change now (changes are also saved automatically within a second).
    Save,
    /// Delete the selected mention (or the innermost one at the caret).
    DeleteMention,
    /// Choose an event type for the selection (then its key or a click makes the event).
    NewEvent,
    /// Start a relation from the inspected mention; a click on another mention ends it.
    RelateMention,
    /// Dismiss the message, else stop picking a role filler, else close the topmost window, else unfocus, else
    /// clear the selection.
    Cancel,
    /// Mark the document done for this annotator (or in progress again).
    ToggleDone,
    /// Go to the next document this annotator has not finished.
    NextUnfinished,
    /// Show or hide the events table.
    ToggleEvents,
    /// Search the whole project.
    Search,
    /// Show or hide the actor registry.
    ToggleActors,
    /// Show or hide the schema editor.
    ToggleSchema,
    /// Move the inspected mention's end edge one letter left (Alt+Left) ...
    MoveEndLeft,
    /// ... or right.
    MoveEndRight,
    /// Move the inspected mention's start edge one letter left ...
    MoveStartLeft,
    /// ... or right.
    MoveStartRight,
    /// Review the next pending suggestion.
    NextSuggestion,
    /// Review the previous pending suggestion.
    PreviousSuggestion,
    /// Accept the suggestion under review (with the selection's boundaries).
    AcceptSuggestion,
    /// Reject the suggestion under review.
    RejectSuggestion,
    /// Import a model's suggestions from a file.
    ImportSuggestions,
    /// Import documents from a JSON lines or CSV file.
    ImportDocuments,
    /// Import annotations from brat or doccano into one's own layer.
    ImportAnnotations,
    /// Export coded data into a folder.
    Export,
    /// Show or hide the review statistics.
    ToggleReviewStats,
    /// Code under another name (asks for it, remembers it, reopens the project).
    ChangeCoder,
    /// Show or hide the keyboard shortcuts window.
    ToggleShortcuts,
    /// Show or hide each coder's progress on their assigned documents.
    ToggleProgress,
    /// Close the window.
    Quit,
    // Sharing through git (src/sync/).
    /// Commit your changes, fetch and merge your teammates', push (the status bar's sync button).
    Sync,
    /// Make the project folder a git repository shared at a remote.
    ShareProject,
    // Agreement and curation (src/workflow/agreement/, src/workflow/curation/).
    /// Show or hide the agreement between coders.
    ToggleAgreement,
    /// Curate: reopen the project as its gold layer (again to go back to coding).
    Curate,
    /// While curating: make coder `n`'s version (1-9, in the queue's order) the gold one.
    TakeVersion(u8),
    // Role filling (src/model/role_filling.rs, src/ui/session/filling.rs).
    /// Arm role `n` (1-9, in the schema's order) of the inspected event: a selection and a type key, or a
    /// click on a mention, fills it next.
    ArmRole(u8),
    /// Draw the article without its tashkeel (offsets unchanged), or with it again.
    ToggleTashkeel,
    // The newcomer's path (ui/dialogs/, ui/new_project.rs, ui/windows/import_text.rs).
    /// Create a project (a folder and a name) with the default schema, and open it.
    NewProject,
    /// Add .txt files to the project as documents.
    AddTextFiles,
    /// Add every .txt file of a folder to the project.
    AddTextFolder,
}

/// The labels of [`Command::ArmRole`] 1 to 9.
const ARM_LABELS: [&str; 9] = [
    "Fill role 1 next",
    "Fill role 2 next",
    "Fill role 3 next",
    "Fill role 4 next",
    "Fill role 5 next",
    "Fill role 6 next",
    "Fill role 7 next",
    "Fill role 8 next",
    "Fill role 9 next",
];

/// The labels of [`Command::TakeVersion`] 1 to 9.
const TAKE_LABELS: [&str; 9] = [
    "Take coder 1's version",
    "Take coder 2's version",
    "Take coder 3's version",
    "Take coder 4's version",
    "Take coder 5's version",
    "Take coder 6's version",
    "Take coder 7's version",
    "Take coder 8's version",
    "Take coder 9's version",
];

/// The number keys of [`Command::TakeVersion`] and [`Command::ArmRole`] 1 to 9.
const NUMBER_KEYS: [Key; 9] =
    [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8, Key::Num9];

impl Command {
    /// Every command, in menu order.
    /// Redo comes before Undo: shortcuts match ignoring Shift, so Ctrl+Shift+Z must be tried first.
    pub const ALL: [Command; 68] = [
        Command::OpenProject,
        // The newcomer's path.
        Command::NewProject,
        Command::AddTextFiles,
        Command::AddTextFolder,
        Command::ChangeCoder,
        Command::Save,
        Command::Redo,
        Command::Undo,
        Command::DeleteMention,
        Command::NewEvent,
        Command::RelateMention,
        Command::MoveStartLeft,
        Command::MoveStartRight,
        Command::MoveEndLeft,
        Command::MoveEndRight,
        Command::Cancel,
        // Shift+Tab before Tab: shortcuts match ignoring Shift.
        Command::PreviousSuggestion,
        Command::NextSuggestion,
        Command::AcceptSuggestion,
        Command::RejectSuggestion,
        Command::ImportDocuments,
        Command::ImportAnnotations,
        Command::ImportSuggestions,
        Command::Export,
        Command::Sync,
        Command::ShareProject,
        Command::ToggleReviewStats,
        Command::ToggleAgreement,
        Command::Curate,
        Command::TakeVersion(1),
        Command::TakeVersion(2),
        Command::TakeVersion(3),
        Command::TakeVersion(4),
        Command::TakeVersion(5),
        Command::TakeVersion(6),
        Command::TakeVersion(7),
        Command::TakeVersion(8),
        Command::TakeVersion(9),
        Command::ArmRole(1),
        Command::ArmRole(2),
        Command::ArmRole(3),
        Command::ArmRole(4),
        Command::ArmRole(5),
        Command::ArmRole(6),
        Command::ArmRole(7),
        Command::ArmRole(8),
        Command::ArmRole(9),
        Command::ToggleDone,
        Command::NextDocument,
        Command::PreviousDocument,
        Command::NextUnfinished,
        Command::Search,
        Command::ToggleEvents,
        Command::ToggleActors,
        Command::ToggleSchema,
        Command::ValidateProject,
        Command::ToggleProblems,
        Command::ToggleProgress,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ToggleLabels,
        Command::ToggleTashkeel,
        Command::ToggleSuggestions,
        Command::ToggleTheme,
        Command::CopySelection,
        Command::ToggleShortcuts,
        Command::Quit,
    ];

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            Command::OpenProject => "Open project…",
            Command::NextDocument => "Next document",
            Command::PreviousDocument => "Previous document",
            Command::ValidateProject => "Validate project",
            Command::ToggleProblems => "Problems",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ZoomReset => "Actual size",
            Command::ToggleLabels => "Type labels",
            Command::ToggleSuggestions => "Suggestions",
            Command::ToggleTheme => "Dark theme",
            Command::CopySelection => "Copy",
            Command::ToggleShortcuts => "Keyboard shortcuts",
            Command::Quit => "Quit",
            Command::Redo => "Redo",
            Command::Undo => "Undo",
            Command::Save => "Save",
            Command::DeleteMention => "Delete",
            Command::NewEvent => "New event…",
            Command::RelateMention => "Relate to another mention",
            Command::Cancel => "Cancel",
            Command::ToggleDone => "Document done",
            Command::NextUnfinished => "Next unfinished document",
            Command::ToggleEvents => "Events table",
            Command::Search => "Search project…",
            Command::ToggleActors => "Actor registry",
            Command::ToggleSchema => "Schema editor",
            Command::ChangeCoder => "Change coder…",
            Command::MoveEndLeft => "Move mention end left",
            Command::MoveEndRight => "Move mention end right",
            Command::MoveStartLeft => "Move mention start left",
            Command::MoveStartRight => "Move mention start right",
            Command::NextSuggestion => "Next suggestion",
            Command::PreviousSuggestion => "Previous suggestion",
            Command::AcceptSuggestion => "Accept suggestion",
            Command::RejectSuggestion => "Reject suggestion",
            Command::ImportSuggestions => "Import suggestions…",
            Command::ImportDocuments => "Import documents…",
            Command::ImportAnnotations => "Import annotations…",
            Command::Export => "Export…",
            Command::ToggleReviewStats => "Review statistics",
            Command::Sync => "Sync",
            Command::ShareProject => "Share project…",
            Command::ToggleProgress => "Assignment progress",
            Command::ToggleAgreement => "Agreement",
            Command::Curate => "Curate (gold layer)",
            Command::TakeVersion(n) => TAKE_LABELS[usize::from(n.clamp(1, 9)) - 1],
            Command::ArmRole(n) => ARM_LABELS[usize::from(n.clamp(1, 9)) - 1],
            Command::ToggleTashkeel => "Hide tashkeel",
            // The newcomer's path.
            Command::NewProject => "New project…",
            Command::AddTextFiles => "Add text files…",
            Command::AddTextFolder => "Add a folder of text files…",
        }
    }

    /// One sentence of help.
    pub fn help(self) -> &'static str {
        match self {
            Command::OpenProject => "Open another project folder",
            Command::NextDocument => "Go to the next document of the list",
            Command::PreviousDocument => "Go to the previous document of the list",
            Command::ValidateProject => "Load every document and list every problem with its file and line",
            Command::ToggleProblems => "Show or hide the list of problems found in the project's files",
            Command::ZoomIn => "Make the article text larger",
            Command::ZoomOut => "Make the article text smaller",
            Command::ZoomReset => "Show the article text at its default size",
            Command::ToggleLabels => "Show or hide small type labels over each highlighted span",
            Command::ToggleSuggestions => "Show or hide pending machine suggestions (dashed outlines)",
            Command::ToggleTheme => "Switch between the light and the dark theme",
            Command::CopySelection => "Copy the selected article text",
            Command::ToggleShortcuts => "Show or hide this list",
            Command::Quit => "Close Tarmeez (changes are saved first)",
            Command::Redo => "Redo the last undone change",
            Command::Undo => "Undo the last change",
            Command::Save => "Save every change now (changes are also saved automatically within a second)",
            Command::DeleteMention => {
                "Delete the inspected mention or event, else the selected mention, else the innermost at the caret"
            }
            Command::NewEvent => "Make the selection an event's trigger: choose the event type",
            Command::RelateMention => "Relate the inspected mention to another: press R, then click the other",
            Command::Cancel => {
                "Dismiss the message, else stop picking a role filler, else close the topmost window, else close the \
                 inspector, else clear the selection"
            }
            Command::ToggleDone => "Mark this document done for you (again to set it back in progress)",
            Command::NextUnfinished => "Go to the next document you have not marked done (your assigned ones first)",
            Command::ToggleEvents => "Show the events of this document or of the whole project, sortable",
            Command::Search => "Find words in every document (normalized spelling, clitics ignored)",
            Command::ToggleActors => "List, search, create, edit and merge the project's actors",
            Command::ToggleSchema => "Add, rename, recolour and re-key entity types, event types and roles",
            Command::ChangeCoder => "Code under another name: your edits go to that name's own layer",
            Command::MoveEndLeft | Command::MoveEndRight => {
                "Move the inspected mention's end edge one letter in the arrow's direction (in Arabic the end is the left edge)"
            }
            Command::NextSuggestion => "Review the next pending suggestion of this document (opens the review queue)",
            Command::PreviousSuggestion => "Review the previous pending suggestion",
            Command::AcceptSuggestion => {
                "Accept the suggestion under review, with the selection's boundaries (different ones record it as edited)"
            }
            Command::RejectSuggestion => {
                "Reject the suggestion under review; the same source will not propose it again"
            }
            Command::ImportSuggestions => {
                "Import a model's suggestions (Hugging Face, spaCy, doccano, Label Studio, brat)"
            }
            Command::ImportDocuments => "Import a corpus: one document per JSON line or CSV row, with its metadata",
            Command::ImportAnnotations => "Import brat or doccano annotations into your layer",
            Command::Export => "Export coded data: events-csv, brat, doccano, CoNLL, hf-jsonl or HTML pages",
            Command::ToggleReviewStats => {
                "Accepted, edited and rejected suggestions per source, and precision by score"
            }
            Command::MoveStartLeft | Command::MoveStartRight => {
                "Move the inspected mention's start edge one letter in the arrow's direction (in Arabic the start is the right edge)"
            }
            Command::Sync => {
                "Save, commit your changes, fetch and merge your teammates' work, and send yours (offline: commit now, send later)"
            }
            Command::ShareProject => "Make this project a git repository shared at a remote, for a team to sync",
            Command::ToggleProgress => {
                "Each coder's assigned documents (tarmeez assign): how many are done, in progress and not started"
            }
            Command::ToggleAgreement => {
                "How far the coders agree, pair by pair and per type, and you against the gold layer; a cell opens its disagreements"
            }
            Command::Curate => {
                "Adjudicate the coders' disagreements into the gold layer (again to go back to coding under your name)"
            }
            Command::ArmRole(_) => "Fill that role of the inspected event next (a selection and a type key)",
            Command::ToggleTashkeel => "Draw the article without its short vowels and other marks (offsets unchanged)",
            Command::TakeVersion(_) => {
                "While curating: make that coder's version of the current unit the gold one (Enter takes the majority's)"
            }
            _ => self.newcomer_help(),
        }
    }

    /// Help of the newcomer's path (kept apart so that [`Self::help`] stays readable).
    fn newcomer_help(self) -> &'static str {
        match self {
            Command::NewProject => "Create a project in a new or empty folder, with the default schema",
            Command::AddTextFiles => {
                "Add UTF-8 .txt files as documents, one per file (empty files and duplicates are skipped and listed)"
            }
            Command::AddTextFolder => "Add every .txt file of a folder and its subfolders as documents",
            _ => "",
        }
    }

    /// Keyboard shortcuts, the first one shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        let cmd = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let alt = |key| KeyboardShortcut::new(Modifiers::ALT, key);
        match self {
            Command::OpenProject => vec![cmd(Key::O)],
            Command::NextDocument => vec![alt(Key::ArrowDown)],
            Command::PreviousDocument => vec![alt(Key::ArrowUp)],
            Command::ValidateProject => vec![cmd(Key::R)],
            Command::ToggleProblems => vec![cmd(Key::P)],
            // Ctrl+= is Ctrl++ without Shift on most layouts.
            Command::ZoomIn => vec![cmd(Key::Plus), cmd(Key::Equals)],
            Command::ZoomOut => vec![cmd(Key::Minus)],
            Command::ZoomReset => vec![cmd(Key::Num0)],
            Command::ToggleLabels => vec![cmd(Key::L)],
            Command::ToggleSuggestions => vec![cmd(Key::G)],
            Command::ToggleTheme => vec![cmd(Key::T)],
            Command::CopySelection => vec![cmd(Key::C)],
            Command::ToggleShortcuts => vec![KeyboardShortcut::new(Modifiers::NONE, Key::F1)],
            Command::Redo => vec![KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z), cmd(Key::Y)],
            Command::Undo => vec![cmd(Key::Z)],
            Command::Save => vec![cmd(Key::S)],
            Command::DeleteMention => vec![KeyboardShortcut::new(Modifiers::NONE, Key::Delete)],
            Command::NewEvent => vec![KeyboardShortcut::new(Modifiers::NONE, Key::E)],
            Command::RelateMention => vec![KeyboardShortcut::new(Modifiers::NONE, Key::R)],
            Command::Cancel => vec![KeyboardShortcut::new(Modifiers::NONE, Key::Escape)],
            Command::ToggleDone => vec![cmd(Key::D)],
            Command::NextUnfinished => vec![cmd(Key::J)],
            Command::ToggleEvents => vec![cmd(Key::E)],
            Command::Search => vec![cmd(Key::F)],
            Command::ToggleActors => vec![cmd(Key::K)],
            Command::ToggleSchema
            | Command::ChangeCoder
            | Command::ImportSuggestions
            | Command::ImportAnnotations
            | Command::Export
            | Command::ToggleReviewStats
            | Command::ShareProject
            | Command::ToggleAgreement
            | Command::Curate
            | Command::ToggleProgress => {
                vec![]
            }
            Command::NextSuggestion => vec![KeyboardShortcut::new(Modifiers::NONE, Key::Tab)],
            Command::PreviousSuggestion => vec![KeyboardShortcut::new(Modifiers::SHIFT, Key::Tab)],
            Command::AcceptSuggestion => vec![KeyboardShortcut::new(Modifiers::NONE, Key::Enter)],
            Command::RejectSuggestion => vec![KeyboardShortcut::new(Modifiers::NONE, Key::Backspace)],
            Command::MoveEndLeft => vec![KeyboardShortcut::new(Modifiers::ALT, Key::ArrowLeft)],
            Command::MoveEndRight => vec![KeyboardShortcut::new(Modifiers::ALT, Key::ArrowRight)],
            Command::MoveStartLeft => vec![KeyboardShortcut::new(Modifiers::ALT | Modifiers::SHIFT, Key::ArrowLeft)],
            Command::MoveStartRight => vec![KeyboardShortcut::new(Modifiers::ALT | Modifiers::SHIFT, Key::ArrowRight)],
            Command::Quit => vec![cmd(Key::Q)],
            Command::Sync => vec![KeyboardShortcut::new(Modifiers::NONE, Key::F5)],
            Command::TakeVersion(n) => vec![alt(NUMBER_KEYS[usize::from(n.clamp(1, 9)) - 1])],
            Command::ArmRole(n) => vec![cmd(NUMBER_KEYS[usize::from(n.clamp(1, 9)) - 1])],
            Command::ToggleTashkeel => vec![cmd(Key::H)],
            // The newcomer's path.
            Command::NewProject => vec![cmd(Key::N)],
            Command::ImportDocuments => vec![cmd(Key::I)],
            Command::AddTextFiles | Command::AddTextFolder => vec![],
        }
    }

    /// Whether a text field that has the keyboard takes this command's keys: bare keys (Delete, E, Escape)
    /// and the editing shortcuts a field has itself (undo, redo, copy).
    pub fn yields_to_text_field(self) -> bool {
        // Alt+arrows move by word in a text field, and a field must not lose its typing to a document switch.
        matches!(
            self,
            Command::Undo
                | Command::Redo
                | Command::CopySelection
                | Command::MoveStartLeft
                | Command::MoveStartRight
                | Command::MoveEndLeft
                | Command::MoveEndRight
                | Command::NextDocument
                | Command::PreviousDocument
                | Command::NextUnfinished
        ) || self.shortcut().is_some_and(|s| s.modifiers.is_none() || s.modifiers == Modifiers::SHIFT)
    }

    /// The shortcut shown in menus and help.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.shortcuts().into_iter().next()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for c in Command::ALL {
            for s in c.shortcuts() {
                let m = s.modifiers;
                assert!(seen.insert((m.ctrl, m.command, m.alt, m.shift, s.logical_key)), "{c:?}");
            }
        }
    }
}
