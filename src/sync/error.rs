//! Why a sync or a share failed, in plain words.

use crate::store::LockError;

/// Why sharing or syncing a project failed. Whatever the cause, the coder's work is committed on this
/// computer when the error comes after the commit, and the next sync retries.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    /// The `git` program could not be run.
    #[error("cannot run git ({source}); install git (https://git-scm.com) and try again")]
    NoGit {
        /// The cause.
        source: std::io::Error,
    },
    /// The folder is not shared yet.
    #[error("{0} is not shared: use File > Share project… or `tarmeez init-team` first")]
    NotShared(String),
    /// Another sync of this project is running.
    #[error("another sync of this project is running; wait for it to finish")]
    Busy,
    /// A project lock could not be taken.
    #[error(transparent)]
    Lock(#[from] LockError),
    /// A file of the project could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The remote refused the push (a hook, a protected branch, permissions).
    #[error(
        "the shared repository refused your changes: {message}\nYour work is committed on this computer; the \
         next sync sends it again"
    )]
    Rejected {
        /// What the remote said.
        message: String,
    },
    /// Git failed at a step.
    #[error("git failed while {doing}: {message}")]
    Git {
        /// What Tarmeez was doing.
        doing: String,
        /// What git said, made plain where it is a known case.
        message: String,
    },
}

impl SyncError {
    /// Git failed while `doing`, saying `stderr`.
    pub(crate) fn git(doing: &str, stderr: &str) -> Self {
        SyncError::Git { doing: doing.to_owned(), message: plain(stderr) }
    }

    pub(crate) fn io(path: &std::path::Path, source: std::io::Error) -> Self {
        SyncError::Io { path: path.display().to_string(), source }
    }
}

/// Git's message for the user: the known cases in plain words, else git's own lines without its prefixes.
pub(crate) fn plain(stderr: &str) -> String {
    let lower = stderr.to_lowercase();
    let known = [
        (
            "please tell me who you are",
            "git does not know your name: run `git config --global user.name \"Your Name\"` and `git config --global user.email you@example.org`",
        ),
        ("authentication failed", "the shared repository did not accept your login (check your git credentials)"),
        ("permission denied (publickey", "the shared repository did not accept your SSH key"),
        (
            "terminal prompts disabled",
            "the shared repository asks for a password: set up a credential helper or an SSH key for it",
        ),
        (
            "could not read username",
            "the shared repository asks for a password: set up a credential helper or an SSH key for it",
        ),
    ];
    if let Some((_, says)) = known.iter().find(|(key, _)| lower.contains(key)) {
        return (*says).to_owned();
    }
    let lines: Vec<&str> = stderr
        .lines()
        .map(|l| l.trim_start_matches("fatal: ").trim_start_matches("error: ").trim_start_matches("remote: ").trim())
        .filter(|l| !l.is_empty() && !l.starts_with("hint:") && !l.starts_with("To "))
        .collect();
    if lines.is_empty() { "no details".to_owned() } else { lines.join("; ") }
}

/// Whether git's message says the remote could not be reached at all (no network, a moved or missing
/// repository, a host down): the sync then works offline.
pub(crate) fn unreachable(stderr: &str) -> bool {
    let lower = stderr.to_lowercase();
    [
        "could not resolve host",
        "could not resolve hostname",
        "does not appear to be a git repository",
        "connection refused",
        "connection timed out",
        "network is unreachable",
        "no route to host",
        "operation timed out",
        "failed to connect",
        "unable to access",
        "could not read from remote repository",
        "no such file or directory",
        "repository not found",
        "temporary failure in name resolution",
    ]
    .iter()
    .any(|k| lower.contains(k))
        && !lower.contains("permission denied (publickey")
        && !lower.contains("authentication failed")
}
