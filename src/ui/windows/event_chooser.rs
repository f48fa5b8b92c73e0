//! The event-type chooser (E): the schema's event types for the selected trigger.

use super::ToolWindow;
use crate::ui::action::Action;
use crate::ui::session::Session;
use eframe::egui;

/// The chooser's kind, so that making an event closes it.
pub const KIND: &str = "new-event";

/// Chooses the event type of the selected trigger.
pub struct EventChooser;

impl ToolWindow for EventChooser {
    fn kind(&self) -> &'static str {
        KIND
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-new-event").into()
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(240.0, 200.0)
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        if session.article.selection().is_none() {
            ui.label(crate::tr!(ui, "chooser-select-first"));
            return;
        }
        ui.label(crate::tr!(ui, "chooser-type"));
        let language = crate::ui::i18n::language_of(ui);
        for t in &session.project().config().schema.event_types {
            let key = t.key.map(|k| format!("{k}  ")).unwrap_or_default();
            let name = crate::ui::i18n::event_name(t, language);
            if ui.button(crate::ui::i18n::shown(language, &format!("{key}{name}"))).clicked() {
                out.push(Action::MakeEvent(t.id.clone()));
            }
        }
    }
}
