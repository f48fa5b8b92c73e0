//! The glyphs a band of the document draws, where they are (after rule L1's shifts), and which of them are
//! tashkeel marks, for painting (the window, `render`) and for the missing-glyph count.

use super::{DocumentLayout, PositionedGlyph};
use parley::PositionedLayoutItem;

impl DocumentLayout {
    /// Calls `f` with every glyph of the lines intersecting `y0..y1`.
    pub fn visible_glyphs(&self, y0: f32, y1: f32, f: impl FnMut(PositionedGlyph<'_>)) {
        self.visible_glyphs_where(y0, y1, false, f);
    }

    /// [`Self::visible_glyphs`], leaving out the glyphs of tashkeel marks when `hide_tashkeel` (the
    /// zero-advance glyphs of clusters that hold a mark): the layout, and so every offset and box, is that of
    /// the text with its marks.
    pub fn visible_glyphs_where(&self, y0: f32, y1: f32, hide_tashkeel: bool, mut f: impl FnMut(PositionedGlyph<'_>)) {
        for p in &self.paragraphs[self.visible_paragraphs(y0, y1)] {
            let Some(layout) = p.layout() else { continue };
            let first_line = p.line_at(y0 - p.top);
            for (li, line) in layout.lines().enumerate().skip(first_line) {
                let m = line.metrics();
                if p.top + m.block_min_coord > y1 {
                    break;
                }
                // On a line where rule L1 moved the trailing white space, how far each glyph moves.
                let dx = self.shifted(p, li).map(|s| &s.dx[..]);
                let mut k = 0;
                for item in line.items() {
                    let PositionedLayoutItem::GlyphRun(run) = item else { continue };
                    let r = run.run();
                    let font = r.font();
                    let font_size = r.font_size();
                    let hidden =
                        if hide_tashkeel { mark_glyphs(r, &self.text.as_str()[p.bytes.clone()]) } else { Vec::new() };
                    let moved = dx.map(|dx| Self::glyph_shifts(r, dx, &mut k)).unwrap_or_default();
                    for (i, mut g) in run.positioned_glyphs().enumerate() {
                        if hidden.get(i).copied().unwrap_or(false) {
                            continue;
                        }
                        g.x += moved.get(i).copied().unwrap_or(0.0);
                        f(PositionedGlyph {
                            font_data: font.data.as_ref(),
                            font_id: font.data.id(),
                            font_index: font.index,
                            font_size,
                            glyph_id: g.id,
                            x: g.x,
                            y: p.top + g.y,
                        });
                    }
                }
            }
        }
    }
}

/// For each glyph of `run` (in visual order): whether it draws a tashkeel mark. In a cluster that holds a
/// mark, the letter (or ligature, as the one of الله) is the glyph that advances most; the others are marks,
/// placed on it with little or no advance of their own. `paragraph` is the paragraph's text.
fn mark_glyphs(run: &parley::Run<'_, ()>, paragraph: &str) -> Vec<bool> {
    let mut out = Vec::new();
    for cluster in run.visual_clusters() {
        // The cluster's letters and those a ligature starting here took in (the rest of the word: the marks
        // of a ligature's letters are placed on the ligature's glyph).
        let rest = paragraph.get(cluster.text_range().start..).unwrap_or("");
        let word = rest.split(char::is_whitespace).next().unwrap_or("");
        let own = paragraph.get(cluster.text_range()).unwrap_or("");
        let text = if cluster.is_ligature_start() { word } else { own };
        let marks = text.chars().any(crate::text::tashkeel::is_tashkeel);
        let widest = cluster.glyphs().map(|g| g.advance).fold(0.0, f32::max);
        // A cluster of marks alone (its letter went into a ligature of the cluster before) hides them all.
        out.extend(cluster.glyphs().map(|g| marks && (g.advance < widest || widest == 0.0)));
    }
    out
}
