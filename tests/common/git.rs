//! The real git, for the tests of shared projects: a local bare repository stands for the team's shared one.

use std::path::Path;
use std::process::Command;

/// Runs git in `dir`, asserting it succeeds; returns its output.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git").arg("-C").arg(dir).args(args).env("GIT_TERMINAL_PROMPT", "0").output().unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Who commits in a clone: set in its local config, as a coder's own git setup would be.
pub fn configure(dir: &Path, name: &str) {
    git(dir, &["config", "user.name", name]);
    git(dir, &["config", "user.email", &format!("{name}@example.org")]);
    git(dir, &["config", "commit.gpgsign", "false"]);
}
