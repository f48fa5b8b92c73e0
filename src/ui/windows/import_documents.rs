//! File > Import documents: a corpus in one JSON lines or CSV file into the project. The window offers the
//! file's columns (CSV header) or keys (JSON lines) for the text and each piece of metadata, reads the file on
//! a thread, then imports the records a slice of each frame with a progress bar and Cancel, and lists what was
//! skipped by line. Each document is written whole, so a cancelled import leaves a valid project: the
//! documents imported so far stay, and importing the file again adds the rest (duplicates are skipped).

use crate::formats::corpus::{BATCH, ImportOutcome, read_records};
use crate::formats::corpus::{Columns, CorpusFormat, CorpusImport, FileError, Record, Skip, fields, ignored_note};
use crate::store::Project;
use crate::ui::action::Action;
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use eframe::egui;
use std::path::PathBuf;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// Records listed one by one in the report; the rest are counted.
const LISTED: usize = 500;

type ReadResult = Result<(Vec<Record>, Vec<Skip>), FileError>;

enum Stage {
    /// The coder chooses the format and the columns.
    Choosing,
    /// The file is read on a thread.
    Reading(JoinHandle<ReadResult>),
    /// Records are imported between frames.
    Importing { import: Box<CorpusImport>, unreadable: Vec<Skip>, ignored: Option<String> },
    /// Finished, cancelled or failed: what happened, line by line.
    Report(Vec<String>),
}

/// The document import window's state.
pub struct ImportDocumentsWindow {
    path: PathBuf,
    format: CorpusFormat,
    /// The file's columns or keys, for the format chosen.
    fields: Result<Vec<String>, FileError>,
    columns: Columns,
    stage: Stage,
    /// How long each frame imports records (at least one per frame), so that the window stays responsive.
    pub frame_budget: Duration,
    /// How many records a frame imports together: grown while a frame's batch takes well under the budget,
    /// shrunk when it takes more (a batch waits for the disk a few times, whatever its size, so bigger
    /// batches import faster).
    batch: usize,
    /// The keyboard was put on "Start the import" (once: Space then starts it, after a file dialog).
    start_focused: bool,
}

/// Where in [`Columns`] a piece of metadata's column name goes.
type ColumnField = fn(&mut Columns) -> &mut String;

/// The metadata a column can fill, with the label the window gives it.
const METADATA: [(&str, ColumnField); 5] = [
    ("Id", |c| &mut c.id),
    ("Title", |c| &mut c.title),
    ("Date", |c| &mut c.date),
    ("Source", |c| &mut c.source),
    ("URL", |c| &mut c.url),
];

impl ImportDocumentsWindow {
    /// A window importing `path`; the format is told by the extension (JSON lines when it cannot be).
    pub fn open(path: PathBuf) -> Self {
        let format = CorpusFormat::from_path(&path).unwrap_or(CorpusFormat::Jsonl);
        let mut window = Self {
            path,
            format,
            fields: Ok(Vec::new()),
            columns: Columns::default(),
            stage: Stage::Choosing,
            frame_budget: Duration::from_millis(30),
            batch: 1,
            start_focused: false,
        };
        window.read_fields();
        window
    }

    /// Whether records are being read or imported (the window cannot be closed then: its Cancel stops it).
    pub fn busy(&self) -> bool {
        matches!(self.stage, Stage::Reading(_) | Stage::Importing { .. })
    }

    /// Reads the columns or keys of the file and picks the columns whose names are the defaults' (`text`,
    /// `title`, ...); the text falls back to the first column.
    fn read_fields(&mut self) {
        self.fields = fields(&self.path, self.format);
        let found = self.fields.as_deref().unwrap_or_default();
        let defaults = Columns::default();
        let pick = |name: &str| if found.iter().any(|f| f == name) { name.to_owned() } else { String::new() };
        let mut columns = Columns { text: pick(&defaults.text), ..Columns::default() };
        if columns.text.is_empty() {
            columns.text = found.first().cloned().unwrap_or_default();
        }
        let defaults = [&defaults.id, &defaults.title, &defaults.date, &defaults.source, &defaults.url];
        for ((_, field), name) in METADATA.iter().zip(defaults) {
            *field(&mut columns) = pick(name);
        }
        self.columns = columns;
    }

