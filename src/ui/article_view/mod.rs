//! The article view: a document laid out right to left (or left to right) with parley, drawn from a glyph
//! atlas, with annotation highlights, hover details, mouse and keyboard selection, and zoom. A long
//! document shows its first screen at once and is laid out further in the background (`layout_cache`).

mod atlas;
mod keys;
mod layout_cache;
pub mod paint;
mod selecting;

use super::bidi_label::{LabelStyle, bidi_label};
use crate::model::{Direction, DocText, Span};
use crate::text::boundaries::{Snap, snap_range};
use crate::text::scene::{HighlightKey, HighlightSet, SceneStyle};
use crate::text::{DocumentLayout, LayoutParams, Motion};
pub use atlas::GlyphAtlas;
use eframe::egui::{self, Pos2, Sense, Vec2};
pub use keys::CARET_KEYS;
use layout_cache::{LayoutCache, View};
use selecting::Selecting;
use std::sync::Arc;

/// Text size at zoom 1, in points.
pub const BASE_FONT_SIZE: f32 = 20.0;
const MIN_ZOOM: f32 = 0.5;
const MAX_ZOOM: f32 = 4.0;
/// Space around the text.
const PADDING: f32 = 16.0;
/// Characters a line of the article should hold to stay readable: the side panels narrow, then fold away,
/// before the text column gets narrower than this (`ui/panel_layout.rs`).
pub const READABLE_CHARS: f32 = 45.0;
/// The average advance of a character of Arabic news text in Noto Naskh Arabic, in ems (0.377 measured on
/// the sample's 5,000 characters; `tests/window/window_layout.rs` checks lines hold what this promises).
const ADVANCE_EM: f32 = 0.38;

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
    /// Draw the text without its tashkeel (the marks stay in the text and in every offset).
    pub hide_tashkeel: bool,
    /// Relations to draw as arrows over the text, from the first span to the second (those of the inspected
    /// mention; set by the session each frame).
    pub links: Vec<(Span, Span)>,
    sel: Selecting,
    /// Identity (address) of the text shown.
    text_id: usize,
    /// Where the layout's origin was on screen in the last frame.
    origin: Option<Pos2>,
    /// The scroll offset at the end of the last frame.
    offset: f32,
    /// A span to scroll into view at the next frame.
    scroll_to: Option<Span>,
    /// Where the pointer last pressed or let go of the text: no span's description pops up over the next
    /// lines while it rests there (egui holds tooltips back after a click, but not after a drag).
    quiet_at: Option<Pos2>,
    /// The text's widget in the last frame, whose keyboard focus the caret keys need.
    focus_id: Option<egui::Id>,
}

impl Default for ArticleView {
    fn default() -> Self {
        Self {
            cache: LayoutCache::default(),
            atlas: GlyphAtlas::default(),
            zoom: 1.0,
            show_labels: false,
            hide_tashkeel: false,
            links: Vec::new(),
            sel: Selecting::default(),
            text_id: 0,
            origin: None,
            offset: 0.0,
            scroll_to: None,
            quiet_at: None,
            focus_id: None,
        }
    }
}

impl ArticleView {
    /// The selected span, if any (never empty, never splitting a grapheme).
    pub fn selection(&self) -> Option<Span> {
        self.sel.selection
    }

    /// The layout drawn in the last frame and the screen position of its origin: maps text offsets to
    /// screen positions (for scrolling to a span, and for tests that point at letters). Paragraphs far from
    /// the view of a long document may not be laid out yet ([`crate::text::Paragraph::is_laid_out`]).
    pub fn drawn_layout(&self) -> Option<(&DocumentLayout, Pos2)> {
        self.cache.layout().zip(self.origin)
    }

    /// Whether a long document is still being laid out in the background.
    pub fn laying_out(&self) -> bool {
        self.cache.busy()
    }

    /// The caret's offset (the moving end of the selection).
    pub fn caret(&self) -> usize {
        self.sel.caret
    }

    /// Current zoom factor.
    pub fn zoom(&self) -> f32 {
        self.zoom
    }

    /// The narrowest the article's column (its text at a readable line length, the padding and the scroll
    /// bar) may be at the current zoom.
    pub fn readable_width(&self, style: &egui::Style) -> f32 {
        READABLE_CHARS * ADVANCE_EM * BASE_FONT_SIZE * self.zoom
            + 2.0 * PADDING
            + style.spacing.scroll.allocated_width()
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
        self.sel.click.take()
    }

