//! The interface's languages: every string the window shows goes through [`tr!`] (or [`trl!`]), which looks its
//! id up in the language's Fluent file (`assets/i18n/en.ftl`, `assets/i18n/ar.ftl`, embedded) and, in Arabic,
//! puts the line into the visual order egui draws (`visual.rs`: egui shapes Arabic words but has no bidi).
//!
//! The language in use lives in the egui context (set once a frame by the app), not in a global: two windows
//! (or two tests) may show two languages at once.

mod catalog;
mod names;
mod switch;
mod visual;

pub use crate::settings::Language;
pub use catalog::{MessageArg, format, format_static};
pub use names::{entity_name, event_name, role_name};
pub use visual::visual;

use eframe::egui;

/// The context data's key for the language in use.
fn key() -> egui::Id {
    egui::Id::unique("tarmeez-interface-language")
}

/// Sets the language the window shows from this frame on.
pub fn set_language(ctx: &egui::Context, language: Language) {
    ctx.data_mut(|d| d.insert_temp(key(), language));
}

/// Anything that knows the language in use: a `Ui`, a `Context`, or a `Language` itself.
pub trait LangOf {
    /// The language in use.
    fn language(&self) -> Language;
}

impl LangOf for Language {
    fn language(&self) -> Language {
        *self
    }
}

impl LangOf for egui::Context {
    fn language(&self) -> Language {
        self.data(|d| d.get_temp(key())).unwrap_or_default()
    }
}

impl LangOf for egui::Ui {
    fn language(&self) -> Language {
        self.ctx().language()
    }
}

impl<T: LangOf + ?Sized> LangOf for &T {
    fn language(&self) -> Language {
        (**self).language()
    }
}

impl<T: LangOf + ?Sized> LangOf for &mut T {
    fn language(&self) -> Language {
        (**self).language()
    }
}

/// The language of `x` (a `Ui`, a `Context` or a `Language`), for the macros.
pub fn language_of<T: LangOf + ?Sized>(x: &T) -> Language {
    x.language()
}

/// The message `id` in the language of the first argument (a `Ui`, a `Context` or a `Language`), ready for
/// an egui widget (in Arabic, in visual order). Without arguments a `&'static str`; with `name = value`
/// arguments a `String` (numbers choose the plural form: Arabic has six).
#[macro_export]
macro_rules! tr {
    ($lang:expr, $id:literal) => {
        $crate::ui::i18n::format_static($crate::ui::i18n::language_of(&$lang), $id, true)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::ui::i18n::format(
            $crate::ui::i18n::language_of(&$lang),
            $id,
            &[$((stringify!($name), $crate::ui::i18n::MessageArg::from($value))),+],
            true,
        )
    };
}

/// Like [`tr!`] but in logical order, for text drawn with the bidi pass (`bidi_label`) or kept as a message;
/// document text in arguments is isolated (U+2068 ... U+2069) in Arabic.
#[macro_export]
macro_rules! trl {
    ($lang:expr, $id:literal) => {
        $crate::ui::i18n::format_static($crate::ui::i18n::language_of(&$lang), $id, false)
    };
    ($lang:expr, $id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::ui::i18n::format(
            $crate::ui::i18n::language_of(&$lang),
            $id,
            &[$((stringify!($name), $crate::ui::i18n::MessageArg::from($value))),+],
            false,
        )
    };
}

/// `text` (logical order) as egui should get it in `language`: in Arabic in visual order.
pub fn shown(language: Language, text: &str) -> std::borrow::Cow<'_, str> {
    if language.is_rtl() { std::borrow::Cow::Owned(visual(text)) } else { std::borrow::Cow::Borrowed(text) }
}

/// A row (as `ui.horizontal`) laid out in the language's reading direction: from the right edge in Arabic.
pub fn row<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> egui::InnerResponse<R> {
    if !ui.language().is_rtl() {
        return ui.horizontal(add);
    }
    // One row high, as `horizontal` is: a right-to-left layout would otherwise centre in the whole height.
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, egui::Layout::right_to_left(egui::Align::Center), add)
}

/// A wrapping row (as `ui.horizontal_wrapped`) in the language's reading direction.
pub fn wrapped_row<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> egui::InnerResponse<R> {
    if !ui.language().is_rtl() {
        return ui.horizontal_wrapped(add);
    }
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, egui::Layout::right_to_left(egui::Align::Center).with_main_wrap(true), add)
}

/// A label on a line of its own, at the right edge in Arabic. (Panels keep egui's left-aligned top-down
/// layout: under a right-aligned one, a row's child has no left edge and a widget taking the available width
/// gets an infinite one, which egui panics on.)
pub fn line(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    if !ui.language().is_rtl() {
        return ui.label(text);
    }
    // A column of the panel's width, right-aligned: the label wraps in it as an ordinary one does.
    let size = egui::vec2(ui.available_width(), 0.0);
    ui.allocate_ui_with_layout(size, egui::Layout::top_down(egui::Align::Max), |ui| ui.label(text)).inner
}

#[cfg(test)]
mod tests;
