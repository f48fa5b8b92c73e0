//! Adding a corpus's records to the project: a batch of documents at a time, skipping empty texts and
//! duplicates, cancellable between batches.

use super::{Record, Skip, SkipReason};
use crate::model::{DocId, DocumentMeta, text_hash};
use crate::store::{NewDoc, Project, StoreError};
use std::collections::HashMap;

/// What an import did, record by record.
#[derive(Debug, Default)]
pub struct ImportOutcome {
    /// Records imported: their line and the id their document got.
    pub imported: Vec<(usize, DocId)>,
    /// Records skipped (empty texts and duplicates), with the reason.
    pub skipped: Vec<Skip>,
    /// Whether the import was cancelled before its end (the records not reached are neither imported nor skipped).
    pub cancelled: bool,
    /// The project could not be written (read-only, disk full): the import stopped there. Documents imported
    /// before stay, and are listed in `imported`.
    pub error: Option<StoreError>,
}

/// Adds each record as a document. Empty texts and duplicates (of a document of the project, or of an earlier
/// record) are skipped. The records are written [`BATCH`] at a time, each batch with a few waits for the disk
/// in all; `progress(done, total)` is called after each batch, and when it returns `false` the import stops
/// there. The project holds whole documents only: [`Project::add_documents`] writes each whole.
///
/// The id comes from the record's id, else its title, else `doc`; the title defaults to the text's first line.
pub fn import_records(
    project: &mut Project,
    records: Vec<Record>,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> ImportOutcome {
    let mut import = CorpusImport::new(project, records);
    while import.step(project) {
        let (done, total) = import.progress();
        if !progress(done, total) {
            return import.stop();
        }
    }
    import.stop()
}

/// How many records an import reads into one batch of documents written together: enough that what each batch
/// costs beyond its documents cost little (its last two waits for the disk, which nothing overlaps, about
/// 25 ms here, and a listing of `documents/`), few enough that progress and Ctrl+C are seen within half a
/// second (at about 6,000 short documents a second).
pub const BATCH: usize = 2500;

/// An import of records a batch at a time, so that a window can draw its progress between batches and stop
/// when asked; [`import_records`] runs one to its end.
#[derive(Debug)]
pub struct CorpusImport {
    records: std::vec::IntoIter<Record>,
    total: usize,
    done: usize,
    /// How many records a step takes.
    batch: usize,
    /// Text hashes of the project's documents and of the records imported so far, with what they are.
    known: HashMap<String, String>,
    outcome: ImportOutcome,
}

/// One batch of records on its way into the project: the documents to add, with the line and text hash of
/// each, and the records skipped (a duplicate of a document of the batch with the index of that document).
#[derive(Default)]
struct BatchOfRecords {
    docs: Vec<NewDoc>,
    lines: Vec<(usize, String)>,
    skipped: Vec<Skip>,
    duplicates: Vec<(usize, usize)>,
}

impl CorpusImport {
    /// An import of `records` into `project`, none imported yet.
    pub fn new(project: &Project, records: Vec<Record>) -> Self {
        let known = project
            .documents()
            .iter()
            .filter_map(|d| Some((d.meta.as_ref()?.text_hash.clone(), format!("document `{}` of the project", d.id))))
            .collect();
        let total = records.len();
        let outcome = ImportOutcome::default();
        Self { records: records.into_iter(), total, done: 0, batch: BATCH, known, outcome }
    }

    /// Takes `records` records a step from now on (at least one; [`BATCH`] at first), for a caller that must
    /// come back sooner than a batch of [`BATCH`] takes, as a window drawing its progress does.
    pub fn set_batch(&mut self, records: usize) {
        self.batch = records.max(1);
    }

    /// `(records done, records in all)`.
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.total)
    }

    /// What was done so far.
    pub fn outcome(&self) -> &ImportOutcome {
        &self.outcome
    }

    /// Imports or skips the next batch of records. Returns `false`, doing nothing, when every record is done
    /// or the project could not be written (the error is in the outcome).
    pub fn step(&mut self, project: &mut Project) -> bool {
        if self.outcome.error.is_some() || self.records.len() == 0 {
            return false;
        }
        let batch = self.take_batch();
        let results = match project.add_documents(batch.docs) {
            Ok(results) => results,
            Err(e) => {
                self.outcome.error = Some(e);
                return false;
            }
        };
        let mut ids = Vec::with_capacity(results.len());
        for ((line, hash), result) in batch.lines.into_iter().zip(results) {
            match result {
                Ok(id) => {
                    self.known.insert(hash, format!("line {line}, imported just before as `{id}`"));
                    self.outcome.imported.push((line, id.clone()));
                    ids.push((line, Some(id)));
                }
                Err(e) => {
                    self.outcome.error.get_or_insert(e);
                    ids.push((line, None));
                }
            }
        }
        let mut skipped = batch.skipped;
        skipped.extend(batch.duplicates.into_iter().map(|(line, of)| {
            let of = match &ids[of] {
                (first, Some(id)) => format!("line {first}, imported just before as `{id}`"),
                (first, None) => format!("line {first}"),
            };
            Skip { line, reason: SkipReason::Duplicate(of) }
        }));
        skipped.sort_by_key(|s| s.line);
        self.outcome.skipped.extend(skipped);
        self.outcome.error.is_none()
    }

    /// Takes the next records (as many as a step takes): the documents to add, and the records skipped.
    fn take_batch(&mut self) -> BatchOfRecords {
        let mut batch = BatchOfRecords::default();
        let mut in_batch: HashMap<String, usize> = HashMap::new();
        for record in self.records.by_ref().take(self.batch) {
            self.done += 1;
            let line = record.line;
            let hash = text_hash(&record.text);
            if record.text.trim().is_empty() {
                batch.skipped.push(Skip { line, reason: SkipReason::Empty });
            } else if let Some(of) = self.known.get(&hash) {
                batch.skipped.push(Skip { line, reason: SkipReason::Duplicate(of.clone()) });
            } else if let Some(&of) = in_batch.get(&hash) {
                batch.duplicates.push((line, of));
            } else {
                in_batch.insert(hash.clone(), batch.docs.len());
                batch.lines.push((line, hash));
                batch.docs.push(new_doc(record));
            }
        }
        batch
    }

    /// Ends the import here: the outcome, `cancelled` when records were left (and no error stopped it).
    pub fn stop(self) -> ImportOutcome {
        let mut outcome = self.outcome;
        outcome.cancelled = self.done < self.total && outcome.error.is_none();
        outcome
    }
}

/// The document a record becomes.
fn new_doc(record: Record) -> NewDoc {
    let id_hint = record.id.clone().or_else(|| record.title.clone()).unwrap_or_else(|| "doc".into());
    let title = record.title.unwrap_or_else(|| first_line(&record.text));
    let meta = DocumentMeta {
        title,
        source: record.source.unwrap_or_default(),
        date: record.date.unwrap_or_default(),
        url: record.url.unwrap_or_default(),
        ..DocumentMeta::default()
    };
    NewDoc { id_hint, text: record.text, meta }
}

/// The first non-empty line, trimmed and cut to 200 characters, as a default title.
fn first_line(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
    line.chars().take(200).collect()
}
