//! The problems window: every problem found in the project's files, with file, line and column.

use super::ToolWindow;
use crate::ui::action::Action;
use crate::ui::panels;
use crate::ui::session::Session;
use eframe::egui;

/// The problems window (Ctrl+P; Ctrl+R checks every document first).
pub struct ProblemsWindow;

impl ToolWindow for ProblemsWindow {
    fn kind(&self) -> &'static str {
        "problems"
    }

    fn title(&self) -> String {
        "Problems".into()
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(600.0, 400.0)
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        panels::problems(ui, session.project(), out);
    }
}
