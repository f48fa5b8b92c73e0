//! The keyboard shortcuts window (F1), generated from [`crate::ui::Command`].

use super::ToolWindow;
use crate::ui::action::Action;
use crate::ui::panels;
use crate::ui::session::Session;
use eframe::egui;

/// Every command with its shortcut and what it does.
pub struct ShortcutsWindow;

impl ToolWindow for ShortcutsWindow {
    fn kind(&self) -> &'static str {
        "shortcuts"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-keyboard-shortcuts").into()
    }

    fn min_width(&self) -> f32 {
        900.0 // keys, names and what each does, on one row
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(640.0, 600.0)
    }

    fn show(&mut self, ui: &mut egui::Ui, _session: &Session, _out: &mut Vec<Action>) {
        panels::shortcuts(ui);
    }
}
