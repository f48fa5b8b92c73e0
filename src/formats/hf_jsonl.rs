//! Entity spans as JSON lines for training a token classifier (`tarmeez export --format hf-jsonl`), and what
//! the three interchange exporters (this one, [`super::doccano`] and [`super::conll`]) share: the summary,
//! the error, the layers to export and the flattening of nested mentions.
//!
//! `<dir>/hf.jsonl` holds one line per coder's layer of a document:
//!
//! ```json
//! {"doc_id": "al-omar", "annotator": "sample", "text": "...",
//!  "entities": [{"entity_group": "ACTOR", "start": 266, "end": 289, "word": "..."}]}
//! ```
//!
//! `start` and `end` are code point offsets, half-open, as Python indexes a `str`: `text[start:end] ==
//! word`, so the spans line up with a fast tokenizer's `offset_mapping` directly. The entities are those of
//! the Hugging Face pipeline's aggregated output, so the file can also be compared with a model's
//! predictions or read back by `tarmeez import-suggestions --format hf`. A token classifier gives each token
//! one label, so nested and overlapping mentions are flattened: the longest of a group of overlapping
//! mentions is kept and the others are listed in [`ExportSummary::not_expressed`]. Events and relations are
//! not written (one note per layer says how many).

use crate::model::{Annotator, DocId, DocText, Layer, Mention, MentionId};
use crate::store::Project;
use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// The file written into the output folder.
pub const FILE_NAME: &str = "hf.jsonl";

/// What an interchange export wrote and what it could not express.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// The files written (each atomically).
    pub files: Vec<PathBuf>,
    /// Documents with at least one exported layer.
    pub documents: usize,
    /// Coders' layers exported (a document coded by two coders counts twice).
    pub layers: usize,
    /// Spans written: mentions, plus event triggers in doccano.
    pub spans: usize,
    /// Annotations, or parts of them, that the format cannot hold, one entry each.
    pub not_expressed: Vec<NotExpressed>,
    /// Documents left out because their files have problems (see `tarmeez validate`).
    pub skipped: Vec<DocId>,
}

/// Something the format could not hold: a nested mention in flat BIO, an actor link in doccano, ...
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotExpressed {
    /// The document.
    pub doc: DocId,
    /// The coder whose layer it is in.
    pub annotator: Annotator,
    /// What: `mention m3 (LOCATION 379..395 «...»)`, `2 events, 1 relation`.
    pub what: String,
    /// Why, or which part was lost.
    pub reason: String,
}

impl fmt::Display for NotExpressed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}): {}: {}", self.doc, self.annotator, self.what, self.reason)
    }
}

/// Why an interchange export wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// `--annotator` named a coder who has no layer in any readable document (a misspelt name, most likely).
    #[error("no document has a layer by annotator `{0}`; nothing was written")]
    NoLayer(Annotator),
    /// The output path is a file, not a folder.
    #[error("{0} is a file; give the folder to write into")]
    OutIsFile(PathBuf),
    /// The file could not be written (a previous version, if any, is intact).
    #[error("cannot write {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// One coder's layer of one loaded document, to export.
pub(crate) struct LayerToExport<'a> {
    /// The project, for its schema, registry and metadata.
    pub project: &'a Project,
    pub doc: &'a DocId,
    pub annotator: &'a Annotator,
    pub text: &'a DocText,
    pub layer: &'a Layer,
}

/// The layers an export writes, by document then annotator, after loading every document: `annotator`'s
/// only when given, else every coder's (empty layers included: the document was opened by that coder).
/// Broken documents go to `summary.skipped`; `summary.documents` and `summary.layers` are counted here.
pub(crate) fn layers_to_export<'a>(
    project: &'a Project,
    annotator: Option<&Annotator>,
    out_dir: &Path,
    summary: &mut ExportSummary,
) -> Result<Vec<LayerToExport<'a>>, ExportError> {
    if out_dir.exists() && !out_dir.is_dir() {
        return Err(ExportError::OutIsFile(out_dir.to_owned()));
    }
    project.load_all();
    let project: &'a Project = project;
    let mut out = Vec::new();
    for entry in project.documents() {
        let Some(loaded) = entry.loaded() else {
            summary.skipped.push(entry.id.clone());
            continue;
        };
        let before = out.len();
        for (coder, layer) in loaded.layers.iter().filter(|(a, _)| annotator.is_none_or(|want| want == *a)) {
            out.push(LayerToExport { project, doc: &entry.id, annotator: coder, text: &loaded.text, layer });
        }
        summary.documents += usize::from(out.len() > before);
    }
    summary.layers = out.len();
    if let Some(a) = annotator
        && out.is_empty()
        && summary.skipped.is_empty()
    {
        return Err(ExportError::NoLayer(a.clone()));
    }
    Ok(out)
}

