//! CoNLL column files: Tarmeez's export of mentions as BIO tags (`write.rs`), and the reader of CoNLL-2003,
//! IOB2 and BIOES files such as ANERcorp's (`read.rs`), whose tokens are placed in the documents' text
//! (`align.rs`) and imported into a coder's layer (`import.rs`) or as suggestions
//! ([`crate::formats::suggestions`]).

mod align;
mod import;
mod read;
mod write;

/// The file the export writes into its output folder.
pub const FILE_NAME: &str = "mentions.conll";

pub use align::{Aligned, Placement, align, new_text};
pub use import::{
    ConllError, ConllPlan, ImportOptions, ImportSummary, PlannedDoc, found_types, import_conll, import_edit,
    plan_conll, read_file,
};
pub use read::{ConllDoc, ConllFile, Problem, Scheme, Token, TokenSpan, parse};
pub use write::{ExportError, ExportSummary, NotExpressed, base_tokens, export_conll, split_tokens};
