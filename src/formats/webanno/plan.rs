//! Importing WebAnno TSV files over files and folders: whose layer each file is (`--annotator`, else the
//! file's name, as INCEpTION's export names `annotation/<document>/<user>.tsv`), which document it is for
//! (the folder's or the file's name, else the document whose text it fits, else a new document made from
//! its text), the layer it becomes, and the edit of one coder's layers.

use super::parse::{TsvFile, parse_tsv};
use super::read::{found_in, to_layer};
use crate::formats::brat::carry_over;
use crate::formats::found_types::FoundTypes;
use crate::formats::text_file::{TextFileError, read_text};
use crate::formats::type_labels::LabelMap;
use crate::model::{Annotator, DocId, DocText, DocumentMeta, Layer, ProjectEdit};
use crate::store::{NewDoc, Project};
use std::path::{Path, PathBuf};

/// How an import reads its files.
#[derive(Clone, Debug, Default)]
pub struct PlanOptions {
    /// The coder whose layer every file goes into; else each file's name (without `.tsv`) names its coder.
    pub annotator: Option<Annotator>,
    /// The user's mapping of labels to schema types.
    pub map: LabelMap,
    /// Replace the coder's annotations of a document (else a document where the coder has some is refused).
    pub replace: bool,
    /// The schema to read against when it is not the project's (the project's with types being added).
    pub schema: Option<crate::model::Schema>,
}

/// One file to import.
#[derive(Clone, Debug)]
pub struct FilePlan {
    /// The file.
    pub file: PathBuf,
    /// The coder whose layer it becomes.
    pub annotator: Annotator,
    /// The document: an existing one, or an index into [`ImportPlan::new_documents`].
    pub doc: Result<DocId, usize>,
    /// The layer (with the ids of what the coder's layer already had, when it repeats it).
    pub layer: Layer,
}

/// What an import would do.
#[derive(Debug, Default)]
pub struct ImportPlan {
    /// The files to import.
    pub files: Vec<FilePlan>,
    /// Documents to create first, from the files' texts.
    pub new_documents: Vec<NewDoc>,
    /// Refusals, each `file:line: message` (or `file: message`); a refused file is not in `files`.
    pub refused: Vec<String>,
    /// Notes on what was passed over (chains, slots without a target).
    pub notes: Vec<String>,
}

/// The `.tsv` files at `path`: the file itself, or those in its folder tree, sorted
/// (see [`crate::formats::text_file::files_with_extension`]).
pub fn tsv_files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    crate::formats::text_file::files_with_extension(path, "tsv")
}

/// A file read and parsed, or why not (`file:line: message`).
fn read_file(file: &Path) -> Result<TsvFile, String> {
    let shown = file.display();
    let content = read_text(file).map_err(|e| match e {
        TextFileError::NotUtf8 { line } => format!("{shown}:{line}: is not UTF-8"),
        unreadable @ TextFileError::Unreadable(_) => format!("{shown}: {unreadable}"),
    })?;
    parse_tsv(&content).map_err(|(line, msg)| format!("{shown}:{line}: {msg}"))
}

