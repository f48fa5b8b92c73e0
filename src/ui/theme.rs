//! The window's look in both themes (egui's dark and light, switched with View > Dark theme, Ctrl+T, and
//! following the system's at first): a calmer tooltip delay, and text colours that keep a readable contrast
//! on the backgrounds they are drawn on (WCAG: 4.5:1 for body text, 3:1 for secondary text).

use eframe::egui::{self, Theme};

/// Seconds the pointer rests still before a tooltip shows. egui's 0.5 s pops tooltips over the article's
/// next lines as soon as a coder pauses on a word to read.
pub const TOOLTIP_DELAY: f32 = 1.0;

/// Sets both themes' styles on `ctx` (once, at the first frame).
pub fn install(ctx: &egui::Context) {
    for theme in [Theme::Dark, Theme::Light] {
        ctx.style_mut_of(theme, |style| {
            style.interaction.tooltip_delay = TOOLTIP_DELAY;
            style.interaction.show_tooltips_only_when_still = true;
        });
    }
}
