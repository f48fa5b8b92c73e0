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
mod doccano;
mod hf;
mod label_studio;
mod spacy;

use crate::model::{LabelTarget, Schema, SourceConfig};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;
use std::sync::Arc;

/// The file formats `import-suggestions` and File > Import suggestions read; each variant is one `--format`
/// value (the command line's choices are made from [`SuggestionFormat::ALL`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SuggestionFormat {
    /// Hugging Face token-classification pipeline output: a list of `entity_group` (aggregated) or `entity`
    /// (`B-`/`I-` tokens) objects for one document, or JSON lines `{"doc_id": ..., "entities": [...]}`.
    Hf,
    /// spaCy `Doc.to_json()`: one object, a list of them, or JSON lines; its `ents` are imported.
    Spacy,
    /// doccano JSONL: `{"text", "label": [[start, end, label]]}` or `{"text", "entities": [...]}` lines.
    Doccano,
    /// Label Studio tasks with `predictions` (JSON), offsets in UTF-16 code units as JavaScript counts.
    LabelStudio,
    /// brat standoff `.ann`: `T` lines; the document is the `.ann` file's stem (or its `.txt` beside it).
    Brat,
}

impl SuggestionFormat {
    /// Every format, in the order they are listed.
    pub const ALL: [SuggestionFormat; 5] = [
        SuggestionFormat::Hf,
        SuggestionFormat::Spacy,
        SuggestionFormat::Doccano,
        SuggestionFormat::LabelStudio,
        SuggestionFormat::Brat,
    ];

    /// The format named `name` (as [`SuggestionFormat::name`] spells it).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format in a few words, for a list to choose from.
    pub fn description(self) -> &'static str {
        match self {
            SuggestionFormat::Hf => "Hugging Face pipeline output",
            SuggestionFormat::Spacy => "spaCy Doc.to_json()",
            SuggestionFormat::Doccano => "doccano JSON lines",
            SuggestionFormat::LabelStudio => "Label Studio predictions",
            SuggestionFormat::Brat => "brat standoff (.ann)",
        }
    }

    /// What the format holds, in full, for the command line's `--help`.
    pub fn help(self) -> &'static str {
        match self {
            SuggestionFormat::Hf => {
                "Hugging Face token-classification pipeline output: a list of `entity_group` (aggregated) or \
                 `entity` (`B-`/`I-` tokens) objects for one document, or JSON lines `{\"doc_id\": ..., \"entities\": [...]}`"
            }
            SuggestionFormat::Spacy => {
                "spaCy `Doc.to_json()`: one object, a list of them, or JSON lines; its `ents` are imported"
            }
            SuggestionFormat::Doccano => {
                "doccano JSONL: `{\"text\", \"label\": [[start, end, label]]}` or `{\"text\", \"entities\": [...]}` lines"
            }
            SuggestionFormat::LabelStudio => {
                "Label Studio tasks with `predictions` (JSON), offsets in UTF-16 code units as JavaScript counts"
            }
            SuggestionFormat::Brat => {
                "brat standoff `.ann`: `T` lines; the document is the `.ann` file's stem (or its `.txt` beside it)"
            }
        }
    }

    /// The name as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            SuggestionFormat::Hf => "hf",
            SuggestionFormat::Spacy => "spacy",
            SuggestionFormat::Doccano => "doccano",
            SuggestionFormat::LabelStudio => "label-studio",
            SuggestionFormat::Brat => "brat",
        }
    }
}

impl fmt::Display for SuggestionFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

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
    /// with the document. `None` where the format's text is not trustworthy (Hugging Face's `word`).
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
        write!(f, "{}: {}", self.origin, self.reason)
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
    fn new(format: SuggestionFormat) -> Self {
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

    fn refuse(&mut self, origin: String, kind: RefusalKind, reason: impl Into<String>) {
        let position = self.take_position();
        self.refused.push(Refusal { position, origin, kind, reason: reason.into() });
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
        });
    }

    /// Notes that `count` things (`relation(s)`) were left out.
    fn note_left_out(&mut self, count: usize, what: &str) {
        if count > 0 {
            self.notes.push(format!("left out {count} {what}: not span suggestions"));
        }
    }
}

