//! The article fonts, embedded so the binary runs anywhere: Noto Naskh Arabic for Arabic script, Noto Sans
//! for Latin, digits and punctuation (both OFL, see assets/fonts).

use parley::FontContext;
use parley::fontique::{Blob, FallbackKey, Script};
use std::sync::Arc;

/// Noto Naskh Arabic Regular.
pub const NASKH_ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoNaskhArabic-Regular.ttf");
/// Noto Sans Regular.
pub const NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");

/// The font family list given to the layout engine: Arabic first, so that shared characters (digits,
/// punctuation, spaces) inside Arabic text come from the same font as the letters around them.
pub const FAMILIES: &str = "\"Noto Naskh Arabic\", \"Noto Sans\"";

/// A font context holding only the embedded fonts (no system fonts: every machine lays out alike, which
/// keeps offsets, screenshots and tests reproducible).
pub fn font_context() -> FontContext {
    let mut fcx = FontContext::new();
    for bytes in [NASKH_ARABIC, NOTO_SANS] {
        fcx.collection.register_fonts(Blob::new(Arc::new(bytes)), None);
    }
    let sans = fcx.collection.family_id("Noto Sans");
    let naskh = fcx.collection.family_id("Noto Naskh Arabic");
    if let (Some(sans), Some(naskh)) = (sans, naskh) {
        fcx.collection.append_fallbacks(FallbackKey::new(Script::from_bytes(*b"Latn"), None), [sans].into_iter());
        fcx.collection.append_fallbacks(FallbackKey::new(Script::from_bytes(*b"Arab"), None), [naskh].into_iter());
        fcx.collection
            .append_fallbacks(FallbackKey::new(Script::from_bytes(*b"Zyyy"), None), [naskh, sans].into_iter());
    }
    fcx
}
