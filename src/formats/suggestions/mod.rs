//! Reading the suggestion files users bring from other tools (DESIGN.md section 7): Hugging Face
//! token-classification pipeline output, spaCy `Doc.to_json()`, doccano JSONL, Label Studio predictions and
//! brat `.ann`.
//!
//! Parsers only read: each item of a file becomes a [`RawItem`] (a span, a model label, a score and which
//! document it is for, as the file says it) or a [`Refusal`] saying why the item could not be read. Whether
//! an item fits its document (offsets, text, label mapping, duplicates) is decided by
//! [`crate::workflow::suggestion_import`], which has the project. A file that cannot be read at all is a
//! [`FileError`] with its line and column.

mod brat;
// Issue 17: CoNLL columns as suggestions.
mod conll;
mod doccano;
mod fields;
mod format;
mod hf;
mod label_studio;
mod labels;
mod reading;
mod spacy;
// Issue 18: Tarmeez's own model protocol, as answers and as files.
mod tarmeez;
mod word;

pub use conll::read_aligned as read_conll_aligned;
pub use fields::kind_of as json_kind;
pub use format::{SuggestionFormat, detect};
pub use labels::{label_counts, labels_needing_mapping, parse_target};
pub use reading::{parse_str, read_path};
pub use tarmeez::read_answer as read_tarmeez_answer;
pub use word::words_match_text;
// Issue 18: the Label Studio ML backend's answer for one task.
pub use label_studio::read_task_answer as read_label_studio_answer;

// What the format parsers (`use super::*`) read with, besides the types below.
use crate::formats::text_file::strip_bom;
use fields::{Bad, doc_id_field, kind_of, label_field, malformed, offset_field, offset_value, score_value};
use reading::{Json, Record, join_origin, line_record, records};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::Arc;

/// Which document of the project an item is for, as far as the file says.
///
/// Both parts can be present (a doccano line carries its text and may carry an id): the document is matched
/// by id, else by identical text, and when both are given they must agree. A struct rather than an enum for
/// that reason.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocRef {
    /// A document id, as the file writes it (checked against the project later).
    pub id: Option<String>,
    /// The document's whole text as the file carries it, shared by every item of that document.
    pub text: Option<Arc<str>>,
}

impl DocRef {
    /// Neither id nor text: the caller must say which document (`--doc`).
    pub fn is_unspecified(&self) -> bool {
        self.id.is_none() && self.text.is_none()
    }
}

/// The unit a file counts its offsets in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OffsetUnit {
    /// Unicode code points, as Python, brat, spaCy, Hugging Face and Tarmeez count.
    #[default]
    CodePoints,
    /// UTF-16 code units, as JavaScript counts (Label Studio): a character outside the Basic Multilingual
    /// Plane (an emoji) counts two. Converted against the document's text when the import is planned.
    Utf16,
}

/// One suggestion as a file gives it, before it is checked against a document.
#[derive(Clone, Debug, PartialEq)]
pub struct RawItem {
    /// Position of the item in the file, in reading order (refusals are reported in this order).
    pub position: usize,
    /// Where it is in the file, for the report: `item 3`, `line 12, entity 2`, `line 4 (T3)`.
    pub origin: String,
    /// Which document.
    pub doc: DocRef,
    /// First offset, in `unit`.
    pub start: usize,
    /// One past the last offset, in `unit`.
    pub end: usize,
    /// What the offsets count.
    pub unit: OffsetUnit,
    /// The model's label, without a `B-`/`I-` prefix (`LOC`, `PER`, `ATTACK`).
    pub label: String,
    /// The model's confidence, already checked to be a number in 0..=1.
    pub score: Option<f64>,
    /// The span's text as the file claims it (brat's third column, Label Studio's `value.text`), compared
    /// with the document exactly. `None` where the format's text is a tokenizer's rewrite (Hugging Face).
    pub text: Option<String>,
    /// The tokens' `word`s as a tagger gives them (Hugging Face; one for an aggregated span, one per token of
    /// a merged span), compared with the document by [`words_match_text`], which allows for what tokenizers
    /// change. Empty when the file gives none, or when one of the tokens has none.
    pub words: Vec<String>,
    /// For an event: the role fillers the model proposes with it (model servers; Tarmeez's own protocol).
    pub roles: Vec<RawRole>,
}

/// A role filler of an event item, as a file or server gives it, before it is checked against the document
/// and the schema.
#[derive(Clone, Debug, PartialEq)]
pub struct RawRole {
    /// The role, as the model names it (matched to the event type's roles by id, case- and dash-blind).
    pub role: String,
    /// First offset, in the item's unit.
    pub start: usize,
    /// One past the last offset, in the item's unit.
    pub end: usize,
    /// The filler's entity label, through the source's mapping like an item's label.
    pub label: String,
    /// The filler's text as the model claims it, compared with the document exactly.
    pub text: Option<String>,
}