/// Reads a suggestion file. `format` is detected from the extension and content when `None`.
///
/// For brat, the document is named by the `.ann` file's stem and, when a `.txt` of the same stem lies beside
/// it, also by that text (so a renamed document is still found).
pub fn read_path(path: &Path, format: Option<SuggestionFormat>) -> Result<ParsedFile, FileError> {
    let bytes = std::fs::read(path).map_err(|e| FileError::new(format!("cannot be read: {e}")))?;
    let content = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(FileError {
                line: Some(line),
                column: None,
                message: "is not UTF-8 text; convert it to UTF-8".into(),
            });
        }
    };
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let format = match format {
        Some(f) => f,
        None => detect(ext.as_deref(), &content)?,
    };
    if format == SuggestionFormat::Brat {
        let doc = DocRef {
            id: path.file_stem().and_then(|s| s.to_str()).map(str::to_owned),
            text: std::fs::read_to_string(path.with_extension("txt")).ok().map(|t| Arc::from(strip_bom(&t))),
        };
        return Ok(brat::parse(&content, &doc));
    }
    parse_json_format(format, &content, matches!(ext.as_deref(), Some("jsonl" | "ndjson")))
}

/// Reads suggestions from text already in memory. `format` is detected from the content when `None`; JSON
/// lines are recognised by content. brat items name no document (the caller gives one).
pub fn parse_str(content: &str, format: Option<SuggestionFormat>) -> Result<ParsedFile, FileError> {
    let format = match format {
        Some(f) => f,
        None => detect(None, content)?,
    };
    if format == SuggestionFormat::Brat {
        return Ok(brat::parse(content, &DocRef::default()));
    }
    parse_json_format(format, content, false)
}

fn parse_json_format(format: SuggestionFormat, content: &str, lines: bool) -> Result<ParsedFile, FileError> {
    let json = Json::read(strip_bom(content), lines)?;
    Ok(match format {
        SuggestionFormat::Hf => hf::parse(&json),
        SuggestionFormat::Spacy => spacy::parse(&json),
        SuggestionFormat::Doccano => doccano::parse(&json),
        SuggestionFormat::LabelStudio => label_studio::parse(&json),
        SuggestionFormat::Brat => unreachable!("brat is not JSON"),
    })
}

fn strip_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}

/// Tells the format from the extension (`.ann` is brat) and else from the first record's fields.
pub fn detect(extension: Option<&str>, content: &str) -> Result<SuggestionFormat, FileError> {
    if extension == Some("ann") {
        return Ok(SuggestionFormat::Brat);
    }
    let content = strip_bom(content);
    let first_line = content.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if is_brat_line(first_line) {
        return Ok(SuggestionFormat::Brat);
    }
    let json = Json::read(content, matches!(extension, Some("jsonl" | "ndjson")))?;
    let parsed_lines: Vec<Value>;
    let candidates: Vec<&Value> = match &json {
        Json::Whole(Value::Array(items)) => items.iter().collect(),
        Json::Whole(v) => vec![v],
        Json::Lines(lines) => {
            parsed_lines = lines.iter().take(100).filter_map(|l| l.parse().ok()).collect();
            parsed_lines.iter().collect()
        }
    };
    if candidates.is_empty() {
        return Err(FileError::new("the file holds no suggestions; give --format to read it anyway"));
    }
    // The first record that tells decides (an empty `entities` list fits two formats).
    candidates.iter().take(100).find_map(|v| detect_record(v)).ok_or_else(|| {
        FileError::new(
            "cannot tell the format from the content; give --format (hf, spacy, doccano, label-studio or brat)",
        )
    })
}

