//! What a sync does with a file that git could not merge (DESIGN.md section 11).
//!
//! Tarmeez's files are laid out so that each has one writer, and git merges them without asking. Where git
//! still reports a conflict (a file written on two laptops), [`resolve`] decides from the three versions, by
//! the kind of file: a kind Tarmeez knows how to merge gets one merged file; any other keeps this computer's
//! version in place and the other one beside it under `conflicts/`, so nothing is lost and nothing holds
//! conflict markers. A new kind of file is one [`FileKind`] and one arm in [`resolve`].

use crate::model::SuggestionSet;
use std::path::Path;

/// The kinds of files a sync knows how to merge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// `suggestions/<doc>/<source>.ron`: shared input to which imports only add ids.
    Suggestions,
    /// `actors/<id>.ron`: one actor of the registry, merged field by field (`store::actor_merge`).
    Actor,
    /// `places/<id>.ron`: one place of the registry, merged field by field (`store::place_merge`).
    Place,
    /// Anything else: kept both ways.
    Other,
}

impl FileKind {
    /// The kind of the file at `path` (relative to the project folder, `/`-separated as git lists it).
    pub fn of(path: &Path) -> Self {
        let parts: Vec<&str> = path.iter().filter_map(|p| p.to_str()).collect();
        match parts.as_slice() {
            ["suggestions", _, file] if file.ends_with(".ron") => FileKind::Suggestions,
            ["actors", file] if file.ends_with(".ron") => FileKind::Actor,
            ["places", file] if file.ends_with(".ron") => FileKind::Place,
            _ => FileKind::Other,
        }
    }
}

/// What becomes of a conflicted file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// These bytes are the file, merged.
    Merged(Vec<u8>),
    /// The file is removed: both sides removed it, or one removed it and the other left it as it was.
    Removed,
    /// This computer's version stays in place; the other is saved under `conflicts/` and the user is told.
    KeepBoth,
}

/// Resolves a conflicted file from its three versions: `base` (the common ancestor), `ours` (this computer's)
/// and `theirs` (the one being merged in); `None` where that side has no such file.
pub fn resolve(path: &Path, base: Option<&[u8]>, ours: Option<&[u8]>, theirs: Option<&[u8]>) -> Resolution {
    match (ours, theirs) {
        (None, None) => return Resolution::Removed,
        // Removed on one side: keep the other side's version if it changed, so no work is lost.
        (Some(kept), None) | (None, Some(kept)) => {
            return if base == Some(kept) { Resolution::Removed } else { Resolution::Merged(kept.to_vec()) };
        }
        (Some(a), Some(b)) if a == b => return Resolution::Merged(a.to_vec()),
        (Some(_), Some(_)) => {}
    }
    let (Some(ours), Some(theirs)) = (ours, theirs) else { return Resolution::KeepBoth };
    match FileKind::of(path) {
        FileKind::Suggestions => merge_suggestion_files(ours, theirs),
        FileKind::Actor => merge_registry_files(path, base, ours, theirs, crate::store::actor_merge::merge_actor_text),
        FileKind::Place => merge_registry_files(path, base, ours, theirs, crate::store::place_merge::merge_place_text),
        FileKind::Other => Resolution::KeepBoth,
    }
}

/// The text merge of a registry file (an actor's or a place's): three versions, each `None` where absent.
type MergeText = fn(
    &Path,
    Option<&str>,
    Option<&str>,
    Option<&str>,
) -> Result<crate::store::actor_merge::MergedText, crate::store::actor_merge::ActorMergeError>;

/// Two versions of an actor or a place merged field by field against their common version. Where both
/// changed one field differently, neither value is dropped: the file keeps this computer's and theirs goes
/// under `conflicts/` for the coders to settle.
fn merge_registry_files(path: &Path, base: Option<&[u8]>, ours: &[u8], theirs: &[u8], merge: MergeText) -> Resolution {
    let text = |bytes: &[u8]| std::str::from_utf8(bytes).ok().map(str::to_owned);
    let (Some(ours), Some(theirs)) = (text(ours), text(theirs)) else { return Resolution::KeepBoth };
    let base = base.and_then(text);
    match merge(path, base.as_deref(), Some(&ours), Some(&theirs)) {
        Ok(merged) if merged.conflicts.is_empty() => match merged.text {
            Some(text) => Resolution::Merged(text.into_bytes()),
            None => Resolution::Removed,
        },
        _ => Resolution::KeepBoth,
    }
}

