//! The geometry between a field's rectangle and its layout, and its painting. A single-line field lays its
//! text out on one wide line (right-aligned at the far edge when right to left) and shows a window of it as
//! wide as the field, scrolled to keep the caret in sight; a multi-line field wraps at its width.

use super::FieldState;
use crate::model::{Direction, Span};
use crate::text::DocumentLayout;
use crate::text::editing::char_len;
use crate::ui::article_view::paint::glyph_mesh;
use crate::ui::bidi_label::{CHIP_LAYOUT_WIDTH, LabelPainter, extent};
use eframe::egui::{self, Color32, Pos2, Rect, Vec2};
use std::borrow::Cow;
use std::sync::Arc;

/// How far past the caret a single-line field scrolls, so that a few letters around it stay in sight.
const SCROLL_SLACK: f32 = 24.0;

/// A field's layouts and where they sit, for one frame.
pub(super) struct FieldView<'p> {
    painter: &'p mut LabelPainter,
    size: f32,
    /// The field's inner width.
    width: f32,
    multiline: bool,
    direction: Direction,
}

impl<'p> FieldView<'p> {
    pub(super) fn new(
        painter: &'p mut LabelPainter,
        size: f32,
        width: f32,
        multiline: bool,
        direction: Direction,
    ) -> Self {
        Self { painter, size, width, multiline, direction }
    }

    /// The width lines are laid out at.
    fn layout_width(&self) -> f32 {
        if self.multiline { self.width.max(1.0) } else { CHIP_LAYOUT_WIDTH }
    }

    /// The layout of `text` as shown: with the input method's `preedit` at `head`.
    pub(super) fn layout(&mut self, text: &str, preedit: Option<&str>, head: usize) -> Arc<DocumentLayout> {
        let shown: Cow<str> = match preedit {
            Some(p) if !p.is_empty() => {
                let at = crate::text::editing::byte_of(text, head);
                Cow::Owned(format!("{}{p}{}", &text[..at], &text[at..]))
            }
            _ => Cow::Borrowed(text),
        };
        let width = self.layout_width();
        self.painter.layout_directed(&shown, self.size, width, self.direction)
    }

    /// Where a point of the screen is in the layout (a single-line field takes any height as its line).
    pub(super) fn to_layout(&self, pos: Pos2, inner: Rect, scroll_x: f32) -> (f32, f32) {
        let y = if self.multiline { pos.y - inner.min.y } else { self.size * 0.7 };
        (pos.x - inner.min.x + scroll_x, y)
    }

    /// The layout x to show at the field's left edge: the text's start edge while it fits, else as before,
    /// moved as little as keeps the caret in sight when the field has the keyboard.
    pub(super) fn scroll_for(&self, layout: &DocumentLayout, state: &FieldState, focused: bool, w: f32) -> f32 {
        if self.multiline {
            return 0.0;
        }
        let full = self.layout_width();
        let rtl = is_rtl(layout);
        let caret = layout.caret_rect(shown_head(state)).x0;
        let (x0, x1) = extent(layout);
        let (lo, hi) = if rtl { (x0.min(caret).min(full), full) } else { (0.0, x1.max(caret + 2.0)) };
        if hi - lo <= w {
            return if rtl { full - w } else { 0.0 };
        }
        let mut v = state.scroll_x.clamp(lo, hi - w);
        if focused {
            if caret < v + 2.0 {
                v = caret - SCROLL_SLACK;
            } else if caret > v + w - 2.0 {
                v = caret - w + SCROLL_SLACK;
            }
        }
        v.clamp(lo, hi - w)
    }

