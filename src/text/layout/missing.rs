//! Characters the fonts had no glyph for: shaped to glyph 0 (.notdef), drawn as an empty box. `render` reports
//! them, so that a missing font is never silent, and tests count them.

use super::DocumentLayout;
use std::collections::BTreeMap;

impl DocumentLayout {
    /// Each visible character of the laid-out paragraphs that no font had a glyph for, with how many times
    /// it occurs. Invisible characters (format controls, variation selectors) are not counted: a font need
    /// not draw them.
    pub fn missing_glyphs(&self) -> BTreeMap<char, usize> {
        let text = self.text().as_str();
        let mut out = BTreeMap::new();
        for p in self.paragraphs() {
            let Some(layout) = p.layout() else { continue };
            let para = &text[p.bytes.clone()];
            for line in layout.lines() {
                for item in line.items() {
                    let parley::PositionedLayoutItem::GlyphRun(run) = item else { continue };
                    for cluster in run.run().visual_clusters() {
                        if cluster.glyphs().any(|g| g.id == 0) {
                            for c in para[cluster.text_range()].chars().filter(|c| !is_invisible(*c)) {
                                *out.entry(c).or_insert(0) += 1;
                            }
                        }
                    }
                }
            }
        }
        out
    }
}

/// Characters with no ink of their own: controls, format characters (bidi controls, joiners), variation
/// selectors, white space.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0100}'..='\u{E01EF}')
}

#[cfg(test)]
mod tests {
    use crate::model::{Direction, DocText};
    use crate::text::fonts::BUNDLED;
    use crate::text::{LayoutEngine, LayoutParams};
    use std::sync::Arc;

    fn missing(text: &str) -> Vec<char> {
        let params = LayoutParams { width: 600.0, direction: Direction::Auto, ..LayoutParams::default() };
        let layout = LayoutEngine::new().layout(Arc::new(DocText::new(text.to_owned())), params);
        layout.missing_glyphs().into_keys().collect()
    }

    #[test]
    fn hebrew_emoji_and_arabic_have_glyphs() {
        assert_eq!(missing("שלום עולם, בשנת 2024 בירושלים (עיר הבירה)."), Vec::<char>::new());
        assert_eq!(missing("قال المتحدث 😀 إن الهجوم 🔥 انتهى 👍"), Vec::<char>::new());
        assert_eq!(missing("The militia (لواء أبو الفضل العباس) shelled al-Omar."), Vec::<char>::new());
    }

    #[test]
    fn common_emoji_and_a_hebrew_paragraph_have_glyphs() {
        // 🙂 and 🫡 are not in the subset of Noto Emoji that egui ships; the bundled font is the whole one.
        let emoji = "قال المتحدث 🙂 👍 🔥 ❤️ 😂 🙏 😢 🫡 🤝 ✌️ 💔 🕊️ انتهى";
        assert_eq!(missing(emoji), Vec::<char>::new());
        let hebrew = "ראש הממשלה בנימין נתניהו אמר ביום שלישי כי ישראל תמשיך בפעולותיה בדרום לבנון, \
                      לאחר ש״חזבאללה״ ירה 40 רקטות לעבר הגליל העליון.";
        assert_eq!(missing(hebrew), Vec::<char>::new());
    }

    #[test]
    fn flags_are_drawn_as_their_two_letters() {
        // Noto Emoji (monochrome) has no flags: a flag is drawn as its two regional indicator letters, each a
        // boxed capital (🇵🇸 as "P" "S"), which it has, so nothing is missing.
        assert_eq!(missing("علم 🇵🇸 و🇱🇧"), Vec::<char>::new());
    }

    /// The family of the bundled font each visible character was drawn with, `None` for a system font.
    fn bundled_family_of_each_char(text: &str, system: bool) -> Vec<(char, Option<&'static str>)> {
        let params = LayoutParams { width: 600.0, direction: Direction::Auto, ..LayoutParams::default() };
        let doc = Arc::new(DocText::new(text.to_owned()));
        let layout = LayoutEngine::with_system_fonts(system).layout(doc, params);
        let mut out = Vec::new();
        for p in layout.paragraphs() {
            let para = &text[p.bytes.clone()];
            for line in p.layout().unwrap().lines() {
                for item in line.items() {
                    let parley::PositionedLayoutItem::GlyphRun(run) = item else { continue };
                    let data = run.run().font().data.data();
                    let family = BUNDLED.iter().find(|f| f.bytes == data).map(|f| f.family);
                    for cluster in run.run().visual_clusters() {
                        out.extend(
                            para[cluster.text_range()].chars().filter(|c| !c.is_whitespace()).map(|c| (c, family)),
                        );
                    }
                }
            }
        }
        out
    }

    #[test]
    fn with_the_system_fonts_the_bundled_ones_still_draw_what_they_have() {
        // DejaVu Sans, on most Linux machines, has Latin, Arabic and Hebrew: it must not take them over.
        let text = "قال نتنياهو (בנימין נתניהו) في 28 حزيران: «The militia shelled al-Omar» 🙂 👍 🔥";
        let bundled_only = bundled_family_of_each_char(text, false);
        assert!(bundled_only.iter().all(|(_, family)| family.is_some()), "{bundled_only:?}");
        assert_eq!(bundled_family_of_each_char(text, true), bundled_only);
        let family = |c: char| bundled_only.iter().find(|(d, _)| *d == c).and_then(|(_, f)| *f);
        assert_eq!(family('ق'), Some("Noto Naskh Arabic"));
        assert_eq!(family('T'), Some("Noto Sans"));
        assert_eq!(family('ב'), Some("Noto Sans Hebrew"));
        assert_eq!(family('🙂'), Some("Noto Emoji"));
    }

    #[test]
    fn a_script_no_bundled_font_covers_is_counted() {
        // Ethiopic: no bundled font has it.
        // In code point order.
        assert_eq!(missing("ሰላም ሰላም"), vec!['ላ', 'ም', 'ሰ']);
    }
}
