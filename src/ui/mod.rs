//! The egui user interface: a thin layer over the core. Keys, menus, panels and windows push [`Action`]s;
//! the app runs them in one place (`run.rs`) against the open [`Session`].

pub mod action;
pub mod app;
pub mod article_view;
pub mod bidi_label;
// The text field of every place a user types, with bidi (the article's layout engine).
pub mod bidi_field;
mod command;
pub mod dialogs;
// Widths of drop-downs and fields that fit what they hold.
pub mod fit;
pub(crate) mod fonts;
// How wide the side panels may be beside the article.
mod panel_layout;
pub mod panels;
mod run;
pub mod session;
// Tooltip delay and text colours of both themes.
pub mod theme;
// Sharing through git: the sync button's state (src/sync/).
pub mod sync_state;
pub mod windows;
// The newcomer's path: File > New project, the file dialog and the welcome screen's lists.
pub mod new_project;
pub mod start;
// The interface's languages: one Fluent file per language, the visual order of Arabic lines, the mirrored
// layout's helpers and the schema's Arabic names.
pub mod i18n;

pub use action::Action;
pub use app::TarmeezApp;
pub use command::Command;
pub use session::{SaveStatus, Session};

/// Opens the main window with `app`, until the user closes it.
pub fn run(app: TarmeezApp) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: eframe::egui::ViewportBuilder::default()
            .with_title("Tarmeez")
            .with_inner_size([1280.0, 860.0])
            .with_min_inner_size([640.0, 400.0]),
        ..Default::default()
    };
    eframe::run_native("Tarmeez", options, Box::new(move |_cc| Ok(Box::new(app))))
}
