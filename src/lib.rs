//! Tarmeez: a desktop workbench for coding armed-conflict events in Arabic news.
//!
//! The core (`model`, `store`, `formats`, `workflow`) has no GUI dependency; `ui` is a thin egui layer over it.

pub mod formats;
pub mod identity;
pub mod model;
pub mod models;
pub mod settings;
pub mod store;
pub mod sync;
pub mod text;
pub mod ui;
pub mod workflow;

/// The annotator name to use when none is given: `$TARMEEZ_ANNOTATOR`, else the login name, made a safe
/// file name; `annotator` if neither is set.
pub fn default_annotator() -> model::Annotator {
    ["TARMEEZ_ANNOTATOR", "USER", "USERNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.trim().is_empty()))
        .map(|s| model::Annotator::from_raw(&s))
        .unwrap_or_else(|| model::Annotator::from_raw("annotator"))
}
