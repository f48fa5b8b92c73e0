//! The status bar: project, annotator, access mode, problems.

use crate::store::{Access, Project};
use crate::ui::SaveStatus;
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
    ui.horizontal(|ui| {
        let Some(p) = project else {
            ui.label("No project open");
            return;
        };
        ui.label(format!("{} · {} documents", p.config().name, p.documents().len()));
        ui.separator();
        match curator {
            Some(c) => ui.label(format!("Curating the gold layer as {c} (Go > Curate to code again)")),
            None => ui.label(format!("Annotator: {}", p.annotator())),
        };
        ui.separator();
        match p.access() {
            Access::ReadWrite => {
                match save {
                    SaveStatus::Saved => ui.label("Saved"),
                    SaveStatus::Unsaved => ui.label("Saving…"),
                    SaveStatus::Failed(why) => {
                        ui.colored_label(ui.visuals().error_fg_color, "Save failed (retrying)").on_hover_text(why)
                    }
                    SaveStatus::Refused(why) => {
                        ui.colored_label(ui.visuals().error_fg_color, "Not saved: changed elsewhere").on_hover_text(why)
                    }
                };
            }
            Access::ReadOnly(why) => {
                ui.colored_label(ui.visuals().warn_fg_color, "Read-only").on_hover_text(why);
            }
        }
        ui.separator();
        let n = p.problems().count();
        let text = match n {
            0 => "No problems found".to_owned(),
            1 => "1 problem".to_owned(),
            n => format!("{n} problems"),
        };
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
