//! The article view: a document laid out right to left (or left to right) with parley, drawn from a glyph
//! atlas, with annotation highlights, hover details, mouse and keyboard selection, and zoom.

mod atlas;
mod layout_cache;
pub mod paint;

use super::bidi_label::{LabelStyle, bidi_label};
use crate::model::{Direction, DocText, Span};
use crate::text::boundaries::{Snap, snap_range, word_at};
use crate::text::scene::{HighlightKey, HighlightSet, SceneStyle};
use crate::text::{DocumentLayout, LayoutParams};
pub use atlas::GlyphAtlas;
use eframe::egui::{self, Key, Pos2, Sense, Vec2};
use layout_cache::LayoutCache;
use std::sync::Arc;

/// Text size at zoom 1, in points.
pub const BASE_FONT_SIZE: f32 = 20.0;
const MIN_ZOOM: f32 = 0.5;
const MAX_ZOOM: f32 = 4.0;
/// Space around the text.
const PADDING: f32 = 16.0;

/// What the view shows: a text, its direction, its highlights, and how to describe a highlight on hover.
pub struct ArticleInput<'a> {
    /// The document's text.
    pub text: &'a Arc<DocText>,
    /// Paragraph direction from the document's metadata.
    pub direction: Direction,
    /// Highlights to draw.
    pub highlights: &'a HighlightSet,
    /// Lines of hover text for a highlight.
    pub describe: &'a dyn Fn(&HighlightKey) -> Vec<String>,
}

/// The view's state: zoom, selection, caret, and the caches behind drawing.
pub struct ArticleView {
    cache: LayoutCache,
    atlas: GlyphAtlas,
    zoom: f32,
    /// Type labels over spans.
    pub show_labels: bool,
    selection: Option<Span>,
    /// Where a drag or Shift-selection started.
    anchor: usize,
    /// Where the caret is (moves with arrows; the selection's moving end).
    caret: usize,
    /// Identity of the text the selection belongs to.
    text_id: usize,
    /// The layout drawn last and where its origin was on screen.
    drawn: Option<(Arc<DocumentLayout>, Pos2)>,
    /// The letter (its first code point) under the last plain click, until taken.
    click: Option<usize>,
    /// A span to scroll into view at the next frame.
    scroll_to: Option<Span>,
}

impl Default for ArticleView {
    fn default() -> Self {
        Self {
            cache: LayoutCache::default(),
            atlas: GlyphAtlas::default(),
            zoom: 1.0,
            show_labels: false,
            selection: None,
            anchor: 0,
            caret: 0,
            text_id: 0,
            drawn: None,
            click: None,
            scroll_to: None,
        }
    }
}

impl ArticleView {
    /// The selected span, if any (never empty, never splitting a grapheme).
    pub fn selection(&self) -> Option<Span> {
        self.selection
    }

    /// The layout drawn in the last frame and the screen position of its origin: maps text offsets to
    /// screen positions (for scrolling to a span, and for tests that point at letters).
    pub fn drawn_layout(&self) -> Option<(&Arc<DocumentLayout>, Pos2)> {
        self.drawn.as_ref().map(|(l, o)| (l, *o))
    }

    /// The caret's offset (the moving end of the selection).
    pub fn caret(&self) -> usize {
        self.caret
    }

    /// Current zoom factor.
    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    /// Makes the text larger.
    pub fn zoom_in(&mut self) {
        self.zoom = (self.zoom * 1.15).min(MAX_ZOOM);
    }

    /// Makes the text smaller.
    pub fn zoom_out(&mut self) {
        self.zoom = (self.zoom / 1.15).max(MIN_ZOOM);
    }

    /// Back to the default size.
    pub fn zoom_reset(&mut self) {
        self.zoom = 1.0;
    }

    /// The letter under the last plain click (no drag, no Shift), taken once: the app uses it to focus
    /// the mention or event there, or to fill a role.
    pub fn take_click(&mut self) -> Option<usize> {
        self.click.take()
    }

    /// Clears the selection, leaving the caret where it was.
    pub fn clear_selection(&mut self) {
        self.selection = None;
        self.anchor = self.caret;
    }

    /// Scrolls `span` into view at the next frame.
    pub fn scroll_to(&mut self, span: Span) {
        self.scroll_to = Some(span);
    }

    /// Selects `span` (snapped to graphemes), for commands and tests.
    pub fn select(&mut self, text: &DocText, span: Span) {
        let span = snap_range(text, span.start, span.end, Snap::Grapheme);
        self.anchor = span.start;
        self.caret = span.end;
        self.selection = (!span.is_empty()).then_some(span);
    }

