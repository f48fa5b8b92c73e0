//! Project-wide search: normalized, clitic-aware and typo-tolerant; each hit opens its document there.

use crate::store::Project;
use crate::ui::action::Action;
use crate::ui::bidi_field::BidiTextEdit;
use crate::ui::bidi_label::{LabelStyle, bidi_label, selectable_row_marked};
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use crate::workflow::{SearchHit, search_project};
use eframe::egui;

/// The search window's state.
#[derive(Default)]
pub struct SearchWindow {
    /// What the user typed.
    pub query: String,
    hits: Vec<SearchHit>,
    /// The query the hits are for.
    searched: Option<String>,
    /// A search asked for and not yet run, with the frame that asked: it runs at a later frame, once this one
    /// has been painted saying "searching…" in place of the previous search's count.
    pending: Option<(String, u64)>,
    focus_field: bool,
}

impl SearchWindow {
    /// Puts the keyboard in the search field at the next frame.
    pub fn focus(&mut self) {
        self.focus_field = true;
    }

    /// Runs the search (loading documents as needed).
    pub fn run(&mut self, project: &Project) {
        self.pending = None;
        self.hits = search_project(project, &self.query);
        self.searched = Some(self.query.clone());
    }

    /// What the line above the hits says, in `language` (logical order, for the bidi pass): how many there
    /// are, or that a search is under way.
    pub fn status(&self, language: crate::settings::Language) -> Option<String> {
        if let Some((query, _)) = &self.pending {
            return Some(crate::trl!(language, "search-running", query = crate::text::quote::quoted(query)));
        }
        let searched = self.searched.as_ref()?;
        let n = self.hits.len();
        Some(crate::trl!(language, "search-matches", count = n, query = crate::text::quote::quoted(searched)))
    }

    /// The hits of the last search.
    pub fn hits(&self) -> &[SearchHit] {
        &self.hits
    }

    /// Draws the window's contents; a search the user asks for runs at the next frame.
    fn draw(&mut self, ui: &mut egui::Ui, project: &Project, out: &mut Vec<Action>) {
        let mut go = false;
        ui.horizontal(|ui| {
            let field = ui
                .add(
                    BidiTextEdit::singleline(&mut self.query)
                        .hint_text(crate::tr!(ui, "search-hint"))
                        .desired_width(260.0),
                )
                .accessible_name("Search the project");
            if std::mem::take(&mut self.focus_field) {
                field.request_focus();
            }
            go = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            go |= ui.button(crate::tr!(ui, "search-button")).clicked();
        });
        if go && !self.query.trim().is_empty() {
            self.pending = Some((self.query.clone(), ui.ctx().cumulative_frame_nr()));
            ui.ctx().request_repaint();
        }
        ui.weak(crate::tr!(ui, "search-help"));
        if let Some(status) = self.status(crate::ui::i18n::language_of(ui)) {
            // The query may be Arabic: egui's own label would not order it right to left inside its «».
            let style = LabelStyle {
                size: egui::TextStyle::Body.resolve(ui.style()).size,
                color: ui.visuals().text_color(),
                single_line: false,
            };
            bidi_label(ui, &status, style, egui::Sense::hover());
        }
        // Only the visible hits are drawn: a common word can match thousands of times in a large project.
        let row_height =
            egui::TextStyle::Body.resolve(ui.style()).size * 1.45 * 2.0 + 2.0 * ui.spacing().button_padding.y;
        egui::ScrollArea::vertical().auto_shrink(false).show_rows(ui, row_height, self.hits.len(), |ui, range| {
            for hit in &self.hits[range] {
                let title = project.document(&hit.doc).map_or(hit.doc.as_str(), |d| d.title());
                let color = ui.visuals().text_color();
                let row = selectable_row_marked(ui, false, &hit.context, Some(hit.hit_in_context), Some(title), color);
                if row.clicked() {
                    out.push(Action::Jump { doc: hit.doc.clone(), span: hit.span, focus: None });
                }
            }
        });
    }
}

impl ToolWindow for SearchWindow {
    fn kind(&self) -> &'static str {
        "search"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-search").into()
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(520.0, 420.0)
    }

    fn scrolls(&self) -> bool {
        false // the hits scroll, drawing only those in view
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        // A search asked for in an earlier frame runs now, that frame having shown "searching…": a search of
        // a large project takes a moment, and the old count must not stand for the new query meanwhile. (Not
        // in a later pass of the same frame, which egui may run before painting anything.)
        if self.pending.as_ref().is_some_and(|(_, frame)| *frame < ui.ctx().cumulative_frame_nr()) {
            self.run(session.project());
        }
        self.draw(ui, session.project(), out);
    }
}
