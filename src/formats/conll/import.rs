//! A CoNLL file into the coder's layers (`tarmeez import-annotations --format conll`): read, placed in the
//! documents (new ones made from the tokens), each span a mention (or an event trigger when its label is an
//! event type), planned first with every refusal and its line, then one edit.

use super::align::{Aligned, Placement, align};
use super::read::{ConllFile, Problem, Scheme, parse};
use crate::formats::corpus::{self, Record};
use crate::formats::found_types::FoundTypes;
use crate::formats::text_file::{TextFileError, read_text};
use crate::formats::type_labels::{LabelMap, TypeOf, type_list, type_of};
use crate::model::{DocId, DocText, Edit, EntityTypeId, Event, EventTypeId, Layer, Mention, ProjectEdit, Span};
use crate::store::{Access, Project, StoreError};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// How a CoNLL file is read.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The user's mapping of labels to schema types (`--map PERS=ACTOR`).
    pub map: LabelMap,
    /// Import the documents that are valid and list the others, instead of importing nothing.
    pub partial: bool,
    /// The tagging scheme; told from the tags when `None`.
    pub scheme: Option<Scheme>,
    /// The document the file's one document is, when it names none (`--doc`).
    pub doc: Option<DocId>,
    /// The schema to read the labels against, when it is to be the project's with types added
    /// ([`crate::formats::schema_additions`]); else the project's.
    pub schema: Option<crate::model::Schema>,
}

/// Why nothing was imported.
#[derive(Debug, thiserror::Error)]
pub enum ConllError {
    /// The file could not be read as text.
    #[error("{}: {source}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: TextFileError,
    },
    /// The project is open read-only.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Problems were found; nothing was imported.
    #[error("nothing was imported: {} problem(s):\n{}", .problems.len(), list(.path, .problems))]
    Refused {
        /// The file.
        path: PathBuf,
        /// Every problem, in file order.
        problems: Vec<Problem>,
        /// Documents of the file without problems, which `--partial` would import.
        valid_docs: usize,
    },
    /// A document of the file could not be created (the documents before it were).
    #[error("{}:{line}: the document could not be created: {reason}", .path.display())]
    NotCreated {
        /// The file.
        path: PathBuf,
        /// The line that started the document.
        line: usize,
        /// Why.
        reason: String,
    },
    /// The file holds no token lines.
    #[error("{}: no token lines (a token line is the token, maybe other columns, and its tag last)", .path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
}

fn list(path: &Path, problems: &[Problem]) -> String {
    let lines: Vec<String> =
        problems.iter().map(|p| format!("  {}:{}: {}", path.display(), p.line, p.message)).collect();
    lines.join("\n")
}

/// A document of the file, ready to import.
#[derive(Clone, Debug)]
pub struct PlannedDoc {
    /// Where it goes.
    pub placement: Placement,
    /// The line that started it in the file.
    pub line: usize,
    /// The coder's layer as it is (empty for a new document) and as it will be.
    pub layers: (Layer, Layer),
    /// Spans already in the layer (same offsets and type), not added again.
    pub already_present: usize,
}

/// What an import would do.
#[derive(Clone, Debug)]
pub struct ConllPlan {
    /// The scheme the tags were read in.
    pub scheme: Scheme,
    /// Remarks (how the scheme was told).
    pub notes: Vec<String>,
    /// The documents to import.
    pub docs: Vec<PlannedDoc>,
    /// Problems of the documents left out (only with [`ImportOptions::partial`]).
    pub refused: Vec<Problem>,
    /// The labels the file uses, for a mapping.
    pub found: FoundTypes,
}

impl ConllPlan {
    /// Mentions and events the import adds.
    pub fn added(&self) -> (usize, usize) {
        let count = |f: fn(&Layer) -> usize| self.docs.iter().map(|d| f(&d.layers.1) - f(&d.layers.0)).sum();
        (count(|l| l.mentions.len()), count(|l| l.events.len()))
    }

    /// The documents the import would create, with the text of each.
    pub fn new_documents(&self) -> impl Iterator<Item = (&str, &str)> {
        self.docs.iter().filter_map(|d| match &d.placement {
            Placement::New { id_hint, text } => Some((id_hint.as_str(), text.as_str())),
            Placement::Existing(_) => None,
        })
    }
}

/// The labels a read file uses, each once in the order first met: as entity labels, since a CoNLL tag names
/// a span of tokens.
pub fn found_types(file: &ConllFile) -> FoundTypes {
    let mut found = FoundTypes::default();
    for span in file.docs.iter().flat_map(|d| &d.spans) {
        found.add_entity(&span.label);
    }
    found
}

