//! `tarmeez curate` (merge the units enough coders agree on into the gold layer) and `tarmeez disagreements`
//! (the diagnosis CSV of every disagreement unit).

use crate::cli::agreement::list;
use crate::*;
use tarmeez::model::{DocId, ProjectEdit};
use tarmeez::store::{Access, OpenOptions};
use tarmeez::workflow::curation::{Curator, UnitFilter, all_units, coders, diagnosis_csv, merge};

/// The coders given with `--coders` (checked against those with a layer), else every coder.
fn chosen_coders(project: &Project, given: Option<&str>) -> Result<Vec<Annotator>> {
    let all = coders(project);
    let Some(chosen) = list("--coders", given.map(str::to_owned).as_ref(), Annotator::parse)? else { return Ok(all) };
    if let Some(coder) = chosen.iter().find(|c| !all.contains(c)) {
        anyhow::bail!("--coders: `{coder}` has coded no document of this project");
    }
    Ok(chosen)
}

/// The documents given with `--docs`, checked.
fn chosen_docs(project: &Project, given: Option<&str>) -> Result<Vec<DocId>> {
    let chosen = list("--docs", given.map(str::to_owned).as_ref(), DocId::parse)?.unwrap_or_default();
    if let Some(id) = chosen.iter().find(|id| project.document(id).is_none()) {
        anyhow::bail!("--docs: the project has no document `{id}`");
    }
    Ok(chosen)
}

/// `tarmeez disagreements`: writes the diagnosis CSV of every disagreement unit to `out` (`-`: standard
/// output).
pub(crate) fn disagreements(dir: &Path, coders: Option<&str>, docs: Option<&str>, out: &Path) -> Result<ExitCode> {
    let project = open_read_only(dir).with_context(|| format!("cannot open {}", dir.display()))?;
    let coders = chosen_coders(&project, coders)?;
    let docs = chosen_docs(&project, docs)?;
    write_diagnosis(&project, &coders, &docs, out)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes the diagnosis CSV of `coders` on `docs` (all when empty) to `out` (`-`: standard output).
pub(crate) fn write_diagnosis(project: &Project, coders: &[Annotator], docs: &[DocId], out: &Path) -> Result<()> {
    let filter = UnitFilter { docs: docs.to_vec(), ..UnitFilter::default() };
    let units = all_units(project, coders, &filter);
    let bytes = diagnosis_csv(&units, coders, |id| {
        project.document(id).and_then(|d| d.loaded()).map(|d| (&*d.text, &d.layers))
    })?;
    if out == Path::new("-") {
        use std::io::Write as _;
        std::io::stdout().lock().write_all(&bytes)?;
    } else {
        tarmeez::store::atomic::write_atomic(out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
        eprintln!("{} disagreement units written to {}", units.len(), out.display());
    }
    Ok(())
}

/// `tarmeez curate --at-least K`: as the curator `curator`, merges into the gold layer every open unit whose
/// version at least K coders share, and saves.
pub(crate) fn curate(dir: &Path, at_least: usize, coders: Option<&str>, curator: Annotator) -> Result<ExitCode> {
    if curator.is_gold() {
        anyhow::bail!("--annotator: `gold` is the curated layer itself; give the curator's own name");
    }
    let mut project = Project::open(dir, OpenOptions { annotator: Annotator::gold(), read_only: false })
        .with_context(|| format!("cannot open {}", dir.display()))?;
    if let Access::ReadOnly(why) = project.access() {
        anyhow::bail!("the gold layer cannot be written now: {why}");
    }
    let coders = chosen_coders(&project, coders)?;
    if at_least == 0 || at_least > coders.len() {
        anyhow::bail!("--at-least must be between 1 and the number of coders ({})", coders.len());
    }
    let who = Curator { name: curator, at: tarmeez::store::now_rfc3339() };
    let (edit, settled) = merge(&project, &coders, at_least, &who);
    if edit != ProjectEdit::Batch(Vec::new()) {
        project.apply_edit(edit)?;
        project.save_all()?;
    }
    outln!("Merged {settled} units that at least {at_least} of {} coders agree on into the gold layer.", coders.len());
    Ok(ExitCode::SUCCESS)
}
