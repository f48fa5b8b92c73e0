//! Labels for interface text that may hold Arabic or Hebrew (document titles, quoted spans), drawn with
//! the same bidi-correct layout as the article. egui's own labels have no bidi pass: they would show the
//! words of an Arabic title in reverse order. Text without right-to-left letters stays an ordinary label.

use super::article_view::GlyphAtlas;
use super::article_view::paint::glyph_mesh;
use crate::model::{Direction, DocText};
use crate::text::{DocumentLayout, LayoutEngine, LayoutParams};
use eframe::egui::{self, Color32, Sense, Vec2};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// Whether `s` holds a right-to-left letter (Hebrew, Arabic, Syriac, Thaana, NKo, and their presentation
/// forms), and so needs the bidi layout.
pub fn needs_bidi(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}'))
}

/// Cached layouts of short strings and the atlas their glyphs live in, shared by every label of the window.
#[derive(Default)]
struct LabelPainter {
    engine: Option<LayoutEngine>,
    atlas: GlyphAtlas,
    layouts: HashMap<(String, u32, u32), Arc<DocumentLayout>>,
}

impl LabelPainter {
    fn layout(&mut self, text: &str, size: f32, width: f32) -> Arc<DocumentLayout> {
        let key = (text.to_owned(), size.to_bits(), width.to_bits());
        if self.layouts.len() > 4000 {
            self.layouts.clear(); // labels come and go with documents; a plain reset bounds the memory
        }
        let engine = self.engine.get_or_insert_with(LayoutEngine::new);
        self.layouts
            .entry(key)
            .or_insert_with(|| {
                let params = LayoutParams { font_size: size, line_height: 1.45, width, direction: Direction::Auto };
                Arc::new(engine.layout(Arc::new(DocText::new(text.to_owned())), params))
            })
            .clone()
    }
}

fn painter(ctx: &egui::Context) -> Arc<Mutex<LabelPainter>> {
    ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Arc<Mutex<LabelPainter>>>(egui::Id::unique("tarmeez-bidi-labels")).clone()
    })
}

/// How a bidi label looks.
#[derive(Clone, Copy, Debug)]
pub struct LabelStyle {
    /// Text size in points.
    pub size: f32,
    /// Text colour.
    pub color: Color32,
    /// Show only the first line (list rows).
    pub single_line: bool,
}

/// Draws `text` at the available width (right-aligned when its first strong letter is right to left).
pub fn bidi_label(ui: &mut egui::Ui, text: &str, style: LabelStyle, sense: Sense) -> egui::Response {
    let response = paint_text(ui, text, style, sense);
    let owned = text.to_owned();
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Label, true, owned.clone()));
    response
}

/// Draws `text` like [`bidi_label`] but gives it no accessibility node of its own (for widgets that name
/// themselves with it).
fn paint_text(ui: &mut egui::Ui, text: &str, style: LabelStyle, sense: Sense) -> egui::Response {
    if !needs_bidi(text) {
        // egui lays out text without right-to-left letters correctly; paint it without a Label's own node.
        let width = ui.available_width().max(40.0);
        let mut job =
            egui::text::LayoutJob::simple(text.to_owned(), egui::FontId::proportional(style.size), style.color, width);
        if style.single_line {
            job.wrap.max_rows = 1;
            job.wrap.break_anywhere = true;
        }
        let galley = ui.painter().layout_job(job);
        // The same line height as the right-to-left path, so that a line never changes height when its
        // text changes script (the article below it would jump under the mouse).
        let line = style.size * 1.45;
        let height = if style.single_line { line } else { galley.size().y.max(line) };
        let (rect, response) = ui.allocate_exact_size(Vec2::new(galley.size().x, height), sense);
        let top = rect.min + Vec2::new(0.0, (line - galley.rows.first().map_or(line, |r| r.height())).max(0.0) / 2.0);
        ui.painter().galley(top, galley, style.color);
        return response;
    }
    let width = ui.available_width().max(40.0);
    let shared = painter(ui.ctx());
    let Ok(mut p) = shared.lock() else { return ui.label(text) };
    let layout = p.layout(text, style.size, width);
    let line = style.size * 1.45;
    let height = if style.single_line { line } else { layout.height().max(line) };
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, height), sense);
    if ui.is_rect_visible(rect) {
        let (mesh, complete) = glyph_mesh(ui.ctx(), &mut p.atlas, &layout, rect.min, 0.0, height, style.color);
        if complete {
            ui.painter_at(rect).add(egui::Shape::mesh(mesh));
        } else {
            ui.ctx().request_repaint();
        }
    }
    response
}

