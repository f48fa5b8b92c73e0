//! The caret and scrolling keys of the article, mapped to the layout's [`Motion`]s. Only keys no command
//! takes: Alt with the arrows alone belongs to commands (Alt+Left/Right move a mention's edges, Alt+Up/Down
//! change documents), so the clitic-aware word motion is Ctrl+Alt+Left/Right.

use crate::text::Motion;
use eframe::egui::{self, Key, Modifiers};

/// The caret keys for the shortcuts window (they are not commands: the article handles them while it has
/// the keyboard): keys, what they do, how.
pub const CARET_KEYS: [(&str, &str, &str); 7] = [
    ("Left / Right", "Caret a letter left / right", "In visual order, across the blank lines between paragraphs"),
    ("Up / Down", "Caret a line up / down", "By visual line, back to the same column after shorter lines"),
    (
        "Home / End",
        "Start / end of the line",
        "In reading order: Home goes to the right edge of an Arabic line; End stops before the space where a line wraps",
    ),
    (
        "Page Up / Page Down",
        "Caret and view a page up / down",
        "The text scrolls by the view's height and the caret keeps its place on screen",
    ),
    ("Ctrl+Home / Ctrl+End", "Start / end of the document", "The view follows the caret"),
    (
        "Ctrl+Left / Ctrl+Right",
        "Over the word on the left / right",
        "To the word's far edge on screen, so that Ctrl+Shift selects whole words without the space",
    ),
    (
        "Ctrl+Alt+Left / Ctrl+Alt+Right",
        "Word by word, stopping at clitics",
        "Also after و ف ب ك ل and ال and before a pronoun suffix. Shift with any caret key extends the selection",
    ),
];

/// The motion a key with its modifiers asks for, and whether Shift extends the selection. `page` is the
/// height of the view, for Page Up and Page Down.
pub(super) fn motion_for(key: Key, modifiers: Modifiers, page: f32) -> Option<(Motion, bool)> {
    let word = modifiers.command || modifiers.ctrl;
    let motion = match key {
        Key::ArrowLeft | Key::ArrowRight if word => {
            Motion::Word { left: key == Key::ArrowLeft, clitics: modifiers.alt }
        }
        Key::Home | Key::End if word && !modifiers.alt => Motion::DocumentEdge { end: key == Key::End },
        // The rest take no Ctrl (left to other uses) and no Alt (the commands').
        _ if word || modifiers.alt => return None,
        Key::ArrowLeft | Key::ArrowRight => Motion::Grapheme { left: key == Key::ArrowLeft },
        Key::ArrowUp | Key::ArrowDown => Motion::Line { down: key == Key::ArrowDown },
        Key::Home | Key::End => Motion::LineEdge { end: key == Key::End },
        Key::PageUp | Key::PageDown => Motion::Page { down: key == Key::PageDown, height: page },
        _ => return None,
    };
    Some((motion, modifiers.shift))
}

/// This frame's caret keys, in the order they were pressed (a held key repeats).
pub(super) fn motions(ui: &egui::Ui, page: f32) -> Vec<(Motion, bool)> {
    ui.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Key { key, pressed: true, modifiers, .. } => motion_for(*key, *modifiers, page),
                _ => None,
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_motions_and_shift_extends() {
        let m = |key, modifiers| motion_for(key, modifiers, 500.0);
        assert_eq!(m(Key::ArrowDown, Modifiers::NONE), Some((Motion::Line { down: true }, false)));
        assert_eq!(m(Key::End, Modifiers::SHIFT), Some((Motion::LineEdge { end: true }, true)));
        assert_eq!(m(Key::End, Modifiers::COMMAND), Some((Motion::DocumentEdge { end: true }, false)));
        assert_eq!(m(Key::PageUp, Modifiers::NONE), Some((Motion::Page { down: false, height: 500.0 }, false)));
        let ctrl_alt_shift = Modifiers::COMMAND | Modifiers::ALT | Modifiers::SHIFT;
        assert_eq!(m(Key::ArrowLeft, ctrl_alt_shift), Some((Motion::Word { left: true, clitics: true }, true)));
        assert_eq!(m(Key::ArrowRight, Modifiers::COMMAND), Some((Motion::Word { left: false, clitics: false }, false)));
    }

    #[test]
    fn keys_that_belong_to_commands_are_left_alone() {
        let m = |key, modifiers| motion_for(key, modifiers, 500.0);
        // Alt+arrows move a mention's edges and change documents; Ctrl+Up/Down and Alt+Home are not caret keys.
        assert_eq!(m(Key::ArrowLeft, Modifiers::ALT), None);
        assert_eq!(m(Key::ArrowRight, Modifiers::ALT | Modifiers::SHIFT), None);
        assert_eq!(m(Key::ArrowDown, Modifiers::ALT), None);
        assert_eq!(m(Key::ArrowUp, Modifiers::COMMAND), None);
        assert_eq!(m(Key::Home, Modifiers::ALT), None);
        assert_eq!(m(Key::Enter, Modifiers::NONE), None);
        assert_eq!(m(Key::Tab, Modifiers::NONE), None);
    }

    #[test]
    fn no_command_shortcut_is_a_caret_key() {
        for c in crate::ui::command::Command::ALL {
            for s in c.shortcuts() {
                assert_eq!(motion_for(s.logical_key, s.modifiers, 500.0), None, "{c:?} {s:?}");
            }
        }
    }
}
