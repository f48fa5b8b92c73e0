//! Importing machine suggestions into a project: checking every item of a parsed file against its document
//! ([`plan_import`]), then making the valid ones one undoable edit ([`import_edit`]).
//!
//! Planning changes nothing on disk and nothing the user sees (it only loads documents), so the window can
//! show the report and ask before anything is written; the command line refuses to write anything when an
//! item was refused unless `--partial` is given. The edit goes through [`Project::apply_edit`] like every
//! other change, so an import is undone with Ctrl+Z.

use crate::formats::label_studio::offsets::{Utf16Error, Utf16Offsets, result_span};
use crate::formats::suggestions::{DocRef, OffsetUnit, ParsedFile, RawItem, Refusal, RefusalKind, words_match_text};
use crate::model::*;
use crate::store::Project;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::sync::Arc;

// Issue 18: an event suggestion's role fillers.
mod roles;

/// What an import would do (or did): counts, the suggestions to add by document, and every refusal.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// Items in the file (read or refused).
    pub read: usize,
    /// New pending suggestions by document, in file order.
    pub accepted: BTreeMap<DocId, Vec<Suggestion>>,
    /// Items whose label the mapping says to ignore.
    pub ignored: usize,
    /// The labels that were ignored.
    pub ignored_labels: BTreeSet<String>,
    /// Items equal (same span and label) to a suggestion of this source that the importing coder rejected: not
    /// proposed again.
    pub skipped_rejected: usize,
    /// Items equal to a suggestion this source already has, pending or accepted: not proposed twice.
    pub skipped_present: usize,
    /// Items refused, in file order.
    pub refused: Vec<Refusal>,
    /// What the file holds that is not a suggestion and was left out.
    pub notes: Vec<String>,
    /// The model the file names, if any.
    pub model: Option<String>,
}

impl ImportReport {
    /// How many suggestions would be added.
    pub fn imported(&self) -> usize {
        self.accepted.values().map(Vec::len).sum()
    }

    /// How many items were skipped because the source already has them (reviewed or not).
    pub fn not_again(&self) -> usize {
        self.skipped_rejected + self.skipped_present
    }

    /// The labels refused as unknown, sorted: what the user should map or ignore.
    pub fn unknown_labels(&self) -> Vec<String> {
        let mut labels: Vec<String> = self
            .refused
            .iter()
            .filter(|r| r.kind == RefusalKind::UnknownLabel)
            .filter_map(|r| r.reason.strip_prefix("unknown label `")?.split('`').next().map(str::to_owned))
            .collect();
        labels.sort();
        labels.dedup();
        labels
    }

    /// How many refusals of each kind.
    pub fn refusal_counts(&self) -> BTreeMap<RefusalKind, usize> {
        let mut out = BTreeMap::new();
        for r in &self.refused {
            *out.entry(r.kind).or_insert(0) += 1;
        }
        out
    }
}

impl ImportReport {
    /// One line for people: `read 12 items: imported 9 into 2 documents, ignored 1, not proposed again 1
    /// (already reviewed or present), refused 1`. With `written` false (an import not made because items were
    /// refused) it says `9 valid for 2 documents` instead of `imported`.
    pub fn summary(&self, written: bool) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let (read, docs) = (plural(self.read, "item"), plural(self.accepted.len(), "document"));
        let what = if written {
            format!("imported {} into {docs}", self.imported())
        } else {
            format!("{} valid for {docs}", self.imported())
        };
        format!(
            "read {read}: {what}, ignored {}, not proposed again {} (already reviewed or present), refused {}",
            self.ignored,
            self.not_again(),
            self.refused.len()
        )
    }
}

impl fmt::Display for ImportReport {
    /// [`ImportReport::summary`] of an import that was made.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.summary(true))
    }
}

/// A label's place in the schema, hashable (for duplicate detection).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum LabelKey {
    Entity(String),
    Event(String),
}

impl LabelKey {
    fn of(label: &SuggestedLabel) -> Self {
        match label {
            SuggestedLabel::Entity(t) => LabelKey::Entity(t.0.clone()),
            SuggestedLabel::Event(t) => LabelKey::Event(t.0.clone()),
        }
    }
}

