//! The article fonts, embedded so the binary runs anywhere: Noto Naskh Arabic for Arabic script, Noto Sans
//! for Latin, digits and punctuation, Noto Sans Hebrew for Hebrew and Noto Emoji (monochrome, every emoji of
//! Unicode 15) for emoji (all OFL, see assets/fonts), so that a quoted Israeli name or a tweet's emoji is not
//! drawn as empty boxes.
//!
//! After them comes the system's font collection (fontconfig, through fontique) for any character they lack,
//! an Ethiopic name or a Devanagari quote, when the process asks for it ([`set_system_fallback`]): the window
//! and `render` do; the library's default is the bundled fonts alone, so that every test that asserts
//! geometry lays out alike on every machine.

use parley::FontContext;
use parley::fontique::{
    Blob, Collection, CollectionOptions, FallbackKey, FamilyId, GenericFamily, Script, SourceCache,
};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// Noto Naskh Arabic Regular.
pub const NASKH_ARABIC: &[u8] = include_bytes!("../../assets/fonts/NotoNaskhArabic-Regular.ttf");
/// Noto Sans Regular.
pub const NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Hebrew Regular.
pub const NOTO_SANS_HEBREW: &[u8] = include_bytes!("../../assets/fonts/NotoSansHebrew-Regular.ttf");
/// Noto Emoji Regular (monochrome outlines), the whole font: egui's copy is a subset that lacks common
/// emoji such as 🙂.
pub const NOTO_EMOJI: &[u8] = include_bytes!("../../assets/fonts/NotoEmoji-Regular.ttf");

/// A bundled font: its family name, its file under assets/fonts and its bytes.
#[derive(Clone, Copy, Debug)]
pub struct BundledFont {
    /// The family name inside the font.
    pub family: &'static str,
    /// Its file name in assets/fonts (and in the HTML export's `fonts/`).
    pub file: &'static str,
    /// The font file.
    pub bytes: &'static [u8],
}

/// The bundled fonts, in the order the layout engine tries them: what the layout registers and the HTML
/// export names and writes.
pub const BUNDLED: [BundledFont; 4] = [
    BundledFont { family: "Noto Naskh Arabic", file: "NotoNaskhArabic-Regular.ttf", bytes: NASKH_ARABIC },
    BundledFont { family: "Noto Sans", file: "NotoSans-Regular.ttf", bytes: NOTO_SANS },
    BundledFont { family: "Noto Sans Hebrew", file: "NotoSansHebrew-Regular.ttf", bytes: NOTO_SANS_HEBREW },
    BundledFont { family: "Noto Emoji", file: "NotoEmoji-Regular.ttf", bytes: NOTO_EMOJI },
];

/// The licences of the bundled fonts, by file name: the one OFL text of the Debian fonts and the copy that
/// came with Noto Emoji.
pub const LICENCES: [(&str, &str); 3] = [
    ("OFL-1.1.txt", include_str!("../../assets/fonts/OFL-1.1.txt")),
    ("NotoEmoji-OFL.txt", include_str!("../../assets/fonts/NotoEmoji-OFL.txt")),
    ("README.md", include_str!("../../assets/fonts/README.md")),
];

/// The font family list given to the layout engine: Arabic first, so that shared characters (digits,
/// punctuation, spaces) inside Arabic text come from the same font as the letters around them.
pub const FAMILIES: &str = "\"Noto Naskh Arabic\", \"Noto Sans\", \"Noto Sans Hebrew\", \"Noto Emoji\"";

/// Whether new font contexts add the system's fonts after the bundled ones.
static SYSTEM_FALLBACK: AtomicBool = AtomicBool::new(false);

/// Makes every font context created from now on fall back to the system's fonts (`true`) or hold the
/// bundled fonts alone (`false`, the default). The binary turns it on for the window and `render`.
pub fn set_system_fallback(on: bool) {
    SYSTEM_FALLBACK.store(on, Ordering::Relaxed);
}

/// Whether new font contexts fall back to the system's fonts.
pub fn system_fallback() -> bool {
    SYSTEM_FALLBACK.load(Ordering::Relaxed)
}

/// A font context with the bundled fonts, followed by the system's if [`set_system_fallback`] asked for it.
pub fn font_context() -> FontContext {
    font_context_with(system_fallback())
}

/// A font context with the bundled fonts, followed by the system's fonts if `system` is true. The
/// collection is built once per process and kind (reading the system's font list takes fontconfig a few
/// milliseconds) and cloned: its system part is shared.
pub fn font_context_with(system: bool) -> FontContext {
    static BUNDLED_ONLY: OnceLock<Collection> = OnceLock::new();
    static WITH_SYSTEM: OnceLock<Collection> = OnceLock::new();
    let cell = if system { &WITH_SYSTEM } else { &BUNDLED_ONLY };
    let collection = cell.get_or_init(|| collection(system)).clone();
    FontContext { collection, source_cache: SourceCache::default() }
}

/// Builds the font collection of new font contexts on another thread, so that the first article laid out
/// does not wait for the system's font list (about 100 ms with fontconfig's cache warm; the window's own
/// start takes longer).
pub fn warm_up() {
    std::thread::spawn(font_context);
}

/// A new font context built from scratch, not the process's shared collection: what [`font_context_with`]
/// costs the first time, for the benchmarks.
pub fn uncached_font_context(system: bool) -> FontContext {
    FontContext { collection: collection(system), source_cache: SourceCache::default() }
}

/// The bundled fonts registered in a new collection, with the system's behind them if `system`.
fn collection(system: bool) -> Collection {
    let mut c = Collection::new(CollectionOptions { shared: false, system_fonts: system });
    for font in BUNDLED {
        c.register_fonts(Blob::new(Arc::new(font.bytes)), None);
    }
    let [naskh, sans, hebrew, emoji] = BUNDLED.map(|font| c.family_id(font.family));
    let script = |tag: &[u8; 4]| FallbackKey::new(Script::from_bytes(*tag), None);
    let keys = [
        (script(b"Latn"), vec![sans]),
        (script(b"Arab"), vec![naskh]),
        (script(b"Hebr"), vec![hebrew]),
        (script(b"Zyyy"), vec![naskh, sans, emoji]),
    ];
    for (key, ours) in keys {
        // The system's choice for the script, if any, goes after ours: setting a script's fallbacks
        // replaces the system's, which fontique asks for only where none are set.
        let theirs: Vec<FamilyId> = if system { c.fallback_families(key).collect() } else { Vec::new() };
        let list: Vec<FamilyId> = ours.into_iter().flatten().chain(theirs).collect();
        c.set_fallbacks(key, dedup(list).into_iter());
    }
    if let Some(emoji) = emoji {
        // Emoji clusters also try the generic emoji family: ours, then the system's (fontique lists the
        // system's after the ones set here).
        c.set_generic_families(GenericFamily::Emoji, [emoji].into_iter());
    }
    c
}

/// `list` without repeats, first occurrence kept.
fn dedup(list: Vec<FamilyId>) -> Vec<FamilyId> {
    let mut out: Vec<FamilyId> = Vec::with_capacity(list.len());
    for id in list {
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}
