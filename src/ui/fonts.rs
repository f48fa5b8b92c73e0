//! Fonts of the user interface: egui's defaults for the chrome, Noto Sans and Noto Naskh Arabic as
//! fallbacks so that Arabic titles and names show with real glyphs. Embedded, so the binary runs anywhere.

use eframe::egui::{self, FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

// The same bytes the article's layout uses: included once.
use crate::text::fonts::{NASKH_ARABIC, NOTO_SANS};

/// Adds the project's fonts to `ctx`.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert("noto-naskh-arabic".into(), Arc::new(FontData::from_static(NASKH_ARABIC)));
    fonts.font_data.insert("noto-sans".into(), Arc::new(FontData::from_static(NOTO_SANS)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        list.push("noto-sans".into());
        list.push("noto-naskh-arabic".into());
    }
    ctx.set_fonts(fonts);
}
