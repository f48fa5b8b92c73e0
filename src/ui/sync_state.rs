//! The window's side of syncing (File > Sync, the status bar's sync button): git runs on a thread of its
//! own, never holding a frame; the state the button shows is kept here, across reopenings of the project.

use crate::model::Annotator;
use crate::sync::{self, SyncError, SyncReport, SyncStatus};
use crate::ui::i18n::{self, LangOf, Language};
use crate::{tr, trl};
use eframe::egui;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// How often the status (commits to send and receive, files changed) is read again while nothing runs: it
/// changes as the coder saves, and reading it costs one `git status`.
const REFRESH: Duration = Duration::from_secs(30);

/// Work on a thread.
enum Job {
    Status(Receiver<Result<SyncStatus, SyncError>>),
    Sync(Receiver<Result<SyncReport, SyncError>>),
}

/// How the last sync ended.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Last {
    Never,
    Synced(String),
    Offline,
    Failed(String),
}

/// The sync state of the open project.
pub struct SyncState {
    root: Option<PathBuf>,
    status: Option<SyncStatus>,
    job: Option<Job>,
    last: Last,
    read_at: Option<Instant>,
}

impl Default for SyncState {
    fn default() -> Self {
        Self { root: None, status: None, job: None, last: Last::Never, read_at: None }
    }
}

impl SyncState {
    /// Follows the open project (`root`): another project starts afresh; the status is read again when due.
    pub fn watch(&mut self, root: Option<&Path>, ctx: &egui::Context) {
        if self.root.as_deref() != root && !self.syncing() {
            *self = Self { root: root.map(Path::to_owned), ..Self::default() };
        }
        let Some(root) = self.root.clone() else { return };
        let due = self.read_at.is_none_or(|at| at.elapsed() >= REFRESH);
        if self.job.is_none() && due {
            self.read_at = Some(Instant::now());
            self.job = Some(Job::Status(spawn(ctx, move || sync::status(&root))));
        }
        ctx.request_repaint_after(REFRESH);
    }

    /// Starts a sync of the project at `root` as `coder` on a thread (the caller saved first); false when one
    /// runs already.
    pub fn start(&mut self, root: &Path, coder: &Annotator, ctx: &egui::Context) -> bool {
        if self.syncing() {
            return false;
        }
        let (root, coder) = (root.to_owned(), coder.clone());
        self.root = Some(root.clone());
        self.job = Some(Job::Sync(spawn(ctx, move || sync::sync(&root, &coder))));
        true
    }

    /// Reads the status again now (after the project was shared).
    pub fn refresh(&mut self) {
        if !self.syncing() {
            self.job = None;
            self.read_at = None;
        }
    }

    /// A sync that finished since the last call: what it did, or why it failed.
    pub fn finished(&mut self) -> Option<Result<SyncReport, String>> {
        match self.job.as_ref()? {
            Job::Status(rx) => {
                match rx.try_recv() {
                    Ok(Ok(status)) => self.status = Some(status),
                    // A status that cannot be read shows as unknown; a sync says why.
                    Ok(Err(_)) | Err(TryRecvError::Disconnected) => {}
                    Err(TryRecvError::Empty) => return None,
                }
                self.job = None;
                None
            }
            Job::Sync(rx) => {
                let result = match rx.try_recv() {
                    Ok(result) => result,
                    Err(TryRecvError::Empty) => return None,
                    Err(TryRecvError::Disconnected) => Err(SyncError::Busy),
                };
                self.job = None;
                self.read_at = Some(Instant::now());
                Some(match result {
                    Ok(report) => {
                        self.last = if report.offline.is_some() {
                            Last::Offline
                        } else {
                            Last::Synced(report.finished_at.clone())
                        };
                        self.status = Some(report.status.clone());
                        Ok(report)
                    }
                    Err(e) => {
                        self.last = Last::Failed(e.to_string());
                        Err(e.to_string())
                    }
                })
            }
        }
    }

