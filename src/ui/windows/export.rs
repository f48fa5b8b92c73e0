//! File > Export: the coded data in one of the interchange formats, into a folder chosen with the system's
//! dialog; the coder's own layer or every coder's. What a format cannot hold is listed after the export.
//!
//! The export runs on a thread, from the project as saved (unsaved changes are saved first) and opened again
//! read-only there, so the window keeps drawing while a large project is written.

use crate::formats::export::{ExportCounts, ExportFormat, export_project};
use crate::formats::html;
use crate::model::Annotator;
use crate::store::{OpenOptions, Project};
use crate::tr;
use crate::ui::action::Action;
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use eframe::egui;
use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

type Running = (JoinHandle<Result<Vec<String>, String>>, Instant);

/// Whose layers an export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportLayers {
    /// The coder's own.
    Mine,
    /// The curated gold layer.
    Gold,
    /// Every layer (the coders' and the gold one).
    Everyone,
}

/// The export window's state.
pub struct ExportWindow {
    /// The chosen folder.
    pub dir: PathBuf,
    /// The chosen format.
    pub format: ExportFormat,
    /// Whose layers: one's own, the gold layer, or every coder's.
    pub layers: ExportLayers,
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
        Self {
            dir,
            format: ExportFormat::EventsCsv,
            layers: ExportLayers::Mine,
            report: Vec::new(),
            requested: false,
            running: None,
        }
    }

    /// Whether an export is being written (the window stays open until it is done, to show the report).
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// Draws the window: the choices, the export in progress, the report.
    fn draw(&mut self, ui: &mut egui::Ui) {
        ui.label(tr!(ui, "export-into", dir = self.dir.display().to_string()));
        ui.add_enabled_ui(!self.busy(), |ui| {
            for format in ExportFormat::ALL {
                ui.radio_value(&mut self.format, format, format!("{}: {}", format.name(), format.description()));
            }
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.layers, ExportLayers::Mine, tr!(ui, "export-mine"));
                ui.radio_value(&mut self.layers, ExportLayers::Gold, tr!(ui, "export-gold"));
                ui.radio_value(&mut self.layers, ExportLayers::Everyone, tr!(ui, "export-everyone"));
            });
            if ui.button(tr!(ui, "export-button")).clicked() {
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
                    ui.label(tr!(ui, "export-running", seconds = started.elapsed().as_secs()));
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
            self.report = vec![format!("Nothing was exported: not all your changes could be saved first: {e}")];
            return;
        }
        let (root, me) = (project.root().to_owned(), project.annotator().clone());
        let (format, out) = (self.format, self.dir.clone());
        let only = match self.layers {
            ExportLayers::Mine => Some(me.clone()),
            ExportLayers::Gold => Some(Annotator::gold()),
            ExportLayers::Everyone => None,
        };
        self.report.clear();
        let handle = std::thread::spawn(move || {
            let saved = Project::open(&root, OpenOptions { annotator: me.clone(), read_only: true })
                .map_err(|e| format!("the project cannot be read: {e}"))?;
            export(&saved, format, only.as_ref(), &out)
        });
        self.running = Some((handle, Instant::now()));
    }
}

impl ToolWindow for ExportWindow {
    fn kind(&self) -> &'static str {
        "export"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-export").into()
    }

    /// Tall enough for every format, the layer choice, the button and the report's first lines without
    /// scrolling (eleven formats since issue 19's dataset exports).
    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(520.0, 480.0)
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
    format: ExportFormat,
    annotator: Option<&Annotator>,
    out: &Path,
) -> Result<Vec<String>, String> {
    let report = export_project(project, format, annotator, out).map_err(|e| e.to_string())?;
    let mut lines = match &report.counts {
        ExportCounts::Events { rows, .. } => {
            let path = report.files.first().map(|p| p.display().to_string()).unwrap_or_default();
            return Ok(vec![format!("{rows} events written to {path}")]);
        }
        ExportCounts::Records { rows, evidence, .. } => {
            let files = report.files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", ");
            vec![format!("{rows} events and {evidence} evidence spans written to {files}")]
        }
        ExportCounts::Brat { ann_files } => {
            vec![format!("{} .ann files written into {}", ann_files.len(), out.display())]
        }
        ExportCounts::Spans { spans, layers, .. } => {
            let files = match format {
                ExportFormat::Html => {
                    let pages = if *layers == 1 { "page" } else { "pages" };
                    format!("{layers} {pages}; open {}", out.join(html::INDEX_FILE).display())
                }
                _ => report.files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", "),
            };
            vec![format!("{spans} spans written to {files}")]
        }
    };
    lines.extend(report.skipped.iter().map(|(doc, why)| match why {
        Some(why) => format!("skipped {doc}: {why}"),
        None => format!("skipped {doc}: it has problems"),
    }));
    lines.extend(report.not_expressed.iter().map(|n| format!("not expressed: {n}")));
    Ok(lines)
}
