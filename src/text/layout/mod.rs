//! Paragraph layout of a document with parley: bidi, Arabic shaping, line breaking; plus the queries the
//! article view needs (hit testing, highlight rectangles, visible glyphs), all in document coordinates.
//!
//! Coordinates: layout units (logical pixels at zoom 1), origin at the top left of the document, x to the
//! right, y down. Offsets: code points of the whole document, as everywhere in Tarmeez.

mod caret;
// The glyphs to draw, with tashkeel left out on request.
mod glyphs;
mod incremental;
mod missing;
mod trailing;

pub use caret::{Motion, Moved};

use super::fonts::{FAMILIES, font_context, font_context_with};
use super::geometry::Rect;
use crate::model::{Direction, DocText, Span};
use parley::{
    Affinity, Alignment, AlignmentOptions, BaseDirection, Cluster, Cursor, FontContext, FontFamily, Layout,
    LayoutContext, LineHeight, PositionedLayoutItem, StyleProperty,
};
use std::ops::Range;
use std::sync::Arc;

/// What a layout depends on besides the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutParams {
    /// Font size in layout units.
    pub font_size: f32,
    /// Line height as a multiple of the font size. Naskh needs room for stacked diacritics.
    pub line_height: f32,
    /// Width available for lines.
    pub width: f32,
    /// Paragraph direction: automatic per paragraph, or forced for the whole document.
    pub direction: Direction,
}

impl Default for LayoutParams {
    fn default() -> Self {
        Self { font_size: 20.0, line_height: 1.8, width: 800.0, direction: Direction::Auto }
    }
}

impl LayoutParams {
    /// Line height in layout units.
    pub fn line_px(&self) -> f32 {
        self.font_size * self.line_height
    }
}

/// Shapes and lays out text. Holds the font collection and parley's scratch buffers; reuse one per thread.
pub struct LayoutEngine {
    fcx: FontContext,
    lcx: LayoutContext<()>,
}

impl Default for LayoutEngine {
    fn default() -> Self {
        Self::new()
    }
}

impl LayoutEngine {
    /// An engine with the embedded article fonts, and the system's behind them if the process asked for
    /// them ([`super::fonts::set_system_fallback`]).
    pub fn new() -> Self {
        Self { fcx: font_context(), lcx: LayoutContext::new() }
    }

    /// An engine with the embedded article fonts, and the system's behind them if `system` is true,
    /// whatever the process asked for.
    pub fn with_system_fonts(system: bool) -> Self {
        Self { fcx: font_context_with(system), lcx: LayoutContext::new() }
    }

    /// Lays out every paragraph of `text` (paragraphs end at `\n`).
    pub fn layout(&mut self, text: Arc<DocText>, params: LayoutParams) -> DocumentLayout {
        let mut doc = DocumentLayout::outline(text, params);
        let shaped: Vec<_> = (0..doc.paragraphs.len())
            .filter(|&i| !doc.paragraphs[i].is_laid_out())
            .map(|i| (i, self.shape(&doc, i)))
            .collect();
        doc.insert(shaped);
        doc
    }

    /// Lays out paragraph `i` of `doc` (its line breaks, glyphs and height), to be given back to
    /// [`DocumentLayout::insert`]: the article view does this for the visible paragraphs first and for the
    /// rest on another thread.
    pub fn shape(&mut self, doc: &DocumentLayout, i: usize) -> ShapedParagraph {
        let p = &doc.paragraphs[i];
        let body = &doc.text.as_str()[p.bytes.clone()];
        let layout = self.paragraph(body, &doc.params);
        let (line_tops, line_starts) =
            layout.lines().map(|line| (line.metrics().block_min_coord, line.text_range().start)).unzip();
        let shifted = trailing::shifted_lines(&layout, body);
        ShapedParagraph {
            chars: p.chars.clone(),
            height: layout.height(),
            shape: Shape { layout, line_tops, line_starts, shifted },
        }
    }

    /// Lays out every paragraph of `doc` that intersects the band `y0..y1` and is not laid out yet, until
    /// none is left (a paragraph that turns out shorter than estimated pulls the next one into the band).
    /// Returns the paragraphs it laid out. The tops of the paragraphs above the band do not move.
    pub fn shape_band(&mut self, doc: &mut DocumentLayout, y0: f32, y1: f32) -> Vec<usize> {
        let mut done = Vec::new();
        loop {
            let pending: Vec<usize> = doc.pending(doc.visible_paragraphs(y0, y1)).collect();
            if pending.is_empty() {
                return done;
            }
            let shaped: Vec<_> = pending.iter().map(|&i| (i, self.shape(doc, i))).collect();
            doc.insert(shaped);
            done.extend(pending);
        }
    }

