//! Reading doccano JSON lines into a coder's layer: planned first (every refusal with its line), then one
//! edit.

use super::building::{Building, Present, Target, add_entity, add_relation, diff};
use super::*;
use crate::formats::found_types::FoundTypes;
use crate::formats::text_file::{TextFileError, read_text};
use crate::formats::type_labels::LabelMap;

/// What [`import_doccano`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// Lines read (blank lines not counted).
    pub lines: usize,
    /// Documents whose layer changed.
    pub documents: usize,
    /// Mentions added.
    pub mentions: usize,
    /// Events added.
    pub events: usize,
    /// Roles filled (event arguments added).
    pub arguments: usize,
    /// Relations between events added.
    pub relations: usize,
    /// Entities and relations already in the layer (same span and type, same role, same relation), so not
    /// added again: importing a file twice changes nothing the second time.
    pub already_present: usize,
    /// Files saved.
    pub files_written: usize,
    /// Lines and items refused and left out (only with [`ImportOptions::partial`]; else they stop the import).
    pub refused: Vec<Refusal>,
}

/// How a doccano file is read.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The user's mapping of labels to schema types: doccano 1.x numbers its labels (`--map 3=ACTOR`).
    pub map: LabelMap,
    /// Import the lines that are valid and report the others, instead of importing nothing.
    pub partial: bool,
    /// The schema to read the file against, when it is to be the project's with types added
    /// ([`crate::formats::schema_additions`]); else the project's.
    pub schema: Option<Schema>,
}

/// One refused line or item of a doccano file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// 1-based line number in the file.
    pub line: usize,
    /// What is wrong, naming the entity or relation (`entity 7: unknown label `PER``).
    pub message: String,
}

