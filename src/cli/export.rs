//! The export job: a project in one of the shared export formats.

use crate::*;

pub(crate) fn export(dir: &Path, format: ExportFormat, out: &Path, annotator: Option<&Annotator>) -> Result<ExitCode> {
    let project = open_read_only(dir).with_context(|| format!("cannot open {}", dir.display()))?;
    if out.exists() && !out.is_dir() {
        anyhow::bail!("--out {} is a file; give the folder to write into", out.display());
    }
    let tables = [ExportFormat::EventsCsv, ExportFormat::Acled, ExportFormat::Ucdp, ExportFormat::GeoJson];
    if tables.contains(&format)
        && let Some(a) = annotator
    {
        project.load_all();
        let unreadable = project.documents().iter().any(|d| d.loaded().is_none());
        if coded_documents(&project, Some(a)) == 0 && !unreadable {
            // A misspelt name would otherwise give an empty table that looks like a real one.
            anyhow::bail!("no document has a layer by annotator `{a}`; nothing was written");
        }
    }
    let context = match format {
        ExportFormat::EventsCsv | ExportFormat::Brat => "cannot write into",
        _ => "cannot export into",
    };
    let report =
        export_project(&project, format, annotator, out).with_context(|| format!("{context} {}", out.display()))?;
    report_skipped(&project, dir, &report);
    match &report.counts {
        ExportCounts::Events { rows, documents } => {
            let path = report.files.first().map(|p| p.display().to_string()).unwrap_or_default();
            let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
            outln!("{} from {} written to {path}", plural(*rows, "event"), plural(*documents, "document"));
            if !report.skipped.is_empty() {
                // The table is written but incomplete; say so to scripts, as import-text does for skipped files.
                let skipped = plural(report.skipped.len(), "document");
                eprintln!("{skipped} skipped; run `tarmeez validate {}` for every problem", dir.display());
            }
        }
        ExportCounts::Records { rows, documents, evidence } => {
            report_records(dir, &report, (*rows, *documents, *evidence))?;
        }
        ExportCounts::Brat { ann_files } => {
            for n in &report.not_expressed {
                outln!("not expressed: {n}");
            }
            if let Some(a) = annotator
                && coded_documents(&project, Some(a)) == 0
                && report.skipped.is_empty()
            {
                eprintln!("note: no document has a layer by annotator `{a}`; the .ann files are empty");
            }
            let docs: std::collections::BTreeSet<_> = ann_files.iter().map(|(d, ..)| d).collect();
            outln!(
                "{} .ann file(s) of {} document(s), {} and {} written to {}",
                ann_files.len(),
                docs.len(),
                brat::CONF_FILE,
                brat::VISUAL_FILE,
                out.display()
            );
            if !report.skipped.is_empty() {
                let n = report.skipped.len();
                eprintln!("{n} document(s) skipped; run `tarmeez validate {}` for every problem", dir.display());
            }
        }
        ExportCounts::Spans { spans, layers, documents } => {
            for n in &report.not_expressed {
                outln!("not expressed: {n}");
            }
            let files = match format {
                // One page per layer: name the page to open rather than every file.
                ExportFormat::Html => format!(
                    "{} files in {}; open {}",
                    report.files.len(),
                    out.display(),
                    out.join(tarmeez::formats::html::INDEX_FILE).display()
                ),
                _ => report.files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", "),
            };
            outln!("{spans} spans of {layers} layers in {documents} documents written to {files}");
        }
    }
    Ok(if report.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// What the dataset exports (acled, ucdp, geojson) say: their notes (columns left empty, events without
/// coordinates), the counts and files, and the documents skipped.
fn report_records(dir: &Path, report: &ExportReport, (rows, documents, evidence): (usize, usize, usize)) -> Result<()> {
    for n in &report.not_expressed {
        outln!("note: {n}");
    }
    let files = report.files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ");
    outln!("{rows} event(s) from {documents} document(s), {evidence} evidence span(s), written to {files}");
    if !report.skipped.is_empty() {
        let n = report.skipped.len();
        eprintln!("{n} document(s) skipped; run `tarmeez validate {}` for every problem", dir.display());
    }
    Ok(())
}

/// Names on standard error each document an export left out; events-csv gives the first problem's place
/// under the project folder, brat the problem as read, the span formats none.
pub(crate) fn report_skipped(project: &Project, dir: &Path, report: &ExportReport) {
    for (doc, first) in &report.skipped {
        match (report.format, first) {
            (ExportFormat::EventsCsv, _) => {
                let problem = project.document(doc).and_then(|d| d.problems().first().map(|p| p.under(dir)));
                let first = problem.map(|p| format!(": {p}")).unwrap_or_default();
                eprintln!("skipped document `{doc}`, it has problems{first}");
            }
            (_, Some(first)) => eprintln!("skipped document `{doc}`, it has problems: {first}"),
            (_, None) => eprintln!("skipped document `{doc}`, it has problems"),
        }
    }
}