    fn paragraph(&mut self, body: &str, params: &LayoutParams) -> Layout<()> {
        let mut b = self.lcx.ranged_builder(&mut self.fcx, body, 1.0, true);
        b.push_default(StyleProperty::FontSize(params.font_size));
        b.push_default(StyleProperty::FontFamily(FontFamily::Source(FAMILIES.into())));
        b.push_default(StyleProperty::LineHeight(LineHeight::FontSizeRelative(params.line_height)));
        b.set_base_direction(match params.direction {
            Direction::Auto => BaseDirection::Auto,
            Direction::Rtl => BaseDirection::Rtl,
            Direction::Ltr => BaseDirection::Ltr,
        });
        let mut layout: Layout<()> = b.build(body);
        layout.break_all_lines(Some(params.width));
        layout.align(Alignment::Start, AlignmentOptions::default());
        layout
    }
}

/// A paragraph's lines and glyphs.
struct Shape {
    layout: Layout<()>,
    /// Top of each line relative to the paragraph's top, for binary search.
    line_tops: Vec<f32>,
    /// Paragraph-local byte where each line starts, for binary search.
    line_starts: Vec<usize>,
    /// The lines where rule L1 moves the trailing white space, by line index (few or none).
    shifted: Vec<trailing::Shifted>,
}

/// Where a paragraph's height comes from.
enum State {
    /// Blank (only whitespace): half a line, nothing to draw.
    Blank,
    /// Not laid out yet: the height is an estimate from its length.
    Estimated,
    /// Laid out: exact height, lines and glyphs.
    Shaped(Box<Shape>),
    /// Laid out once, then its lines dropped to save memory: the height is exact.
    Measured,
}

/// A paragraph laid out by [`LayoutEngine::shape`], ready to be put into its document with
/// [`DocumentLayout::insert`]. It can be sent to another thread.
pub struct ShapedParagraph {
    /// The paragraph's code points, so that a paragraph of another document is never put in.
    chars: Range<usize>,
    height: f32,
    shape: Shape,
}

/// One paragraph of a laid-out document.
pub struct Paragraph {
    /// Its code points in the document, without the closing line break.
    pub chars: Range<usize>,
    /// Its bytes in the document, without the closing line break.
    pub bytes: Range<usize>,
    /// Top edge in document coordinates.
    pub top: f32,
    /// Height (a blank paragraph is half a line); an estimate until the paragraph is laid out.
    pub height: f32,
    state: State,
}

impl Paragraph {
    fn shape(&self) -> Option<&Shape> {
        match &self.state {
            State::Shaped(shape) => Some(shape),
            _ => None,
        }
    }

    /// The parley layout, `None` for a blank paragraph or one not laid out (yet, or any more).
    pub fn layout(&self) -> Option<&Layout<()>> {
        self.shape().map(|s| &s.layout)
    }

    /// Whether the paragraph is ready to draw and hit-test: laid out, or blank.
    pub fn is_laid_out(&self) -> bool {
        matches!(self.state, State::Blank | State::Shaped(_))
    }

    /// Whether its height is only an estimate (it has never been laid out).
    pub fn is_estimated(&self) -> bool {
        matches!(self.state, State::Estimated)
    }

    /// Whether the paragraph runs right to left.
    pub fn is_rtl(&self) -> bool {
        self.layout().is_some_and(|l| l.is_rtl())
    }

    /// Number of lines (0 unless laid out).
    pub fn line_count(&self) -> usize {
        self.shape().map_or(0, |s| s.line_tops.len())
    }

    /// The line at paragraph-relative `y` (clamped), by binary search.
    pub fn line_at(&self, y: f32) -> usize {
        self.shape().map_or(0, |s| s.line_tops.partition_point(|&top| top <= y).saturating_sub(1))
    }

    /// The line holding paragraph-local byte `b` (a byte where a line wraps starts the next line).
    fn line_of_byte(&self, b: usize) -> usize {
        self.shape().map_or(0, |s| s.line_starts.partition_point(|&start| start <= b).saturating_sub(1))
    }

