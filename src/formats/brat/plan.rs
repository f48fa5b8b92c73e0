//! Importing brat over files and folders: which document each `.ann` file is for, whether it may be
//! imported, the layer it becomes (keeping the ids of what it repeats), and the one edit that imports it.

use super::read::ann_to_layer_mapped;
use crate::formats::text_file::{TextFileError, read_text};
use crate::formats::type_labels::LabelMap;
use crate::model::{DocId, Edit, EventId, Layer, MentionId, ProjectEdit, RelationId};
use crate::store::Project;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// What an import of brat files would do: the layers to write, or why not.
#[derive(Debug, Default)]
pub struct ImportPlan {
    /// `(document, .ann file, layer)` for each file to import.
    pub layers: Vec<(DocId, PathBuf, Layer)>,
    /// Refusals, each `file:line: message` (or `file: message`).
    pub refused: Vec<String>,
    /// Notes on files passed over (empty `.ann` files).
    pub notes: Vec<String>,
}

/// The `.ann` files at `path`: the file itself, or those in its folder tree, sorted
/// (see [`crate::formats::text_file::files_with_extension`]).
pub fn ann_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    crate::formats::text_file::files_with_extension(path, "ann")
}

/// How a brat import reads its files.
#[derive(Clone, Debug, Default)]
pub struct PlanOptions {
    /// The document, for a single `.ann` file named neither by its id nor by a `.txt` of its text.
    pub doc: Option<DocId>,
    /// Replace the coder's existing annotations (else a document that has some is refused).
    pub replace: bool,
    /// The user's mapping of brat types to schema types (`--map Person=ACTOR`).
    pub map: LabelMap,
    /// The schema to read the files against, when it is to be the project's with types added
    /// ([`crate::formats::schema_additions`]); else the project's.
    pub schema: Option<crate::model::Schema>,
}

/// Reads brat files at `path` (a `.ann` file or a folder of them) into layers for the project's current
/// annotator. Each file's document is `doc` when given, else the document whose id is the file's stem, else
/// the one whose text equals the `.txt` beside it. A document where the annotator already has annotations
/// is refused unless `replace`.
pub fn plan_import(project: &Project, path: &Path, doc: Option<&DocId>, replace: bool) -> ImportPlan {
    plan_import_with(project, path, &PlanOptions { doc: doc.cloned(), replace, ..PlanOptions::default() })
}

/// [`plan_import`] with a mapping of brat types to schema types.
pub fn plan_import_with(project: &Project, path: &Path, options: &PlanOptions) -> ImportPlan {
    let doc = options.doc.as_ref();
    let mut plan = ImportPlan::default();
    let files = match ann_files(path) {
        Ok(f) => f,
        Err(e) => {
            plan.refused.push(format!("{}: cannot be read: {e}", path.display()));
            return plan;
        }
    };
    if files.is_empty() {
        plan.refused.push(format!("{}: no .ann file there", path.display()));
    }
    if doc.is_some() && files.len() > 1 {
        plan.refused.push(format!(
            "{}: --doc names one document, and there are {} .ann files",
            path.display(),
            files.len()
        ));
        return plan;
    }
    project.load_all();
    let mut seen: BTreeMap<DocId, PathBuf> = BTreeMap::new();
    for file in files {
        plan_file(project, file, options, &mut seen, &mut plan);
    }
    plan
}

