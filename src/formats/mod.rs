//! Importers and exporters of other tools' formats.

pub mod plain_text;
pub mod png_render;