/// The labels the files at `path` use, for mapping them onto the schema's types or adding them to it.
pub fn found_types(path: &Path) -> Result<FoundTypes, Vec<String>> {
    let files = tsv_files(path).map_err(|e| vec![format!("{}: cannot be read: {e}", path.display())])?;
    let mut found = FoundTypes::default();
    let mut errors = Vec::new();
    for file in files {
        let parsed = read_file(&file)
            .and_then(|f| found_in(&f).map_err(|(line, msg)| format!("{}:{line}: {msg}", file.display())));
        match parsed {
            Ok(f) => found.merge(&f),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() { Ok(found) } else { Err(errors) }
}

/// Reads the files at `path` (a `.tsv` file or a folder of them) into coders' layers; see the module's
/// documentation for whose layer and which document each file is.
pub fn plan_import(project: &Project, path: &Path, options: &PlanOptions) -> ImportPlan {
    let mut plan = ImportPlan::default();
    let files = match tsv_files(path) {
        Ok(f) => f,
        Err(e) => {
            plan.refused.push(format!("{}: cannot be read: {e}", path.display()));
            return plan;
        }
    };
    if files.is_empty() {
        plan.refused.push(format!("{}: no .tsv file there", path.display()));
    }
    project.load_all();
    for file in files {
        if let Err(why) = plan_file(project, &file, options, &mut plan) {
            plan.refused.push(why);
        }
    }
    plan
}

/// The name of a file or folder without its extension (`al-omar.txt` is `al-omar`).
fn stem(p: &Path) -> Option<String> {
    p.file_stem().and_then(|s| s.to_str()).map(str::to_owned)
}

/// Plans one file, or says why it is refused.
fn plan_file(project: &Project, file: &Path, options: &PlanOptions, plan: &mut ImportPlan) -> Result<(), String> {
    let shown = file.display().to_string();
    let parsed = read_file(file)?;
    let annotator = match &options.annotator {
        Some(a) => a.clone(),
        None => stem(file).and_then(|s| Annotator::parse(&s).ok()).ok_or_else(|| {
            format!("{shown}: its name is not a coder's name (INCEpTION names files <user>.tsv); give --annotator")
        })?,
    };
    let in_layout = options.annotator.is_none() || file.parent().is_some_and(is_document_folder);
    let named = if in_layout { file.parent().and_then(stem) } else { stem(file) };
    let doc = find_document(project, &parsed, named.as_deref()).map_err(|m| format!("{shown}: {m}"))?;
    let text = match &doc {
        Some(id) => {
            project.document(id).and_then(|d| d.text()).cloned().ok_or(format!("{shown}: `{id}` has problems"))?
        }
        None => std::sync::Arc::new(DocText::new(parsed.text.clone())),
    };
    let (layer, notes) =
        to_layer(&parsed, &text, &project.config().schema, project.actors(), &options.map).map_err(|errors| {
            let lines: Vec<String> = errors
                .into_iter()
                .map(|(line, msg)| if line == 0 { format!("{shown}: {msg}") } else { format!("{shown}:{line}: {msg}") })
                .collect();
            lines.join("\n")
        })?;
    plan.notes.extend(notes.into_iter().map(|n| format!("{shown}: {n}")));
    let doc = match doc {
        Some(id) => Ok(id),
        None => Err(new_document(plan, named.unwrap_or_else(|| "document".into()), &parsed.text, file)),
    };
    let layer = match &doc {
        Ok(id) => {
            existing_layer(project, id, &annotator, layer, options.replace).map_err(|m| format!("{shown}: {m}"))?
        }
        Err(_) => layer,
    };
    if let Some(other) = plan.files.iter().find(|f| f.doc == doc && f.annotator == annotator) {
        return Err(format!("{shown}: {annotator}'s layer of this document also comes from {}", other.file.display()));
    }
    plan.files.push(FilePlan { file: file.to_owned(), annotator, doc, layer });
    Ok(())
}

/// Whether a folder is named as INCEpTION names a document's folder in its export: with the document's
/// extension (`al-omar.txt`), or inside `annotation/` or `curation/`.
fn is_document_folder(folder: &Path) -> bool {
    let parent = folder.parent().and_then(|p| p.file_name()).and_then(|n| n.to_str());
    folder.extension().is_some() || matches!(parent, Some("annotation" | "curation"))
}

/// The new document a file's text makes: one already planned with the same text, else a new one.
fn new_document(plan: &mut ImportPlan, id_hint: String, text: &str, file: &Path) -> usize {
    if let Some(i) = plan.new_documents.iter().position(|d| d.text == text) {
        return i;
    }
    let meta = DocumentMeta {
        title: crate::formats::plain_text::first_line(text),
        source: file.display().to_string(),
        ..DocumentMeta::default()
    };
    plan.new_documents.push(NewDoc { id_hint, text: text.to_owned(), meta });
    plan.new_documents.len() - 1
}

/// The document a file is for: the one `named` (its folder's or its own name) when its text fits the file,
/// else any document whose text fits it, else none (a new one is made).
fn find_document(project: &Project, file: &TsvFile, named: Option<&str>) -> Result<Option<DocId>, String> {
    if let Some(id) = named.and_then(|n| DocId::parse(n).ok()).filter(|id| project.document(id).is_some()) {
        let text = project.document(&id).and_then(|d| d.text()).ok_or(format!("document `{id}` has problems"))?;
        return fits(text, file).map(|()| Some(id.clone())).map_err(|(line, why)| {
            format!("line {line}: {why}, so the file is not of document `{id}` (whose name it has)")
        });
    }
    let found = project.documents().iter().find(|d| d.text().is_some_and(|t| fits(t, file).is_ok()));
    Ok(found.map(|d| d.id.clone()))
}

/// Whether every token of the file is the document's text at its offsets (the text between sentences may
/// differ: the format does not hold it).
fn fits(text: &DocText, file: &TsvFile) -> Result<(), (usize, String)> {
    let rebuilt = DocText::new(file.text.clone());
    for u in &file.units {
        let span = crate::model::Span::new(u.start, u.end);
        let (ours, theirs) = (text.slice(span), rebuilt.slice(span));
        if ours != theirs {
            let ours = ours.unwrap_or("past its end");
            return Err((u.line, format!("the document's text at {span} is `{ours}`, not `{}`", theirs.unwrap_or(""))));
        }
    }
    Ok(())
}

/// The layer to write for `annotator` in an existing document: refused when they have annotations there
/// and `replace` is not given; else with the ids of what it repeats.
fn existing_layer(
    project: &Project,
    id: &DocId,
    annotator: &Annotator,
    layer: Layer,
    replace: bool,
) -> Result<Layer, String> {
    let old = project.document(id).and_then(|d| d.loaded()).and_then(|d| d.layers.get(annotator));
    match old {
        Some(old) if !old.is_empty() && !replace => {
            Err(format!("{annotator} already has annotations in `{id}`; give --replace to replace them"))
        }
        Some(old) => Ok(carry_over(old, layer)),
        None => Ok(layer),
    }
}

/// The edit that puts the planned layers of `project`'s annotator into documents that exist (replacing
/// what that coder had there; their status is kept).
pub fn import_edit(project: &Project, plan: &ImportPlan, docs: &[DocId]) -> ProjectEdit {
    let layers = plan
        .files
        .iter()
        .filter(|f| &f.annotator == project.annotator())
        .filter_map(|f| {
            let id = match &f.doc {
                Ok(id) => id.clone(),
                Err(i) => docs.get(*i)?.clone(),
            };
            Some((id, f.file.clone(), f.layer.clone()))
        })
        .collect();
    crate::formats::brat::import_edit(project, &crate::formats::brat::ImportPlan { layers, ..Default::default() })
}

/// An import into the open project's annotator's layers of documents that exist, as the window makes it:
/// the edit and a line per file, or every refusal (a file of a document the project lacks among them:
/// documents are created from the command line).
pub fn plan_for_session(
    project: &Project,
    path: &Path,
    replace: bool,
    (map, schema): (LabelMap, Option<crate::model::Schema>),
) -> Result<(ProjectEdit, Vec<String>), Vec<String>> {
    let options = PlanOptions { annotator: Some(project.annotator().clone()), replace, map, schema };
    let mut plan = plan_import(project, path, &options);
    for f in &plan.files {
        if f.doc.is_err() {
            plan.refused.push(format!(
                "{}: no document of the project has its text; `tarmeez import-annotations --format webanno` creates it",
                f.file.display()
            ));
        }
    }
    if !plan.refused.is_empty() {
        return Err(plan.refused);
    }
    if plan.files.is_empty() {
        return Err(vec!["There are no annotations to import.".into()]);
    }
    let mut lines: Vec<String> = plan.notes.iter().map(|n| format!("Note: {n}")).collect();
    for f in &plan.files {
        let l = &f.layer;
        let relations = l.relations.len() + l.mention_relations.len();
        let doc = f.doc.as_ref().map(ToString::to_string).unwrap_or_default();
        let name = f.file.file_name().map_or_else(|| f.file.display().to_string(), |n| n.to_string_lossy().into());
        lines.push(format!(
            "{name}: {} mentions, {} events, {relations} relations into {doc}",
            l.mentions.len(),
            l.events.len()
        ));
    }
    Ok((import_edit(project, &plan, &[]), lines))
}