/// Plans one `.ann` file into `plan`: its layer, a note that it is empty, or why it is refused. `seen` holds
/// the documents planned so far, so that two files cannot go into one document.
fn plan_file(
    project: &Project,
    file: PathBuf,
    options: &PlanOptions,
    seen: &mut BTreeMap<DocId, PathBuf>,
    plan: &mut ImportPlan,
) {
    let (doc, replace) = (options.doc.as_ref(), options.replace);
    let shown = file.display().to_string();
    let content = match read_utf8(&file) {
        Ok(c) => c,
        Err((Some(line), e)) => return plan.refused.push(format!("{shown}:{line}: {e}")),
        Err((None, e)) => return plan.refused.push(format!("{shown}: {e}")),
    };
    if content.trim().is_empty() {
        return plan.notes.push(format!("{shown}: no annotations, passed over"));
    }
    let txt = read_text(&file.with_extension("txt")).ok();
    let Some(id) = target_document(project, &file, doc, txt.as_deref()) else {
        return plan.refused.push(format!(
            "{shown}: no document matches it (none has its name as id, nor the text of a .txt beside it); name one with --doc"
        ));
    };
    let Some(loaded) = project.document(&id).and_then(|d| d.loaded()) else {
        let why =
            if project.document(&id).is_some() { "has problems (see `tarmeez validate`)" } else { "does not exist" };
        return plan.refused.push(format!("{shown}: document `{id}` {why}"));
    };
    if let Some(t) = &txt
        && t.as_str() != loaded.text.as_str()
    {
        return plan.refused.push(format!(
            "{shown}: the .txt beside it is not the text of document `{id}`, so its offsets would not fit"
        ));
    }
    if let Some(first) = seen.insert(id.clone(), file.clone()) {
        return plan.refused.push(format!("{shown}: document `{id}` is also imported from {}", first.display()));
    }
    if !replace && loaded.layers.get(project.annotator()).is_some_and(|l| !l.is_empty()) {
        return plan.refused.push(format!(
            "{shown}: {} already has annotations in `{id}`; give --replace to replace them",
            project.annotator()
        ));
    }
    let schema = options.schema.as_ref().unwrap_or(&project.config().schema);
    match ann_to_layer_mapped(&content, &loaded.text, schema, project.actors(), &options.map) {
        Ok(layer) => {
            let layer = match loaded.layers.get(project.annotator()) {
                Some(old) => carry_over(old, layer),
                None => layer,
            };
            plan.layers.push((id, file, layer))
        }
        Err(errors) => plan.refused.extend(errors.into_iter().map(|(line, msg)| match line {
            0 => format!("{shown}: {msg}"),
            _ => format!("{shown}:{line}: {msg}"),
        })),
    }
}

/// A file's content, or why it cannot be read as text (the refusal without the file's name).
fn read_utf8(file: &Path) -> Result<String, (Option<usize>, String)> {
    read_text(file).map_err(|e| match e {
        // The line of the first bad byte, so that the coder can find it.
        TextFileError::NotUtf8 { line } => (Some(line), "is not UTF-8".to_owned()),
        unreadable @ TextFileError::Unreadable(_) => (None, unreadable.to_string()),
    })
}

/// The document a `.ann` file is for: `doc` when given, else the one named by the file's stem, else the one
/// whose text is the `.txt` beside it.
fn target_document(project: &Project, file: &Path, doc: Option<&DocId>, txt: Option<&str>) -> Option<DocId> {
    let stem = file.file_stem().and_then(|s| s.to_str()).and_then(|s| DocId::parse(s).ok());
    let by_stem = stem.filter(|s| project.document(s).is_some());
    match (doc, by_stem, txt) {
        (Some(d), ..) => Some(d.clone()),
        (None, Some(d), _) => Some(d),
        (None, None, Some(t)) => {
            project.documents().iter().find(|d| d.loaded().is_some_and(|l| l.text.as_str() == t)).map(|d| d.id.clone())
        }
        (None, None, None) => None,
    }
}

