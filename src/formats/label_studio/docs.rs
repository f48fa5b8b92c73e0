//! Each task's document: the project's document of `data.doc_id` (whose text must be the task's), else the
//! one with the task's text, else a new document made from the task as `import-docs` makes one from a record
//! (through [`crate::formats::corpus::import_records`]: the same ids, titles and duplicate checks).

use super::tasks::{Task, TaskFile};
use crate::formats::corpus::{self, Record};
use crate::model::{DocId, DocText, text_hash};
use crate::store::Project;
use std::collections::HashMap;
use std::sync::Arc;

/// Where a task's annotations go.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocKey {
    /// A document of the project.
    Existing(DocId),
    /// A document to make, from the first task with its text (its index in the file).
    New(usize),
}

/// The documents of a file's tasks, by task index (`None` for a task refused).
#[derive(Clone, Debug, Default)]
pub struct DocTargets {
    /// Each task's document.
    pub of_task: Vec<Option<DocKey>>,
    /// The text of each document, existing or to make.
    pub texts: HashMap<DocKey, Arc<DocText>>,
}

impl DocTargets {
    /// The tasks whose documents are to be made (the first task of each).
    pub fn new_documents(&self) -> Vec<usize> {
        let mut out: Vec<usize> =
            self.texts.keys().filter_map(|k| if let DocKey::New(i) = k { Some(*i) } else { None }).collect();
        out.sort_unstable();
        out
    }
}

/// Finds each task's document, refusing a task without a text, or whose `doc_id` names a document with
/// another text (its offsets could not be trusted). `refuse(task index, message)`.
pub fn find_documents(project: &Project, file: &TaskFile, refuse: &mut impl FnMut(usize, String)) -> DocTargets {
    project.load_all();
    let mut by_hash: HashMap<String, DocId> = HashMap::new();
    for d in project.documents() {
        if let Some(t) = d.text() {
            by_hash.entry(t.hash()).or_insert_with(|| d.id.clone());
        }
    }
    let mut out = DocTargets::default();
    let mut new_by_hash: HashMap<String, usize> = HashMap::new();
    for (i, (_, task)) in file.tasks.iter().enumerate() {
        let key = task.as_ref().ok().and_then(|t| match document_of(project, &by_hash, t) {
            Ok(Some(doc)) => Some(DocKey::Existing(doc)),
            Ok(None) => {
                let text = t.text.as_deref().unwrap_or_default();
                Some(DocKey::New(*new_by_hash.entry(text_hash(text)).or_insert(i)))
            }
            Err(message) => {
                refuse(i, message);
                None
            }
        });
        if let Some(key) = &key
            && !out.texts.contains_key(key)
        {
            let text = match key {
                DocKey::Existing(doc) => project.document(doc).and_then(|d| d.text()).cloned(),
                DocKey::New(_) => task.as_ref().ok().and_then(|t| t.text.clone()).map(|t| Arc::new(DocText::new(t))),
            };
            out.texts.extend(text.map(|t| (key.clone(), t)));
        }
        out.of_task.push(key);
    }
    out
}

/// The task's document in the project, `None` when there is none and one is to be made.
fn document_of(project: &Project, by_hash: &HashMap<String, DocId>, task: &Task) -> Result<Option<DocId>, String> {
    let Some(text) = task.text.as_deref().filter(|t| !t.trim().is_empty()) else {
        return Err("no `data.text`: the task names no text to annotate".into());
    };
    if let Some(name) = &task.doc_id
        && let Ok(doc) = DocId::parse(name)
        && let Some(entry) = project.document(&doc)
    {
        return match entry.text() {
            Some(t) if t.as_str() == text => Ok(Some(doc)),
            Some(_) => {
                Err(format!("`data.text` differs from the text of document `{doc}`, so its offsets cannot be trusted"))
            }
            None => Err(format!("document `{doc}` has problems; run `tarmeez validate` and fix them first")),
        };
    }
    let found = by_hash
        .get(&text_hash(text))
        .filter(|d| project.document(d).and_then(|e| e.text()).is_some_and(|t| t.as_str() == text));
    Ok(found.cloned())
}

/// Makes the documents `targets` lacks, from their tasks (`data.doc_id` as the id, `data.title` as the
/// title), and returns each new document's id by its [`DocKey::New`] index. Fails with the first
/// document that could not be written (those written before stay).
pub fn make_documents(
    project: &mut Project,
    file: &TaskFile,
    targets: &DocTargets,
) -> Result<HashMap<usize, DocId>, String> {
    let records: Vec<Record> = targets
        .new_documents()
        .into_iter()
        .filter_map(|i| {
            let task = file.tasks[i].1.as_ref().ok()?;
            let id = task.doc_id.clone().or_else(|| Some(format!("task-{}", i + 1)));
            Some(Record { line: i, text: task.text.clone()?, id, title: task.title.clone(), ..Record::default() })
        })
        .collect();
    let outcome = corpus::import_records(project, records, &mut |_, _| true);
    if let Some(e) = outcome.error {
        return Err(format!("the documents could not all be made: {e}"));
    }
    if let Some(skip) = outcome.skipped.first() {
        return Err(format!("task {}: its document was not made: it {}", skip.line + 1, skip.reason));
    }
    Ok(outcome.imported.into_iter().collect())
}