/// The format a record's fields show, if they show one.
fn detect_record(record: &Value) -> Option<SuggestionFormat> {
    let obj = record.as_object()?;
    let has = |k: &str| obj.contains_key(k);
    if has("entity_group") || has("entity") {
        return Some(SuggestionFormat::Hf);
    }
    if has("data") && (has("predictions") || has("annotations")) {
        return Some(SuggestionFormat::LabelStudio);
    }
    if has("text") && (has("ents") || has("tokens") || has("sents")) {
        return Some(SuggestionFormat::Spacy);
    }
    if let Some(Value::Array(entities)) = obj.get("entities") {
        let first = entities.first().and_then(Value::as_object)?;
        if first.contains_key("start_offset") {
            return Some(SuggestionFormat::Doccano);
        }
        return (first.contains_key("entity_group") || first.contains_key("entity") || first.contains_key("start"))
            .then_some(SuggestionFormat::Hf);
    }
    (has("text") && (has("label") || has("labels"))).then_some(SuggestionFormat::Doccano)
}

/// Whether a line looks like brat standoff (`T1<TAB>...`, `#1<TAB>...`).
fn is_brat_line(line: &str) -> bool {
    let Some((id, rest)) = line.split_once('\t') else { return false };
    let mut chars = id.chars();
    matches!(chars.next(), Some('T' | 'R' | 'E' | 'A' | 'M' | 'N' | '#' | '*'))
        && chars.all(|c| c.is_ascii_digit())
        && !rest.is_empty()
}

/// A JSON file: one value, or JSON lines (each line parsed on its own, when read, so that one bad line spoils
/// only itself and a format can read its lines faster than through [`Value`]).
enum Json<'a> {
    Whole(Value),
    Lines(Vec<Line<'a>>),
}

struct Line<'a> {
    /// 1-based line number.
    number: usize,
    text: &'a str,
}

impl Line<'_> {
    fn parse(&self) -> Result<Value, String> {
        serde_json::from_str(self.text).map_err(|e| {
            let what = if e.is_eof() { "the line is cut short" } else { "the line is not valid JSON" };
            format!("{what} at column {}: {}", e.column().max(1), json_message(&e))
        })
    }

    fn origin(&self) -> String {
        format!("line {}", self.number)
    }
}

impl<'a> Json<'a> {
    /// Reads `content` as JSON lines when `lines` is set or when it is not one JSON value but its first line
    /// is one object (the shape of a JSONL file); else as one value, failing with the error's position.
    fn read(content: &'a str, lines: bool) -> Result<Json<'a>, FileError> {
        if content.trim().is_empty() {
            return Err(FileError::new("the file is empty"));
        }
        if lines {
            return Ok(Json::Lines(split_lines(content)));
        }
        match serde_json::from_str::<Value>(content) {
            Ok(v) => Ok(Json::Whole(v)),
            Err(e) => {
                let first = content.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
                let first_is_object = serde_json::from_str::<Value>(first).is_ok_and(|v| v.is_object());
                if first_is_object && e.line() > 1 {
                    Ok(Json::Lines(split_lines(content)))
                } else {
                    Err(FileError::json(&e))
                }
            }
        }
    }
}

fn split_lines(content: &str) -> Vec<Line<'_>> {
    content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, text)| Line { number: i + 1, text })
        .collect()
}

/// One record of a file whose records are objects (a document each): its origin prefix and value.
struct Record<'a> {
    /// `line 3`, `item 2`, or empty for a file that is one record.
    origin: String,
    value: Result<Cow<'a, Value>, String>,
}

/// The records of a JSON file: the elements of a top-level array, the lines of JSON lines (parsed one by
/// one, as they are read), or the file's one object.
fn records<'a>(json: &'a Json<'a>) -> Box<dyn Iterator<Item = Record<'a>> + 'a> {
    match json {
        Json::Whole(Value::Array(items)) => Box::new(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| Record { origin: format!("item {}", i + 1), value: Ok(Cow::Borrowed(v)) }),
        ),
        Json::Whole(v) => Box::new(std::iter::once(Record { origin: String::new(), value: Ok(Cow::Borrowed(v)) })),
        Json::Lines(lines) => Box::new(lines.iter().map(line_record)),
    }
}

fn line_record<'a>(line: &Line<'_>) -> Record<'a> {
    Record { origin: line.origin(), value: line.parse().map(Cow::Owned) }
}

/// `prefix, rest` or whichever is not empty.
fn join_origin(prefix: &str, rest: &str) -> String {
    match (prefix.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_owned(),
        (_, true) => prefix.to_owned(),
        _ => format!("{prefix}, {rest}"),
    }
}

