//! File > Export: the coded data in one of the interchange formats, into a folder chosen with the system's
//! dialog; the coder's own layer or every coder's. What a format cannot hold is listed after the export.
//!
//! The export runs on a thread, from the project as saved (unsaved changes are saved first) and opened again
//! read-only there, so the window keeps drawing while a large project is written.

use crate::formats::{brat, conll, doccano, events_csv, events_table, hf_jsonl, html};
use crate::model::Annotator;
use crate::store::{OpenOptions, Project};
use crate::ui::action::Action;
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use eframe::egui;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

type Running = (JoinHandle<Result<Vec<String>, String>>, Instant);

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
    /// The coder asked to export (started after the frame).
    requested: bool,
    /// The export in progress, and when it started.
    running: Option<Running>,
}

impl ExportWindow {
    /// A window exporting into `dir`.
    pub fn new(dir: PathBuf) -> Self {
        Self { dir, format: Format::EventsCsv, everyone: false, report: Vec::new(), requested: false, running: None }
    }

    /// Whether an export is being written (the window stays open until it is done, to show the report).
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// Draws the window: the choices, the export in progress, the report.
    fn draw(&mut self, ui: &mut egui::Ui) {
        ui.label(format!("Into {}", self.dir.display()));
        ui.add_enabled_ui(!self.busy(), |ui| {
            for (format, label) in FORMATS {
                ui.radio_value(&mut self.format, format, label);
            }
            ui.checkbox(&mut self.everyone, "Every coder's layer (else only yours)");
            if ui.button("Export into the folder").clicked() {
                self.requested = true;
            }
        });
        if let Some((handle, started)) = &self.running {
            if handle.is_finished() {
                let Some((handle, _)) = self.running.take() else { return };
                self.report = match handle.join() {
                    Ok(Ok(lines)) => lines,
                    Ok(Err(e)) => vec![format!("Nothing was exported: {e}")],
                    Err(_) => vec!["The export failed; files already written are complete, others missing.".into()],
                };
            } else {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(format!("Exporting… {} s", started.elapsed().as_secs()));
                });
                ui.ctx().request_repaint_after(Duration::from_millis(200));
            }
        }
        egui::ScrollArea::vertical().max_height(200.0).show(ui, |ui| {
            for line in &self.report {
                ui.label(line);
            }
        });
    }

    /// Saves what is unsaved, then exports on a thread from the project as saved.
    fn start(&mut self, project: &mut Project) {
        if project.has_unsaved_changes()
            && let Err(e) = project.save_dirty()
        {
            self.report = vec![format!("Nothing was exported: your changes could not be saved first: {e}")];
            return;
        }
        let (root, me) = (project.root().to_owned(), project.annotator().clone());
        let (format, everyone, out) = (self.format, self.everyone, self.dir.clone());
        self.report.clear();
        let handle = std::thread::spawn(move || {
            let saved = Project::open(&root, OpenOptions { annotator: me.clone(), read_only: true })
                .map_err(|e| format!("the project cannot be read: {e}"))?;
            export(&saved, format, (!everyone).then_some(&me), &out)
        });
        self.running = Some((handle, Instant::now()));
    }
}

impl ToolWindow for ExportWindow {
    fn kind(&self) -> &'static str {
        "export"
    }

    fn title(&self) -> String {
        "Export".into()
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(520.0, 360.0)
    }

    fn busy(&self) -> bool {
        ExportWindow::busy(self)
    }

    fn show(&mut self, ui: &mut egui::Ui, _session: &Session, _out: &mut Vec<Action>) {
        self.draw(ui);
    }

    /// The export starts here, after the frame, because it saves the project first.
    fn work(&mut self, project: &mut Project, _out: &mut Vec<Action>) {
        if std::mem::take(&mut self.requested) {
            self.start(project);
        }
    }

    /// A running export writes from its own copy of the project, so it goes on; the window stays to report.
    fn keep_after_project(&mut self) -> bool {
        ExportWindow::busy(self)
    }
}

/// Writes the files of `format` into `out` from `annotator`'s layers, or every coder's; returns what happened,
/// for the window.
fn export(
    project: &Project,
    format: Format,
    annotator: Option<&Annotator>,
    out: &Path,
) -> Result<Vec<String>, String> {
    match format {
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
            let summary = match format {
                Format::Doccano => doccano::export_doccano(project, annotator, out),
                Format::Conll => conll::export_conll(project, annotator, out),
                Format::Html => html::export_html(project, annotator, out),
                _ => hf_jsonl::export_hf_jsonl(project, annotator, out),
            }
            .map_err(|e| e.to_string())?;
            let files = match format {
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
