//! A document's metadata: `documents/<doc>.ron`, beside its text `documents/<doc>.txt`.

use serde::{Deserialize, Serialize};

/// Base direction of a document's paragraphs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Direction {
    /// Each paragraph from its first strong character (UAX #9 rules P2-P3).
    #[default]
    Auto,
    /// Every paragraph right to left.
    Rtl,
    /// Every paragraph left to right.
    Ltr,
}

/// What the project knows about a document without reading its text or annotations.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentMeta {
    /// Headline or title (by default the text's first line).
    pub title: String,
    /// Outlet or file it came from.
    #[serde(default)]
    pub source: String,
    /// Publication date, `YYYY-MM-DD` when known.
    #[serde(default)]
    pub date: String,
    /// Where it was published.
    #[serde(default)]
    pub url: String,
    /// Paragraph direction.
    #[serde(default)]
    pub direction: Direction,
    /// Length of the text in code points.
    pub chars: usize,
    /// Content hash of the text, see [`super::text_hash`]; a mismatch means the `.txt` was changed.
    pub text_hash: String,
    /// When it was imported, in RFC 3339.
    #[serde(default)]
    pub imported_at: String,
}