    /// The top of each line relative to the paragraph's top (empty unless laid out).
    pub fn line_tops(&self) -> &[f32] {
        self.shape().map_or(&[], |s| &s.line_tops)
    }
}

/// A glyph ready to draw: which font, which glyph, where (document coordinates, baseline origin).
#[derive(Clone, Copy, Debug)]
pub struct PositionedGlyph<'a> {
    /// Font file bytes.
    pub font_data: &'a [u8],
    /// Stable id of the font blob, for caches.
    pub font_id: u64,
    /// Index of the font in its file.
    pub font_index: u32,
    /// Font size in layout units.
    pub font_size: f32,
    /// Glyph id in the font.
    pub glyph_id: u32,
    /// Pen x.
    pub x: f32,
    /// Baseline y.
    pub y: f32,
}

/// A grapheme's box on screen, from the layout's own cluster advances.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphemeBox {
    /// The grapheme (or the part of it inside one run).
    pub span: Span,
    /// Its box in document coordinates (full line height).
    pub rect: Rect,
}

/// A document laid out at one width and size.
pub struct DocumentLayout {
    text: Arc<DocText>,
    params: LayoutParams,
    paragraphs: Vec<Paragraph>,
    height: f32,
    /// How many paragraphs have only an estimated height.
    estimated: usize,
    /// Code points per full line, for estimating the height of paragraphs not laid out yet.
    chars_per_line: f32,
}

impl DocumentLayout {
    /// The text laid out.
    pub fn text(&self) -> &Arc<DocText> {
        &self.text
    }

    /// The parameters it was laid out with.
    pub fn params(&self) -> LayoutParams {
        self.params
    }

    /// Total height.
    pub fn height(&self) -> f32 {
        self.height
    }

    /// The paragraphs, top to bottom.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// Number of lines in all paragraphs.
    pub fn line_count(&self) -> usize {
        self.paragraphs.iter().map(Paragraph::line_count).sum()
    }

    /// Index of the paragraph at `y` (clamped to the first and last), by binary search.
    pub fn paragraph_at_y(&self, y: f32) -> usize {
        self.paragraphs.partition_point(|p| p.top <= y).saturating_sub(1)
    }

    /// Index of the paragraph holding code point `cp` (a line break belongs to the paragraph it ends).
    pub fn paragraph_of_char(&self, cp: usize) -> usize {
        self.paragraphs.partition_point(|p| p.chars.start <= cp).saturating_sub(1)
    }

    /// The paragraphs that intersect the band `y0..y1`.
    pub fn visible_paragraphs(&self, y0: f32, y1: f32) -> Range<usize> {
        let first = self.paragraphs.partition_point(|p| p.top + p.height < y0);
        let end = self.paragraphs.partition_point(|p| p.top <= y1);
        first..end.max(first)
    }

    /// The code points shown in the band `y0..y1` (whole paragraphs).
    pub fn visible_chars(&self, y0: f32, y1: f32) -> Range<usize> {
        let r = self.visible_paragraphs(y0, y1);
        if r.is_empty() {
            return 0..0;
        }
        self.paragraphs[r.start].chars.start..self.paragraphs[r.end - 1].chars.end + 1
    }

    /// Document code point of a paragraph-local byte index.
    fn char_of(&self, p: &Paragraph, local_byte: usize) -> usize {
        let global = p.bytes.start + local_byte.min(p.bytes.len());
        match self.text.char_of_byte(global) {
            Some(cp) => cp,
            // Parley only hands out character boundaries; be safe anyway.
            None => self.text.char_of_byte(self.text.as_str().floor_char_boundary(global)).unwrap_or(p.chars.start),
        }
    }

    /// Paragraph-local byte index of document code point `cp` (clamped to the paragraph).
    fn local_byte(&self, p: &Paragraph, cp: usize) -> usize {
        let cp = cp.clamp(p.chars.start, p.chars.end);
        self.text.byte_of(cp).unwrap_or(p.bytes.end) - p.bytes.start
    }

    /// The grapheme boundary at or before `cp`.
    fn floor_grapheme(&self, mut cp: usize) -> usize {
        while cp > 0 && !self.text.is_grapheme_boundary(cp) {
            cp -= 1;
        }
        cp
    }

