//! Confusion between entity types for a coder pair: which type each coder gave where both marked something.

use super::Labelled;
use crate::model::EntityTypeId;
use std::collections::BTreeMap;

/// Counts of (first coder's type, second coder's type); `None` stands for no mention.
pub type Confusion = BTreeMap<(Option<EntityTypeId>, Option<EntityTypeId>), usize>;

/// Adds one document's confusion of two coders to `out`: each pair of overlapping mentions (one of each
/// coder) counts its two types once; a mention that no mention of the other coder overlaps counts its type
/// against none. Agreement lies on the diagonal; a mention marked with another type by the other coder off
/// it; one coder silent in the none row or column.
pub fn add_confusion(out: &mut Confusion, first: &[Labelled], second: &[Labelled]) {
    for (span, ty) in first {
        let mut hit = false;
        for (_, other_ty) in second.iter().filter(|(s, _)| s.overlaps(span)) {
            *out.entry((Some(ty.clone()), Some(other_ty.clone()))).or_default() += 1;
            hit = true;
        }
        if !hit {
            *out.entry((Some(ty.clone()), None)).or_default() += 1;
        }
    }
    for (span, ty) in second {
        if !first.iter().any(|(s, _)| s.overlaps(span)) {
            *out.entry((None, Some(ty.clone()))).or_default() += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn m(start: usize, end: usize, ty: &str) -> Labelled {
        (Span::new(start, end), EntityTypeId::new(ty))
    }

    fn key(a: Option<&str>, b: Option<&str>) -> (Option<EntityTypeId>, Option<EntityTypeId>) {
        (a.map(EntityTypeId::new), b.map(EntityTypeId::new))
    }

    #[test]
    fn perfect_agreement_is_all_on_the_diagonal() {
        let a = [m(0, 4, "ACTOR"), m(10, 15, "LOCATION")];
        let mut c = Confusion::new();
        add_confusion(&mut c, &a, &a);
        assert_eq!(
            c,
            Confusion::from([(key(Some("ACTOR"), Some("ACTOR")), 1), (key(Some("LOCATION"), Some("LOCATION")), 1)])
        );
    }

    #[test]
    fn another_type_a_silent_coder_and_no_overlap_leave_the_diagonal() {
        let mut c = Confusion::new();
        // Same span, another type; then a mention only the first marked; then one only the second marked.
        add_confusion(&mut c, &[m(0, 4, "ACTOR"), m(10, 12, "TIME")], &[m(0, 4, "SOURCE"), m(20, 22, "WEAPON")]);
        assert_eq!(c[&key(Some("ACTOR"), Some("SOURCE"))], 1);
        assert_eq!(c[&key(Some("TIME"), None)], 1);
        assert_eq!(c[&key(None, Some("WEAPON"))], 1);
        assert_eq!(c.len(), 3);
        // One coder silent throughout: everything against none.
        let mut silent = Confusion::new();
        add_confusion(&mut silent, &[m(0, 4, "ACTOR")], &[]);
        assert_eq!(silent, Confusion::from([(key(Some("ACTOR"), None), 1)]));
    }

    #[test]
    fn a_nested_mention_pairs_with_the_outer_one() {
        // The first coder marks «كتائب حزب الله» 0..14 and «حزب الله» 6..14 inside; the second only the outer.
        let mut c = Confusion::new();
        add_confusion(&mut c, &[m(0, 14, "ACTOR"), m(6, 14, "ACTOR")], &[m(0, 14, "ACTOR")]);
        assert_eq!(c, Confusion::from([(key(Some("ACTOR"), Some("ACTOR")), 2)]));
    }
}
