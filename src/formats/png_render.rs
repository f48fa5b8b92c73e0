//! Renders an annotated article to a PNG image without a window: for papers, reports, and checking the
//! rendering by eye (`tarmeez render`). Draws the same display list as the article view.

use crate::model::{Direction, DocText, Schema};
use crate::text::raster::{Rasterizer, split_subpixel};
use crate::text::scene::{HighlightSet, Rgba, SceneStyle, Shape, label_size};
use crate::text::{DocumentLayout, LayoutEngine, LayoutParams, Rect};
use std::collections::HashMap;
use std::sync::Arc;
use tiny_skia::{Color, Paint, PathBuilder, Pixmap, Stroke, StrokeDash, Transform};

/// How to render.
#[derive(Clone, Copy, Debug)]
pub struct RenderOptions {
    /// Image width in pixels.
    pub width: u32,
    /// Text size in pixels.
    pub font_size: f32,
    /// Type labels over each span.
    pub labels: bool,
    /// Dark background.
    pub dark: bool,
    /// Paragraph direction.
    pub direction: Direction,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self { width: 1000, font_size: 22.0, labels: false, dark: false, direction: Direction::Auto }
    }
}

/// Why rendering failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The requested size is empty or too large.
    #[error("cannot make a {0}x{1} image (the width must be 200 to 8000 pixels)")]
    Size(u32, u32),
    /// Writing the PNG failed.
    #[error("cannot write the image: {0}")]
    Encode(String),
}

const MARGIN: f32 = 28.0;

/// Renders `text` with `highlights` and, when a schema is given, a colour legend of its entity and event
/// types at the top. Returns PNG bytes.
pub fn render_png(
    text: Arc<DocText>,
    highlights: &HighlightSet,
    schema: Option<&Schema>,
    options: RenderOptions,
) -> Result<Vec<u8>, RenderError> {
    if !(200..=8000).contains(&options.width) {
        return Err(RenderError::Size(options.width, 0));
    }
    let mut engine = LayoutEngine::new();
    let width = options.width as f32;
    let params = LayoutParams {
        font_size: options.font_size,
        width: width - 2.0 * MARGIN,
        direction: options.direction,
        ..LayoutParams::default()
    };
    let layout = engine.layout(text, params);
    let style = SceneStyle { dark: options.dark, labels: options.labels, font_size: options.font_size };
    let mut shapes = Vec::new();
    let mut top = MARGIN;
    if let Some(schema) = schema {
        top += legend(schema, width, &mut shapes, options.font_size);
    }
    let body: Vec<Shape> = highlights.shapes(&layout, f32::MIN, f32::MAX, style, None);
    shapes.extend(body.into_iter().map(|s| translate(s, MARGIN, top)));
    let height = (top + layout.height() + MARGIN).ceil() as u32;
    let mut pixmap = Pixmap::new(options.width, height).ok_or(RenderError::Size(options.width, height))?;
    let (bg, fg) = if options.dark { ([30, 30, 30], [230, 230, 230]) } else { ([255, 255, 255], [20, 20, 20]) };
    pixmap.fill(Color::from_rgba8(bg[0], bg[1], bg[2], 255));
    let mut painter = GlyphPainter::default();
    for shape in &shapes {
        match shape {
            Shape::Label { x, y, text, color, right_aligned } => {
                painter.label(
                    &mut pixmap,
                    &mut engine,
                    text,
                    *x,
                    *y,
                    *color,
                    *right_aligned,
                    label_size(options.font_size),
                );
            }
            other => draw_shape(&mut pixmap, other),
        }
    }
    painter.glyphs(&mut pixmap, &layout, MARGIN, top, Rgba([fg[0], fg[1], fg[2], 255]));
    pixmap.encode_png().map_err(|e| RenderError::Encode(e.to_string()))
}

/// Adds a legend (swatch and type id per entity and event type, wrapped to the width) and returns its
/// height.
fn legend(schema: &Schema, width: f32, shapes: &mut Vec<Shape>, font_size: f32) -> f32 {
    let size = label_size(font_size) * 1.4;
    let row = size * 1.7;
    let (mut x, mut y) = (MARGIN, MARGIN);
    let entries = schema
        .entity_types
        .iter()
        .map(|t| (t.id.as_str(), t.color, false))
        .chain(schema.event_types.iter().map(|t| (t.id.as_str(), t.color, true)));
    for (id, color, event) in entries {
        let advance = size * 1.6 + id.len() as f32 * size * 0.55 + size;
        if x + advance > width - MARGIN && x > MARGIN {
            x = MARGIN;
            y += row;
        }
        let [r, g, b] = color.0;
        let swatch = Rect::new(x, y, x + size, y + size);
        if event {
            shapes.push(Shape::Outline(swatch, Rgba([r, g, b, 255]), 2.0));
        } else {
            shapes.push(Shape::Fill(swatch, Rgba([r, g, b, 255])));
        }
        let label = Shape::Label {
            x: x + size * 1.3,
            y: y + size * 0.85,
            text: id.to_owned(),
            color: Rgba([r, g, b, 255]),
            right_aligned: false,
        };
        shapes.push(label);
        x += advance;
    }
    y - MARGIN + row + size * 0.5
}