/// What the planner knows of a document it has matched.
struct DocInfo {
    text: Arc<DocText>,
    /// The source's existing suggestions: whether each (span, label) was rejected.
    existing: HashMap<(Span, LabelKey), bool>,
    /// Items of this file already accepted, with their origin, to refuse repeats.
    seen: HashMap<(Span, LabelKey), String>,
    /// The text's UTF-16 offsets (Label Studio counts in them), built on first need.
    utf16: Option<Utf16Offsets>,
}

type Refused = (RefusalKind, String);

/// Checks every item of `parsed` against the project and sorts it into accepted, ignored, not proposed again
/// or refused. Nothing is changed but which documents are loaded.
///
/// - The document is `doc` when given (items that name another document of the project are refused), else the
///   item's id, else the document with the identical text (matched by the text hash in each document's metadata, so no text is
///   read to find it). A file that carries the text of a document matched by id must carry that document's
///   text.
/// - Labels go through `mapping` ([`SourceConfig::target`]): mapped to ignore, the item is counted as ignored;
///   unknown, it is refused.
/// - Spans must be non-empty, inside the text and on grapheme boundaries; when the file gives the span's text,
///   it must be the document's text there. Label Studio's UTF-16 offsets are converted first.
/// - An item equal (span and label) to one earlier in the file is refused as a duplicate; equal to one the
///   source already has, it is skipped (a rejected suggestion is not proposed again). Roles do not count:
///   two events of one span and type are one suggestion.
/// - An event's role fillers are checked as its span and label are (`roles::check`); one bad filler refuses
///   the whole item, with a reason that names the role.
pub fn plan_import(
    project: &Project,
    source: &SourceName,
    parsed: ParsedFile,
    doc: Option<&DocId>,
    mapping: &SourceConfig,
) -> ImportReport {
    let mut report = ImportReport {
        read: parsed.read(),
        refused: parsed.refused,
        notes: parsed.notes,
        model: parsed.model,
        ..ImportReport::default()
    };
    let mut planner = Planner {
        schema: project.config().schema.clone(),
        project,
        source,
        mapping,
        forced: doc,
        by_hash: None,
        docs: HashMap::new(),
        targets: HashMap::new(),
    };
    // Items of one record share their DocRef: resolve it once per record, not once per item.
    let mut last: Option<(DocRef, Result<DocId, Refused>)> = None;
    for item in parsed.items {
        let resolved = match &last {
            Some((r, res)) if same_ref(r, &item.doc) => res.clone(),
            _ => {
                let res = planner.resolve(&item);
                last = Some((item.doc.clone(), res.clone()));
                res
            }
        };
        match planner.check(&item, resolved) {
            Outcome::Accept(id, suggestion) => report.accepted.entry(id).or_default().push(*suggestion),
            Outcome::Ignore => {
                report.ignored += 1;
                report.ignored_labels.insert(item.label);
            }
            Outcome::Rejected => report.skipped_rejected += 1,
            Outcome::Present => report.skipped_present += 1,
            Outcome::Refuse(kind, reason) => {
                report.refused.push(Refusal { position: item.position, origin: item.origin, kind, reason })
            }
        }
    }
    report.refused.sort_by_key(|r| r.position);
    report
}

fn same_ref(a: &DocRef, b: &DocRef) -> bool {
    a.id == b.id
        && match (&a.text, &b.text) {
            (None, None) => true,
            (Some(x), Some(y)) => Arc::ptr_eq(x, y) || x == y,
            _ => false,
        }
}

enum Outcome {
    Accept(DocId, Box<Suggestion>),
    Ignore,
    Rejected,
    Present,
    Refuse(RefusalKind, String),
}

/// The state of one planning pass: documents matched so far and labels looked up.
struct Planner<'a> {
    project: &'a Project,
    schema: Schema,
    source: &'a SourceName,
    mapping: &'a SourceConfig,
    forced: Option<&'a DocId>,
    /// Text hash to documents, built when an item is first matched by text.
    by_hash: Option<HashMap<String, Vec<DocId>>>,
    /// `None` for a document that does not load.
    docs: HashMap<DocId, Option<DocInfo>>,
    targets: HashMap<String, Option<LabelTarget>>,
}

