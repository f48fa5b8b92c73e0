//! The one place actions are run. Every key, menu entry, panel and window pushes [`Action`]s during the frame;
//! [`TarmeezApp::run_all`] runs them once per frame, in order, each with the follow-ups it asks for.

use super::TarmeezApp;
use super::action::Action;
use super::command::Command;
use super::panels::curation_queue::CurationRequest;
use super::session::Session;
use super::windows::agreement::AgreementWindow;
use super::windows::event_chooser::EventChooser;
use super::windows::export::ExportWindow;
use super::windows::import_annotations::ImportAnnotationsWindow;
use super::windows::import_documents::ImportDocumentsWindow;
use super::windows::import_suggestions::ImportWindow;
use super::windows::problems::ProblemsWindow;
use super::windows::progress::ProgressWindow;
use super::windows::review_stats::ReviewStatsWindow;
use super::windows::share::ShareWindow;
use super::windows::shortcuts::ShortcutsWindow;
use super::windows::{ActorsWindow, EventsTable, NameDialog, SchemaEditor, SearchWindow};
use crate::model::Annotator;
use crate::store::{OpenOptions, Project};
use crate::{tr, trl};
use eframe::egui;
use std::collections::VecDeque;
use std::path::PathBuf;

/// How many follow-up actions one frame may run: a guard against actions that keep asking for each other.
const MAX_ACTIONS_PER_FRAME: usize = 10_000;

impl TarmeezApp {
    /// Runs `actions` in order; the follow-ups an action asks for run right after it.
    pub(super) fn run_all(&mut self, actions: Vec<Action>, ctx: &egui::Context) {
        let mut queue: VecDeque<Action> = actions.into();
        let mut count = 0;
        while let Some(action) = queue.pop_front() {
            count += 1;
            if count > MAX_ACTIONS_PER_FRAME {
                break;
            }
            let mut more = Vec::new();
            self.run(action, ctx, &mut more);
            for follow_up in more.into_iter().rev() {
                queue.push_front(follow_up);
            }
        }
    }

    /// Runs one action.
    fn run(&mut self, action: Action, ctx: &egui::Context, out: &mut Vec<Action>) {
        if let Action::Command(command) = action {
            return self.command(command, ctx, out);
        }
        if let Action::Notice(message) = action {
            self.message = Some(message);
            return;
        }
        if let Action::OpenProject(dir) = action {
            return self.open_project(dir);
        }
        if let Action::RepairProject = action {
            return self.repair_project();
        }
        if let Action::SyncStateChanged = action {
            return self.sync.refresh();
        }
        if let Action::CurateUnits(filter) = action {
            return self.curate_units(filter, out);
        }
        if let Action::SetLanguage(language) = action {
            return self.set_language(language, ctx);
        }
        // The newcomer's path (ui/start.rs): file dialogs and new projects, with or without a project open.
        match action {
            Action::AskFile(purpose) => return self.ask_file(purpose),
            Action::Chosen(purpose, paths) => return self.chosen(purpose, paths, out),
            Action::CreateProject { dir, name, preset } => return self.create_project(dir, &name, preset),
            _ => {}
        }
        let Some(s) = &mut self.session else { return };
        match action {
            Action::Mark(t) => s.mark_selection(t, out),
            Action::MakeEvent(t) => s.make_event(t, out),
            Action::Edit(edit) => s.edit_shown(edit, out),
            Action::Project(edit) => {
                s.project_edit(edit, out);
            }
            Action::ProjectNoticed(edit, notice) => {
                if s.project_edit(*edit, out) {
                    out.push(Action::Notice(notice));
                }
            }
            Action::Focus(focus) => s.set_focus(focus),
            Action::Pick(picking) => s.picking = picking,
            Action::ClickText(at) => s.clicked_text(at, out),
            Action::Propagate(id, whole_project) => s.propagate(id, whole_project, out),
            Action::Review(request) => s.review(request, out),
            Action::Ask(source, docs) => s.start_asking(&source, &docs, out),
            Action::AskSettings(chosen, on_open) => s.set_asking(chosen, on_open),
            Action::Curate(request) => s.curate(request, out),
            Action::Learner(request) => s.learner_request(request, ctx),
            Action::Show(doc) => s.show_document(Some(doc)),
            Action::Jump { doc, span, focus } => s.jump(&doc, span, focus),
            Action::Open(window) => s.windows.open(window),
            Action::Close(kind) => s.windows.close(kind),
            // Run above, before the session was looked up.
            Action::Command(_)
            | Action::Notice(_)
            | Action::OpenProject(_)
            | Action::RepairProject
            | Action::SyncStateChanged
            | Action::CurateUnits(_)
            | Action::SetLanguage(_)
            | Action::AskFile(_)
            | Action::Chosen(..)
            | Action::CreateProject { .. } => {}
        }
    }

