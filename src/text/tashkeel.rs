//! Showing an article without tashkeel (the short vowels, tanween, shadda, sukun and Quranic marks), with
//! every offset unchanged: the text keeps its marks and is laid out with them; only their glyphs are left
//! undrawn ([`crate::text::DocumentLayout::visible_glyphs_where`]). Letters keep their joined forms, and
//! selections, highlights and hit-testing are those of the text as written.

/// Whether `c` is tashkeel: harakat and tanween (U+064B-U+065F), the dagger alef (U+0670), and the Quranic
/// annotation marks (U+06D6-U+06ED except the letters among them).
pub fn is_tashkeel(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Direction, DocText};
    use crate::text::{LayoutEngine, LayoutParams};
    use std::sync::Arc;

    const VOCALIZED: &str = "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ، وَقَالَتْ مَصَادِرُ خَاصَّةٌ";

    /// The glyphs drawn of `text`: (glyph id, x), all of them or without the marks.
    fn drawn(text: &str, hide: bool) -> Vec<(u32, i32)> {
        let params = LayoutParams { width: 900.0, direction: Direction::Auto, ..LayoutParams::default() };
        let layout = LayoutEngine::new().layout(Arc::new(DocText::new(text.to_owned())), params);
        let mut out = Vec::new();
        layout.visible_glyphs_where(f32::MIN, f32::MAX, hide, |g| {
            out.push((g.glyph_id, g.x.round() as i32));
        });
        out
    }

    #[test]
    fn hiding_tashkeel_draws_the_text_as_written_without_marks_and_moves_no_letter() {
        for text in [VOCALIZED, "وَقَالَ الْمُتَحَدِّثُ إِنَّ ٢٨ صَارُوخًا سَقَطَتْ عَلَى القَاعِدَةِ لِلَّهِ"]
        {
            let all = drawn(text, false);
            let shown = drawn(text, true);
            assert!(shown.len() < all.len(), "marks were hidden");
            // What is drawn is the text as written without its marks, glyph for glyph and place for place.
            let stripped: String = text.chars().filter(|c| !is_tashkeel(*c)).collect();
            assert_eq!(shown, drawn(&stripped, false), "«{text}»");
            // Every glyph drawn is one the full text draws, at the same place, in the same order.
            let mut rest = all.iter();
            for g in &shown {
                assert!(rest.any(|a| a == g), "{g:?} is drawn where the full text draws nothing");
            }
        }
        // A text without marks draws the same either way.
        let bare = "بسم الله الرحمن الرحيم، وقالت مصادر خاصة";
        assert_eq!(drawn(bare, true), drawn(bare, false));
    }
}
