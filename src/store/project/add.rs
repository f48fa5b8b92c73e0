//! Adding documents to a project: each one's text and metadata written atomically, under an unused id, many
//! documents at a time in one group commit (`store::batch`).

use super::{DocContents, DocEntry, DocState, LoadedDoc, Project, now_rfc3339, to_ron};
use crate::model::*;
use crate::store::batch::{Batch, Stage, UnitReport};
use crate::store::fingerprint::Seen;
use crate::store::{StoreError, paths};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::ControlFlow;
use std::sync::{Arc, OnceLock};

/// A document to add with [`Project::add_documents`].
#[derive(Clone, Debug, Default)]
pub struct NewDoc {
    /// What its id is made from (see [`slugify`]); `-2`, `-3`, ... is appended if the id is taken.
    pub id_hint: String,
    /// Its text, kept exactly as given.
    pub text: String,
    /// Its metadata; `chars` and `text_hash` are filled in from the text, `imported_at` when empty.
    pub meta: DocumentMeta,
}

/// A document ready to write: its id, text and metadata, and what its metadata file will hold.
struct Prepared {
    id: DocId,
    text: DocText,
    meta: DocumentMeta,
    meta_seen: Seen,
}

impl Project {
    /// Adds a document: writes its text, then its metadata (which is what makes it exist), both atomically.
    /// The id is made from `id_hint` (see [`slugify`]), with `-2`, `-3`, ... appended if taken.
    /// `meta.chars` and `meta.text_hash` are filled in from `text`.
    pub fn add_document(&mut self, id_hint: &str, text: String, meta: DocumentMeta) -> Result<DocId, StoreError> {
        let doc = NewDoc { id_hint: id_hint.to_owned(), text, meta };
        let mut results = self.add_documents(vec![doc])?;
        results.pop().unwrap_or_else(|| Err(StoreError::Rejected("the document was not added".into())))
    }

    /// Adds several documents at once, as [`Project::add_document`] adds one, with a few waits for the disk
    /// in all: every text is made durable before any metadata is written, so a crash leaves whole documents
    /// and at worst texts without metadata (which are not documents yet), never metadata without its text.
    ///
    /// Returns one result per document, in order: its id, or why it could not be written (the others are
    /// written all the same). Fails as a whole, writing nothing, only when the project is read-only or its
    /// lock for writing cannot be had. The ids are chosen and the files written under that lock, and a file
    /// that another writer created under a chosen name meanwhile is never replaced.
    pub fn add_documents(&mut self, docs: Vec<NewDoc>) -> Result<Vec<Result<DocId, StoreError>>, StoreError> {
        self.add_documents_with(docs, &mut |_| Ok(()), &mut |_| ControlFlow::Continue(()))
    }

    /// [`Project::add_documents`] with the batch's hooks (see [`Batch::write_stages`]): tests make a rename
    /// fail with `check`, or simulate a crash between the steps of the write with `stage`.
    pub(crate) fn add_documents_with(
        &mut self,
        docs: Vec<NewDoc>,
        check: &mut dyn FnMut(&std::path::Path) -> std::io::Result<()>,
        stage: &mut dyn FnMut(Stage) -> ControlFlow<()>,
    ) -> Result<Vec<Result<DocId, StoreError>>, StoreError> {
        self.check_writable()?;
        let _lock = self.lock_for_writing()?;
        // Like every write of the project, never through a folder that is a link (see `store::inside`); the
        // texts are created in place, so this is checked before anything is written.
        crate::store::inside::check(&self.root, &paths::documents_dir().join("any"))?;
        let mut ids = IdReservation { on_disk: self.document_files(), ..IdReservation::default() };
        let chosen: Vec<(DocId, NewDoc)> =
            docs.into_iter().map(|doc| (self.unused_id(&doc.id_hint, &mut ids), doc)).collect();
        let mut results: Vec<Result<Prepared, StoreError>> = Vec::with_capacity(chosen.len());
        let mut batch = Batch::new();
        for prepared in prepare_all(chosen) {
            let prepared = prepared.map(|(prepared, meta_bytes)| {
                let text = (self.root.join(paths::text(&prepared.id)), prepared.text.as_str().as_bytes().to_vec());
                // New files, the metadata last: a file someone else created under a chosen name meanwhile is
                // never replaced, and the text alone is not a document.
                batch.add_new_unit(vec![text, (self.root.join(paths::meta(&prepared.id)), meta_bytes.into_bytes())]);
                prepared
            });
            results.push(prepared);
        }
        let root = self.root.clone();
        let mut check_inside = |target: &std::path::Path| {
            check(target)?;
            // Checked again before each metadata file makes its document exist.
            match target.strip_prefix(&root) {
                Ok(rel) => crate::store::inside::check(&root, rel).map_err(std::io::Error::other),
                Err(_) => Ok(()),
            }
        };
        // A simulated crash stops everything where it is, as a real one would: nothing is cleaned up.
        let mut crashed = false;
        let mut stage = |s| {
            let flow = stage(s);
            crashed |= flow.is_break();
            flow
        };
        let mut units = batch.write_stages(&mut check_inside, &mut stage).units.into_iter();
        let mut added = Vec::new();
        let results = results
            .into_iter()
            .map(|prepared| {
                let prepared = prepared?;
                let unit = units.next().unwrap_or_default();
                self.written(&prepared.id, unit, !crashed)?;
                let id = prepared.id.clone();
                self.seen.insert(paths::meta(&id), prepared.meta_seen);
                added.push(entry(prepared));
                Ok(id)
            })
            .collect();
        self.docs.extend(added);
        // Each batch's ids are mostly in order: a stable sort merges them into the list in about linear time.
        self.docs.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(results)
    }