    /// Clears the selection, leaving the caret where it was.
    pub fn clear_selection(&mut self) {
        self.sel.selection = None;
        self.sel.anchor = self.sel.caret;
    }

    /// Scrolls `span` into the middle of the view at the next frame.
    pub fn scroll_to(&mut self, span: Span) {
        self.scroll_to = Some(span);
    }

    /// Selects `span` (snapped to graphemes), for commands and tests.
    pub fn select(&mut self, text: &DocText, span: Span) {
        let span = snap_range(text, span.start, span.end, Snap::Grapheme);
        self.sel.text = std::ptr::from_ref(text) as usize;
        self.sel.anchor = span.start;
        self.sel.caret = span.end;
        self.sel.selection = (!span.is_empty()).then_some(span);
        self.sel.goal_x = None;
    }

    /// Draws the article into the rest of `ui`.
    pub fn show(&mut self, ui: &mut egui::Ui, input: &ArticleInput<'_>) {
        let text_id = Arc::as_ptr(input.text) as usize;
        let new_text = text_id != self.text_id;
        if new_text {
            self.text_id = text_id;
            self.offset = 0.0;
        }
        // A selection made for this text before it was shown (a jump to another document) is kept.
        if self.sel.text != text_id {
            self.sel = Selecting { text: text_id, ..Selecting::default() };
        }
        // The layout is brought up to date before the scroll area is shown, so that the view can be moved
        // to keep its anchor in place in this very frame.
        let bar = ui.spacing().scroll.allocated_width();
        let params = LayoutParams {
            font_size: BASE_FONT_SIZE * self.zoom,
            width: (ui.available_width() - bar - 2.0 * PADDING).max(100.0).floor(),
            direction: input.direction,
            ..LayoutParams::default()
        };
        let view = View { top: self.offset - PADDING, height: ui.available_height() };
        let scroll_to = self.scroll_to.take();
        let top = self.cache.prepare(ui.ctx(), input.text, params, view, scroll_to);
        let top = self.keyboard(ui, view.height).unwrap_or(top);
        let height = self.cache.layout().map_or(0.0, DocumentLayout::height);
        let mut area = egui::ScrollArea::vertical().id_salt(("article", text_id)).auto_shrink(false);
        // The offset the content is drawn at this frame, when known: a text shown before keeps the place egui
        // remembers for it, unless a span is to be shown.
        let mut used = (!new_text).then_some(self.offset);
        if (top + PADDING - self.offset).abs() > 0.01 && (!new_text || scroll_to.is_some()) {
            let offset = (top + PADDING).clamp(0.0, (height + 2.0 * PADDING - view.height).max(0.0));
            area = area.vertical_scroll_offset(offset);
            used = Some(offset);
        }
        let output = ui.scope(|ui| {
            // No rubber band past the ends: egui would spring the view back into last frame's bounds, which
            // are stale when heights change (a document shown before, estimates replaced), and undo the jump.
            ui.spacing_mut().scroll.kinetic.rubber_band = false;
            let inner_top = ui.available_rect_before_wrap().min.y;
            area.show(ui, |ui| self.show_layout(ui, input, used.map(|offset| inner_top - offset)))
        });
        self.offset = output.inner.state.unclamped_offset().y;
    }

    /// The caret keys pressed while the article has the keyboard (a text field that has it gets them
    /// instead): moves the caret, and the selection with Shift, on the layout brought up to date for this
    /// frame. Returns the view's new top, which follows the caret, when any was pressed.
    fn keyboard(&mut self, ui: &egui::Ui, height: f32) -> Option<f32> {
        if !self.focus_id.is_some_and(|id| ui.memory(|m| m.has_focus(id))) {
            return None;
        }
        let motions = keys::motions(ui, height);
        if motions.is_empty() {
            return None;
        }
        let mut scroll_by = 0.0;
        for (motion, shift) in motions {
            self.cache.prepare_motion(self.sel.caret, motion);
            let layout = self.cache.layout()?;
            let before = layout.caret_rect(self.sel.caret).y0;
            self.sel.apply(layout, motion, shift);
            // A page scrolls the view as far as the caret went, so the caret keeps its place on screen.
            if matches!(motion, Motion::Page { .. }) {
                scroll_by += layout.caret_rect(self.sel.caret).y0 - before;
            }
        }
        self.cache.follow(self.sel.caret, scroll_by, height, PADDING)
    }

