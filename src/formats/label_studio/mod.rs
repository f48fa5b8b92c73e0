//! Label Studio task files, in and out (`tarmeez import-annotations --format label-studio`, `tarmeez export
//! --format label-studio`).
//!
//! Label Studio exports a project as a JSON list of tasks (also read: one task, or JSON lines):
//!
//! ```json
//! [{"id": 1, "data": {"text": "...", "doc_id": "raqqa"},
//!   "annotations": [{"id": 3, "completed_by": 2, "was_cancelled": false, "result": [
//!     {"id": "t1", "from_name": "event", "to_name": "text", "type": "labels",
//!      "value": {"start": 2, "end": 5, "text": "قصف", "labels": ["ATTACK"]}},
//!     {"id": "m1", "from_name": "entity", "to_name": "text", "type": "labels",
//!      "value": {"start": 6, "end": 17, "text": "تنظيم داعش", "labels": ["ACTOR"]}},
//!     {"from_id": "t1", "to_id": "m1", "type": "relation", "direction": "right", "labels": ["Attacker"]}]}],
//!   "predictions": [...]}]
//! ```
//!
//! - [`tasks`] reads the file into plain data; [`offsets`] converts Label Studio's UTF-16 offsets (its
//!   frontend counts as JavaScript does, an emoji two) and decides, by `value.text`, when a result counts
//!   code points instead (as the suggestion import does for predictions);
//! - [`coders`] says whose layer each annotation goes into (`completed_by` named by `--coder 3=huda`);
//! - [`docs`] finds each task's document, or makes it as `import-docs` does;
//! - [`read`] plans the annotations into the coders' layers: span regions labelled with entity types become
//!   mentions, with event types triggers; relations from a trigger to a mention labelled with a role fill
//!   it, other relations become relations between events or between mentions;
//! - [`attributes`] reads and writes attributes and notes as per-region `choices` and `textarea` results;
//! - [`found`] says which labels a file (and its labeling config) uses, for mapping or adding them;
//! - [`write`] and [`config`] write `tasks.json` and `label_config.xml` back.
//!
//! Predictions are suggestions: `tarmeez import-suggestions --format label-studio` reads them from the same
//! file.

pub mod attributes;
pub mod coders;
pub mod config;
pub mod docs;
pub mod found;
pub mod offsets;
pub mod read;
pub mod tasks;
pub mod write;

pub use coders::CoderNames;
pub use found::found_types;
pub use read::{ImportOptions, Plan, Refusal, plan};
pub use tasks::{TaskFile, read_tasks};
pub use write::export_label_studio;