    /// What writing one document's files did: `Ok` when both are written; else the error, with the text
    /// removed (when `clean_up`) if only it was written, so that nothing half-written remains.
    fn written(&self, id: &DocId, unit: UnitReport, clean_up: bool) -> Result<(), StoreError> {
        let Some((path, source)) = unit.failed else { return Ok(()) };
        for path in unit.written.iter().filter(|_| clean_up) {
            let _ = std::fs::remove_file(path);
        }
        let rel = path.strip_prefix(&self.root).map_or_else(|_| paths::text(id), std::path::Path::to_path_buf);
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            return Err(StoreError::ChangedOnDisk(rel));
        }
        Err(StoreError::Write { path: rel, source })
    }

    /// The names of the texts and metadata files in `documents/`, read once (for thousands of documents
    /// this is much cheaper than looking for each name).
    fn document_files(&self) -> HashSet<String> {
        let Ok(entries) = std::fs::read_dir(self.root.join(paths::documents_dir())) else { return HashSet::new() };
        entries
            .filter_map(|e| {
                let name = e.ok()?.file_name().into_string().ok()?;
                let stem = name.strip_suffix(".txt").or_else(|| name.strip_suffix(".ron"))?;
                Some(stem.to_owned())
            })
            .collect()
    }

    /// An id made from `hint` that no document of the project, no file in `documents/` and no id reserved
    /// before in `ids` has; it is reserved in `ids`.
    fn unused_id(&self, hint: &str, ids: &mut IdReservation) -> DocId {
        let base = slugify(hint);
        let taken = |s: &str, ids: &IdReservation| {
            ids.reserved.contains(s) || ids.on_disk.contains(s) || self.index_of(&DocId::from_raw(s)).is_some()
        };
        let id = if taken(&base, ids) {
            // Numbers below the last one given for this base are known taken: many records with the same hint
            // (a file without ids or titles) would otherwise try every number from 2 each time.
            let first = ids.next_suffix.get(&base).copied().unwrap_or(2);
            let with_suffix = |n: usize| {
                let suffix = format!("-{n}");
                let keep = base.len().min(MAX_SLUG_LEN - suffix.len());
                format!("{}{suffix}", base[..keep].trim_end_matches(['-', '_']))
            };
            let n = (first..).find(|&n| !taken(&with_suffix(n), ids)).unwrap_or(first);
            ids.next_suffix.insert(base.clone(), n + 1);
            with_suffix(n)
        } else {
            base
        };
        ids.reserved.insert(id.clone());
        DocId::from_raw(&id)
    }
}

/// The ids given out by one [`Project::add_documents`], before its documents are in the project's list.
#[derive(Default)]
struct IdReservation {
    reserved: HashSet<String>,
    /// The names (without `.txt` or `.ron`) of the files in `documents/`, which are not documents of the
    /// list when they are half-written or were added by someone else since the project was opened.
    on_disk: HashSet<String>,
    /// For each base id, the first number to try next.
    next_suffix: HashMap<String, usize>,
}

