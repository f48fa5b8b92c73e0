//! The project folder on disk (DESIGN.md section 5): load with validation, atomic saves, the annotator lock.

pub mod actor_merge;
mod assignments;
pub mod atomic;
mod autosave;
pub mod batch;
mod config;
mod error;
mod fingerprint;
pub mod inside;
pub mod integrity;
mod layer_status;
mod lock;
pub mod merge;
pub mod migrate_actors;
mod new_file;
pub mod paths;
pub mod place_merge;
mod problem;
mod project;
pub mod repair;
mod ron_io;

pub use assignments::AssignmentsFile;
pub use autosave::{AUTOSAVE_DELAY, Autosave};
pub use config::{FORMAT_VERSION, ProjectConfig};
pub use error::StoreError;
pub use layer_status::read_layer_status;
pub use lock::{AnnotatorLock, LockError, SharedFilesLock};
pub use problem::{Problem, ProblemKind, locate};
pub use project::{Access, DocEntry, LoadedDoc, NewDoc, OpenOptions, Project, Refreshed, now_rfc3339};
pub use ron_io::to_ron;
