//! The menu bar and the shortcuts window, both generated from [`Command`].

use crate::tr;
use crate::ui::i18n::{self, LangOf, Language};
use crate::ui::{Action, Command};
use eframe::egui;

fn item(ui: &mut egui::Ui, command: Command, commands: &mut Vec<Action>) {
    let language = ui.language();
    let mut button = egui::Button::new(command.label(language));
    if let Some(s) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    if ui.add(button).on_hover_text(command.help_in(language)).clicked() {
        commands.push(command.into());
        ui.close();
    }
}

/// View > Language: one entry per language, named in itself; the one in use is checked.
fn languages(ui: &mut egui::Ui, commands: &mut Vec<Action>) {
    let current = ui.language();
    ui.menu_button(tr!(ui, "menu-language"), |ui| {
        for language in Language::ALL {
            let name = i18n::visual(language.own_name());
            let entry = ui.add(egui::Button::selectable(language == current, name));
            if entry.on_hover_text(tr!(ui, "menu-language-help")).clicked() {
                commands.push(Action::SetLanguage(language));
                ui.close();
            }
        }
    });
}

/// File, Go and Help menus (from the right edge, right to left, in Arabic).
pub fn menu_bar(ui: &mut egui::Ui, commands: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        if ui.language().is_rtl() {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| menus(ui, commands));
        } else {
            menus(ui, commands);
        }
    });
}

fn menus(ui: &mut egui::Ui, commands: &mut Vec<Action>) {
    {
        ui.menu_button(tr!(ui, "menu-file"), |ui| {
            // The newcomer's path: a project and its texts from the window.
            item(ui, Command::NewProject, commands);
            item(ui, Command::OpenProject, commands);
            item(ui, Command::Save, commands);
            item(ui, Command::ValidateProject, commands);
            item(ui, Command::AddTextFiles, commands);
            item(ui, Command::AddTextFolder, commands);
            item(ui, Command::ImportDocuments, commands);
            item(ui, Command::ImportAnnotations, commands);
            item(ui, Command::ImportSuggestions, commands);
            item(ui, Command::Export, commands);
            item(ui, Command::ChangeCoder, commands);
            ui.separator();
            item(ui, Command::Sync, commands);
            item(ui, Command::ShareProject, commands);
            ui.separator();
            item(ui, Command::Quit, commands);
        });
        ui.menu_button(tr!(ui, "menu-edit"), |ui| {
            item(ui, Command::Undo, commands);
            item(ui, Command::Redo, commands);
            ui.separator();
            item(ui, Command::CopySelection, commands);
            item(ui, Command::DeleteMention, commands);
            item(ui, Command::NewEvent, commands);
            item(ui, Command::RelateMention, commands);
            item(ui, Command::ToggleDone, commands);
            ui.separator();
            item(ui, Command::ToggleActors, commands);
            item(ui, Command::TogglePlaces, commands);
            item(ui, Command::LinkPlaces, commands);
            item(ui, Command::ToggleSchema, commands);
        });
        ui.menu_button(tr!(ui, "menu-go"), |ui| {
            item(ui, Command::NextDocument, commands);
            item(ui, Command::PreviousDocument, commands);
            item(ui, Command::NextUnfinished, commands);
            item(ui, Command::Search, commands);
            item(ui, Command::ToggleEvents, commands);
            // Issue 19: the events on a map.
            item(ui, Command::ToggleMap, commands);
            ui.separator();
            item(ui, Command::NextSuggestion, commands);
            item(ui, Command::PreviousSuggestion, commands);
            item(ui, Command::AcceptSuggestion, commands);
            item(ui, Command::RejectSuggestion, commands);
            item(ui, Command::ToggleReviewStats, commands);
            ui.separator();
            item(ui, Command::ToggleAgreement, commands);
            item(ui, Command::Curate, commands);
        });
        ui.menu_button(tr!(ui, "menu-model"), |ui| model_menu(ui, commands));
        ui.menu_button(tr!(ui, "menu-view"), |ui| {
            item(ui, Command::ZoomIn, commands);
            item(ui, Command::ZoomOut, commands);
            item(ui, Command::ZoomReset, commands);
            ui.separator();
            item(ui, Command::ToggleLabels, commands);
            item(ui, Command::ToggleTashkeel, commands);
            item(ui, Command::ToggleSuggestions, commands);
            item(ui, Command::ToggleTheme, commands);
            ui.separator();
            item(ui, Command::ToggleProblems, commands);
            item(ui, Command::ToggleProgress, commands);
            ui.separator();
            languages(ui, commands);
        });
        ui.menu_button(tr!(ui, "menu-help"), |ui| {
            item(ui, Command::ToggleShortcuts, commands);
        });
    }
}

/// Model: the sources and asking them (issue 18).
fn model_menu(ui: &mut egui::Ui, commands: &mut Vec<Action>) {
    item(ui, Command::ModelSources, commands);
    ui.separator();
    item(ui, Command::AskDocument, commands);
    item(ui, Command::AskProject, commands);
    item(ui, Command::CancelAsking, commands);
    // The learner inside the app.
    ui.separator();
    item(ui, Command::ToggleLearner, commands);
}

/// Lists every command with its shortcut.
pub fn shortcuts(ui: &mut egui::Ui) {
    egui::Grid::new("shortcuts").striped(true).show(ui, |ui| {
        for command in Command::ALL {
            let key = command.shortcut().map(|s| ui.ctx().format_shortcut(&s)).unwrap_or_default();
            ui.label(key);
            ui.label(command.label(ui.language()));
            ui.label(command.help_in(ui.language()));
            ui.end_row();
        }
        // The article's caret keys, which it handles itself while it has the keyboard.
        for (keys, label, help) in crate::ui::article_view::CARET_KEYS {
            ui.label(keys);
            ui.label(label);
            ui.label(help);
            ui.end_row();
        }
    });
}