/// [`prepare`] for each document, in order; on two threads when the machine has two cores or more (the
/// text's index and hash and the metadata's RON are a sixth of an import's time, the rest is one thread
/// creating files, which another thread could not speed up: a folder takes one new entry at a time).
fn prepare_all(docs: Vec<(DocId, NewDoc)>) -> Vec<Result<(Prepared, String), StoreError>> {
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    if !two_cores || docs.len() < 2 * PREPARED_ALONE {
        return docs.into_iter().map(|(id, doc)| prepare(id, doc)).collect();
    }
    let mut first = docs;
    let second = first.split_off(first.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| second.into_iter().map(|(id, doc)| prepare(id, doc)).collect::<Vec<_>>());
        let mut all: Vec<_> = first.into_iter().map(|(id, doc)| prepare(id, doc)).collect();
        all.extend(other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        all
    })
}

/// Below twice this many documents, a second thread costs more than it saves.
const PREPARED_ALONE: usize = 32;

/// The document's text and metadata with what is computed from the text filled in, and the metadata's file.
fn prepare(id: DocId, doc: NewDoc) -> Result<(Prepared, String), StoreError> {
    let NewDoc { text, mut meta, .. } = doc;
    let text = DocText::new(text);
    meta.chars = text.len_chars();
    meta.text_hash = text.hash();
    if meta.imported_at.is_empty() {
        meta.imported_at = now_rfc3339();
    }
    let meta_bytes = to_ron(&paths::meta(&id), &meta)?;
    let meta_seen = Seen::of(meta_bytes.as_bytes());
    Ok((Prepared { id, text, meta, meta_seen }, meta_bytes))
}

