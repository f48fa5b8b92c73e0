//! The subcommands of `tarmeez`, one file per kind of job; `main.rs` parses the command line and dispatches.

pub(crate) mod agreement;
pub(crate) mod agreement_out;
pub(crate) mod agreement_relations;
pub(crate) mod args;
pub(crate) mod assign;
pub(crate) mod curate;
pub(crate) mod export;
pub(crate) mod imports;
// Issue 17: Label Studio task files into documents and coders' layers.
pub(crate) mod label_studio;
// Issue 17: CoNLL columns into a coder's layer.
pub(crate) mod imports_conll;
pub(crate) mod project;
pub(crate) mod sync;
// Issue 17: WebAnno TSV annotations into coders' layers.
pub(crate) mod import_webanno;
// Issue 18: model servers as suggestion sources (`source`, `predict`).
pub(crate) mod model_sources;
// Issue 19: the place registry (`places list|add|link`).
pub(crate) mod places;
