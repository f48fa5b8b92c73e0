//! Glyph rasterization with swash, shared by the on-screen glyph atlas and the PNG renderer.

use swash::FontRef;
use swash::scale::image::Content;
use swash::scale::{Render, ScaleContext, Source, StrikeWith};
use swash::zeno::{Format, Vector};

/// Subpixel positions per pixel along x: glyphs are rasterized at quarter-pixel offsets so that text
/// keeps its spacing without blurring every glyph differently.
pub const SUBPIXEL_STEPS: u8 = 4;

/// A rasterized glyph: an alpha coverage mask and where it sits relative to the pen position.
#[derive(Clone, Debug)]
pub struct GlyphImage {
    /// Pixels from the pen x to the mask's left edge.
    pub left: i32,
    /// Pixels from the baseline up to the mask's top edge.
    pub top: i32,
    /// Mask width in pixels.
    pub width: u32,
    /// Mask height in pixels.
    pub height: u32,
    /// Coverage, row by row, `width * height` bytes.
    pub alpha: Vec<u8>,
}

/// Holds swash's scaling caches; reuse one per thread.
#[derive(Default)]
pub struct Rasterizer {
    context: ScaleContext,
}

impl Rasterizer {
    /// A rasterizer with empty caches.
    pub fn new() -> Self {
        Self::default()
    }

    /// Rasterizes a glyph at `size_px` pixels per em, shifted right by `subpixel` steps of
    /// 1/[`SUBPIXEL_STEPS`] pixel. `None` for glyphs with no ink (spaces) or fonts that cannot be read.
    pub fn rasterize(
        &mut self,
        font_data: &[u8],
        font_index: u32,
        glyph_id: u32,
        size_px: f32,
        subpixel: u8,
    ) -> Option<GlyphImage> {
        let font = FontRef::from_index(font_data, font_index as usize)?;
        let glyph = u16::try_from(glyph_id).ok()?;
        let mut scaler = self.context.builder(font).size(size_px).hint(false).build();
        let image = Render::new(&[Source::ColorOutline(0), Source::ColorBitmap(StrikeWith::BestFit), Source::Outline])
            .format(Format::Alpha)
            .offset(Vector::new(f32::from(subpixel) / f32::from(SUBPIXEL_STEPS), 0.0))
            .render(&mut scaler, glyph)?;
        let (width, height) = (image.placement.width, image.placement.height);
        if width == 0 || height == 0 {
            return None;
        }
        let alpha = match image.content {
            Content::Mask => image.data,
            // Colour glyphs (emoji) and subpixel masks are reduced to coverage: article text is one colour.
            Content::Color => image.data.chunks_exact(4).map(|px| px[3]).collect(),
            Content::SubpixelMask => image.data.chunks_exact(4).map(|px| px[1]).collect(),
        };
        Some(GlyphImage { left: image.placement.left, top: image.placement.top, width, height, alpha })
    }
}

/// Splits a pen x in pixels into a whole pixel and a subpixel step, for cache keys and placement.
pub fn split_subpixel(x_px: f32) -> (f32, u8) {
    let whole = x_px.floor();
    let step = ((x_px - whole) * f32::from(SUBPIXEL_STEPS)).floor() as u8;
    (whole, step.min(SUBPIXEL_STEPS - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fonts::NASKH_ARABIC;

    #[test]
    fn rasterizes_an_arabic_glyph_and_not_a_space() {
        let font = FontRef::from_index(NASKH_ARABIC, 0).unwrap();
        let charmap = font.charmap();
        let mut r = Rasterizer::new();
        let beh = r.rasterize(NASKH_ARABIC, 0, u32::from(charmap.map('ب')), 24.0, 0).unwrap();
        assert!(beh.width > 5 && beh.height > 3);
        assert!(beh.alpha.iter().any(|&a| a > 200), "solid ink somewhere");
        assert!(r.rasterize(NASKH_ARABIC, 0, u32::from(charmap.map(' ')), 24.0, 0).is_none());
    }

    #[test]
    fn subpixel_split() {
        assert_eq!(split_subpixel(10.0), (10.0, 0));
        assert_eq!(split_subpixel(10.3), (10.0, 1));
        assert_eq!(split_subpixel(10.99), (10.0, 3));
    }
}
