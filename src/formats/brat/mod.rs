//! brat standoff export and import of coders' layers (`tarmeez export --format brat`,
//! `tarmeez import-annotations --format brat`), so that a project can move to brat and back.
//!
//! One `<doc>.txt` (the document's text exactly as imported) and one `<doc>.ann` per document, and an
//! `annotation.conf` and `visual.conf` describing the schema. Offsets are code points of the `.txt`, as brat
//! counts them. The `.ann` lines, in this order:
//!
//! - `T<n>\t<ENTITY TYPE> <start> <end>\t<text>` for each mention, then `T<n>\t<EVENT TYPE> ...` for each
//!   event's trigger. A span that crosses a line break is written as fragments (`0 5;6 10`) that leave the
//!   line-break characters out, and its text is the fragments' texts joined by one space, as brat does.
//! - `E<n>\t<EVENT TYPE>:T<trigger> <Role>:T<k> ...` with the arguments in the coder's order; a role filled
//!   several times is numbered as brat numbers it: `Location:T4 Location2:T5`.
//! - `R<n>\t<RELATION TYPE> Arg1:E<from> Arg2:E<to>` for relations between events (`annotation.conf`
//!   declares them `Arg1:<EVENT>, Arg2:<EVENT>`; the import also takes a trigger's `T` id standing for the one
//!   event it triggers), then `R<n>\t<RELATION TYPE> Arg1:T<from> Arg2:T<to>` for relations between mentions
//!   (declared with the entity types the schema allows, `Arg1:ACTOR, Arg2:ACTOR`, or `<ENTITY>`). The schema's
//!   relation type says which an `R` line is.
//! - `A<n>\t<attribute> <T or E id>[ <value>]`: a true boolean has no value (a false one is not written:
//!   brat's binary attributes are present or absent); numbers are written shortest (`5`, `2.5`), dates as
//!   `YYYY[-MM[-DD]]`, choices and free text as one token in which `%`, whitespace, `|` and `,` are
//!   percent-encoded as their UTF-8 bytes (`%20` for a space).
//! - `N<n>\tReference T<k> tarmeez-actors:<actor id>\t<canonical name>` for a mention's actor.
//! - `#<n>\tAnnotatorNotes <T, E or R id>\t<note>`, in which `\` is written `\\`, a line break `\n`, a
//!   carriage return `\r` and a tab `\t`.
//!
//! Provenance (which suggestion an annotation was accepted from) and the coder's status have no place in
//! brat and are not exported; nor are an event's evidence and a record id kept through a change of its trigger
//! or type (listed as not expressed). ACLED's fields are event attributes, written as `A` lines like any.
//!
//! The work is split by job: `escape` (tokens and notes on one line), `write` (the export), `parse` (the
//! `.ann` grammar into [`AnnLine`]s with line numbers), `read` (parsed lines into a checked layer) and
//! `plan` (an import over files and folders, and the edit that makes it). Everything public is re-exported
//! here, so callers name `formats::brat::...` whichever file holds it.

mod escape;
// The types a corpus declares or uses, for mapping or adding them before an import.
mod found;
mod parse;
mod plan;
mod read;
mod write;

pub use escape::{decode_token, encode_token, escape_note, unescape_note};
pub use found::{conf_path, found_types, read_conf, used_types};
pub use parse::{AnnLine, Parsed, parse_ann};
pub use plan::{ImportPlan, PlanOptions, ann_files, carry_over, import_edit, plan_import, plan_import_with};
pub use read::{ann_to_layer, ann_to_layer_mapped};
pub use write::{
    ExportReport, annotation_conf, export_project, layer_to_ann, record_details_lost, schema_problems, visual_conf,
};

/// The normalization database name of the actor registry in `N` lines.
pub const ACTOR_DB: &str = "tarmeez-actors";

/// brat's configuration file of the schema.
pub const CONF_FILE: &str = "annotation.conf";

/// brat's configuration file of labels and colours.
pub const VISUAL_FILE: &str = "visual.conf";