    /// Draws the layout and handles input. `content_top` is where the content's top is on screen before
    /// egui rounds it to a pixel, when known.
    fn show_layout(&mut self, ui: &mut egui::Ui, input: &ArticleInput<'_>, content_top: Option<f32>) {
        let mut origin = ui.max_rect().min + Vec2::splat(PADDING);
        // The text is placed exactly rather than on egui's rounded pixel: the view's offset follows the anchor
        // paragraph's top, which moves by fractions of a pixel as estimates are replaced, and the rounding
        // would make the text jitter by a pixel.
        if let Some(top) = content_top.filter(|t| (t - ui.max_rect().min.y).abs() <= 0.51) {
            origin.y = top + PADDING;
        }
        let clip = ui.clip_rect();
        let (y0, y1) = (clip.min.y - origin.y, clip.max.y - origin.y);
        // Normally done by `prepare`; here when the view moved further (a restored scroll position).
        self.cache.shape_visible(y0, y1);
        let busy = self.cache.busy();
        let Some(layout) = self.cache.layout() else { return };
        let size = Vec2::new(layout.params().width + 2.0 * PADDING, layout.height() + 2.0 * PADDING);
        let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
        self.origin = Some(origin);
        let to_doc = |p: Pos2| (p.x - origin.x, p.y - origin.y);
        self.sel.handle_pointer(ui, &response, layout, to_doc);
        self.focus_id = Some(response.id);
        if response.has_focus() {
            Selecting::keep_arrows(ui, &response);
        }
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, "Article"));

        let style =
            SceneStyle { dark: ui.visuals().dark_mode, labels: self.show_labels, font_size: layout.params().font_size };
        let shapes = input.highlights.shapes(layout, y0, y1, style, self.sel.selection);
        let painter = ui.painter_at(rect);
        paint::shapes(&painter, &shapes, origin, layout.params().font_size);
        let color = ui.visuals().strong_text_color();
        let band = (origin, y0, y1);
        let (mesh, complete) =
            paint::glyph_mesh_where(ui.ctx(), &mut self.atlas, layout, band, color, self.hide_tashkeel);
        if complete {
            painter.add(egui::Shape::mesh(mesh));
        } else {
            ui.ctx().request_repaint();
        }
        paint::links(&painter, layout, origin, &self.links);
        if response.has_focus() && self.sel.selection.is_none() {
            let c = layout.caret_rect(self.sel.caret);
            let caret = egui::Rect::from_min_max(origin + Vec2::new(c.x0, c.y0), origin + Vec2::new(c.x1, c.y1));
            painter.rect_filled(caret, 0.0, ui.visuals().text_cursor.stroke.color);
        }
        if busy {
            // In the right padding, clear of the first letters of right-to-left lines.
            let corner = Pos2::new(clip.max.x - PADDING + 1.0, clip.min.y + 2.0);
            egui::Spinner::new().paint_at(ui, egui::Rect::from_min_size(corner, Vec2::splat(PADDING - 4.0)));
        }
        self.accessibility(ui, &response, layout, input, y0, y1, origin);
        if response.is_pointer_button_down_on() || response.drag_stopped() || response.clicked() {
            self.quiet_at = response.interact_pointer_pos().or(response.hover_pos());
        }
        Self::hover(&response, layout, input, to_doc, &mut self.quiet_at);
    }

    fn hover(
        response: &egui::Response,
        layout: &DocumentLayout,
        input: &ArticleInput<'_>,
        to_doc: impl Fn(Pos2) -> (f32, f32),
        quiet_at: &mut Option<Pos2>,
    ) {
        /// How far the pointer moves from where it pressed or let go before descriptions show again.
        const QUIET_RADIUS: f32 = 6.0;
        let Some(pos) = response.hover_pos() else { return };
        if response.is_pointer_button_down_on() {
            return;
        }
        if let Some(q) = *quiet_at {
            if pos.distance(q) < QUIET_RADIUS {
                return;
            }
            *quiet_at = None;
        }
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
        let selection = self.sel.selection.and_then(|s| text.slice(s)).map(str::to_owned);
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
