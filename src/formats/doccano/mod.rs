//! doccano JSONL with relations (`tarmeez export --format doccano`, and [`import_doccano`] back into a
//! coder's layer): `<dir>/doccano.jsonl`, one line per coder's layer of a document.
//!
//! ```json
//! {"id": 1, "doc_id": "al-omar", "annotator": "sample", "text": "...",
//!  "entities": [{"id": 1, "start_offset": 266, "end_offset": 289, "label": "ACTOR"},
//!               {"id": 25, "start_offset": 328, "end_offset": 332, "label": "ATTACK"}],
//!  "relations": [{"id": 1, "from_id": 25, "to_id": 1, "type": "Attacker"}]}
//! ```
//!
//! The mapping:
//! - each mention is an entity labelled with its entity type (`ACTOR`); offsets are code points, half-open,
//!   as doccano counts them;
//! - each event's trigger is an entity labelled with its event type (`ATTACK`);
//! - each filled role is a relation from the trigger's entity to the filler's, typed with the role id
//!   (`Attacker`);
//! - each relation between events (`RESPONSE_TO`) is a relation between the two triggers' entities.
//!
//! Entity and relation ids are numbers within the line (mentions first, then triggers). `doc_id` and
//! `annotator` are extra fields, which doccano keeps as metadata, so a file exported from doccano after
//! correction still names its document. What doccano cannot hold is listed in
//! [`ExportSummary::not_expressed`]: actor links, attributes, notes and provenance of mentions and events,
//! notes of relations, and events whose type id is also an entity type id (their label would read as a
//! mention).
//!
//! [`import_doccano`] reads the same shape (or doccano's `label` or `labels` form, `[[start, end, "LABEL"],
//! ...]`, or doccano 1.x's `annotations`, `[{"label": 3, "start_offset": 0, "end_offset": 5}]`, all without
//! relations) into a coder's layer; see there. Labels are the schema's types whatever their case, or as
//! [`ImportOptions::map`] maps them (1.x's numbered labels need it); a file that yields nothing is an error.

pub use super::hf_jsonl::{ExportError, ExportSummary, NotExpressed};
use crate::model::{
    Annotator, Argument, DocId, DocText, Edit, EntityTypeId, Event, EventId, EventTypeId, Layer, Mention, MentionId,
    ProjectEdit, Relation, RelationTypeId, RoleId, Schema, Span,
};
use crate::store::{Access, Project, StoreError};
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// The file written into the output folder.
pub const FILE_NAME: &str = "doccano.jsonl";

// Building a layer from a line, checked against the schema.
pub(crate) mod building;
mod export;
mod import;

pub use export::export_doccano;
pub use import::{
    ImportError, ImportOptions, ImportSummary, Refusal, found_types, import_doccano, import_doccano_with, plan_doccano,
    plan_doccano_with,
};
