//! The file dialogs the menus open. The desktop's own dialog (rfd: on Linux through the xdg desktop portal) is
//! used where there is one; where there is none (a desktop without the portal, no D-Bus session) a dialog
//! drawn in the window takes its place (`in_window.rs`), in which a path can also be typed or pasted. Either
//! way the answer comes back once, as the paths chosen for a [`Purpose`], and `ui/run.rs` turns it into what
//! the menu entry does: what follows a choice does not depend on which dialog made it.

mod desktop;
mod in_window;
#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
pub mod portal;

use desktop::DesktopAnswer;
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// How long the desktop's dialog may take to appear before the window says that it is open elsewhere.
const WAIT_NOTE_AFTER: Duration = Duration::from_millis(400);

/// What a file dialog is asked for: where its answer goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// File > Open project: a project folder.
    OpenProject,
    /// File > New project: the folder to create it in (an empty or new one).
    NewProjectFolder,
    /// File > Import documents: a JSON lines or CSV corpus.
    ImportDocuments,
    /// File > Import annotations: a brat or doccano file.
    ImportAnnotations,
    /// File > Import suggestions: a model's output.
    ImportSuggestions,
    /// File > Export: the folder to export into.
    Export,
    /// File > Add text files: one or more `.txt` files.
    AddTextFiles,
    /// File > Add a folder of text files: a folder, searched for `.txt` files.
    AddTextFolder,
}

/// What is picked: one file, several, or a folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    /// One file.
    File,
    /// One or more files.
    Files,
    /// One folder.
    Folder,
}

