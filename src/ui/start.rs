//! The newcomer's path, as the app keeps it: the file dialog (`dialogs/`), File > New project
//! (`new_project.rs`), and what the welcome screen lists (the recent projects from the user's settings, the
//! sample). Drawn over whatever the window shows, with or without a project.

use super::action::Action;
use super::dialogs::{FileChooser, Purpose};
use super::new_project::NewProjectDialog;
use super::panels::welcome::Welcome;
use crate::settings::Settings;
use eframe::egui;
use std::path::{Path, PathBuf};

/// The file dialog, the new project dialog and the welcome screen's lists.
#[derive(Default)]
pub struct Start {
    /// The file dialog (at most one open).
    pub files: FileChooser,
    /// File > New project, while open.
    pub new_project: Option<NewProjectDialog>,
    /// The user's settings file (recent projects are remembered there); `None` in tests, or when it failed to
    /// load (it is then never overwritten).
    pub settings_path: Option<PathBuf>,
    /// The projects opened last, the last one first.
    pub recent: Vec<PathBuf>,
    /// The sample project's folder, offered on the welcome screen.
    pub sample: Option<PathBuf>,
    /// The folder of the last file or folder chosen: the next dialog opens there.
    last_dir: Option<PathBuf>,
}

impl Start {
    /// Reads the recent projects from the settings at `path`.
    pub fn set_settings(&mut self, path: Option<PathBuf>) {
        self.recent = path.as_deref().and_then(|p| Settings::load(p).ok()).map(|s| s.recent).unwrap_or_default();
        self.settings_path = path;
    }

    /// Puts `dir` first among the recent projects. A settings file that cannot be read or written is left as
    /// it is: the project is simply not listed next time (the file's problem was told when the window opened).
    pub fn remember(&mut self, dir: &Path) {
        let Some(path) = &self.settings_path else { return };
        if Settings::remember_project(path, dir).is_ok() {
            self.recent = Settings::load(path).map(|s| s.recent).unwrap_or_default();
        }
    }

    /// What the welcome screen offers.
    pub fn welcome(&self) -> Welcome<'_> {
        Welcome { recent: &self.recent, sample: self.sample.as_deref().filter(|p| p.is_dir()) }
    }

    /// Where a file dialog opens: the folder of the last choice, else beside the open project, else here.
    pub fn dialog_start(&self, project: Option<&Path>) -> PathBuf {
        let beside = project.and_then(|p| p.canonicalize().ok()).and_then(|p| p.parent().map(Path::to_owned));
        let here = || std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        self.last_dir.clone().filter(|d| d.is_dir()).or(beside).unwrap_or_else(here)
    }

    /// Opens the file dialog for `purpose`.
    pub fn ask(&mut self, purpose: Purpose, project: Option<&Path>) {
        let start = self.dialog_start(project);
        self.files.ask(purpose, &start);
    }

    /// Notes where the chosen paths are, for the next dialog.
    pub fn chosen_from(&mut self, paths: &[PathBuf]) {
        self.last_dir = paths.first().and_then(|p| p.parent()).map(Path::to_owned);
    }

    /// Draws the open dialogs; their answers become actions.
    pub fn show(&mut self, ctx: &egui::Context, project: Option<&Path>, actions: &mut Vec<Action>) {
        if let Some(dialog) = &mut self.new_project
            && !dialog.show(ctx, actions)
        {
            self.new_project = None;
        }
        let start = self.dialog_start(project);
        if let Some((purpose, paths)) = self.files.show(ctx, &start) {
            actions.push(Action::Chosen(purpose, paths));
        }
    }
}

// What the app does on the newcomer's path; `run.rs` dispatches here.
impl super::TarmeezApp {
    /// The user's settings file: recent projects are listed from it and remembered in it (and the project open
    /// now becomes the first of them).
    pub fn with_settings(mut self, path: Option<PathBuf>) -> Self {
        self.language = path.as_deref().and_then(|p| Settings::load(p).ok()).map(|s| s.language).unwrap_or_default();
        self.start.set_settings(path);
        if let Some(root) = self.project().map(|p| p.root().to_owned()) {
            self.start.remember(&root);
        }
        self
    }

    /// The sample project's folder, offered on the welcome screen.
    pub fn with_sample(mut self, dir: PathBuf) -> Self {
        self.start.sample = Some(dir);
        self
    }