    /// The project folder the state is about.
    pub fn root(&self) -> Option<&Path> {
        self.root.as_deref()
    }

    /// Whether a sync runs now.
    pub fn syncing(&self) -> bool {
        matches!(self.job, Some(Job::Sync(_)))
    }

    /// Whether the project is known not to be shared yet.
    pub fn not_shared(&self) -> bool {
        self.status.as_ref().is_some_and(|s| !s.shared)
    }

    /// What the status bar's button says, in `l`.
    pub fn label(&self, l: Language) -> String {
        let Some(status) = &self.status else {
            return if self.syncing() { tr!(l, "sync-running") } else { tr!(l, "sync-button") }.to_owned();
        };
        // Uncommitted changes become one commit at the next sync.
        let up = status.ahead + usize::from(status.changed > 0);
        match &self.last {
            _ if self.syncing() => tr!(l, "sync-running").to_owned(),
            _ if !status.shared => tr!(l, "sync-not-shared").to_owned(),
            Last::Failed(_) => tr!(l, "sync-failed").to_owned(),
            Last::Offline => tr!(l, "sync-offline", count = up),
            Last::Synced(at) if up == 0 && status.behind == 0 => tr!(l, "sync-synced", at = at.clone()),
            // Words, not arrows: the window's fonts have no arrow glyphs.
            _ => tr!(l, "sync-pending", up = up, down = status.behind),
        }
    }

    /// The button's tooltip, in `l`: what the state means, the shared repository, and each teammate's last sync.
    pub fn details(&self, l: Language) -> String {
        let mut lines = Vec::new();
        if let Last::Failed(why) = &self.last {
            lines.push(trl!(l, "sync-last-failed", why = why.clone()));
        }
        match &self.status {
            None => lines.push(trl!(l, "sync-reading").to_owned()),
            Some(s) if !s.shared => lines.push(trl!(l, "sync-not-shared-help").to_owned()),
            Some(s) => {
                let remote = s.remote.clone().unwrap_or_else(|| trl!(l, "sync-no-remote").to_owned());
                lines.push(trl!(l, "sync-remote", remote = remote));
                lines.push(trl!(l, "sync-commits", up = s.ahead, down = s.behind));
                if s.changed > 0 {
                    lines.push(trl!(l, "sync-changed", count = s.changed));
                }
                if !s.teammates.is_empty() {
                    lines.push(trl!(l, "sync-last-syncs").to_owned());
                    lines.extend(s.teammates.iter().map(|t| format!("  {}  {}", t.coder, t.when)));
                }
                lines.push(trl!(l, "sync-click").to_owned());
            }
        }
        i18n::shown(l, &lines.join("\n")).into_owned()
    }
}

/// Runs `work` on a thread; its result arrives on the receiver, and the window is woken to take it.
fn spawn<T: Send + 'static>(ctx: &egui::Context, work: impl FnOnce() -> T + Send + 'static) -> Receiver<T> {
    let (tx, rx) = channel();
    let ctx = ctx.clone();
    std::thread::spawn(move || {
        let _ = tx.send(work());
        ctx.request_repaint();
    });
    rx
}

/// The status bar's sync button: it syncs, or opens File > Share project… when the project is not shared.
pub fn button(ui: &mut egui::Ui, state: &SyncState, actions: &mut Vec<crate::ui::Action>) {
    use crate::ui::Command;
    let language = ui.language();
    let text = egui::RichText::new(state.label(language));
    let text = if matches!(state.last, Last::Failed(_)) { text.color(ui.visuals().error_fg_color) } else { text };
    let response = ui
        .add_enabled(!state.syncing(), egui::Button::new(text))
        .on_hover_text(state.details(language))
        .on_disabled_hover_text(tr!(ui, "sync-running-help"));
    if response.clicked() {
        let command = if state.not_shared() { Command::ShareProject } else { Command::Sync };
        actions.push(command.into());
    }
}
