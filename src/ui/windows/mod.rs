//! Windows opened from the menu: events table, project search, actor registry, schema editor.

pub mod actors;
pub mod events_table;
pub mod export;
pub mod import_annotations;
pub mod import_documents;
pub mod import_suggestions;
pub mod name_dialog;
pub mod review_stats;
pub mod schema_editor;
pub mod search;

pub use actors::{ActorRequest, ActorsWindow};
pub use events_table::EventsTable;
pub use name_dialog::NameDialog;
pub use schema_editor::SchemaEditor;
pub use search::SearchWindow;
