//! Tool windows: one shape ([`ToolWindow`]) and one set of open windows ([`WindowSet`]) that gives them all the
//! same habits: Escape closes the topmost one, a window busy with work stays until the work is done, long
//! bodies scroll, and a window opens beside the article's text column when the screen has room there.
//!
//! Adding a window is one new file implementing [`ToolWindow`] plus the line that opens it (a command in
//! `ui/run.rs`, or an [`Action::Open`] pushed by a panel).

pub mod actors;
pub mod agreement;
pub mod agreement_relations;
pub mod event_chooser;
pub mod events_table;
pub mod export;
pub mod import_annotations;
pub mod import_documents;
pub mod import_suggestions;
pub mod name_dialog;
pub mod problems;
pub mod progress;
pub mod review_stats;
pub mod schema_editor;
pub mod search;
pub mod shortcuts;
// Sharing through git (src/sync/).
pub mod share;
// File > Add text files (the newcomer's path).
pub mod import_text;
// Issue 17: the labels of an imported file that the schema lacks, mapped or added.
pub mod type_choices;
// Issue 18: model sources and asking them.
pub mod model_asking;
pub mod model_source_form;
pub mod model_sources;
// Issue 18: Model > Learner.
pub mod learner;
// Issue 19: the events on a map.
pub mod event_map;
// Issue 19: the place registry.
pub mod places;

pub use actors::ActorsWindow;
pub use events_table::EventsTable;
pub use name_dialog::NameDialog;
pub use schema_editor::SchemaEditor;
pub use search::SearchWindow;

use super::action::Action;
use super::session::Session;
use crate::store::Project;
use eframe::egui;
use std::any::Any;

/// The shape every tool window has: a title, a body drawn from the session that asks for changes only by
/// pushing actions, and whether work in progress keeps it open.
pub trait ToolWindow: Any {
    /// The window's kind: its egui id, and what makes opening the same kind again bring the open one forward.
    fn kind(&self) -> &'static str;
    /// The title bar's text.
    fn title(&self, language: crate::settings::Language) -> String;
    /// Its size when it first opens.
    fn default_size(&self) -> egui::Vec2;
    /// The narrowest it is still useful at: it opens beside the article only when that much room is free.
    fn min_width(&self) -> f32 {
        300.0
    }
    /// Whether work in progress keeps it open (its own Cancel button stops the work).
    fn busy(&self) -> bool {
        false
    }
    /// Whether the frame scrolls the body; windows whose long lists scroll themselves say no.
    fn scrolls(&self) -> bool {
        true
    }
    /// Draws the body from the session, pushing what the coder asks for.
    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>);
    /// Work done after the frame that needs the project itself (a document import adding its next records).
    fn work(&mut self, _project: &mut Project, _out: &mut Vec<Action>) {}
    /// The project the window was opened on is closing: whether the window stays, to report on work that
    /// outlives the project. Most windows belong to their project and close with it.
    fn keep_after_project(&mut self) -> bool {
        false
    }
}

/// The open tool windows, back to front.
#[derive(Default)]
pub struct WindowSet {
    open: Vec<Box<dyn ToolWindow>>,
}

impl WindowSet {
    /// Opens `window`, or, when one of its kind is open and busy, brings that one forward instead.
    pub fn open(&mut self, window: Box<dyn ToolWindow>) {
        match self.position(window.kind()) {
            Some(i) if self.open[i].busy() => self.raise(i),
            Some(i) => {
                self.open.remove(i);
                self.open.push(window);
            }
            None => self.open.push(window),
        }
    }

    /// Opens the window `make` builds, or closes the open one of the same kind (a toggling command).
    pub fn toggle(&mut self, make: impl FnOnce() -> Box<dyn ToolWindow>) {
        let window = make();
        match self.position(window.kind()) {
            Some(i) if !self.open[i].busy() => {
                self.open.remove(i);
            }
            Some(i) => self.raise(i),
            None => self.open.push(window),
        }
    }

    /// The open window of type `W`, if any.
    pub fn get_mut<W: ToolWindow>(&mut self) -> Option<&mut W> {
        self.open.iter_mut().find_map(|w| (w.as_mut() as &mut dyn Any).downcast_mut::<W>())
    }