    /// Every file dialog is drawn in the window, never the desktop's (tests; a desktop whose portal
    /// misbehaves).
    pub fn with_dialogs_in_window(mut self) -> Self {
        self.start.files = FileChooser::in_window();
        self
    }

    /// Whether a file dialog is open.
    pub fn file_dialog_open(&self) -> bool {
        self.start.files.is_open()
    }

    /// The command's file dialog, for the commands that open one.
    pub(super) fn file_purpose(command: super::Command) -> Option<Purpose> {
        use super::Command;
        Some(match command {
            Command::OpenProject => Purpose::OpenProject,
            Command::ImportDocuments => Purpose::ImportDocuments,
            Command::ImportAnnotations => Purpose::ImportAnnotations,
            Command::ImportSuggestions => Purpose::ImportSuggestions,
            Command::Export => Purpose::Export,
            Command::AddTextFiles => Purpose::AddTextFiles,
            Command::AddTextFolder => Purpose::AddTextFolder,
            _ => return None,
        })
    }

    /// Opens the file dialog for `purpose` (those of a project only while one is open).
    pub(super) fn ask_file(&mut self, purpose: Purpose) {
        if purpose.needs_project() && self.session.is_none() {
            return;
        }
        let root = self.project().map(|p| p.root().to_owned());
        self.start.ask(purpose, root.as_deref());
    }

    /// File > New project: opens its dialog (or keeps the open one).
    pub(super) fn new_project_dialog(&mut self) {
        self.start.new_project.get_or_insert_with(NewProjectDialog::default);
    }

    /// A file dialog's answer, whichever dialog gave it: what its menu entry does with the paths.
    pub(super) fn chosen(&mut self, purpose: Purpose, paths: Vec<PathBuf>, out: &mut Vec<Action>) {
        use super::windows::{export, import_annotations, import_documents, import_suggestions, import_text};
        self.start.chosen_from(&paths);
        let Some(first) = paths.first().cloned() else { return };
        let window: Box<dyn super::windows::ToolWindow> = match purpose {
            Purpose::OpenProject => return out.push(Action::OpenProject(first)),
            Purpose::NewProjectFolder => {
                return self.start.new_project.get_or_insert_with(NewProjectDialog::default).folder_chosen(first);
            }
            Purpose::ImportDocuments => Box::new(import_documents::ImportDocumentsWindow::open(first)),
            Purpose::ImportAnnotations => Box::new(import_annotations::ImportAnnotationsWindow::open(first)),
            Purpose::ImportSuggestions => Box::new(import_suggestions::ImportWindow::open(first)),
            Purpose::Export => Box::new(export::ExportWindow::new(first)),
            Purpose::AddTextFiles | Purpose::AddTextFolder => Box::new(import_text::ImportTextWindow::open(paths)),
        };
        out.push(Action::Open(window));
    }

    /// Creates the project `tarmeez new --schema <preset>` creates in `dir`, then opens it; a failure is told
    /// in the new project dialog, which stays.
    pub(super) fn create_project(&mut self, dir: PathBuf, name: &str, preset: crate::model::Preset) {
        let annotator = match (self.project(), &self.fallback_annotator) {
            (Some(p), _) => p.annotator().clone(),
            (None, Some(a)) => a.clone(),
            (None, None) => crate::default_annotator(),
        };
        match crate::store::Project::create(&dir, name, preset.schema(), annotator) {
            Ok(project) => {
                // Closed at once: it is opened again the way every project is, which saves the open one first.
                drop(project);
                self.start.new_project = None;
                self.open_project(dir);
            }
            Err(e) => {
                let why = format!("Could not create the project in {}: {e}", dir.display());
                match &mut self.start.new_project {
                    Some(dialog) => dialog.error = Some(why),
                    None => self.message = Some(why),
                }
            }
        }
    }

    /// No name is known yet (the window started on its welcome screen): ask it, then open `dir` under it.
    pub(super) fn ask_name_then_open(&mut self, dir: PathBuf) {
        // A settings file that fails to load is never overwritten.
        let settings = self.start.settings_path.clone().filter(|p| Settings::load(p).is_ok());
        let mut dialog = super::windows::NameDialog::new(dir, settings, &crate::identity::proposed_name());
        dialog.cancelable = true;
        self.asking_name = Some(dialog);
    }
}
