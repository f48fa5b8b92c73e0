//! Merging two versions of one actor field by field (DESIGN.md section 11), so that two coders who changed
//! the same actor on two laptops never meet a conflict git must ask a person about.
//!
//! - Aliases are a set: the union of both sides, minus any alias one side removed since the common version.
//! - Name, kind, affiliation and notes are single values: the side that changed one wins; when both changed it
//!   differently, ours is kept and the conflict is reported with both values, so that the user sees them.
//! - An actor deleted on one side and changed on the other is kept as changed; deleted on one side and left
//!   alone on the other, it is deleted.
//!
//! [`merge_actor_text`] does the same on the files' texts, as `git merge` hands them to a merge driver; the
//! window merges with [`merge_actor_versions`] when an actor file changed on disk since it was read.

use crate::model::{Actor, ActorKind};
use crate::store::Problem;
use std::fmt;
use std::path::Path;

/// One field both sides changed, to different values: ours was kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldConflict {
    /// The field: `name`, `kind`, `affiliation` or `notes`.
    pub field: &'static str,
    /// Our value (kept), as the user would read it.
    pub ours: String,
    /// Their value (not kept).
    pub theirs: String,
}

impl fmt::Display for FieldConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: here \"{}\", there \"{}\"", self.field, self.ours, self.theirs)
    }
}

/// The result of merging two versions of an actor.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// The merged actor (ours where both changed a field differently).
    pub actor: Actor,
    /// The fields both sides changed differently; empty for a clean merge.
    pub conflicts: Vec<FieldConflict>,
}

impl Merged {
    /// Whether nothing conflicted.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// Merges `ours` and `theirs`, two versions of one actor, from `base`, the version both started from (`None`
/// when both sides added it independently: then every difference is a conflict, and aliases are united).
pub fn merge_actor(base: Option<&Actor>, ours: &Actor, theirs: &Actor) -> Merged {
    let mut conflicts = Vec::new();
    let name = pick(base.map(|b| &b.name), &ours.name, &theirs.name, "name", &mut conflicts, |s| s.clone());
    let kind = pick(base.map(|b| &b.kind), &ours.kind, &theirs.kind, "kind", &mut conflicts, kind_name);
    let affiliation = pick(
        base.map(|b| &b.affiliation),
        &ours.affiliation,
        &theirs.affiliation,
        "affiliation",
        &mut conflicts,
        |a| a.as_ref().map_or_else(|| "none".to_owned(), ToString::to_string),
    );
    let notes = pick(base.map(|b| &b.notes), &ours.notes, &theirs.notes, "notes", &mut conflicts, |s| s.clone());
    let aliases = merge_aliases(base.map(|b| b.aliases.as_slice()), &ours.aliases, &theirs.aliases);
    Merged { actor: Actor { name, aliases, kind, affiliation, notes }, conflicts }
}

/// Merges two versions of an actor that either side may have deleted (`None`); `None` when the merged
/// actor is deleted (deleted on one side and unchanged on the other, or on both). An actor deleted on one
/// side and changed on the other is kept as changed: nobody's edit is lost.
pub fn merge_actor_versions(base: Option<&Actor>, ours: Option<&Actor>, theirs: Option<&Actor>) -> Option<Merged> {
    let kept = |a: &Actor| Some(Merged { actor: a.clone(), conflicts: Vec::new() });
    match (base, ours, theirs) {
        (_, None, None) => None,
        (Some(b), Some(o), None) if o == b => None,
        (Some(b), None, Some(t)) if t == b => None,
        (_, Some(o), None) => kept(o),
        (_, None, Some(t)) => kept(t),
        (b, Some(o), Some(t)) => Some(merge_actor(b, o, t)),
    }
}

/// Three-way choice of one value: the side that changed it; both changed it differently, ours (reported).
pub(crate) fn pick<T: PartialEq + Clone>(
    base: Option<&T>,
    ours: &T,
    theirs: &T,
    field: &'static str,
    conflicts: &mut Vec<FieldConflict>,
    show: impl Fn(&T) -> String,
) -> T {
    if ours == theirs || base == Some(theirs) {
        return ours.clone();
    }
    if base == Some(ours) {
        return theirs.clone();
    }
    conflicts.push(FieldConflict { field, ours: show(ours), theirs: show(theirs) });
    ours.clone()
}

/// Our aliases in our order, then theirs that we lack, leaving out every alias one side removed since `base`
/// (also a place's variants, `store::place_merge`).
pub(crate) fn merge_aliases(base: Option<&[String]>, ours: &[String], theirs: &[String]) -> Vec<String> {
    let base = base.unwrap_or_default();
    let removed_by = |side: &[String], a: &String| base.contains(a) && !side.contains(a);
    let mut out: Vec<String> = Vec::with_capacity(ours.len() + theirs.len());
    for a in ours.iter().chain(theirs) {
        if !removed_by(ours, a) && !removed_by(theirs, a) && !out.contains(a) {
            out.push(a.clone());
        }
    }
    out
}

fn kind_name(kind: &ActorKind) -> String {
    format!("{kind:?}")
}

/// The text of a merged actor file: `None` when the actor is deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergedText {
    /// The file's new text, or `None` when the file is to be removed.
    pub text: Option<String>,
    /// The fields both sides changed differently (ours kept), to show to the user; empty for a clean merge.
    pub conflicts: Vec<FieldConflict>,
}

/// Why two versions of an actor file could not be merged: one of them is not a valid actor file.
#[derive(Debug, thiserror::Error)]
pub enum ActorMergeError {
    /// A version did not parse.
    #[error("{which} version of {problem}")]
    Parse {
        /// `the common`, `our` or `their`.
        which: &'static str,
        /// Where and why.
        problem: Problem,
    },
    /// The merged actor could not be written as text.
    #[error("cannot write the merged {path}: {source}")]
    Serialize {
        /// The file.
        path: std::path::PathBuf,
        /// The cause.
        source: ron::Error,
    },
}

/// Merges three versions of the actor file `path` (`actors/<id>.ron`, for messages) as git hands them to a
/// merge driver: `base` is the common ancestor's text (absent when both sides added the file), `ours` and
/// `theirs` the two sides' texts (absent when that side deleted the file). Returns the merged file's text
/// (`None`: the file is to be removed) with the fields that conflicted (ours kept, both values reported).
///
/// The text is written as Tarmeez writes actor files, so merging the same versions always gives the same
/// bytes on every machine.
pub fn merge_actor_text(
    path: &Path,
    base: Option<&str>,
    ours: Option<&str>,
    theirs: Option<&str>,
) -> Result<MergedText, ActorMergeError> {
    let parse = |which: &'static str, text: Option<&str>| -> Result<Option<Actor>, ActorMergeError> {
        let text = text.map(|t| t.strip_prefix('\u{feff}').unwrap_or(t));
        text.map(|t| super::ron_io::parse::<Actor>(path, t))
            .transpose()
            .map_err(|problem| ActorMergeError::Parse { which, problem })
    };
    let (base, ours, theirs) = (parse("the common", base)?, parse("our", ours)?, parse("their", theirs)?);
    let Some(merged) = merge_actor_versions(base.as_ref(), ours.as_ref(), theirs.as_ref()) else {
        return Ok(MergedText { text: None, conflicts: Vec::new() });
    };
    let text = super::ron_io::to_ron(&merged.actor)
        .map_err(|source| ActorMergeError::Serialize { path: path.to_owned(), source })?;
    Ok(MergedText { text: Some(text), conflicts: merged.conflicts })
}

#[cfg(test)]
mod tests;