impl Planner<'_> {
    fn check(&mut self, item: &RawItem, resolved: Result<DocId, Refused>) -> Outcome {
        let id = match resolved {
            Ok(id) => id,
            Err((kind, reason)) => return Outcome::Refuse(kind, reason),
        };
        let (project, source) = (self.project, self.source);
        let info = self.docs.entry(id.clone()).or_insert_with(|| doc_info(project, &id, source));
        let Some(info) = info else {
            return Outcome::Refuse(
                RefusalKind::BrokenDocument,
                format!(
                    "document `{id}` has problems and is not changed until they are fixed (see `tarmeez validate`)"
                ),
            );
        };
        let (mapping, schema) = (self.mapping, &self.schema);
        let target = self.targets.entry(item.label.clone()).or_insert_with(|| mapping.target(&item.label, schema));
        let label = match target.clone() {
            Some(LabelTarget::Entity(t)) => SuggestedLabel::Entity(t),
            Some(LabelTarget::Event(t)) => SuggestedLabel::Event(t),
            Some(LabelTarget::Ignore) => return Outcome::Ignore,
            None => {
                return Outcome::Refuse(
                    RefusalKind::UnknownLabel,
                    format!("unknown label `{0}` (map it with --map {0}=TYPE or --ignore {0})", item.label),
                );
            }
        };
        let span = match span_of(info, item) {
            Ok(span) => span,
            Err((kind, reason)) => return Outcome::Refuse(kind, reason),
        };
        let (targets, mapping, schema) = (&mut self.targets, self.mapping, &self.schema);
        let mut target_of =
            |label: &str| targets.entry(label.to_owned()).or_insert_with(|| mapping.target(label, schema)).clone();
        let roles = match roles::check(info, item, &label, schema, &mut target_of) {
            Ok(roles) => roles,
            Err((kind, reason)) => return Outcome::Refuse(kind, reason),
        };
        // Two events of one span and type are the same suggestion whatever their roles.
        let key = (span, LabelKey::of(&label));
        if let Some(first) = info.seen.get(&key) {
            return Outcome::Refuse(
                RefusalKind::Duplicate,
                format!("the same span {span} and label `{}` as {first}", item.label),
            );
        }
        info.seen.insert(key.clone(), item.origin.clone());
        match info.existing.get(&key) {
            Some(true) => Outcome::Rejected,
            Some(false) => Outcome::Present,
            None => Outcome::Accept(id, Box::new(Suggestion { span, label, score: item.score, roles })),
        }
    }

    /// Which document an item is for.
    fn resolve(&mut self, item: &RawItem) -> Result<DocId, Refused> {
        let project = self.project;
        let unknown = |reason: String| Err((RefusalKind::UnknownDocument, reason));
        let check_text = |id: &DocId| -> Result<DocId, Refused> {
            let Some(text) = &item.doc.text else { return Ok(id.clone()) };
            let meta_hash = project.document(id).and_then(|d| d.meta.as_ref()).map(|m| m.text_hash.as_str());
            if meta_hash.is_some_and(|h| h != text_hash(text)) {
                return Err((
                    RefusalKind::TextMismatch,
                    format!(
                        "the file's copy of the text differs from the text of `{id}` in the project, so its offsets \
                         would point at other words"
                    ),
                ));
            }
            Ok(id.clone())
        };
        if let Some(forced) = self.forced {
            // A name the project does not know (a brat file's stem, another tool's id) does not contradict
            // the document given; another document of the project does.
            if let Some(named) = &item.doc.id
                && named != forced.as_str()
                && DocId::parse(named).is_ok_and(|id| project.document(&id).is_some())
            {
                return unknown(format!("the file says document `{named}`, but the import is into `{forced}`"));
            }
            if project.document(forced).is_none() {
                return unknown(format!("no document `{forced}` in the project"));
            }
            return check_text(forced);
        }
        if let Some(named) = &item.doc.id {
            match DocId::parse(named).ok().filter(|id| project.document(id).is_some()) {
                Some(id) => return check_text(&id),
                None if item.doc.text.is_none() => return unknown(format!("no document `{named}` in the project")),
                // An id from another tool (a database number, say): the text may still find the document.
                None => {}
            }
        }
        let Some(text) = &item.doc.text else {
            return unknown("the file does not say which document it is for: give the document (--doc)".into());
        };
        let index = self.by_hash.get_or_insert_with(|| {
            let mut index: HashMap<String, Vec<DocId>> = HashMap::new();
            for d in project.documents() {
                if let Some(meta) = &d.meta {
                    index.entry(meta.text_hash.clone()).or_default().push(d.id.clone());
                }
            }
            index
        });
        match index.get(&text_hash(text)).map(Vec::as_slice) {
            Some([one]) => Ok(one.clone()),
            Some(many) => {
                let names: Vec<String> = many.iter().map(|d| format!("`{d}`")).collect();
                unknown(format!(
                    "its text is the text of several documents ({}): give the document (--doc)",
                    names.join(", ")
                ))
            }
            None => {
                let start: String = text.chars().take(40).collect();
                let ellipsis = if text.chars().nth(40).is_some() { "…" } else { "" };
                let named = item.doc.id.as_ref().map(|n| format!("no document `{n}`, and ")).unwrap_or_default();
                unknown(format!("{named}no document has the file's text («{start}{ellipsis}»)"))
            }
        }
    }
}

