//! The application shell: owns the open project, turns input into [`Command`]s and applies them.

use super::article_view::ArticleView;
use super::command::Command;
use super::panels::{self, ViewOptions};
use crate::model::{DocStatus, Edit, EntityTypeId, Mention, MentionId};
use crate::store::{Autosave, OpenOptions, Project};
use crate::text::scene::HighlightSet;
use eframe::egui;
use std::path::PathBuf;
use std::time::Instant;

/// The Tarmeez window's state.
pub struct TarmeezApp {
    project: Option<Project>,
    /// Index into the project's document list.
    selected: Option<usize>,
    /// The last error, shown once until dismissed.
    error: Option<String>,
    show_problems: bool,
    show_shortcuts: bool,
    fonts_installed: bool,
    article: ArticleView,
    view: ViewOptions,
    /// Highlights of the selected document, and what they were built from.
    highlights: Option<(HighlightsKey, HighlightSet)>,
    /// When changes are due to be saved.
    autosave: Autosave,
    /// What the status bar says about saving.
    save_status: SaveStatus,
}

/// What the highlights were built from: the document, the view options, the project's generation.
type HighlightsKey = (Option<usize>, ViewOptions, u64);

/// The state of saving, for the status bar.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Everything is on disk.
    Saved,
    /// Changes wait for the autosave.
    Unsaved,
    /// The last save failed; the changes are still in memory.
    Failed(String),
}

impl TarmeezApp {
    /// A window on `project` (or on nothing, with `error` saying why it could not be opened).
    pub fn new(project: Option<Project>, error: Option<String>) -> Self {
        let selected = project.as_ref().and_then(|p| (!p.documents().is_empty()).then_some(0));
        // Say once, in plain words, why nothing will be saved.
        let error = error.or_else(|| match project.as_ref().map(|p| p.access()) {
            Some(crate::store::Access::ReadOnly(why)) => Some(format!("This project is open read-only: {why}.")),
            _ => None,
        });
        let mut app = Self {
            project,
            selected: None,
            error,
            show_problems: false,
            show_shortcuts: false,
            fonts_installed: false,
            article: ArticleView::default(),
            view: ViewOptions::default(),
            highlights: None,
            autosave: Autosave::default(),
            save_status: SaveStatus::Saved,
        };
        app.select(selected);
        app
    }

    /// The open project.
    pub fn project(&self) -> Option<&Project> {
        self.project.as_ref()
    }