    /// The open window of type `W`, if any.
    pub fn get<W: ToolWindow>(&self) -> Option<&W> {
        self.open.iter().find_map(|w| (w.as_ref() as &dyn Any).downcast_ref::<W>())
    }

    /// Whether a window of this kind is open.
    pub fn is_open(&self, kind: &str) -> bool {
        self.position(kind).is_some()
    }

    /// Closes the window of this kind, unless work keeps it open.
    pub fn close(&mut self, kind: &str) {
        if let Some(i) = self.position(kind).filter(|&i| !self.open[i].busy()) {
            self.open.remove(i);
        }
    }

    /// Closes the topmost window that may close (Escape); returns whether one was closed.
    pub fn close_topmost(&mut self, ctx: &egui::Context) -> bool {
        self.follow_raises(ctx);
        match self.open.iter().rposition(|w| !w.busy()) {
            Some(i) => {
                self.open.remove(i);
                true
            }
            None => false,
        }
    }

    /// The windows that stay after their project closes (each is asked); the others are dropped.
    pub fn keep_after_project(self) -> WindowSet {
        WindowSet { open: self.open.into_iter().filter_map(|mut w| w.keep_after_project().then_some(w)).collect() }
    }

    /// Adds windows kept from another project's session behind these.
    pub fn adopt(&mut self, kept: WindowSet) {
        let mine = std::mem::replace(&mut self.open, kept.open);
        self.open.extend(mine);
    }

    /// Lets each window do the work it does with the project after the frame.
    pub fn work(&mut self, project: &mut Project, out: &mut Vec<Action>) {
        for window in &mut self.open {
            window.work(project, out);
        }
    }

    /// Draws every open window. `article` is the article's text column, which windows avoid when the screen
    /// has room beside it.
    pub fn show(&mut self, ctx: &egui::Context, session: &Session, article: egui::Rect, out: &mut Vec<Action>) {
        let screen = ctx.content_rect();
        let mut closed = Vec::new();
        for (i, window) in self.open.iter_mut().enumerate() {
            let kind = window.kind();
            let size = window.default_size();
            let mut open = true;
            let language = crate::ui::i18n::language_of(ctx);
            let mut frame = egui::Window::new(window.title(language))
                .id(egui::Id::unique(kind))
                .default_size(size)
                .max_height(screen.height() - 60.0)
                .vscroll(window.scrolls());
            // The free side holds one window: others opened meanwhile go where egui finds room.
            if let Some(rect) = beside(screen, article, size, window.min_width()).filter(|_| i == 0) {
                frame = frame.default_rect(rect);
            }
            if !window.busy() {
                frame = frame.open(&mut open);
            }
            frame.show(ctx, |ui| window.show(ui, session, out));
            if !open {
                closed.push(kind);
            }
        }
        self.open.retain(|w| !closed.contains(&w.kind()));
        self.follow_raises(ctx);
    }

    fn position(&self, kind: &str) -> Option<usize> {
        self.open.iter().position(|w| w.kind() == kind)
    }

    fn raise(&mut self, i: usize) {
        let window = self.open.remove(i);
        self.open.push(window);
    }

    /// Keeps the list in egui's order: a window the coder clicked is on top of the others.
    fn follow_raises(&mut self, ctx: &egui::Context) {
        let top = ctx.memory(|m| m.areas().top_layer_id(egui::Order::Middle));
        if let Some(i) = self.open.iter().position(|w| top.is_some_and(|t| t.id == egui::Id::unique(w.kind()))) {
            self.raise(i);
        }
    }
}

