//! Arabic-aware text services without a GUI: paragraph layout with bidi and shaping (parley), hit testing,
//! highlight geometry, word and grapheme boundaries.

pub mod boundaries;
pub mod context;
pub mod dates;
pub mod editing;
pub mod fonts;
pub mod geometry;
pub mod layout;
#[cfg(any(test, feature = "test-support"))]
pub mod long_document;
pub mod matching;
pub mod normalize;
pub mod quote;
pub mod raster;
pub mod scene;
pub mod tashkeel;

pub use geometry::Rect;
pub use layout::{
    DocumentLayout, GraphemeBox, LayoutEngine, LayoutParams, Motion, Moved, Paragraph, PositionedGlyph, ShapedParagraph,
};
