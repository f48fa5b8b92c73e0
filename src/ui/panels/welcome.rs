//! The welcome screen, shown when no project is open: the recent projects, the sample, a new project, another
//! project. Every button pushes the action its menu entry pushes.

use crate::tr;
use crate::ui::i18n::LangOf;
use crate::ui::{Action, Command};
use eframe::egui;
use std::path::{Path, PathBuf};

/// What the welcome screen offers.
pub struct Welcome<'a> {
    /// The projects opened last, the last one first.
    pub recent: &'a [PathBuf],
    /// The sample project's folder, when it is there.
    pub sample: Option<&'a Path>,
}

/// Draws the welcome screen.
pub fn welcome(ui: &mut egui::Ui, offer: &Welcome<'_>, actions: &mut Vec<Action>) {
    ui.vertical_centered(|ui| {
        ui.add_space(48.0);
        ui.heading("Tarmeez ترميز");
        ui.label(tr!(ui, "welcome-no-project"));
        ui.add_space(16.0);
        let wide = |text: &str| egui::Button::new(text).min_size(egui::vec2(280.0, 30.0));
        if let Some(sample) = offer.sample
            && ui.add(wide(tr!(ui, "welcome-sample"))).on_hover_text(tr!(ui, "welcome-sample-help")).clicked()
        {
            actions.push(Action::OpenProject(sample.to_owned()));
        }
        for command in [Command::NewProject, Command::OpenProject] {
            if ui.add(wide(&command.label(ui.language()))).on_hover_text(command.help_in(ui.language())).clicked() {
                actions.push(command.into());
            }
        }
        ui.add_space(24.0);
        if offer.recent.is_empty() {
            ui.weak(tr!(ui, "welcome-recent-empty"));
            return;
        }
        ui.strong(tr!(ui, "welcome-recent"));
        for dir in offer.recent {
            recent_row(ui, dir, actions);
        }
    });
}

/// One recent project: its folder's name, and the whole path on hover. A folder gone since is shown greyed.
fn recent_row(ui: &mut egui::Ui, dir: &Path, actions: &mut Vec<Action>) {
    let name = dir.file_name().map_or_else(|| dir.display().to_string(), |n| n.to_string_lossy().into_owned());
    let there = dir.join("project.ron").is_file();
    let button = egui::Button::new(format!("{name}   {}", dir.display())).min_size(egui::vec2(280.0, 24.0));
    let hover = if there { tr!(ui, "welcome-open-recent") } else { tr!(ui, "welcome-recent-gone") };
    if ui.add_enabled(there, button).on_hover_text(hover).on_disabled_hover_text(hover).clicked() {
        actions.push(Action::OpenProject(dir.to_owned()));
    }
}
