//! Noticing changes others make on disk while the project is open (a pull, another coder's window on a
//! shared folder, a command-line import): a file watcher (the `notify` crate: inotify, FSEvents,
//! ReadDirectoryChangesW) wakes the window, and once the changes have been quiet for a moment the session
//! runs `Project::refresh`, which reloads what changed and keeps unsaved work.

use super::Session;
use eframe::egui;
use notify::{EventKind, RecursiveMode, Watcher};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// How long the disk must be quiet before the changes are read: a pull or an import writes many files.
const QUIET: Duration = Duration::from_millis(300);

/// A running watch of one project folder.
pub struct DiskWatcher {
    _watcher: notify::RecommendedWatcher,
    events: Receiver<()>,
    /// When the latest change not yet taken in arrived.
    last: Option<Instant>,
}

/// Whether a changed path can change the project's contents: not a lock, a temp file or git's own files.
fn relevant(root: &Path, path: &Path) -> bool {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    let name = rel.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    !matches!(first.as_str(), ".locks" | ".git") && !name.starts_with(".tarmeez-")
}

impl DiskWatcher {
    /// Watches `root` (every folder under it), waking `ctx` when something relevant changes.
    pub fn start(root: &Path, ctx: egui::Context) -> notify::Result<Self> {
        let (tx, events) = channel();
        let watched = root.to_path_buf();
        let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            // Reads (refresh's own) are not changes; only creations, writes, renames and removals are.
            let changes = matches!(event.kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_));
            if changes && event.paths.iter().any(|p| relevant(&watched, p)) && tx.send(()).is_ok() {
                ctx.request_repaint_after(QUIET);
            }
        })?;
        watcher.watch(root, RecursiveMode::Recursive)?;
        Ok(Self { _watcher: watcher, events, last: None })
    }

    /// Whether changes arrived and have since been quiet long enough to be read.
    fn due(&mut self, now: Instant) -> Option<Duration> {
        while self.events.try_recv().is_ok() {
            self.last = Some(now);
        }
        let waited = now.duration_since(self.last?);
        if waited >= QUIET {
            self.last = None;
            Some(Duration::ZERO)
        } else {
            Some(QUIET - waited)
        }
    }
}

impl Session {
    /// Starts watching the project folder, once, when the window first draws it. A watch that cannot start
    /// (too many folders for the system's limit, a file system without notifications) is said once in the
    /// status bar; saving is not affected.
    pub(crate) fn watch_disk(&mut self, ctx: &egui::Context) {
        if self.watch.is_some() {
            return;
        }
        self.watch = Some(match DiskWatcher::start(self.project.root(), ctx.clone()) {
            Ok(w) => Ok(w),
            Err(e) => Err(format!("Changes made on disk by others are not noticed while open: {e}")),
        });
    }

    /// Takes in what changed on disk once the changes have been quiet for a moment; asks for a repaint
    /// when they are not quiet yet.
    pub(crate) fn take_disk_changes(&mut self, ctx: &egui::Context) {
        let Some(Ok(watch)) = &mut self.watch else { return };
        match watch.due(Instant::now()) {
            None => {}
            Some(wait) if !wait.is_zero() => ctx.request_repaint_after(wait),
            Some(_) => self.refresh_from_disk(),
        }
    }

    /// Reads again what others changed on disk, noting what came in for the status bar.
    pub fn refresh_from_disk(&mut self) {
        let reassigned = self.reread_assignments();
        let got = self.project.refresh();
        if got.is_empty() {
            if reassigned {
                let now = crate::store::now_rfc3339();
                self.disk_note = Some(format!("{} UTC: the assignments changed.", now.get(11..16).unwrap_or("")));
            }
            return;
        }
        if let Some(c) = &mut self.curation {
            c.queue.coders_changed();
        }
        if let Some(shown) = &self.shown
            && self.project.document(shown).is_none_or(|d| d.loaded().is_none())
        {
            let _ = self.project.load_document(shown);
        }
        // The time, so that a coder sees when it happened (UTC, as every time the project records).
        let now = crate::store::now_rfc3339();
        let also = if reassigned { " The assignments changed." } else { "" };
        self.disk_note = Some(format!("{} UTC: {}{also}", now.get(11..16).unwrap_or(""), got.describe()));
    }

    /// What the status bar says about changes taken in from disk (or that they are not watched).
    pub fn disk_note(&self) -> Option<&str> {
        match &self.watch {
            Some(Err(why)) => Some(why),
            _ => self.disk_note.as_deref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_temp_files_and_git_s_own_files_are_not_changes() {
        let root = Path::new("/p");
        assert!(relevant(root, Path::new("/p/annotations/d/huda.ron")));
        assert!(relevant(root, Path::new("/p/project.ron")));
        assert!(!relevant(root, Path::new("/p/.locks/shared.lock")));
        assert!(!relevant(root, Path::new("/p/.git/index")));
        assert!(!relevant(root, Path::new("/p/annotations/d/.tarmeez-huda.ron-x1.tmp")));
    }
}
