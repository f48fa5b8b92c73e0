//! `tarmeez assign`: draws coders for the documents not yet assigned and writes `assignments.ron`.

use crate::*;
use tarmeez::model::{AssignOptions, Assignments, Draw, assign};
use tarmeez::store::{AssignmentsFile, SharedFilesLock};
use tarmeez::workflow::assignments::parse_coders;

/// What `assign` was asked for on the command line, unchecked.
pub(crate) struct AssignArgs {
    pub(crate) coders: String,
    pub(crate) per_doc: usize,
    pub(crate) overlap: Option<String>,
    pub(crate) seed: u64,
}

/// Checks the request, draws, writes the file (nothing when anything is refused) and prints a summary.
pub(crate) fn assign_documents(dir: &Path, args: &AssignArgs) -> Result<ExitCode> {
    let coders = parse_coders(&args.coders)?;
    let overlap = args.overlap.as_deref().map(parse_share).transpose()?;
    let options = AssignOptions { coders, per_doc: args.per_doc, overlap, seed: args.seed };
    let project = open_read_only(dir).with_context(|| format!("cannot open {}", dir.display()))?;
    let mut file = AssignmentsFile::read(dir).map_err(|p| {
        anyhow::anyhow!("{}\nassignments.ron cannot be read, so it was left as it is; fix or remove it", p.under(dir))
    })?;
    let documents: Vec<DocId> = project.documents().iter().map(|d| d.id.clone()).collect();
    let draw = assign(&file.assignments, &documents, &options)?;
    let unchanged = draw.assignments == file.assignments;
    if !unchanged {
        file.write(dir, draw.assignments.clone(), SharedFilesLock::PATIENCE)?;
    }
    print_summary(dir, &draw, &options)?;
    if unchanged {
        outln!("Nothing new to assign: {} is unchanged.", dir.join("assignments.ron").display());
    } else {
        outln!("Wrote {}", dir.join("assignments.ron").display());
    }
    Ok(ExitCode::SUCCESS)
}

/// `20%`, `20` or `12.5%`: a share in percent.
fn parse_share(text: &str) -> Result<f64> {
    let number = text.trim().strip_suffix('%').unwrap_or(text.trim()).trim();
    match number.parse::<f64>() {
        Ok(share) if (0.0..=100.0).contains(&share) => Ok(share),
        _ => anyhow::bail!("--overlap must be a share between 0% and 100%, such as 20%, not `{text}`"),
    }
}

/// Documents per coder, the overlap, and what was kept or left out.
fn print_summary(dir: &Path, draw: &Draw, options: &AssignOptions) -> Result<()> {
    let asg: &Assignments = &draw.assignments;
    outln!("Assigned {} new document(s); {} already assigned kept their coders.", draw.new, draw.kept);
    if draw.dropped > 0 {
        outln!("Left out {} assignment(s) of documents no longer in the project.", draw.dropped);
    }
    let loads = asg.loads();
    outln!("Documents per coder:");
    let with_work = tarmeez::identity::coders_with_work(dir);
    for coder in options.coders.iter().chain(loads.keys().copied().filter(|c| !options.coders.contains(c))) {
        let n = loads.get(coder).copied().unwrap_or(0);
        let note = if with_work.contains_key(coder) { "" } else { "  (no work in this project yet)" };
        outln!("  {:<20} {n:>7}{note}", coder.as_str());
    }
    let total = asg.documents.len();
    let share = if total == 0 { 0.0 } else { 100.0 * asg.overlap() as f64 / total as f64 };
    outln!("Overlap (coded by 2 or more coders): {} of {total} document(s) ({share:.1}%)", asg.overlap());
    Ok(())
}