    /// The caret offset nearest to the point: where a click puts the caret. Always a grapheme boundary.
    pub fn caret_at(&self, x: f32, y: f32) -> usize {
        let Some(p) = self.paragraphs.get(self.paragraph_at_y(y)) else { return 0 };
        let Some(layout) = p.layout() else { return p.chars.start };
        if let Some(b) = self.shifted_caret_at(p, p.line_at(y - p.top), x) {
            return self.floor_grapheme(self.char_of(p, b));
        }
        let cursor = Cursor::from_point(layout, x, y - p.top);
        self.floor_grapheme(self.char_of(p, cursor.index()))
    }

    /// On a line where rule L1 moved the trailing white space, the paragraph-local byte of the caret nearest
    /// to column `x`; `None` on any other line (parley's answer holds there).
    fn shifted_caret_at(&self, p: &Paragraph, line: usize, x: f32) -> Option<usize> {
        let s = self.shifted(p, line)?;
        let wrapped = line + 1 < p.line_count();
        trailing::caret_at_x(&self.placed(p, line), x, s.trailing, wrapped)
    }

    /// The grapheme under the point, if the point is on text (not in a margin or between lines).
    pub fn grapheme_at(&self, x: f32, y: f32) -> Option<Span> {
        let p = self.paragraphs.get(self.paragraph_at_y(y))?;
        let layout = p.layout()?;
        if y < p.top || y > p.top + p.height {
            return None;
        }
        let line = p.line_at(y - p.top);
        let range = if self.shifted(p, line).is_some() {
            trailing::cluster_at_x(&self.placed(p, line), x)?.bytes.clone()
        } else {
            Cluster::from_point_exact(layout, x, y - p.top)?.0.text_range()
        };
        let start = self.floor_grapheme(self.char_of(p, range.start));
        let mut end = self.char_of(p, range.end).max(start + 1);
        while end < self.text.len_chars() && !self.text.is_grapheme_boundary(end) {
            end += 1;
        }
        Some(Span::new(start, end))
    }

    /// The rectangles covering `span`: one per visual run on each line it touches, so a span that crosses
    /// a direction change or a line break gets several. Empty for an empty span.
    pub fn span_rects(&self, span: Span) -> Vec<Rect> {
        let mut out = Vec::new();
        self.span_rects_with(span, |r| out.push(r));
        out
    }

    /// Like [`Self::span_rects`], calling `f` for each rectangle instead of allocating.
    ///
    /// Walks the clusters of each line the span touches in visual order, with the same advances the glyphs
    /// are drawn with, and emits one rectangle per stretch of consecutive covered clusters within a run.
    pub fn span_rects_with(&self, span: Span, mut f: impl FnMut(Rect)) {
        if span.is_empty() {
            return;
        }
        let first = self.paragraph_of_char(span.start);
        for p in &self.paragraphs[first..] {
            if p.chars.start >= span.end {
                break;
            }
            let Some(layout) = p.layout() else { continue };
            let (a, b) = (self.local_byte(p, span.start), self.local_byte(p, span.end));
            if a >= b {
                continue;
            }
            let starts = p.shape().map_or(&[][..], |s| &s.line_starts);
            let first_line = starts.partition_point(|&s| s <= a).saturating_sub(1);
            for (i, line) in layout.lines().enumerate().skip(first_line) {
                if line.text_range().start >= b {
                    break;
                }
                let m = line.metrics();
                let (y0, y1) = (p.top + m.block_min_coord, p.top + m.block_max_coord);
                if self.shifted(p, i).is_some() {
                    shifted_rects(&self.placed(p, i), a..b, y0, y1, &mut f);
                    continue;
                }
                for item in line.items() {
                    let PositionedLayoutItem::GlyphRun(run) = item else { continue };
                    let mut x = run.offset();
                    let mut open: Option<f32> = None;
                    for cluster in run.run().visual_clusters() {
                        let start = cluster.text_range().start;
                        let inside = start >= a && start < b;
                        match (inside, open) {
                            (true, None) => open = Some(x),
                            (false, Some(x0)) => {
                                f(Rect::new(x0, y0, x, y1));
                                open = None;
                            }
                            _ => {}
                        }
                        x += cluster.advance();
                    }
                    if let Some(x0) = open {
                        f(Rect::new(x0, y0, x, y1));
                    }
                }
            }
        }
    }

