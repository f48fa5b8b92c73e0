//! Fonts of the user interface: egui's defaults for the chrome, then Noto Sans, Noto Naskh Arabic, Noto Sans
//! Hebrew and the whole Noto Emoji as fallbacks, so that Arabic and Hebrew titles and names and emoji show
//! with real glyphs. Embedded, so the binary runs anywhere. (egui has no system-font fallback: a script none
//! of these has shows as boxes here, while the article, laid out by parley, takes it from the system.)

use eframe::egui::{self, FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

// The same bytes the article's layout uses: included once.
use crate::text::fonts::{NASKH_ARABIC, NOTO_EMOJI, NOTO_SANS, NOTO_SANS_HEBREW};

/// Adds the project's fonts to `ctx`.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert("noto-naskh-arabic".into(), Arc::new(FontData::from_static(NASKH_ARABIC)));
    fonts.font_data.insert("noto-sans".into(), Arc::new(FontData::from_static(NOTO_SANS)));
    fonts.font_data.insert("noto-sans-hebrew".into(), Arc::new(FontData::from_static(NOTO_SANS_HEBREW)));
    fonts.font_data.insert("noto-emoji-whole".into(), Arc::new(FontData::from_static(NOTO_EMOJI)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        for name in ["noto-sans", "noto-naskh-arabic", "noto-sans-hebrew", "noto-emoji-whole"] {
            list.push(name.into());
        }
    }
    ctx.set_fonts(fonts);
}