/// The project list's entry of a document just written, loaded (it has no layers yet).
fn entry(doc: Prepared) -> DocEntry {
    DocEntry {
        summary: Default::default(),
        id: doc.id,
        meta: Some(doc.meta),
        contents: OnceLock::from(DocContents {
            state: DocState::Loaded(Box::new(LoadedDoc {
                text: Arc::new(doc.text),
                layers: BTreeMap::new(),
                suggestions: BTreeMap::new(),
                dirty: BTreeSet::new(),
                seen: BTreeMap::new(),
            })),
            problems: Vec::new(),
            poisoned: Vec::new(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::OpenOptions;

    fn project() -> (tempfile::TempDir, Project) {
        let tmp = tempfile::tempdir().unwrap();
        let annotator = Annotator::parse("a").unwrap();
        let p = Project::create(tmp.path().join("p"), "t", default_conflict_schema(), annotator).unwrap();
        (tmp, p)
    }

    fn new_docs(n: usize, hint: &str) -> Vec<NewDoc> {
        (0..n)
            .map(|i| NewDoc { id_hint: hint.into(), text: format!("خبر رقم {i}"), meta: DocumentMeta::default() })
            .collect()
    }

    fn files(p: &Project, ext: &str) -> BTreeSet<String> {
        std::fs::read_dir(p.root().join("documents"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(ext))
            .collect()
    }

    #[test]
    fn documents_added_together_get_distinct_ids_and_reopen_whole() {
        let (_tmp, mut p) = project();
        p.add_document("doc", "الأول".into(), DocumentMeta::default()).unwrap();
        let ids: Vec<DocId> = p.add_documents(new_docs(300, "doc")).unwrap().into_iter().map(Result::unwrap).collect();
        assert_eq!(ids[0].as_str(), "doc-2");
        assert_eq!(ids[299].as_str(), "doc-301");
        assert_eq!(p.documents().len(), 301);
        assert!(p.documents().windows(2).all(|w| w[0].id < w[1].id), "the list stays sorted");
        let root = p.root().to_owned();
        drop(p);
        let p =
            Project::open(&root, OpenOptions { annotator: Annotator::parse("a").unwrap(), read_only: true }).unwrap();
        p.load_all();
        assert_eq!(p.documents().len(), 301);
        assert_eq!(p.problems().count(), 0, "{:?}", p.problems().collect::<Vec<_>>());
        assert_eq!(p.document(&ids[7]).unwrap().text().unwrap().as_str(), "خبر رقم 7");
        assert!(files(&p, ".tmp").is_empty());
    }

    #[test]
    fn a_crash_between_the_steps_leaves_texts_without_metadata_never_metadata_without_text() {
        // After every text is durable; then in the middle of the metadata's renames.
        for (crash, whole) in [(Stage::TempsDurable, 0), (Stage::Renamed(0, 5), 5)] {
            let (_tmp, mut p) = project();
            p.add_document("before", "نص سابق".into(), DocumentMeta::default()).unwrap();
            let results = p
                .add_documents_with(new_docs(20, "doc"), &mut |_| Ok(()), &mut |s| {
                    if s == crash { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
                })
                .unwrap();
            assert!(results.iter().all(Result::is_err), "{crash:?}: an interrupted write adds nothing");
            let (texts, metas) = (files(&p, ".txt"), files(&p, ".ron"));
            let stem = |n: &String| n.rsplit_once('.').unwrap().0.to_owned();
            assert!(metas.iter().all(|m| texts.contains(&format!("{}.txt", stem(m)))), "{crash:?}: {metas:?}");
            assert_eq!(metas.len(), 1 + whole, "{crash:?}");
            assert_eq!(texts.len(), 21, "{crash:?}: every text was written");
            let root = p.root().to_owned();
            drop(p);
            let options = OpenOptions { annotator: Annotator::parse("a").unwrap(), read_only: true };
            let p = Project::open(&root, options).unwrap();
            p.load_all();
            let ids: Vec<&str> = p.documents().iter().map(|d| d.id.as_str()).collect();
            let mut expected = vec!["before".to_owned()];
            expected.extend((1..=whole).map(|i| if i == 1 { "doc".to_owned() } else { format!("doc-{i}") }));
            expected.sort();
            assert_eq!(ids, expected, "{crash:?}: the documents with metadata are whole, the others do not exist");
            for d in p.documents() {
                assert!(d.loaded().is_some(), "{crash:?}: {} loads: {:?}", d.id, d.problems());
            }
        }
    }

    #[test]
    fn a_file_another_writer_creates_meanwhile_under_a_chosen_name_is_kept() {
        let (_tmp, mut p) = project();
        let theirs = p.root().join("documents/doc-2.ron");
        // Someone else (a `git pull`) writes a metadata file just before this one's turn comes.
        let mut check = |target: &std::path::Path| {
            if target == theirs {
                std::fs::write(target, b"theirs").unwrap();
            }
            Ok(())
        };
        let results = p.add_documents_with(new_docs(3, "doc"), &mut check, &mut |_| ControlFlow::Continue(())).unwrap();
        assert!(
            matches!(&results[1], Err(StoreError::ChangedOnDisk(rel)) if rel.ends_with("doc-2.ron")),
            "{results:?}"
        );
        assert!(results[0].is_ok() && results[2].is_ok(), "{results:?}");
        assert_eq!(std::fs::read(&theirs).unwrap(), b"theirs");
        assert!(!p.root().join("documents/doc-2.txt").exists(), "this writer's half of it is removed");
        assert_eq!(p.documents().len(), 2);
    }

    #[test]
    fn a_document_that_cannot_be_written_is_reported_and_the_others_are_added() {
        let (_tmp, mut p) = project();
        let mut docs = new_docs(3, "doc");
        docs[1].id_hint = "blocked".into();
        // The rename of one document's metadata fails (as on a full disk); its text is already in place.
        let blocked = p.root().join("documents/blocked.ron");
        let mut check = |target: &std::path::Path| {
            if target == blocked { Err(std::io::Error::other("no space left")) } else { Ok(()) }
        };
        let results = p.add_documents_with(docs, &mut check, &mut |_| ControlFlow::Continue(())).unwrap();
        assert!(results[0].is_ok() && results[2].is_ok(), "{results:?}");
        assert!(results[1].is_err(), "{results:?}");
        assert_eq!(p.documents().len(), 2);
        assert!(!files(&p, ".txt").iter().any(|n| n.starts_with("blocked")), "the failed document's text is removed");
        assert!(files(&p, ".tmp").is_empty());
        let message = results[1].as_ref().unwrap_err().to_string();
        assert!(message.contains("documents/blocked.ron") && message.contains("no space left"), "{message}");
    }
}