    /// The error being shown, if any.
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Draws the whole window into `ui` and applies the commands it produced.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        if !self.fonts_installed {
            super::fonts::install(ui.ctx());
            // Ctrl+plus and Ctrl+minus zoom the article, not the whole interface.
            ui.ctx().options_mut(|o| o.zoom_with_keyboard = false);
            self.fonts_installed = true;
        }
        let mut commands: Vec<Command> = ui.input_mut(|input| {
            Command::ALL.into_iter().filter(|c| c.shortcuts().iter().any(|s| input.consume_shortcut(s))).collect()
        });
        let mark = self.entity_key_pressed(ui);
        egui::Panel::top("menu").show(ui, |ui| panels::menu_bar(ui, &mut commands));
        let save = self.save_status.clone();
        egui::Panel::bottom("status")
            .show(ui, |ui| panels::status_bar(ui, self.project.as_ref(), &save, &mut commands));
        let mut clicked = None;
        egui::Panel::left("documents").resizable(true).default_size(280.0).show(ui, |ui| {
            clicked = panels::document_list(ui, self.project.as_ref(), self.selected);
        });
        self.refresh_highlights();
        egui::CentralPanel::default_margins().show(ui, |ui| match &self.project {
            Some(project) => {
                let empty = HighlightSet::default();
                let highlights = self.highlights.as_ref().map_or(&empty, |(_, h)| h);
                panels::document_view(
                    ui,
                    project,
                    self.selected,
                    &mut self.view,
                    &mut self.article,
                    highlights,
                    &mut commands,
                )
            }
            None => panels::no_project(ui, &mut commands),
        });
        if let Some(i) = clicked {
            self.select(Some(i));
        }
        self.show_windows(ui.ctx(), &mut commands);
        if let Some(entity_type) = mark {
            self.mark_selection(entity_type);
        }
        for command in commands {
            self.apply(command, ui.ctx());
        }
        self.autosave(ui.ctx());
        if self.save_status != save {
            // The status bar was drawn before this frame's changes and saves: show the new state.
            ui.ctx().request_repaint();
        }
    }

    /// The entity type whose key (1-9 in the default schema) was pressed while text is selected.
    fn entity_key_pressed(&self, ui: &egui::Ui) -> Option<EntityTypeId> {
        self.article.selection()?;
        let project = self.project.as_ref()?;
        ui.input_mut(|input| {
            project.config.schema.entity_types.iter().find_map(|t| {
                let key = egui::Key::from_name(&t.key?.to_string())?;
                input.consume_key(egui::Modifiers::NONE, key).then(|| t.id.clone())
            })
        })
    }

    /// Makes the selection a mention of `entity_type` in the annotator's own layer.
    fn mark_selection(&mut self, entity_type: EntityTypeId) {
        let (Some(project), Some(span)) = (self.project.as_mut(), self.article.selection()) else { return };
        let Some(doc) = self.selected.and_then(|i| project.documents().get(i)).map(|d| d.id.clone()) else { return };
        let (next, status) = match project.layer_mut(&doc) {
            Ok(layer) => (layer.next_mention_id(), layer.status),
            Err(e) => return self.error = Some(e.to_string()),
        };
        let mut edits = vec![Edit::PutMention(next, Some(Mention::new(span, entity_type)))];
        if status == DocStatus::New {
            // The first mark starts the document; undo takes both back.
            edits.push(Edit::SetStatus(DocStatus::InProgress));
        }
        self.edit(&doc, Edit::Batch(edits));
    }

    /// Applies an edit through the project, noting it for the autosave; errors are shown once.
    fn edit(&mut self, doc: &crate::model::DocId, edit: Edit) {
        let Some(project) = self.project.as_mut() else { return };
        match project.apply(doc, edit) {
            Ok(()) => self.changed(),
            Err(e) => self.error = Some(format!("The change was not made: {e}")),
        }
    }

    fn changed(&mut self) {
        self.autosave.changed(Instant::now());
        self.save_status = SaveStatus::Unsaved;
    }

    /// Saves changes older than [`crate::store::AUTOSAVE_DELAY`], and asks for a repaint when the next are due.
    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(due) = self.autosave.due_at() else { return };
        let now = Instant::now();
        if now >= due {
            self.save_now();
        } else {
            ctx.request_repaint_after(due - now);
        }
    }

    /// Saves every change at once.
    pub fn save_now(&mut self) {
        let Some(project) = self.project.as_mut() else { return };
        match project.save_dirty() {
            Ok(_) => {
                self.autosave.saved();
                self.save_status = SaveStatus::Saved;
            }
            Err(e) => {
                // Keep the changes in memory and retry at the next autosave; say what went wrong.
                self.autosave.failed(Instant::now());
                self.save_status = SaveStatus::Failed(e.to_string());
            }
        }
    }

    /// What the status bar says about saving.
    pub fn save_status(&self) -> &SaveStatus {
        &self.save_status
    }

    /// Deletes the own mention equal to the selection, else the innermost own mention at the caret.
    fn delete_mention(&mut self) {
        let Some(project) = self.project.as_ref() else { return };
        let Some(doc) = self.selected.and_then(|i| project.documents().get(i)) else { return };
        let Some(layer) = doc.loaded().and_then(|d| d.layers.get(project.annotator())) else { return };
        let target: Option<MentionId> = match self.article.selection() {
            Some(sel) => layer.mentions.iter().find(|(_, m)| m.span == sel).map(|(id, _)| *id),
            None => None,
        }
        .or_else(|| {
            let at = self.article.caret();
            layer
                .mentions
                .iter()
                .filter(|(_, m)| m.span.start <= at && at < m.span.end)
                .min_by_key(|(_, m)| m.span.len())
                .map(|(id, _)| *id)
        });
        let Some(id) = target else { return };
        let edit = Edit::remove_mention(layer, id);
        let doc = doc.id.clone();
        self.edit(&doc, edit);
    }

    fn show_windows(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if let Some(error) = self.error.clone() {
            let mut open = true;
            egui::Window::new("Tarmeez").collapsible(false).open(&mut open).show(ctx, |ui| {
                ui.label(error);
                if ui.button("OK").clicked() {
                    self.error = None;
                }
            });
            if !open {
                self.error = None;
            }
        }
        if self.show_problems {
            egui::Window::new("Problems").open(&mut self.show_problems).default_width(600.0).show(ctx, |ui| {
                panels::problems(ui, self.project.as_ref(), commands);
            });
        }
        if self.show_shortcuts {
            egui::Window::new("Keyboard shortcuts").open(&mut self.show_shortcuts).show(ctx, panels::shortcuts);
        }
    }

    /// Applies one command.
    pub fn apply(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::OpenProject => {
                if let Some(dir) = rfd::FileDialog::new().set_title("Open a Tarmeez project folder").pick_folder() {
                    self.open_project(dir);
                }
            }
            Command::NextDocument => self.step_selection(1),
            Command::PreviousDocument => self.step_selection(-1),
            Command::ValidateProject => {
                if let Some(p) = &mut self.project {
                    p.load_all();
                }
                self.show_problems = true;
            }
            Command::ToggleProblems => self.show_problems = !self.show_problems,
            Command::ToggleShortcuts => self.show_shortcuts = !self.show_shortcuts,
            Command::Undo | Command::Redo => {
                let Some(project) = self.project.as_mut() else { return };
                let result = if command == Command::Undo { project.undo() } else { project.redo() };
                match result {
                    Ok(Some(_)) => self.changed(),
                    Ok(None) => {}
                    Err(e) => self.error = Some(e.to_string()),
                }
            }
            Command::Save => self.save_now(),
            Command::DeleteMention => self.delete_mention(),
            Command::ZoomIn => self.article.zoom_in(),
            Command::ZoomOut => self.article.zoom_out(),
            Command::ZoomReset => self.article.zoom_reset(),
            Command::ToggleLabels => self.article.show_labels = !self.article.show_labels,
            Command::ToggleSuggestions => self.view.hide_suggestions = !self.view.hide_suggestions,
            Command::ToggleTheme => {
                let dark = ctx.theme() == egui::Theme::Dark;
                ctx.set_theme(if dark { egui::Theme::Light } else { egui::Theme::Dark });
            }
            Command::CopySelection => {
                if let Some(text) = self.selected_text() {
                    ctx.copy_text(text);
                }
            }
            Command::Quit => {
                self.save_now();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Replaces the open project with the one at `dir`, keeping the current one if that fails.
    pub fn open_project(&mut self, dir: PathBuf) {
        let annotator = match &self.project {
            Some(p) => p.annotator().clone(),
            None => crate::default_annotator(),
        };
        match Project::open(&dir, OpenOptions { annotator, read_only: false }) {
            Ok(project) => {
                let first = (!project.documents().is_empty()).then_some(0);
                self.project = Some(project);
                self.selected = None;
                self.highlights = None;
                self.select(first);
            }
            Err(e) => self.error = Some(format!("Could not open {}:\n{e}", dir.display())),
        }
    }

    /// The article text the user selected, if any.
    pub fn selected_text(&self) -> Option<String> {
        let doc = self.project.as_ref()?.documents().get(self.selected?)?;
        Some(doc.text()?.slice(self.article.selection()?)?.to_owned())
    }

    /// The article view's state (selection, zoom).
    pub fn article(&self) -> &ArticleView {
        &self.article
    }

    /// The article view's state, to select text from commands and tests.
    pub fn article_mut(&mut self) -> &mut ArticleView {
        &mut self.article
    }

    /// Rebuilds the highlights when the document or the view options changed.
    fn refresh_highlights(&mut self) {
        let key = (self.selected, self.view.clone(), self.project.as_ref().map_or(0, |p| p.generation()));
        if self.highlights.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let set = self.project.as_ref().map(|p| panels::highlights(p, self.selected, &self.view)).unwrap_or_default();
        self.highlights = Some((key, set));
    }

    fn step_selection(&mut self, delta: isize) {
        let Some(n) = self.project.as_ref().map(|p| p.documents().len()).filter(|&n| n > 0) else { return };
        let next = match self.selected {
            Some(i) => i.saturating_add_signed(delta).min(n - 1),
            None => 0,
        };
        self.select(Some(next));
    }

    /// Selects a document, loading it (a broken document is shown with its problems).
    fn select(&mut self, index: Option<usize>) {
        self.selected = index;
        self.view.layer = None;
        if let (Some(i), Some(p)) = (index, &mut self.project)
            && let Some(id) = p.documents().get(i).map(|d| d.id.clone())
        {
            // A broken document is not an error to pop up: the view lists its problems.
            let _ = p.load_document(&id);
        }
    }
}

impl eframe::App for TarmeezApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_now();
    }
}
