//! Planning a task file into coders' layers: each annotation's span regions become mentions or event
//! triggers (by their labels, through [`crate::formats::type_labels`]), its relations become relations
//! between mentions, relations between events or filled roles (a relation from a trigger to a mention,
//! labelled with the role). Built with the doccano reader's layer building, so the two agree on what is
//! a repeat and what the schema refuses. A task with anything refused adds nothing.

use super::attributes;
use super::docs::{DocKey, DocTargets, find_documents};
use super::offsets::{Utf16Offsets, result_span};
use super::tasks::{Annotation, ResultKind, Task, TaskFile};
use crate::formats::doccano::ImportSummary;
use crate::formats::doccano::building::{Building, Present, Target, add_entity, add_relation, diff};
use crate::formats::type_labels::LabelMap;
use crate::model::{Annotator, AttributeTarget, DocId, DocText, Edit, Layer, ProjectEdit, Schema};
use crate::store::Project;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

/// How a task file is read.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The user's mapping of labels to schema types (`--map PER=ACTOR`).
    pub map: LabelMap,
    /// Import the valid tasks and list the others, instead of importing nothing.
    pub partial: bool,
    /// The schema to read the file against, when it is to be the project's with types added
    /// ([`crate::formats::schema_additions`]); else the project's.
    pub schema: Option<Schema>,
}

/// Something of the file refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// The task: `task 3`, or `line 3` in JSON lines.
    pub task: String,
    /// The result's id, when one result is refused.
    pub result: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.result {
            Some(r) => write!(f, "{}, result {r}: {}", self.task, self.message),
            None => write!(f, "{}: {}", self.task, self.message),
        }
    }
}

/// What one coder's layers gain.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents whose layer changes.
    pub documents: usize,
    /// Mentions added.
    pub mentions: usize,
    /// Events added.
    pub events: usize,
    /// Roles filled.
    pub arguments: usize,
    /// Relations added (between events and between mentions).
    pub relations: usize,
}

/// What importing a task file would do.
#[derive(Clone, Debug, Default)]
pub struct Plan {
    /// Each task's document.
    pub targets: DocTargets,
    /// What was refused, in file order.
    pub refused: Vec<Refusal>,
    /// Tasks read, and those with nothing refused.
    pub tasks: (usize, usize),
    /// What the file holds that is not imported (cancelled annotations, other result types, predictions).
    pub notes: Vec<String>,
    /// Each coder's layer of each document, before and after.
    layers: BTreeMap<(Annotator, DocKey), (Layer, Layer)>,
}

impl Plan {
    /// Whether any annotation was read into a layer (changing it or finding it all present).
    pub fn has_annotations(&self) -> bool {
        !self.layers.is_empty()
    }

    /// The coders whose layers change.
    pub fn coders(&self) -> BTreeSet<Annotator> {
        self.layers.iter().filter(|(_, (b, a))| b != a).map(|((c, _), _)| c.clone()).collect()
    }

    /// What `coder`'s layers gain.
    pub fn counts(&self, coder: &Annotator) -> Counts {
        self.counts_where(coder, |_| true)
    }

    /// What `coder`'s layers of the project's documents gain (those of documents to make left out).
    pub fn counts_in_existing(&self, coder: &Annotator) -> Counts {
        self.counts_where(coder, |k| matches!(k, DocKey::Existing(_)))
    }

    fn counts_where(&self, coder: &Annotator, keep: impl Fn(&DocKey) -> bool) -> Counts {
        let mut c = Counts::default();
        for (_, (before, after)) in self.layers.iter().filter(|((a, k), _)| a == coder && keep(k)) {
            if before == after {
                continue;
            }
            c.documents += 1;
            c.mentions += after.mentions.len() - before.mentions.len();
            c.events += after.events.len() - before.events.len();
            let args = |l: &Layer| l.events.values().map(|e| e.arguments.len()).sum::<usize>();
            c.arguments += args(after) - args(before);
            c.relations += after.relations.len() + after.mention_relations.len()
                - before.relations.len()
                - before.mention_relations.len();
        }
        c
    }

    /// The documents to make that `coder`'s layers would be written into (by [`DocKey::New`] index).
    pub fn new_documents_for(&self, coder: &Annotator) -> Vec<usize> {
        let changed = self.layers.iter().filter(|((c, _), (b, a))| c == coder && b != a);
        changed.filter_map(|((_, k), _)| if let DocKey::New(i) = k { Some(*i) } else { None }).collect()
    }

