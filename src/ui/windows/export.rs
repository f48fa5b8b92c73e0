//! File > Export: the coded data in one of the interchange formats, into a folder chosen with the system's
//! dialog; the coder's own layer or every coder's. What a format cannot hold is listed after the export.

use crate::formats::{brat, conll, doccano, events_csv, events_table, hf_jsonl, html};
use crate::store::Project;
use eframe::egui;
use std::path::PathBuf;

/// The formats File > Export writes (the same as `tarmeez export --format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// ACLED-like events table.
    EventsCsv,
    /// brat standoff.
    Brat,
    /// doccano JSON lines.
    Doccano,
    /// CoNLL BIO.
    Conll,
    /// Hugging Face JSON lines.
    HfJsonl,
    /// Web pages to read in a browser.
    Html,
}

const FORMATS: [(Format, &str); 6] = [
    (Format::EventsCsv, "events-csv: one row per event (ACLED-like)"),
    (Format::Brat, "brat: .txt and .ann per document, annotation.conf"),
    (Format::Doccano, "doccano: JSON lines with entities and relations"),
    (Format::Conll, "conll: BIO tokens, clitics split at mention boundaries"),
    (Format::HfJsonl, "hf-jsonl: text and code point spans"),
    (Format::Html, "html: pages to read in a browser, with legend and events"),
];

/// The export window's state.
pub struct ExportWindow {
    /// The chosen folder.
    pub dir: PathBuf,
    /// The chosen format.
    pub format: Format,
    /// Every coder's layer rather than one's own.
    pub everyone: bool,
    /// What the last export did, line by line.
    pub report: Vec<String>,
}

impl ExportWindow {
    /// A window exporting into `dir`.
    pub fn new(dir: PathBuf) -> Self {
        Self { dir, format: Format::EventsCsv, everyone: false, report: Vec::new() }
    }

    /// Draws the window; exports when asked.
    pub fn show(&mut self, ui: &mut egui::Ui, project: &mut Project) {
        ui.label(format!("Into {}", self.dir.display()));
        for (format, label) in FORMATS {
            ui.radio_value(&mut self.format, format, label);
        }
        ui.checkbox(&mut self.everyone, "Every coder's layer (else only yours)");
        if ui.button("Export into the folder").clicked() {
            self.report = match self.export(project) {
                Ok(lines) => lines,
                Err(e) => vec![format!("Nothing was exported: {e}")],
            };
        }
        egui::ScrollArea::vertical().max_height(200.0).show(ui, |ui| {
            for line in &self.report {
                ui.label(line);
            }
        });
    }

    /// Writes the files; returns what happened, for the window.
    pub fn export(&self, project: &mut Project) -> Result<Vec<String>, String> {
        let me = project.annotator().clone();
        let annotator = (!self.everyone).then_some(&me);
        let out = &self.dir;
        match self.format {
            Format::EventsCsv => {
                let rows = events_table::project_rows(project, annotator);
                let path = events_csv::write_events_csv(out, &rows).map_err(|e| e.to_string())?;
                Ok(vec![format!("{} events written to {}", rows.len(), path.display())])
            }
            Format::Brat => {
                let report = brat::export_project(project, annotator, out).map_err(|e| e.to_string())?;
                let mut lines = vec![format!("{} .ann files written into {}", report.written.len(), out.display())];
                lines.extend(report.skipped.iter().map(|(doc, why)| format!("skipped {doc}: {why}")));
                Ok(lines)
            }
            Format::Doccano | Format::Conll | Format::HfJsonl | Format::Html => {
                let summary = match self.format {
                    Format::Doccano => doccano::export_doccano(project, annotator, out),
                    Format::Conll => conll::export_conll(project, annotator, out),
                    Format::Html => html::export_html(project, annotator, out),
                    _ => hf_jsonl::export_hf_jsonl(project, annotator, out),
                }
                .map_err(|e| e.to_string())?;
                let files = match self.format {
                    Format::Html => {
                        let pages = if summary.layers == 1 { "page" } else { "pages" };
                        format!("{} {pages}; open {}", summary.layers, out.join(html::INDEX_FILE).display())
                    }
                    _ => summary.files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", "),
                };
                let mut lines = vec![format!("{} spans written to {files}", summary.spans)];
                lines.extend(summary.skipped.iter().map(|doc| format!("skipped {doc}: it has problems")));
                lines.extend(summary.not_expressed.iter().map(|n| format!("not expressed: {n}")));
                Ok(lines)
            }
        }
    }
}
