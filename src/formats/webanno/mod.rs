//! WebAnno TSV 3.3, INCEpTION's interchange format: `tarmeez export --format webanno` writes each coder's
//! layer of a document as `<out>/<doc>/<annotator>.tsv`, the layout of INCEpTION's project export, and
//! `tarmeez import-annotations --format webanno` reads such files (or any WebAnno TSV 3 file, such as one
//! with only DKPro named entities) back into coders' layers, creating the documents the project lacks.
//!
//! The format (INCEpTION's user guide, "WebAnno TSV 3.3 File format"): a header naming the layers and their
//! features, then sentences, each its `#Text=` lines and one line per token (`1-3`) or sub-token (`1-3.1`)
//! with its offsets, its text and one column per feature; stacked annotations are separated by `|`, one over
//! several units or stacked with another carries a disambiguation id (`PER[2]`), slot features link roles to
//! target units (`agent;goal` and `1-2;1-5[3]`), relations are written on their target's unit with the
//! unit they come from (`1-1[2_0]`). Offsets are UTF-16 code units (Java's), turned into code points here.
//!
//! The work is split by job: `escape` (reserved characters), `header` (the layer lines), `parse` (the body
//! into units and the document's text), `annotations` (the columns into spans and relations), `read` (those
//! into a checked layer, and the labels found), `write` (a layer as a file), `export` (a project's layers
//! as files) and `plan` (an import over files and folders).

mod annotations;
mod escape;
mod export;
mod header;
mod parse;
mod plan;
mod read;
mod write;

pub use escape::{escape_text, escape_value, split_unescaped, unescape_text, unescape_value};
pub use export::export_webanno;
pub use header::{ColumnKind, Header, LayerDecl, LayerKind, parse_header};
pub use parse::{TsvFile, Unit, parse_tsv};
pub use plan::{FilePlan, ImportPlan, PlanOptions, found_types, import_edit, plan_for_session, plan_import, tsv_files};
pub use read::{found_in, to_layer};
pub use write::{EVENT, EVENT_RELATION, MENTION_RELATION, NAMED_ENTITY, layer_to_tsv};