/// A dialog's title, what it picks and the kind of file it offers first (a name and extensions).
#[derive(Clone, Copy, Debug)]
pub struct Request {
    /// The dialog's title.
    pub title: &'static str,
    /// What is picked.
    pub pick: Pick,
    /// The files offered (any file can still be chosen), for file dialogs.
    pub filter: Option<(&'static str, &'static [&'static str])>,
}

impl Purpose {
    /// The dialog this purpose opens.
    pub fn request(self) -> Request {
        let file = |title, kind, extensions| Request { title, pick: Pick::File, filter: Some((kind, extensions)) };
        let folder = |title| Request { title, pick: Pick::Folder, filter: None };
        match self {
            Purpose::OpenProject => folder("Open a Tarmeez project folder"),
            Purpose::NewProjectFolder => folder("A new or empty folder for the new project"),
            Purpose::ImportDocuments => {
                file("Import documents (JSON lines or CSV)", "Corpus", &["jsonl", "ndjson", "csv"])
            }
            Purpose::ImportAnnotations => file(
                "Import annotations (brat .ann, doccano JSON lines, Label Studio tasks, CoNLL columns, WebAnno .tsv) \
                 into your layer",
                "Annotations",
                &["ann", "jsonl", "json", "conll", "txt", "tsv"],
            ),
            Purpose::ImportSuggestions => file(
                "Import suggestions (Hugging Face, spaCy, doccano, Label Studio, brat, CoNLL)",
                "Suggestions",
                &["json", "jsonl", "ann", "conll", "txt"],
            ),
            Purpose::Export => folder("Export coded data into a folder"),
            Purpose::AddTextFiles => {
                Request { title: "Add text files (UTF-8 .txt)", pick: Pick::Files, filter: Some(("Text", &["txt"])) }
            }
            Purpose::AddTextFolder => folder("Add every .txt file of a folder (and its subfolders)"),
        }
    }

    /// Whether the answer needs an open project (imports and exports do; opening and creating do not).
    pub fn needs_project(self) -> bool {
        !matches!(self, Purpose::OpenProject | Purpose::NewProjectFolder)
    }
}

/// A dialog waiting for its answer.
enum Pending {
    /// The desktop's dialog, run on a thread (its answer comes through the channel), since when.
    Desktop(Receiver<DesktopAnswer>, Instant),
    /// The dialog drawn in the window.
    InWindow(Box<in_window::InWindow>),
}

/// The file dialog of the window: at most one at a time.
#[derive(Default)]
pub struct FileChooser {
    pending: Option<(Purpose, Pending)>,
    /// Every dialog is drawn in the window: set once the desktop's was found missing (so that the next one
    /// opens at once), or by the caller.
    in_window_only: bool,
}

/// The dialog drawn while the desktop's dialog is open, and what it asks.
enum Waiting {
    Nothing,
    ChooseHere,
}

impl FileChooser {
    /// A chooser that always draws its dialogs in the window (tests, and a desktop whose portal misbehaves).
    pub fn in_window() -> Self {
        Self { pending: None, in_window_only: true }
    }

    /// Whether a dialog is open (the window's shortcuts then wait).
    pub fn is_open(&self) -> bool {
        self.pending.is_some()
    }

    /// Whether the open dialog is drawn in the window.
    pub fn is_in_window(&self) -> bool {
        matches!(self.pending, Some((_, Pending::InWindow(_))))
    }

    /// Opens the dialog for `purpose`, starting in `start` (a folder). A dialog already open stays (the
    /// desktop's cannot be taken back); the one drawn in the window is replaced.
    pub fn ask(&mut self, purpose: Purpose, start: &Path) {
        if matches!(self.pending, Some((_, Pending::Desktop(..)))) {
            return;
        }
        let pending = if self.in_window_only {
            Pending::InWindow(Box::new(in_window::InWindow::new(purpose.request(), start)))
        } else {
            Pending::Desktop(desktop::start(purpose.request(), start.to_owned()), Instant::now())
        };
        self.pending = Some((purpose, pending));
    }

    /// Draws the open dialog and returns its answer once: the purpose and the paths chosen (none when it was
    /// cancelled, and then nothing is returned).
    pub fn show(&mut self, ctx: &egui::Context, start: &Path) -> Option<(Purpose, Vec<PathBuf>)> {
        let (purpose, pending) = self.pending.as_mut()?;
        let purpose = *purpose;
        match pending {
            Pending::Desktop(answers, since) => match answers.try_recv() {
                Ok(DesktopAnswer::Chosen(paths)) => {
                    self.pending = None;
                    return (!paths.is_empty()).then_some((purpose, paths));
                }
                Ok(DesktopAnswer::Cancelled) | Err(TryRecvError::Disconnected) => self.pending = None,
                Ok(DesktopAnswer::Unavailable) => {
                    // No desktop dialog here: draw this one and every later one in the window.
                    self.in_window_only = true;
                    self.open_in_window(purpose, start);
                }
                Err(TryRecvError::Empty) => {
                    // Not at once: finding that there is no desktop dialog takes a few milliseconds.
                    if since.elapsed() > WAIT_NOTE_AFTER && matches!(waiting(ctx, purpose), Waiting::ChooseHere) {
                        // The desktop's dialog is left to its thread; its answer is no longer read.
                        self.open_in_window(purpose, start);
                    }
                    ctx.request_repaint_after(Duration::from_millis(100));
                }
            },
            Pending::InWindow(dialog) => match dialog.show(ctx) {
                in_window::Answer::Open => {}
                in_window::Answer::Cancelled => self.pending = None,
                in_window::Answer::Chosen(paths) => {
                    self.pending = None;
                    return Some((purpose, paths));
                }
            },
        }
        None
    }

    fn open_in_window(&mut self, purpose: Purpose, start: &Path) {
        let dialog = in_window::InWindow::new(purpose.request(), start);
        self.pending = Some((purpose, Pending::InWindow(Box::new(dialog))));
    }
}

/// While the desktop's dialog is open, the window says so (it may open behind, or slowly) and offers the
/// window's own dialog instead, so that the coder is never left with nothing happening.
fn waiting(ctx: &egui::Context, purpose: Purpose) -> Waiting {
    let mut answer = Waiting::Nothing;
    egui::Window::new("Choosing a file")
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!("{}: the desktop's file dialog is open in its own window.", purpose.request().title));
            });
            if ui.button("Choose here instead").on_hover_text("Use Tarmeez's own file dialog").clicked() {
                answer = Waiting::ChooseHere;
            }
        });
    answer
}