    /// Draws the article into the rest of `ui`.
    pub fn show(&mut self, ui: &mut egui::Ui, input: &ArticleInput<'_>) {
        let text_id = Arc::as_ptr(input.text) as usize;
        if text_id != self.text_id {
            self.text_id = text_id;
            self.selection = None;
            self.anchor = 0;
            self.caret = 0;
        }
        egui::ScrollArea::vertical().id_salt(("article", text_id)).auto_shrink(false).show(ui, |ui| {
            let width = (ui.available_width() - 2.0 * PADDING).max(100.0).floor();
            let params = LayoutParams {
                font_size: BASE_FONT_SIZE * self.zoom,
                width,
                direction: input.direction,
                ..LayoutParams::default()
            };
            let (layout, busy) = self.cache.get(ui.ctx(), input.text, params);
            let Some(layout) = layout else {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("Laying out {} characters…", input.text.len_chars()));
                });
                return;
            };
            let origin = self.show_layout(ui, &layout, input, busy);
            self.drawn = Some((layout, origin));
        });
    }

    /// Draws `layout` and handles input; returns the screen position of the layout's origin.
    fn show_layout(
        &mut self,
        ui: &mut egui::Ui,
        layout: &DocumentLayout,
        input: &ArticleInput<'_>,
        busy: bool,
    ) -> Pos2 {
        let size = Vec2::new(layout.params().width + 2.0 * PADDING, layout.height() + 2.0 * PADDING);
        let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
        let origin = rect.min + Vec2::splat(PADDING);
        let to_doc = |p: Pos2| (p.x - origin.x, p.y - origin.y);
        self.handle_pointer(ui, &response, layout, to_doc);
        if response.has_focus() {
            self.handle_keys(ui, &response, layout, origin);
        }
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, "Article"));

        let clip = ui.clip_rect();
        let (y0, y1) = (clip.min.y - origin.y, clip.max.y - origin.y);
        let style =
            SceneStyle { dark: ui.visuals().dark_mode, labels: self.show_labels, font_size: layout.params().font_size };
        let shapes = input.highlights.shapes(layout, y0, y1, style, self.selection);
        let painter = ui.painter_at(rect);
        paint::shapes(&painter, &shapes, origin, layout.params().font_size);
        let color = ui.visuals().strong_text_color();
        let (mesh, complete) = paint::glyph_mesh(ui.ctx(), &mut self.atlas, layout, origin, y0, y1, color);
        if complete {
            painter.add(egui::Shape::mesh(mesh));
        } else {
            ui.ctx().request_repaint();
        }
        if response.has_focus() && self.selection.is_none() {
            let c = layout.caret_rect(self.caret);
            let caret = egui::Rect::from_min_max(origin + Vec2::new(c.x0, c.y0), origin + Vec2::new(c.x1, c.y1));
            painter.rect_filled(caret, 0.0, ui.visuals().text_cursor.stroke.color);
        }
        if busy {
            let corner = Pos2::new(clip.max.x - 24.0, clip.min.y + 8.0);
            egui::Spinner::new().paint_at(ui, egui::Rect::from_min_size(corner, Vec2::splat(16.0)));
        }
        if let Some(span) = self.scroll_to.take()
            && let Some(r) = layout.span_rects(span).into_iter().next()
        {
            let r = egui::Rect::from_min_max(origin + Vec2::new(r.x0, r.y0), origin + Vec2::new(r.x1, r.y1));
            ui.scroll_to_rect(r, Some(egui::Align::Center));
        }
        self.accessibility(ui, &response, layout, input, y0, y1, origin);
        self.hover(&response, layout, input, to_doc);
        origin
    }

    fn handle_pointer(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        layout: &DocumentLayout,
        to_doc: impl Fn(Pos2) -> (f32, f32),
    ) {
        let text = layout.text().clone();
        let (alt, shift) = ui.input(|i| (i.modifiers.alt, i.modifiers.shift));
        let snap = if alt { Snap::Grapheme } else { Snap::Word };
        let Some(pos) = response.interact_pointer_pos() else { return };
        let (x, y) = to_doc(pos);
        if response.double_clicked() {
            if let Some(word) = layout.grapheme_at(x, y).and_then(|g| word_at(&text, g.start)) {
                self.anchor = word.start;
                self.caret = word.end;
                self.selection = Some(word);
            }
            response.request_focus();
            return;
        }
        if response.drag_started() || response.clicked() {
            response.request_focus();
            // A drag is recognised only after the pointer has moved a little: anchor it where the button
            // went down, not where the drag was noticed.
            let press = ui.input(|i| i.pointer.press_origin()).unwrap_or(pos);
            let (px, py) = to_doc(press);
            let at = layout.caret_at(px, py);
            if shift && (self.selection.is_some() || self.caret != self.anchor) {
                self.caret = at;
            } else {
                self.anchor = at;
                self.caret = at;
                if response.clicked() {
                    self.click = layout.grapheme_at(px, py).map(|g| g.start);
                }
            }
        } else if response.dragged() {
            self.caret = layout.caret_at(x, y);
        } else {
            return;
        }
        let span = snap_range(&text, self.anchor, self.caret, snap);
        self.selection = (!span.is_empty() && self.anchor != self.caret).then_some(span);
    }

    fn handle_keys(&mut self, ui: &egui::Ui, response: &egui::Response, layout: &DocumentLayout, origin: Pos2) {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                response.id,
                egui::EventFilter { horizontal_arrows: true, vertical_arrows: false, tab: false, escape: false },
            )
        });
        let (left, right, shift, escape) = ui.input(|i| {
            (
                i.key_pressed(Key::ArrowLeft),
                i.key_pressed(Key::ArrowRight),
                i.modifiers.shift,
                i.key_pressed(Key::Escape),
            )
        });
        if escape {
            self.selection = None;
            self.anchor = self.caret;
        }
        if !(left || right) {
            return;
        }
        let from = match (self.selection, shift) {
            // Without Shift, an arrow collapses the selection to its edge on that side.
            (Some(sel), false) => {
                let (a, b) = (layout.caret_rect(sel.start).x0, layout.caret_rect(sel.end).x0);
                let leftmost = if a <= b { sel.start } else { sel.end };
                let rightmost = if a <= b { sel.end } else { sel.start };
                self.caret = if left { leftmost } else { rightmost };
                self.anchor = self.caret;
                self.selection = None;
                return;
            }
            _ => self.caret,
        };
        self.caret = layout.move_caret_visual(from, left);
        if shift {
            let span = Span::new(self.anchor.min(self.caret), self.anchor.max(self.caret));
            self.selection = (!span.is_empty()).then_some(span);
        } else {
            self.anchor = self.caret;
            self.selection = None;
        }
        let c = layout.caret_rect(self.caret);
        let r = egui::Rect::from_min_max(origin + Vec2::new(c.x0, c.y0), origin + Vec2::new(c.x1, c.y1));
        ui.scroll_to_rect(r, None);
    }

    fn hover(
        &self,
        response: &egui::Response,
        layout: &DocumentLayout,
        input: &ArticleInput<'_>,
        to_doc: impl Fn(Pos2) -> (f32, f32),
    ) {
        let Some(pos) = response.hover_pos() else { return };
        let (x, y) = to_doc(pos);
        let Some(g) = layout.grapheme_at(x, y) else { return };
        let hits = input.highlights.at(g.start);
        if hits.is_empty() {
            return;
        }
        let lines: Vec<Vec<String>> = hits.iter().map(|h| (input.describe)(&h.key)).collect();
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.set_max_width(420.0);
            let size = egui::TextStyle::Body.resolve(ui.style()).size;
            for (i, block) in lines.iter().enumerate() {
                if i > 0 {
                    ui.separator();
                }
                for (j, line) in block.iter().enumerate() {
                    let color = if j == 0 { ui.visuals().strong_text_color() } else { ui.visuals().text_color() };
                    bidi_label(ui, line, LabelStyle { size, color, single_line: false }, Sense::hover());
                }
            }
        });
    }

    /// Gives screen readers (and UI tests) the visible text and one node per visible highlight.
    #[allow(clippy::too_many_arguments)]
    fn accessibility(
        &self,
        ui: &egui::Ui,
        response: &egui::Response,
        layout: &DocumentLayout,
        input: &ArticleInput<'_>,
        y0: f32,
        y1: f32,
        origin: Pos2,
    ) {
        let chars = layout.visible_chars(y0, y1);
        let text = layout.text();
        let end = chars.end.min(text.len_chars());
        let visible = text.slice(Span::new(chars.start.min(end), end)).unwrap_or_default().to_owned();
        let selection = self.selection.and_then(|s| text.slice(s)).map(str::to_owned);
        ui.ctx().accesskit_node_builder(response.id, |node| {
            node.set_role(egui::accesskit::Role::Document);
            node.set_value(visible);
            if let Some(sel) = selection {
                node.set_description(format!("Selected: {sel}"));
            }
        });
        for (i, h) in input.highlights.in_range(chars).enumerate() {
            let Some(covered) = text.slice(h.span) else { continue };
            let first = layout.span_rects(h.span).into_iter().next().unwrap_or_default();
            let id = response.id.with(("span", i));
            let label = format!("{}: {covered}", h.label);
            let kind = format!("{:?}", h.kind);
            ui.ctx().accesskit_node_builder(id, |node| {
                node.set_role(egui::accesskit::Role::Mark);
                node.set_label(label);
                node.set_description(kind);
                node.set_bounds(egui::accesskit::Rect {
                    x0: f64::from(origin.x + first.x0),
                    y0: f64::from(origin.y + first.y0),
                    x1: f64::from(origin.x + first.x1),
                    y1: f64::from(origin.y + first.y1),
                });
            });
        }
    }
}
