//! Format 1 to 2: review decisions move from the shared suggestion files into each coder's own layer.
//!
//! Format 1 kept `status` and `review: (by, at, created)` on each suggestion, so a coder's review rewrote a
//! file every coder reads (DESIGN.md section 11). Format 2 keeps suggestion files as read-only input and each
//! decision in the layer of the coder who made it (`Layer::reviews`).
//!
//! The migration runs when a project of format 1 is opened, under the shared write lock and the locks of
//! every coder whose layer it changes (so it never writes under an open window), in an order that a crash
//! cannot spoil: first every layer gains its decisions (a decision already there is kept, so running it again
//! changes nothing), then the suggestion files lose theirs, and last `project.ron` says format 2. Until that
//! last write the project is still format 1 and the next open runs the migration again.

use super::{config_ron, to_ron, write_file};
use crate::model::{
    Annotator, CreatedAnnotation, Decision, Layer, ReviewStatus, SourceInfo, SourceName, Span, SuggestedLabel,
    Suggestion, SuggestionId, SuggestionSet,
};
use crate::store::config::{self, ProjectConfig};
use crate::store::lock::{AnnotatorLock, SharedFilesLock};
use crate::store::problem::Problem;
use crate::store::{StoreError, paths, ron_io};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A format-1 suggestion file: suggestions with their review.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OldSet {
    source: SourceInfo,
    #[serde(default, deserialize_with = "crate::model::unique_keys")]
    suggestions: BTreeMap<SuggestionId, OldSuggestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OldSuggestion {
    span: Span,
    label: SuggestedLabel,
    #[serde(default)]
    score: Option<f64>,
    #[serde(default)]
    status: ReviewStatus,
    #[serde(default)]
    review: Option<OldReview>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OldReview {
    by: Annotator,
    at: String,
    #[serde(default)]
    created: Option<CreatedAnnotation>,
}

/// The coder a format-1 decision without a `review` is given to: none of the coders, so nothing is lost and
/// nobody's work is claimed for them.
const UNATTRIBUTED: &str = "unattributed";

/// One suggestion file's migration: its new text and the decisions it held, by coder.
struct Moved {
    rel: PathBuf,
    set: SuggestionSet,
    decisions: BTreeMap<Annotator, Vec<(SourceName, SuggestionId, Decision)>>,
}

/// Migrates the project at `root` to the current format if `project.ron` says format 1; does nothing
/// otherwise (a newer or broken `project.ron` is reported by the open that follows).
pub(super) fn migrate_if_old(root: &Path) -> Result<(), StoreError> {
    let rel = paths::config();
    let Ok((source, _)) = ron_io::read_text_seen(root, &rel) else { return Ok(()) };
    if config::format_version(&rel, &source) != Some(1) {
        return Ok(());
    }
    let invalid = |p: Problem| StoreError::Invalid(vec![p]);
    let _shared = SharedFilesLock::acquire(root, SharedFilesLock::PATIENCE)?;
    let moved = read_suggestion_files(root).map_err(invalid)?;
    let mut by_coder: BTreeMap<Annotator, Vec<(PathBuf, SourceName, SuggestionId, Decision)>> = BTreeMap::new();
    for m in &moved {
        for (coder, ds) in &m.decisions {
            let doc_dir = m.rel.parent().and_then(Path::file_name).map(PathBuf::from).unwrap_or_default();
            for (src, id, d) in ds {
                by_coder.entry(coder.clone()).or_default().push((doc_dir.clone(), src.clone(), *id, d.clone()));
            }
        }
    }
    // Hold each coder's lock while their layers change: nobody may have the project open as them.
    let mut locks = Vec::new();
    for coder in by_coder.keys() {
        locks.push(AnnotatorLock::acquire(root, coder)?);
    }
    for (coder, decisions) in &by_coder {
        add_decisions(root, coder, decisions)?;
    }
    for m in &moved {
        write_file(root, &m.rel, to_ron(&m.rel, &m.set)?.as_bytes())?;
    }
    let mut config: ProjectConfig = ron_io::parse(&rel, &source).map_err(invalid)?;
    config.format_version = config::FORMAT_VERSION;
    write_file(root, &rel, config_ron(&config)?.as_bytes())
}

/// Every `suggestions/<doc>/<source>.ron`, read as format 1.
fn read_suggestion_files(root: &Path) -> Result<Vec<Moved>, Problem> {
    let mut out = Vec::new();
    let dir = root.join("suggestions");
    let Ok(docs) = std::fs::read_dir(&dir) else { return Ok(out) };
    let mut files = Vec::new();
    for doc in docs.flatten().filter(|d| d.path().is_dir()) {
        for file in std::fs::read_dir(doc.path()).into_iter().flatten().flatten() {
            let name = file.file_name().to_string_lossy().into_owned();
            if let Some(stem) = name.strip_suffix(".ron")
                && let Ok(source) = SourceName::parse(stem)
            {
                files.push((Path::new("suggestions").join(doc.file_name()).join(&name), source));
            }
        }
    }
    files.sort();
    for (rel, source) in files {
        let (old, _, _) = ron_io::read::<OldSet>(root, &rel)?;
        out.push(moved(rel, &source, old));
    }
    Ok(out)
}

/// Splits a format-1 set into the format-2 set and its decisions.
fn moved(rel: PathBuf, source: &SourceName, old: OldSet) -> Moved {
    let mut set = SuggestionSet { source: old.source, suggestions: BTreeMap::new() };
    let mut decisions: BTreeMap<Annotator, Vec<_>> = BTreeMap::new();
    for (id, s) in old.suggestions {
        set.suggestions.insert(id, Suggestion::new(s.span, s.label, s.score));
        if s.status == ReviewStatus::Pending {
            continue;
        }
        let (coder, at, created) = match s.review {
            Some(r) => (r.by, r.at, r.created),
            None => (Annotator::parse(UNATTRIBUTED).expect("a valid name"), String::new(), None),
        };
        decisions.entry(coder).or_default().push((source.clone(), id, Decision { status: s.status, at, created }));
    }
    Moved { rel, set, decisions }
}

/// Adds `coder`'s decisions to their layers (one per document folder), keeping any decision already there.
fn add_decisions(
    root: &Path,
    coder: &Annotator,
    decisions: &[(PathBuf, SourceName, SuggestionId, Decision)],
) -> Result<(), StoreError> {
    let mut by_doc: BTreeMap<&PathBuf, Vec<_>> = BTreeMap::new();
    for (doc, src, id, d) in decisions {
        by_doc.entry(doc).or_default().push((src, *id, d));
    }
    for (doc, ds) in by_doc {
        let rel = Path::new("annotations").join(doc).join(format!("{coder}.ron"));
        let mut layer: Layer = if root.join(&rel).exists() {
            ron_io::read::<Layer>(root, &rel).map_err(|p| StoreError::Invalid(vec![p]))?.0
        } else {
            Layer::default()
        };
        let before = layer.clone();
        for (src, id, d) in ds {
            if layer.decision(src, id).is_none() {
                layer.put_decision(src, id, Some(d.clone()));
            }
        }
        if layer != before {
            if let Some(dir) = rel.parent() {
                crate::store::atomic::create_dir_durable(&root.join(dir))
                    .map_err(|error| StoreError::Create { path: dir.to_owned(), error })?;
            }
            write_file(root, &rel, to_ron(&rel, &layer)?.as_bytes())?;
        }
    }
    Ok(())
}
