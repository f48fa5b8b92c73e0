//! The selected document: its metadata, counts and text.

use crate::store::Project;
use crate::ui::Command;
use eframe::egui;

/// Shown when no project is open.
pub fn no_project(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    ui.vertical_centered(|ui| {
        ui.add_space(80.0);
        ui.heading("No project is open");
        if ui.button(Command::OpenProject.label()).clicked() {
            commands.push(Command::OpenProject);
        }
    });
}

/// Draws the selected document.
pub fn document_view(ui: &mut egui::Ui, project: &Project, selected: Option<usize>) {
    let Some(doc) = selected.and_then(|i| project.documents().get(i)) else {
        ui.label(if project.documents().is_empty() {
            "This project has no documents yet. Import text files with: tarmeez import-text <project> <files or folders>"
        } else {
            "Select a document on the left."
        });
        return;
    };
    ui.heading(doc.title());
    if let Some(meta) = &doc.meta {
        let mut facts = vec![format!("{} characters", meta.chars)];
        facts.extend([&meta.source, &meta.date, &meta.url].into_iter().filter(|s| !s.is_empty()).cloned());
        ui.weak(facts.join(" · "));
    }
    if let Some(loaded) = doc.loaded() {
        for (annotator, layer) in &loaded.layers {
            ui.weak(format!(
                "{annotator}: {} mentions, {} events, {} relations",
                layer.mentions.len(),
                layer.events.len(),
                layer.relations.len()
            ));
        }
        for (source, set) in &loaded.suggestions {
            ui.weak(format!("suggestions from {source}: {}", set.suggestions.len()));
        }
    }
    if doc.is_broken() {
        ui.separator();
        ui.colored_label(
            ui.visuals().error_fg_color,
            "This document has problems and is read-only until they are fixed:",
        );
        for p in doc.problems() {
            ui.label(p.to_string());
        }
    }
    ui.separator();
    let Some(text) = doc.text() else { return };
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| {
            for paragraph in text.as_str().split('\n').filter(|p| !p.trim().is_empty()) {
                ui.add(egui::Label::new(egui::RichText::new(paragraph).size(18.0)).wrap());
                ui.add_space(6.0);
            }
        });
    });
}