/// A refusal while reading: its kind and reason.
type Bad = (RefusalKind, String);

fn malformed(reason: impl Into<String>) -> Bad {
    (RefusalKind::Malformed, reason.into())
}

/// Reads an offset field: a non-negative whole number.
fn offset_field(obj: &serde_json::Map<String, Value>, field: &str) -> Result<usize, Bad> {
    match obj.get(field) {
        None => Err(malformed(format!("no `{field}` offset"))),
        Some(Value::Null) => Err(malformed(format!("`{field}` is null: the file gives no offsets"))),
        Some(v) => offset_value(v, field),
    }
}

fn offset_value(v: &Value, field: &str) -> Result<usize, Bad> {
    match v {
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                return usize::try_from(u)
                    .map_err(|_| (RefusalKind::OutOfRange, format!("`{field}` {u} is too large")));
            }
            if let Some(i) = n.as_i64() {
                return Err((RefusalKind::OutOfRange, format!("`{field}` {i} is negative")));
            }
            match n.as_f64() {
                Some(f) if f.fract() == 0.0 && f >= 0.0 && f < usize::MAX as f64 => Ok(f as usize),
                Some(f) if f < 0.0 => Err((RefusalKind::OutOfRange, format!("`{field}` {n} is negative"))),
                _ => Err(malformed(format!("`{field}` {n} is not a whole number"))),
            }
        }
        Value::String(s) => Err(malformed(format!("`{field}` is the string {s:?}, not a number"))),
        other => Err(malformed(format!("`{field}` is {}, not a number", kind_of(other)))),
    }
}

/// Reads an optional score: absent or null is no score; otherwise a number in 0..=1.
fn score_value(v: Option<&Value>) -> Result<Option<f64>, Bad> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => match n.as_f64() {
            Some(f) if (0.0..=1.0).contains(&f) => Ok(Some(f)),
            _ => Err((RefusalKind::BadScore, format!("score {n} is not between 0 and 1"))),
        },
        Some(Value::String(s)) => Err((RefusalKind::BadScore, format!("score {s:?} is not a number"))),
        Some(other) => Err((RefusalKind::BadScore, format!("score is {}, not a number", kind_of(other)))),
    }
}

/// Reads a label field: a non-empty string.
fn label_field(obj: &serde_json::Map<String, Value>, field: &str) -> Result<String, Bad> {
    match obj.get(field) {
        Some(Value::String(s)) if !s.trim().is_empty() => Ok(s.clone()),
        Some(Value::String(_)) => Err(malformed(format!("`{field}` is empty"))),
        None => Err(malformed(format!("no `{field}`"))),
        Some(other) => Err(malformed(format!("`{field}` is {}, not a string", kind_of(other)))),
    }
}

/// An optional string field that names a document (`"doc_id": "x"`; a number is taken as its digits).
fn doc_id_field(obj: &serde_json::Map<String, Value>, fields: &[&str]) -> Option<String> {
    fields.iter().find_map(|f| match obj.get(*f) {
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        _ => None,
    })
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Every label the items use, with how many items use it, sorted: for a mapping dialog.
pub fn label_counts(items: &[RawItem]) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for item in items {
        *out.entry(item.label.clone()).or_insert(0) += 1;
    }
    out
}

/// The labels of `items` that `mapping` does not map and that name no schema type, sorted: what the user
/// must map (to a type, or to ignore) before these items can be imported.
pub fn labels_needing_mapping(items: &[RawItem], mapping: &SourceConfig, schema: &Schema) -> Vec<String> {
    let labels: BTreeSet<&str> = items.iter().map(|i| i.label.as_str()).collect();
    labels.into_iter().filter(|l| mapping.target(l, schema).is_none()).map(str::to_owned).collect()
}

