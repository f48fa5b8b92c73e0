//! How good the learner is: precision, recall and F1 of its mentions against a coder's, exact span and
//! type, pooled over texts it did not train on.

use super::tagger::{Example, Learner};
use crate::model::{EntityTypeId, Span};
use std::collections::BTreeSet;

/// Counts of matched, extra and missed mentions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// Found and right (same span and type as the coder's).
    pub true_positives: usize,
    /// Found, and not the coder's.
    pub false_positives: usize,
    /// The coder's, not found.
    pub false_negatives: usize,
}

impl Prf {
    /// The counts of `found` against `gold`.
    pub fn of(found: &BTreeSet<(Span, EntityTypeId)>, gold: &BTreeSet<(Span, EntityTypeId)>) -> Self {
        let tp = found.intersection(gold).count();
        Self { true_positives: tp, false_positives: found.len() - tp, false_negatives: gold.len() - tp }
    }

    /// Both counts added.
    pub fn plus(self, other: Self) -> Self {
        Self {
            true_positives: self.true_positives + other.true_positives,
            false_positives: self.false_positives + other.false_positives,
            false_negatives: self.false_negatives + other.false_negatives,
        }
    }

    /// Share of found mentions that are right (0 when nothing was found).
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_positives)
    }

    /// Share of the coder's mentions found (0 when there are none).
    pub fn recall(&self) -> f64 {
        ratio(self.true_positives, self.true_positives + self.false_negatives)
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.true_positives, 2 * self.true_positives + self.false_positives + self.false_negatives)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The learner's counts on `examples` (which it should not have trained on).
pub fn evaluate(learner: &Learner, examples: &[Example]) -> Prf {
    examples.iter().fold(Prf::default(), |sum, e| {
        let found = learner.tag(&e.text).mentions.into_iter().map(|m| (m.span, m.entity_type)).collect();
        let gold = e.mentions.iter().cloned().collect();
        sum.plus(Prf::of(&found, &gold))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_ratios() {
        let t = EntityTypeId::new("ACTOR");
        let gold: BTreeSet<_> = [(Span::new(0, 3), t.clone()), (Span::new(5, 9), t.clone())].into();
        let found: BTreeSet<_> = [(Span::new(0, 3), t.clone()), (Span::new(5, 8), t)].into();
        let p = Prf::of(&found, &gold);
        assert_eq!((p.true_positives, p.false_positives, p.false_negatives), (1, 1, 1));
        assert!((p.f1() - 0.5).abs() < 1e-9);
        assert_eq!(Prf::default().f1(), 0.0);
    }
}