/// Loads a document for the import: its text and the source's existing suggestions. `None` if it is broken.
fn doc_info(project: &Project, id: &DocId, source: &SourceName) -> Option<DocInfo> {
    let loaded = project.load_document(id).ok()?;
    // "Rejected" is the importing coder's decision: other coders' queues are their own.
    let mine = loaded.layers.get(project.annotator());
    let existing = loaded
        .suggestions
        .get(source)
        .map(|set| {
            set.suggestions
                .iter()
                .map(|(id, s)| {
                    let rejected = mine.is_some_and(|l| l.review_status(source, *id) == ReviewStatus::Rejected);
                    ((s.span, LabelKey::of(&s.label)), rejected)
                })
                .collect()
        })
        .unwrap_or_default();
    Some(DocInfo { text: loaded.text.clone(), existing, seen: HashMap::new(), utf16: None })
}

/// The item's span in code points, checked against the document.
fn span_of(info: &mut DocInfo, item: &RawItem) -> Result<Span, Refused> {
    let span = span_at(info, (item.start, item.end), item.unit, item.text.as_deref())?;
    check_words(info, item, span)?;
    Ok(span)
}

/// The span `start..end` (counted in `unit`) in code points, checked against the document: non-empty, inside
/// the text, on grapheme boundaries, and the document's text there equal to `claimed` when given.
fn span_at(
    info: &mut DocInfo,
    (start, end): (usize, usize),
    unit: OffsetUnit,
    claimed: Option<&str>,
) -> Result<Span, Refused> {
    if start > end {
        return Err((RefusalKind::Reversed, format!("start {start} is after end {end}")));
    }
    if start == end {
        return Err((RefusalKind::Reversed, format!("the span {start}..{end} is empty")));
    }
    let span = match unit {
        OffsetUnit::CodePoints => Span::new(start, end),
        OffsetUnit::Utf16 => {
            // A Python backend writes code points even for Label Studio: `result_span` trusts the offsets
            // that cover the text the result claims.
            let offsets = info.utf16.get_or_insert_with(|| Utf16Offsets::of(info.text.as_str()));
            result_span(&info.text, offsets, (start, end), claimed).map_err(|e| match e {
                Utf16Error::PastEnd { units, .. } => (
                    RefusalKind::OutOfRange,
                    format!(
                        "span {start}..{end} (UTF-16) is past the end of the document, which has {units} UTF-16 units"
                    ),
                ),
                inside @ Utf16Error::InsidePair { .. } => (RefusalKind::SplitsGrapheme, inside.to_string()),
            })?
        }
    };
    info.text.check_span(span).map_err(|e| match e {
        SpanError::OutOfText { len, .. } => (
            RefusalKind::OutOfRange,
            format!("span {span} is past the end of the document, which has {len} characters"),
        ),
        SpanError::Empty { .. } => (RefusalKind::Reversed, format!("the span {span} is empty")),
        SpanError::SplitsGrapheme { offset, .. } => (
            RefusalKind::SplitsGrapheme,
            format!("span {span} splits a character: offset {offset} falls between a letter and its marks"),
        ),
    })?;
    if let Some(claimed) = claimed {
        let actual = info.text.slice(span).unwrap_or_default();
        if claimed != actual {
            return Err((
                RefusalKind::TextMismatch,
                format!("the file says the span {span} is «{claimed}» but the document has «{actual}» there"),
            ));
        }
    }
    Ok(span)
}

