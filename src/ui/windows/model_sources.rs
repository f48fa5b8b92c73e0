//! Model > Sources: the project's model sources (a server's kind, address, timeout, prompt and labels, in
//! `project.ron` for the whole team), checking that a server answers, and asking it about the shown
//! document, chosen documents or all of them, with progress, cancel and what each answer became.

use super::ToolWindow;
use super::model_source_form::{self, Draft};
use crate::model::{DocId, ProjectEdit, SourceName};
use crate::models::{self, AskError};
use crate::tr;
use crate::ui::action::Action;
use crate::ui::session::Session;
use eframe::egui;
use std::collections::BTreeSet;
use std::sync::mpsc::{Receiver, channel};

/// Which documents the Ask button asks about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AskScope {
    /// The document shown in the article view.
    #[default]
    Shown,
    /// The documents ticked in the window's list.
    Chosen,
    /// Every document of the project.
    All,
}

/// The window's state.
#[derive(Default)]
pub struct ModelSourcesWindow {
    /// The source being edited.
    draft: Option<Draft>,
    /// Why the last save was refused.
    refused: Option<String>,
    /// A server check on its thread, and what the last one said.
    checking: Option<Receiver<Result<String, AskError>>>,
    checked: Option<Result<String, String>>,
    /// Which documents to ask about.
    pub scope: AskScope,
    /// The documents ticked for [`AskScope::Chosen`].
    pub chosen: BTreeSet<DocId>,
}

impl ToolWindow for ModelSourcesWindow {
    fn kind(&self) -> &'static str {
        "model-sources"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-model-sources").into()
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(560.0, 620.0)
    }

    fn min_width(&self) -> f32 {
        460.0
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        self.take_check();
        self.source_list(ui, session);
        if let Some(draft) = &mut self.draft {
            ui.separator();
            model_source_form::show(ui, draft, &session.project().config().schema);
            self.buttons(ui, session, out);
        }
        ui.separator();
        self.ask(ui, session, out);
        super::model_asking::show_run(ui, session, out);
    }
}

