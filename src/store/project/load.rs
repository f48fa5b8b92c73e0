//! Loading a document's text, layers and suggestions, validating them and recording their problems.
//!
//! Loading fills a per-document cache through `&Project`, so readers (exports, search, statistics, the
//! UI's windows) need no `&mut`. A document is read at most once; a broken one keeps its problems.

use super::{DocContents, DocEntry, DocState, LoadedDoc, Project};
use crate::model::*;
use crate::store::problem::{Problem, ProblemKind};
use crate::store::{StoreError, paths, ron_io};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

impl Project {
    /// Loads a document's text, layers and suggestions (once), validating them.
    ///
    /// A document with problems is flagged (its problems are recorded, its files are never overwritten)
    /// and this returns [`StoreError::BrokenDocument`]; the rest of the project is unaffected.
    pub fn load_document(&self, id: &DocId) -> Result<&LoadedDoc, StoreError> {
        let entry = self.document(id).ok_or_else(|| StoreError::NoDocument(id.clone()))?;
        let contents =
            entry.contents.get_or_init(|| load_contents(&self.root, entry, &self.config.schema, &self.actors));
        match &contents.state {
            DocState::Loaded(d) => Ok(d),
            DocState::Broken(_) => Err(StoreError::BrokenDocument(id.clone())),
        }
    }

    /// Loads every document (for validation and statistics). Broken ones are flagged, not fatal.
    pub fn load_all(&self) {
        for doc in &self.docs {
            let _ = self.load_document(&doc.id);
        }
    }
}

/// Lists the `.ron` files of `dir` as `(id, relative path)`, reporting file names that are not valid ids.
fn list_ron<T>(
    root: &Path,
    dir: &Path,
    parse: impl Fn(&str) -> Result<T, BadSlug>,
    problems: &mut Vec<Problem>,
) -> Vec<(T, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(root.join(dir)) else { return Vec::new() };
    let mut names: Vec<String> = entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let Some(stem) = name.strip_suffix(".ron") else { continue };
        match parse(stem) {
            Ok(id) => out.push((id, dir.join(&name))),
            Err(e) => problems.push(Problem::in_file(
                dir.join(&name),
                ProblemKind::BadFileName,
                format!("{e}; the file is ignored"),
            )),
        }
    }
    out
}

/// Reads and validates everything of one document: its new state, its problems and the files that failed
/// to parse.
fn load_contents(root: &Path, entry: &DocEntry, schema: &Schema, actors: &ActorRegistry) -> DocContents {
    let mut problems = Vec::new();
    let mut poisoned = Vec::new();
    let broken = |problems, poisoned| DocContents { state: DocState::Broken(None), problems, poisoned };
    // Documents without metadata are marked broken when the list is read; this is only a safeguard.
    let Some(meta) = &entry.meta else { return broken(entry.problems().to_vec(), poisoned) };
    let text_rel = paths::text(&entry.id);
    let text = match ron_io::read_text(root, &text_rel) {
        Ok(t) => Arc::new(DocText::new(t)),
        Err(mut p) => {
            if p.kind == ProblemKind::Io && !root.join(&text_rel).exists() {
                p = Problem::in_file(&text_rel, ProblemKind::MissingText, "the document's text file is missing");
            }
            problems.push(p);
            return broken(problems, poisoned);
        }
    };
    if text.hash() != meta.text_hash {
        problems.push(Problem::in_file(
            &text_rel,
            ProblemKind::TextHashChanged,
            format!(
                "the text was changed after import (its hash no longer matches {}): annotation offsets may now point at the wrong words",
                paths::meta(&entry.id).display()
            ),
        ));
    }
    let mut layers = BTreeMap::new();
    let mut seen = BTreeMap::new();
    for (annotator, rel) in list_ron(root, &paths::layers_dir(&entry.id), Annotator::parse, &mut problems) {
        match ron_io::read::<Layer>(root, &rel) {
            Ok((layer, source, fingerprint)) => {
                seen.insert(rel.clone(), fingerprint);
                let findings = validate_layer(&layer, schema, &text, actors);
                problems.extend(findings.into_iter().map(|f| Problem::from_finding(&rel, &source, f)));
                layers.insert(annotator, layer);
            }
            Err(p) => {
                problems.push(p);
                poisoned.push(rel);
            }
        }
    }
    let mut suggestions = BTreeMap::new();
    for (source_name, rel) in list_ron(root, &paths::suggestions_dir(&entry.id), SourceName::parse, &mut problems) {
        match ron_io::read::<SuggestionSet>(root, &rel) {
            Ok((set, source, fingerprint)) => {
                seen.insert(rel.clone(), fingerprint);
                let findings = validate_suggestions(&set, schema, &text);
                problems.extend(findings.into_iter().map(|f| Problem::from_finding(&rel, &source, f)));
                suggestions.insert(source_name, set);
            }
            Err(p) => {
                problems.push(p);
                poisoned.push(rel);
            }
        }
    }
    let state = if problems.is_empty() {
        DocState::Loaded(Box::new(LoadedDoc { text, layers, suggestions, dirty: BTreeSet::new(), seen }))
    } else {
        DocState::Broken(Some(text))
    };
    DocContents { state, problems, poisoned }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::OpenOptions;

    /// Readers on several threads share one project: the document is read once and every reader sees it.
    #[test]
    fn a_document_loads_once_through_a_shared_project() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/al-omar-oilfield");
        let options = OpenOptions { annotator: Annotator::parse("reader").unwrap(), read_only: true };
        let project = Project::open(root, options).unwrap();
        let id = project.documents()[0].id.clone();
        assert!(project.documents()[0].loaded().is_none(), "opening reads metadata only");
        let loaded: Vec<usize> = std::thread::scope(|s| {
            let handles: Vec<_> =
                (0..4).map(|_| s.spawn(|| std::ptr::from_ref(project.load_document(&id).unwrap()) as usize)).collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(loaded.windows(2).all(|w| w[0] == w[1]), "one load, shared: {loaded:?}");
        assert!(project.document(&id).unwrap().loaded().is_some_and(|d| !d.layers.is_empty()));
        assert_eq!(project.problems().count(), 0);
    }
}