/// What a type name given by a user (`--map PER=ACTOR`) means in `schema`: an entity type or an event type
/// id (case-insensitive), or `ignore`.
pub fn parse_target(name: &str, schema: &Schema) -> Option<LabelTarget> {
    if name.eq_ignore_ascii_case("ignore") {
        return Some(LabelTarget::Ignore);
    }
    let upper = name.to_uppercase();
    if let Some(t) = schema.entity_types.iter().find(|t| t.id.as_str().to_uppercase() == upper) {
        return Some(LabelTarget::Entity(t.id.clone()));
    }
    schema.event_types.iter().find(|t| t.id.as_str().to_uppercase() == upper).map(|t| LabelTarget::Event(t.id.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_each_format_from_its_content() {
        let cases = [
            (r#"[{"entity_group": "LOC", "score": 0.9, "word": "x", "start": 0, "end": 3}]"#, SuggestionFormat::Hf),
            (r#"[{"entity": "B-LOC", "score": 0.9, "index": 1, "start": 0, "end": 3}]"#, SuggestionFormat::Hf),
            (
                "{\"doc_id\": \"a\", \"entities\": []}\n{\"doc_id\": \"b\", \"entities\": [{\"entity_group\": \"LOC\", \"start\": 0, \"end\": 1}]}",
                SuggestionFormat::Hf,
            ),
            (r#"{"text": "abc", "ents": [], "tokens": []}"#, SuggestionFormat::Spacy),
            ("{\"id\": 1, \"text\": \"abc\", \"label\": [[0, 1, \"X\"]]}\n", SuggestionFormat::Doccano),
            (
                r#"{"text": "abc", "entities": [{"id": 1, "label": "X", "start_offset": 0, "end_offset": 1}]}"#,
                SuggestionFormat::Doccano,
            ),
            (r#"[{"data": {"text": "abc"}, "predictions": []}]"#, SuggestionFormat::LabelStudio),
            ("T1\tLOC 0 3\tabc\n", SuggestionFormat::Brat),
        ];
        for (content, expected) in cases {
            assert_eq!(detect(None, content), Ok(expected), "{content}");
        }
        assert_eq!(detect(Some("ann"), ""), Ok(SuggestionFormat::Brat));
        assert!(detect(None, r#"{"foo": 1}"#).unwrap_err().message.contains("--format"));
    }

    #[test]
    fn a_cut_short_json_file_is_an_error_with_its_position() {
        let e = parse_str("[{\"entity_group\": \"LOC\",\n \"start\": 1", Some(SuggestionFormat::Hf)).unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.message.contains("cut short"), "{e}");
    }

    #[test]
    fn a_bad_json_line_spoils_only_itself() {
        let content = "{\"doc_id\": \"a\", \"entities\": [{\"entity_group\": \"LOC\", \"start\": 0, \"end\": 2}]}\n{\"doc_id\": \"b\", \"ent";
        let parsed = parse_str(content, Some(SuggestionFormat::Hf)).unwrap();
        assert_eq!(parsed.items.len(), 1);
        assert_eq!(parsed.refused.len(), 1);
        assert_eq!(parsed.refused[0].origin, "line 2");
        assert!(parsed.refused[0].reason.contains("cut short"), "{:?}", parsed.refused);
    }

    #[test]
    fn offsets_and_scores_are_checked_while_reading() {
        let obj = |s: &str| serde_json::from_str::<Value>(s).unwrap().as_object().unwrap().clone();
        assert_eq!(offset_field(&obj(r#"{"start": 4}"#), "start"), Ok(4));
        assert_eq!(offset_field(&obj(r#"{"start": 4.0}"#), "start"), Ok(4));
        assert_eq!(offset_field(&obj(r#"{"start": -4}"#), "start").unwrap_err().0, RefusalKind::OutOfRange);
        assert_eq!(offset_field(&obj(r#"{"start": "4"}"#), "start").unwrap_err().0, RefusalKind::Malformed);
        assert_eq!(offset_field(&obj(r#"{"start": 4.5}"#), "start").unwrap_err().0, RefusalKind::Malformed);
        assert_eq!(score_value(Some(&Value::from(0.5))), Ok(Some(0.5)));
        assert_eq!(score_value(Some(&Value::from("high"))).unwrap_err().0, RefusalKind::BadScore);
        assert_eq!(score_value(Some(&Value::from(1.5))).unwrap_err().0, RefusalKind::BadScore);
    }
}
