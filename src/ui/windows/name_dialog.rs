//! Asks who is coding, once: the name becomes the coder's annotation layer and is remembered in the user's
//! settings (see [`crate::settings`]).

use crate::identity;
use crate::model::Annotator;
use crate::tr;
use crate::ui::bidi_field::BidiTextEdit;
use eframe::egui;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The "who is coding?" dialog and what to do once it is answered.
pub struct NameDialog {
    /// The project to open under the name.
    pub project_dir: PathBuf,
    /// Where to remember the name; `None` when the settings file failed to load (it is never overwritten).
    pub settings_path: Option<PathBuf>,
    /// What the user typed.
    pub draft: String,
    /// Why the settings could not be read, shown in the dialog.
    pub note: Option<String>,
    /// The keyboard was put in the name field (once, so that the user can leave it).
    focused: bool,
    /// A coder is already working (Change coder): the dialog can be cancelled.
    pub cancelable: bool,
    /// The coders whose files the project already holds, with their number of documents: taking one of
    /// their names is asked about, since that coder's layers would become this one's.
    taken: BTreeMap<Annotator, usize>,
}

/// How the dialog was answered.
pub enum NameAnswer {
    /// Code under this name.
    Chosen(Annotator),
    /// Keep the current coder.
    Cancelled,
}

impl NameDialog {
    /// A dialog for opening `project_dir`, suggesting `suggestion` (see [`identity::proposed_name`]).
    pub fn new(project_dir: PathBuf, settings_path: Option<PathBuf>, suggestion: &str) -> Self {
        let taken = identity::coders_with_work(&project_dir);
        let draft = suggestion.to_owned();
        Self { project_dir, settings_path, draft, note: None, focused: false, cancelable: false, taken }
    }

    /// Changing coder: `current` is this person, so their own name is not someone else's.
    pub fn changing_from(mut self, current: &Annotator) -> Self {
        self.taken.remove(current);
        self.cancelable = true;
        self
    }

    /// The layer name the draft gives (names are made safe for file names).
    pub fn annotator(&self) -> Option<Annotator> {
        let a = Annotator::from_raw(self.draft.trim());
        (!a.as_str().is_empty()).then_some(a)
    }

    /// Draws the dialog; returns the answer once the user gives it.
    pub fn show(&mut self, ui: &mut egui::Ui) -> Option<NameAnswer> {
        let mut chosen = None;
        ui.vertical_centered(|ui| {
            ui.add_space(120.0);
            ui.heading(tr!(ui, "name-heading"));
            ui.label(tr!(ui, "name-why"));
            ui.label(tr!(ui, "name-remembered"));
            ui.add_space(8.0);
            let field =
                ui.add(BidiTextEdit::singleline(&mut self.draft).desired_width(240.0)).accessible_name("Your name");
            if !std::mem::replace(&mut self.focused, true) {
                field.request_focus();
            }
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            chosen = self.show_choice(ui, enter);
            if let Some(note) = &self.note {
                ui.colored_label(ui.visuals().warn_fg_color, note);
            }
            if self.cancelable && ui.button(tr!(ui, "button-cancel")).clicked() {
                chosen = Some(NameAnswer::Cancelled);
            }
        });
        chosen
    }

    /// What the draft gives (its layer, or why it cannot be taken) and the button that takes it.
    fn show_choice(&self, ui: &mut egui::Ui, enter: bool) -> Option<NameAnswer> {
        let warn = ui.visuals().warn_fg_color;
        let Some(a) = self.annotator() else {
            ui.colored_label(warn, tr!(ui, "name-empty"));
            return None;
        };
        if identity::is_placeholder(&self.draft) {
            ui.colored_label(warn, tr!(ui, "name-placeholder", name = a.to_string()));
            return None;
        }
        if a.is_gold() {
            ui.colored_label(warn, tr!(ui, "name-gold"));
            return None;
        }
        ui.weak(tr!(ui, "name-layer", name = a.to_string()));
        if let Some(documents) = self.taken.get(&a) {
            ui.colored_label(warn, tr!(ui, "name-taken", name = a.to_string(), count = *documents));
            // Enter does not take someone's name: the coder says so.
            return ui.button(tr!(ui, "name-is-me")).clicked().then_some(NameAnswer::Chosen(a));
        }
        (ui.button(tr!(ui, "name-start")).clicked() || enter).then_some(NameAnswer::Chosen(a))
    }
}
