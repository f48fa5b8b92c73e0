//! Labels for interface text that may hold Arabic or Hebrew (document titles, quoted spans), drawn with
//! the same bidi-correct layout as the article. egui's own labels have no bidi pass: they would show the
//! words of an Arabic title in reverse order. Text without right-to-left letters stays an ordinary label.

use super::article_view::GlyphAtlas;
use super::article_view::paint::glyph_mesh;
use crate::model::{Direction, DocText, Span};
use crate::text::quote::without_isolates;
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
pub(crate) struct LabelPainter {
    engine: Option<LayoutEngine>,
    /// The glyphs of every label and text field.
    pub(crate) atlas: GlyphAtlas,
    layouts: HashMap<(String, u32, u32, Direction), Arc<DocumentLayout>>,
}

impl LabelPainter {
    fn layout(&mut self, text: &str, size: f32, width: f32) -> Arc<DocumentLayout> {
        self.layout_directed(text, size, width, Direction::Auto)
    }

    /// The layout of `text` at `size` and `width`, its paragraphs in `direction`, from the cache.
    pub(crate) fn layout_directed(
        &mut self,
        text: &str,
        size: f32,
        width: f32,
        direction: Direction,
    ) -> Arc<DocumentLayout> {
        let key = (text.to_owned(), size.to_bits(), width.to_bits(), direction);
        if self.layouts.len() > 4000 {
            self.layouts.clear(); // labels come and go with documents; a plain reset bounds the memory
        }
        let engine = self.engine.get_or_insert_with(LayoutEngine::new);
        self.layouts
            .entry(key)
            .or_insert_with(|| {
                let params = LayoutParams { font_size: size, line_height: LINE_HEIGHT, width, direction };
                Arc::new(engine.layout(Arc::new(DocText::new(text.to_owned())), params))
            })
            .clone()
    }
}

/// Line height of labels and text fields, as a multiple of the font size.
pub(crate) const LINE_HEIGHT: f32 = 1.45;

/// The layouts and glyph atlas shared by every label and text field of the window.
pub(crate) fn painter(ctx: &egui::Context) -> Arc<Mutex<LabelPainter>> {
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
    let response = paint_text(ui, text, None, style, sense);
    let owned = without_isolates(text).into_owned();
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Label, true, owned.clone()));
    response
}

/// The background and the text colour of the marked part of a row (a search hit, a queue item's words): a
/// warm background distinct from the selected row's fill, under the theme's strong text colour, which keeps
/// the contrast of ordinary text on its ground in both themes.
fn mark_colors(visuals: &egui::Visuals) -> (Color32, Color32) {
    let fill = if visuals.dark_mode { Color32::from_rgb(112, 84, 16) } else { Color32::from_rgb(255, 224, 130) };
    (fill, visuals.strong_text_color())
}

/// Draws `text` like [`bidi_label`] but gives it no accessibility node of its own (for widgets that name
/// themselves with it). `mark` (code points of `text`) gets a background of its own.
fn paint_text(ui: &mut egui::Ui, text: &str, mark: Option<Span>, style: LabelStyle, sense: Sense) -> egui::Response {
    if !needs_bidi(text) {
        // egui lays out text without right-to-left letters correctly; paint it without a Label's own node.
        // egui has no bidi pass and would draw the isolate controls of a quote as boxes: they go (a mark's
        // offsets are in snippets that carry none).
        let stripped = without_isolates(text);
        let text = if mark.is_none() { stripped.as_ref() } else { text };
        let width = ui.available_width().max(40.0);
        let mut job = marked_job(text, mark, style, mark_colors(ui.visuals()));
        job.wrap.max_width = width;
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
        let (mesh, complete) = match mark {
            Some(mark) => marked_mesh(ui, &mut p.atlas, &layout, rect, mark, style.color),
            None => glyph_mesh(ui.ctx(), &mut p.atlas, &layout, rect.min, 0.0, height, style.color),
        };
        if complete {
            ui.painter_at(rect).add(egui::Shape::mesh(mesh));
        } else {
            ui.ctx().request_repaint();
        }
    }
    response
}

/// Paints the background of `mark` and returns the glyphs of `layout` (drawn at `rect`), those of the mark in
/// the mark's colour. The mark's rectangles come from the same layout as the glyphs, in visual order, so the
/// background and the colour sit on the marked letters wherever bidi put them; a glyph belongs to the mark
/// when its pen position lies in one of them.
fn marked_mesh(
    ui: &egui::Ui,
    atlas: &mut GlyphAtlas,
    layout: &DocumentLayout,
    rect: egui::Rect,
    mark: Span,
    color: Color32,
) -> (egui::Mesh, bool) {
    let (fill, strong) = mark_colors(ui.visuals());
    let rects = layout.span_rects(mark);
    for r in &rects {
        let r = egui::Rect::from_min_max(rect.min + Vec2::new(r.x0, r.y0), rect.min + Vec2::new(r.x1, r.y1));
        ui.painter_at(rect).rect_filled(r, 2.0, fill);
    }
    let ctx = ui.ctx();
    let ppp = ctx.pixels_per_point();
    let mut mesh = egui::Mesh::with_texture(atlas.texture_id(ctx));
    let mut complete = true;
    atlas.begin_frame();
    layout.visible_glyphs(0.0, rect.height(), |g| {
        // Half a point in, so that the glyph starting where the mark ends stays outside it.
        let (x, y) = (g.x + 0.5, g.y);
        let marked = rects.iter().any(|r| x >= r.x0 && x < r.x1 && y >= r.y0 && y <= r.y1);
        complete &= atlas.add_glyph(ctx, &mut mesh, &g, rect.min, ppp, if marked { strong } else { color });
    });
    (mesh, complete)
}