    /// Draws the window: the choices, the reading or importing in progress (with Cancel), or the report.
    fn draw(&mut self, ui: &mut egui::Ui) {
        ui.label(format!("File: {}", self.path.display()));
        match &mut self.stage {
            Stage::Choosing => self.choose(ui),
            Stage::Reading(_) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Reading the file…");
                });
                if ui.button("Cancel").clicked() {
                    // The reading thread is left to finish on its own; nothing was written.
                    self.stage = Stage::Report(vec!["Cancelled while reading the file: nothing was imported.".into()]);
                    return;
                }
                ui.ctx().request_repaint();
            }
            Stage::Importing { import, .. } => {
                let (done, total) = import.progress();
                let fraction = if total == 0 { 1.0 } else { done as f32 / total as f32 };
                ui.add(egui::ProgressBar::new(fraction).text(format!("{done} of {total} records")));
                // Cancel acts before this frame's records, so that what the bar showed is what stays.
                if ui.button("Cancel").clicked() {
                    self.finish();
                    return;
                }
                ui.ctx().request_repaint();
            }
            Stage::Report(lines) => {
                egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                    for line in lines.iter() {
                        ui.label(line);
                    }
                });
                if ui.button("Import this file again").clicked() {
                    self.stage = Stage::Choosing;
                }
            }
        }
    }

    /// Moves the import on: takes the records once read, then imports one batch of them, sized to take about
    /// `frame_budget` (at least one record).
    fn step(&mut self, project: &mut Project) {
        if let Stage::Reading(handle) = &self.stage
            && handle.is_finished()
        {
            let Stage::Reading(handle) = std::mem::replace(&mut self.stage, Stage::Choosing) else { return };
            self.stage = match handle.join() {
                Ok(Ok((records, unreadable))) => Stage::Importing {
                    ignored: ignored_note(&records),
                    import: Box::new(CorpusImport::new(project, records)),
                    unreadable,
                },
                Ok(Err(e)) => Stage::Report(vec![format!("Nothing was imported: {e}")]),
                Err(_) => Stage::Report(vec!["Nothing was imported: reading the file failed.".into()]),
            };
            return;
        }
        let Stage::Importing { import, .. } = &mut self.stage else { return };
        let start = Instant::now();
        import.set_batch(self.batch);
        let more = import.step(project);
        let took = start.elapsed();
        if took * 2 < self.frame_budget {
            self.batch = (self.batch * 2).min(BATCH);
        } else if took > self.frame_budget {
            self.batch = (self.batch / 2).max(1);
        }
        if !more {
            self.finish();
        }
    }

    fn choose(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label("Format");
            let before = self.format;
            for format in CorpusFormat::ALL {
                ui.radio_value(&mut self.format, format, format.description());
            }
            if self.format != before {
                self.read_fields();
            }
        });
        let found = match &self.fields {
            Ok(found) => found.clone(),
            Err(e) => {
                ui.colored_label(ui.visuals().error_fg_color, format!("The file {e}"));
                return;
            }
        };
        if found.is_empty() {
            let what = match self.format {
                CorpusFormat::Jsonl => "no JSON object in its first lines",
                CorpusFormat::Csv => "no header row",
            };
            ui.colored_label(ui.visuals().error_fg_color, format!("The file has {what}: nothing to import."));
            return;
        }
        let what = if self.format == CorpusFormat::Csv { "column" } else { "key" };
        egui::Grid::new("corpus-columns").num_columns(2).show(ui, |ui| {
            ui.label("Text");
            column_choice(ui, "Text", &mut self.columns.text, &found, false);
            ui.end_row();
            for (label, field) in METADATA {
                ui.label(label);
                column_choice(ui, label, field(&mut self.columns), &found, true);
                ui.end_row();
            }
        });
        ui.weak(format!("Each {what} left out is not imported; the title defaults to the text's first line."));
        let start = ui.button("Start the import");
        if !std::mem::replace(&mut self.start_focused, true) {
            start.request_focus();
        }
        if start.clicked() {
            let (path, format, columns) = (self.path.clone(), self.format, self.columns.clone());
            self.stage = Stage::Reading(std::thread::spawn(move || read_records(&path, Some(format), &columns)));
        }
    }

    /// Stops a read or import in progress, saying why in the report (another project was opened, ...).
    pub fn stop(&mut self, why: &str) {
        match self.stage {
            Stage::Reading(_) => self.stage = Stage::Report(vec![format!("Stopped: {why}; nothing was imported.")]),
            Stage::Importing { .. } => {
                self.finish();
                if let Stage::Report(lines) = &mut self.stage {
                    lines.insert(0, format!("Stopped: {why}."));
                }
            }
            Stage::Choosing | Stage::Report(_) => {}
        }
    }

    /// Ends the import where it is and shows what happened.
    fn finish(&mut self) {
        let Stage::Importing { import, unreadable, ignored } = std::mem::replace(&mut self.stage, Stage::Choosing)
        else {
            return;
        };
        let (done, total) = import.progress();
        self.stage = Stage::Report(report(import.stop(), unreadable, ignored, done, total));
    }
}

