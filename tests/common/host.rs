//! The article view alone, outside the app, in a kittest harness: a text and its highlights, each span
//! described by its key (so that a tooltip names what it describes).

use eframe::egui::Vec2;
use egui_kittest::Harness;
use std::sync::Arc;
use tarmeez::model::{Direction, DocText};
use tarmeez::text::scene::{HighlightKey, HighlightSet};
use tarmeez::ui::article_view::{ArticleInput, ArticleView};

/// What the harness holds: the view and what it shows.
pub struct Host {
    /// The article view under test.
    pub view: ArticleView,
    /// The text shown.
    pub text: Arc<DocText>,
    /// Its highlights.
    pub highlights: HighlightSet,
}

/// A harness of `size` showing `text` with `highlights`; each span is described as "described <key>".
pub fn article_harness(text: Arc<DocText>, highlights: HighlightSet, size: impl Into<Vec2>) -> Harness<'static, Host> {
    let host = Host { view: ArticleView::default(), text, highlights };
    Harness::builder().with_size(size).build_ui_state(
        |ui, host: &mut Host| {
            let describe = |key: &HighlightKey| vec![format!("described {key:?}")];
            let input = ArticleInput {
                text: &host.text,
                direction: Direction::Auto,
                highlights: &host.highlights,
                describe: &describe,
            };
            host.view.show(ui, &input);
        },
        host,
    )
}
