//! The application shell: owns the open project, turns input into [`Command`]s and applies them.

use super::action::{Action, Focus, Picking};
use super::article_view::ArticleView;
use super::command::Command;
use super::panels::review_queue::{ReviewQueue, ReviewRequest, Scope};
use super::panels::{self, InspectorState, ViewOptions};
use super::windows::name_dialog::NameAnswer;
use super::windows::{ActorRequest, ActorsWindow, EventsTable, NameDialog, SchemaEditor, SearchWindow};
use crate::model::coding;
use crate::model::{
    DocId, DocStatus, Edit, EntityTypeId, EventTypeId, Layer, MentionId, ProjectEdit, SourceName, SuggestedLabel,
    SuggestionId,
};
use crate::store::{Autosave, OpenOptions, Project, StoreError};
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
    /// The mention or event shown in the inspector.
    focus: Option<Focus>,
    /// A role waiting for a click on a mention.
    picking: Option<Picking>,
    inspector: InspectorState,
    /// The event-type chooser (E) is open.
    choosing_event: bool,
    show_events: bool,
    events: EventsTable,
    show_search: bool,
    search: SearchWindow,
    show_actors: bool,
    actors: ActorsWindow,
    show_schema: bool,
    schema_editor: SchemaEditor,
    /// Asking who is coding, before a project is opened under that name.
    asking_name: Option<NameDialog>,
    /// The right panel shows the review queue rather than the inspector.
    reviewing: bool,
    queue: ReviewQueue,
    /// The suggestion under review.
    current: Option<(SourceName, SuggestionId)>,
    show_review_stats: bool,
    /// File > Import suggestions, once a file is chosen.
    import: Option<super::windows::import_suggestions::ImportWindow>,
    /// File > Export, once a folder is chosen.
    export: Option<super::windows::export::ExportWindow>,
    /// File > Import annotations, once a file is chosen.
    import_annotations: Option<super::windows::import_annotations::ImportAnnotationsWindow>,
    /// File > Import documents, once a file is chosen.
    import_documents: Option<super::windows::import_documents::ImportDocumentsWindow>,
    /// Who codes when no project is open (the name given or remembered at start, or the last one used).
    fallback_annotator: Option<crate::model::Annotator>,
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
            focus: None,
            picking: None,
            inspector: InspectorState::default(),
            choosing_event: false,
            show_events: false,
            events: EventsTable::default(),
            show_search: false,
            search: SearchWindow::default(),
            show_actors: false,
            actors: ActorsWindow::default(),
            show_schema: false,
            schema_editor: SchemaEditor::default(),
            asking_name: None,
            reviewing: false,
            queue: ReviewQueue::default(),
            current: None,
            show_review_stats: false,
            import: None,
            fallback_annotator: None,
            export: None,
            import_documents: None,
            import_annotations: None,
        };
        app.select(selected);
        app
    }

    /// A window that first asks who is coding (see [`NameDialog`]), remembers the answer in the settings
    /// at `settings_path`, then opens `project_dir` under that name.
    pub fn asking_name(dialog: NameDialog) -> Self {
        let mut app = Self::new(None, None);
        app.asking_name = Some(dialog);
        app
    }

    /// Who codes when the project could not be opened at start (used by File > Open).
    pub fn with_annotator(mut self, annotator: crate::model::Annotator) -> Self {
        self.fallback_annotator = Some(annotator);
        self
    }

    /// What the inspector shows.
    pub fn focus(&self) -> Option<Focus> {
        self.focus
    }

    /// Inspects a mention or event of the shown document (and selects its text), as a click on it does.
    pub fn focus_on(&mut self, focus: Focus) {
        self.set_focus(Some(focus));
    }

    /// The events table (its rows in their current order).
    pub fn events_table(&self) -> &EventsTable {
        &self.events
    }

    /// The hits of the last project search.
    pub fn search_hits(&self) -> &[crate::workflow::SearchHit] {
        self.search.hits()
    }

    /// The actor registry window, to select an actor from tests and commands.
    pub fn actors_window(&mut self) -> &mut ActorsWindow {
        &mut self.actors
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
        if let Some(dialog) = &mut self.asking_name {
            let answer = egui::CentralPanel::default_margins().show(ui, |ui| dialog.show(ui)).inner;
            match answer {
                Some(NameAnswer::Chosen(annotator)) => self.named(annotator),
                Some(NameAnswer::Cancelled) => self.asking_name = None,
                None => {}
            }
            self.show_windows(ui.ctx(), &mut Vec::new(), &mut Vec::new());
            return;
        }
        // Bare keys (Delete, E, digits, letters) belong to a text field while one has the keyboard.
        let typing = ui.ctx().text_edit_focused();
        let mut commands: Vec<Command> = ui.input_mut(|input| {
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
        let mut actions: Vec<Action> = if typing { Vec::new() } else { self.type_keys_pressed(ui) };
        let mut requests: Vec<ReviewRequest> = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| panels::menu_bar(ui, &mut commands));
        let save = self.save_status.clone();
        egui::Panel::bottom("status")
            .show(ui, |ui| panels::status_bar(ui, self.project.as_ref(), &save, &mut commands));
        let mut clicked = None;
        egui::Panel::left("documents").resizable(true).default_size(280.0).show(ui, |ui| {
            clicked = panels::document_list(ui, self.project.as_ref(), self.selected);
        });
        if let Some(project) = &self.project
            && let Some(doc) = self.selected.and_then(|i| project.documents().get(i))
            && let Some(loaded) = doc.loaded()
        {
            let input = panels::InspectorInput {
                project,
                doc: &doc.id,
                loaded,
                layer: loaded.layers.get(project.annotator()),
                focus: self.focus,
                selection: self.article.selection(),
                picking: self.picking.as_ref(),
                editable: self.editable(),
            };
            let inspector = &mut self.inspector;
            let (reviewing, queue, current) = (&mut self.reviewing, &mut self.queue, self.current.as_ref());
            egui::Panel::right("inspector").resizable(true).default_size(330.0).show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.selectable_value(reviewing, false, "Inspector");
                    ui.selectable_value(reviewing, true, "Review suggestions");
                });
                ui.separator();
                if *reviewing {
                    queue.refresh(project, &doc.id, loaded);
                    panels::review_queue::review_panel(ui, project, loaded, queue, current, &mut requests);
                } else {
                    panels::inspector(ui, &input, inspector, &mut actions);
                }
            });
        }
        self.refresh_highlights();
        let layer_before = self.view.layer.clone();
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
        if self.view.layer != layer_before {
            // Ids of another coder's layer mean nothing in one's own: what was inspected or picked goes.
            self.focus = None;
            self.picking = None;
        }
        if let Some(i) = clicked {
            self.select(Some(i));
        }
        self.show_windows(ui.ctx(), &mut commands, &mut actions);
        if let Some(at) = self.article.take_click() {
            self.clicked_text(at);
        }
        for command in commands {
            self.apply(command, ui.ctx());
        }
        for action in actions {
            self.act(action, ui.ctx());
        }
        for request in requests {
            self.review(request);
        }
        self.autosave(ui.ctx());
        if ui.ctx().input(|i| i.viewport().close_requested()) {
            self.save_now();
            if let SaveStatus::Failed(why) = &self.save_status {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.error = Some(format!("Tarmeez stays open: your changes could not be saved ({why})."));
            }
        }
        if self.save_status != save {
            // The status bar was drawn before this frame's changes and saves: show the new state.
            ui.ctx().request_repaint();
        }
    }

    /// The entity or event type whose key (1-9, a, t, s, m in the default schema) was pressed while text
    /// is selected.
    fn type_keys_pressed(&mut self, ui: &egui::Ui) -> Vec<Action> {
        let (Some(project), Some(_)) = (self.project.as_ref(), self.article.selection()) else { return Vec::new() };
        let schema = &project.config().schema;
        let pressed = |input: &mut egui::InputState, key: Option<char>| {
            key.and_then(|k| egui::Key::from_name(&k.to_string()))
                .is_some_and(|k| input.consume_key(egui::Modifiers::NONE, k))
        };
        ui.input_mut(|input| {
            let marks =
                schema.entity_types.iter().filter(|t| pressed(input, t.key)).map(|t| Action::Mark(t.id.clone()));
            let marks: Vec<Action> = marks.collect();
            let events = schema.event_types.iter().filter(|t| pressed(input, t.key));
            marks.into_iter().chain(events.map(|t| Action::MakeEvent(t.id.clone()))).collect()
        })
    }

    /// Whether the coder can change the shown document: their own layer is shown and saving is allowed.
    fn editable(&self) -> bool {
        let Some(project) = &self.project else { return false };
        let own = panels::shown_layer(project, self.selected, &self.view);
        matches!(project.access(), crate::store::Access::ReadWrite)
            && own.as_ref().is_none_or(|a| a == project.annotator())
    }

    /// Whether the coder can change the shown document; if not, says why once.
    fn can_code(&mut self) -> bool {
        let editable = self.editable();
        if !editable {
            self.error = Some(match self.project.as_ref().map(|p| p.access()) {
                Some(crate::store::Access::ReadOnly(why)) => format!("Nothing can be changed: {why}."),
                _ => "Another coder's layer is shown: choose your own layer in the toolbar to code.".to_owned(),
            });
        }
        editable
    }

    /// The shown document's id and the coder's own layer of it (empty if they have none yet).
    fn own_layer(&self) -> Option<(DocId, Layer)> {
        let project = self.project.as_ref()?;
        let doc = project.documents().get(self.selected?)?;
        let layer = doc.loaded()?.layers.get(project.annotator()).cloned().unwrap_or_default();
        Some((doc.id.clone(), layer))
    }

    /// Makes the selection a mention of `entity_type` in the annotator's own layer (or retypes the mention
    /// whose span it is).
    fn mark_selection(&mut self, entity_type: EntityTypeId) {
        if self.reviewing && self.current.is_some() {
            return self.review(ReviewRequest::Accept(Some(SuggestedLabel::Entity(entity_type))));
        }
        let Some(span) = self.article.selection() else { return };
        if !self.can_code() {
            return;
        }
        let Some((doc, layer)) = self.own_layer() else { return };
        let (edit, id) = coding::mark(&layer, span, &entity_type);
        if self.edit(&doc, edit) {
            self.focus = Some(Focus::Mention(id));
        }
    }

    /// Makes the selection the trigger of an event of `event_type`.
    fn make_event(&mut self, event_type: EventTypeId) {
        self.choosing_event = false;
        if self.reviewing && self.current.is_some() {
            return self.review(ReviewRequest::Accept(Some(SuggestedLabel::Event(event_type))));
        }
        let Some(span) = self.article.selection() else { return };
        if !self.can_code() {
            return;
        }
        let Some((doc, layer)) = self.own_layer() else { return };
        let Some(project) = &self.project else { return };
        match coding::make_event(&layer, &project.config().schema, span, &event_type) {
            Ok((edit, id)) => {
                if self.edit(&doc, edit) {
                    self.focus = Some(Focus::Event(id));
                }
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// A plain click on the letter at `at`: fills the role being picked with the mention there, or
    /// inspects the innermost mention or trigger there.
    fn clicked_text(&mut self, at: usize) {
        let Some((_, set)) = &self.highlights else { return };
        let mut hits: Vec<_> = set
            .at(at)
            .into_iter()
            .filter_map(|h| match &h.key {
                crate::text::scene::HighlightKey::Mention(id) => Some((h.span.len(), Focus::Mention(*id))),
                crate::text::scene::HighlightKey::Trigger(id) => Some((h.span.len(), Focus::Event(*id))),
                crate::text::scene::HighlightKey::Suggestion(..) => None,
            })
            .collect();
        hits.sort_by_key(|(len, _)| *len);
        if let Some(picking) = self.picking.clone().filter(|_| self.editable()) {
            let Some(mention) = hits.iter().find_map(|(_, f)| match f {
                Focus::Mention(id) => Some(*id),
                Focus::Event(_) => None,
            }) else {
                return;
            };
            let Some((doc, layer)) = self.own_layer() else { return };
            let Some(project) = &self.project else { return };
            let schema = &project.config().schema;
            // A repeatable role keeps waiting for more fillers; a single one is done.
            let repeatable = layer
                .events
                .get(&picking.event)
                .and_then(|e| schema.event_type(&e.event_type))
                .and_then(|t| t.roles.iter().find(|r| r.id == picking.role))
                .is_some_and(|r| r.repeatable);
            match coding::fill_role(&layer, schema, picking.event, &picking.role, mention) {
                Ok(edit) => {
                    self.edit(&doc, edit);
                }
                Err(e) => self.error = Some(e.to_string()),
            }
            if !repeatable {
                self.picking = None;
            }
            return;
        }
        if self.editable() {
            // Inspecting selects the span too, so that a type key retypes it.
            self.set_focus(hits.first().map(|(_, f)| *f));
        }
    }

    /// Applies one action from a panel.
    fn act(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::Command(c) => self.apply(c, ctx),
            Action::Mark(t) => self.mark_selection(t),
            Action::MakeEvent(t) => self.make_event(t),
            Action::Edit(edit) => {
                if let Some((doc, _)) = self.own_layer() {
                    self.edit(&doc, edit);
                }
            }
            Action::Project(edit) => {
                self.project_edit(edit);
            }
            Action::ProjectNoticed(edit, notice) => {
                if self.project_edit(*edit) {
                    self.error = Some(notice);
                }
            }
            Action::Focus(focus) => self.set_focus(focus),
            Action::Pick(p) => self.picking = p,
            Action::Refused(why) | Action::Notice(why) => self.error = Some(why),
            Action::Propagate(id, whole_project) => self.propagate(id, whole_project),
            Action::Jump { doc, span, focus } => self.jump(&doc, span, focus),
        }
    }

    /// Inspects a mention or event and selects its text.
    fn set_focus(&mut self, focus: Option<Focus>) {
        self.focus = focus;
        let Some(project) = &self.project else { return };
        let Some(doc) = self.selected.and_then(|i| project.documents().get(i)) else { return };
        let (Some(loaded), Some(focus)) = (doc.loaded(), focus) else { return };
        let Some(layer) = loaded.layers.get(project.annotator()) else { return };
        let span = match focus {
            Focus::Mention(id) => layer.mentions.get(&id).map(|m| m.span),
            Focus::Event(id) => layer.events.get(&id).map(|e| e.trigger),
        };
        if let Some(span) = span {
            self.article.select(&loaded.text, span);
            self.article.scroll_to(span);
        }
    }

    /// Opens a document and shows `span` in it.
    pub fn jump(&mut self, doc: &DocId, span: crate::model::Span, focus: Option<Focus>) {
        let Some(i) = self.project.as_ref().and_then(|p| p.documents().iter().position(|d| &d.id == doc)) else {
            return;
        };
        if self.selected != Some(i) {
            self.select(Some(i));
        }
        let Some(text) = self.project.as_ref().and_then(|p| p.documents()[i].text().cloned()) else { return };
        self.article.select(&text, span);
        self.article.scroll_to(span);
        if focus.is_some() {
            self.set_focus(focus);
        }
    }

    /// Applies a project-wide edit (registry, schema, several documents).
    /// Returns whether it was made.
    fn project_edit(&mut self, edit: ProjectEdit) -> bool {
        let Some(project) = self.project.as_mut() else { return false };
        match project.apply_edit(edit) {
            Ok(()) => {
                self.changed();
                true
            }
            Err(e) => {
                self.error = Some(format!("The change was not made: {e}"));
                false
            }
        }
    }

    /// Applies an edit through the project, noting it for the autosave; errors are shown once.
    /// Returns whether it was made.
    fn edit(&mut self, doc: &DocId, edit: Edit) -> bool {
        let Some(project) = self.project.as_mut() else { return false };
        match project.apply(doc, edit) {
            Ok(()) => {
                self.changed();
                true
            }
            Err(e) => {
                self.error = Some(format!("The change was not made: {e}"));
                false
            }
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

    /// Deletes the inspected mention or event, else the own mention equal to the selection, else the
    /// innermost own mention at the caret.
    fn delete_mention(&mut self) {
        if !self.can_code() {
            return;
        }
        if let (Some(focus), Some((doc, layer))) = (self.focus, self.own_layer()) {
            let edit = match focus {
                Focus::Mention(id) if layer.mentions.contains_key(&id) => Some(Edit::remove_mention(&layer, id)),
                Focus::Event(id) if layer.events.contains_key(&id) => Some(coding::remove_event(&layer, id)),
                _ => None,
            };
            if let Some(edit) = edit {
                self.focus = None;
                self.edit(&doc, edit);
                return;
            }
        }
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

    fn show_windows(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>, actions: &mut Vec<Action>) {
        if self.choosing_event
            && let Some(project) = &self.project
        {
            let mut open = true;
            egui::Window::new("New event").collapsible(false).open(&mut open).show(ctx, |ui| {
                if self.article.selection().is_none() {
                    ui.label("Select the trigger word first.");
                    return;
                }
                ui.label("Event type of the selected trigger:");
                for t in &project.config().schema.event_types {
                    let key = t.key.map(|k| format!("{k}  ")).unwrap_or_default();
                    if ui.button(format!("{key}{}", t.name)).clicked() {
                        actions.push(Action::MakeEvent(t.id.clone()));
                    }
                }
            });
            if !open {
                self.choosing_event = false;
            }
        }
        if let Some(error) = self.error.clone() {
            let mut open = true;
            egui::Window::new("Tarmeez").collapsible(false).open(&mut open).show(ctx, |ui| {
                // Messages may quote Arabic (a mention's words): lay them out with the bidi pass.
                let style = super::bidi_label::LabelStyle {
                    size: egui::TextStyle::Body.resolve(ui.style()).size,
                    color: ui.visuals().text_color(),
                    single_line: false,
                };
                ui.set_max_width(480.0);
                for line in error.lines() {
                    super::bidi_label::bidi_label(ui, line, style, egui::Sense::hover());
                }
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
        self.show_tool_windows(ctx, actions);
        if self.show_shortcuts {
            egui::Window::new("Keyboard shortcuts").open(&mut self.show_shortcuts).show(ctx, panels::shortcuts);
        }
    }

    /// The events table, search, actor registry and schema editor windows.
    fn show_tool_windows(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(project) = self.project.as_mut() else { return };
        let doc = self.selected.and_then(|i| project.documents().get(i)).map(|d| d.id.clone());
        if self.show_events {
            self.events.refresh(project, doc.as_ref());
            let events = &mut self.events;
            egui::Window::new("Events")
                .open(&mut self.show_events)
                .default_size([1180.0, 320.0])
                .show(ctx, |ui| events.show(ui, actions));
        }
        if self.show_search {
            let mut go = false;
            let search = &mut self.search;
            egui::Window::new("Search")
                .open(&mut self.show_search)
                .default_size([520.0, 420.0])
                .show(ctx, |ui| go = search.show(ui, project, actions));
            if go {
                self.search.run(project);
            }
        }
        if self.show_actors {
            let mut request = None;
            let window = &mut self.actors;
            egui::Window::new("Actors")
                .open(&mut self.show_actors)
                .default_size([720.0, 460.0])
                .show(ctx, |ui| request = window.show(ui, project, actions));
            if let Some(ActorRequest::Merge(absorbed, kept)) = request {
                actions.push(match crate::workflow::actor_edits::merge_actors(project, &kept, &absorbed) {
                    Ok(edit) => Action::Project(edit),
                    Err(why) => Action::Refused(why.to_string()),
                });
            }
        }
        let shown = doc.clone();
        let request = tool_window(
            ctx,
            &mut self.import,
            "Import suggestions",
            [560.0, 480.0],
            |_| false,
            |ui, w| w.show(ui, project, shown.as_ref()),
        );
        if let Some(Some(request)) = request {
            actions.extend(super::windows::import_suggestions::request_action(request));
            self.import = None;
        }
        let request = tool_window(
            ctx,
            &mut self.import_annotations,
            "Import annotations",
            [560.0, 420.0],
            |_| false,
            |ui, w| w.show(ui, project, shown.as_ref()),
        );
        if let Some(Some(request)) = request {
            actions.extend(super::windows::import_annotations::request_action(request));
            self.import_annotations = None;
        }
        // While records are read or imported the window stays: its Cancel button stops the import.
        let added = tool_window(
            ctx,
            &mut self.import_documents,
            "Import documents",
            [560.0, 420.0],
            |w| w.busy(),
            |ui, w| w.show(ui, project),
        );
        if added.is_some_and(|n| n > 0) {
            // Documents are kept sorted by id: an import can move the shown one down the list.
            let at = doc.as_ref().and_then(|d| project.documents().iter().position(|e| &e.id == d));
            self.selected = at.or(self.selected);
        }
        // While files are written the window stays, to show what was written.
        tool_window(ctx, &mut self.export, "Export", [520.0, 360.0], |w| w.busy(), |ui, w| w.show(ui, project));
        if self.show_review_stats {
            egui::Window::new("Review statistics")
                .open(&mut self.show_review_stats)
                .default_size([560.0, 420.0])
                .show(ctx, |ui| super::windows::review_stats::show(ui, project));
        }
        if self.show_schema {
            let editor = &mut self.schema_editor;
            let schema = &project.config().schema;
            egui::Window::new("Schema")
                .open(&mut self.show_schema)
                .default_size([760.0, 520.0])
                .show(ctx, |ui| editor.show(ui, schema, actions));
        }
    }

    /// Moves one edge of the inspected mention one letter left or right on screen (so the same key grows an
    /// Arabic mention's end and shrinks an English one's), keeping the mention selected.
    fn move_edge(&mut self, start: bool, left: bool) {
        if self.focus.is_none() || !self.can_code() {
            return;
        }
        let (Some(Focus::Mention(id)), Some((doc, layer))) = (self.focus, self.own_layer()) else { return };
        let (Some(m), Some((layout, _))) = (layer.mentions.get(&id), self.article.drawn_layout()) else { return };
        let span = m.span;
        let edge = if start { span.start } else { span.end };
        let moved = layout.move_caret_visual(edge, left);
        let (a, b) = if start { (moved, span.end) } else { (span.start, moved) };
        let text = layout.text().clone();
        match coding::set_mention_span(&layer, &text, id, crate::model::Span::new(a.min(b), a.max(b))) {
            Ok(edit) => {
                if self.edit(&doc, edit) {
                    self.set_focus(Some(Focus::Mention(id)));
                }
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Carries out a review request: select, accept, reject, bulk-accept, run the registry gazetteer.
    fn review(&mut self, request: ReviewRequest) {
        let Some(project) = self.project.as_ref() else { return };
        let Some(doc) = self.selected.and_then(|i| project.documents().get(i)).map(|d| d.id.clone()) else { return };
        match request {
            ReviewRequest::Select(source, id) => {
                self.reviewing = true;
                let span = project
                    .document(&doc)
                    .and_then(|d| d.loaded())
                    .and_then(|l| Some((l.text.clone(), l.suggestions.get(&source)?.suggestions.get(&id)?.span)));
                if let Some((text, span)) = span {
                    self.article.select(&text, span);
                    self.article.scroll_to(span);
                    self.current = Some((source, id));
                }
            }
            ReviewRequest::Accept(label) => self.decide(|app, source, id| {
                let project = app.project.as_ref().ok_or(StoreError::Rejected("no project is open".into()))?;
                let span = app.article.selection();
                let propagate = app.queue.propagate;
                crate::workflow::review::accept_and_propagate(project, &doc, source, id, label, span, propagate)
            }),
            ReviewRequest::Reject => self.decide(|app, source, id| {
                let project = app.project.as_ref().ok_or(StoreError::Rejected("no project is open".into()))?;
                crate::workflow::review::reject(project, &doc, source, id)
            }),
            ReviewRequest::AcceptAll(scope) => {
                if !self.can_code() {
                    return;
                }
                let docs = self.scope_docs(scope, &doc);
                let filter = self.queue.filter.clone();
                let Some(project) = self.project.as_mut() else { return };
                match crate::workflow::review::accept_all(project, &docs, &filter) {
                    Ok((_, 0)) => self.error = Some("No pending suggestion matches the filter.".into()),
                    Ok((edit, _)) => {
                        self.project_edit(edit);
                    }
                    Err(e) => self.error = Some(e.to_string()),
                }
                self.current = None;
            }
            ReviewRequest::Registry(scope) => {
                let docs = self.scope_docs(scope, &doc);
                let Some(project) = self.project.as_mut() else { return };
                match crate::workflow::suggesters::registry(project, &docs) {
                    Ok((_, 0)) => self.error = Some("The registry's names match nothing new.".into()),
                    Ok((edit, _)) => {
                        self.project_edit(edit);
                    }
                    Err(e) => self.error = Some(e.to_string()),
                }
            }
            ReviewRequest::Stats => self.show_review_stats = true,
        }
    }

    /// Makes a decision on the suggestion under review (the edit `decision` builds), then moves on to the next
    /// suggestion of the queue.
    fn decide(
        &mut self,
        decision: impl FnOnce(&mut Self, &SourceName, SuggestionId) -> Result<ProjectEdit, StoreError>,
    ) {
        if !self.can_code() {
            return;
        }
        let Some((source, id)) = self.current.clone() else { return };
        let next = self.queue.step(self.current.as_ref(), true).filter(|i| (&i.source, i.id) != (&source, id)).cloned();
        let made = match decision(self, &source, id) {
            Ok(edit) => self.project_edit(edit),
            Err(e) => {
                self.error = Some(e.to_string());
                false
            }
        };
        // A refused decision keeps the suggestion under review, with the reason shown.
        if !made {
            return;
        }
        self.current = None;
        if let Some(item) = next {
            self.review(ReviewRequest::Select(item.source, item.id));
        }
    }

    /// Brings the review queue up to date with the shown document (it is otherwise refreshed as it is drawn).
    fn refresh_queue(&mut self) {
        let Some(project) = &self.project else { return };
        let Some(doc) = self.selected.and_then(|i| project.documents().get(i)) else { return };
        if let Some(loaded) = doc.loaded() {
            self.queue.refresh(project, &doc.id, loaded);
        }
    }

    /// Proposes the other occurrences of an own mention's words, in the shown document or the project.
    fn propagate(&mut self, id: MentionId, whole_project: bool) {
        let Some((doc, layer)) = self.own_layer() else { return };
        let Some(m) = layer.mentions.get(&id) else { return };
        let Some(project) = self.project.as_mut() else { return };
        let Some(phrase) =
            project.document(&doc).and_then(|d| d.text()).and_then(|t| t.slice(m.span)).map(str::to_owned)
        else {
            return;
        };
        let scope = if whole_project { Scope::Project } else { Scope::Document };
        let docs = self.scope_docs(scope, &doc);
        let Some(project) = self.project.as_mut() else { return };
        match crate::workflow::suggesters::propagate(project, &docs, &phrase, &m.entity_type, &[m.span]) {
            Ok((_, 0)) => self.error = Some(format!("No other occurrence of «{phrase}» to propose.")),
            Ok((edit, n)) => {
                self.project_edit(edit);
                self.error = Some(format!("{n} other occurrences proposed for review (source: propagate)."));
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// The documents a bulk action covers.
    fn scope_docs(&self, scope: Scope, doc: &DocId) -> Vec<DocId> {
        match (scope, &self.project) {
            (Scope::Project, Some(p)) => p.documents().iter().map(|d| d.id.clone()).collect(),
            _ => vec![doc.clone()],
        }
    }

    /// File > Import suggestions: choose a file, then the import window asks the rest.
    fn import_suggestions_dialog(&mut self) {
        if self.project.is_none() {
            return;
        }
        let picked = rfd::FileDialog::new()
            .set_title("Import suggestions (Hugging Face, spaCy, doccano, Label Studio, brat)")
            .add_filter("Suggestions", &["json", "jsonl", "ann"])
            .add_filter("All files", &["*"])
            .pick_file();
        if let Some(path) = picked {
            self.open_suggestions_file(path);
        }
    }

    /// Opens the document import window on a file (what File > Import documents does once a file is chosen).
    pub fn open_documents_file(&mut self, path: PathBuf) {
        self.import_documents = Some(super::windows::import_documents::ImportDocumentsWindow::open(path));
    }

    /// Opens the annotation import window on a brat or doccano file (what File > Import annotations does once
    /// a file is chosen).
    pub fn open_annotations_file(&mut self, path: PathBuf) {
        self.import_annotations = Some(super::windows::import_annotations::ImportAnnotationsWindow::open(path));
    }

    /// The document import window, when open.
    pub fn documents_import(&mut self) -> Option<&mut super::windows::import_documents::ImportDocumentsWindow> {
        self.import_documents.as_mut()
    }

    /// Opens the export window on a folder (what File > Export does once a folder is chosen).
    pub fn open_export(&mut self, dir: PathBuf) {
        self.export = Some(super::windows::export::ExportWindow::new(dir));
    }

    /// Opens the import window on a suggestion file (what File > Import suggestions does once a file is
    /// chosen).
    pub fn open_suggestions_file(&mut self, path: PathBuf) {
        self.import = Some(super::windows::import_suggestions::ImportWindow::open(path));
    }

    /// Marks the shown document done for this annotator, or back in progress.
    fn toggle_done(&mut self) {
        let Some((doc, layer)) = self.own_layer() else { return };
        let next = if layer.status == DocStatus::Done { DocStatus::InProgress } else { DocStatus::Done };
        self.edit(&doc, Edit::SetStatus(next));
    }

    /// Goes to the next document (after the shown one, wrapping) that this annotator has not marked done.
    fn next_unfinished(&mut self) {
        let Some(project) = &self.project else { return };
        let n = project.documents().len();
        let start = self.selected.map_or(0, |i| i + 1);
        let found = (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| Some(i) != self.selected && project.summary(i).is_some_and(|s| s.status != DocStatus::Done));
        match found {
            Some(i) => self.select(Some(i)),
            None => self.error = Some("Every other document is done.".into()),
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
                    Ok(Some(docs)) => {
                        self.changed();
                        // Show what was undone: a change in another document brings that document up.
                        let shown =
                            self.selected.and_then(|i| self.project.as_ref()?.documents().get(i)).map(|d| d.id.clone());
                        if let Some(first) = docs.first().filter(|_| shown.as_ref().is_none_or(|s| !docs.contains(s)))
                            && let Some(i) =
                                self.project.as_ref().and_then(|p| p.documents().iter().position(|d| &d.id == first))
                        {
                            self.select(Some(i));
                        }
                    }
                    Ok(None) => {}
                    Err(e) => self.error = Some(e.to_string()),
                }
            }
            Command::Save => self.save_now(),
            Command::DeleteMention => self.delete_mention(),
            Command::NewEvent => self.choosing_event = self.article.selection().is_some() && self.editable(),
            Command::Cancel => {
                // One step back per press: picking, then the event chooser, then the inspector, then the
                // selection.
                if self.picking.take().is_some() {
                } else if self.choosing_event {
                    self.choosing_event = false;
                } else if self.focus.take().is_none() {
                    self.article.clear_selection();
                }
            }
            Command::ToggleDone => self.toggle_done(),
            Command::NextSuggestion | Command::PreviousSuggestion => {
                self.reviewing = true;
                self.refresh_queue();
                let forward = command == Command::NextSuggestion;
                if let Some(item) = self.queue.step(self.current.as_ref(), forward).cloned() {
                    self.review(ReviewRequest::Select(item.source, item.id));
                }
            }
            Command::AcceptSuggestion => self.review(ReviewRequest::Accept(None)),
            Command::RejectSuggestion => self.review(ReviewRequest::Reject),
            Command::ToggleReviewStats => self.show_review_stats = !self.show_review_stats,
            Command::ImportSuggestions => self.import_suggestions_dialog(),
            Command::ImportAnnotations => {
                let picked = self.project.as_ref().and_then(|_| {
                    rfd::FileDialog::new()
                        .set_title("Import annotations (brat .ann or doccano JSON lines) into your layer")
                        .add_filter("Annotations", &["ann", "jsonl", "json"])
                        .add_filter("All files", &["*"])
                        .pick_file()
                });
                if let Some(path) = picked {
                    self.open_annotations_file(path);
                }
            }
            Command::ImportDocuments => {
                let picked = self.project.as_ref().and_then(|_| {
                    rfd::FileDialog::new()
                        .set_title("Import documents (JSON lines or CSV)")
                        .add_filter("Corpus", &["jsonl", "ndjson", "csv"])
                        .add_filter("All files", &["*"])
                        .pick_file()
                });
                if let Some(path) = picked {
                    self.open_documents_file(path);
                }
            }
            Command::Export => {
                let picked = self
                    .project
                    .as_ref()
                    .and_then(|_| rfd::FileDialog::new().set_title("Export coded data into a folder").pick_folder());
                if let Some(dir) = picked {
                    self.open_export(dir);
                }
            }
            Command::MoveStartLeft => self.move_edge(true, true),
            Command::MoveStartRight => self.move_edge(true, false),
            Command::MoveEndLeft => self.move_edge(false, true),
            Command::MoveEndRight => self.move_edge(false, false),
            Command::NextUnfinished => self.next_unfinished(),
            Command::ToggleEvents => self.show_events = !self.show_events,
            Command::Search => {
                self.show_search = true;
                self.search.focus();
            }
            Command::ToggleActors => self.show_actors = !self.show_actors,
            Command::ToggleSchema => self.show_schema = !self.show_schema,
            Command::ChangeCoder => {
                if let Some(project) = &self.project {
                    let current = project.annotator().to_string();
                    let mut dialog =
                        NameDialog::new(project.root().to_owned(), crate::settings::default_path(), &current);
                    dialog.note = Some(format!("You code as {current} now; your work so far is saved first."));
                    dialog.cancelable = true;
                    // A settings file that fails to load is never overwritten.
                    if dialog.settings_path.as_deref().is_some_and(|p| crate::settings::Settings::load(p).is_err()) {
                        dialog.settings_path = None;
                    }
                    self.asking_name = Some(dialog);
                }
            }
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
                if let SaveStatus::Failed(why) = &self.save_status {
                    // Closing now would lose the changes: say so and stay open.
                    self.error = Some(format!("Tarmeez stays open: your changes could not be saved ({why})."));
                } else {
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
        }
    }

    /// Replaces the open project with the one at `dir`, keeping the current one if that fails.
    pub fn open_project(&mut self, dir: PathBuf) {
        let annotator = match (&self.project, &self.fallback_annotator) {
            (Some(p), _) => p.annotator().clone(),
            (None, Some(a)) => a.clone(),
            (None, None) => crate::default_annotator(),
        };
        self.open_project_as(dir, annotator);
    }

    /// Saves the open project, then opens the one at `dir` under `annotator`; if that fails the old one stays.
    fn open_project_as(&mut self, dir: PathBuf, annotator: crate::model::Annotator) {
        self.save_now();
        if self.project.as_ref().is_some_and(|p| p.has_unsaved_changes()) {
            self.error = Some("The open project could not be saved, so it stays open; see the status bar.".into());
            return;
        }
        // Close the old project first, releasing its lock: reopening the same folder under the same name
        // must not find it taken by ourselves. If the new one fails, the old one is opened again.
        let old = self.project.take().map(|p| (p.root().to_owned(), p.annotator().clone()));
        match Project::open(&dir, OpenOptions { annotator: annotator.clone(), read_only: false }) {
            Ok(project) => {
                let first = (!project.documents().is_empty()).then_some(0);
                self.project = Some(project);
                self.selected = None;
                self.highlights = None;
                self.events = EventsTable::default();
                self.search = SearchWindow::default();
                self.actors = ActorsWindow::default();
                self.schema_editor.reset();
                // Import and export windows were planned against the old project (or coder).
                self.stop_imports();
                self.import = None;
                self.import_annotations = None;
                // A running export writes from its own copy of the old project and may finish.
                if !self.export.as_ref().is_some_and(|w| w.busy()) {
                    self.export = None;
                }
                self.select(first);
            }
            Err(e) => {
                self.project = old
                    .and_then(|(root, who)| Project::open(root, OpenOptions { annotator: who, read_only: false }).ok());
                self.error = Some(format!("Could not open {}:\n{e}", dir.display()));
            }
        }
        self.fallback_annotator = Some(annotator);
    }

    /// Ends a document import in progress before another project (or coder) takes over the window: the
    /// documents imported so far stay in the project they went to, and the report says where it stopped.
    fn stop_imports(&mut self) {
        if let Some(window) = &mut self.import_documents {
            window.stop("another project was opened");
        }
    }

    /// The name dialog was answered: remember the name, then open the project under it.
    fn named(&mut self, annotator: crate::model::Annotator) {
        let Some(dialog) = self.asking_name.take() else { return };
        if let Some(path) = &dialog.settings_path {
            // A settings file that fails to load is never overwritten.
            let saved = crate::settings::Settings::load(path).and_then(|mut settings| {
                settings.annotator = Some(annotator.clone());
                settings.save(path)
            });
            if let Err(e) = saved {
                self.error = Some(format!("Your name is used for this session but could not be remembered: {e}"));
            }
        }
        self.open_project_as(dialog.project_dir, annotator);
    }

    /// The document shown in the article view.
    pub fn shown_document(&self) -> Option<&DocId> {
        Some(&self.project.as_ref()?.documents().get(self.selected?)?.id)
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
        self.current = None;
        self.view.layer = None;
        self.focus = None;
        self.picking = None;
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

/// Shows the window held in `slot`, if any, and returns what `body` returned. Its close button empties the
/// slot, except while `busy` says the window must stay (work in progress that it reports on).
fn tool_window<W, R>(
    ctx: &egui::Context,
    slot: &mut Option<W>,
    title: &str,
    size: [f32; 2],
    busy: impl Fn(&W) -> bool,
    body: impl FnOnce(&mut egui::Ui, &mut W) -> R,
) -> Option<R> {
    let window = slot.as_mut()?;
    let mut open = true;
    let mut frame = egui::Window::new(title).default_size(size);
    if !busy(window) {
        frame = frame.open(&mut open);
    }
    let result = frame.show(ctx, |ui| body(ui, window)).and_then(|r| r.inner);
    if !open {
        *slot = None;
    }
    result
}
