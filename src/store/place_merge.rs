//! Merging two versions of one place field by field (DESIGN.md section 11), as `store::actor_merge` does for
//! actors and with its rules: the variants are a set (the union, minus what one side removed since the common
//! version); every other field is a single value, taken from the side that changed it, ours kept and the
//! conflict reported when both changed it differently; a place deleted on one side and changed on the other
//! is kept as changed.

use crate::model::{Place, PlaceKind};
use crate::store::actor_merge::{ActorMergeError, FieldConflict, MergedText, merge_aliases, pick};
use std::path::Path;

/// The result of merging two versions of a place.
#[derive(Clone, Debug, PartialEq)]
pub struct MergedPlace {
    /// The merged place (ours where both changed a field differently).
    pub place: Place,
    /// The fields both sides changed differently; empty for a clean merge.
    pub conflicts: Vec<FieldConflict>,
}

impl MergedPlace {
    /// Whether nothing conflicted.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// Merges `ours` and `theirs`, two versions of one place, from `base`, the version both started from (`None`
/// when both sides added it independently: then every difference is a conflict, and variants are united).
pub fn merge_place(base: Option<&Place>, ours: &Place, theirs: &Place) -> MergedPlace {
    let mut c = Vec::new();
    let text = |s: &String| s.clone();
    let number = |v: &Option<f64>| v.map_or_else(|| "none".to_owned(), |x| x.to_string());
    macro_rules! field {
        ($f:ident, $show:expr) => {
            pick(base.map(|b| &b.$f), &ours.$f, &theirs.$f, stringify!($f), &mut c, $show)
        };
    }
    let place = Place {
        name: field!(name, text),
        name_ar: field!(name_ar, text),
        variants: merge_aliases(base.map(|b| b.variants.as_slice()), &ours.variants, &theirs.variants),
        kind: field!(kind, |k: &PlaceKind| format!("{k:?}")),
        country: field!(country, text),
        admin1: field!(admin1, text),
        admin2: field!(admin2, text),
        admin3: field!(admin3, text),
        latitude: field!(latitude, number),
        longitude: field!(longitude, number),
        geonames: field!(geonames, |g: &Option<u64>| g.map_or_else(|| "none".to_owned(), |x| x.to_string())),
        notes: field!(notes, text),
    };
    MergedPlace { place, conflicts: c }
}

/// Merges two versions of a place that either side may have deleted (`None`); `None` when the merged place
/// is deleted (deleted on one side and unchanged on the other, or on both).
pub fn merge_place_versions(base: Option<&Place>, ours: Option<&Place>, theirs: Option<&Place>) -> Option<MergedPlace> {
    let kept = |p: &Place| Some(MergedPlace { place: p.clone(), conflicts: Vec::new() });
    match (base, ours, theirs) {
        (_, None, None) => None,
        (Some(b), Some(o), None) if o == b => None,
        (Some(b), None, Some(t)) if t == b => None,
        (_, Some(o), None) => kept(o),
        (_, None, Some(t)) => kept(t),
        (b, Some(o), Some(t)) => Some(merge_place(b, o, t)),
    }
}

/// Merges three versions of the place file `path` (`places/<id>.ron`, for messages) as git hands them to a
/// sync: like [`crate::store::actor_merge::merge_actor_text`], the merged text is written as Tarmeez writes
/// place files, so the same versions give the same bytes on every machine.
pub fn merge_place_text(
    path: &Path,
    base: Option<&str>,
    ours: Option<&str>,
    theirs: Option<&str>,
) -> Result<MergedText, ActorMergeError> {
    let parse = |which: &'static str, text: Option<&str>| -> Result<Option<Place>, ActorMergeError> {
        let text = text.map(|t| t.strip_prefix('\u{feff}').unwrap_or(t));
        text.map(|t| super::ron_io::parse::<Place>(path, t))
            .transpose()
            .map_err(|problem| ActorMergeError::Parse { which, problem })
    };
    let (base, ours, theirs) = (parse("the common", base)?, parse("our", ours)?, parse("their", theirs)?);
    let Some(merged) = merge_place_versions(base.as_ref(), ours.as_ref(), theirs.as_ref()) else {
        return Ok(MergedText { text: None, conflicts: Vec::new() });
    };
    let text = super::ron_io::to_ron(&merged.place)
        .map_err(|source| ActorMergeError::Serialize { path: path.to_owned(), source })?;
    Ok(MergedText { text: Some(text), conflicts: merged.conflicts })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shibli() -> Place {
        let mut p = Place::new("Al Shibli", PlaceKind::Village);
        p.name_ar = "الشبلي".into();
        p.variants = vec!["شبلي".into()];
        p
    }

    #[test]
    fn fields_changed_on_different_sides_are_both_kept() {
        let base = shibli();
        let mut ours = base.clone();
        (ours.latitude, ours.longitude) = (Some(35.1), Some(40.3));
        ours.variants.push("الشبلى".into());
        let mut theirs = base.clone();
        theirs.admin1 = "Deir ez-Zor".into();
        theirs.variants.retain(|v| v != "شبلي");
        let merged = merge_place(Some(&base), &ours, &theirs);
        assert!(merged.is_clean(), "{:?}", merged.conflicts);
        assert_eq!(merged.place.coordinates(), Some((35.1, 40.3)));
        assert_eq!(merged.place.admin1, "Deir ez-Zor");
        assert_eq!(merged.place.variants, ["الشبلى"], "their removal and our addition");
    }

    #[test]
    fn one_field_changed_differently_on_both_sides_is_a_conflict_keeping_ours() {
        let base = shibli();
        let mut ours = base.clone();
        ours.latitude = Some(35.1);
        ours.longitude = Some(40.3);
        let mut theirs = base.clone();
        theirs.latitude = Some(35.2);
        theirs.longitude = Some(40.3);
        let merged = merge_place(Some(&base), &ours, &theirs);
        let fields: Vec<&str> = merged.conflicts.iter().map(|c| c.field).collect();
        assert_eq!(fields, ["latitude"]);
        assert_eq!(merged.place.latitude, Some(35.1));
        assert_eq!(merged.conflicts[0].to_string(), "latitude: here \"35.1\", there \"35.2\"");
    }

    #[test]
    fn a_deletion_loses_to_a_change_and_wins_over_nothing() {
        let base = shibli();
        let mut changed = base.clone();
        changed.notes = "GeoNames".into();
        assert_eq!(merge_place_versions(Some(&base), None, Some(&changed)).map(|m| m.place), Some(changed));
        assert_eq!(merge_place_versions(Some(&base), None, Some(&base)), None);
        let text = crate::store::to_ron(&base).unwrap();
        let path = Path::new("places/gn-1.ron");
        let gone = merge_place_text(path, Some(&text), Some(&text), None).unwrap();
        assert_eq!(gone.text, None);
        assert!(merge_place_text(path, None, Some("("), Some(&text)).is_err(), "not a place file");
    }
}
