//! Importing a corpus of documents from one file: JSON lines (one object per line) or CSV with a header row.
//!
//! [`read_records`] reads the file into [`Record`]s, skipping (and naming, with their line) the lines that
//! cannot be documents; [`import_records`] adds the records to the project with [`Project::add_documents`], a
//! batch at a time, skipping empty texts and duplicates, and can be cancelled between batches.

use std::collections::BTreeSet;
use std::fmt;
use std::path::Path;

mod import;

pub use import::{BATCH, CorpusImport, ImportOutcome, import_records};

/// The file formats `import-docs` and File > Import documents read; each variant is one `--format` value
/// (the command line's choices are made from [`CorpusFormat::ALL`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CorpusFormat {
    /// JSON lines: one object per line with `text` and optional `id`, `title`, `date`, `source`, `url`.
    Jsonl,
    /// CSV with a header row naming the columns.
    Csv,
}

impl CorpusFormat {
    /// Every format, in the order they are listed.
    pub const ALL: [CorpusFormat; 2] = [CorpusFormat::Jsonl, CorpusFormat::Csv];

    /// The name as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            CorpusFormat::Jsonl => "jsonl",
            CorpusFormat::Csv => "csv",
        }
    }

    /// The format named `name` (as [`CorpusFormat::name`] spells it).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format in a few words, for a list to choose from.
    pub fn description(self) -> &'static str {
        match self {
            CorpusFormat::Jsonl => "JSON lines",
            CorpusFormat::Csv => "CSV with a header row",
        }
    }

    /// What the format holds, in full, for the command line's `--help`.
    pub fn help(self) -> &'static str {
        match self {
            CorpusFormat::Jsonl => {
                "JSON lines: one object per line with `text` and optional `id`, `title`, `date`, `source`, `url`"
            }
            CorpusFormat::Csv => "CSV with a header row naming the columns",
        }
    }

    /// The format told by a file's extension: `.jsonl`/`.ndjson` or `.csv`.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" | "ndjson" => Some(CorpusFormat::Jsonl),
            "csv" => Some(CorpusFormat::Csv),
            _ => None,
        }
    }
}

/// Which column (CSV) or key (JSON lines) holds what. An empty name leaves that piece of metadata out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    /// The document's text (required).
    pub text: String,
    /// The id hint.
    pub id: String,
    /// The title.
    pub title: String,
    /// The publication date.
    pub date: String,
    /// The outlet.
    pub source: String,
    /// Where it was published.
    pub url: String,
}

impl Default for Columns {
    fn default() -> Self {
        Self {
            text: "text".into(),
            id: "id".into(),
            title: "title".into(),
            date: "date".into(),
            source: "source".into(),
            url: "url".into(),
        }
    }
}

impl Columns {
    fn metadata(&self) -> [(&'static str, &str); 5] {
        [("id", &self.id), ("title", &self.title), ("date", &self.date), ("source", &self.source), ("url", &self.url)]
    }

    fn all(&self) -> BTreeSet<&str> {
        self.metadata().iter().map(|(_, c)| *c).chain([self.text.as_str()]).collect()
    }
}

/// One document read from the file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    /// 1-based line where the record starts.
    pub line: usize,
    /// The text, as given (a byte-order mark at the start of the file is dropped).
    pub text: String,
    /// The record's id, when it has one.
    pub id: Option<String>,
    /// Title, when given.
    pub title: Option<String>,
    /// Date, when given.
    pub date: Option<String>,
    /// Source, when given.
    pub source: Option<String>,
    /// URL, when given.
    pub url: Option<String>,
    /// Keys (JSON lines) or non-empty columns (CSV) of the record that were not imported.
    pub ignored: Vec<String>,
}

