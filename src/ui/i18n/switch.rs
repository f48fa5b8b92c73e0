//! View > Language: the app's language changes at once and is written to the user's settings.

use super::Language;
use crate::settings::Settings;
use crate::ui::TarmeezApp;
use eframe::egui;

impl TarmeezApp {
    /// Shows the interface in `language` from this frame on, and remembers it in the settings (a settings
    /// file that failed to load is left as it is: the choice then lasts this session).
    pub(in crate::ui) fn set_language(&mut self, language: Language, ctx: &egui::Context) {
        self.language = language;
        super::set_language(ctx, language);
        if let Some(path) = &self.start.settings_path
            && let Err(e) = Settings::remember_language(path, language)
        {
            self.message = Some(e.to_string());
        }
        ctx.request_repaint();
    }

    /// The interface's language.
    pub fn language(&self) -> Language {
        self.language
    }
}
