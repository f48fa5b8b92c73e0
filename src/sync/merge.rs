//! Merging teammates' commits in, and finishing a merge that git left with conflicts: every conflicted file
//! is resolved by [`super::resolve`] and the merge committed, so no file ever keeps conflict markers.

use super::git::Git;
use super::resolve::{Resolution, resolve};
use super::run::KeptConflict;
use super::{CODER_TRAILER, SyncError};
use crate::model::Annotator;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What merging brought.
#[derive(Debug, Default)]
pub(super) struct Merged {
    /// Commits merged in.
    pub commits: usize,
    /// Files git could not merge that Tarmeez merged.
    pub merged: Vec<PathBuf>,
    /// Files kept both ways.
    pub kept: Vec<KeptConflict>,
}

/// Merges `upstream` into the current branch. The caller holds the shared-files lock: git rewrites the
/// working tree.
pub(super) fn merge(git: &Git, upstream: &str, coder: &Annotator) -> Result<Merged, SyncError> {
    let range = format!("HEAD..{upstream}");
    let commits = count(git, &range)?;
    if commits == 0 {
        return Ok(Merged::default());
    }
    let subject = format!("Tarmeez sync ({coder}): teammates' work merged");
    let trailer = format!("{CODER_TRAILER}: {coder}");
    let mut args = super::commit::identity(git, coder);
    args.extend(
        ["merge", "-q", "--no-edit", "--allow-unrelated-histories", "-m", &subject, "-m", &trailer, upstream]
            .map(str::to_owned),
    );
    let ran = git.run(&args)?;
    if ran.ok {
        return Ok(Merged { commits, ..Merged::default() });
    }
    if !merging(git)? {
        return Err(SyncError::git("merging your teammates' work", &ran.stderr));
    }
    let mut done = finish(git, coder)?;
    done.commits = commits;
    Ok(done)
}

/// Whether a merge is under way (`MERGE_HEAD` exists).
pub(super) fn merging(git: &Git) -> Result<bool, SyncError> {
    Ok(git.run(&["rev-parse", "-q", "--verify", "MERGE_HEAD"])?.ok)
}

/// Finishes the merge under way: resolves each conflicted file, then commits.
pub(super) fn finish(git: &Git, coder: &Annotator) -> Result<Merged, SyncError> {
    let from = whose(git)?;
    let mut done = Merged::default();
    for (path, stages) in unmerged(git)? {
        let blob = |stage: &Option<String>| stage.as_deref().map(|id| git.blob(id)).transpose();
        let (base, ours, theirs) = (blob(&stages[0])?, blob(&stages[1])?, blob(&stages[2])?);
        let rel = Path::new(&path);
        match resolve(rel, base.as_deref(), ours.as_deref(), theirs.as_deref()) {
            Resolution::Merged(bytes) => {
                write(git.root(), rel, &bytes)?;
                git.ok("merging a file", &["add", "--", &path])?;
                done.merged.push(rel.to_owned());
            }
            Resolution::Removed => {
                let _ = std::fs::remove_file(git.root().join(rel));
                git.ok("merging a file", &["rm", "-q", "--cached", "--ignore-unmatch", "--", &path])?;
            }
            Resolution::KeepBoth => done.kept.push(keep_both(git, rel, &from, ours, theirs)?),
        }
    }
    let subject = format!("Tarmeez sync ({coder}): teammates' work merged");
    super::commit::commit(git, coder, &subject, &["--no-edit"])?;
    Ok(done)
}

/// Ours stays at `rel`; theirs goes to `conflicts/<who>-<commit>/<rel>`; both are staged.
fn keep_both(
    git: &Git,
    rel: &Path,
    from: &str,
    ours: Option<Vec<u8>>,
    theirs: Option<Vec<u8>>,
) -> Result<KeptConflict, SyncError> {
    let saved_as = Path::new("conflicts").join(from).join(rel);
    if let Some(ours) = ours {
        write(git.root(), rel, &ours)?;
    }
    write(git.root(), &saved_as, &theirs.unwrap_or_default())?;
    let (a, b) = (rel.to_string_lossy(), saved_as.to_string_lossy());
    git.ok("keeping both versions of a file", &["add", "-f", "--", &a, &b])?;
    Ok(KeptConflict { path: rel.to_owned(), saved_as, from: from.to_owned() })
}

fn write(root: &Path, rel: &Path, bytes: &[u8]) -> Result<(), SyncError> {
    let path = root.join(rel);
    if let Some(dir) = path.parent() {
        crate::store::atomic::create_dir_durable(dir).map_err(|e| SyncError::io(dir, e))?;
    }
    crate::store::atomic::write_atomic(&path, bytes).map_err(|e| SyncError::io(&path, e))
}

/// Who made the commit being merged and which it is: `omar-1a2b3c4` (the coder's trailer, else git's author).
fn whose(git: &Git) -> Result<String, SyncError> {
    let format = format!("--format=%(trailers:key={CODER_TRAILER},valueonly,separator=%x2C)%x1f%an%x1f%h");
    let out = git.ok("reading the merged commit", &["log", "-1", &format, "MERGE_HEAD"])?;
    let fields: Vec<&str> = out.trim().split('\x1f').collect();
    let (coder, author, commit) = match fields.as_slice() {
        [coder, author, commit] => (coder.trim(), author.trim(), commit.trim()),
        _ => ("", "", "unknown"),
    };
    let who = if coder.is_empty() { crate::model::Annotator::from_raw(author).to_string() } else { coder.to_owned() };
    Ok(format!("{who}-{commit}"))
}

/// The conflicted files, each with the object ids of its stages: common ancestor, ours, theirs.
fn unmerged(git: &Git) -> Result<BTreeMap<String, [Option<String>; 3]>, SyncError> {
    let out = git.ok("listing conflicted files", &["ls-files", "-u", "-z"])?;
    let mut files: BTreeMap<String, [Option<String>; 3]> = BTreeMap::new();
    for entry in out.split('\0').filter(|e| !e.is_empty()) {
        // `<mode> <object> <stage>\t<path>`
        let Some((info, path)) = entry.split_once('\t') else { continue };
        let fields: Vec<&str> = info.split(' ').collect();
        if let [_, object, stage] = fields.as_slice()
            && let Ok(stage @ 1..=3) = stage.parse::<usize>()
        {
            files.entry(path.to_owned()).or_default()[stage - 1] = Some((*object).to_owned());
        }
    }
    Ok(files)
}

/// How many commits `range` holds.
pub(super) fn count(git: &Git, range: &str) -> Result<usize, SyncError> {
    let out = git.ok("counting commits", &["rev-list", "--count", range])?;
    Ok(out.trim().parse().unwrap_or(0))
}
