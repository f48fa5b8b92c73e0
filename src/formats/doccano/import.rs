//! Reading doccano JSON lines into a coder's layer: planned first (every refusal with its line), then one
//! edit.

use super::*;
use crate::formats::text_file::{TextFileError, read_text};
use crate::formats::type_labels::{LabelMap, TypeOf, type_list, type_of};

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

/// What an entity of a line became in the layer being built.
#[derive(Clone, Copy)]
enum Target {
    Mention(MentionId),
    Event(EventId),
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
    let mut planning = Planning { map: options.map.clone(), ..Planning::default() };
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

/// What a layer being built holds, by content: the file repeats what is already there (a file imported
/// twice, a trigger named by several relations), and each repeat is found with one lookup. Scanning the
/// layer for each entity made a document's import quadratic in its mentions (76,000 took 29 s).
struct Present {
    /// The first mention of each span and type.
    mentions: HashMap<(Span, EntityTypeId), MentionId>,
    /// The first event of each trigger and type.
    events: HashMap<(Span, EventTypeId), EventId>,
    /// Each relation's type and ends.
    relations: HashSet<(RelationTypeId, EventId, EventId)>,
    /// Each relation between mentions' type and ends.
    mention_relations: HashSet<(RelationTypeId, MentionId, MentionId)>,
}

impl Present {
    fn of(layer: &Layer) -> Self {
        let mut mentions = HashMap::new();
        for (id, m) in &layer.mentions {
            mentions.entry((m.span, m.entity_type.clone())).or_insert(*id);
        }
        let mut events = HashMap::new();
        for (id, e) in &layer.events {
            events.entry((e.trigger, e.event_type.clone())).or_insert(*id);
        }
        let relations = layer.relations.values().map(|r| (r.relation_type.clone(), r.from, r.to)).collect();
        let mention_relations =
            layer.mention_relations.values().map(|r| (r.relation_type.clone(), r.from, r.to)).collect();
        Self { mentions, events, relations, mention_relations }
    }
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
        let schema = &project.config().schema;
        let present = Present::of(&work);
        let mut building = Building { layer: &mut work, present, summary: &mut self.summary };
        let entities = add_line_entities(&mut building, (schema, &self.map), &text, &line, &mut refuse);
        add_line_relations(&mut building, schema, &line, &entities, &mut refuse);
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

/// A line's annotations being added to a copy of its document's layer.
struct Building<'a> {
    /// The copy.
    layer: &'a mut Layer,
    /// What it holds.
    present: Present,
    /// The counts of the whole import.
    summary: &'a mut ImportSummary,
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
    schema: &Schema,
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
            (Some(from), Some(to)) => add_relation(work, schema, *from, *to, &r.kind),
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

/// Adds (or finds) the mention or trigger an entity stands for.
fn add_entity(
    work: &mut Building<'_>,
    (schema, map): (&Schema, &LabelMap),
    text: &DocText,
    span: Span,
    label: &str,
) -> Result<Target, String> {
    text.check_span(span).map_err(|e| e.to_string())?;
    let Building { layer, present, summary } = work;
    let resolved = type_of(schema, map, label);
    if let Some(TypeOf::Entity(ty)) = resolved {
        let label = ty.as_str();
        let key = (span, ty.clone());
        if let Some(id) = present.mentions.get(&key) {
            summary.already_present += 1;
            return Ok(Target::Mention(*id));
        }
        let id = layer.next_mention_id();
        layer.mentions.insert(id, Mention::new(span, label));
        present.mentions.insert(key, id);
        summary.mentions += 1;
        return Ok(Target::Mention(id));
    }
    if let Some(TypeOf::Event(ty)) = resolved {
        let label = ty.as_str();
        let key = (span, ty.clone());
        if let Some(id) = present.events.get(&key) {
            summary.already_present += 1;
            return Ok(Target::Event(*id));
        }
        let id = layer.next_event_id();
        present.events.insert(key, id);
        let event = Event {
            event_type: EventTypeId::new(label),
            trigger: span,
            arguments: Vec::new(),
            attributes: Default::default(),
            note: String::new(),
            provenance: None,
            curation: None,
        };
        layer.events.insert(id, event);
        summary.events += 1;
        return Ok(Target::Event(id));
    }
    Err(format!(
        "unknown label `{label}` (the schema's types: {}); name its type with --map {label}=TYPE",
        type_list(schema)
    ))
}

/// Adds (or finds) the role argument or event relation a doccano relation stands for.
fn add_relation(work: &mut Building<'_>, schema: &Schema, from: Target, to: Target, kind: &str) -> Result<(), String> {
    let Building { layer, present, summary } = work;
    match (from, to) {
        (Target::Event(e), Target::Mention(m)) => {
            let event = layer.events.get(&e).ok_or("its event is missing")?;
            let mention = layer.mentions.get(&m).ok_or("its mention is missing")?;
            let ty = schema.event_type(&event.event_type).ok_or("unknown event type")?;
            let Some(role) = ty.roles.iter().find(|r| r.id.as_str() == kind) else {
                let roles: Vec<&str> = ty.roles.iter().map(|r| r.id.as_str()).collect();
                return Err(format!("`{kind}` is not a role of {} (its roles: {})", ty.id, roles.join(", ")));
            };
            if !role.allowed.contains(&mention.entity_type) {
                return Err(format!("role `{kind}` of {} does not take a {} mention", ty.id, mention.entity_type));
            }
            if event.arguments.iter().any(|a| a.role == role.id && a.mention == m) {
                summary.already_present += 1;
                return Ok(());
            }
            if !role.repeatable && event.arguments.iter().any(|a| a.role == role.id) {
                return Err(format!("role `{kind}` of {} takes one mention and is already filled", ty.id));
            }
            let role = RoleId::new(kind);
            layer.events.get_mut(&e).expect("checked above").arguments.push(Argument { role, mention: m });
            summary.arguments += 1;
            Ok(())
        }
        (Target::Event(a), Target::Event(b)) => {
            let relation_type = RelationTypeId::new(kind);
            if schema.relation_type(&relation_type).is_none() {
                let known: Vec<&str> = schema.relation_types.iter().map(|r| r.id.as_str()).collect();
                return Err(format!("`{kind}` is not a relation type between events (known: {})", known.join(", ")));
            }
            if !present.relations.insert((relation_type.clone(), a, b)) {
                summary.already_present += 1;
                return Ok(());
            }
            let id = layer.next_relation_id();
            layer.relations.insert(id, Relation { relation_type, from: a, to: b, note: String::new() });
            summary.relations += 1;
            Ok(())
        }
        (Target::Mention(a), Target::Mention(b)) => {
            let relation_type = RelationTypeId::new(kind);
            let Some(def) = schema.relation_type(&relation_type).filter(|r| !r.between.is_events()) else {
                let known: Vec<&str> =
                    schema.relation_types.iter().filter(|r| !r.between.is_events()).map(|r| r.id.as_str()).collect();
                return Err(format!("`{kind}` is not a relation type between mentions (known: {})", known.join(", ")));
            };
            let type_of =
                |m: MentionId| layer.mentions.get(&m).map(|m| m.entity_type.clone()).ok_or("its mention is missing");
            let (ta, tb) = (type_of(a)?, type_of(b)?);
            if !def.between.allows(&ta, &tb) {
                return Err(format!("`{kind}` does not go from a mention of type {ta} to one of type {tb}"));
            }
            if !present.mention_relations.insert((relation_type.clone(), a, b)) {
                summary.already_present += 1;
                return Ok(());
            }
            let id = layer.next_relation_id();
            let relation = crate::model::MentionRelation { relation_type, from: a, to: b, note: String::new() };
            layer.mention_relations.insert(id, relation);
            summary.relations += 1;
            Ok(())
        }
        (Target::Mention(_), Target::Event(_)) => Err(format!(
            "`{kind}` goes from a mention to an event trigger: Tarmeez relates events to events, mentions to mentions, and events to their roles' mentions"
        )),
    }
}

/// The edits that turn `before` into `after` (which only adds mentions, events, arguments and relations).
fn diff(before: &Layer, after: &Layer) -> Vec<Edit> {
    let mut edits = Vec::new();
    for (id, m) in &after.mentions {
        if before.mentions.get(id) != Some(m) {
            edits.push(Edit::PutMention(*id, Some(m.clone())));
        }
    }
    for (id, e) in &after.events {
        if before.events.get(id) != Some(e) {
            edits.push(Edit::PutEvent(*id, Some(e.clone())));
        }
    }
    for (id, r) in &after.relations {
        if before.relations.get(id) != Some(r) {
            edits.push(Edit::PutRelation(*id, Some(r.clone())));
        }
    }
    for (id, r) in &after.mention_relations {
        if before.mention_relations.get(id) != Some(r) {
            edits.push(Edit::PutMentionRelation(*id, Some(r.clone())));
        }
    }
    edits
}