/// `new` with the ids and provenance of the annotations of `old` that it repeats (same span and type; for
/// events, same type and trigger), so that replacing a layer by its own round trip through brat changes
/// nothing, and suggestions accepted into it still point at what they became. Other annotations get ids
/// after the old ones.
pub fn carry_over(old: &Layer, new: Layer) -> Layer {
    let mut out = Layer { status: new.status, ..Layer::default() };
    let mut taken: BTreeSet<MentionId> = BTreeSet::new();
    let mut next = old.next_mention_id().0;
    let mut mention_ids: BTreeMap<MentionId, MentionId> = BTreeMap::new();
    for (nid, mut m) in new.mentions {
        let same = old
            .mentions
            .iter()
            .find(|(oid, o)| !taken.contains(*oid) && o.span == m.span && o.entity_type == m.entity_type);
        let id = match same {
            Some((oid, o)) => {
                m.provenance = m.provenance.or_else(|| o.provenance.clone());
                // Nor can brat carry a LOCATION mention's place (issue 19).
                m.place = m.place.or_else(|| o.place.clone());
                *oid
            }
            None => {
                next += 1;
                MentionId(next - 1)
            }
        };
        taken.insert(id);
        mention_ids.insert(nid, id);
        out.mentions.insert(id, m);
    }
    let mut taken: BTreeSet<EventId> = BTreeSet::new();
    let mut next = old.next_event_id().0;
    let mut event_ids: BTreeMap<EventId, EventId> = BTreeMap::new();
    for (nid, mut e) in new.events {
        for arg in &mut e.arguments {
            arg.mention = mention_ids[&arg.mention];
        }
        let same = old
            .events
            .iter()
            .find(|(oid, o)| !taken.contains(*oid) && o.trigger == e.trigger && o.event_type == e.event_type);
        let id = match same {
            Some((oid, o)) => {
                e.provenance = e.provenance.or_else(|| o.provenance.clone());
                // Nor an event's evidence and kept record id (issue 19), which brat lists as not expressed.
                if e.evidence.is_empty() {
                    e.evidence = o.evidence.clone();
                }
                e.uid = e.uid.or_else(|| o.uid.clone());
                *oid
            }
            None => {
                next += 1;
                EventId(next - 1)
            }
        };
        taken.insert(id);
        event_ids.insert(nid, id);
        out.events.insert(id, e);
    }
    let mut ids = RelationIds { taken: BTreeSet::new(), next: old.next_relation_id().0 };
    for (_, mut r) in new.relations {
        (r.from, r.to) = (event_ids[&r.from], event_ids[&r.to]);
        let key = |o: &crate::model::Relation| (o.relation_type.clone(), o.from, o.to);
        let id = ids.id_for(&old.relations, &key(&r), key);
        out.relations.insert(id, r);
    }
    for (_, mut r) in new.mention_relations {
        (r.from, r.to) = (mention_ids[&r.from], mention_ids[&r.to]);
        let key = |o: &crate::model::MentionRelation| (o.relation_type.clone(), o.from, o.to);
        let id = ids.id_for(&old.mention_relations, &key(&r), key);
        out.mention_relations.insert(id, r);
    }
    out
}

/// Relation ids while carrying a layer over: the old ids given out, and the next new one.
struct RelationIds {
    taken: BTreeSet<RelationId>,
    next: u32,
}

impl RelationIds {
    /// The id of the old relation of `old` whose `key` is `wanted` and whose id is not given out yet, else a
    /// new one.
    fn id_for<R, K: PartialEq>(
        &mut self,
        old: &BTreeMap<RelationId, R>,
        wanted: &K,
        key: impl Fn(&R) -> K,
    ) -> RelationId {
        let same = old.iter().find(|(oid, o)| !self.taken.contains(*oid) && key(o) == *wanted).map(|(oid, _)| *oid);
        let id = same.unwrap_or_else(|| {
            self.next += 1;
            RelationId(self.next - 1)
        });
        self.taken.insert(id);
        id
    }
}

/// The edit that replaces the current annotator's layers with the planned ones (their status is kept).
pub fn import_edit(project: &Project, plan: &ImportPlan) -> ProjectEdit {
    let mut edits = Vec::new();
    for (doc, _, layer) in &plan.layers {
        let mut batch = Vec::new();
        if let Some(old) =
            project.document(doc).and_then(|d| d.loaded()).and_then(|d| d.layers.get(project.annotator()))
        {
            batch.extend(old.relations.keys().map(|id| Edit::PutRelation(*id, None)));
            batch.extend(old.mention_relations.keys().map(|id| Edit::PutMentionRelation(*id, None)));
            batch.extend(old.events.keys().map(|id| Edit::PutEvent(*id, None)));
            batch.extend(old.mentions.keys().map(|id| Edit::PutMention(*id, None)));
        }
        batch.extend(layer.mentions.iter().map(|(id, m)| Edit::PutMention(*id, Some(m.clone()))));
        batch.extend(layer.events.iter().map(|(id, e)| Edit::PutEvent(*id, Some(e.clone()))));
        batch.extend(layer.relations.iter().map(|(id, r)| Edit::PutRelation(*id, Some(r.clone()))));
        batch.extend(layer.mention_relations.iter().map(|(id, r)| Edit::PutMentionRelation(*id, Some(r.clone()))));
        edits.push(ProjectEdit::Layer(doc.clone(), Edit::Batch(batch)));
    }
    ProjectEdit::Batch(edits)
}