/// Where a window of `size` opens so that it leaves the article column free: the wider free side of the screen
/// when the window fits there at least `min_width` wide (narrowed to the side if need be), else `None`
/// (egui's default place).
fn beside(screen: egui::Rect, article: egui::Rect, size: egui::Vec2, min_width: f32) -> Option<egui::Rect> {
    const MARGIN: f32 = 8.0;
    let right = screen.right() - article.right() - 2.0 * MARGIN;
    let left = article.left() - screen.left() - 2.0 * MARGIN;
    let room = right.max(left);
    if room < min_width.min(size.x) {
        return None;
    }
    let width = size.x.min(room);
    let x = if right >= left { screen.right() - MARGIN - width } else { screen.left() + MARGIN };
    let top = article.top().max(screen.top() + 30.0);
    let height = size.y.min(screen.bottom() - top - MARGIN);
    Some(egui::Rect::from_min_size(egui::pos2(x, top), egui::vec2(width, height)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A window that does nothing but say whether it is busy.
    struct Dummy(&'static str, bool);

    impl ToolWindow for Dummy {
        fn kind(&self) -> &'static str {
            self.0
        }
        fn title(&self, _: crate::settings::Language) -> String {
            self.0.into()
        }
        fn default_size(&self) -> egui::Vec2 {
            egui::vec2(100.0, 100.0)
        }
        fn busy(&self) -> bool {
            self.1
        }
        fn show(&mut self, _: &mut egui::Ui, _: &Session, _: &mut Vec<Action>) {}
        fn keep_after_project(&mut self) -> bool {
            self.1
        }
    }

    fn kinds(set: &WindowSet) -> Vec<&'static str> {
        set.open.iter().map(|w| w.kind()).collect()
    }

    #[test]
    fn opening_a_kind_again_replaces_it_unless_it_is_busy() {
        let mut set = WindowSet::default();
        set.open(Box::new(Dummy("a", false)));
        set.open(Box::new(Dummy("b", true)));
        set.open(Box::new(Dummy("a", false)));
        assert_eq!(kinds(&set), ["b", "a"], "one window per kind, the newest on top");
        set.open(Box::new(Dummy("b", false)));
        assert_eq!(kinds(&set), ["a", "b"], "a busy window is brought forward, not replaced");
        assert!(set.get::<Dummy>().is_some_and(|d| d.0 == "a"));
        set.toggle(|| Box::new(Dummy("a", false)));
        assert_eq!(kinds(&set), ["b"], "toggling closes an open window");
        set.toggle(|| Box::new(Dummy("b", false)));
        assert_eq!(kinds(&set), ["b"], "but not a busy one");
    }

    #[test]
    fn escape_closes_the_topmost_window_that_may_close() {
        let ctx = egui::Context::default();
        let mut set = WindowSet::default();
        set.open(Box::new(Dummy("a", false)));
        set.open(Box::new(Dummy("b", false)));
        set.open(Box::new(Dummy("busy", true)));
        assert!(set.close_topmost(&ctx));
        assert_eq!(kinds(&set), ["a", "busy"]);
        assert!(set.close_topmost(&ctx));
        assert!(!set.close_topmost(&ctx), "a busy window stays");
        assert_eq!(kinds(&set), ["busy"]);
    }

    #[test]
    fn only_windows_reporting_on_work_outlive_their_project() {
        let mut set = WindowSet::default();
        set.open(Box::new(Dummy("idle", false)));
        set.open(Box::new(Dummy("busy", true)));
        let mut next = WindowSet::default();
        next.open(Box::new(Dummy("new", false)));
        next.adopt(set.keep_after_project());
        assert_eq!(kinds(&next), ["busy", "new"]);
    }

    #[test]
    fn windows_open_beside_the_article_when_there_is_room() {
        let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1400.0, 1000.0));
        let article = egui::Rect::from_min_max(egui::pos2(280.0, 30.0), egui::pos2(1060.0, 980.0));
        let rect = beside(screen, article, egui::vec2(520.0, 420.0), 300.0).unwrap();
        assert!(rect.left() >= article.right(), "{rect:?}");
        assert!(rect.right() <= screen.right());
        assert_eq!(rect.width(), 1400.0 - 1060.0 - 16.0, "narrowed to the free side");
        // A screen with no room beside the article leaves the placement to egui.
        let wide = egui::Rect::from_min_max(egui::pos2(150.0, 30.0), egui::pos2(1300.0, 980.0));
        assert_eq!(beside(screen, wide, egui::vec2(520.0, 420.0), 300.0), None);
        // Nor does a window that is useless narrower than the free side (a wide table).
        assert_eq!(beside(screen, article, egui::vec2(1180.0, 320.0), 900.0), None);
    }
}