/// Why a record was not imported.
#[derive(Debug)]
pub enum SkipReason {
    /// The line is not a JSON object (the message says why).
    Malformed(String),
    /// The line is not UTF-8.
    NotUtf8,
    /// The record has no text key or column.
    MissingText(String),
    /// The text is empty or only white space.
    Empty,
    /// The same text is already in the project, or earlier in the file.
    Duplicate(String),
    /// A CSV row opens a quote that is never closed: the rest of the file would be read into it.
    UnclosedQuote,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::Malformed(why) => write!(f, "is not a JSON object: {why}"),
            SkipReason::NotUtf8 => write!(f, "is not UTF-8 text; convert the file to UTF-8 and import it again"),
            SkipReason::MissingText(key) => write!(f, "has no `{key}`"),
            SkipReason::Empty => write!(f, "has an empty text"),
            SkipReason::Duplicate(of) => write!(f, "has the same text as {of}"),
            SkipReason::UnclosedQuote => write!(
                f,
                "opens a quote that is never closed, so every row after it would be read into this one; close \
                 the quote and import the file again"
            ),
        }
    }
}

/// A record that was skipped, with its line.
#[derive(Debug)]
pub struct Skip {
    /// 1-based line where the record starts.
    pub line: usize,
    /// Why it was skipped.
    pub reason: SkipReason,
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// A file that cannot be read at all: nothing of it is imported.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct FileError {
    /// What is wrong.
    pub message: String,
}

impl FileError {
    fn new(message: impl Into<String>) -> Self {
        Self { message: message.into() }
    }
}

/// Reads the records of a file: the format is `format`, else told from the extension. Lines that cannot be
/// documents (malformed JSON, not UTF-8, no text) are returned as skips with their line; the others as records.
pub fn read_records(
    path: &Path,
    format: Option<CorpusFormat>,
    columns: &Columns,
) -> Result<(Vec<Record>, Vec<Skip>), FileError> {
    let Some(format) = format.or_else(|| CorpusFormat::from_path(path)) else {
        return Err(FileError::new("cannot tell the format from the file name; give --format jsonl or --format csv"));
    };
    let bytes = std::fs::read(path).map_err(|e| FileError::new(format!("cannot be read: {e}")))?;
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
    match format {
        CorpusFormat::Jsonl => Ok(read_jsonl(bytes, columns)),
        CorpusFormat::Csv => read_csv(bytes, columns),
    }
}

fn read_jsonl(bytes: &[u8], columns: &Columns) -> (Vec<Record>, Vec<Skip>) {
    let known = columns.all();
    let mut records = Vec::new();
    let mut skips = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let Ok(s) = std::str::from_utf8(raw) else {
            skips.push(Skip { line, reason: SkipReason::NotUtf8 });
            continue;
        };
        if s.trim().is_empty() {
            continue;
        }
        let object = match serde_json::from_str::<serde_json::Value>(s) {
            Ok(serde_json::Value::Object(o)) => o,
            Ok(_) => {
                skips.push(Skip { line, reason: SkipReason::Malformed("not an object".into()) });
                continue;
            }
            Err(e) => {
                let why = e.to_string();
                let why = why.rfind(" at line ").map_or(why.clone(), |i| why[..i].to_owned());
                skips.push(Skip { line, reason: SkipReason::Malformed(format!("column {}: {why}", e.column())) });
                continue;
            }
        };
        let value = |key: &str| -> Result<Option<String>, String> {
            match object.get(key).filter(|_| !key.is_empty()) {
                None | Some(serde_json::Value::Null) => Ok(None),
                Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
                Some(serde_json::Value::Number(n)) => Ok(Some(n.to_string())),
                Some(_) => Err(format!("`{key}` is neither a string nor a number")),
            }
        };
        let mut record = Record { line, ..Record::default() };
        let fields = [&mut record.id, &mut record.title, &mut record.date, &mut record.source, &mut record.url];
        let mut bad = None;
        for ((_, key), field) in columns.metadata().iter().zip(fields) {
            match value(key) {
                Ok(v) => *field = v.filter(|s| !s.trim().is_empty()),
                Err(e) => bad = Some(e),
            }
        }
        match object.get(&columns.text) {
            None | Some(serde_json::Value::Null) => {
                skips.push(Skip { line, reason: SkipReason::MissingText(columns.text.clone()) });
                continue;
            }
            Some(serde_json::Value::String(s)) => record.text = s.clone(),
            Some(_) => bad = Some(format!("`{}` is not a string", columns.text)),
        }
        if let Some(why) = bad {
            skips.push(Skip { line, reason: SkipReason::Malformed(why) });
            continue;
        }
        record.ignored = object.keys().filter(|k| !known.contains(k.as_str())).cloned().collect();
        records.push(record);
    }
    (records, skips)
}

