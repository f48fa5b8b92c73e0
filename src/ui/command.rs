//! Every user action of the app, as one enum: the single source of menu entries, shortcuts and help text.

use super::i18n::{self, Language};
use eframe::egui::{Key, KeyboardShortcut, Modifiers};
use std::borrow::Cow;

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
    // The place registry (issue 19; ui/windows/places.rs, ui/session/places.rs).
    /// Show or hide the place registry.
    TogglePlaces,
    /// Link every unlinked LOCATION mention of the shown document whose words name one place.
    LinkPlaces,
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
    /// Show or hide Model > Learner (issue 18).
    ToggleLearner,
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
    // Model sources (src/models/, ui/session/asking.rs, ui/windows/model_sources.rs).
    /// Show or hide the model sources: servers, their labels, asking them.
    ModelSources,
    /// Ask the model source about the shown document, in the background.
    AskDocument,
    /// Ask the model source about every document of the project, in the background.
    AskProject,
    /// Stop asking the model source; answers still to come are dropped.
    CancelAsking,
    // Issue 19: the event map (ui/windows/event_map.rs).
    /// Show or hide the map of the events.
    ToggleMap,
}

/// The number keys of [`Command::TakeVersion`] and [`Command::ArmRole`] 1 to 9.
const NUMBER_KEYS: [Key; 9] =
    [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num6, Key::Num7, Key::Num8, Key::Num9];

impl Command {
    /// Every command, in menu order.
    /// Redo comes before Undo: shortcuts match ignoring Shift, so Ctrl+Shift+Z must be tried first.
    pub const ALL: [Command; 76] = [
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
        Command::ModelSources,
        // Issue 19: Ctrl+Shift+M before Ask (Ctrl+M): shortcuts match ignoring Shift.
        Command::ToggleMap,
        Command::AskDocument,
        Command::AskProject,
        Command::CancelAsking,
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
        Command::TogglePlaces,
        Command::LinkPlaces,
        Command::ToggleSchema,
        Command::ValidateProject,
        Command::ToggleProblems,
        Command::ToggleProgress,
        // Issue 18: Model > Learner.
        Command::ToggleLearner,
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

    /// The message id of the menu label (`assets/i18n/*.ftl`).
    fn label_id(self) -> &'static str {
        match self {
            Command::OpenProject => "cmd-open-project",
            Command::NextDocument => "cmd-next-document",
            Command::PreviousDocument => "cmd-previous-document",
            Command::ValidateProject => "cmd-validate-project",
            Command::ToggleProblems => "cmd-toggle-problems",
            Command::ZoomIn => "cmd-zoom-in",
            Command::ZoomOut => "cmd-zoom-out",
            Command::ZoomReset => "cmd-zoom-reset",
            Command::ToggleLabels => "cmd-toggle-labels",
            Command::ToggleSuggestions => "cmd-toggle-suggestions",
            Command::ToggleTheme => "cmd-toggle-theme",
            Command::CopySelection => "cmd-copy-selection",
            Command::Redo => "cmd-redo",
            Command::Undo => "cmd-undo",
            Command::Save => "cmd-save",
            Command::DeleteMention => "cmd-delete-mention",
            Command::NewEvent => "cmd-new-event",
            Command::RelateMention => "cmd-relate-mention",
            Command::Cancel => "cmd-cancel",
            Command::ToggleDone => "cmd-toggle-done",
            Command::NextUnfinished => "cmd-next-unfinished",
            Command::ToggleEvents => "cmd-toggle-events",
            Command::ToggleMap => "cmd-toggle-map",
            Command::Search => "cmd-search",
            Command::ToggleActors => "cmd-toggle-actors",
            Command::TogglePlaces => "cmd-toggle-places",
            Command::LinkPlaces => "cmd-link-places",
            Command::ToggleSchema => "cmd-toggle-schema",
            Command::MoveEndLeft => "cmd-move-end-left",
            Command::MoveEndRight => "cmd-move-end-right",
            Command::MoveStartLeft => "cmd-move-start-left",
            Command::MoveStartRight => "cmd-move-start-right",
            Command::NextSuggestion => "cmd-next-suggestion",
            Command::PreviousSuggestion => "cmd-previous-suggestion",
            Command::AcceptSuggestion => "cmd-accept-suggestion",
            Command::RejectSuggestion => "cmd-reject-suggestion",
            Command::ImportSuggestions => "cmd-import-suggestions",
            Command::ImportDocuments => "cmd-import-documents",
            Command::ImportAnnotations => "cmd-import-annotations",
            Command::Export => "cmd-export",
            Command::ToggleReviewStats => "cmd-toggle-review-stats",
            Command::ChangeCoder => "cmd-change-coder",
            Command::ToggleShortcuts => "cmd-toggle-shortcuts",
            Command::ToggleProgress => "cmd-toggle-progress",
            Command::ToggleLearner => "cmd-toggle-learner",
            Command::Quit => "cmd-quit",
            Command::Sync => "cmd-sync",
            Command::ShareProject => "cmd-share-project",
            Command::ToggleAgreement => "cmd-toggle-agreement",
            Command::Curate => "cmd-curate",
            Command::TakeVersion(_) => "cmd-take-version",
            Command::ArmRole(_) => "cmd-arm-role",
            Command::ToggleTashkeel => "cmd-toggle-tashkeel",
            Command::NewProject => "cmd-new-project",
            Command::AddTextFiles => "cmd-add-text-files",
            Command::AddTextFolder => "cmd-add-text-folder",
            Command::ModelSources => "cmd-model-sources",
            Command::AskDocument => "cmd-ask-document",
            Command::AskProject => "cmd-ask-project",
            Command::CancelAsking => "cmd-cancel-asking",
        }
    }