/// Refuses an item whose tagger's `word`s cannot be a tokenizer's rendering of the document's text at its
/// span: its offsets then point elsewhere than at the words the model tagged.
fn check_words(info: &DocInfo, item: &RawItem, span: Span) -> Result<(), Refused> {
    if item.words.is_empty() {
        return Ok(());
    }
    let actual = info.text.slice(span).unwrap_or_default();
    if words_match_text(&item.words, actual) {
        return Ok(());
    }
    let word = item.words.join(" ");
    Err((
        RefusalKind::TextMismatch,
        format!("the file's `word` «{word}» is not the document's text at {span}, «{actual}»"),
    ))
}

/// The edit that adds the accepted suggestions of `report` to the project: one [`ProjectEdit::SetSuggestions`]
/// per document, in one batch so that it is undone as one. Each document's set of `source` keeps every
/// suggestion it had (reviewed ones untouched) and gains the new ones as pending, numbered after its highest
/// id in span order. A new set's provenance is `info`; an existing set takes `info` when the file named its
/// model (`report.model`), else keeps its model and takes only the import time. Documents with nothing new
/// are left alone.
///
/// `project` must be the one `report` was planned on (its documents are loaded).
pub fn import_edit(project: &Project, source: &SourceName, report: &ImportReport, info: SourceInfo) -> ProjectEdit {
    let mut edits = Vec::new();
    for (doc, new) in &report.accepted {
        if new.is_empty() {
            continue;
        }
        let existing = project.document(doc).and_then(|d| d.loaded()).and_then(|l| l.suggestions.get(source)).cloned();
        let mut set = existing.unwrap_or_else(|| SuggestionSet { source: info.clone(), suggestions: BTreeMap::new() });
        if report.model.is_some() {
            set.source = info.clone();
        } else {
            // The file does not name its model: keep the one the set was first imported with.
            set.source.imported_at = info.imported_at.clone();
        }
        let first = set.suggestions.keys().next_back().map_or(1, |id| id.0 + 1);
        let mut sorted: Vec<&Suggestion> = new.iter().collect();
        sorted.sort_by_cached_key(|s| (s.span, LabelKey::of(&s.label).sort_key()));
        for (n, s) in (first..).zip(sorted) {
            set.suggestions.insert(SuggestionId(n), s.clone());
        }
        edits.push(ProjectEdit::SetSuggestions(doc.clone(), source.clone(), Some(Box::new(set))));
    }
    ProjectEdit::Batch(edits)
}

impl LabelKey {
    fn sort_key(&self) -> (u8, String) {
        match self {
            LabelKey::Entity(t) => (0, t.clone()),
            LabelKey::Event(t) => (1, t.clone()),
        }
    }
}

/// The edit that saves `mapping` as `source`'s label mapping in `project.ron`, or `None` when it is already
/// saved. Apply it with the import so that labels are asked once per source.
pub fn mapping_edit(project: &Project, source: &SourceName, mapping: &SourceConfig) -> Option<ProjectEdit> {
    let saved = project.config().sources.get(source);
    (saved != Some(mapping) && !(saved.is_none() && mapping.labels.is_empty()))
        .then(|| ProjectEdit::SetSource(source.clone(), Some(mapping.clone())))
}

/// The provenance of an import: the model the file names, else the source's name; the time is now.
pub fn source_info(source: &SourceName, report: &ImportReport) -> SourceInfo {
    SourceInfo {
        model: report.model.clone().unwrap_or_else(|| source.to_string()),
        version: String::new(),
        imported_at: crate::store::now_rfc3339(),
    }
}
