//! The panels of the main window. Each reads the project and pushes [`super::Command`]s; none changes state.

pub mod curation_queue;
mod describe;
mod document_list;
mod document_view;
mod inspector;
mod menu;
mod problems;
pub mod review_queue;
// Issue 18: an event suggestion's role fillers under review.
mod status_bar;
pub mod suggested_roles;

pub use document_list::document_list;
pub use document_view::{ViewOptions, document_view, highlights, shown_layer};
pub use inspector::{InspectorInput, InspectorState, inspector};
pub use menu::{menu_bar, shortcuts};
pub use problems::problems;
pub use status_bar::status_bar;
// The newcomer's path: what the window shows when no project is open.
pub mod welcome;
pub use welcome::welcome;
