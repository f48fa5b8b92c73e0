//! Turns the scene's shapes and the layout's glyphs into egui shapes.

use super::GlyphAtlas;
use crate::text::DocumentLayout;
use crate::text::scene::{Rgba, Shape, label_size};
use eframe::egui::{self, Color32, FontId, Painter, Pos2, Stroke};

fn color(c: Rgba) -> Color32 {
    let [r, g, b, a] = c.0;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

fn rect(r: &crate::text::Rect, origin: Pos2) -> egui::Rect {
    egui::Rect::from_min_max(origin + egui::vec2(r.x0, r.y0), origin + egui::vec2(r.x1, r.y1))
}

/// Paints highlight shapes; labels use egui's own text (they are Latin type names).
pub fn shapes(painter: &Painter, shapes: &[Shape], origin: Pos2, font_size: f32) {
    for shape in shapes {
        match shape {
            Shape::Fill(r, c) => {
                painter.rect_filled(rect(r, origin), 0.0, color(*c));
            }
            Shape::Outline(r, c, w) => {
                painter.rect_stroke(rect(r, origin), 1.0, Stroke::new(*w, color(*c)), egui::StrokeKind::Inside);
            }
            Shape::Dashed(r, c, w) => {
                let r = rect(r, origin).shrink(w / 2.0);
                let ring = [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom(), r.left_top()];
                painter.extend(egui::Shape::dashed_line(&ring, Stroke::new(*w, color(*c)), w * 3.0, w * 2.0));
            }
            Shape::Label { x, y, text, color: c, right_aligned } => {
                let align = if *right_aligned { egui::Align2::RIGHT_BOTTOM } else { egui::Align2::LEFT_BOTTOM };
                let pos = origin + egui::vec2(*x, *y);
                painter.text(pos, align, text, FontId::proportional(label_size(font_size)), color(*c));
            }
        }
    }
}

/// Builds the glyph quads of the band `y0..y1` as one textured mesh (the per-frame CPU work of drawing
/// text). The flag is false if the glyph atlas had to be rebuilt during the frame: the quads added before
/// the rebuild point at old texture space, so the mesh must not be drawn (the caller repaints).
#[allow(clippy::too_many_arguments)]
pub fn glyph_mesh(
    ctx: &egui::Context,
    atlas: &mut GlyphAtlas,
    layout: &DocumentLayout,
    origin: Pos2,
    y0: f32,
    y1: f32,
    color: Color32,
) -> (egui::Mesh, bool) {
    glyph_mesh_where(ctx, atlas, layout, (origin, y0, y1), color, false)
}

/// [`glyph_mesh`] of the band `(origin, y0, y1)`, without the tashkeel marks' glyphs when `hide_tashkeel`.
pub fn glyph_mesh_where(
    ctx: &egui::Context,
    atlas: &mut GlyphAtlas,
    layout: &DocumentLayout,
    (origin, y0, y1): (Pos2, f32, f32),
    color: Color32,
    hide_tashkeel: bool,
) -> (egui::Mesh, bool) {
    let ppp = ctx.pixels_per_point();
    let mut mesh = egui::Mesh::with_texture(atlas.texture_id(ctx));
    let mut complete = true;
    atlas.begin_frame();
    layout.visible_glyphs_where(y0, y1, hide_tashkeel, |g| {
        complete &= atlas.add_glyph(ctx, &mut mesh, &g, origin, ppp, color);
    });
    (mesh, complete)
}

/// The colour of relation arrows: warm, apart from the type colours' blues and greens, legible on both themes.
const LINK_COLOR: Color32 = Color32::from_rgb(0xD9, 0x77, 0x06);

/// Draws each relation as an arrow arching over the text from the top of its first span's first piece to the
/// top of its second's (a span not laid out yet is left out).
pub fn links(
    painter: &Painter,
    layout: &DocumentLayout,
    origin: Pos2,
    links: &[(crate::model::Span, crate::model::Span)],
) {
    let top = |span| {
        let r = layout.span_rects(span).into_iter().next()?;
        Some(origin + egui::vec2((r.x0 + r.x1) / 2.0, r.y0 + 2.0))
    };
    let stroke = Stroke::new(1.6, LINK_COLOR);
    for (from, to) in links {
        let (Some(a), Some(b)) = (top(*from), top(*to)) else { continue };
        // Higher for a longer arrow, so that it clears the line's letters between the two.
        let lift = 10.0 + 0.12 * (b - a).length().min(300.0);
        let control = egui::pos2((a.x + b.x) / 2.0, a.y.min(b.y) - lift);
        painter.add(egui::epaint::QuadraticBezierShape::from_points_stroke(
            [a, control, b],
            false,
            Color32::TRANSPARENT,
            stroke,
        ));
        let back = (control - b).normalized() * 7.0;
        let side = egui::vec2(-back.y, back.x) * 0.5;
        painter.line_segment([b, b + back + side], stroke);
        painter.line_segment([b, b + back - side], stroke);
        painter.circle_filled(a, 2.5, LINK_COLOR);
    }
}
