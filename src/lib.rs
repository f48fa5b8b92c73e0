//! Tarmeez: a desktop workbench for coding armed-conflict events in Arabic news.
//!
//! The core (`model`, `store`, `formats`) has no GUI dependency; `ui` is a thin egui layer over it.

pub mod model;
pub mod store;