/// Writes `bytes` to `<out_dir>/<name>` atomically and records the file in the summary.
pub(crate) fn write_file(
    out_dir: &Path,
    name: &str,
    bytes: &[u8],
    summary: &mut ExportSummary,
) -> Result<(), ExportError> {
    let path = out_dir.join(name);
    crate::store::atomic::write_atomic(&path, bytes)
        .map_err(|source| ExportError::Write { path: path.clone(), source })?;
    summary.files.push(path);
    Ok(())
}

/// How a mention is named in [`NotExpressed::what`]: `mention m3 (LOCATION 379..395 «حقل العمر»)`.
pub(crate) fn describe_mention(text: &DocText, id: MentionId, m: &Mention) -> String {
    format!("mention {id} ({} {} «{}»)", m.entity_type, m.span, text.slice(m.span).unwrap_or(""))
}

/// A mention a flat labelling keeps.
pub(crate) type Kept<'a> = (MentionId, &'a Mention);

/// A mention a flat labelling drops, with the kept mention it overlaps.
pub(crate) type Dropped<'a> = (MentionId, &'a Mention, MentionId);

/// Splits `mentions` into those a flat labelling (one label per character) keeps and those it drops, each
/// dropped one with the kept mention it overlaps. The longest mention of an overlapping group is kept (the
/// outermost of nested ones), then the earliest, then the lowest id; a mention that overlaps no kept one is
/// always kept. The kept ones are returned in text order.
pub(crate) fn flatten<'a>(
    mentions: impl IntoIterator<Item = (MentionId, &'a Mention)>,
) -> (Vec<Kept<'a>>, Vec<Dropped<'a>>) {
    let mut all: Vec<(MentionId, &Mention)> = mentions.into_iter().collect();
    all.sort_by_key(|(id, m)| (std::cmp::Reverse(m.span.len()), m.span.start, *id));
    let mut kept: Vec<(MentionId, &Mention)> = Vec::new();
    let mut dropped = Vec::new();
    for (id, m) in all {
        match kept.iter().find(|(_, k)| k.span.overlaps(&m.span)) {
            Some((by, _)) => dropped.push((id, m, *by)),
            None => kept.push((id, m)),
        }
    }
    kept.sort_by_key(|(id, m)| (m.span.start, *id));
    (kept, dropped)
}

/// The note for a layer's events and relations, which the span formats do not carry.
pub(crate) fn events_note(l: &LayerToExport<'_>, format: &str) -> Vec<NotExpressed> {
    let (events, relations) = (l.layer.events.len(), l.layer.relations.len());
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let mut notes = Vec::new();
    if events + relations > 0 {
        notes.push(NotExpressed {
            doc: l.doc.clone(),
            annotator: l.annotator.clone(),
            what: format!("{}, {}", plural(events, "event"), plural(relations, "relation")),
            reason: format!("{format} holds entity mentions only (export doccano or events-csv for events)"),
        });
    }
    // Found by the round trips (tests/round_trips.rs): these were dropped without a word.
    let between_mentions = l.layer.mention_relations.len();
    if between_mentions > 0 {
        notes.push(NotExpressed {
            doc: l.doc.clone(),
            annotator: l.annotator.clone(),
            what: format!("{} between mentions", plural(between_mentions, "relation")),
            reason: format!("{format} holds entity mentions only (export brat or doccano for relations)"),
        });
    }
    notes
}