impl ModelSourcesWindow {
    /// The sources as buttons to edit, the one the Model menu asks marked, and New source.
    fn source_list(&mut self, ui: &mut egui::Ui, session: &Session) {
        let sources = &session.project().config().sources;
        let asked = session.ask_source();
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!(ui, "sources-list"));
            for (name, config) in sources {
                let editing = self.draft.as_ref().and_then(|d| d.saved_as.as_ref()) == Some(name);
                let mark = if asked.as_ref() == Some(name) { " ★" } else { "" };
                let text = format!("{name}{mark}");
                let button = ui.selectable_label(editing, text);
                let button =
                    if config.server.is_some() { button } else { button.on_hover_text(tr!(ui, "sources-files-only")) };
                if button.clicked() {
                    self.draft = Some(Draft::of(name, config));
                    (self.refused, self.checked) = (None, None);
                }
            }
            if ui.button(tr!(ui, "sources-new")).clicked() {
                self.draft = Some(Draft::new_source());
                (self.refused, self.checked) = (None, None);
            }
        });
        if sources.values().all(|c| c.server.is_none()) && self.draft.is_none() {
            ui.label(tr!(ui, "sources-none"));
        }
    }

    /// Save, Remove, Check, and what they said.
    fn buttons(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        let Some(draft) = self.draft.clone() else { return };
        let sources = &session.project().config().sources;
        let saved = draft.saved_as.as_ref().and_then(|n| sources.get(n));
        let unchanged = saved.is_some_and(|c| draft.saved_as.as_ref().is_some_and(|n| Draft::of(n, c) == draft));
        ui.horizontal(|ui| {
            if ui.add_enabled(!unchanged, egui::Button::new(tr!(ui, "sources-save"))).clicked() {
                match draft.save(sources) {
                    Ok(edit) => {
                        self.refused = None;
                        if let ProjectEdit::SetSource(name, _) = &edit {
                            let mut saved = draft.clone();
                            saved.saved_as = Some(name.clone());
                            self.draft = Some(saved);
                        }
                        out.push(Action::Project(edit));
                    }
                    Err(why) => self.refused = Some(why),
                }
            }
            if let Some(name) = draft.saved_as.clone()
                && ui.button(tr!(ui, "sources-remove")).on_hover_text(tr!(ui, "sources-remove-help")).clicked()
            {
                out.push(Action::Project(ProjectEdit::SetSource(name, None)));
                self.draft = None;
                return;
            }
            let idle = self.checking.is_none();
            if ui.add_enabled(idle, egui::Button::new(tr!(ui, "sources-check"))).clicked() {
                self.start_check(session, ui.ctx());
            }
            if !idle {
                ui.spinner();
            }
        });
        if let Some(why) = &self.refused {
            ui.colored_label(ui.visuals().error_fg_color, why.as_str());
        }
        match &self.checked {
            Some(Ok(said)) => {
                ui.label(said.as_str());
            }
            Some(Err(why)) => {
                ui.colored_label(ui.visuals().error_fg_color, why.as_str());
            }
            None => {}
        }
    }

    /// Checks the draft's server (as typed, saved or not) on a thread.
    fn start_check(&mut self, session: &Session, ctx: &egui::Context) {
        let Some(draft) = &self.draft else { return };
        let config = crate::model::SourceConfig {
            labels: draft.labels.iter().cloned().collect(),
            server: Some(draft.server.clone()),
        };
        let name = SourceName::parse(draft.name.trim()).unwrap_or_else(|_| SourceName::parse("new").expect("a name"));
        let (send, answer) = channel();
        let schema = session.project().config().schema.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let said = models::connect(&name, &config, &schema).and_then(|p| p.check());
            let _ = send.send(said);
            ctx.request_repaint();
        });
        self.checking = Some(answer);
        self.checked = None;
    }

    fn take_check(&mut self) {
        let Some(answer) = &self.checking else { return };
        match answer.try_recv() {
            Ok(said) => {
                self.checked = Some(said.map_err(|e| e.to_string()));
                self.checking = None;
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {}
            Err(std::sync::mpsc::TryRecvError::Disconnected) => self.checking = None,
        }
    }

    /// Which source the Model menu asks, about what, and the Ask button.
    fn ask(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        // Without a source that has a server there is nothing to ask (the list above says how to add one).
        let Some(source) = session.ask_source() else { return };
        let servers: Vec<SourceName> = session
            .project()
            .config()
            .sources
            .iter()
            .filter(|(_, c)| c.server.is_some())
            .map(|(n, _)| n.clone())
            .collect();
        let mut chosen = source.clone();
        let mut on_open = session.ask_on_open_enabled();
        ui.horizontal(|ui| {
            let label = ui.label(tr!(ui, "sources-ask-source"));
            egui::ComboBox::from_id_salt("ask-source")
                .selected_text(chosen.to_string())
                .show_ui(ui, |ui| {
                    for s in &servers {
                        ui.selectable_value(&mut chosen, s.clone(), s.to_string());
                    }
                })
                .response
                .labelled_by(label.id);
        });
        ui.checkbox(&mut on_open, tr!(ui, "sources-ask-on-open"));
        if chosen != source || on_open != session.ask_on_open_enabled() {
            out.push(Action::AskSettings(Some(chosen.clone()), on_open));
        }
        ui.horizontal(|ui| {
            ui.radio_value(&mut self.scope, AskScope::Shown, tr!(ui, "sources-scope-shown"));
            ui.radio_value(&mut self.scope, AskScope::Chosen, tr!(ui, "sources-scope-chosen"));
            ui.radio_value(&mut self.scope, AskScope::All, tr!(ui, "sources-scope-all"));
        });
        if self.scope == AskScope::Chosen {
            self.doc_choice(ui, session);
        }
        let docs: Vec<DocId> = match self.scope {
            AskScope::Shown => session.shown().cloned().into_iter().collect(),
            AskScope::Chosen => self.chosen.iter().cloned().collect(),
            AskScope::All => session.project().documents().iter().map(|d| d.id.clone()).collect(),
        };
        let running = session.asking.run.as_ref().is_some_and(|r| r.running());
        // One run at a time: its own Cancel (below, with its progress) stops it first.
        let ask = egui::Button::new(tr!(ui, "sources-ask", count = docs.len()));
        if ui.add_enabled(!docs.is_empty() && !running, ask).clicked() {
            out.push(Action::Ask(chosen.clone(), docs));
        }
    }

    /// The documents to tick for asking.
    fn doc_choice(&mut self, ui: &mut egui::Ui, session: &Session) {
        ui.horizontal(|ui| {
            if ui.small_button(tr!(ui, "sources-choose-all")).clicked() {
                self.chosen = session.project().documents().iter().map(|d| d.id.clone()).collect();
            }
            if ui.small_button(tr!(ui, "sources-choose-none")).clicked() {
                self.chosen.clear();
            }
        });
        egui::ScrollArea::vertical().id_salt("ask-docs").max_height(140.0).show(ui, |ui| {
            for d in session.project().documents() {
                let mut on = self.chosen.contains(&d.id);
                if ui.checkbox(&mut on, d.id.as_str()).changed() {
                    if on {
                        self.chosen.insert(d.id.clone());
                    } else {
                        self.chosen.remove(&d.id);
                    }
                }
            }
        });
    }
}
