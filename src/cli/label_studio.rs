//! `import-annotations --format label-studio`: a Label Studio task file into documents and coders' layers.
//! Planned whole first (every refusal listed with its task and result); then the documents the project
//! lacks are made, and each coder's layers are written in that coder's own session (their lock held).

use super::imports::{AnnotationOptions, label_map_of, say_what_it_looks_like};
use crate::*;
use std::collections::{BTreeMap, HashMap};
use tarmeez::formats::label_studio::{self as ls, CoderNames, ImportOptions, Plan, TaskFile};

/// The options only Label Studio has.
pub(crate) struct LabelStudioOptions {
    /// `--coder USER=CODER`.
    pub(crate) coders: Vec<String>,
    /// `--config`: the labeling config.
    pub(crate) config: Option<PathBuf>,
}

pub(crate) fn import(
    dir: &Path,
    path: &Path,
    options: &AnnotationOptions,
    ls_options: &LabelStudioOptions,
    annotator: Option<&Annotator>,
) -> Result<ExitCode> {
    let shown = path.display();
    let file = match ls::read_tasks(path) {
        Ok(f) => f,
        Err(e) => {
            outln!("{e}");
            say_what_it_looks_like(path, |k| k.annotation_format() == Some(AnnotationFormat::LabelStudio))?;
            outln!("nothing was imported");
            return Ok(ExitCode::FAILURE);
        }
    };
    let names = CoderNames::parse(&ls_options.coders, annotator.cloned()).map_err(anyhow::Error::msg)?;
    let reader = annotator.cloned().unwrap_or_else(tarmeez::default_annotator);
    // With --add-types the schema is changed, and saved before the layers are written.
    let mut project = Project::open(dir, OpenOptions { annotator: reader, read_only: !options.add_types })
        .with_context(|| format!("cannot open {}", dir.display()))?;
    if let tarmeez::store::Access::ReadOnly(why) = project.access().clone()
        && options.add_types
    {
        anyhow::bail!("cannot add types to {}: {why}", dir.display());
    }
    let coders = match ls::coders::coders(&file, &names) {
        Ok(c) => c,
        Err(message) => {
            outln!("{shown}: {message}");
            outln!("nothing was imported");
            return Ok(ExitCode::FAILURE);
        }
    };
    let found = ls::found::found_types_at(path, ls_options.config.as_deref());
    let map = label_map_of(&mut project, options, &found)?;
    let ls_import = ImportOptions { map, partial: options.partial, schema: None };
    let plan = ls::plan(&project, &file, &coders, &ls_import, None);
    for note in &plan.notes {
        outln!("{shown}: note: {note}");
    }
    for r in &plan.refused {
        outln!("{shown}: {r}");
    }
    let coders_written = plan.coders();
    if !plan.refused.is_empty() && (!options.partial || coders_written.is_empty()) {
        let hint = if options.partial || plan.tasks.1 == 0 { "" } else { " (import the valid tasks with --partial)" };
        outln!(
            "{} refusal(s) in {} of {} tasks; nothing was imported{hint}",
            plan.refused.len(),
            plan.tasks.0 - plan.tasks.1,
            plan.tasks.0
        );
        return Ok(ExitCode::FAILURE);
    }
    if coders_written.is_empty() {
        if plan.has_annotations() {
            outln!("{shown}: everything in it is already in the coders' layers");
        } else {
            outln!("{shown}: no annotations to import");
        }
        return Ok(if plan.refused.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE });
    }
    // The types --add-types added, saved before the layers that use them.
    if options.add_types {
        project.save_dirty().context("the types could not be added; nothing was imported")?;
    }
    drop(project);
    write(dir, &file, &plan)?;
    if !plan.refused.is_empty() {
        outln!("{} task(s) with refusals left out, listed above", plan.tasks.0 - plan.tasks.1);
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Makes the documents the project lacks, then writes each coder's layers in a session of their own. Every
/// coder's lock is checked before anything is written.
fn write(dir: &Path, file: &TaskFile, plan: &Plan) -> Result<()> {
    let coders: Vec<Annotator> = plan.coders().into_iter().collect();
    for coder in &coders {
        let p = Project::open(dir, OpenOptions { annotator: coder.clone(), read_only: false })?;
        if let tarmeez::store::Access::ReadOnly(why) = p.access() {
            anyhow::bail!("cannot import into `{coder}`'s layers: {why}; nothing was imported");
        }
    }
    let mut new_ids: HashMap<usize, DocId> = HashMap::new();
    if !plan.targets.new_documents().is_empty() {
        let mut p = Project::open(dir, OpenOptions { annotator: coders[0].clone(), read_only: false })?;
        new_ids = ls::docs::make_documents(&mut p, file, &plan.targets).map_err(anyhow::Error::msg)?;
        let mut made: BTreeMap<usize, &DocId> = BTreeMap::new();
        made.extend(new_ids.iter().map(|(i, d)| (*i, d)));
        for (i, doc) in made {
            outln!("{}: made document `{doc}`", file.tasks[i].0);
        }
    }
    for coder in &coders {
        let mut p = Project::open(dir, OpenOptions { annotator: coder.clone(), read_only: false })?;
        let c = plan.counts(coder);
        if let Some(edit) = plan.edit_for(coder, &new_ids) {
            p.apply_edit(edit).with_context(|| format!("`{coder}`'s layers were not imported"))?;
            p.save_dirty().with_context(|| format!("`{coder}`'s layers could not be saved"))?;
        }
        outln!(
            "{coder}: {} mentions, {} events, {} roles, {} relations into {} documents",
            c.mentions,
            c.events,
            c.arguments,
            c.relations,
            c.documents
        );
    }
    Ok(())
}
