//! The file dialog drawn in the window (the `egui_file` crate), for a desktop without a dialog of its own.
//! Its path field at the top takes a typed or pasted path: Enter opens a folder, or chooses a file.

use super::{Pick, Request};
use eframe::egui;
use egui_file::{FileDialog, State};
use std::path::{Path, PathBuf};

/// The dialog's answer this frame.
pub(super) enum Answer {
    /// Still open.
    Open,
    /// Closed without a choice.
    Cancelled,
    /// The paths chosen.
    Chosen(Vec<PathBuf>),
}

/// An open dialog of the window.
pub(super) struct InWindow {
    dialog: FileDialog,
    pick: Pick,
    /// Frames left to move the keyboard into the path field (see [`InWindow::focus_path`]).
    focusing: u8,
}

impl InWindow {
    /// The dialog for `request`, open on the folder `start`.
    pub(super) fn new(request: Request, start: &Path) -> Self {
        let dialog = match request.pick {
            Pick::File | Pick::Files => FileDialog::open_file(),
            Pick::Folder => FileDialog::select_folder(),
        };
        let mut dialog = dialog
            .title(request.title)
            .id(egui::Id::unique("tarmeez-file-dialog"))
            .initial_path(start)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .default_size([640.0, 460.0])
            .keep_on_top(true)
            // Renaming the coder's files is not what a Tarmeez dialog is for.
            .show_rename(false)
            .show_new_folder(request.pick == Pick::Folder)
            .multi_select(request.pick == Pick::Files)
            .open_button_text(if request.pick == Pick::Folder { "Choose this folder" } else { "Open" }.into())
            .file_label_text("Name:".into());
        dialog = match (request.pick, request.filter) {
            // A folder dialog lists folders only.
            (Pick::Folder, _) => dialog.show_files_filter(Box::new(|_| false)),
            (_, Some((_, extensions))) => {
                dialog.show_files_filter(Box::new(move |path| has_extension(path, extensions)))
            }
            (_, None) => dialog,
        };
        dialog.open();
        Self { dialog, pick: request.pick, focusing: FOCUS_FRAMES }
    }

    /// Draws the dialog; its answer.
    pub(super) fn show(&mut self, ctx: &egui::Context) -> Answer {
        self.focus_path(ctx);
        match self.dialog.show(ctx).state() {
            State::Open => Answer::Open,
            State::Cancelled | State::Closed => Answer::Cancelled,
            State::Selected => {
                let several = self.dialog.selection();
                let chosen: Vec<PathBuf> = if self.pick == Pick::Files && !several.is_empty() {
                    several.into_iter().map(Path::to_owned).collect()
                } else {
                    self.dialog.path().map(Path::to_owned).into_iter().collect()
                };
                if chosen.is_empty() { Answer::Cancelled } else { Answer::Chosen(chosen) }
            }
        }
    }
}

/// How many frames the dialog may take to move the keyboard into its path field: a step per widget before it.
const FOCUS_FRAMES: u8 = 8;

impl InWindow {
    /// Puts the keyboard in the path field when the dialog opens, so that a path can be typed or pasted at
    /// once. egui_file gives no handle on the field, so this steps egui's focus (as Tab does) from the dialog's
    /// first widget, one widget a frame, until a text field has it: the path field is the first one.
    fn focus_path(&mut self, ctx: &egui::Context) {
        if self.focusing == 0 {
            return;
        }
        if ctx.text_edit_focused() {
            self.focusing = 0;
            return;
        }
        self.focusing -= 1;
        let first = self.focusing == FOCUS_FRAMES - 1;
        ctx.memory_mut(|m| {
            // Called before the dialog draws: the next widget to ask for the keyboard is the dialog's.
            if first && let Some(id) = m.focused() {
                m.surrender_focus(id);
            }
            m.move_focus(egui::FocusDirection::Next);
        });
        ctx.request_repaint();
    }
}

/// Whether `path` ends in one of `extensions` (any case).
fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}
