//! One sync: recover from an interrupted one, commit, fetch, merge, push.

use super::SyncError;
use super::git::Git;
use super::merge::{count, merge};
use super::status::{SyncStatus, is_repository, upstream};
use crate::model::Annotator;
use crate::store::SharedFilesLock;
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// A file git could not merge and Tarmeez could not either: this computer's version stays in place, the
/// other is saved beside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeptConflict {
    /// The file (relative to the project folder).
    pub path: PathBuf,
    /// Where the other version was saved (`conflicts/<coder>-<commit>/<path>`).
    pub saved_as: PathBuf,
    /// Whose version that is, and from which commit (`omar-1a2b3c4`).
    pub from: String,
}

/// What a sync did.
#[derive(Clone, Debug, Default)]
pub struct SyncReport {
    /// What was done to recover from a sync interrupted before.
    pub recovered: Vec<String>,
    /// The subject of the commit of this coder's changes, if there were any.
    pub committed: Option<String>,
    /// Teammates' commits merged in.
    pub received: usize,
    /// Commits sent to the shared repository.
    pub pushed: usize,
    /// Why the shared repository could not be reached, when it could not (the commit waits here).
    pub offline: Option<String>,
    /// Files both sides had changed that Tarmeez merged.
    pub merged_files: Vec<PathBuf>,
    /// Files kept both ways.
    pub conflicts: Vec<KeptConflict>,
    /// The state after the sync.
    pub status: SyncStatus,
    /// When it finished, this computer's local time (`14:02`).
    pub finished_at: String,
}

impl SyncReport {
    /// Whether the sync changed files in the project folder (the window then reloads the project).
    pub fn brought_changes(&self) -> bool {
        self.received > 0 || !self.merged_files.is_empty() || !self.conflicts.is_empty()
    }

    /// What was done, one sentence a line.
    pub fn describe(&self) -> Vec<String> {
        let mut lines = self.recovered.iter().map(|r| format!("Recovered: {r}.")).collect::<Vec<_>>();
        lines.push(match &self.committed {
            Some(subject) => format!("Committed: {subject}."),
            None => "Nothing new to commit.".to_owned(),
        });
        if self.received > 0 {
            lines.push(format!("Received {} from teammates.", commits(self.received)));
        }
        if !self.merged_files.is_empty() {
            lines.push(format!("Merged {} changed on both sides.", files(self.merged_files.len())));
        }
        for kept in &self.conflicts {
            lines.push(format!(
                "Both versions of {} kept: yours in place, {}'s in {}.",
                kept.path.display(),
                kept.from,
                kept.saved_as.display()
            ));
        }
        if self.pushed > 0 {
            lines.push(format!("Sent {}.", commits(self.pushed)));
        }
        match (&self.offline, &self.status.remote) {
            (Some(why), _) => lines.push(format!(
                "Offline ({why}): {} to push; the next sync sends {}.",
                commits(self.status.ahead),
                if self.status.ahead == 1 { "it" } else { "them" }
            )),
            (None, None) => lines.push(
                "No shared repository is set (File > Share project… or `tarmeez init-team --remote`): your work is \
                 committed on this computer only."
                    .to_owned(),
            ),
            (None, Some(_)) => {}
        }
        lines
    }
}

fn commits(n: usize) -> String {
    if n == 1 { "1 commit".to_owned() } else { format!("{n} commits") }
}

fn files(n: usize) -> String {
    if n == 1 { "1 file".to_owned() } else { format!("{n} files") }
}

/// Syncs the shared project at `root` as `coder`: commits the changed files (message and trailer naming the
/// coder), fetches, merges, pushes. Offline, it commits and says so; the next sync pushes.
///
/// It holds `.locks/sync.lock` throughout (a second sync of the project is refused) and the project's
/// shared-files lock while git changes the working tree, so a window's save never interleaves with it.
pub fn sync(root: &Path, coder: &Annotator) -> Result<SyncReport, SyncError> {
    let git = Git::new(root);
    if !is_repository(&git)? {
        return Err(SyncError::NotShared(root.display().to_string()));
    }
    let _sync = sync_lock(root)?;
    let mut report = SyncReport::default();
    {
        let _writing = SharedFilesLock::acquire(root, SharedFilesLock::PATIENCE)?;
        super::recover::recover(&git, coder, &mut report)?;
        report.committed = super::commit::commit_changes(&git, coder)?;
    }
    if git.run(&["config", "--get", "remote.origin.url"])?.ok {
        exchange(&git, coder, &mut report)?;
    }
    // The files changed since are not looked for: the sync has just committed them (a scan of every file
    // would be a third of a no-change sync's time); the window reads the full status again later.
    report.status = super::status::read(&git, false)?;
    report.finished_at = super::status::clock_now(root);
    Ok(report)
}

