//! Committing the coder's changed files with a message that says who changed what.

use super::git::Git;
use super::{CODER_TRAILER, SyncError};
use crate::model::Annotator;
use std::collections::BTreeSet;

/// Stages every change in the project folder and commits it; returns the commit's subject, or `None` when
/// nothing changed. The caller holds the shared-files lock, so no save is half-written meanwhile.
pub(super) fn commit_changes(git: &Git, coder: &Annotator) -> Result<Option<String>, SyncError> {
    commit_all(git, coder, &format!("Tarmeez sync ({coder})"))
}

/// [`commit_changes`] with the subject's beginning given (`Tarmeez sync (layla)`, or sharing's).
pub(super) fn commit_all(git: &Git, coder: &Annotator, start: &str) -> Result<Option<String>, SyncError> {
    super::ignore::ensure(git.root())?;
    git.ok("noting your changes", &["add", "-A", "--", "."])?;
    let names = git.ok("noting your changes", &["diff", "--cached", "--name-only", "-z", "--no-renames"])?;
    let paths: Vec<&str> = names.split('\0').filter(|p| !p.is_empty()).collect();
    if paths.is_empty() {
        return Ok(None);
    }
    let subject = format!("{start}: {}", describe(&paths));
    commit(git, coder, &subject, &[])?;
    Ok(Some(subject))
}

/// `git commit` with `subject`, the coder's trailer, and `extra` arguments (none, or those finishing a
/// merge). Git's own identity is used; when it has none, the coder's name stands in for it, so that a
/// coder who never set up git can still sync.
pub(super) fn commit(git: &Git, coder: &Annotator, subject: &str, extra: &[&str]) -> Result<(), SyncError> {
    let trailer = format!("{CODER_TRAILER}: {coder}");
    let mut args: Vec<String> = identity(git, coder);
    args.extend(["commit", "-q", "-m", subject].map(str::to_owned));
    // Sharing names no coder (whoever shares a project has not synced as anyone yet).
    if subject.starts_with("Tarmeez sync") {
        args.extend(["-m".to_owned(), trailer]);
    }
    args.extend(extra.iter().map(|s| (*s).to_owned()));
    let ran = git.run(&args)?;
    if ran.ok {
        Ok(())
    } else {
        // A pre-commit hook's refusal is its message, in plain words like any other.
        Err(SyncError::git("committing your changes", &ran.stderr))
    }
}

/// `-c user.name=… -c user.email=…` when git has no identity of its own, else nothing.
pub(super) fn identity(git: &Git, coder: &Annotator) -> Vec<String> {
    let known = |key: &str| git.run(&["config", "--get", key]).is_ok_and(|r| r.ok && !r.stdout.trim().is_empty());
    let mut args = Vec::new();
    if !known("user.name") {
        args.extend(["-c".to_owned(), format!("user.name={coder}")]);
    }
    if !known("user.email") {
        args.extend(["-c".to_owned(), format!("user.email={coder}@tarmeez.invalid")]);
    }
    args
}

/// What the changed files are, in words: "3 documents coded, 2 actors, the schema".
pub(super) fn describe(paths: &[&str]) -> String {
    let mut coded = BTreeSet::new();
    let mut added = BTreeSet::new();
    let mut suggested = BTreeSet::new();
    let mut actors = 0;
    let mut places = 0;
    let (mut schema, mut registry, mut other) = (false, false, 0);
    for path in paths {
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["annotations", doc, _] => {
                coded.insert(*doc);
            }
            ["documents", file] => {
                added.insert(file.rsplit_once('.').map_or(*file, |(stem, _)| stem));
            }
            ["suggestions", doc, _] => {
                suggested.insert(*doc);
            }
            ["actors", ..] => actors += 1,
            ["places", ..] => places += 1,
            ["actors.ron"] => registry = true,
            ["project.ron"] => schema = true,
            _ => other += 1,
        }
    }
    let count = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    let mut parts = Vec::new();
    if !coded.is_empty() {
        parts.push(count(coded.len(), "document coded", "documents coded"));
    }
    if !added.is_empty() {
        parts.push(count(added.len(), "document added", "documents added"));
    }
    if !suggested.is_empty() {
        parts.push(count(suggested.len(), "document's suggestions", "documents' suggestions"));
    }
    if actors > 0 {
        parts.push(count(actors, "actor", "actors"));
    }
    if places > 0 {
        parts.push(count(places, "place", "places"));
    }
    if registry {
        parts.push("the actor registry".to_owned());
    }
    if schema {
        parts.push("the schema".to_owned());
    }
    if other > 0 {
        parts.push(count(other, "other file", "other files"));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_message_counts_documents_not_files() {
        let paths = [
            "annotations/d1/layla.ron",
            "annotations/d2/layla.ron",
            "annotations/d3/layla.ron",
            "documents/n1.ron",
            "documents/n1.txt",
            "actors/01J.ron",
            "actors/01K.ron",
            "project.ron",
        ];
        assert_eq!(super::describe(&paths), "3 documents coded, 1 document added, 2 actors, the schema",);
        assert_eq!(super::describe(&[".gitignore"]), "1 other file");
    }
}