/// Two versions of a suggestion file merged as two sessions' saves are (`store::merge::merge_suggestions`).
fn merge_suggestion_files(ours: &[u8], theirs: &[u8]) -> Resolution {
    let parse = |bytes: &[u8]| std::str::from_utf8(bytes).ok().and_then(|s| ron::from_str::<SuggestionSet>(s).ok());
    let (Some(mine), Some(other)) = (parse(ours), parse(theirs)) else { return Resolution::KeepBoth };
    match crate::store::merge::merge_suggestions(&mine, &other).and_then(|m| crate::store::to_ron(&m).ok()) {
        Some(text) => Resolution::Merged(text.into_bytes()),
        None => Resolution::KeepBoth,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn set(items: &[(u32, usize)]) -> Vec<u8> {
        let info = SourceInfo { model: "m".into(), version: String::new(), imported_at: "2026-01-01T00:00:00Z".into() };
        let suggestions = items
            .iter()
            .map(|&(id, start)| {
                let s = Suggestion {
                    span: Span::new(start, start + 3),
                    label: SuggestedLabel::Entity(EntityTypeId::new("LOCATION")),
                    score: None,
                    roles: Vec::new(),
                };
                (SuggestionId(id), s)
            })
            .collect();
        crate::store::to_ron(&SuggestionSet { source: info, suggestions }).unwrap().into_bytes()
    }

    #[test]
    fn suggestion_files_are_merged_and_others_kept_both_ways() {
        let path = Path::new("suggestions/doc-1/tagger.ron");
        let base = set(&[(1, 0)]);
        let ours = set(&[(1, 0), (3, 20)]);
        let theirs = set(&[(1, 0), (2, 9)]);
        let Resolution::Merged(bytes) = resolve(path, Some(&base), Some(&ours), Some(&theirs)) else { panic!() };
        let merged: SuggestionSet = ron::from_str(std::str::from_utf8(&bytes).unwrap()).unwrap();
        assert_eq!(merged.suggestions.keys().map(|id| id.0).collect::<Vec<_>>(), [1, 2, 3], "both imports kept");
        let clash = set(&[(1, 0), (2, 30)]);
        assert_eq!(
            resolve(path, Some(&base), Some(&clash), Some(&theirs)),
            Resolution::KeepBoth,
            "one id, two suggestions"
        );
        let other = Path::new("notes/plan.txt");
        assert_eq!(resolve(other, Some(b"a"), Some(b"b"), Some(b"c")), Resolution::KeepBoth);
        assert_eq!(
            resolve(other, Some(b"a"), Some(b"b"), None),
            Resolution::Merged(b"b".to_vec()),
            "an edit beats a removal"
        );
        assert_eq!(resolve(other, Some(b"a"), None, Some(b"a")), Resolution::Removed);
        let garbled = resolve(path, Some(&base), Some(b"(" as &[u8]), Some(&theirs));
        assert_eq!(garbled, Resolution::KeepBoth, "an unreadable side is kept, not dropped");
    }

    #[test]
    fn an_actor_changed_on_both_sides_is_merged_field_by_field_or_kept_both_ways() {
        let actor = |name: &str, aliases: &[&str]| Actor {
            name: name.into(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            kind: ActorKind::Militia,
            affiliation: None,
            notes: String::new(),
        };
        let text = |a: &Actor| crate::store::to_ron(a).unwrap().into_bytes();
        let path = Path::new("actors/nujaba-019ad3c2.ron");
        let base = text(&actor("Nujaba", &["النجباء"]));
        let ours = text(&actor("Harakat al-Nujaba", &["النجباء"]));
        let theirs = text(&actor("Nujaba", &["النجباء", "حركة النجباء"]));
        let Resolution::Merged(bytes) = resolve(path, Some(&base), Some(&ours), Some(&theirs)) else { panic!() };
        let merged: Actor = ron::from_str(std::str::from_utf8(&bytes).unwrap()).unwrap();
        assert_eq!(merged, actor("Harakat al-Nujaba", &["النجباء", "حركة النجباء"]), "our name, their alias");
        let renamed = text(&actor("al-Nujaba Movement", &["النجباء"]));
        assert_eq!(resolve(path, Some(&base), Some(&ours), Some(&renamed)), Resolution::KeepBoth, "two names");
    }
}
