//! File > New project: a folder (new, or empty) and a name. Create pushes [`Action::CreateProject`], which
//! writes what `tarmeez new` writes (the default conflict schema, or ACLED's) and opens the project; the folder can be
//! typed or pasted, or chosen with the file dialog.

use super::action::Action;
use super::dialogs::Purpose;
use crate::tr;
use crate::ui::bidi_field::BidiTextEdit;
use eframe::egui;
use std::path::PathBuf;

/// The new project dialog's state (drawn by the app, with or without a project open).
#[derive(Default)]
pub struct NewProjectDialog {
    /// The folder, as typed or chosen.
    pub folder: String,
    /// The project's display name.
    pub name: String,
    /// Why the last Create failed (shown until the next try).
    pub error: Option<String>,
    /// The keyboard was put in the first field (once).
    focused: bool,
    /// The schema the project starts with.
    pub preset: crate::model::Preset,
}

impl NewProjectDialog {
    /// The folder chosen in the file dialog; the name defaults to the folder's.
    pub fn folder_chosen(&mut self, folder: PathBuf) {
        if self.name.trim().is_empty() {
            self.name = folder.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        }
        self.folder = folder.display().to_string();
        self.error = None;
    }

    /// Draws the dialog; returns `false` once it is cancelled.
    pub fn show(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) -> bool {
        let mut open = true;
        let mut cancelled = false;
        egui::Window::new(tr!(ctx, "new-project-title"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .open(&mut open)
            .show(ctx, |ui| {
                ui.set_width(520.0);
                cancelled = self.draw(ui, actions);
            });
        open && !cancelled
    }

    /// The fields and buttons; returns whether Cancel was pressed.
    fn draw(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) -> bool {
        let mut create = false;
        egui::Grid::new("new-project").num_columns(2).show(ui, |ui| {
            let label = ui.label(tr!(ui, "new-project-folder")).id;
            ui.horizontal(|ui| {
                let field = BidiTextEdit::singleline(&mut self.folder)
                    .hint_text(tr!(ui, "new-project-folder-hint"))
                    .desired_width(330.0);
                let response = ui.add(field).labelled_by(label);
                let response = response.on_hover_text(tr!(ui, "new-project-folder-help"));
                if !std::mem::replace(&mut self.focused, true) {
                    response.request_focus();
                }
                if ui.button(tr!(ui, "new-project-choose")).clicked() {
                    actions.push(Action::AskFile(Purpose::NewProjectFolder));
                }
            });
            ui.end_row();
            let label = ui.label(tr!(ui, "new-project-name")).id;
            let hint = tr!(ui, "new-project-name-hint");
            let name = ui.add(BidiTextEdit::singleline(&mut self.name).hint_text(hint));
            let name = name.labelled_by(label);
            create |= name.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.end_row();
        });
        ui.weak(tr!(ui, "new-project-schema"));
        ui.horizontal(|ui| {
            use crate::model::Preset;
            ui.label(tr!(ui, "new-project-preset"));
            ui.radio_value(&mut self.preset, Preset::Conflict, tr!(ui, "new-project-preset-conflict"));
            ui.radio_value(&mut self.preset, Preset::Acled, tr!(ui, "new-project-preset-acled"))
                .on_hover_text(tr!(ui, "new-project-preset-acled-help"));
        });
        if let Some(error) = &self.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        let mut cancelled = false;
        ui.horizontal(|ui| {
            let ready = !self.folder.trim().is_empty() && !self.name.trim().is_empty();
            create |= ui.add_enabled(ready, egui::Button::new(tr!(ui, "new-project-create"))).clicked();
            cancelled = ui.button(tr!(ui, "button-cancel")).clicked();
        });
        if create && !self.folder.trim().is_empty() && !self.name.trim().is_empty() {
            let (dir, name) = (PathBuf::from(self.folder.trim()), self.name.trim().into());
            actions.push(Action::CreateProject { dir, name, preset: self.preset });
        }
        cancelled
    }
}
