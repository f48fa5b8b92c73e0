//! Telling what a file is, for messages when the reader chosen for it refuses it: "this looks like a WebAnno
//! TSV 3 file (its first line is `#FORMAT=WebAnno TSV 3.3`); read it with import-annotations --format
//! webanno" says more than "not valid JSON". Only the start of the file is looked at.

use crate::formats::import::AnnotationFormat;
use crate::formats::suggestions::SuggestionFormat;
use serde_json::Value;
use std::fmt;
use std::path::Path;

/// The kinds of file told apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// brat standoff `.ann`.
    Brat,
    /// doccano JSON lines.
    Doccano,
    /// Label Studio tasks (JSON).
    LabelStudio,
    /// Hugging Face token-classification pipeline output.
    Hf,
    /// spaCy `Doc.to_json()`.
    SpacyJson,
    /// spaCy's binary `DocBin` (`.spacy`).
    SpacyDocBin,
    /// WebAnno TSV 3 (INCEpTION's interchange format).
    WebAnno,
    /// CoNLL-2003 or IOB2 columns.
    Conll,
    /// JSON or JSON lines of no shape Tarmeez reads.
    OtherJson,
}

impl Kind {
    /// The kind in words.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Brat => "brat standoff (.ann)",
            Kind::Doccano => "doccano JSON lines",
            Kind::LabelStudio => "Label Studio tasks",
            Kind::Hf => "Hugging Face pipeline output",
            Kind::SpacyJson => "spaCy Doc.to_json() output",
            Kind::SpacyDocBin => "a spaCy DocBin (.spacy)",
            Kind::WebAnno => "a WebAnno TSV 3 file",
            Kind::Conll => "CoNLL columns",
            Kind::OtherJson => "JSON",
        }
    }

    /// What to do with such a file.
    pub fn how(self) -> &'static str {
        match self {
            Kind::Brat => "read it with `--format brat` (import-annotations or import-suggestions)",
            Kind::Doccano => "read it with `--format doccano` (import-annotations or import-suggestions)",
            Kind::LabelStudio => {
                "import-annotations --format label-studio reads its annotations, import-suggestions --format \
                 label-studio its predictions"
            }
            Kind::Hf => "read it with import-suggestions --format hf",
            Kind::SpacyJson => "read it with import-suggestions --format spacy",
            Kind::SpacyDocBin => {
                "Tarmeez cannot read it; write each document's `doc.to_json()` and import that with \
                 import-suggestions --format spacy"
            }
            Kind::Conll => "read it with `--format conll` (import-annotations or import-suggestions)",
            Kind::WebAnno => "read it with import-annotations --format webanno",
            Kind::OtherJson => "Tarmeez reads none of its shape",
        }
    }

    /// The `import-suggestions` format that reads this kind, if one does.
    pub fn suggestion_format(self) -> Option<SuggestionFormat> {
        match self {
            Kind::Brat => Some(SuggestionFormat::Brat),
            Kind::Doccano => Some(SuggestionFormat::Doccano),
            Kind::LabelStudio => Some(SuggestionFormat::LabelStudio),
            Kind::Hf => Some(SuggestionFormat::Hf),
            Kind::SpacyJson => Some(SuggestionFormat::Spacy),
            Kind::Conll => Some(SuggestionFormat::Conll),
            _ => None,
        }
    }

    /// The `import-annotations` format that reads this kind, if one does.
    pub fn annotation_format(self) -> Option<AnnotationFormat> {
        match self {
            Kind::Brat => Some(AnnotationFormat::Brat),
            Kind::Doccano => Some(AnnotationFormat::Doccano),
            Kind::LabelStudio => Some(AnnotationFormat::LabelStudio),
            Kind::Conll => Some(AnnotationFormat::Conll),
            Kind::WebAnno => Some(AnnotationFormat::WebAnno),
            _ => None,
        }
    }
}

/// What a file looks like, and what shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guess {
    /// The kind.
    pub kind: Kind,
    /// What shows it (`its first line is ...`).
    pub why: String,
}

impl fmt::Display for Guess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "this looks like {} ({}); {}", self.kind.name(), self.why, self.kind.how())
    }
}

/// What the file at `path` looks like; `None` when it cannot be read or shows nothing known.
pub fn sniff_path(path: &Path) -> Option<Guess> {
    use std::io::Read;
    let mut head = Vec::new();
    // The start is enough to tell, and a corpus file may be large.
    std::fs::File::open(path).ok()?.take(1 << 20).read_to_end(&mut head).ok()?;
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    sniff(ext.as_deref(), &head)
}