/// Reads a file into [`ConllFile`], every problem with its line.
pub fn read_file(path: &Path, scheme: Option<Scheme>) -> Result<ConllFile, ConllError> {
    let content = read_text(path).map_err(|source| ConllError::Read { path: path.to_owned(), source })?;
    let file = parse(&content, scheme).map_err(|problems| ConllError::Refused {
        path: path.to_owned(),
        problems,
        valid_docs: 0,
    })?;
    if file.docs.is_empty() {
        return Err(ConllError::Empty { path: path.to_owned() });
    }
    Ok(file)
}

/// What importing `path` into the open coder's layers would do, without doing it; with problems and without
/// [`ImportOptions::partial`], why nothing can be imported.
pub fn plan_conll(project: &Project, path: &Path, options: &ImportOptions) -> Result<ConllPlan, ConllError> {
    if let Access::ReadOnly(why) = project.access() {
        return Err(StoreError::ReadOnly(why.clone()).into());
    }
    let file = read_file(path, options.scheme)?;
    let stem = path.file_stem().map_or_else(|| "conll".to_owned(), |s| s.to_string_lossy().into_owned());
    let (aligned, mut problems) = align(project, &file.docs, options.doc.as_ref(), &stem);
    let mut docs = Vec::new();
    let mut seen: HashSet<DocId> = HashSet::new();
    let mut new_texts: HashMap<String, usize> = HashMap::new();
    let mut unknown = BTreeMap::new();
    for a in aligned {
        if let Placement::New { text, .. } = &a.placement
            && let Some(first) = new_texts.insert(text.clone(), a.line)
        {
            let message = format!("the document has the same tokens as the one starting on line {first}");
            problems.push(Problem { line: a.line, message });
            continue;
        }
        if let Placement::Existing(id) = &a.placement
            && !seen.insert(id.clone())
        {
            let message = format!(
                "document `{id}` was already given earlier in the file; a file exported from several coders' \
                 layers would mix them into one (export with --annotator)"
            );
            problems.push(Problem { line: a.line, message });
            continue;
        }
        let schema = options.schema.as_ref().unwrap_or(&project.config().schema);
        match plan_doc(project, (schema, &options.map), a, &mut unknown) {
            Ok(d) => docs.push(d),
            Err(p) => problems.extend(p),
        }
    }
    // One problem per unknown label, not one per span: a corpus without --map has thousands.
    for (label, (line, count)) in unknown {
        let spans = if count == 1 { "1 span".to_owned() } else { format!("{count} spans, the first here") };
        let message = format!(
            "unknown label `{label}` ({spans}; the schema's types: {}); name its type with --map {label}=TYPE",
            type_list(&project.config().schema)
        );
        problems.push(Problem { line, message });
    }
    problems.sort_by_key(|p| p.line);
    if !problems.is_empty() && !options.partial {
        return Err(ConllError::Refused { path: path.to_owned(), problems, valid_docs: docs.len() });
    }
    let found = found_types(&file);
    Ok(ConllPlan { scheme: file.scheme, notes: file.notes, docs, refused: problems, found })
}

/// One document's spans added to a copy of its layer; every problem of it, or none. Labels without a type
/// are counted in `unknown` (their first line and how many spans), and refuse the document too.
fn plan_doc(
    project: &Project,
    (schema, map): (&crate::model::Schema, &LabelMap),
    a: Aligned,
    unknown: &mut BTreeMap<String, (usize, usize)>,
) -> Result<PlannedDoc, Vec<Problem>> {
    let (text, before) = match &a.placement {
        Placement::Existing(id) => {
            let loaded =
                project.load_document(id).map_err(|e| vec![Problem { line: a.line, message: e.to_string() }])?;
            (loaded.text.as_ref().clone(), loaded.layers.get(project.annotator()).cloned().unwrap_or_default())
        }
        Placement::New { text, .. } => (DocText::new(text.clone()), Layer::default()),
    };
    let mut after = before.clone();
    let mut present: HashSet<(Span, String)> = before
        .mentions
        .values()
        .map(|m| (m.span, m.entity_type.to_string()))
        .chain(before.events.values().map(|e| (e.trigger, e.event_type.to_string())))
        .collect();
    let (mut problems, mut already_present, mut unknown_here) = (Vec::new(), 0, false);
    for (span, label, line) in a.spans {
        if let Err(e) = text.check_span(span) {
            problems.push(Problem { line, message: format!("the span of {label}: {e}") });
            continue;
        }
        let id = match type_of(schema, map, &label) {
            Some(TypeOf::Entity(t)) => t.to_string(),
            Some(TypeOf::Event(t)) => t.to_string(),
            None => {
                let (first, count) = unknown.entry(label).or_insert((line, 0));
                *first = (*first).min(line);
                *count += 1;
                unknown_here = true;
                continue;
            }
        };
        if !present.insert((span, id.clone())) {
            already_present += 1;
        } else if schema.entity_type(&EntityTypeId::new(id.as_str())).is_some() {
            let mid = after.next_mention_id();
            after.mentions.insert(mid, Mention::new(span, id.as_str()));
        } else {
            let eid = after.next_event_id();
            after.events.insert(eid, trigger(span, &id));
        }
    }
    if !problems.is_empty() || unknown_here {
        return Err(problems);
    }
    Ok(PlannedDoc { placement: a.placement, line: a.line, layers: (before, after), already_present })
}

