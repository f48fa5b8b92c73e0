//! The problems window: every problem found in the project's files, with file, line and column.

use crate::store::{Problem, Project};
use crate::tr;
use crate::ui::i18n::LangOf;
use crate::ui::{Action, Command};
use eframe::egui;

/// Lists the project's problems, then `folder`'s: what the project folder holds besides whole documents
/// (leftovers of interrupted writes, annotations of missing documents, linked folders).
pub fn problems(ui: &mut egui::Ui, p: &Project, folder: &[Problem], commands: &mut Vec<Action>) {
    let problems: Vec<_> = p.problems().chain(folder).collect();
    if problems.is_empty() {
        ui.label(tr!(ui, "problems-none"));
    }
    egui::ScrollArea::vertical().max_height(400.0).show(ui, |ui| {
        for problem in problems {
            let place = match (problem.line, problem.column) {
                (Some(l), Some(c)) => format!("{}:{l}:{c}", problem.file.display()),
                (Some(l), None) => format!("{}:{l}", problem.file.display()),
                _ => problem.file.display().to_string(),
            };
            ui.horizontal_wrapped(|ui| {
                ui.monospace(place);
                ui.label(&problem.message);
            });
        }
    });
    ui.separator();
    if ui.button(tr!(ui, "problems-check")).on_hover_text(Command::ValidateProject.help_in(ui.language())).clicked() {
        commands.push(Command::ValidateProject.into());
    }
}