    /// A thin rectangle where the caret at `cp` is drawn.
    pub fn caret_rect(&self, cp: usize) -> Rect {
        let i = self.paragraph_of_char(cp);
        let Some(p) = self.paragraphs.get(i) else { return Rect::default() };
        let Some(layout) = p.layout() else {
            // A blank line: at its start, on the right of a right-to-left text.
            let x = if self.paragraph_is_rtl(i) { self.params.width } else { 0.0 };
            return Rect::new(x, p.top, x + 1.5, p.top + p.height);
        };
        let b = self.local_byte(p, cp);
        let line = p.line_of_byte(b);
        if let (Some(s), Some(l)) = (self.shifted(p, line), layout.get(line))
            && let Some(x) = trailing::caret_x(&self.placed(p, line), b, s.trailing)
        {
            let m = l.metrics();
            return Rect::new(x, m.block_min_coord, x + 1.5, m.block_max_coord).translate(0.0, p.top);
        }
        let affinity = if cp >= p.chars.end { Affinity::Upstream } else { Affinity::Downstream };
        let bb = Cursor::from_byte_index(layout, b, affinity).geometry(layout, 1.5);
        Rect::new(bb.x0 as f32, bb.y0 as f32, bb.x1 as f32, bb.y1 as f32).translate(0.0, p.top)
    }

    /// Every grapheme's box in the paragraphs intersecting `y0..y1`, in visual order per line, computed from
    /// the layout's cluster advances (not from selection geometry), for tests and accessibility.
    pub fn grapheme_boxes(&self, y0: f32, y1: f32) -> Vec<Vec<GraphemeBox>> {
        let mut lines = Vec::new();
        for p in &self.paragraphs[self.visible_paragraphs(y0, y1)] {
            let Some(layout) = p.layout() else { continue };
            for (i, line) in layout.lines().enumerate() {
                let m = line.metrics();
                let (top, bottom) = (p.top + m.block_min_coord, p.top + m.block_max_coord);
                let mut boxes = Vec::new();
                if self.shifted(p, i).is_some() {
                    for c in self.placed(p, i) {
                        let span = Span::new(self.char_of(p, c.bytes.start), self.char_of(p, c.bytes.end));
                        boxes.push(GraphemeBox { span, rect: Rect::new(c.x, top, c.x + c.advance, bottom) });
                    }
                    lines.push(boxes);
                    continue;
                }
                for item in line.items() {
                    let PositionedLayoutItem::GlyphRun(run) = item else { continue };
                    let mut x = run.offset();
                    for cluster in run.run().visual_clusters() {
                        let advance = cluster.advance();
                        let range = cluster.text_range();
                        let span = Span::new(self.char_of(p, range.start), self.char_of(p, range.end));
                        boxes.push(GraphemeBox { span, rect: Rect::new(x, top, x + advance, bottom) });
                        x += advance;
                    }
                }
                lines.push(boxes);
            }
        }
        lines
    }

    /// The bottom of the line holding code point `cp`, and that line's top (for stacking underlines and
    /// labels).
    pub fn line_box_of(&self, cp: usize) -> Option<(f32, f32)> {
        let p = self.paragraphs.get(self.paragraph_of_char(cp))?;
        let layout = p.layout()?;
        let bb = Cursor::from_byte_index(layout, self.local_byte(p, cp), Affinity::Downstream).geometry(layout, 1.0);
        Some((p.top + bb.y0 as f32, p.top + bb.y1 as f32))
    }
}

/// Calls `f` with one rectangle per stretch of the clusters of `placed` (a line as drawn, left to right)
/// that start inside `bytes`, from `y0` to `y1`.
fn shifted_rects(placed: &[trailing::Placed], bytes: Range<usize>, y0: f32, y1: f32, f: &mut impl FnMut(Rect)) {
    let mut open: Option<(f32, f32)> = None;
    for c in placed {
        let inside = bytes.contains(&c.bytes.start);
        match (inside, open) {
            (true, None) => open = Some((c.x, c.x + c.advance)),
            (true, Some((x0, _))) => open = Some((x0, c.x + c.advance)),
            (false, Some((x0, x1))) => {
                f(Rect::new(x0, y0, x1, y1));
                open = None;
            }
            (false, None) => {}
        }
    }
    if let Some((x0, x1)) = open {
        f(Rect::new(x0, y0, x1, y1));
    }
}