    /// The one edit of `coder`'s layers, for a project open for `coder` in which the new documents have the
    /// ids `new_ids` (by their [`DocKey::New`] index); `None` when nothing changes.
    pub fn edit_for(&self, coder: &Annotator, new_ids: &HashMap<usize, DocId>) -> Option<ProjectEdit> {
        let mut edits = Vec::new();
        for ((c, key), (before, after)) in &self.layers {
            let doc = match key {
                DocKey::Existing(doc) => Some(doc),
                DocKey::New(i) => new_ids.get(i),
            };
            let layer_edits = diff(before, after);
            if let Some(doc) = doc.filter(|_| c == coder && !layer_edits.is_empty()) {
                edits.push(ProjectEdit::Layer(doc.clone(), Edit::Batch(layer_edits)));
            }
        }
        (!edits.is_empty()).then_some(ProjectEdit::Batch(edits))
    }
}

/// Plans the import of `file`: each task's document, then each annotation (not cancelled) into the layer of
/// its coder (`coders`, by [`super::tasks::CompletedBy::key`]; only `only`'s when given). `project` may be
/// open for any coder: it is read.
pub fn plan(
    project: &Project,
    file: &TaskFile,
    coders: &BTreeMap<String, Annotator>,
    options: &ImportOptions,
    only: Option<&Annotator>,
) -> Plan {
    let mut refused = Vec::new();
    for (origin, task) in &file.tasks {
        if let Err(message) = task {
            refused.push(Refusal { task: origin.clone(), result: None, message: message.clone() });
        }
    }
    let targets = find_documents(project, file, &mut |i, message| {
        refused.push(Refusal { task: file.tasks[i].0.clone(), result: None, message });
    });
    let schema = options.schema.as_ref().unwrap_or(&project.config().schema);
    let mut planning =
        Planning { project, schema, coders, map: &options.map, only, plan: Plan::default(), tally: Tally::default() };
    planning.plan.refused = refused;
    for (i, (origin, task)) in file.tasks.iter().enumerate() {
        let (Ok(task), Some(key)) = (task, &targets.of_task[i]) else { continue };
        let Some(text) = targets.texts.get(key) else { continue };
        planning.plan_task(origin, task, key, text);
    }
    let mut plan = planning.plan;
    plan.tasks = (file.tasks.len(), file.tasks.len() - tasks_refused(&plan.refused));
    let order: HashMap<&str, usize> = file.tasks.iter().enumerate().map(|(i, (o, _))| (o.as_str(), i)).collect();
    plan.refused.sort_by_key(|r| order.get(r.task.as_str()).copied());
    plan.notes = planning.tally.notes(file);
    plan.targets = without_refused(targets, file, &plan.refused);
    plan
}

/// The documents of the tasks not refused: a refused task's document is not made.
fn without_refused(mut targets: DocTargets, file: &TaskFile, refused: &[Refusal]) -> DocTargets {
    let refused: BTreeSet<&str> = refused.iter().map(|r| r.task.as_str()).collect();
    for (i, (origin, _)) in file.tasks.iter().enumerate() {
        if refused.contains(origin.as_str()) {
            targets.of_task[i] = None;
        }
    }
    let used: BTreeSet<&DocKey> = targets.of_task.iter().flatten().collect();
    let unused: Vec<DocKey> = targets.texts.keys().filter(|k| !used.contains(k)).cloned().collect();
    for key in unused {
        targets.texts.remove(&key);
    }
    targets
}

fn tasks_refused(refused: &[Refusal]) -> usize {
    refused.iter().map(|r| &r.task).collect::<BTreeSet<_>>().len()
}

/// What is counted to be noted.
#[derive(Default)]
struct Tally {
    cancelled: usize,
    other: BTreeMap<String, usize>,
}

impl Tally {
    fn notes(&self, file: &TaskFile) -> Vec<String> {
        let mut notes = Vec::new();
        if self.cancelled > 0 {
            notes.push(format!("{} cancelled annotation(s) left out", self.cancelled));
        }
        for (kind, n) in &self.other {
            notes.push(format!("{n} result(s) of type `{kind}` left out: Tarmeez reads span labels and relations"));
        }
        let predictions: usize = file.tasks.iter().filter_map(|(_, t)| t.as_ref().ok()).map(|t| t.predictions).sum();
        if predictions > 0 {
            notes.push(format!(
                "{predictions} prediction(s) left out: import them as suggestions with `tarmeez import-suggestions --format label-studio`"
            ));
        }
        notes
    }
}

