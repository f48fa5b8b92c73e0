//! Renders an annotated article to PNG without a window: for papers, reports, and checking the rendering
//! by eye (`tarmeez render`). Draws the same display list as the article view. A short document makes one
//! image; a long one is rendered in pages, laid out and drawn a page at a time so that memory stays
//! bounded.

mod draw;

use crate::model::{Direction, DocText, Schema};
use crate::text::scene::{HighlightSet, Rgba, SceneStyle, Shape, label_size};
use crate::text::{DocumentLayout, LayoutEngine, LayoutParams, Rect};
use draw::{Canvas, GlyphPainter, Label};
use std::ops::Range;
use std::sync::Arc;
use tiny_skia::{Color, Pixmap};

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
    /// The page height is out of range.
    #[error("a page must be {MIN_PAGE_HEIGHT} to {MAX_IMAGE_HEIGHT} pixels tall, not {0}")]
    PageHeight(u32),
    /// One image would be too tall for the document.
    #[error(
        "the document is more than {MAX_IMAGE_HEIGHT} pixels tall at this width, too tall for one image: render it in pages"
    )]
    TooTall,
    /// Writing the PNG failed.
    #[error("cannot write the image: {0}")]
    Encode(String),
}

/// Space around the text, in pixels.
pub const MARGIN: f32 = 28.0;
/// The tallest image made: 160 MB of pixels at 1000 pixels wide. Longer documents are rendered in pages.
pub const MAX_IMAGE_HEIGHT: u32 = 40_000;
/// The shortest page: room for the legend and a few lines.
pub const MIN_PAGE_HEIGHT: u32 = 200;

/// Renders `text` with `highlights` and, when a schema is given, a colour legend of its entity and event
/// types at the top, as one image. Returns PNG bytes; [`RenderError::TooTall`] when the document needs
/// more than [`MAX_IMAGE_HEIGHT`] pixels (render it with [`Pages`] then).
pub fn render_png(
    text: Arc<DocText>,
    highlights: &HighlightSet,
    schema: Option<&Schema>,
    options: RenderOptions,
) -> Result<Vec<u8>, RenderError> {
    render_png_noting_missing(text, highlights, schema, options).map(|(png, _)| png)
}

/// [`render_png`], and the characters it drew as empty boxes (no font had a glyph), with their counts.
pub fn render_png_noting_missing(
    text: Arc<DocText>,
    highlights: &HighlightSet,
    schema: Option<&Schema>,
    options: RenderOptions,
) -> Result<(Vec<u8>, std::collections::BTreeMap<char, usize>), RenderError> {
    let mut pages = Pages::new(text, highlights, schema, options, MAX_IMAGE_HEIGHT)?;
    let first = pages.next_rows().ok_or(RenderError::TooTall)?;
    if pages.next.is_some() {
        return Err(RenderError::TooTall);
    }
    let png = pages.draw(first)?;
    Ok((png, pages.missing_glyphs()))
}

/// Renders a document as a series of images at most `page_height` pixels tall, cut between lines, so that
/// memory stays bounded whatever the document's length: only the paragraphs of the page being drawn are
/// kept laid out. The pages stacked are the one image [`render_png`] makes, pixel for pixel.
pub struct Pages<'a> {
    engine: LayoutEngine,
    layout: DocumentLayout,
    highlights: &'a HighlightSet,
    options: RenderOptions,
    page_height: u32,
    /// The legend's shapes, in image coordinates.
    legend: Vec<Shape>,
    /// Image y of the text's origin (below the top margin and the legend).
    top: f32,
    /// Image row where the next page starts; `None` after the last.
    next: Option<u32>,
    painter: GlyphPainter,
    /// Characters of the pages drawn so far that no font had a glyph for.
    missing: std::collections::BTreeSet<char>,
}

impl<'a> Pages<'a> {
    /// Prepares to render `text` in pages of at most `page_height` pixels.
    pub fn new(
        text: Arc<DocText>,
        highlights: &'a HighlightSet,
        schema: Option<&Schema>,
        options: RenderOptions,
        page_height: u32,
    ) -> Result<Self, RenderError> {
        if !(200..=8000).contains(&options.width) {
            return Err(RenderError::Size(options.width, 0));
        }
        if !(MIN_PAGE_HEIGHT..=MAX_IMAGE_HEIGHT).contains(&page_height) {
            return Err(RenderError::PageHeight(page_height));
        }
        let width = options.width as f32;
        let params = LayoutParams {
            font_size: options.font_size,
            width: width - 2.0 * MARGIN,
            direction: options.direction,
            ..LayoutParams::default()
        };
        let mut legend_shapes = Vec::new();
        let mut top = MARGIN;
        if let Some(schema) = schema {
            top += legend(schema, width, &mut legend_shapes, options.font_size);
        }
        Ok(Self {
            engine: LayoutEngine::new(),
            layout: DocumentLayout::outline(text, params),
            highlights,
            options,
            page_height,
            legend: legend_shapes,
            top,
            next: Some(0),
            painter: GlyphPainter::default(),
            missing: Default::default(),
        })
    }