fn read_csv(bytes: &[u8], columns: &Columns) -> Result<(Vec<Record>, Vec<Skip>), FileError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header = reader.byte_headers().map_err(|e| FileError::new(format!("line 1: {e}")))?.clone();
    let header: Vec<String> = header
        .iter()
        .map(|h| std::str::from_utf8(h).map(|h| h.trim().to_owned()))
        .collect::<Result<_, _>>()
        .map_err(|_| FileError::new("line 1: the header row is not UTF-8 text"))?;
    let find = |name: &str| header.iter().position(|h| !name.is_empty() && h == name);
    let names = || header.join(", ");
    let Some(text_at) = find(&columns.text) else {
        return Err(FileError::new(format!(
            "line 1: no `{}` column (the columns are: {}); name the text column with --text-column",
            columns.text,
            names()
        )));
    };
    let defaults = Columns::default();
    let mut meta_at = Vec::new();
    for ((what, name), (_, default)) in columns.metadata().iter().zip(defaults.metadata()) {
        let at = find(name);
        // A column named on purpose must exist; a default name may be absent; an empty one is not wanted.
        if at.is_none() && !name.is_empty() && *name != default {
            return Err(FileError::new(format!(
                "line 1: no `{name}` column for the {what} (the columns are: {})",
                names()
            )));
        }
        meta_at.push(at);
    }
    let known = columns.all();
    let ignored: Vec<usize> = (0..header.len()).filter(|&i| !known.contains(header[i].as_str())).collect();
    let mut records = Vec::new();
    let mut skips = Vec::new();
    let mut row = csv::ByteRecord::new();
    let mut lines = LineCounter::default();
    loop {
        let line = lines.line_at(bytes, reader.position().byte() as usize);
        match reader.read_byte_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                skips.push(Skip { line, reason: SkipReason::Malformed(e.to_string()) });
                continue;
            }
        }
        // In a CRLF file the csv crate starts a row at the `\n` that ends the row before: step over it.
        let mut start = row.position().map_or(0, |p| p.byte() as usize);
        while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        let line = lines.line_at(bytes, start);
        // A quote left open swallows every row after it: the row then ends at the end of the file with an odd
        // number of quote characters (a closed quote and each doubled `""` inside one make an even number).
        let end = reader.position().byte() as usize;
        if end >= bytes.len() && bytes[start.min(end)..].iter().filter(|&&b| b == b'"').count() % 2 == 1 {
            skips.push(Skip { line, reason: SkipReason::UnclosedQuote });
            continue;
        }
        let Ok(fields) = row.iter().map(std::str::from_utf8).collect::<Result<Vec<&str>, _>>() else {
            skips.push(Skip { line, reason: SkipReason::NotUtf8 });
            continue;
        };
        let Some(text) = fields.get(text_at) else {
            skips.push(Skip { line, reason: SkipReason::MissingText(columns.text.clone()) });
            continue;
        };
        let get =
            |at: Option<usize>| at.and_then(|i| fields.get(i)).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
        records.push(Record {
            line,
            text: (*text).to_owned(),
            id: get(meta_at[0]),
            title: get(meta_at[1]),
            date: get(meta_at[2]),
            source: get(meta_at[3]),
            url: get(meta_at[4]),
            ignored: ignored
                .iter()
                .filter(|&&i| fields.get(i).is_some_and(|v| !v.trim().is_empty()))
                .map(|&i| header[i].clone())
                .collect(),
        });
    }
    Ok((records, skips))
}

