//! Pure data and rules: text and offsets, schema, annotations, actors, suggestions, validation.
//! No GUI and no file system here.

pub mod acled;
mod actor;
mod annotation;
mod assign;
mod assignment;
pub mod coding;
mod color;
mod curation;
mod default_schema;
mod doc_text;
mod document;
mod edit;
pub mod evidence;
mod ids;
mod model_server;
mod place;
mod presets;
pub mod role_filling;
mod schema;
mod slug;
mod span;
mod suggestion;
mod unique_keys;
mod validate;

pub use actor::*;
pub use annotation::*;
pub use assign::{AssignError, AssignOptions, Draw, assign};
pub use assignment::Assignments;
pub use color::*;
pub use curation::*;
pub use default_schema::{dataset_attributes, default_conflict_schema};
pub use doc_text::*;
pub use document::*;
pub use edit::*;
pub use ids::*;
pub use model_server::*;
pub use place::*;
pub use presets::{Preset, with_dataset_attributes};
pub use schema::*;
pub use slug::*;
pub use span::*;
pub use suggestion::*;
pub use unique_keys::unique_keys;
pub use validate::*;
