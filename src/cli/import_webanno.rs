//! `import-annotations --format webanno`: WebAnno TSV files into coders' layers, each file's coder named by
//! `--annotator` or by its name (INCEpTION's `<document>/<user>.tsv`), the documents the project lacks
//! created from the files' texts first.

use crate::cli::imports::AnnotationOptions;
use anyhow::{Context, Result};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::ExitCode;
use tarmeez::formats::webanno;
use tarmeez::model::{Annotator, DocId};
use tarmeez::store::{OpenOptions, Project};

/// Opens the project writable for `annotator`, or says why it cannot be written.
fn open_writable(dir: &Path, annotator: Annotator) -> Result<Project> {
    let project = Project::open(dir, OpenOptions { annotator, read_only: false })
        .with_context(|| format!("cannot open {}", dir.display()))?;
    if let tarmeez::store::Access::ReadOnly(why) = project.access() {
        anyhow::bail!("cannot import into {}: {why}", dir.display());
    }
    Ok(project)
}

/// Imports the `.tsv` files at `path`; with `--partial` the valid files are imported and the refused listed.
pub(crate) fn import_webanno(
    dir: &Path,
    path: &Path,
    options: &AnnotationOptions,
    annotator: Option<&Annotator>,
) -> Result<ExitCode> {
    if !path.exists() {
        anyhow::bail!("{} does not exist; nothing was imported", path.display());
    }
    let opener = annotator.cloned().unwrap_or_else(tarmeez::default_annotator);
    let mut project = open_writable(dir, opener)?;
    // --map, and with --add-types the labels the schema lacks added to it (saved before the layers).
    let map = crate::cli::imports::label_map(&mut project, path, options)?;
    let schema = Some(project.config().schema.clone());
    let plan_options = webanno::PlanOptions { annotator: annotator.cloned(), map, replace: options.replace, schema };
    let mut plan = webanno::plan_import(&project, path, &plan_options);
    for note in &plan.notes {
        outln!("note: {note}");
    }
    for refusal in &plan.refused {
        outln!("{refusal}");
    }
    if !plan.refused.is_empty() && (!options.partial || plan.files.is_empty()) {
        let hint =
            if options.partial || plan.files.is_empty() { "" } else { " (import the valid files with --partial)" };
        outln!("{} refusal(s); nothing was imported{hint}", plan.refused.len());
        return Ok(ExitCode::FAILURE);
    }
    if plan.files.is_empty() {
        outln!("no annotations to import");
        return Ok(ExitCode::SUCCESS);
    }
    let docs = create_documents(&mut project, &mut plan)?;
    project.save_dirty().context("the schema's new types could not be saved; nothing was imported")?;
    let coders: BTreeSet<Annotator> = plan.files.iter().map(|f| f.annotator.clone()).collect();
    drop(project);
    for coder in coders {
        let project = open_writable(dir, coder.clone())?;
        import_layers(project, &plan, &docs)?;
    }
    for f in &plan.files {
        let l = &f.layer;
        let doc = match &f.doc {
            Ok(id) => id,
            Err(i) => &docs[*i],
        };
        outln!(
            "{}: {} mention(s), {} event(s), {} role(s), {} relation(s) into `{doc}` for {}",
            f.file.display(),
            l.mentions.len(),
            l.events.len(),
            l.events.values().map(|e| e.arguments.len()).sum::<usize>(),
            l.relations.len() + l.mention_relations.len(),
            f.annotator
        );
    }
    outln!("{} file(s) imported", plan.files.len());
    if !plan.refused.is_empty() {
        outln!("{} refusal(s) in the files left out, listed above", plan.refused.len());
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Creates the documents the plan needs, with the same writer as `import-text`; their ids in plan order.
fn create_documents(project: &mut Project, plan: &mut webanno::ImportPlan) -> Result<Vec<DocId>> {
    let new = std::mem::take(&mut plan.new_documents);
    let mut ids = Vec::new();
    for result in project.add_documents(new).context("nothing was imported")? {
        let id = result.context("a document could not be created; nothing was imported")?;
        outln!("document `{id}` created from the file's text");
        ids.push(id);
    }
    Ok(ids)
}

/// Puts the planned layers of the project's annotator into their documents, and saves them.
fn import_layers(mut project: Project, plan: &webanno::ImportPlan, docs: &[DocId]) -> Result<()> {
    project.load_all();
    let edit = webanno::import_edit(&project, plan, docs);
    project.apply_edit(edit).context("nothing was imported")?;
    project.save_dirty().map(drop).map_err(|e| anyhow::Error::new(e).context("the import could not be saved"))
}
