//! The application shell: the open [`Session`] (if any), the "who is coding?" dialog and the message shown
//! once. Each frame it turns keys into actions, lets the panels and windows draw and push theirs, then runs
//! them all in one place (`ui/run.rs`).

use super::action::{Action, Focus};
use super::article_view::ArticleView;
use super::command::Command;
use super::panels;
use super::session::{SaveStatus, Session};
use super::windows::name_dialog::NameAnswer;
use super::windows::{ActorsWindow, EventsTable, NameDialog, SearchWindow};
use crate::model::{Annotator, DocId, Span};
use crate::store::{Access, Project};
use eframe::egui;

/// The Tarmeez window's state.
pub struct TarmeezApp {
    /// The open project and everything about it.
    pub(super) session: Option<Session>,
    /// A message to the coder (an error or what an operation did), shown once until dismissed.
    pub(super) message: Option<String>,
    /// Asking who is coding, before a project is opened under that name.
    pub(super) asking_name: Option<NameDialog>,
    /// Who codes when no project is open (the name given or remembered at start, or the last one used).
    pub(super) fallback_annotator: Option<Annotator>,
    fonts_installed: bool,
    /// The article view shown without a project (empty).
    no_article: ArticleView,
    /// The sync button's state (src/sync/): kept across reopenings of the project.
    pub(super) sync: super::sync_state::SyncState,
    /// The newcomer's path: the file dialog, File > New project, and what the welcome screen lists.
    pub(super) start: super::start::Start,
    /// The interface's language (View > Language), put into the egui context every frame.
    pub(super) language: crate::settings::Language,
}

impl TarmeezApp {
    /// A window on `project` (or on nothing, with `error` saying why it could not be opened).
    pub fn new(project: Option<Project>, error: Option<String>) -> Self {
        // Say once, in plain words, why nothing will be saved.
        let error = error.or_else(|| match project.as_ref().map(|p| p.access()) {
            Some(Access::ReadOnly(why)) => Some(format!("This project is open read-only: {why}.")),
            _ => None,
        });
        Self {
            session: project.map(Session::new),
            message: error,
            asking_name: None,
            fallback_annotator: None,
            fonts_installed: false,
            no_article: ArticleView::default(),
            sync: super::sync_state::SyncState::default(),
            start: super::start::Start::default(),
            language: crate::settings::Language::default(),
        }
    }

    /// A window that first asks who is coding (see [`NameDialog`]), remembers the answer in the settings it
    /// names, then opens its project under that name.
    pub fn asking_name(dialog: NameDialog) -> Self {
        let mut app = Self::new(None, None);
        app.asking_name = Some(dialog);
        app
    }

    /// Who codes when the project could not be opened at start (used by File > Open).
    pub fn with_annotator(mut self, annotator: Annotator) -> Self {
        self.fallback_annotator = Some(annotator);
        self
    }

    /// The open session, if a project is open.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// The open session, to drive it from tests and commands.
    pub fn session_mut(&mut self) -> Option<&mut Session> {
        self.session.as_mut()
    }

    /// The open project.
    pub fn project(&self) -> Option<&Project> {
        self.session.as_ref().map(Session::project)
    }

