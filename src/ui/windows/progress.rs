//! The assignment progress window: for each coder, how many of the documents assigned to them are done, in
//! progress and not started.
//!
//! Each coder's statuses are in their layer files. The coder's own, for loaded documents, come from memory
//! (with unsaved changes); all others are read from the layer files alone (no texts, no validation) on a
//! worker thread, once when the window opens and again on Refresh (after a sync brought others' work), so a
//! project of 10,000 documents never freezes the window. The table is rebuilt when the project's generation
//! changes or the reading ends.

use crate::model::{Annotator, Assignments, DocId, DocStatus};
use crate::store::read_layer_status;
use crate::ui::action::Action;
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use crate::workflow::assignments::{ProgressTable, progress_table, status_in_memory};
use crate::{tr, trl};
use eframe::egui::{self, RichText};
use std::collections::HashMap;
use std::path::PathBuf;
use std::thread::JoinHandle;

/// Statuses read from layer files, by document and coder; `None` for a file that cannot be read.
type DiskStatuses = HashMap<(DocId, Annotator), Option<DocStatus>>;

/// The assignment progress window.
#[derive(Default)]
pub struct ProgressWindow {
    /// Statuses of documents that were not loaded, read from their layer files.
    disk: DiskStatuses,
    /// The worker reading them.
    reading: Option<JoinHandle<DiskStatuses>>,
    /// Whether the files have been read (or are being read) since the window opened or was refreshed.
    read_started: bool,
    /// The version of the assignments the files were read for: new assignments name other files.
    read_for: u64,
    /// The table, with the project generation, the number of statuses read and the assignments' version it
    /// was built from.
    table: Option<((u64, usize, u64), ProgressTable)>,
}

impl ProgressWindow {
    /// The table as last shown; `None` before the first frame.
    pub fn table(&self) -> Option<&ProgressTable> {
        self.table.as_ref().map(|(_, t)| t)
    }

    /// Whether the layer files are still being read.
    pub fn reading(&self) -> bool {
        self.reading.is_some()
    }

    /// Starts reading the layer files whose statuses memory does not give.
    fn start_reading(&mut self, session: &Session) {
        let project = session.project();
        let pairs: Vec<(DocId, Annotator)> = session
            .assigned()
            .assignments
            .documents
            .iter()
            .flat_map(|(doc, coders)| coders.iter().map(move |c| (doc.clone(), c.clone())))
            .filter(|(doc, coder)| status_in_memory(project, doc, coder).is_none())
            .collect();
        let root: PathBuf = project.root().to_owned();
        self.read_started = true;
        self.read_for = session.assigned().version;
        self.disk.clear();
        self.table = None;
        self.reading = Some(std::thread::spawn(move || {
            pairs
                .into_iter()
                .map(|(doc, coder)| {
                    let status = read_layer_status(&root, &doc, &coder).ok();
                    ((doc, coder), status)
                })
                .collect()
        }));
    }

    /// Takes the worker's statuses when it has finished.
    fn collect(&mut self) {
        if self.reading.as_ref().is_some_and(JoinHandle::is_finished)
            && let Some(Ok(read)) = self.reading.take().map(JoinHandle::join)
        {
            self.disk = read;
        }
    }

    /// The table, rebuilt when the project changed or more statuses were read.
    fn refresh_table(&mut self, session: &Session) -> &ProgressTable {
        let project = session.project();
        let key = (project.generation(), self.disk.len(), session.assigned().version);
        if self.table.as_ref().is_none_or(|(k, _)| *k != key) {
            let disk = &self.disk;
            let table = progress_table(&session.assigned().assignments, |doc, coder| {
                status_in_memory(project, doc, coder)
                    .or_else(|| disk.get(&(doc.clone(), coder.clone())).copied().flatten())
            });
            self.table = Some((key, table));
        }
        &self.table.as_ref().expect("built above").1
    }
}

impl ToolWindow for ProgressWindow {
    fn kind(&self) -> &'static str {
        "assignment-progress"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-assignment-progress").into()
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(560.0, 320.0)
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, _out: &mut Vec<Action>) {
        if let Some(problem) = &session.assigned().problem {
            ui.colored_label(ui.visuals().error_fg_color, tr!(ui, "progress-unreadable", problem = problem.clone()));
            return;
        }
        let assignments: &Assignments = &session.assigned().assignments;
        if assignments.is_empty() {
            ui.label(tr!(ui, "progress-none"));
            return;
        }
        if !self.read_started || self.read_for != session.assigned().version {
            self.start_reading(session);
        }
        self.collect();
        let reading = self.reading();
        if reading {
            ui.ctx().request_repaint_after(std::time::Duration::from_millis(50));
        }
        let me = session.project().annotator().clone();
        let table = self.refresh_table(session).clone();
        draw_table(ui, &table, &me);
        ui.horizontal(|ui| {
            if reading {
                ui.spinner();
                ui.label(tr!(ui, "progress-reading"));
            } else if ui.button(tr!(ui, "progress-refresh")).on_hover_text(tr!(ui, "progress-refresh-help")).clicked() {
                self.read_started = false;
            }
        });
    }
}

/// The heading and one row per coder.
fn draw_table(ui: &mut egui::Ui, table: &ProgressTable, me: &Annotator) {
    ui.label(tr!(ui, "progress-summary", documents = table.documents, overlap = table.overlap));
    egui::Grid::new("assignment-progress").striped(true).show(ui, |ui| {
        let headings = [
            tr!(ui, "progress-coder"),
            tr!(ui, "progress-assigned"),
            tr!(ui, "progress-done"),
            tr!(ui, "progress-in-progress"),
            tr!(ui, "progress-not-started"),
            "",
        ];
        for h in headings {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for (coder, row) in &table.coders {
            let name = if coder == me { tr!(ui, "progress-you", coder = coder.to_string()) } else { coder.to_string() };
            ui.label(name);
            ui.label(row.assigned().to_string());
            ui.label(row.done.to_string());
            ui.label(row.in_progress.to_string());
            ui.label(row.not_started.to_string());
            let share = if row.assigned() == 0 { 0.0 } else { row.done as f32 / row.assigned() as f32 };
            let unknown =
                if row.unknown > 0 { trl!(ui, "progress-unread", count = row.unknown) } else { String::new() };
            let percent = format!("{:.0}", share * 100.0);
            ui.add(egui::ProgressBar::new(share).desired_width(140.0).text(tr!(
                ui,
                "progress-bar",
                percent = percent,
                unknown = unknown
            )));
            ui.end_row();
        }
    });
}