/// What a file with this extension and these first bytes looks like.
pub fn sniff(extension: Option<&str>, head: &[u8]) -> Option<Guess> {
    let text = match std::str::from_utf8(head) {
        Ok(t) => t,
        // Cut in the middle of a letter by the 1 MB limit: the part before it.
        Err(e) if e.error_len().is_none() => std::str::from_utf8(&head[..e.valid_up_to()]).ok()?,
        Err(_) => {
            let zlib = matches!(head, [0x78, 0x01 | 0x5e | 0x9c | 0xda, ..]);
            return (extension == Some("spacy") || zlib).then(|| Guess {
                kind: Kind::SpacyDocBin,
                why: "it is binary, compressed as spaCy's `DocBin.to_disk` writes".to_owned(),
            });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().find(|l| !l.trim().is_empty())?.trim_end_matches('\r');
    if first.starts_with("#FORMAT=WebAnno TSV") {
        return Some(Guess { kind: Kind::WebAnno, why: format!("its first line is `{first}`") });
    }
    if is_brat_line(first) {
        let shown: String = first.split('\t').take(2).collect::<Vec<_>>().join("<TAB>");
        return Some(Guess { kind: Kind::Brat, why: format!("its first line starts `{shown}`") });
    }
    if let Some(why) = conll_columns(text) {
        return Some(Guess { kind: Kind::Conll, why });
    }
    json_kind(text, first)
}

/// Whether a line is a brat annotation (`T1<TAB>...`, `#1<TAB>...`).
fn is_brat_line(line: &str) -> bool {
    let Some((id, rest)) = line.split_once('\t') else { return false };
    let mut chars = id.chars();
    matches!(chars.next(), Some('T' | 'R' | 'E' | 'A' | 'M' | 'N' | '#' | '*'))
        && chars.clone().next().is_some()
        && chars.all(|c| c.is_ascii_digit())
        && !rest.is_empty()
}

/// Why the text looks like CoNLL columns (`-DOCSTART-`, or lines of columns whose last is a tag such as
/// `B-ORG` or `O`), if it does.
pub(crate) fn conll_columns(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).take(20).collect();
    if lines.first().is_some_and(|l| l.starts_with("-DOCSTART-")) {
        return Some("its first line is `-DOCSTART-`".to_owned());
    }
    let tag = |t: &str| {
        t == "O" || t.split_once('-').is_some_and(|(p, l)| matches!(p, "B" | "I" | "E" | "S") && !l.is_empty())
    };
    let tagged = lines
        .iter()
        .filter(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            cols.len() >= 2 && cols.last().is_some_and(|t| tag(t))
        })
        .count();
    (lines.len() >= 2 && tagged == lines.len())
        .then(|| "its lines are columns whose last is a tag such as `B-ORG` or `O`".to_owned())
}

/// The kind of a JSON file or JSON lines, from its first record.
fn json_kind(text: &str, first_line: &str) -> Option<Guess> {
    if let Ok(v) = serde_json::from_str::<Value>(text) {
        return Some(match &v {
            Value::Array(items) => match items.first() {
                Some(Value::Array(_)) => {
                    Guess { kind: Kind::Hf, why: "it is a list of lists, as the pipeline's batch output is".to_owned() }
                }
                Some(record) => record_kind(record, "it is a list of objects"),
                None => return None,
            },
            record => record_kind(record, "it is one object"),
        });
    }
    let record = serde_json::from_str::<Value>(first_line).ok().filter(Value::is_object)?;
    Some(record_kind(&record, "its lines are JSON objects"))
}

/// The kind of one record, by its keys.
fn record_kind(record: &Value, shape: &str) -> Guess {
    let keys: Vec<&str> = record.as_object().map(|o| o.keys().map(String::as_str).collect()).unwrap_or_default();
    let has = |k: &str| keys.contains(&k);
    let kind = if has("data") && (has("annotations") || has("predictions")) {
        Kind::LabelStudio
    } else if has("entity_group") || has("entity") {
        Kind::Hf
    } else if has("text") && (has("ents") || has("tokens")) {
        Kind::SpacyJson
    } else if has("text") && (has("label") || has("labels") || has("annotations")) {
        Kind::Doccano
    } else if has("entities") {
        let first = record.get("entities").and_then(Value::as_array).and_then(|e| e.first());
        if first.is_some_and(|e| e.get("start_offset").is_some()) { Kind::Doccano } else { Kind::Hf }
    } else {
        Kind::OtherJson
    };
    Guess { kind, why: format!("{shape} with the keys {}", keys.join(", ")) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(ext: Option<&str>, content: &[u8]) -> Option<Kind> {
        sniff(ext, content).map(|g| g.kind)
    }

    #[test]
    fn each_kind_is_told_from_its_start() {
        assert_eq!(kind(None, b"#FORMAT=WebAnno TSV 3.3\n#T_SP=x\n"), Some(Kind::WebAnno));
        assert_eq!(kind(None, "T1\tORG 0 3\tقصف\n".as_bytes()), Some(Kind::Brat));
        assert_eq!(kind(None, b"-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\n"), Some(Kind::Conll));
        assert_eq!(kind(None, b"EU\tB-ORG\nrejects\tO\n"), Some(Kind::Conll));
        assert_eq!(kind(None, br#"[{"data": {"text": "x"}, "annotations": []}]"#), Some(Kind::LabelStudio));
        assert_eq!(kind(None, br#"{"text": "x", "labels": [[0, 1, "A"]]}"#), Some(Kind::Doccano));
        assert_eq!(
            kind(None, b"{\"text\": \"x\", \"label\": []}\n{\"text\": \"y\", \"label\": []}\n"),
            Some(Kind::Doccano)
        );
        assert_eq!(kind(None, br#"[[{"entity_group": "ORG", "start": 0, "end": 1}]]"#), Some(Kind::Hf));
        assert_eq!(kind(Some("spacy"), &[0x78, 0x9c, 0xff, 0xfe]), Some(Kind::SpacyDocBin));
        assert_eq!(kind(None, b"just some words\n"), None);
    }
}