struct Planning<'a> {
    project: &'a Project,
    schema: &'a Schema,
    coders: &'a BTreeMap<String, Annotator>,
    map: &'a LabelMap,
    only: Option<&'a Annotator>,
    plan: Plan,
    tally: Tally,
}

impl Planning<'_> {
    /// Adds a task's annotations to their coders' layers, or nothing when anything of it is refused.
    fn plan_task(&mut self, origin: &str, task: &Task, key: &DocKey, text: &DocText) {
        let offsets = Utf16Offsets::of(text.as_str());
        let mut staged: Vec<((Annotator, DocKey), Layer, Layer)> = Vec::new();
        let mut refusals = Vec::new();
        for a in &task.annotations {
            if a.cancelled {
                self.tally.cancelled += 1;
                continue;
            }
            let user = a.completed_by.as_ref().map(|u| u.key()).unwrap_or_default();
            let Some(coder) = self.coders.get(&user) else { continue };
            if self.only.is_some_and(|o| o != coder) {
                continue;
            }
            let slot = (coder.clone(), key.clone());
            if staged.iter().any(|(s, ..)| *s == slot) {
                refusals.push(Refusal {
                    task: origin.to_owned(),
                    result: None,
                    message: format!("two annotations go into the layer of `{coder}`; import them one at a time"),
                });
                continue;
            }
            let before = self.layer_before(&slot);
            let mut work = self.plan.layers.get(&slot).map_or_else(|| before.clone(), |(_, after)| after.clone());
            let mut refuse = |result: &str, message: String| {
                refusals.push(Refusal { task: origin.to_owned(), result: Some(result.to_owned()), message });
            };
            let schema = self.schema;
            build_annotation(&mut work, (schema, self.map), (text, &offsets), a, &mut refuse, &mut self.tally);
            staged.push((slot, before, work));
        }
        if refusals.is_empty() {
            for (slot, before, after) in staged {
                self.plan.layers.entry(slot).or_insert_with(|| (before, Layer::default())).1 = after;
            }
        }
        self.plan.refused.extend(refusals);
    }

    /// The layer as the project has it (empty for a document to make).
    fn layer_before(&self, (coder, key): &(Annotator, DocKey)) -> Layer {
        if let Some((before, _)) = self.plan.layers.get(&(coder.clone(), key.clone())) {
            return before.clone();
        }
        match key {
            DocKey::Existing(doc) => self
                .project
                .document(doc)
                .and_then(|d| d.loaded())
                .and_then(|l| l.layers.get(coder))
                .cloned()
                .unwrap_or_default(),
            DocKey::New(_) => Layer::default(),
        }
    }
}

/// Adds one annotation's regions and relations to `layer`.
fn build_annotation(
    layer: &mut Layer,
    (schema, map): (&Schema, &LabelMap),
    (text, offsets): (&DocText, &Utf16Offsets),
    annotation: &Annotation,
    refuse: &mut impl FnMut(&str, String),
    tally: &mut Tally,
) {
    let mut scratch = ImportSummary::default();
    let present = Present::of(layer);
    let mut work = Building { layer, present, summary: &mut scratch };
    let mut regions: HashMap<&str, Target> = HashMap::new();
    let mut refused_regions: BTreeSet<&str> = BTreeSet::new();
    for r in &annotation.results {
        match &r.kind {
            ResultKind::Span { start, end, text: claimed, labels } => {
                match add_region(&mut work, (schema, map), (text, offsets), (*start, *end), claimed.as_deref(), labels)
                {
                    Ok(target) => {
                        regions.entry(r.id.as_str()).or_insert(target);
                    }
                    Err(message) => {
                        refused_regions.insert(&r.id);
                        refuse(&r.id, message);
                    }
                }
            }
            ResultKind::Malformed(message) => refuse(&r.id, message.clone()),
            ResultKind::Relation { .. } | ResultKind::PerRegion { .. } => {}
            ResultKind::Other(kind) => *tally.other.entry(kind.clone()).or_insert(0) += 1,
        }
    }
    for r in &annotation.results {
        let ResultKind::PerRegion { kind, values } = &r.kind else { continue };
        if refused_regions.contains(r.id.as_str()) {
            continue;
        }
        match regions.get(r.id.as_str()) {
            // A task-level classification, not a region's.
            None => *tally.other.entry(kind.clone()).or_insert(0) += 1,
            Some(target) => {
                if let Err(message) = set_detail(work.layer, schema, *target, &r.from_name, values) {
                    refuse(&r.id, message);
                }
            }
        }
    }
    for r in &annotation.results {
        let ResultKind::Relation { from, to, labels, direction } = &r.kind else { continue };
        if refused_regions.contains(from.as_str()) || refused_regions.contains(to.as_str()) {
            continue;
        }
        if let Err(message) = add_link(&mut work, schema, &regions, (from, to), labels, direction) {
            refuse(&r.id, message);
        }
    }
}

