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

    fn title(&self) -> String {
        "New event".into()
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(240.0, 200.0)
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        if session.article.selection().is_none() {
            ui.label("Select the trigger word first.");
            return;
        }
        ui.label("Event type of the selected trigger:");
        for t in &session.project().config().schema.event_types {
            let key = t.key.map(|k| format!("{k}  ")).unwrap_or_default();
            if ui.button(format!("{key}{}", t.name)).clicked() {
                out.push(Action::MakeEvent(t.id.clone()));
            }
        }
    }
}
