//! Where this copy of a shared project stands, without syncing: commits to send and to receive (against
//! what the last sync fetched) and each teammate's last sync.

use super::git::Git;
use super::{CODER_TRAILER, SyncError};
use std::path::Path;

/// A shared project's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyncStatus {
    /// The folder is a git repository.
    pub shared: bool,
    /// The shared repository's address (`origin`), if one is set.
    pub remote: Option<String>,
    /// Commits here that the shared repository does not have (as of the last fetch).
    pub ahead: usize,
    /// Commits in the shared repository not merged here (as of the last fetch).
    pub behind: usize,
    /// Files changed here since the last sync's commit.
    pub changed: usize,
    /// Each teammate (every coder whose syncs are in the history, this one included), latest first.
    pub teammates: Vec<Teammate>,
}

/// One coder's last sync.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Teammate {
    /// The coder's name (the commit trailer's).
    pub coder: String,
    /// When, in seconds since 1970.
    pub at: i64,
    /// When, in this computer's local time (`2026-11-29 14:02`).
    pub when: String,
}

/// The state of the project at `root`; a folder that is no repository is `shared: false`.
pub fn status(root: &Path) -> Result<SyncStatus, SyncError> {
    let git = Git::new(root);
    if !is_repository(&git)? {
        return Ok(SyncStatus::default());
    }
    read(&git, true)
}

/// The status of the repository `git` is in; with `scan`, the files changed since the last commit are
/// counted (else `changed` is 0).
pub(super) fn read(git: &Git, scan: bool) -> Result<SyncStatus, SyncError> {
    let remote = git.run(&["config", "--get", "remote.origin.url"])?;
    let remote = remote.ok.then(|| remote.stdout.trim().to_owned()).filter(|r| !r.is_empty());
    let (ahead, behind) = match (upstream(git)?, &remote) {
        (Some(up), _) => ahead_behind(git, &up)?,
        // Shared but never pushed: every commit waits.
        (None, Some(_)) if has_commits(git)? => (super::merge::count(git, "HEAD")?, 0),
        _ => (0, 0),
    };
    let changed = if scan { changed_files(git)? } else { 0 };
    let teammates = teammates(git)?;
    Ok(SyncStatus { shared: true, remote, ahead, behind, changed, teammates })
}

/// Whether `root` is the top folder of a git repository (a project inside another repository is not shared
/// by itself).
pub(super) fn is_repository(git: &Git) -> Result<bool, SyncError> {
    let ran = git.run(&["rev-parse", "--show-toplevel"])?;
    if !ran.ok {
        return Ok(false);
    }
    let top = std::path::PathBuf::from(ran.stdout.trim());
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    Ok(same(&top, git.root()))
}

/// Whether the branch has a commit yet.
pub(super) fn has_commits(git: &Git) -> Result<bool, SyncError> {
    Ok(git.run(&["rev-parse", "-q", "--verify", "HEAD"])?.ok)
}

/// The branch's upstream (`origin/main`), else `origin/<branch>` when it exists, else none.
pub(super) fn upstream(git: &Git) -> Result<Option<String>, SyncError> {
    let ran = git.run(&["rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}"])?;
    if ran.ok {
        return Ok(Some(ran.stdout.trim().to_owned()));
    }
    let Some(branch) = branch(git)? else { return Ok(None) };
    let guess = format!("refs/remotes/origin/{branch}");
    Ok(git.run(&["rev-parse", "-q", "--verify", &guess])?.ok.then(|| format!("origin/{branch}")))
}

/// The current branch's name, none when HEAD is detached.
pub(super) fn branch(git: &Git) -> Result<Option<String>, SyncError> {
    let ran = git.run(&["symbolic-ref", "-q", "--short", "HEAD"])?;
    Ok(ran.ok.then(|| ran.stdout.trim().to_owned()))
}

fn ahead_behind(git: &Git, upstream: &str) -> Result<(usize, usize), SyncError> {
    if !has_commits(git)? {
        return Ok((0, super::merge::count(git, upstream)?));
    }
    let out = git.ok(
        "comparing with the shared copy",
        &["rev-list", "--left-right", "--count", &format!("HEAD...{upstream}")],
    )?;
    let mut numbers = out.split_whitespace().map(|n| n.parse().unwrap_or(0));
    Ok((numbers.next().unwrap_or(0), numbers.next().unwrap_or(0)))
}

fn changed_files(git: &Git) -> Result<usize, SyncError> {
    let out =
        git.ok("looking for changed files", &["status", "--porcelain", "-z", "--untracked-files=all", "--", "."])?;
    Ok(out.split('\0').filter(|e| !e.is_empty()).count())
}

/// The latest commit of each coder that names them in its trailer, in the branch and its upstream.
fn teammates(git: &Git) -> Result<Vec<Teammate>, SyncError> {
    if !has_commits(git)? {
        return Ok(Vec::new());
    }
    let format = format!("--format=%ct%x1f%cd%x1f%(trailers:key={CODER_TRAILER},valueonly,separator=%x2C)");
    let mut args = vec!["log".to_owned(), format, "--date=format-local:%Y-%m-%d %H:%M".to_owned()];
    args.push(format!("--grep=^{CODER_TRAILER}:"));
    args.push("HEAD".to_owned());
    args.extend(upstream(git)?);
    let out = git.ok("reading the team's syncs", &args)?;
    let mut latest: Vec<Teammate> = Vec::new();
    for line in out.lines() {
        let fields: Vec<&str> = line.split('\x1f').collect();
        let [at, when, coder] = fields.as_slice() else { continue };
        let (coder, Ok(at)) = (coder.trim(), at.parse::<i64>()) else { continue };
        if coder.is_empty() {
            continue;
        }
        match latest.iter_mut().find(|t| t.coder == coder) {
            Some(t) if t.at >= at => {}
            Some(t) => (t.at, t.when) = (at, (*when).to_owned()),
            None => latest.push(Teammate { coder: coder.to_owned(), at, when: (*when).to_owned() }),
        }
    }
    latest.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| a.coder.cmp(&b.coder)));
    Ok(latest)
}

/// This computer's clock now, `14:02`, from git (which knows the local time zone without a library for it).
pub fn clock_now(root: &Path) -> String {
    let Ok(ran) = Git::new(root).run(&["-c", "user.name=t", "-c", "user.email=t@t", "var", "GIT_COMMITTER_IDENT"])
    else {
        return String::new();
    };
    // `Name <email> 1764425000 +0100`
    let mut tail = ran.stdout.trim().rsplitn(3, ' ');
    let (Some(zone), Some(secs)) = (tail.next(), tail.next()) else { return String::new() };
    let (Ok(secs), Ok(zone)) = (secs.parse::<i64>(), zone.parse::<i64>()) else { return String::new() };
    let offset = zone.signum() * ((zone.abs() / 100) * 3600 + (zone.abs() % 100) * 60);
    let minutes = (secs + offset).rem_euclid(86_400) / 60;
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}