/// Adds the mentions or triggers of a span region, one per label; the region stands for the first.
fn add_region(
    work: &mut Building<'_>,
    (schema, map): (&Schema, &LabelMap),
    (text, offsets): (&DocText, &Utf16Offsets),
    (start, end): (usize, usize),
    claimed: Option<&str>,
    labels: &[String],
) -> Result<Target, String> {
    let span = result_span(text, offsets, (start, end), claimed).map_err(|e| e.to_string())?;
    if let Some(claimed) = claimed {
        let actual = text.slice(span).unwrap_or_default();
        if claimed != actual {
            return Err(format!("the file says {start}..{end} is «{claimed}» but the document has «{actual}» there"));
        }
    }
    let mut first = None;
    for label in labels {
        let target = add_entity(work, (schema, map), text, span, label)?;
        first.get_or_insert(target);
    }
    first.ok_or_else(|| "no label".to_owned())
}

/// Adds what a relation result stands for: a role, a relation between events or between mentions.
fn add_link(
    work: &mut Building<'_>,
    schema: &Schema,
    regions: &HashMap<&str, Target>,
    (from, to): (&str, &str),
    labels: &[String],
    direction: &str,
) -> Result<(), String> {
    let end =
        |id: &str| regions.get(id).copied().ok_or_else(|| format!("`{id}` is not a span region of this annotation"));
    let (mut a, mut b) = (end(from)?, end(to)?);
    match direction {
        "left" => std::mem::swap(&mut a, &mut b),
        "bi" => return Err("the relation goes both ways; Tarmeez's relations have a direction".into()),
        _ => {}
    }
    if labels.is_empty() {
        return Err("the relation has no label, so no type or role".into());
    }
    for label in labels {
        let kind = resolve_kind(work.layer, schema, a, label);
        add_relation(work, (schema, &LabelMap::new()), a, b, &kind)?;
    }
    Ok(())
}

/// A relation label as the schema spells it: a role of the event at `from`, else a relation type, matched
/// regardless of case (as type labels are).
fn resolve_kind(layer: &Layer, schema: &Schema, from: Target, label: &str) -> String {
    let role = match from {
        Target::Event(e) => layer
            .events
            .get(&e)
            .and_then(|ev| schema.event_type(&ev.event_type))
            .and_then(|t| t.roles.iter().find(|r| r.id.as_str().eq_ignore_ascii_case(label)))
            .map(|r| r.id.to_string()),
        Target::Mention(_) => None,
    };
    let relation =
        || schema.relation_types.iter().find(|r| r.id.as_str().eq_ignore_ascii_case(label)).map(|r| r.id.to_string());
    role.or_else(relation).unwrap_or_else(|| label.to_owned())
}

/// Sets what a per-region result of the control `control` holds on its region's mention or event: its note,
/// or the value of the attribute of that id.
fn set_detail(
    layer: &mut Layer,
    schema: &Schema,
    target: Target,
    control: &str,
    values: &[String],
) -> Result<(), String> {
    let (note, attributes, target_kind, type_id) = match target {
        Target::Mention(id) => {
            let m = layer.mentions.get_mut(&id).ok_or("its mention is missing")?;
            (&mut m.note, &mut m.attributes, AttributeTarget::Mention, m.entity_type.to_string())
        }
        Target::Event(id) => {
            let e = layer.events.get_mut(&id).ok_or("its event is missing")?;
            (&mut e.note, &mut e.attributes, AttributeTarget::Event, e.event_type.to_string())
        }
    };
    if control.eq_ignore_ascii_case(attributes::NOTE) {
        *note = values.join("\n");
        return Ok(());
    }
    let def = attributes::attribute_of(schema, control, target_kind, &type_id)?;
    let [shown] = values else {
        return Err(format!("attribute `{}` takes one value, and the result holds {}", def.id, values.len()));
    };
    attributes.insert(def.id.clone(), attributes::attribute_value(def, shown)?);
    Ok(())
}