/// How many lines of a JSON lines file [`fields`] reads for keys.
const FIELD_SAMPLE_LINES: usize = 200;

/// What the records of a file can be read from, for a window to offer: the columns of a CSV file's header
/// row, in order, or the keys of the first 200 objects of a JSON lines file, sorted.
pub fn fields(path: &Path, format: CorpusFormat) -> Result<Vec<String>, FileError> {
    use std::io::BufRead as _;
    let file = std::fs::File::open(path).map_err(|e| FileError::new(format!("cannot be read: {e}")))?;
    let reader = std::io::BufReader::new(file);
    match format {
        CorpusFormat::Csv => {
            let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
            let header = csv.headers().map_err(|e| FileError::new(format!("line 1: {e}")))?;
            Ok(header.iter().map(|h| h.trim_start_matches('\u{feff}').trim().to_owned()).collect())
        }
        CorpusFormat::Jsonl => {
            let mut keys = BTreeSet::new();
            for line in reader.split(b'\n').take(FIELD_SAMPLE_LINES) {
                let line = line.map_err(|e| FileError::new(format!("cannot be read: {e}")))?;
                // As read_records does: a byte-order mark before the first line is not part of it.
                let line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&line);
                if let Ok(serde_json::Value::Object(o)) = serde_json::from_slice::<serde_json::Value>(line) {
                    keys.extend(o.keys().cloned());
                }
            }
            Ok(keys.into_iter().collect())
        }
    }
}

/// A note on the keys or columns that were not imported, when there are any: each with its number of records.
pub fn ignored_note(records: &[Record]) -> Option<String> {
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for key in records.iter().flat_map(|r| &r.ignored) {
        *counts.entry(key).or_default() += 1;
    }
    if counts.is_empty() {
        return None;
    }
    let list: Vec<String> = counts.iter().map(|(k, n)| format!("`{k}` ({n})")).collect();
    Some(format!("not imported, with the number of records having each: {}", list.join(", ")))
}

/// Line numbers of byte offsets met in increasing order, counted from the bytes themselves (the csv crate's
/// own line count is one short in CRLF files).
#[derive(Default)]
struct LineCounter {
    /// The offset counted up to, and the line it is on.
    at: usize,
    line: usize,
}

impl LineCounter {
    /// The 1-based line of byte `offset` (offsets must not go backwards).
    fn line_at(&mut self, bytes: &[u8], offset: usize) -> usize {
        let offset = offset.min(bytes.len());
        if offset > self.at {
            self.line += bytes[self.at..offset].iter().filter(|&&b| b == b'\n').count();
            self.at = offset;
        }
        self.line + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_csv_text(content: &[u8]) -> (Vec<Record>, Vec<Skip>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corpus.csv");
        std::fs::write(&path, content).unwrap();
        read_records(&path, None, &Columns::default()).unwrap()
    }

    #[test]
    fn a_quote_never_closed_is_a_skipped_row_not_the_rest_of_the_file() {
        let (records, skips) = read_csv_text(b"text,id\nfirst,1\n\"second,2\nthird,3\nfourth,4\n");
        assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), [2], "only the row before the quote");
        assert_eq!(skips.len(), 1, "{skips:?}");
        assert_eq!(skips[0].line, 3);
        assert!(matches!(skips[0].reason, SkipReason::UnclosedQuote), "{skips:?}");
    }

    #[test]
    fn lines_are_counted_the_same_in_crlf_files() {
        let (records, skips) = read_csv_text(b"text,id\r\nfirst,1\r\n\xff,2\r\nthird,3\r\n");
        assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(skips.iter().map(|s| s.line).collect::<Vec<_>>(), [3]);
    }
}