/// A selectable row (like `selectable_label`) whose text may be Arabic.
pub fn selectable_row(ui: &mut egui::Ui, selected: bool, text: &str, color: Color32) -> egui::Response {
    selectable_row_with_detail(ui, selected, text, None, color)
}

/// A selectable row with an optional second, weaker line (a document's progress under its title). Its
/// accessible name is `text · detail`.
pub fn selectable_row_with_detail(
    ui: &mut egui::Ui,
    selected: bool,
    text: &str,
    detail: Option<&str>,
    color: Color32,
) -> egui::Response {
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    let pad = ui.spacing().button_padding;
    let line = size * 1.45;
    let lines = if detail.is_some() { 2.0 } else { 1.0 };
    let height = line * lines + 2.0 * pad.y;
    let (rect, response) = ui.allocate_exact_size(Vec2::new(ui.available_width(), height), Sense::click());
    let fill = if selected {
        Some(ui.visuals().selection.bg_fill)
    } else if response.hovered() {
        Some(ui.visuals().widgets.hovered.weak_bg_fill)
    } else {
        None
    };
    if let Some(fill) = fill {
        ui.painter().rect_filled(rect, 3.0, fill);
    }
    // On the selection's fill, text in the body colour is 3.6:1 in the dark theme: use the selection's own
    // text colour, as egui's selectable labels do (a row in another colour, an error, keeps it).
    let (color, weak_color) = if selected && color == ui.visuals().text_color() {
        (ui.visuals().selection.stroke.color, ui.visuals().selection.stroke.color)
    } else {
        (color, ui.visuals().weak_text_color())
    };
    let style = LabelStyle { size, color, single_line: true };
    let weak = LabelStyle { size: size * 0.9, color: weak_color, single_line: true };
    ui.scope_builder(egui::UiBuilder::new().max_rect(rect.shrink2(pad)), |ui| {
        paint_text(ui, text, style, Sense::hover());
        if let Some(detail) = detail {
            paint_text(ui, detail, weak, Sense::hover());
        }
    });
    // The row itself is the clickable, named node (screen readers and UI tests find it by its text).
    let name = match detail {
        Some(d) => format!("{text} · {d}"),
        None => text.to_owned(),
    };
    response.widget_info(move || egui::WidgetInfo::selected(egui::Role::ListItem, true, selected, name.clone()));
    response
}

/// A compact, clickable chip as wide as its text (a role's filler), which may be Arabic. Named by its text.
pub fn bidi_chip(ui: &mut egui::Ui, text: &str, color: Color32) -> egui::Response {
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    let pad = ui.spacing().button_padding;
    let line = size * 1.45;
    let response = if needs_bidi(text) {
        let shared = painter(ui.ctx());
        let Ok(mut p) = shared.lock() else { return ui.label(text) };
        let width = ui.available_width().max(40.0);
        let layout = p.layout(text, size, width);
        let len = layout.text().len_chars();
        let rects = layout.span_rects(crate::model::Span::new(0, len));
        let x0 = rects.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min);
        let x1 = rects.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
        let text_width = if x1 > x0 { x1 - x0 } else { 0.0 };
        let (rect, response) =
            ui.allocate_exact_size(Vec2::new(text_width + 2.0 * pad.x, line + pad.y), Sense::click());
        let visuals = ui.style().interact(&response);
        ui.painter().rect_filled(rect, 4.0, visuals.weak_bg_fill);
        let origin = rect.min + Vec2::new(pad.x - x0, pad.y / 2.0);
        let (mesh, complete) = glyph_mesh(ui.ctx(), &mut p.atlas, &layout, origin, 0.0, line, color);
        if complete {
            ui.painter().add(egui::Shape::mesh(mesh));
        } else {
            ui.ctx().request_repaint();
        }
        response
    } else {
        ui.add(egui::Button::new(egui::RichText::new(text).color(color)).small())
    };
    let owned = text.to_owned();
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Button, true, owned.clone()));
    response
}
