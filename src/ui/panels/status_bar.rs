//! The status bar: project, annotator, access mode, problems.

use crate::store::{Access, Project};
use crate::tr;
use crate::ui::SaveStatus;
use crate::ui::i18n;
use crate::ui::{Action, Command};
use eframe::egui;

/// Draws the status bar.
pub fn status_bar(
    ui: &mut egui::Ui,
    project: Option<&Project>,
    curator: Option<&crate::model::Annotator>,
    save: &SaveStatus,
    disk: Option<&str>,
    commands: &mut Vec<Action>,
) {
    i18n::row(ui, |ui| {
        let Some(p) = project else {
            ui.label(tr!(ui, "status-no-project"));
            return;
        };
        ui.label(tr!(ui, "status-project", name = p.config().name.as_str(), count = p.documents().len()));
        ui.separator();
        match curator {
            Some(c) => ui.label(tr!(ui, "status-curating", coder = c.to_string())),
            None => ui.label(tr!(ui, "status-annotator", coder = p.annotator().to_string())),
        };
        ui.separator();
        match p.access() {
            Access::ReadWrite => {
                match save {
                    SaveStatus::Saved => ui.label(tr!(ui, "status-saved")),
                    SaveStatus::Unsaved => ui.label(tr!(ui, "status-saving")),
                    SaveStatus::Failed(why) => {
                        ui.colored_label(ui.visuals().error_fg_color, tr!(ui, "status-save-failed")).on_hover_text(why)
                    }
                    SaveStatus::Refused(why) => {
                        ui.colored_label(ui.visuals().error_fg_color, tr!(ui, "status-save-refused")).on_hover_text(why)
                    }
                };
            }
            Access::ReadOnly(why) => {
                ui.colored_label(ui.visuals().warn_fg_color, tr!(ui, "status-read-only")).on_hover_text(why);
            }
        }
        ui.separator();
        let n = p.problems().count();
        let text = tr!(ui, "status-problems", count = n);
        let color = if n == 0 { ui.visuals().weak_text_color() } else { ui.visuals().error_fg_color };
        if ui.add(egui::Button::new(egui::RichText::new(text).color(color)).frame(false)).clicked() {
            commands.push(Command::ToggleProblems.into());
        }
        // What came in from disk (another coder, a pull): said here, where it does not interrupt coding.
        if let Some(note) = disk {
            ui.separator();
            ui.add(egui::Label::new(egui::RichText::new(note).weak()).truncate());
        }
    });
}