impl ToolWindow for ImportDocumentsWindow {
    fn kind(&self) -> &'static str {
        "import-documents"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-import-documents").into()
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(560.0, 420.0)
    }

    fn busy(&self) -> bool {
        ImportDocumentsWindow::busy(self)
    }

    fn show(&mut self, ui: &mut egui::Ui, _session: &Session, _out: &mut Vec<Action>) {
        self.draw(ui);
    }

    fn work(&mut self, project: &mut Project, _out: &mut Vec<Action>) {
        self.step(project);
    }

    /// An import in progress stops where it is (what is in stays in the project it went to) and the window
    /// stays to say so.
    fn keep_after_project(&mut self) -> bool {
        let busy = ImportDocumentsWindow::busy(self);
        self.stop("another project was opened");
        busy
    }
}

/// A choice of one of the file's columns (or none, for metadata).
fn column_choice(ui: &mut egui::Ui, label: &str, chosen: &mut String, found: &[String], optional: bool) {
    let shown = if chosen.is_empty() { "(none)" } else { chosen.as_str() };
    egui::ComboBox::from_id_salt(("corpus-column", label))
        .width(crate::ui::fit::combo_width(ui, found.iter().map(String::as_str)))
        .selected_text(shown)
        .show_ui(ui, |ui| {
            if optional {
                ui.selectable_value(chosen, String::new(), "(none)");
            }
            for f in found {
                ui.selectable_value(chosen, f.clone(), f);
            }
        })
        .response
        .accessible_name(format!("{label} column"));
}

/// The report's lines: what was imported, then each skipped record by line (the first ones), then the notes.
fn report(
    outcome: ImportOutcome,
    unreadable: Vec<Skip>,
    ignored: Option<String>,
    done: usize,
    total: usize,
) -> Vec<String> {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let mut skipped: Vec<Skip> = unreadable.into_iter().chain(outcome.skipped).collect();
    skipped.sort_by_key(|s| s.line);
    let mut lines = vec![format!(
        "{} imported, {} skipped.",
        plural(outcome.imported.len(), "document"),
        plural(skipped.len(), "record")
    )];
    if let Some(e) = &outcome.error {
        lines.push(format!("The import stopped: {e}. The documents imported before stay."));
    }
    if outcome.cancelled {
        lines.push(format!(
            "Cancelled after {done} of {total} records: the documents imported so far stay; import the file again \
             to add the rest (what is already in the project is skipped)."
        ));
    }
    for s in skipped.iter().take(LISTED) {
        lines.push(format!("Skipped {s}"));
    }
    if skipped.len() > LISTED {
        lines.push(format!("… and {} more skipped records.", skipped.len() - LISTED));
    }
    lines.extend(ignored);
    lines
}
