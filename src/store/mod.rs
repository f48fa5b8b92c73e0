//! The project folder on disk (DESIGN.md section 5): load with validation, atomic saves, the annotator lock.

pub mod atomic;
mod autosave;
pub mod batch;
mod config;
mod error;
mod fingerprint;
pub mod inside;
pub mod integrity;
mod lock;
mod merge;
mod new_file;
pub mod paths;
mod problem;
mod project;
pub mod repair;
mod ron_io;

pub use autosave::{AUTOSAVE_DELAY, Autosave};
pub use config::{FORMAT_VERSION, ProjectConfig};
pub use error::StoreError;
pub use lock::{AnnotatorLock, LockError, SharedFilesLock};
pub use problem::{Problem, ProblemKind, locate};
pub use project::{Access, DocEntry, LoadedDoc, NewDoc, OpenOptions, Project, now_rfc3339};
pub use ron_io::to_ron;