/// Why [`import_doccano`] imported nothing.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not UTF-8 text.
    #[error("{}:{line}: not UTF-8 text; convert the file to UTF-8", .path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first byte that is not UTF-8.
        line: usize,
    },
    /// Annotations go into the layer of the annotator the project is open for.
    #[error("the project is open for annotator `{open_for}`, so it cannot import into `{asked}`'s layer")]
    OtherAnnotator {
        /// The annotator asked for.
        asked: Annotator,
        /// The one the project was opened for.
        open_for: Annotator,
    },
    /// Some lines were refused; nothing was imported.
    #[error("nothing was imported: {} problem(s):\n{}", .refusals.len(), list(.path, .refusals))]
    Refused {
        /// The file.
        path: PathBuf,
        /// Every problem found, in file order.
        refusals: Vec<Refusal>,
        /// Lines with nothing refused, which `--partial` would import.
        valid_lines: usize,
    },
    /// The file was read and holds nothing to import.
    #[error(
        "{}: nothing to import: no line has annotations under `entities`, `label`, `labels` or `annotations` \
         (the keys its lines have: {})",
        .path.display(), .keys
    )]
    Nothing {
        /// The file.
        path: PathBuf,
        /// The keys its lines have, separated by commas.
        keys: String,
    },
    /// The project refused the change or could not save it.
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn list(path: &Path, refusals: &[Refusal]) -> String {
    refusals.iter().map(|r| format!("  {}:{}: {}", path.display(), r.line, r.message)).collect::<Vec<_>>().join("\n")
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

#[derive(Deserialize)]
struct InLine {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    doc_id: Option<String>,
    text: String,
    #[serde(default)]
    entities: Vec<InEntity>,
    #[serde(default)]
    relations: Vec<InRelation>,
    #[serde(default)]
    label: Vec<(usize, usize, String)>,
    /// doccano's import form for sequence labelling.
    #[serde(default)]
    labels: Vec<(usize, usize, String)>,
    /// doccano 1.x's export: labels are numbers, named in the doccano project.
    #[serde(default)]
    annotations: Vec<InAnnotation>,
    /// The other keys, named when the file holds nothing to import.
    #[serde(flatten)]
    other: BTreeMap<String, Value>,
}

#[derive(Deserialize)]
struct InAnnotation {
    label: Value,
    start_offset: usize,
    end_offset: usize,
}

#[derive(Deserialize)]
struct InEntity {
    id: Value,
    start_offset: usize,
    end_offset: usize,
    label: String,
}

#[derive(Deserialize)]
struct InRelation {
    #[serde(default)]
    id: Option<Value>,
    from_id: Value,
    to_id: Value,
    #[serde(rename = "type")]
    kind: String,
}

/// Imports a doccano JSONL file (the shape [`export_doccano`] writes, or doccano's `label` form) into
/// `annotator`'s layers, as one undoable change, and saves it.
///
/// Each line's document is its `doc_id`, else its `id` when that is a document id, else the document whose
/// text equals the line's `text`; the line's `text` must equal the document's. Entities labelled with an
/// entity type id become mentions, those labelled with an event type id become event triggers. A relation
/// from a trigger to a mention fills the role of the event named by the relation's type; one between two
/// triggers becomes a relation of that type between the events. Annotations already in the layer (same
/// span and type; same role and filler; same relation) are not added again.
///
/// The whole file is checked first: a malformed line, an unknown document or label, an offset outside the
/// text, reversed or inside a letter, an unknown entity id in a relation, a role the event type does not
/// have or whose filler's type it does not take, a non-repeating role filled twice, each is a [`Refusal`]
/// with its line number, as is a document given by a second line (a file exported from several coders'
/// layers would otherwise mix them), and then nothing is imported or written. The project must be open for
/// `annotator` (and not read-only): layers are only ever written by their own coder's session.
pub fn import_doccano(project: &mut Project, path: &Path, annotator: &Annotator) -> Result<ImportSummary, ImportError> {
    import_doccano_with(project, path, annotator, &ImportOptions::default())
}

/// [`import_doccano`] with a label mapping, or importing only the valid lines.
pub fn import_doccano_with(
    project: &mut Project,
    path: &Path,
    annotator: &Annotator,
    options: &ImportOptions,
) -> Result<ImportSummary, ImportError> {
    let (mut summary, edit) = plan_doccano_with(project, path, annotator, options)?;
    if let Some(edit) = edit {
        project.apply_edit(edit)?;
        summary.files_written = project.save_dirty()?;
    }
    Ok(summary)
}

/// What [`import_doccano`] would do, without doing it: the summary and the one edit (none when everything is
/// already in the layer), or why nothing can be imported. The window applies the edit itself, so that the
/// import goes through its undo like any other change.
pub fn plan_doccano(
    project: &Project,
    path: &Path,
    annotator: &Annotator,
) -> Result<(ImportSummary, Option<ProjectEdit>), ImportError> {
    plan_doccano_with(project, path, annotator, &ImportOptions::default())
}

/// [`plan_doccano`] with a label mapping, or planning only the valid lines.
pub fn plan_doccano_with(
    project: &Project,
    path: &Path,
    annotator: &Annotator,
    options: &ImportOptions,
) -> Result<(ImportSummary, Option<ProjectEdit>), ImportError> {
    check_may_import(project, annotator)?;
    let content = read_text(path).map_err(|e| match e {
        TextFileError::Unreadable(source) => ImportError::Read { path: path.to_owned(), source },
        TextFileError::NotUtf8 { line } => ImportError::NotUtf8 { path: path.to_owned(), line },
    })?;
    let mut planning = Planning { map: options.map.clone(), schema: options.schema.clone(), ..Planning::default() };
    for (i, raw) in content.lines().enumerate() {
        if raw.trim().is_empty() {
            continue;
        }
        planning.summary.lines += 1;
        planning.plan_line(project, annotator, i + 1, raw);
    }
    planning.finish(path, options.partial)
}

/// Refuses to import into a layer this session may not write: another coder's (layers are only ever written
/// by their own coder's session), or any layer of a read-only project.
fn check_may_import(project: &Project, annotator: &Annotator) -> Result<(), ImportError> {
    if project.annotator() != annotator {
        return Err(ImportError::OtherAnnotator { asked: annotator.clone(), open_for: project.annotator().clone() });
    }
    if let Access::ReadOnly(why) = project.access() {
        return Err(StoreError::ReadOnly(why.clone()).into());
    }
    Ok(())
}

/// A doccano import being planned by [`plan_doccano`], line by line.
#[derive(Default)]
struct Planning {
    /// The user's label mapping.
    map: LabelMap,
    /// The schema with types added, if any.
    schema: Option<Schema>,
    /// Numeric labels (doccano 1.x label ids) without a mapping, with the first line of each: the lines are
    /// left out, and one refusal names them all.
    unmapped: BTreeMap<String, usize>,
    /// Every key the lines have, for saying what a file without annotations holds.
    keys: BTreeSet<String>,
    /// Lines read with nothing refused.
    applied: usize,
    /// What the lines read so far add.
    summary: ImportSummary,
    /// Every problem found so far, in file order.
    refusals: Vec<Refusal>,
    /// Each changed document's layer before and after, built line by line.
    layers: BTreeMap<DocId, (Layer, Layer)>,
    /// The line that gave each document: a document given twice is refused.
    first_line: BTreeMap<DocId, usize>,
}

/// What the entities of one line became.
#[derive(Default)]
struct LineEntities {
    /// The mention or trigger each entity id stands for.
    targets: BTreeMap<String, Target>,
    /// Entities already refused: relations to them are not refused a second time.
    refused: BTreeSet<String>,
    /// Numeric labels without a mapping.
    unmapped: BTreeSet<String>,
}

impl Planning {
    /// Adds one non-blank line's entities and relations to its document's layer, refusing what is wrong. A
    /// line with a refused entity or relation adds none of them; any refusal at all stops the whole import
    /// in [`Planning::finish`].
    fn plan_line(&mut self, project: &Project, annotator: &Annotator, line_no: usize, raw: &str) {
        // A line refused for any reason, even its document given twice, adds nothing (with --partial the
        // others are imported).
        let before = self.refusals.len();
        let Some((doc, line)) = self.read_line(project, line_no, raw) else {
            return;
        };
        self.keys.extend(line.other.keys().cloned());
        let Some(loaded) = project.document(&doc).and_then(|d| d.loaded()) else {
            let message = format!("document `{doc}` has problems; run `tarmeez validate` and fix them first");
            self.refusals.push(Refusal { line: line_no, message });
            return;
        };
        let text = loaded.text.clone();
        let (_, layer) = self.layers.entry(doc.clone()).or_insert_with(|| {
            let original = loaded.layers.get(annotator).cloned().unwrap_or_default();
            (original.clone(), original)
        });
        // Work on a copy so that a refused line leaves nothing behind.
        let mut work = layer.clone();
        let mut refuse = |message: String| self.refusals.push(Refusal { line: line_no, message });
        let schema = self.schema.as_ref().unwrap_or(&project.config().schema);
        let present = Present::of(&work);
        let mut building = Building { layer: &mut work, present, summary: &mut self.summary };
        let entities = add_line_entities(&mut building, (schema, &self.map), &text, &line, &mut refuse);
        add_line_relations(&mut building, (schema, &self.map), &line, &entities, &mut refuse);
        for id in &entities.unmapped {
            self.unmapped.entry(id.clone()).or_insert(line_no);
        }
        if self.refusals.len() == before && entities.unmapped.is_empty() {
            *layer = work;
            self.applied += 1;
        }
    }

    /// Parses a line and finds its document, or refuses it. A document an earlier line gave is refused (a
    /// file exported from several coders' layers would mix them) but the line is still read, so that the
    /// rest of its problems are reported too.
    fn read_line(&mut self, project: &Project, line_no: usize, raw: &str) -> Option<(DocId, InLine)> {
        let mut refuse = |message: String| self.refusals.push(Refusal { line: line_no, message });
        let line: InLine = match serde_json::from_str(raw) {
            Ok(l) => l,
            Err(e) => {
                refuse(format!("not a doccano line: {e}"));
                return None;
            }
        };
        let doc = match find_document(project, &line) {
            Ok(d) => d,
            Err(message) => {
                refuse(message);
                return None;
            }
        };
        if let Some(&first) = self.first_line.get(&doc) {
            refuse(format!(
                "document `{doc}` was already given on line {first}; a file exported from several coders' layers \
                 would mix them into one (export with --annotator)"
            ));
        } else {
            self.first_line.insert(doc.clone(), line_no);
        }
        Some((doc, line))
    }

    /// The plan once every line is read: nothing but the refusals when there are any (the whole file is
    /// checked before anything is imported), else the summary and one edit of every layer that changed.
    fn finish(mut self, path: &Path, partial: bool) -> Result<(ImportSummary, Option<ProjectEdit>), ImportError> {
        if let Some(&line) = self.unmapped.values().min() {
            let ids: Vec<&str> = self.unmapped.keys().map(String::as_str).collect();
            let maps: Vec<String> = ids.iter().map(|id| format!("--map {id}=TYPE")).collect();
            let message = format!(
                "label id(s) {} are numbers, as doccano 1.x exports labels, and have no type: name each with {} \
                 (TYPE one of the schema's types; the names are in the doccano project's labels)",
                ids.join(", "),
                maps.join(" ")
            );
            self.refusals.push(Refusal { line, message });
            self.refusals.sort_by_key(|r| r.line);
        }
        if !self.refusals.is_empty() && !partial {
            let valid_lines = self.applied;
            return Err(ImportError::Refused { path: path.to_owned(), refusals: self.refusals, valid_lines });
        }
        let s = &self.summary;
        let found = s.mentions + s.events + s.arguments + s.relations + s.already_present;
        if found == 0 && self.refusals.is_empty() {
            let keys: Vec<&str> = self.keys.iter().map(String::as_str).collect();
            let keys = match (self.summary.lines, keys.is_empty()) {
                (0, _) => "none, it has no lines".to_owned(),
                (_, true) => "only `text` and `id`".to_owned(),
                _ => keys.join(", "),
            };
            return Err(ImportError::Nothing { path: path.to_owned(), keys });
        }
        self.summary.refused = std::mem::take(&mut self.refusals);
        let mut edits = Vec::new();
        for (doc, (before, after)) in self.layers {
            let layer_edits = diff(&before, &after);
            if !layer_edits.is_empty() {
                self.summary.documents += 1;
                edits.push(ProjectEdit::Layer(doc, Edit::Batch(layer_edits)));
            }
        }
        Ok((self.summary, (!edits.is_empty()).then_some(ProjectEdit::Batch(edits))))
    }
}

/// Adds a line's entities to the layer: its `entities`, then its `label` or `labels` triples and its 1.x
/// `annotations` (which have no ids, so are named `#1`, `#2`, ... in messages and cannot be related). A
/// numeric 1.x label without a mapping is noted in [`LineEntities::unmapped`], not refused one by one.
fn add_line_entities(
    work: &mut Building<'_>,
    (schema, map): (&Schema, &LabelMap),
    text: &DocText,
    line: &InLine,
    refuse: &mut impl FnMut(String),
) -> LineEntities {
    let mut out = LineEntities::default();
    let entities = line.entities.iter().map(|e| (id_text(&e.id), e.start_offset, e.end_offset, e.label.clone()));
    let triples = line.label.iter().chain(&line.labels).map(|(s, e, l)| (*s, *e, l.clone()));
    let numbered = line.annotations.iter().map(|a| (a.start_offset, a.end_offset, id_text(&a.label)));
    let unnamed = triples.chain(numbered).enumerate().map(|(k, (s, e, l))| (format!("#{}", k + 1), s, e, l));
    let numeric: BTreeSet<String> =
        line.annotations.iter().filter(|a| a.label.is_number()).map(|a| id_text(&a.label)).collect();
    for (eid, start, end, label) in entities.chain(unnamed) {
        if numeric.contains(&label) && !map.contains_key(&label) {
            out.unmapped.insert(label);
            out.refused.insert(eid);
            continue;
        }
        let span = Span::new(start, end);
        match add_entity(work, (schema, map), text, span, &label) {
            Ok(target) => {
                if out.targets.insert(eid.clone(), target).is_some() {
                    refuse(format!("entity {eid}: this id is given twice in the line"));
                }
            }
            Err(message) => {
                refuse(format!("entity {eid}: {message}"));
                out.refused.insert(eid);
            }
        }
    }
    out
}

/// Adds a line's relations between its `entities` to the layer; one with an end already refused is skipped.
fn add_line_relations(
    work: &mut Building<'_>,
    (schema, map): (&Schema, &LabelMap),
    line: &InLine,
    entities: &LineEntities,
    refuse: &mut impl FnMut(String),
) {
    for (k, r) in line.relations.iter().enumerate() {
        let rid = r.id.as_ref().map_or_else(|| format!("#{}", k + 1), id_text);
        let (from_id, to_id) = (id_text(&r.from_id), id_text(&r.to_id));
        if entities.refused.contains(&from_id) || entities.refused.contains(&to_id) {
            continue;
        }
        let ends = (entities.targets.get(&from_id), entities.targets.get(&to_id));
        let result = match ends {
            (Some(from), Some(to)) => add_relation(work, (schema, map), *from, *to, &r.kind),
            (None, _) => Err(format!("from_id {from_id} is not an entity of this line")),
            (_, None) => Err(format!("to_id {to_id} is not an entity of this line")),
        };
        if let Err(message) = result {
            refuse(format!("relation {rid}: {message}"));
        }
    }
}

/// The line's document: by `doc_id`, else by a string `id` naming one, else by identical text.
fn find_document(project: &Project, line: &InLine) -> Result<DocId, String> {
    let named = line.doc_id.clone().or_else(|| match &line.id {
        Some(Value::String(s)) if DocId::parse(s).is_ok_and(|d| project.document(&d).is_some()) => Some(s.clone()),
        _ => None,
    });
    if let Some(name) = named {
        let doc = DocId::parse(&name).map_err(|e| format!("doc_id: {e}"))?;
        if project.document(&doc).is_none() {
            return Err(format!("there is no document `{doc}` in this project"));
        }
        let _ = project.load_document(&doc);
        let same = project.document(&doc).and_then(|d| d.text()).map(|t| t.as_str() == line.text);
        if same == Some(false) {
            return Err(format!("`text` differs from the text of document `{doc}`, so its offsets cannot be trusted"));
        }
        return Ok(doc);
    }
    project.load_all();
    project
        .documents()
        .iter()
        .find(|d| d.text().is_some_and(|t| t.as_str() == line.text))
        .map(|d| d.id.clone())
        .ok_or_else(|| "no `doc_id`, and no document of the project has this `text`".to_owned())
}

fn id_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The labels a doccano file uses, as [`FoundTypes`] for mapping or adding before an import: every entity
/// label (doccano does not tell a trigger from a mention, so each is an entity label) and every relation
/// type with the labels of its ends. Lines that cannot be read are passed over (the import says why).
pub fn found_types(path: &Path) -> FoundTypes {
    let mut found = FoundTypes::default();
    let Ok(content) = read_text(path) else { return found };
    for raw in content.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(line) = serde_json::from_str::<InLine>(raw) else { continue };
        let mut label_of: BTreeMap<String, String> = BTreeMap::new();
        for e in &line.entities {
            found.add_entity(&e.label);
            label_of.insert(id_text(&e.id), e.label.clone());
        }
        for (_, _, label) in line.label.iter().chain(&line.labels) {
            found.add_entity(label);
        }
        for a in &line.annotations {
            found.add_entity(&id_text(&a.label));
        }
        for r in &line.relations {
            let end = |id: &Value| label_of.get(&id_text(id)).map(String::as_str);
            found.add_relation(&r.kind, end(&r.from_id), end(&r.to_id));
        }
    }
    found
}