    /// The next page as PNG bytes, or `None` after the last.
    pub fn next_page(&mut self) -> Result<Option<Vec<u8>>, RenderError> {
        match self.next_rows() {
            Some(rows) => self.draw(rows).map(Some),
            None => Ok(None),
        }
    }

    /// The characters of the pages drawn so far that no font had a glyph for (drawn as empty boxes), each
    /// with the number of times the text holds it.
    pub fn missing_glyphs(&self) -> std::collections::BTreeMap<char, usize> {
        let mut counts: std::collections::BTreeMap<char, usize> = self.missing.iter().map(|c| (*c, 0)).collect();
        for c in self.layout.text().as_str().chars() {
            if let Some(n) = counts.get_mut(&c) {
                *n += 1;
            }
        }
        counts
    }

    /// The image rows of the next page, without drawing it (to count pages), or `None` after the last.
    /// The page ends at the top of the last line that starts within `page_height` rows, or at the end of
    /// the image.
    pub fn next_rows(&mut self) -> Option<Range<u32>> {
        let y0 = self.next?;
        let limit = y0 + self.page_height;
        let (b0, b1) = (y0 as f32 - self.top, limit as f32 - self.top);
        let reach = self.layout.params().line_px();
        self.engine.shape_band(&mut self.layout, b0 - reach, b1 + reach);
        let end = (self.top + self.layout.height() + MARGIN).ceil() as u32;
        let y1 = if self.layout.is_complete() && end <= limit {
            self.next = None;
            end
        } else {
            let cut = self.last_line_top(b0, b1).unwrap_or(limit).max(y0 + 1);
            self.next = Some(cut);
            cut
        };
        Some(y0..y1)
    }

    /// The image row of the top of the last line starting after `b0` and at or before `b1` (text
    /// coordinates).
    fn last_line_top(&self, b0: f32, b1: f32) -> Option<u32> {
        let mut best = None;
        for p in &self.layout.paragraphs()[self.layout.visible_paragraphs(b0, b1)] {
            let tops = p.line_tops();
            let starts = if tops.is_empty() { &[0.0][..] } else { tops };
            for &t in starts {
                let row = (self.top + p.top + t).round();
                if row > (b0 + self.top).round() && row <= (b1 + self.top).round() {
                    best = Some(row as u32);
                }
            }
        }
        best
    }

    /// Draws image rows `rows` and drops the layout of the paragraphs above them.
    fn draw(&mut self, rows: Range<u32>) -> Result<Vec<u8>, RenderError> {
        let height = rows.end - rows.start;
        let mut pixmap =
            Pixmap::new(self.options.width, height).ok_or(RenderError::Size(self.options.width, height))?;
        let dark = self.options.dark;
        let (bg, fg) = if dark { ([30, 30, 30], [230, 230, 230]) } else { ([255, 255, 255], [20, 20, 20]) };
        pixmap.fill(Color::from_rgba8(bg[0], bg[1], bg[2], 255));
        let y0 = rows.start as f32;
        // Everything that can reach into the page is drawn (clipped): a page is exactly its rows of the
        // one tall image.
        let reach = self.layout.params().line_px();
        let (b0, b1) = (y0 - self.top - reach, rows.end as f32 - self.top + reach);
        let style = SceneStyle { dark, labels: self.options.labels, font_size: self.options.font_size };
        let body = self.highlights.shapes(&self.layout, b0, b1, style, None);
        let mut shapes: Vec<Shape> = if y0 < self.top { self.legend.clone() } else { Vec::new() };
        shapes.extend(body.into_iter().map(|s| translate(s, MARGIN, self.top)));
        let mut canvas = Canvas { pixmap: &mut pixmap, row: rows.start };
        for shape in &shapes {
            match shape {
                Shape::Label { x, y, text, color, right_aligned } => {
                    let label = Label { text, x: *x, y: *y, color: *color, right: *right_aligned };
                    self.painter.label(&mut canvas, &mut self.engine, &label, label_size(self.options.font_size));
                }
                other => canvas.shape(other),
            }
        }
        let ink = Rgba([fg[0], fg[1], fg[2], 255]);
        self.painter.glyphs(&mut canvas, &self.layout, (b0, b1), (MARGIN, self.top), ink);
        self.missing.extend(self.layout.missing_glyphs().into_keys());
        let above = self.layout.paragraph_at_y(b1 - 2.0 * reach);
        self.layout.evict(0..above);
        encode(&pixmap)
    }
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

/// Encodes an opaque image as an RGB PNG, deflated at level 2: deflating dominates the time of rendering a
/// long document, and the default level took twice as long for files 4% smaller.
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, RenderError> {
    // Every page is filled with an opaque background first, so premultiplied is straight colour here.
    let rgb: Vec<u8> = pixmap.data().chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_deflate_compression(png::DeflateCompression::Level(2));
    encoder.set_filter(png::Filter::Adaptive);
    let failed = |e: png::EncodingError| RenderError::Encode(e.to_string());
    let mut writer = encoder.write_header().map_err(failed)?;
    writer.write_image_data(&rgb).map_err(failed)?;
    writer.finish().map_err(failed)?;
    Ok(out)
}