/// An egui layout of left-to-right `text` with `mark` (code points) on a background of its own.
fn marked_job(text: &str, mark: Option<Span>, style: LabelStyle, colors: (Color32, Color32)) -> egui::text::LayoutJob {
    let format = egui::TextFormat::simple(egui::FontId::proportional(style.size), style.color);
    let mut job = egui::text::LayoutJob::default();
    let byte = |cp: usize| crate::text::editing::byte_of(text, cp);
    match mark {
        Some(m) if !m.is_empty() => {
            let (a, b) = (byte(m.start), byte(m.end));
            job.append(&text[..a], 0.0, format.clone());
            let (background, color) = colors;
            job.append(&text[a..b], 0.0, egui::TextFormat { background, color, ..format.clone() });
            job.append(&text[b..], 0.0, format);
        }
        _ => job.append(text, 0.0, format),
    }
    job
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
    selectable_row_marked(ui, selected, text, None, detail, color)
}

/// A selectable row like [`selectable_row_with_detail`] whose `mark` (code points of `text`: a search hit in
/// its context) is drawn on a background of its own.
pub fn selectable_row_marked(
    ui: &mut egui::Ui,
    selected: bool,
    text: &str,
    mark: Option<Span>,
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
        paint_text(ui, text, mark, style, Sense::hover());
        if let Some(detail) = detail {
            paint_text(ui, detail, None, weak, Sense::hover());
        }
    });
    // The row itself is the clickable, named node (screen readers and UI tests find it by its text).
    let name = match detail {
        Some(d) => format!("{text} · {d}"),
        None => text.to_owned(),
    };
    let name = without_isolates(&name).into_owned();
    response.widget_info(move || egui::WidgetInfo::selected(egui::Role::ListItem, true, selected, name.clone()));
    response
}

/// A compact, clickable chip as wide as its text (a role's filler), which may be Arabic, in `colors` (fill,
/// text); outlined while hovered. Named by its text. A text wider than `max_width` is cut at the chip's edge,
/// keeping its start (the right end of right-to-left text): the caller shows it whole on hover.
pub fn bidi_chip(ui: &mut egui::Ui, text: &str, colors: (Color32, Color32), max_width: f32) -> egui::Response {
    let (fill, color) = colors;
    let size = egui::TextStyle::Body.resolve(ui.style()).size;
    let pad = ui.spacing().button_padding;
    let line = size * 1.45;
    let shared = painter(ui.ctx());
    let Ok(mut p) = shared.lock() else { return ui.label(text) };
    // A chip is one line: laid out wide enough never to wrap, then cut to the letters' extent.
    let layout = p.layout(text, size, CHIP_LAYOUT_WIDTH);
    let (x0, x1) = extent(&layout);
    let width = (x1 - x0 + 2.0 * pad.x).min(max_width.max(4.0 * size));
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, line + pad.y), Sense::click());
    ui.painter().rect_filled(rect, 4.0, fill);
    if response.hovered() {
        ui.painter().rect_stroke(rect, 4.0, ui.visuals().widgets.hovered.fg_stroke, egui::StrokeKind::Inside);
    }
    let origin = if needs_bidi(text) {
        egui::pos2(rect.max.x - pad.x - x1, rect.min.y + pad.y / 2.0)
    } else {
        rect.min + Vec2::new(pad.x - x0, pad.y / 2.0)
    };
    let (mesh, complete) = glyph_mesh(ui.ctx(), &mut p.atlas, &layout, origin, 0.0, line, color);
    if complete {
        ui.painter_at(rect.shrink2(Vec2::new(pad.x / 2.0, 0.0))).add(egui::Shape::mesh(mesh));
    } else {
        ui.ctx().request_repaint();
    }
    let owned = without_isolates(text).into_owned();
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Button, true, owned.clone()));
    response
}

/// The width a chip lays its text out at: wider than any one-line label.
pub(crate) const CHIP_LAYOUT_WIDTH: f32 = 4000.0;

/// The horizontal extent of a layout's letters.
pub(crate) fn extent(layout: &DocumentLayout) -> (f32, f32) {
    let rects = layout.span_rects(crate::model::Span::new(0, layout.text().len_chars()));
    let x0 = rects.iter().map(|r| r.x0).fold(f32::INFINITY, f32::min);
    let x1 = rects.iter().map(|r| r.x1).fold(f32::NEG_INFINITY, f32::max);
    if x1 > x0 { (x0, x1) } else { (0.0, 0.0) }
}

/// The width `text` takes on one line in the body size, Arabic or not (to size a list to its longest entry).
pub fn text_width(ctx: &egui::Context, text: &str) -> f32 {
    let size = egui::TextStyle::Body.resolve(&ctx.global_style()).size;
    if !needs_bidi(text) {
        let font = egui::FontId::proportional(size);
        return ctx.fonts_mut(|f| f.layout_no_wrap(text.to_owned(), font, Color32::WHITE).size().x);
    }
    let shared = painter(ctx);
    let Ok(mut p) = shared.lock() else { return 0.0 };
    let (x0, x1) = extent(&p.layout(text, size, CHIP_LAYOUT_WIDTH));
    x1 - x0
}