    /// The message id of the sentence of help.
    fn help_id(self) -> &'static str {
        match self {
            Command::OpenProject => "cmd-open-project-help",
            Command::NextDocument => "cmd-next-document-help",
            Command::PreviousDocument => "cmd-previous-document-help",
            Command::ValidateProject => "cmd-validate-project-help",
            Command::ToggleProblems => "cmd-toggle-problems-help",
            Command::ZoomIn => "cmd-zoom-in-help",
            Command::ZoomOut => "cmd-zoom-out-help",
            Command::ZoomReset => "cmd-zoom-reset-help",
            Command::ToggleLabels => "cmd-toggle-labels-help",
            Command::ToggleSuggestions => "cmd-toggle-suggestions-help",
            Command::ToggleTheme => "cmd-toggle-theme-help",
            Command::CopySelection => "cmd-copy-selection-help",
            Command::Redo => "cmd-redo-help",
            Command::Undo => "cmd-undo-help",
            Command::Save => "cmd-save-help",
            Command::DeleteMention => "cmd-delete-mention-help",
            Command::NewEvent => "cmd-new-event-help",
            Command::RelateMention => "cmd-relate-mention-help",
            Command::Cancel => "cmd-cancel-help",
            Command::ToggleDone => "cmd-toggle-done-help",
            Command::NextUnfinished => "cmd-next-unfinished-help",
            Command::ToggleEvents => "cmd-toggle-events-help",
            Command::ToggleMap => "cmd-toggle-map-help",
            Command::Search => "cmd-search-help",
            Command::ToggleActors => "cmd-toggle-actors-help",
            Command::TogglePlaces => "cmd-toggle-places-help",
            Command::LinkPlaces => "cmd-link-places-help",
            Command::ToggleSchema => "cmd-toggle-schema-help",
            Command::MoveEndLeft | Command::MoveEndRight => "cmd-move-end-help",
            Command::MoveStartLeft | Command::MoveStartRight => "cmd-move-start-help",
            Command::NextSuggestion => "cmd-next-suggestion-help",
            Command::PreviousSuggestion => "cmd-previous-suggestion-help",
            Command::AcceptSuggestion => "cmd-accept-suggestion-help",
            Command::RejectSuggestion => "cmd-reject-suggestion-help",
            Command::ImportSuggestions => "cmd-import-suggestions-help",
            Command::ImportDocuments => "cmd-import-documents-help",
            Command::ImportAnnotations => "cmd-import-annotations-help",
            Command::Export => "cmd-export-help",
            Command::ToggleReviewStats => "cmd-toggle-review-stats-help",
            Command::ChangeCoder => "cmd-change-coder-help",
            Command::ToggleShortcuts => "cmd-toggle-shortcuts-help",
            Command::ToggleProgress => "cmd-toggle-progress-help",
            Command::ToggleLearner => "cmd-toggle-learner-help",
            Command::Quit => "cmd-quit-help",
            Command::Sync => "cmd-sync-help",
            Command::ShareProject => "cmd-share-project-help",
            Command::ToggleAgreement => "cmd-toggle-agreement-help",
            Command::Curate => "cmd-curate-help",
            Command::TakeVersion(_) => "cmd-take-version-help",
            Command::ArmRole(_) => "cmd-arm-role-help",
            Command::ToggleTashkeel => "cmd-toggle-tashkeel-help",
            Command::NewProject => "cmd-new-project-help",
            Command::AddTextFiles => "cmd-add-text-files-help",
            Command::AddTextFolder => "cmd-add-text-folder-help",
            Command::ModelSources => "cmd-model-sources-help",
            Command::AskDocument => "cmd-ask-document-help",
            Command::AskProject => "cmd-ask-project-help",
            Command::CancelAsking => "cmd-cancel-asking-help",
        }
    }

    /// The menu label in `language` (in the order egui draws it).
    pub fn label(self, language: Language) -> Cow<'static, str> {
        match self {
            Command::TakeVersion(n) | Command::ArmRole(n) => {
                Cow::Owned(i18n::format(language, self.label_id(), &[("n", n.clamp(1, 9).into())], true))
            }
            _ => Cow::Borrowed(i18n::format_static(language, self.label_id(), true)),
        }
    }

    /// One sentence of help, in English (the accessible name the tests look for).
    pub fn help(self) -> &'static str {
        self.help_in(Language::English)
    }

    /// One sentence of help in `language` (in the order egui draws it).
    pub fn help_in(self, language: Language) -> &'static str {
        i18n::format_static(language, self.help_id(), true)
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
            Command::ToggleMap => vec![KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::M)],
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
            | Command::ToggleProgress
            | Command::ToggleLearner
            | Command::TogglePlaces
            | Command::LinkPlaces => {
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
            Command::AskDocument => vec![cmd(Key::M)],
            Command::ModelSources | Command::AskProject | Command::CancelAsking => vec![],
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
