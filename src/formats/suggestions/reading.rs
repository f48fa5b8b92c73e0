//! Reading a suggestion file: from a path or from memory, as one JSON value or as JSON lines, into the records
//! the format parsers go through.

use super::{
    DocRef, FileError, ParsedFile, SuggestionFormat, brat, conll, detect, doccano, hf, json_message, label_studio,
    spacy, tarmeez,
};
use crate::formats::text_file::{TextFileError, read_text, strip_bom};
use serde_json::Value;
use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

/// Reads a suggestion file. `format` is detected from the extension and content when `None`.
///
/// For brat, the document is named by the `.ann` file's stem and, when a `.txt` of the same stem lies beside
/// it, also by that text (so a renamed document is still found).
pub fn read_path(path: &Path, format: Option<SuggestionFormat>) -> Result<ParsedFile, FileError> {
    let content = read_text(path).map_err(|e| match e {
        TextFileError::NotUtf8 { line } => {
            FileError { line: Some(line), column: None, message: "is not UTF-8 text; convert it to UTF-8".into() }
        }
        unreadable @ TextFileError::Unreadable(_) => FileError::new(unreadable.to_string()),
    })?;
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let format = match format {
        Some(f) => f,
        None => detect(ext.as_deref(), &content)?,
    };
    if format == SuggestionFormat::Brat {
        let doc = DocRef {
            id: path.file_stem().and_then(|s| s.to_str()).map(str::to_owned),
            text: read_text(&path.with_extension("txt")).ok().map(Arc::from),
        };
        return Ok(brat::parse(&content, &doc));
    }
    if format == SuggestionFormat::Conll {
        return Ok(conll::parse(&content, None));
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
    if format == SuggestionFormat::Conll {
        return Ok(conll::parse(content, None));
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
        SuggestionFormat::Tarmeez => tarmeez::parse(&json),
        SuggestionFormat::Brat | SuggestionFormat::Conll => unreachable!("brat and CoNLL are not JSON"),
    })
}

/// A JSON file: one value, or JSON lines (each line parsed on its own, when read, so that one bad line spoils
/// only itself and a format can read its lines faster than through [`Value`]).
pub(super) enum Json<'a> {
    Whole(Value),
    Lines(Vec<Line<'a>>),
}

pub(super) struct Line<'a> {
    /// 1-based line number.
    number: usize,
    pub(super) text: &'a str,
}

impl Line<'_> {
    pub(super) fn parse(&self) -> Result<Value, String> {
        serde_json::from_str(self.text).map_err(|e| {
            let what = if e.is_eof() { "the line is cut short" } else { "the line is not valid JSON" };
            format!("{what} at column {}: {}", e.column().max(1), json_message(&e))
        })
    }

    pub(super) fn origin(&self) -> String {
        format!("line {}", self.number)
    }
}

impl<'a> Json<'a> {
    /// Reads `content` as JSON lines when `lines` is set or when it is not one JSON value but its first line
    /// is one object (the shape of a JSONL file); else as one value, failing with the error's position.
    pub(super) fn read(content: &'a str, lines: bool) -> Result<Json<'a>, FileError> {
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
pub(super) struct Record<'a> {
    /// `line 3`, `item 2`, or empty for a file that is one record.
    pub(super) origin: String,
    pub(super) value: Result<Cow<'a, Value>, String>,
}

/// The records of a JSON file: the elements of a top-level array, the lines of JSON lines (parsed one by
/// one, as they are read), or the file's one object.
pub(super) fn records<'a>(json: &'a Json<'a>) -> Box<dyn Iterator<Item = Record<'a>> + 'a> {
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

pub(super) fn line_record<'a>(line: &Line<'_>) -> Record<'a> {
    Record { origin: line.origin(), value: line.parse().map(Cow::Owned) }
}

/// `prefix, rest` or whichever is not empty.
pub(super) fn join_origin(prefix: &str, rest: &str) -> String {
    match (prefix.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_owned(),
        (_, true) => prefix.to_owned(),
        _ => format!("{prefix}, {rest}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
