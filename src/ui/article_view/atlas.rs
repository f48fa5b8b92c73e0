//! The glyph atlas: rasterized glyphs packed into one texture, uploaded piece by piece.
//!
//! Glyphs are rasterized by swash at the screen's pixel size and quarter-pixel x offsets, packed with
//! etagere's shelf allocator, and uploaded with `set_partial` (only the new glyph's rectangle), sampled
//! with linear filtering. When the atlas is full it is cleared and refilled with what is on screen; if a
//! single screen does not fit, it doubles in size (up to 4096 pixels).

use crate::text::PositionedGlyph;
use crate::text::raster::{Rasterizer, split_subpixel};
use eframe::egui::{self, Color32, ColorImage, Pos2, Rect, TextureHandle, TextureOptions};
use etagere::{AtlasAllocator, size2};
use std::collections::HashMap;

const INITIAL_SIZE: i32 = 1024;
const MAX_SIZE: i32 = 4096;
/// Empty pixels around each glyph, so that linear filtering never samples a neighbour.
const PADDING: i32 = 1;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct GlyphKey {
    font_id: u64,
    font_index: u32,
    glyph_id: u32,
    size_bits: u32,
    subpixel: u8,
}

#[derive(Clone, Copy)]
struct Entry {
    uv: Rect,
    left: i32,
    top: i32,
    width: u32,
    height: u32,
}

/// Rasterized glyphs in a texture.
pub struct GlyphAtlas {
    texture: Option<TextureHandle>,
    size: i32,
    allocator: AtlasAllocator,
    /// `None` records a glyph with no ink, so it is not rasterized again.
    entries: HashMap<GlyphKey, Option<Entry>>,
    rasterizer: Rasterizer,
    /// Frame counter, advanced by [`GlyphAtlas::begin_frame`].
    frame: u64,
    /// Frame of the last clear, to tell "full with old glyphs" from "this screen does not fit".
    cleared_in_frame: Option<u64>,
}

impl Default for GlyphAtlas {
    fn default() -> Self {
        Self {
            texture: None,
            size: INITIAL_SIZE,
            allocator: AtlasAllocator::new(size2(INITIAL_SIZE, INITIAL_SIZE)),
            entries: HashMap::new(),
            rasterizer: Rasterizer::new(),
            frame: 0,
            cleared_in_frame: None,
        }
    }
}

impl GlyphAtlas {
    /// The texture to draw glyph quads with (created on first use).
    pub fn texture_id(&mut self, ctx: &egui::Context) -> egui::TextureId {
        self.texture(ctx).id()
    }

    fn texture(&mut self, ctx: &egui::Context) -> &mut TextureHandle {
        let size = self.size as usize;
        self.texture.get_or_insert_with(|| {
            ctx.load_texture(
                "article-glyphs",
                ColorImage::filled([size, size], Color32::TRANSPARENT),
                TextureOptions::LINEAR,
            )
        })
    }

    /// Call once per frame before adding glyphs.
    pub fn begin_frame(&mut self) {
        self.frame += 1;
    }

    /// Adds the quad of `glyph` to `mesh`, `origin` being where document coordinates start on screen.
    /// Returns false if the atlas had to be cleared this frame (the caller should repaint once more).
    pub fn add_glyph(
        &mut self,
        ctx: &egui::Context,
        mesh: &mut egui::Mesh,
        glyph: &PositionedGlyph<'_>,
        origin: Pos2,
        pixels_per_point: f32,
        color: Color32,
    ) -> bool {
        let (whole, subpixel) = split_subpixel((origin.x + glyph.x) * pixels_per_point);
        let key = GlyphKey {
            font_id: glyph.font_id,
            font_index: glyph.font_index,
            glyph_id: glyph.glyph_id,
            size_bits: (glyph.font_size * pixels_per_point).to_bits(),
            subpixel,
        };
        let mut complete = true;
        let entry = match self.entries.get(&key) {
            Some(e) => *e,
            None => {
                let (entry, ok) = self.insert(ctx, key, glyph, pixels_per_point);
                complete = ok;
                entry
            }
        };
        if let Some(e) = entry {
            let y_px = ((origin.y + glyph.y) * pixels_per_point).round();
            let min = Pos2::new((whole + e.left as f32) / pixels_per_point, (y_px - e.top as f32) / pixels_per_point);
            let size = egui::vec2(e.width as f32 / pixels_per_point, e.height as f32 / pixels_per_point);
            mesh.add_rect_with_uv(Rect::from_min_size(min, size), e.uv, color);
        }
        complete
    }

    fn insert(
        &mut self,
        ctx: &egui::Context,
        key: GlyphKey,
        glyph: &PositionedGlyph<'_>,
        ppp: f32,
    ) -> (Option<Entry>, bool) {
        let frame = self.frame;
        let size_px = glyph.font_size * ppp;
        let Some(image) =
            self.rasterizer.rasterize(glyph.font_data, glyph.font_index, glyph.glyph_id, size_px, key.subpixel)
        else {
            self.entries.insert(key, None);
            return (None, true);
        };
        let (w, h) = (image.width as i32, image.height as i32);
        let mut complete = true;
        let allocation = loop {
            if let Some(a) = self.allocator.allocate(size2(w + 2 * PADDING, h + 2 * PADDING)) {
                break Some(a);
            }
            complete = false;
            if self.cleared_in_frame == Some(frame) {
                if self.size >= MAX_SIZE {
                    break None; // a glyph larger than the whole atlas: skip it
                }
                self.size *= 2;
                self.texture = None;
            }
            self.allocator = AtlasAllocator::new(size2(self.size, self.size));
            self.entries.clear();
            self.cleared_in_frame = Some(frame);
        };
        let Some(allocation) = allocation else {
            self.entries.insert(key, None);
            return (None, complete);
        };
        let x = allocation.rectangle.min.x + PADDING;
        let y = allocation.rectangle.min.y + PADDING;
        let pixels: Vec<Color32> = image.alpha.iter().map(|&a| Color32::from_white_alpha(a)).collect();
        let patch = ColorImage::new([image.width as usize, image.height as usize], pixels);
        self.texture(ctx).set_partial([x as usize, y as usize], patch, TextureOptions::LINEAR);
        let s = self.size as f32;
        let uv = Rect::from_min_max(
            Pos2::new(x as f32 / s, y as f32 / s),
            Pos2::new((x + w) as f32 / s, (y + h) as f32 / s),
        );
        let entry = Entry { uv, left: image.left, top: image.top, width: image.width, height: image.height };
        self.entries.insert(key, Some(entry));
        (Some(entry), complete)
    }
}