    /// Paints the field: frame, selection, text (or the hint), the input method's underline and the caret.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn paint(
        &mut self,
        ui: &egui::Ui,
        rect: Rect,
        inner: Rect,
        layout: &DocumentLayout,
        state: &FieldState,
        focused: bool,
        (hint, empty): (&str, bool),
    ) {
        let visuals = ui.visuals();
        let stroke = if focused {
            visuals.selection.stroke
        } else if ui.rect_contains_pointer(rect) {
            visuals.widgets.hovered.bg_stroke
        } else {
            visuals.widgets.inactive.bg_stroke
        };
        let radius = visuals.widgets.inactive.corner_radius;
        ui.painter().rect(rect, radius, visuals.text_edit_bg_color(), stroke, egui::StrokeKind::Inside);
        let painter = ui.painter_at(inner.expand(1.0));
        let origin = inner.min - Vec2::new(state.scroll_x, 0.0);
        let to_screen =
            |r: crate::text::Rect| Rect::from_min_max(origin + Vec2::new(r.x0, r.y0), origin + Vec2::new(r.x1, r.y1));
        let sel = state.sel;
        if state.preedit.is_none() && !sel.is_empty() {
            let range = sel.range();
            let fill = if focused { visuals.selection.bg_fill } else { visuals.selection.bg_fill.gamma_multiply(0.5) };
            for r in layout.span_rects(Span::new(range.start, range.end)) {
                painter.rect_filled(to_screen(r), 0.0, fill);
            }
        }
        if empty && state.preedit.is_none() {
            if !hint.is_empty() {
                self.paint_hint(ui, inner, hint);
            }
        } else {
            let color = super::text_color(ui);
            let (mesh, complete) =
                glyph_mesh(ui.ctx(), &mut self.painter.atlas, layout, origin, 0.0, layout.height() + self.size, color);
            if complete {
                painter.add(egui::Shape::mesh(mesh));
            } else {
                ui.ctx().request_repaint();
            }
        }
        if let Some(p) = state.preedit.as_deref().filter(|p| !p.is_empty()) {
            let span = Span::new(state.sel.head, state.sel.head + char_len(p));
            for r in layout.span_rects(span) {
                let r = to_screen(r);
                painter.hline(r.x_range(), r.max.y - 1.0, egui::Stroke::new(1.0, super::text_color(ui)));
            }
        }
        if focused {
            let caret = to_screen(layout.caret_rect(shown_head(state)));
            painter.rect_filled(caret, 0.0, visuals.text_cursor.stroke.color);
        }
    }

    /// The hint, weak, at the side where typing starts (right for a right-to-left hint).
    fn paint_hint(&mut self, ui: &egui::Ui, inner: Rect, hint: &str) {
        let full = self.layout_width();
        let layout = self.painter.layout_directed(hint, self.size, full, Direction::Auto);
        let x = if !self.multiline && is_rtl(&layout) { inner.max.x - full } else { inner.min.x };
        let color: Color32 = ui.visuals().weak_text_color();
        let (mesh, complete) = glyph_mesh(
            ui.ctx(),
            &mut self.painter.atlas,
            &layout,
            egui::pos2(x, inner.min.y),
            0.0,
            layout.height() + self.size,
            color,
        );
        if complete {
            ui.painter_at(inner).add(egui::Shape::mesh(mesh));
        }
    }

    /// Tells the platform where the caret is, so an input method's candidate window opens beside it.
    pub(super) fn ime_output(&self, ui: &egui::Ui, inner: Rect, layout: &DocumentLayout, state: &FieldState) {
        let r = layout.caret_rect(shown_head(state));
        let origin = inner.min - Vec2::new(state.scroll_x, 0.0);
        let caret = Rect::from_min_max(origin + Vec2::new(r.x0, r.y0), origin + Vec2::new(r.x1, r.y1));
        let to_global = ui.ctx().layer_transform_to_global(ui.layer_id()).unwrap_or_default();
        ui.output_mut(|o| {
            o.ime = Some(egui::output::IMEOutput {
                purpose: egui::IMEPurpose::Normal,
                rect: to_global * inner,
                cursor_rect: to_global * caret,
                should_interrupt_composition: false,
            });
        });
    }
}

/// Where the caret is drawn in the shown text (after the input method's text while one composes).
fn shown_head(state: &FieldState) -> usize {
    state.sel.head + state.preedit.as_deref().map_or(0, char_len)
}

/// Whether the layout's (first) paragraph runs right to left: its logical start is on the right.
pub(super) fn is_rtl(layout: &DocumentLayout) -> bool {
    layout.caret_rect(0).x0 > layout.params().width / 2.0
}
