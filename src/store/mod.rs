//! The project folder on disk (DESIGN.md section 5): load with validation, atomic saves, the annotator lock.

pub mod actor_edits;
pub mod atomic;
mod autosave;
mod config;
mod error;
mod lock;
pub mod paths;
mod problem;
mod project;
pub mod review;
pub mod review_stats;
mod ron_io;
mod search;
mod stats;
pub mod suggesters;
pub mod suggestion_import;

pub use autosave::{AUTOSAVE_DELAY, Autosave};
pub use config::{FORMAT_VERSION, ProjectConfig};
pub use error::StoreError;
pub use lock::{AnnotatorLock, LockError};
pub use problem::{Problem, ProblemKind, locate};
pub use project::{Access, DocEntry, LoadedDoc, OpenOptions, Project, now_rfc3339};
pub use ron_io::to_ron;
pub use search::{SearchHit, search_project};
pub use stats::Stats;