/// Fetch, merge and push; a push refused because the shared copy moved on meanwhile is retried once.
fn exchange(git: &Git, coder: &Annotator, report: &mut SyncReport) -> Result<(), SyncError> {
    let net = git.clone().for_network();
    for attempt in 0..2 {
        let fetched = fetch(&net)?;
        if !fetched.ok {
            return offline_or(report, &fetched.stderr, "fetching your teammates' work");
        }
        let incoming = match upstream(git)? {
            Some(up) if count(git, &format!("HEAD..{up}"))? > 0 => Some(up),
            _ => None,
        };
        if let Some(up) = incoming {
            let _writing = SharedFilesLock::acquire(git.root(), SharedFilesLock::PATIENCE)?;
            // What the window saved while the fetch ran is committed first, so the merge never meets (or
            // refuses over) uncommitted work.
            if let Some(later) = super::commit::commit_changes(git, coder)? {
                report.committed.get_or_insert(later);
            }
            let merged = merge(git, &up, coder)?;
            report.received += merged.commits;
            report.merged_files.extend(merged.merged);
            report.conflicts.extend(merged.kept);
        }
        let ahead = match upstream(git)? {
            Some(up) => count(git, &format!("{up}..HEAD"))?,
            None if super::status::has_commits(git)? => count(git, "HEAD")?,
            None => 0,
        };
        if ahead == 0 {
            return Ok(());
        }
        let pushed = net.run(&["push", "-q", "-u", "origin", "HEAD"])?;
        if pushed.ok {
            report.pushed += ahead;
            return Ok(());
        }
        let stderr = pushed.stderr.as_str();
        let moved_on =
            stderr.contains("[rejected]") && (stderr.contains("fetch first") || stderr.contains("non-fast-forward"));
        if moved_on && attempt == 0 {
            continue;
        }
        if stderr.contains("[remote rejected]") || stderr.contains("hook declined") || moved_on {
            return Err(SyncError::Rejected { message: refusal(stderr) });
        }
        return offline_or(report, stderr, "sending your work");
    }
    Ok(())
}

/// `git fetch`, run again (for up to five seconds) while it fails because another git updated the same
/// remote-tracking ref under it ("cannot lock ref"): a sync killed during its fetch leaves that git running,
/// and the next sync must not fail for it. Seen in tests/team_sync.rs, which kills syncs at random.
fn fetch(net: &Git) -> Result<super::git::Ran, SyncError> {
    let mut fetched = net.run(&["fetch", "-q", "origin"])?;
    for _ in 0..20 {
        if fetched.ok || !fetched.stderr.contains("cannot lock ref") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(250));
        fetched = net.run(&["fetch", "-q", "origin"])?;
    }
    Ok(fetched)
}

/// An unreachable remote makes the sync offline (not an error); anything else is an error.
fn offline_or(report: &mut SyncReport, stderr: &str, doing: &str) -> Result<(), SyncError> {
    if super::error::unreachable(stderr) {
        report.offline = Some("the shared repository cannot be reached".to_owned());
        Ok(())
    } else {
        Err(SyncError::git(doing, stderr))
    }
}

/// What the remote said when it refused a push: its own lines (a hook's message), else git's.
fn refusal(stderr: &str) -> String {
    let remote: Vec<&str> =
        stderr.lines().filter_map(|l| l.strip_prefix("remote: ")).map(str::trim).filter(|l| !l.is_empty()).collect();
    if !remote.is_empty() {
        return remote.join("; ");
    }
    if stderr.contains("[rejected]") {
        return "teammates sent changes at the same moment twice in a row; sync again".to_owned();
    }
    super::error::plain(stderr)
}

/// `.locks/sync.lock`, taken without waiting: a second sync of the project is refused, not queued.
fn sync_lock(root: &Path) -> Result<File, SyncError> {
    let dir = root.join(".locks");
    let path = dir.join("sync.lock");
    crate::store::inside::check_locks(root).map_err(|e| SyncError::io(&path, std::io::Error::other(e)))?;
    crate::store::atomic::create_dir_durable(&dir).map_err(|e| SyncError::io(&dir, e))?;
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(|e| SyncError::io(&path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => Err(SyncError::Busy),
        Err(TryLockError::Error(e)) => Err(SyncError::io(&path, e)),
    }
}
