//! Running the real `git` program in a project folder.
//!
//! Tarmeez drives the `git` the user already has rather than a library (libgit2, gix): the user's own SSH
//! keys and agent, credential helpers, hooks and configuration then work unchanged, with no second setup of
//! authentication inside Tarmeez. Git never waits for a person here: no terminal prompt for a password, no
//! editor for a merge message, SSH in batch mode (unless the user chose their own SSH command); what it says
//! on standard error is kept for the message the user sees.

use super::SyncError;
use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// How to run `git` in one repository.
#[derive(Clone, Debug)]
pub struct Git {
    root: PathBuf,
    /// `GIT_SSH_COMMAND` to set, when the user has none of their own.
    ssh: Option<&'static str>,
}

/// What one git command printed, and whether it succeeded.
#[derive(Debug)]
pub struct Ran {
    /// Exit status was success.
    pub ok: bool,
    /// Standard output.
    pub stdout: String,
    /// Standard error, trimmed.
    pub stderr: String,
}

impl Git {
    /// Git in the folder `root`.
    pub fn new(root: &Path) -> Self {
        Self { root: root.to_owned(), ssh: None }
    }

    /// The repository's folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The same, with SSH in batch mode for the commands that reach the remote, unless the user set their own
    /// SSH command (which is theirs to configure).
    pub fn for_network(mut self) -> Self {
        let own = std::env::var_os("GIT_SSH_COMMAND").is_some()
            || self.run(&["config", "--get", "core.sshCommand"]).is_ok_and(|r| r.ok);
        if !own {
            self.ssh = Some("ssh -o BatchMode=yes -o ConnectTimeout=20");
        }
        self
    }

    fn command<S: AsRef<OsStr>>(&self, args: &[S]) -> Command {
        let mut cmd = Command::new("git");
        cmd.arg("-C").arg(&self.root).args(args);
        // Never wait for a person: no password prompt, no editor, no pager, messages in English for the
        // plain-words translations below.
        cmd.env("GIT_TERMINAL_PROMPT", "0")
            .env("GIT_EDITOR", "true")
            .env("GIT_MERGE_AUTOEDIT", "no")
            .env("GIT_PAGER", "cat")
            .env("LC_ALL", "C")
            // `git status` of the window's status reader must not take the index lock: a sync's recovery
            // removes an index lock it finds as stale.
            .env("GIT_OPTIONAL_LOCKS", "0")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env_remove("GIT_INDEX_FILE");
        if let Some(ssh) = self.ssh {
            cmd.env("GIT_SSH_COMMAND", ssh);
        }
        cmd
    }

    /// Runs `git <args>`; a git that fails is an `Ok` with `ok: false` (the caller decides what that means).
    pub fn run<S: AsRef<OsStr>>(&self, args: &[S]) -> Result<Ran, SyncError> {
        self.run_with_input(args, None)
    }

    /// Runs `git <args>` with `input` on its standard input.
    pub fn run_with_input<S: AsRef<OsStr>>(&self, args: &[S], input: Option<&[u8]>) -> Result<Ran, SyncError> {
        let mut cmd = self.command(args);
        cmd.stdin(if input.is_some() { Stdio::piped() } else { Stdio::null() });
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(|source| SyncError::NoGit { source })?;
        if let (Some(bytes), Some(mut stdin)) = (input, child.stdin.take()) {
            // A git that exits early closes its input: what it says is in its output.
            let _ = stdin.write_all(bytes);
        }
        let Output { status, stdout, stderr } =
            child.wait_with_output().map_err(|source| SyncError::NoGit { source })?;
        Ok(Ran {
            ok: status.success(),
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).trim().to_owned(),
        })
    }

    /// Runs `git <args>` and returns its output, or an error saying what Tarmeez was doing (`doing`) and what
    /// git said.
    pub fn ok<S: AsRef<OsStr>>(&self, doing: &str, args: &[S]) -> Result<String, SyncError> {
        let ran = self.run(args)?;
        if ran.ok { Ok(ran.stdout) } else { Err(SyncError::git(doing, &ran.stderr)) }
    }

    /// The raw bytes of a blob (a stage of a conflicted file), by its object id.
    pub fn blob(&self, id: &str) -> Result<Vec<u8>, SyncError> {
        let out = self
            .command(&["cat-file", "blob", id])
            .stdin(Stdio::null())
            .output()
            .map_err(|source| SyncError::NoGit { source })?;
        if out.status.success() {
            Ok(out.stdout)
        } else {
            Err(SyncError::git("reading a file's versions", String::from_utf8_lossy(&out.stderr).trim()))
        }
    }

    /// The folder of the repository's own files (`.git`, or what a worktree points at).
    pub fn git_dir(&self) -> Result<PathBuf, SyncError> {
        let out = self.ok("finding the repository", &["rev-parse", "--absolute-git-dir"])?;
        Ok(PathBuf::from(out.trim()))
    }
}
