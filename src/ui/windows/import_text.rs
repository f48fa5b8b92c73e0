//! File > Add text files and File > Add a folder of text files: `.txt` files into the project, one document
//! each, as `tarmeez import-text` adds them (the same listing and import, `formats::plain_text`). The files
//! are imported a slice of each frame with a progress bar and Cancel; the report lists each file skipped (empty,
//! not UTF-8, a duplicate of a document or of an earlier file) with why.

use crate::formats::plain_text::{ImportReport, SkipReason, TextImport, collect_inputs};
use crate::store::Project;
use crate::tr;
use crate::ui::action::Action;
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use eframe::egui;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Files listed one by one in the report; the rest are counted.
const LISTED: usize = 500;

enum Stage {
    /// The files and folders chosen, listed at the next step.
    Listing(Vec<PathBuf>),
    /// Files are imported between frames; the folder links not followed are reported at the end.
    Importing { import: Box<TextImport>, unlisted: Vec<(PathBuf, SkipReason)> },
    /// Finished, cancelled or failed: what happened, file by file.
    Report(Vec<String>),
}

/// The text import window's state.
pub struct ImportTextWindow {
    stage: Stage,
    /// How long each frame imports files (at least one per frame), so that the window stays responsive.
    frame_budget: Duration,
    /// How many files a frame imports together: doubled while a frame's batch takes well under the budget,
    /// halved when it takes more.
    batch: usize,
}

impl ImportTextWindow {
    /// A window adding the `.txt` files among `paths` (folders are searched).
    pub fn open(paths: Vec<PathBuf>) -> Self {
        Self { stage: Stage::Listing(paths), frame_budget: Duration::from_millis(30), batch: 1 }
    }

    /// Whether files are being imported.
    pub fn busy(&self) -> bool {
        !matches!(self.stage, Stage::Report(_))
    }

    /// The report's lines, once the import is over.
    pub fn report(&self) -> Option<&[String]> {
        match &self.stage {
            Stage::Report(lines) => Some(lines),
            _ => None,
        }
    }

    fn draw(&mut self, ui: &mut egui::Ui) {
        match &self.stage {
            Stage::Listing(_) => {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(tr!(ui, "import-text-looking"));
                });
            }
            Stage::Importing { import, .. } => {
                let (done, total) = import.progress();
                let fraction = if total == 0 { 1.0 } else { done as f32 / total as f32 };
                ui.add(egui::ProgressBar::new(fraction).text(tr!(
                    ui,
                    "import-text-progress",
                    done = done,
                    total = total
                )));
                // Cancel acts before this frame's files, so that what the bar showed is what stays.
                if ui.button(tr!(ui, "button-cancel")).clicked() {
                    self.finish(None);
                    return;
                }
            }
            Stage::Report(lines) => {
                egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                    for line in lines {
                        ui.label(line);
                    }
                });
                return;
            }
        }
        ui.ctx().request_repaint();
    }

    /// Moves the import on: lists the files first, then imports one batch, sized to take about `frame_budget`.
    fn step(&mut self, project: &mut Project) {
        if let Stage::Listing(paths) = &self.stage {
            self.stage = match collect_inputs(paths) {
                Ok(found) => Stage::Importing {
                    import: Box::new(TextImport::new(project, found.files)),
                    unlisted: found.skipped,
                },
                Err(e) => Stage::Report(vec![format!("Nothing was added: {e}.")]),
            };
            return;
        }
        let Stage::Importing { import, .. } = &mut self.stage else { return };
        let start = Instant::now();
        import.set_batch(self.batch);
        let result = import.step(project);
        let took = start.elapsed();
        if took * 2 < self.frame_budget {
            self.batch = (self.batch * 2).min(crate::formats::corpus::BATCH);
        } else if took > self.frame_budget {
            self.batch = (self.batch / 2).max(1);
        }
        match result {
            Ok(true) => {}
            Ok(false) => self.finish(None),
            Err(e) => self.finish(Some(format!("The import stopped: {e}. The documents added before stay."))),
        }
    }

    /// Ends the import where it is and shows what happened (`why` it stopped early, if it did).
    fn finish(&mut self, why: Option<String>) {
        let Stage::Importing { import, unlisted } = std::mem::replace(&mut self.stage, Stage::Report(Vec::new()))
        else {
            return;
        };
        let (done, total) = import.progress();
        let mut report = import.finish();
        report.skipped.extend(unlisted);
        let mut lines = report_lines(&report);
        match why {
            Some(why) => lines.insert(1, why),
            None if done < total => lines.insert(
                1,
                format!(
                    "Cancelled after {done} of {total} files: the documents added so far stay; add the files again \
                     to add the rest (what is already in the project is skipped)."
                ),
            ),
            None => {}
        }
        self.stage = Stage::Report(lines);
    }
}

/// The report: the counts, each file skipped with why, then each file added with its document's id.
fn report_lines(report: &ImportReport) -> Vec<String> {
    let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
    let mut lines = vec![format!(
        "{} added, {} skipped.",
        plural(report.imported.len(), "document"),
        plural(report.skipped.len(), "file")
    )];
    for (path, reason) in report.skipped.iter().take(LISTED) {
        lines.push(format!("Skipped {}: it {reason}.", path.display()));
    }
    for (path, id) in report.imported.iter().take(LISTED) {
        lines.push(format!("Added {} as {id}", path.display()));
    }
    let more = report.skipped.len().saturating_sub(LISTED) + report.imported.len().saturating_sub(LISTED);
    if more > 0 {
        lines.push(format!("… and {more} more files."));
    }
    lines
}

impl ToolWindow for ImportTextWindow {
    fn kind(&self) -> &'static str {
        "import-text"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-add-text-files").into()
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(560.0, 360.0)
    }

    fn busy(&self) -> bool {
        ImportTextWindow::busy(self)
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
        let why = "Stopped: another project was opened";
        match self.stage {
            Stage::Listing(_) => self.stage = Stage::Report(vec![format!("{why}; nothing was added.")]),
            Stage::Importing { .. } => self.finish(Some(format!("{why}."))),
            Stage::Report(_) => return false,
        }
        true
    }
}
