//! Drawing on a page with tiny-skia: highlight shapes, glyphs from a cache of rasterized glyphs, labels.
//! Positions are in image coordinates (of the one tall image of the whole document); a page is a band of
//! that image, moved up by a whole number of rows, so that every pixel comes out exactly as it would in the
//! tall image.

use crate::model::{Direction, DocText};
use crate::text::raster::{GlyphImage, Rasterizer, split_subpixel};
use crate::text::scene::{Rgba, Shape};
use crate::text::{DocumentLayout, LayoutEngine, LayoutParams};
use std::collections::HashMap;
use std::sync::Arc;
use tiny_skia::{Paint, PathBuilder, Pixmap, Stroke, StrokeDash, Transform};

/// A page: its pixels and the image row of its top.
pub(super) struct Canvas<'a> {
    pub(super) pixmap: &'a mut Pixmap,
    pub(super) row: u32,
}

fn paint(color: Rgba) -> Paint<'static> {
    let mut p = Paint::default();
    let [r, g, b, a] = color.0;
    p.set_color_rgba8(r, g, b, a);
    p.anti_alias = true;
    p
}

impl Canvas<'_> {
    /// Draws a fill, outline or dashed outline (labels are drawn by [`GlyphPainter::label`]).
    ///
    /// The shape is rasterized into a coverage mask of its own, placed on whole pixels of the tall image,
    /// and blended like a glyph: tiny-skia's strokes and edges depend a little on where on the canvas they
    /// are drawn, and a shape must come out the same on whichever page it falls.
    pub(super) fn shape(&mut self, shape: &Shape) {
        let (r, color, stroke) = match shape {
            Shape::Fill(r, c) => (r, *c, None),
            Shape::Outline(r, c, w) => (r, *c, Some((*w, false))),
            Shape::Dashed(r, c, w) => (r, *c, Some((*w, true))),
            Shape::Label { .. } => return,
        };
        let pad = stroke.map_or(0.0, |(w, _)| w / 2.0 + 1.0);
        let (left, top) = ((r.x0 - pad).floor(), (r.y0 - pad).floor());
        let (right, bottom) = ((r.x1 + pad).ceil(), (r.y1 + pad).ceil());
        let page_top = self.row as f32;
        if bottom < page_top || top > page_top + self.pixmap.height() as f32 || right <= left {
            return;
        }
        let Some(mut mask) = Pixmap::new((right - left) as u32 + 1, (bottom - top) as u32 + 1) else { return };
        let Some(local) = tiny_skia::Rect::from_ltrb(r.x0 - left, r.y0 - top, r.x1 - left, r.y1 - top) else { return };
        let white = paint(Rgba([255, 255, 255, 255]));
        let id = Transform::identity();
        match stroke {
            None => mask.fill_rect(local, &white, id, None),
            Some((w, dashed)) => {
                let mut stroke = Stroke { width: w, ..Stroke::default() };
                if dashed {
                    stroke.dash = StrokeDash::new(vec![w * 3.0, w * 2.0], 0.0);
                }
                mask.stroke_path(&PathBuilder::from_rect(local), &white, &stroke, id, None);
            }
        }
        let coverage: Vec<u8> = mask.pixels().iter().map(|p| p.alpha()).collect();
        let at = (left as i32, top as i32 - self.row as i32);
        blend(self.pixmap, &coverage, mask.width(), at, color);
    }
}

/// A type label to draw: its text, anchor (baseline; `right` when `x` is its right end) and colour.
pub(super) struct Label<'a> {
    pub(super) text: &'a str,
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) color: Rgba,
    pub(super) right: bool,
}

/// Rasterizes glyphs (cached per glyph, size and subpixel step) and blends them onto the page.
#[derive(Default)]
pub(super) struct GlyphPainter {
    rasterizer: Rasterizer,
    cache: HashMap<(u64, u32, u32, u32, u8), Option<GlyphImage>>,
}

impl GlyphPainter {
    /// Draws the glyphs of the lines of `layout` in the text band `band`, the text's origin at `origin`
    /// in image coordinates.
    pub(super) fn glyphs(
        &mut self,
        canvas: &mut Canvas<'_>,
        layout: &DocumentLayout,
        band: (f32, f32),
        origin: (f32, f32),
        color: Rgba,
    ) {
        let (dx, dy) = origin;
        let row = canvas.row as i32;
        layout.visible_glyphs(band.0, band.1, |g| {
            let (whole, sub) = split_subpixel(g.x + dx);
            let key = (g.font_id, g.font_index, g.glyph_id, g.font_size.to_bits(), sub);
            let rasterizer = &mut self.rasterizer;
            let image = self
                .cache
                .entry(key)
                .or_insert_with(|| rasterizer.rasterize(g.font_data, g.font_index, g.glyph_id, g.font_size, sub));
            if let Some(img) = image {
                let y = (g.y + dy).round() as i32 - img.top - row;
                blend(canvas.pixmap, &img.alpha, img.width, (whole as i32 + img.left, y), color);
            }
        });
    }

    /// Draws a label in Latin letters of `size` pixels.
    pub(super) fn label(&mut self, canvas: &mut Canvas<'_>, engine: &mut LayoutEngine, label: &Label<'_>, size: f32) {
        let params = LayoutParams { font_size: size, line_height: 1.2, width: 2000.0, direction: Direction::Ltr };
        let layout = engine.layout(Arc::new(DocText::new(label.text.to_owned())), params);
        let width = layout.grapheme_boxes(f32::MIN, f32::MAX).iter().flatten().map(|b| b.rect.x1).fold(0.0, f32::max);
        let baseline = layout.paragraphs().first().map_or(0.0, |p| p.top) + size * 1.2 * 0.75;
        let left = if label.right { label.x - width } else { label.x };
        self.glyphs(canvas, &layout, (f32::MIN, f32::MAX), (left, label.y - baseline), label.color);
    }
}

/// Source-over blend of a coverage mask `width` pixels wide in one colour, its top left at pixel `at`.
fn blend(pixmap: &mut Pixmap, alpha: &[u8], width: u32, at: (i32, i32), color: Rgba) {
    let (w, h) = (pixmap.width() as i32, pixmap.height() as i32);
    let [r, g, b, a] = color.0.map(u32::from);
    let data = pixmap.data_mut();
    for (row, line) in alpha.chunks(width as usize).enumerate() {
        let py = at.1 + row as i32;
        if py < 0 || py >= h {
            continue;
        }
        for (col, &cover) in line.iter().enumerate() {
            let px = at.0 + col as i32;
            if px < 0 || px >= w {
                continue;
            }
            let coverage = u32::from(cover) * a / 255;
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
