//! The suggestion formats: their names and descriptions, and telling a file's format from its extension and
//! content.

use super::FileError;
use super::reading::Json;
use crate::formats::text_file::strip_bom;
use serde_json::Value;
use std::fmt;

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
    /// CoNLL columns (CoNLL-2003, IOB2, BIOES; ANERcorp; Tarmeez's own export): each span of tags one item.
    Conll,
    /// Tarmeez's own model protocol: `{"document": {"id"}, "mentions": [...], "events": [... "roles"]}`.
    Tarmeez,
}

impl SuggestionFormat {
    /// Every format, in the order they are listed.
    pub const ALL: [SuggestionFormat; 7] = [
        SuggestionFormat::Hf,
        SuggestionFormat::Spacy,
        SuggestionFormat::Doccano,
        SuggestionFormat::LabelStudio,
        SuggestionFormat::Brat,
        SuggestionFormat::Conll,
        SuggestionFormat::Tarmeez,
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
            SuggestionFormat::Conll => "CoNLL / IOB columns",
            SuggestionFormat::Tarmeez => "Tarmeez model protocol (JSON)",
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
            SuggestionFormat::Conll => {
                "CoNLL columns, the tag last (CoNLL-2003, IOB2, BIOES; ANERcorp); the tokens are placed in the document \
                 named by `# doc_id` or --doc, or whose text they are"
            }
            SuggestionFormat::Tarmeez => {
                "Tarmeez's model protocol: objects (or JSON lines) with `document.id`, `mentions` and `events` with \
                 `roles`, code-point offsets"
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
            SuggestionFormat::Conll => "conll",
            SuggestionFormat::Tarmeez => "tarmeez",
        }
    }
}

impl fmt::Display for SuggestionFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
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
    if extension == Some("conll") || crate::formats::sniff::conll_columns(content).is_some() {
        return Ok(SuggestionFormat::Conll);
    }
    let json = Json::read(content, matches!(extension, Some("jsonl" | "ndjson")))?;
    let parsed_lines: Vec<Value>;
    let candidates: Vec<&Value> = match &json {
        // The pipeline's batch output: one list of entities per text.
        Json::Whole(Value::Array(items)) if !items.is_empty() && items.iter().all(Value::is_array) => {
            return Ok(SuggestionFormat::Hf);
        }
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
            "cannot tell the format from the content; give --format (hf, spacy, doccano, label-studio, brat, conll or tarmeez)",
        )
    })
}

/// The format a record's fields show, if they show one.
fn detect_record(record: &Value) -> Option<SuggestionFormat> {
    let obj = record.as_object()?;
    let has = |k: &str| obj.contains_key(k);
    if has("mentions") || (has("events") && !has("text")) {
        return Some(SuggestionFormat::Tarmeez);
    }
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
            (r#"{"document": {"id": "a"}, "mentions": [], "events": []}"#, SuggestionFormat::Tarmeez),
        ];
        for (content, expected) in cases {
            assert_eq!(detect(None, content), Ok(expected), "{content}");
        }
        assert_eq!(detect(Some("ann"), ""), Ok(SuggestionFormat::Brat));
        assert!(detect(None, r#"{"foo": 1}"#).unwrap_err().message.contains("--format"));
    }
}
