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
    /// Show or hide the keyboard shortcuts window.
    ToggleShortcuts,
    /// Close the window.
    Quit,
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 7] = [
        Command::OpenProject,
        Command::NextDocument,
        Command::PreviousDocument,
        Command::ValidateProject,
        Command::ToggleProblems,
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
            Command::ToggleShortcuts => "Keyboard shortcuts",
            Command::Quit => "Quit",
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
            Command::ToggleShortcuts => "Show or hide this list",
            Command::Quit => "Close Tarmeez",
        }
    }

    /// Keyboard shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        let alt = |key| Some(KeyboardShortcut::new(Modifiers::ALT, key));
        match self {
            Command::OpenProject => cmd(Key::O),
            Command::NextDocument => alt(Key::ArrowDown),
            Command::PreviousDocument => alt(Key::ArrowUp),
            Command::ValidateProject => cmd(Key::R),
            Command::ToggleProblems => cmd(Key::P),
            Command::ToggleShortcuts => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F1)),
            Command::Quit => cmd(Key::Q),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for c in Command::ALL {
            if let Some(s) = c.shortcut() {
                assert!(
                    seen.insert((
                        s.modifiers.ctrl,
                        s.modifiers.command,
                        s.modifiers.alt,
                        s.modifiers.shift,
                        s.logical_key
                    )),
                    "{c:?}"
                );
            }
        }
    }
}