fn translate(shape: Shape, dx: f32, dy: f32) -> Shape {
    match shape {
        Shape::Fill(r, c) => Shape::Fill(r.translate(dx, dy), c),
        Shape::Outline(r, c, w) => Shape::Outline(r.translate(dx, dy), c, w),
        Shape::Dashed(r, c, w) => Shape::Dashed(r.translate(dx, dy), c, w),
        Shape::Label { x, y, text, color, right_aligned } => {
            Shape::Label { x: x + dx, y: y + dy, text, color, right_aligned }
        }
    }
}

fn paint(color: Rgba) -> Paint<'static> {
    let mut p = Paint::default();
    let [r, g, b, a] = color.0;
    p.set_color_rgba8(r, g, b, a);
    p.anti_alias = true;
    p
}

fn draw_shape(pixmap: &mut Pixmap, shape: &Shape) {
    let rect_path = |r: &Rect| {
        let mut pb = PathBuilder::new();
        pb.push_rect(tiny_skia::Rect::from_ltrb(r.x0, r.y0, r.x1, r.y1)?);
        pb.finish()
    };
    match shape {
        Shape::Fill(r, c) => {
            if let Some(rect) = tiny_skia::Rect::from_ltrb(r.x0, r.y0, r.x1, r.y1) {
                pixmap.fill_rect(rect, &paint(*c), Transform::identity(), None);
            }
        }
        Shape::Outline(r, c, w) | Shape::Dashed(r, c, w) => {
            let Some(path) = rect_path(r) else { return };
            let mut stroke = Stroke { width: *w, ..Stroke::default() };
            if matches!(shape, Shape::Dashed(..)) {
                stroke.dash = StrokeDash::new(vec![w * 3.0, w * 2.0], 0.0);
            }
            pixmap.stroke_path(&path, &paint(*c), &stroke, Transform::identity(), None);
        }
        Shape::Label { .. } => {}
    }
}

/// Rasterizes glyphs (cached per glyph, size and subpixel step) and blends them onto the image.
#[derive(Default)]
struct GlyphPainter {
    rasterizer: Rasterizer,
    cache: HashMap<(u64, u32, u32, u32, u8), Option<crate::text::raster::GlyphImage>>,
}

impl GlyphPainter {
    fn glyphs(&mut self, pixmap: &mut Pixmap, layout: &DocumentLayout, dx: f32, dy: f32, color: Rgba) {
        layout.visible_glyphs(f32::MIN, f32::MAX, |g| {
            let (whole, sub) = split_subpixel(g.x + dx);
            let key = (g.font_id, g.font_index, g.glyph_id, g.font_size.to_bits(), sub);
            let rasterizer = &mut self.rasterizer;
            let image = self
                .cache
                .entry(key)
                .or_insert_with(|| rasterizer.rasterize(g.font_data, g.font_index, g.glyph_id, g.font_size, sub));
            if let Some(img) = image {
                blend(pixmap, img, whole as i32 + img.left, (g.y + dy).round() as i32 - img.top, color);
            }
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn label(
        &mut self,
        pixmap: &mut Pixmap,
        engine: &mut LayoutEngine,
        text: &str,
        x: f32,
        y: f32,
        color: Rgba,
        right: bool,
        size: f32,
    ) {
        let params = LayoutParams { font_size: size, line_height: 1.2, width: 2000.0, direction: Direction::Ltr };
        let layout = engine.layout(Arc::new(DocText::new(text.to_owned())), params);
        let width = layout.grapheme_boxes(f32::MIN, f32::MAX).iter().flatten().map(|b| b.rect.x1).fold(0.0, f32::max);
        let baseline = layout.paragraphs().first().map_or(0.0, |p| p.top) + size * 1.2 * 0.75;
        let left = if right { x - width } else { x };
        self.glyphs(pixmap, &layout, left, y - baseline, color);
    }
}

/// Source-over blend of a coverage mask in one colour at pixel position `(x, y)` (top left of the mask).
fn blend(pixmap: &mut Pixmap, img: &crate::text::raster::GlyphImage, x: i32, y: i32, color: Rgba) {
    let (w, h) = (pixmap.width() as i32, pixmap.height() as i32);
    let [r, g, b, a] = color.0.map(u32::from);
    let data = pixmap.data_mut();
    for row in 0..img.height as i32 {
        let py = y + row;
        if py < 0 || py >= h {
            continue;
        }
        for col in 0..img.width as i32 {
            let px = x + col;
            if px < 0 || px >= w {
                continue;
            }
            let coverage = u32::from(img.alpha[(row * img.width as i32 + col) as usize]) * a / 255;
            if coverage == 0 {
                continue;
            }
            let i = ((py * w + px) * 4) as usize;
            let inv = 255 - coverage;
            for (c, src) in [r, g, b].into_iter().enumerate() {
                data[i + c] = ((src * coverage + u32::from(data[i + c]) * inv) / 255) as u8;
            }
            data[i + 3] = (coverage + u32::from(data[i + 3]) * inv / 255) as u8;
        }
    }
}