/// The notes for what each mention carries besides its span and type (actor link, attributes, note,
/// provenance), which a format of spans has no place for.
pub(crate) fn mention_details_notes(l: &LayerToExport<'_>, format: &str) -> Vec<NotExpressed> {
    let mut notes = Vec::new();
    for (id, m) in &l.layer.mentions {
        let mut lost = Vec::new();
        if let Some(actor) = &m.actor {
            lost.push(format!("actor link `{actor}`"));
        }
        lost.extend(lost_details(&m.attributes, &m.note, m.provenance.is_some()));
        if !lost.is_empty() {
            notes.push(NotExpressed {
                doc: l.doc.clone(),
                annotator: l.annotator.clone(),
                what: describe_mention(l.text, *id, m),
                reason: format!("{format} has no place for its {}", lost.join(", ")),
            });
        }
    }
    notes
}

/// What an annotation holds besides its span and type, in words: `attributes (date)`, `note`, `provenance
/// (...)`.
pub(crate) fn lost_details(attributes: &crate::model::Attributes, note: &str, provenance: bool) -> Vec<String> {
    let mut lost = Vec::new();
    if !attributes.is_empty() {
        let names: Vec<&str> = attributes.keys().map(|a| a.as_str()).collect();
        lost.push(format!("attributes ({})", names.join(", ")));
    }
    if !note.is_empty() {
        lost.push("note".to_owned());
    }
    if provenance {
        lost.push("provenance (the suggestion it was accepted from)".to_owned());
    }
    lost
}

/// The note for a mention a flat labelling dropped.
pub(crate) fn overlap_note(l: &LayerToExport<'_>, id: MentionId, m: &Mention, by: MentionId) -> NotExpressed {
    let kept = &l.layer.mentions[&by];
    NotExpressed {
        doc: l.doc.clone(),
        annotator: l.annotator.clone(),
        what: describe_mention(l.text, id, m),
        reason: format!(
            "overlaps {}, which is kept: one label per token cannot hold nested or overlapping mentions",
            describe_mention(l.text, by, kept)
        ),
    }
}

#[derive(Serialize)]
struct Line<'a> {
    doc_id: &'a DocId,
    annotator: &'a Annotator,
    text: &'a str,
    entities: Vec<Entity<'a>>,
}

#[derive(Serialize)]
struct Entity<'a> {
    entity_group: &'a str,
    start: usize,
    end: usize,
    word: &'a str,
}

/// Writes `<out_dir>/hf.jsonl` (see the module's documentation) from `annotator`'s layers, or every coder's.
pub fn export_hf_jsonl(
    project: &Project,
    annotator: Option<&Annotator>,
    out_dir: &Path,
) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    let mut notes = Vec::new();
    let mut bytes = Vec::new();
    let mut spans = 0;
    for l in layers_to_export(project, annotator, out_dir, &mut summary)? {
        let (kept, dropped) = flatten(l.layer.mentions.iter().map(|(id, m)| (*id, m)));
        notes.extend(dropped.into_iter().map(|(id, m, by)| overlap_note(&l, id, m, by)));
        notes.extend(events_note(&l, "hf-jsonl"));
        notes.extend(mention_details_notes(&l, "hf-jsonl"));
        let entities: Vec<Entity> = kept
            .iter()
            .map(|(_, m)| Entity {
                entity_group: m.entity_type.as_str(),
                start: m.span.start,
                end: m.span.end,
                word: l.text.slice(m.span).unwrap_or(""),
            })
            .collect();
        spans += entities.len();
        let line = Line { doc_id: l.doc, annotator: l.annotator, text: l.text.as_str(), entities };
        serde_json::to_writer(&mut bytes, &line).expect("serializing to memory cannot fail");
        bytes.push(b'\n');
    }
    summary.spans = spans;
    summary.not_expressed = notes;
    write_file(out_dir, FILE_NAME, &bytes, &mut summary)?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn flatten_keeps_the_longest_of_overlapping_mentions() {
        let m = |s, e| Mention::new(Span::new(s, e), "ACTOR");
        let (outer, inner, crossing, apart) = (m(0, 10), m(2, 5), m(8, 12), m(20, 25));
        let input = [(MentionId(1), &inner), (MentionId(2), &outer), (MentionId(3), &crossing), (MentionId(4), &apart)];
        let (kept, dropped) = flatten(input);
        assert_eq!(kept.iter().map(|(id, _)| id.0).collect::<Vec<_>>(), [2, 4]);
        assert_eq!(dropped.iter().map(|(id, _, by)| (id.0, by.0)).collect::<Vec<_>>(), [(3, 2), (1, 2)]);
    }
}
