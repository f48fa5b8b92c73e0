//! Sharing a project: the folder becomes a git repository (or an existing one is taken as it is), with the
//! `.gitignore` and `.gitattributes` a team needs and a first commit, and, given a remote, is pushed there.

use super::SyncError;
use super::git::Git;
use super::status::is_repository;
use std::path::Path;

/// What sharing did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ShareReport {
    /// A new repository was made (else the folder already was one).
    pub created: bool,
    /// The subject of the commit made, if there was anything to commit.
    pub committed: Option<String>,
    /// The shared repository's address, when one was given.
    pub remote: Option<String>,
    /// The project was pushed there.
    pub pushed: bool,
    /// Why it could not be pushed (it will be by the next sync), when the remote could not be reached.
    pub offline: Option<String>,
}

impl ShareReport {
    /// What was done, one sentence a line.
    pub fn describe(&self) -> Vec<String> {
        let mut lines = vec![if self.created {
            "The project folder is now a git repository.".to_owned()
        } else {
            "The project folder already was a git repository.".to_owned()
        }];
        if let Some(subject) = &self.committed {
            lines.push(format!("Committed: {subject}."));
        }
        match (&self.remote, self.pushed, &self.offline) {
            (Some(url), true, _) => lines.push(format!("Shared at {url}: teammates clone it from there.")),
            (Some(url), false, Some(why)) => {
                lines.push(format!("Not sent to {url} yet ({why}); the next sync sends it."));
            }
            _ => lines.push("No shared repository given: sync stays on this computer until one is set.".to_owned()),
        }
        lines
    }
}

/// Turns the project folder `root` into a git repository shared at `remote` (set as `origin` and pushed)
/// when given. An existing repository is kept; the ignore and attribute lines are added where missing.
pub fn init_team(root: &Path, remote: Option<&str>) -> Result<ShareReport, SyncError> {
    if !root.join(crate::store::paths::config()).is_file() {
        return Err(SyncError::Git {
            doing: "sharing the project".into(),
            message: format!("{} is not a Tarmeez project (it has no project.ron)", root.display()),
        });
    }
    let git = Git::new(root);
    let mut report = ShareReport::default();
    if !is_repository(&git)? {
        git.ok("making the repository", &["init", "-q"])?;
        report.created = true;
    }
    let coder = crate::default_annotator();
    {
        let _writing = crate::store::SharedFilesLock::acquire(root, crate::store::SharedFilesLock::PATIENCE)?;
        report.committed = super::commit::commit_all(&git, &coder, "Tarmeez: project shared")?;
    }
    if let Some(url) = remote {
        set_origin(&git, url)?;
        report.remote = Some(url.to_owned());
        push(&git, &mut report)?;
    }
    Ok(report)
}

fn set_origin(git: &Git, url: &str) -> Result<(), SyncError> {
    let verb = if git.run(&["config", "--get", "remote.origin.url"])?.ok { "set-url" } else { "add" };
    git.ok("setting the shared repository", &["remote", verb, "origin", url])?;
    Ok(())
}

/// Sends the branch to `origin` and makes it the upstream. A remote that already holds other work is not
/// overwritten: the first sync merges it.
fn push(git: &Git, report: &mut ShareReport) -> Result<(), SyncError> {
    if !super::status::has_commits(git)? {
        return Ok(());
    }
    let net = git.clone().for_network();
    let ran = net.run(&["push", "-q", "-u", "origin", "HEAD"])?;
    if ran.ok {
        report.pushed = true;
    } else if super::error::unreachable(&ran.stderr) {
        report.offline = Some("the shared repository cannot be reached".to_owned());
    } else if ran.stderr.contains("[rejected]") {
        report.offline = Some("it already holds work: the first sync merges the two".to_owned());
    } else {
        return Err(SyncError::git("sending the project", &ran.stderr));
    }
    Ok(())
}
