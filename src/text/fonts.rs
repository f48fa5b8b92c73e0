//! The article fonts, embedded so the binary runs anywhere: Noto Naskh Arabic for Arabic script, Noto Sans
//! for Latin, digits and punctuation, Noto Sans Hebrew for Hebrew (all OFL, see assets/fonts), and Noto Emoji
//! (monochrome, the copy egui ships) for emoji, so that a quoted Israeli name or a tweet's emoji is not drawn
//! as empty boxes.

use parley::FontContext;
use parley::fontique::{Blob, FallbackKey, Script};
use std::sync::Arc;

/// Noto Naskh Arabic Regular.
pub const NASKH_ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoNaskhArabic-Regular.ttf");
/// Noto Sans Regular.
pub const NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Hebrew Regular.
pub const NOTO_SANS_HEBREW: &[u8] = include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf");
/// Noto Emoji Regular (monochrome outlines), as egui's default fonts carry it.
pub const NOTO_EMOJI: &[u8] = epaint_default_fonts::NOTO_EMOJI_REGULAR;

/// The font family list given to the layout engine: Arabic first, so that shared characters (digits,
/// punctuation, spaces) inside Arabic text come from the same font as the letters around them.
pub const FAMILIES: &str = "\"Noto Naskh Arabic\", \"Noto Sans\", \"Noto Sans Hebrew\", \"Noto Emoji\"";

/// A font context holding only the embedded fonts (no system fonts: every machine lays out alike, which
/// keeps offsets, screenshots and tests reproducible).
pub fn font_context() -> FontContext {
    let mut fcx = FontContext::new();
    for bytes in [NASKH_ARABIC, NOTO_SANS, NOTO_SANS_HEBREW, NOTO_EMOJI] {
        fcx.collection.register_fonts(Blob::new(Arc::new(bytes)), None);
    }
    let sans = fcx.collection.family_id("Noto Sans");
    let naskh = fcx.collection.family_id("Noto Naskh Arabic");
    let hebrew = fcx.collection.family_id("Noto Sans Hebrew");
    let emoji = fcx.collection.family_id("Noto Emoji");
    if let (Some(sans), Some(naskh)) = (sans, naskh) {
        fcx.collection.append_fallbacks(FallbackKey::new(Script::from_bytes(*b"Latn"), None), [sans].into_iter());
        fcx.collection.append_fallbacks(FallbackKey::new(Script::from_bytes(*b"Arab"), None), [naskh].into_iter());
        let common = [Some(naskh), Some(sans), emoji].into_iter().flatten();
        fcx.collection.append_fallbacks(FallbackKey::new(Script::from_bytes(*b"Zyyy"), None), common);
    }
    if let Some(hebrew) = hebrew {
        fcx.collection.append_fallbacks(FallbackKey::new(Script::from_bytes(*b"Hebr"), None), [hebrew].into_iter());
    }
    fcx
}