    /// Runs one command: those of the window itself here, those of the open project by the session.
    fn command(&mut self, command: Command, ctx: &egui::Context, out: &mut Vec<Action>) {
        if let Some(purpose) = Self::file_purpose(command) {
            return self.ask_file(purpose);
        }
        match command {
            Command::NewProject => self.new_project_dialog(),
            Command::ChangeCoder => self.change_coder(),
            Command::Curate => self.toggle_curation(),
            Command::Sync => self.start_sync(ctx),
            Command::ToggleTheme => {
                let dark = ctx.theme() == egui::Theme::Dark;
                ctx.set_theme(if dark { egui::Theme::Light } else { egui::Theme::Dark });
            }
            Command::Cancel if self.message.is_some() => self.message = None,
            Command::TogglePlaces | Command::LinkPlaces => {
                if let Some(session) = &mut self.session {
                    places_command(session, command, out);
                }
            }
            Command::Quit => {
                self.save_now();
                if let Some(why) = self.save_status().not_saved() {
                    // Closing now would lose the changes: say so and stay open.
                    self.message = Some(trl!(self.language, "message-stays-open", why = why.to_string()));
                } else {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            _ => {
                if let Some(session) = &mut self.session {
                    session_command(session, command, ctx, out);
                }
            }
        }
    }

    /// Opens the document import window on a file (what File > Import documents does once a file is chosen).
    pub fn open_documents_file(&mut self, path: PathBuf) {
        self.open_window(Box::new(ImportDocumentsWindow::open(path)));
    }

    /// Opens the annotation import window on a brat or doccano file (what File > Import annotations does once
    /// a file is chosen).
    pub fn open_annotations_file(&mut self, path: PathBuf) {
        self.open_window(Box::new(ImportAnnotationsWindow::open(path)));
    }

    /// Opens the import window on a suggestion file (what File > Import suggestions does once a file is
    /// chosen).
    pub fn open_suggestions_file(&mut self, path: PathBuf) {
        self.open_window(Box::new(ImportWindow::open(path)));
    }

    /// Opens the export window on a folder (what File > Export does once a folder is chosen).
    pub fn open_export(&mut self, dir: PathBuf) {
        self.open_window(Box::new(ExportWindow::new(dir)));
    }

    fn open_window(&mut self, window: Box<dyn super::windows::ToolWindow>) {
        if let Some(s) = &mut self.session {
            s.windows.open(window);
        }
    }

    /// File > Change coder: asks the name (cancelable); the work so far is saved first.
    fn change_coder(&mut self) {
        let Some(project) = self.project() else { return };
        let current = project.annotator().clone();
        let mut dialog = NameDialog::new(project.root().to_owned(), crate::settings::default_path(), current.as_str())
            .changing_from(&current);
        dialog.note = Some(tr!(self.language, "message-code-as", coder = current.to_string()));
        // A settings file that fails to load is never overwritten.
        if dialog.settings_path.as_deref().is_some_and(|p| crate::settings::Settings::load(p).is_err()) {
            dialog.settings_path = None;
        }
        self.asking_name = Some(dialog);
    }

    /// The name dialog was answered: remember the name, then open the project under it.
    pub(super) fn named(&mut self, annotator: Annotator) {
        let Some(dialog) = self.asking_name.take() else { return };
        if let Some(path) = &dialog.settings_path {
            // A settings file that fails to load is never overwritten.
            let saved = crate::settings::Settings::load(path).and_then(|mut settings| {
                settings.annotator = Some(annotator.clone());
                settings.save(path)
            });
            if let Err(e) = saved {
                self.message = Some(trl!(self.language, "message-name-not-remembered", why = e.to_string()));
            }
        }
        self.open_project_as(dialog.project_dir, annotator);
    }

    /// Repairs the open project (see [`crate::store::repair`]): saves first, repairs, then reopens it, since the
    /// repair may add or remove documents; tells what was done.
    fn repair_project(&mut self) {
        let Some(project) = self.project() else { return };
        let dir = project.root().to_owned();
        let options = ProblemsWindow::options(project, false);
        self.save_now();
        if self.project().is_some_and(|p| p.has_unsaved_changes()) {
            self.message = Some(trl!(self.language, "message-repair-unsaved").into());
            return;
        }
        let told = match crate::store::repair::repair(&dir, &options) {
            Ok(steps) if steps.is_empty() => trl!(self.language, "repair-nothing").to_owned(),
            Ok(steps) => steps.iter().map(|s| s.describe(false)).collect::<Vec<_>>().join("\n"),
            Err(e) => trl!(self.language, "message-repair-failed", why = e.to_string()),
        };
        self.message = None;
        self.open_project(dir);
        // A failure to reopen is told after what the repair did.
        self.message = Some(match self.message.take() {
            Some(also) => format!("{told}\n\n{also}"),
            None => told,
        });
    }

    /// Replaces the open project with the one at `dir`, keeping the current one if that fails.
    pub fn open_project(&mut self, dir: PathBuf) {
        let annotator = match (self.project(), &self.fallback_annotator) {
            (Some(p), _) => p.annotator().clone(),
            (None, Some(a)) => a.clone(),
            // The window started on its welcome screen without a name: ask it first.
            (None, None) => return self.ask_name_then_open(dir),
        };
        self.open_project_as(dir, annotator);
    }

    /// Saves the open project, then opens the one at `dir` under `annotator` in a new session; if that fails
    /// the old one stays. Windows reporting on work that outlives their project stay too.
    fn open_project_as(&mut self, dir: PathBuf, annotator: Annotator) {
        self.save_now();
        if self.project().is_some_and(|p| p.has_unsaved_changes()) {
            self.message = Some(trl!(self.language, "message-open-unsaved").into());
            return;
        }
        // Close the old project first, releasing its lock: reopening the same folder under the same name
        // must not find it taken by ourselves. If the new one fails, the old one is opened again.
        let old = self.session.take().map(Session::into_parts);
        let (old_place, kept) = match old {
            Some((project, windows)) => {
                let place = (project.root().to_owned(), project.annotator().clone());
                drop(project);
                (Some(place), windows.keep_after_project())
            }
            None => (None, Default::default()),
        };
        let options = OpenOptions { annotator: annotator.clone(), read_only: false };
        match Project::open(&dir, options) {
            Ok(project) => {
                let mut session = Session::new(project);
                session.windows.adopt(kept);
                self.session = Some(session);
                self.start.remember(&dir);
            }
            Err(e) => {
                let reopened = old_place
                    .and_then(|(root, who)| Project::open(root, OpenOptions { annotator: who, read_only: false }).ok());
                self.session = reopened.map(Session::new);
                self.message = Some(trl!(
                    self.language,
                    "message-open-failed",
                    dir = dir.display().to_string(),
                    why = e.to_string()
                ));
            }
        }
        self.fallback_annotator = Some(annotator);
    }
}

// Curation: the project reopened as its gold layer, and back.
impl TarmeezApp {
    /// Go > Curate: reopens the project as its gold layer with the coder as curator; again, back under the
    /// curator's own name. Work is saved first, as when changing coder.
    fn toggle_curation(&mut self) {
        let Some(session) = &self.session else { return };
        let dir = session.project().root().to_owned();
        match &session.curation {
            Some(c) => {
                let curator = c.curator.clone();
                self.open_project_as(dir, curator);
            }
            None => {
                let curator = session.project().annotator().clone();
                self.open_project_as(dir, Annotator::gold());
                if let Some(s) = &mut self.session {
                    s.set_curator(curator);
                }
            }
        }
    }

    /// A cell of the agreement matrix: curate exactly those units (starting to curate if needed).
    fn curate_units(&mut self, filter: crate::workflow::curation::UnitFilter, out: &mut Vec<Action>) {
        if !self.session.as_ref().is_some_and(Session::curating) {
            self.toggle_curation();
        }
        if self.session.as_ref().is_some_and(Session::curating) {
            out.push(Action::Curate(CurationRequest::Filter(filter)));
        }
    }
}

// Sharing through git (src/sync/): a sync runs on a thread (`ui/sync_state.rs`); these start it and take
// its end.
impl TarmeezApp {
    /// File > Sync: saves, then syncs on a thread; a project not shared yet opens File > Share project….
    fn start_sync(&mut self, ctx: &egui::Context) {
        let Some(project) = self.project() else { return };
        let (root, coder) = (project.root().to_owned(), project.annotator().clone());
        if self.sync.not_shared() {
            self.open_window(Box::<ShareWindow>::default());
            return;
        }
        self.save_now();
        if self.project().is_some_and(|p| p.has_unsaved_changes()) {
            self.message = Some(trl!(self.language, "message-sync-unsaved").into());
            return;
        }
        self.sync.start(&root, &coder, ctx);
    }

    /// Follows the sync state and takes a sync's end: what one brought from teammates is read in at once
    /// (`Session::refresh_from_disk`, which keeps unsaved work and the view); what needs the coder's attention
    /// (files kept both ways, a recovery, an error) is told.
    pub(super) fn sync_work(&mut self, ctx: &egui::Context) {
        let root = self.project().map(|p| p.root().to_owned());
        self.sync.watch(root.as_deref(), ctx);
        let Some(result) = self.sync.finished() else { return };
        let report = match result {
            Ok(report) => report,
            Err(why) => {
                self.message = Some(trl!(self.language, "message-sync-failed", why = why.clone()));
                return;
            }
        };
        let same = root.is_some_and(|r| report.status.shared && self.sync_root_is(&r));
        if report.brought_changes()
            && same
            && let Some(s) = &mut self.session
        {
            // At once, rather than when the file watcher's quiet period ends (or never, where the watch could
            // not start).
            s.refresh_from_disk();
        }
        if !report.conflicts.is_empty() || !report.recovered.is_empty() {
            self.message = Some(report.describe().join("\n"));
        }
    }

    /// Whether the sync that ended was of the project at `root` (another may have been opened meanwhile).
    fn sync_root_is(&self, root: &std::path::Path) -> bool {
        self.sync.root().is_some_and(|r| r == root)
    }
}

/// Shows or hides the events table or (issue 19) the event map.
fn toggle_events_window(s: &mut Session, command: Command) {
    if command == Command::ToggleMap {
        s.windows.toggle(|| Box::<super::windows::event_map::EventMap>::default());
    } else {
        s.windows.toggle(|| Box::<EventsTable>::default());
    }
}

/// Runs a command of the open project.
fn session_command(s: &mut Session, command: Command, ctx: &egui::Context, out: &mut Vec<Action>) {
    match command {
        Command::NextDocument => s.step_document(1),
        Command::PreviousDocument => s.step_document(-1),
        Command::ValidateProject => {
            s.project().load_all();
            s.windows.open(Box::<ProblemsWindow>::default());
        }
        Command::ToggleProblems => s.windows.toggle(|| Box::<ProblemsWindow>::default()),
        Command::ToggleShortcuts => s.windows.toggle(|| Box::new(ShortcutsWindow)),
        Command::Undo => s.undo(false, out),
        Command::Redo => s.undo(true, out),
        Command::Save => s.save_now(),
        Command::DeleteMention => s.delete_mention(out),
        Command::NewEvent => {
            if s.article.selection().is_some() && s.editable() {
                s.windows.open(Box::new(EventChooser));
            }
        }
        Command::RelateMention => s.start_relation(out),
        Command::Cancel => s.step_back(ctx),
        Command::ToggleDone => s.toggle_done(out),
        Command::NextUnfinished => s.next_unfinished(out),
        // While curating, the review keys move through and decide the curation queue.
        Command::NextSuggestion if s.curating() => s.step_curation(true),
        Command::PreviousSuggestion if s.curating() => s.step_curation(false),
        Command::AcceptSuggestion if s.curating() => s.curate(CurationRequest::TakeMajority, out),
        Command::RejectSuggestion if s.curating() => s.curate(CurationRequest::Reject, out),
        Command::TakeVersion(n) => s.curate(CurationRequest::Take(usize::from(n.max(1)) - 1), out),
        Command::ArmRole(n) => s.arm_role(n),
        Command::ToggleAgreement => s.windows.toggle(|| Box::<AgreementWindow>::default()),
        Command::NextSuggestion => s.step_review(true),
        Command::PreviousSuggestion => s.step_review(false),
        Command::AcceptSuggestion => s.review(super::panels::review_queue::ReviewRequest::Accept(None), out),
        Command::RejectSuggestion => s.review(super::panels::review_queue::ReviewRequest::Reject, out),
        Command::ToggleReviewStats => s.windows.toggle(|| Box::new(ReviewStatsWindow::default())),
        Command::ModelSources | Command::AskDocument | Command::AskProject | Command::CancelAsking => {
            s.model_command(command, out);
        }
        Command::ToggleProgress => s.windows.toggle(|| Box::<ProgressWindow>::default()),
        Command::ToggleLearner => s.windows.toggle(|| Box::<super::windows::learner::LearnerWindow>::default()),
        Command::MoveStartLeft => s.move_edge(true, true, out),
        Command::MoveStartRight => s.move_edge(true, false, out),
        Command::MoveEndLeft => s.move_edge(false, true, out),
        Command::MoveEndRight => s.move_edge(false, false, out),
        Command::ToggleEvents | Command::ToggleMap => toggle_events_window(s, command),
        Command::Search => match s.windows.get_mut::<SearchWindow>() {
            Some(window) => window.focus(),
            None => {
                let mut window = SearchWindow::default();
                window.focus();
                s.windows.open(Box::new(window));
            }
        },
        Command::ToggleActors => s.windows.toggle(|| Box::<ActorsWindow>::default()),
        Command::TogglePlaces | Command::LinkPlaces => {} // run by `places_command`
        Command::ToggleSchema => s.windows.toggle(|| Box::<SchemaEditor>::default()),
        Command::ZoomIn
        | Command::ZoomOut
        | Command::ZoomReset
        | Command::ToggleLabels
        | Command::ToggleTashkeel
        | Command::ToggleSuggestions
        | Command::CopySelection => view_command(s, command, ctx),
        // Commands of the window itself, run by `TarmeezApp::command`.
        Command::ShareProject => s.windows.open(Box::<ShareWindow>::default()),
        Command::OpenProject
        | Command::ImportSuggestions
        | Command::ImportAnnotations
        | Command::ImportDocuments
        | Command::Export
        | Command::NewProject
        | Command::AddTextFiles
        | Command::AddTextFolder
        | Command::ChangeCoder
        | Command::ToggleTheme
        | Command::Quit
        | Command::Sync
        | Command::Curate => {}
    }
}

/// Issue 19: the place registry's commands (Edit > Places…, Edit > Link places in this document).
fn places_command(s: &mut Session, command: Command, out: &mut Vec<Action>) {
    if command == Command::LinkPlaces {
        s.link_places(out);
    } else {
        s.windows.toggle(|| Box::<super::windows::places::PlacesWindow>::default());
    }
}

/// The commands of how the article is shown (zoom, labels, tashkeel, suggestions) and copying from it.
fn view_command(s: &mut Session, command: Command, ctx: &egui::Context) {
    match command {
        Command::ZoomIn => s.article.zoom_in(),
        Command::ZoomOut => s.article.zoom_out(),
        Command::ZoomReset => s.article.zoom_reset(),
        Command::ToggleLabels => s.article.show_labels = !s.article.show_labels,
        Command::ToggleTashkeel => s.article.hide_tashkeel = !s.article.hide_tashkeel,
        Command::ToggleSuggestions => s.view.hide_suggestions = !s.view.hide_suggestions,
        Command::CopySelection => {
            if let Some(text) = s.selected_text() {
                ctx.copy_text(text);
            }
        }
        _ => {}
    }
}
