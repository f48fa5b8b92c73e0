//! Adding a document to a project: its text and metadata written atomically, under an unused id.

use super::{DocContents, DocEntry, DocState, LoadedDoc, Project, now_rfc3339, replace_file, to_ron};
use crate::model::*;
use crate::store::fingerprint::Seen;
use crate::store::{StoreError, paths};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

impl Project {
    /// Adds a document: writes its text, then its metadata (which is what makes it exist), both atomically.
    /// The id is made from `id_hint` (see [`slugify`]), with `-2`, `-3`, ... appended if taken.
    /// `meta.chars` and `meta.text_hash` are filled in from `text`.
    pub fn add_document(&mut self, id_hint: &str, text: String, mut meta: DocumentMeta) -> Result<DocId, StoreError> {
        self.check_writable()?;
        let id = self.unused_id(id_hint);
        let text = DocText::new(text);
        meta.chars = text.len_chars();
        meta.text_hash = text.hash();
        if meta.imported_at.is_empty() {
            meta.imported_at = now_rfc3339();
        }
        let meta_rel = paths::meta(&id);
        let meta_bytes = to_ron(&meta_rel, &meta)?;
        let _lock = self.lock_for_writing()?;
        replace_file(&self.root, &paths::text(&id), Some(text.as_str().as_bytes()), Seen::Absent)?;
        if let Err(e) = replace_file(&self.root, &meta_rel, Some(meta_bytes.as_bytes()), Seen::Absent) {
            // Without its metadata the text is invisible; remove it so that nothing half-written remains.
            let _ = std::fs::remove_file(self.root.join(paths::text(&id)));
            return Err(e);
        }
        self.seen.insert(meta_rel, Seen::of(meta_bytes.as_bytes()));
        let entry = DocEntry {
            summary: Default::default(),
            id: id.clone(),
            meta: Some(meta),
            contents: OnceLock::from(DocContents {
                state: DocState::Loaded(Box::new(LoadedDoc {
                    text: Arc::new(text),
                    layers: BTreeMap::new(),
                    suggestions: BTreeMap::new(),
                    dirty: BTreeSet::new(),
                    seen: BTreeMap::new(),
                })),
                problems: Vec::new(),
                poisoned: Vec::new(),
            }),
        };
        let at = self.docs.partition_point(|d| d.id < id);
        self.docs.insert(at, entry);
        Ok(id)
    }

    fn unused_id(&self, hint: &str) -> DocId {
        let base = slugify(hint);
        let taken = |s: &str| {
            self.index_of(&DocId::from_raw(s)).is_some()
                || self.root.join(paths::meta(&DocId::from_raw(s))).exists()
                || self.root.join(paths::text(&DocId::from_raw(s))).exists()
        };
        if !taken(&base) {
            return DocId::from_raw(&base);
        }
        (2..)
            .map(|n| {
                let suffix = format!("-{n}");
                let keep = base.len().min(MAX_SLUG_LEN - suffix.len());
                format!("{}{suffix}", base[..keep].trim_end_matches(['-', '_']))
            })
            .find(|s| !taken(s))
            .map(|s| DocId::from_raw(&s))
            .unwrap_or_else(|| DocId::from_raw(&base))
    }
}
