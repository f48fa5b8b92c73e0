//! Widths that fit what a control holds: egui gives a drop-down a fixed 100 points and cuts a longer choice
//! ("Statement / c…"), and a field in a grid its column's first, narrowest width.

use eframe::egui;

/// The width of `text` on one line in `style`'s font.
pub fn text_width(ui: &egui::Ui, text: &str, style: egui::TextStyle) -> f32 {
    let font = style.resolve(ui.style());
    ui.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, egui::Color32::WHITE).size().x)
}

/// A drop-down's width that shows the longest of `choices` whole: at least egui's usual width, at most the
/// room left on the row (where the choice is then cut, the caller shows it whole on hover).
pub fn combo_width<'a>(ui: &egui::Ui, choices: impl IntoIterator<Item = &'a str>) -> f32 {
    let s = ui.spacing();
    let widest = choices.into_iter().map(|c| text_width(ui, c, egui::TextStyle::Button)).fold(0.0, f32::max);
    let width = widest + 2.0 * s.button_padding.x + s.icon_width + s.icon_spacing + s.item_spacing.x;
    width.max(s.combo_width).min(ui.available_width().max(s.combo_width))
}