fn trigger(span: Span, event_type: &str) -> Event {
    Event {
        evidence: Default::default(),
        uid: None,
        event_type: EventTypeId::new(event_type),
        trigger: span,
        arguments: Vec::new(),
        attributes: Default::default(),
        note: String::new(),
        provenance: None,
        curation: None,
    }
}

/// The edit of the plan's documents: `created` gives the id of each new document, in plan order.
pub fn import_edit(plan: &ConllPlan, created: &[DocId]) -> Option<ProjectEdit> {
    let mut created = created.iter();
    let mut edits = Vec::new();
    for d in &plan.docs {
        let id = match &d.placement {
            Placement::Existing(id) => id,
            Placement::New { .. } => match created.next() {
                Some(id) => id,
                None => continue,
            },
        };
        let (before, after) = &d.layers;
        let mut layer_edits: Vec<Edit> = Vec::new();
        for (mid, m) in after.mentions.iter().filter(|(k, _)| !before.mentions.contains_key(k)) {
            layer_edits.push(Edit::PutMention(*mid, Some(m.clone())));
        }
        for (eid, e) in after.events.iter().filter(|(k, _)| !before.events.contains_key(k)) {
            layer_edits.push(Edit::PutEvent(*eid, Some(e.clone())));
        }
        if !layer_edits.is_empty() {
            edits.push(ProjectEdit::Layer(id.clone(), Edit::Batch(layer_edits)));
        }
    }
    (!edits.is_empty()).then_some(ProjectEdit::Batch(edits))
}

/// What [`import_conll`] did.
#[derive(Clone, Debug, Default)]
pub struct ImportSummary {
    /// Documents created from the file's tokens, with their ids.
    pub created: Vec<DocId>,
    /// Documents whose layer received spans.
    pub documents: usize,
    /// Mentions added.
    pub mentions: usize,
    /// Event triggers added.
    pub events: usize,
    /// Spans already in the layer.
    pub already_present: usize,
    /// Problems of the documents left out (with [`ImportOptions::partial`]).
    pub refused: Vec<Problem>,
    /// Remarks (how the scheme was told).
    pub notes: Vec<String>,
}

/// Imports `path` into the open coder's layers: creates the documents the project lacks (as `import-docs`
/// does), then adds the spans as one change and saves it. Nothing is written when a problem is found, unless
/// [`ImportOptions::partial`] is set.
pub fn import_conll(project: &mut Project, path: &Path, options: &ImportOptions) -> Result<ImportSummary, ConllError> {
    let plan = plan_conll(project, path, options)?;
    let created = create_documents(project, path, &plan)?;
    let (mentions, events) = plan.added();
    let mut summary = ImportSummary {
        documents: 0,
        mentions,
        events,
        already_present: plan.docs.iter().map(|d| d.already_present).sum(),
        refused: plan.refused.clone(),
        notes: plan.notes.clone(),
        created: created.clone(),
    };
    if let Some(edit) = import_edit(&plan, &created) {
        summary.documents = edit.documents().len();
        project.apply_edit(edit)?;
        project.save_dirty()?;
    }
    Ok(summary)
}

/// Adds the plan's new documents to the project, through the corpus import (ids from the hints, made unique).
fn create_documents(project: &mut Project, path: &Path, plan: &ConllPlan) -> Result<Vec<DocId>, ConllError> {
    let records: Vec<Record> = plan
        .docs
        .iter()
        .filter_map(|d| match &d.placement {
            Placement::New { id_hint, text } => {
                Some(Record { line: d.line, text: text.clone(), id: Some(id_hint.clone()), ..Record::default() })
            }
            Placement::Existing(_) => None,
        })
        .collect();
    if records.is_empty() {
        return Ok(Vec::new());
    }
    let lines: Vec<usize> = records.iter().map(|r| r.line).collect();
    let outcome = corpus::import_records(project, records, &mut |_, _| true);
    if let Some(e) = outcome.error {
        return Err(e.into());
    }
    // The plan refuses two new documents of one text, so a skip here is a race with another writer.
    let mut ids = Vec::new();
    for line in lines {
        match outcome.imported.iter().find(|(l, _)| *l == line) {
            Some((_, id)) => ids.push(id.clone()),
            None => {
                let skip = outcome.skipped.iter().find(|s| s.line == line).map(|s| s.reason.to_string());
                let reason = skip.unwrap_or_else(|| "the import stopped before it".into());
                return Err(ConllError::NotCreated { path: path.to_owned(), line, reason });
            }
        }
    }
    Ok(ids)
}