    /// The message being shown, if any.
    pub fn error(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// What the inspector shows.
    pub fn focus(&self) -> Option<Focus> {
        self.session.as_ref()?.focus
    }

    /// Inspects a mention or event of the shown document (and selects its text), as a click on it does.
    pub fn focus_on(&mut self, focus: Focus) {
        if let Some(s) = &mut self.session {
            s.set_focus(Some(focus));
        }
    }

    /// The events table, when open (its rows in their current order).
    pub fn events_table(&self) -> Option<&EventsTable> {
        self.session.as_ref()?.windows.get::<EventsTable>()
    }

    /// The event map, when open (issue 19): its rows and the points drawn in the last frame.
    pub fn event_map(&self) -> Option<&super::windows::event_map::EventMap> {
        self.session.as_ref()?.windows.get()
    }

    /// The hits of the last project search (none when the search window is closed).
    pub fn search_hits(&self) -> &[crate::workflow::SearchHit] {
        self.session.as_ref().and_then(|s| s.windows.get::<SearchWindow>()).map_or(&[], |w| w.hits())
    }

    /// The actor registry window, when open, to select an actor from tests.
    pub fn actors_window(&mut self) -> Option<&mut ActorsWindow> {
        self.session.as_mut()?.windows.get_mut::<ActorsWindow>()
    }

    /// The document import window, when open.
    pub fn documents_import(&mut self) -> Option<&mut super::windows::import_documents::ImportDocumentsWindow> {
        self.session.as_mut()?.windows.get_mut()
    }

    /// The document shown in the article view.
    pub fn shown_document(&self) -> Option<&DocId> {
        self.session.as_ref()?.shown()
    }

    /// The article text the coder selected, if any.
    pub fn selected_text(&self) -> Option<String> {
        self.session.as_ref()?.selected_text()
    }

    /// The article view's state (selection, zoom). Without a project, an empty view.
    pub fn article(&self) -> &ArticleView {
        self.session.as_ref().map_or(&self.no_article, |s| &s.article)
    }

    /// The article view's state, to select text from tests.
    pub fn article_mut(&mut self) -> Option<&mut ArticleView> {
        Some(&mut self.session.as_mut()?.article)
    }

    /// What the status bar says about saving.
    pub fn save_status(&self) -> SaveStatus {
        self.session.as_ref().map_or(SaveStatus::Saved, |s| s.save_status().clone())
    }

    /// Opens a document and shows `span` in it.
    pub fn jump(&mut self, doc: &DocId, span: Span, focus: Option<Focus>) {
        if let Some(s) = &mut self.session {
            s.jump(doc, span, focus);
        }
    }

    /// Saves every change now.
    pub fn save_now(&mut self) {
        if let Some(s) = &mut self.session {
            s.save_now();
        }
    }

    /// Runs one command as its key or menu entry does.
    pub fn apply(&mut self, command: Command, ctx: &egui::Context) {
        self.run_all(vec![Action::Command(command)], ctx);
    }

    /// Draws the whole window into `ui` and runs what the coder asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        if !std::mem::replace(&mut self.fonts_installed, true) {
            super::fonts::install(ui.ctx());
            super::theme::install(ui.ctx());
            // Ctrl+plus and Ctrl+minus zoom the article, not the whole interface.
            ui.ctx().options_mut(|o| o.zoom_with_keyboard = false);
        }
        super::i18n::set_language(ui.ctx(), self.language);
        let mut actions = Vec::new();
        if let Some(dialog) = &mut self.asking_name {
            match egui::CentralPanel::default_margins().show(ui, |ui| dialog.show(ui)).inner {
                Some(NameAnswer::Chosen(annotator)) => self.named(annotator),
                Some(NameAnswer::Cancelled) => self.asking_name = None,
                None => {}
            }
            self.show_message(ui.ctx());
            self.start.show(ui.ctx(), None, &mut actions);
            return self.run_all(actions, ui.ctx());
        }
        // While the window's own file dialog is open, its keys (Tab, Enter, Escape) are its own, and no type key
        // marks the text behind it.
        let typing = if self.start.files.is_in_window() { true } else { self.keys(ui, &mut actions) };
        let save = self.save_status();
        egui::Panel::top("menu").show(ui, |ui| panels::menu_bar(ui, &mut actions));
        let disk = self.session.as_ref().and_then(|s| s.disk_note().map(str::to_owned));
        let curator = self.session.as_ref().and_then(|s| s.curation.as_ref().map(|c| c.curator.clone()));
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                panels::status_bar(ui, self.project(), curator.as_ref(), &save, disk.as_deref(), &mut actions);
                if let Some(session) = &self.session {
                    ui.separator();
                    super::sync_state::button(ui, &self.sync, &mut actions);
                    super::windows::model_asking::status(ui, session, &mut actions);
                }
            });
        });
        match &mut self.session {
            Some(session) => session.draw(ui, &mut actions),
            None => {
                let offer = self.start.welcome();
                egui::CentralPanel::default_margins().show(ui, |ui| panels::welcome(ui, &offer, &mut actions));
            }
        }
        self.type_keys(ui, typing, &mut actions);
        let root = self.project().map(|p| p.root().to_owned());
        self.start.show(ui.ctx(), root.as_deref(), &mut actions);
        self.show_message(ui.ctx());
        self.run_all(actions, ui.ctx());
        self.after_frame(ui.ctx());
        if self.save_status() != save {
            // The status bar was drawn before this frame's changes and saves: show the new state.
            ui.ctx().request_repaint();
        }
    }

    /// The commands whose shortcuts were pressed this frame, as actions, taken before anything draws. Bare keys
    /// belong to a text field while one has the keyboard (returned: whether one has); Enter confirms a message.
    fn keys(&mut self, ui: &egui::Ui, actions: &mut Vec<Action>) -> bool {
        if self.message.is_some() && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Enter)) {
            self.message = None;
        }
        let typing = crate::ui::bidi_field::text_field_focused(ui.ctx());
        let commands: Vec<Command> = ui.input_mut(|input| {
            Command::ALL
                .into_iter()
                .filter(|c| !(typing && c.yields_to_text_field()))
                .filter(|c| c.shortcuts().iter().any(|s| input.consume_shortcut(s)))
                .collect()
        });
        if commands.iter().any(|c| matches!(c, Command::NextSuggestion | Command::PreviousSuggestion)) {
            // Tab steps through suggestions here; cancel egui's own Tab focus move, which would otherwise put
            // the keyboard into some text field and silence the review keys.
            ui.ctx().memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        }
        actions.extend(commands.into_iter().map(Action::Command));
        typing
    }

    /// The schema's type keys pressed this frame while text is selected, as actions. Taken after the article
    /// has drawn: a fast coder's double-click that selects a word and the key that marks it often arrive in
    /// one frame, and the word is selected only when the article handles the click. Not while a text field
    /// has (or has just taken) the keyboard: the key was typed there.
    fn type_keys(&self, ui: &egui::Ui, typing: bool, actions: &mut Vec<Action>) {
        if typing || crate::ui::bidi_field::text_field_focused(ui.ctx()) {
            return;
        }
        if let Some(session) = &self.session {
            actions.extend(session.type_keys_pressed(ui));
        }
    }

    /// The message window: OK, Enter, Escape or its close button dismisses it.
    fn show_message(&mut self, ctx: &egui::Context) {
        let Some(message) = &self.message else { return };
        let mut open = true;
        let mut ok = false;
        egui::Window::new("Tarmeez").collapsible(false).open(&mut open).show(ctx, |ui| {
            // Messages may quote Arabic (a mention's words): lay them out with the bidi pass.
            let style = super::bidi_label::LabelStyle {
                size: egui::TextStyle::Body.resolve(ui.style()).size,
                color: ui.visuals().text_color(),
                single_line: false,
            };
            ui.set_max_width(480.0);
            egui::ScrollArea::vertical().max_height(ctx.content_rect().height() * 0.6).show(ui, |ui| {
                for line in message.lines() {
                    super::bidi_label::bidi_label(ui, line, style, egui::Sense::hover());
                }
            });
            ok = ui.button(crate::tr!(ui, "message-ok")).on_hover_text("Enter").clicked();
        });
        if ok || !open {
            self.message = None;
        }
    }

    /// After the actions: the windows' work with the project, the autosave, and closing the window.
    fn after_frame(&mut self, ctx: &egui::Context) {
        self.sync_work(ctx);
        let mut more = Vec::new();
        if let Some(session) = &mut self.session {
            session.watch_disk(ctx);
            session.take_disk_changes(ctx);
            session.windows_work(&mut more);
            session.asking_work(ctx, &mut more);
            session.learner_work(ctx, &mut more);
            if let Some(due) = session.autosave_due() {
                let now = std::time::Instant::now();
                if now >= due {
                    session.save_now();
                } else {
                    ctx.request_repaint_after(due - now);
                }
            }
        }
        if !more.is_empty() {
            self.run_all(more, ctx);
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            self.save_now();
            if let Some(why) = self.save_status().not_saved() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                let why = why.to_string();
                self.message = Some(crate::trl!(self.language, "message-stays-open", why = why));
            }
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