/// Why an item was refused. One kind per sort of bad input, so a caller can count or filter them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RefusalKind {
    /// Not in the format's shape: a missing or mistyped field, a JSON line that is cut short or malformed.
    Malformed,
    /// An offset past the end of the document, or negative.
    OutOfRange,
    /// `start` after `end`, or an empty span.
    Reversed,
    /// An offset inside a grapheme cluster (between a letter and its diacritic), or inside a UTF-16
    /// surrogate pair.
    SplitsGrapheme,
    /// The span text the file gives differs from the document's text there (or the file's copy of the
    /// whole document differs from the project's).
    TextMismatch,
    /// A label the source's mapping does not know and that is no schema type.
    UnknownLabel,
    /// A score that is not a number between 0 and 1.
    BadScore,
    /// No document of the project matches.
    UnknownDocument,
    /// The document has problems; it is never written to until they are fixed.
    BrokenDocument,
    /// The same span and label as an earlier item of the file.
    Duplicate,
    /// Something Tarmeez cannot represent, such as a discontinuous brat span.
    Unsupported,
}

impl RefusalKind {
    /// A short name for counts ("out of range").
    pub fn name(self) -> &'static str {
        match self {
            RefusalKind::Malformed => "malformed",
            RefusalKind::OutOfRange => "out of range",
            RefusalKind::Reversed => "reversed or empty",
            RefusalKind::SplitsGrapheme => "inside a character",
            RefusalKind::TextMismatch => "text differs",
            RefusalKind::UnknownLabel => "unknown label",
            RefusalKind::BadScore => "bad score",
            RefusalKind::UnknownDocument => "unknown document",
            RefusalKind::BrokenDocument => "document has problems",
            RefusalKind::Duplicate => "duplicate",
            RefusalKind::Unsupported => "unsupported",
        }
    }
}

/// An item that was not imported, where it is in the file and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// Position of the item in the file, in reading order.
    pub position: usize,
    /// Where it is in the file (`line 12, entity 2`).
    pub origin: String,
    /// What sort of bad input it is.
    pub kind: RefusalKind,
    /// The reason, for people: what is wrong and, where it helps, what to do.
    pub reason: String,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A refusal of a file that is one record has no place to name.
        if self.origin.is_empty() { f.write_str(&self.reason) } else { write!(f, "{}: {}", self.origin, self.reason) }
    }
}

/// A file that cannot be read at all: nothing of it is imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", location(*.line, *.column))]
pub struct FileError {
    /// 1-based line of the problem, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters) of the problem, when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("{l}:{c}: "),
        (Some(l), None) => format!("{l}: "),
        _ => String::new(),
    }
}

impl FileError {
    fn new(message: impl Into<String>) -> Self {
        Self { line: None, column: None, message: message.into() }
    }

    fn json(e: &serde_json::Error) -> Self {
        let what = if e.is_eof() { "the file is cut short" } else { "the file is not valid JSON" };
        // serde_json says column 0 for the start of a line; people count from 1.
        let column = e.column().max(1);
        Self { line: Some(e.line()), column: Some(column), message: format!("{what}: {}", json_message(e)) }
    }
}

/// serde_json's message without its trailing "at line L column C", which the caller places in front.
fn json_message(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_owned(),
        None => s,
    }
}

/// What a file holds: the items read, the ones refused while reading, and remarks on what was left out.
#[derive(Clone, Debug, PartialEq)]
pub struct ParsedFile {
    /// The format it was read as.
    pub format: SuggestionFormat,
    /// Items read, in file order.
    pub items: Vec<RawItem>,
    /// Items that could not be read.
    pub refused: Vec<Refusal>,
    /// What the file holds that is not a suggestion and was left out (relations, events, categories).
    pub notes: Vec<String>,
    /// The model that made the suggestions, when the file says (Label Studio's `model_version`).
    pub model: Option<String>,
    /// The next position in reading order.
    next: usize,
}

impl ParsedFile {
    /// An empty result of reading in `format`; readers outside this module (model servers) fill it with
    /// [`ParsedFile::push_item`] and [`ParsedFile::refuse`].
    pub fn new(format: SuggestionFormat) -> Self {
        Self { format, items: Vec::new(), refused: Vec::new(), notes: Vec::new(), model: None, next: 0 }
    }

    /// How many items the file holds: those read and those refused while reading.
    pub fn read(&self) -> usize {
        self.items.len() + self.refused.len()
    }

    /// Takes the next position in reading order (an item whose reading ends later, such as a span merged
    /// from several tokens, takes it when it starts).
    fn take_position(&mut self) -> usize {
        self.next += 1;
        self.next - 1
    }

    /// Records an item that could not be read, at the next position.
    pub fn refuse(&mut self, origin: String, kind: RefusalKind, reason: impl Into<String>) {
        let position = self.take_position();
        self.refused.push(Refusal { position, origin, kind, reason: reason.into() });
    }

    /// Adds `item` at the next position (its own `position` is overwritten).
    pub fn push_item(&mut self, mut item: RawItem) {
        item.position = self.take_position();
        self.items.push(item);
    }

    fn push(&mut self, origin: String, doc: &DocRef, start: usize, end: usize, label: String, score: Option<f64>) {
        let position = self.take_position();
        self.items.push(RawItem {
            position,
            origin,
            doc: doc.clone(),
            start,
            end,
            unit: OffsetUnit::CodePoints,
            label,
            score,
            text: None,
            words: Vec::new(),
            roles: Vec::new(),
        });
    }

    /// Notes that `count` things (`relation(s)`) were left out.
    fn note_left_out(&mut self, count: usize, what: &str) {
        if count > 0 {
            self.notes.push(format!("left out {count} {what}: not span suggestions"));
        }
    }
}
