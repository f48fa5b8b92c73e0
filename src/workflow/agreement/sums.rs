//! A document's agreement sums as one flat vector, so that pooling and each bootstrap resample add
//! documents by adding vectors: per pair and type the match counts, per pair Cohen's margins, and Fleiss'
//! sums. [`Layout`] knows where each lies and turns a summed vector into figures.

use super::Labelled;
use super::labels::{FleissSums, PairTable};
use super::{SpanCounts, Strictness, clitic_equal, span_counts};
use crate::model::Span;

/// Counts under the three ways of matching mentions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MatchCounts {
    /// Same span and type.
    pub strict: SpanCounts,
    /// Overlapping, same type.
    pub lenient: SpanCounts,
    /// Overlapping, same type, the same words once clitics are stripped.
    pub clitic: SpanCounts,
}

impl MatchCounts {
    /// The counts of one document's mentions by two coders; `text` gives a span's text.
    pub fn of(first: &[Labelled], second: &[Labelled], text: impl Fn(Span) -> Option<String>) -> Self {
        Self {
            strict: span_counts(first, second, Strictness::Strict),
            lenient: span_counts(first, second, Strictness::Lenient),
            clitic: clitic_lenient(first, second, text),
        }
    }

    /// Adds other counts.
    pub fn add(&mut self, other: &MatchCounts) {
        self.strict.add(other.strict);
        self.lenient.add(other.lenient);
        self.clitic.add(other.clitic);
    }
}

/// The counts of [`super::clitic_counts`], computed faster: each overlapping pair of the same type is
/// compared once (not once from each side), and mentions of the same span or the same text agree without
/// stripping clitics (a word always shares its own reading). The clitic comparison was most of a report's
/// time before.
fn clitic_lenient(first: &[Labelled], second: &[Labelled], text: impl Fn(Span) -> Option<String>) -> SpanCounts {
    let mut first_matched = vec![false; first.len()];
    let mut second_matched = vec![false; second.len()];
    for (i, (sa, ta)) in first.iter().enumerate() {
        for (j, (sb, tb)) in second.iter().enumerate() {
            if ta != tb || !sa.overlaps(sb) || (first_matched[i] && second_matched[j]) {
                continue;
            }
            let same = (sa == sb && text(*sa).is_some())
                || text(*sa).zip(text(*sb)).is_some_and(|(a, b)| a == b || clitic_equal(&a, &b));
            if same {
                first_matched[i] = true;
                second_matched[j] = true;
            }
        }
    }
    let count = |v: &[bool]| v.iter().filter(|m| **m).count();
    SpanCounts {
        first: first.len(),
        second: second.len(),
        first_matched: count(&first_matched),
        second_matched: count(&second_matched),
    }
}

const COUNTS: usize = 12;

/// Where each sum lies in a document's vector, for `coders` coders and `types` entity types (labels: one
/// more, for none).
#[derive(Clone, Debug)]
pub struct Layout {
    coders: usize,
    types: usize,
    k: usize,
}

impl Layout {
    /// The layout for `coders` coders and `types` types.
    pub fn new(coders: usize, types: usize) -> Self {
        Self { coders, types, k: types + 1 }
    }

    /// The coder pairs (indices), in order.
    pub fn pairs(&self) -> impl Iterator<Item = (usize, usize)> + use<> {
        let n = self.coders;
        (0..n).flat_map(move |a| (a + 1..n).map(move |b| (a, b)))
    }

    fn pair_count(&self) -> usize {
        self.coders * self.coders.saturating_sub(1) / 2
    }

    /// The offset of pair `p`'s counts of type `t`.
    pub fn pair_type(&self, p: usize, t: usize) -> usize {
        (p * self.types + t) * COUNTS
    }

    fn table(&self, p: usize) -> usize {
        self.pair_type(self.pair_count(), 0) + p * (2 * self.k + 2)
    }

    fn fleiss_at(&self) -> usize {
        self.table(self.pair_count())
    }

    /// How long a document's vector is.
    pub fn len(&self) -> usize {
        self.fleiss_at() + 2 + self.k
    }

    /// Whether the vector is empty (never: there is Fleiss' part).
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Adds `b` to `a` (an empty `a`, the sum of nothing, becomes `b`).
    pub fn add(a: &mut Vec<u64>, b: &[u64]) {
        if a.is_empty() {
            a.extend_from_slice(b);
        } else {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
    }

    /// Writes counts at `at`.
    pub fn put_counts(&self, sums: &mut [u64], at: usize, c: &MatchCounts) {
        for (i, s) in [c.strict, c.lenient, c.clitic].iter().enumerate() {
            let v = [s.first, s.second, s.first_matched, s.second_matched];
            for (j, x) in v.iter().enumerate() {
                sums[at + 4 * i + j] = *x as u64;
            }
        }
    }

    /// Reads counts at `at`.
    pub fn counts(&self, sums: &[u64], at: usize) -> MatchCounts {
        let get = |i: usize| {
            let v = |j: usize| sums.get(at + 4 * i + j).map_or(0, |x| *x as usize);
            SpanCounts { first: v(0), second: v(1), first_matched: v(2), second_matched: v(3) }
        };
        MatchCounts { strict: get(0), lenient: get(1), clitic: get(2) }
    }

    /// Pair `p`'s counts over all types.
    pub fn pair_total(&self, sums: &[u64], p: usize) -> MatchCounts {
        let mut out = MatchCounts::default();
        (0..self.types).for_each(|t| out.add(&self.counts(sums, self.pair_type(p, t))));
        out
    }

    /// Type `t`'s counts over all pairs.
    pub fn type_total(&self, sums: &[u64], t: usize) -> MatchCounts {
        let mut out = MatchCounts::default();
        (0..self.pair_count()).for_each(|p| out.add(&self.counts(sums, self.pair_type(p, t))));
        out
    }

    /// The counts of every pair and type.
    pub fn overall(&self, sums: &[u64]) -> MatchCounts {
        let mut out = MatchCounts::default();
        (0..self.pair_count()).for_each(|p| out.add(&self.pair_total(sums, p)));
        out
    }

    /// Writes pair `p`'s label table as Cohen's kappa needs it: code points, agreeing ones, row and column
    /// totals.
    pub fn put_table(&self, sums: &mut [u64], p: usize, table: &PairTable) {
        let (at, k) = (self.table(p), self.k);
        sums[at] = table.cells.iter().sum();
        sums[at + 1] = (0..k).map(|l| table.cells[l * k + l]).sum();
        for l in 0..k {
            sums[at + 2 + l] = table.cells[l * k..(l + 1) * k].iter().sum();
            sums[at + 2 + k + l] = (0..k).map(|r| table.cells[r * k + l]).sum();
        }
    }

    /// Cohen's kappa of pair `p`: (p_o − p_e) / (1 − p_e). `None` when undefined.
    pub fn cohen(&self, sums: &[u64], p: usize) -> Option<f64> {
        let (at, k) = (self.table(p), self.k);
        let n = *sums.get(at).filter(|n| **n > 0)? as f64;
        let observed = sums[at + 1] as f64 / n;
        let expected: f64 = (0..k).map(|l| sums[at + 2 + l] as f64 / n * (sums[at + 2 + k + l] as f64 / n)).sum();
        (expected < 1.0).then(|| (observed - expected) / (1.0 - expected))
    }

    /// Writes Fleiss' sums.
    pub fn put_fleiss(&self, sums: &mut [u64], f: &FleissSums) {
        let at = self.fleiss_at();
        sums[at] = f.units;
        sums[at + 1] = f.agreeing;
        sums[at + 2..at + 2 + self.k].copy_from_slice(&f.totals);
    }

    /// Fleiss' sums of `raters` coders.
    pub fn fleiss(&self, sums: &[u64], raters: usize) -> FleissSums {
        let at = self.fleiss_at();
        let get = |i: usize| sums.get(i).copied().unwrap_or(0);
        FleissSums {
            units: get(at),
            raters: raters as u64,
            agreeing: get(at + 1),
            totals: (0..self.k).map(|l| get(at + 2 + l)).collect(),
        }
    }

    /// The figures the bootstrap draws intervals for, in threes: each pair's F1s, then its kappa (and two
    /// unused); all pairs' F1s; each type's F1s; Fleiss' kappa (and two unused).
    pub fn figures(&self, sums: &[u64], raters: usize) -> Vec<Option<f64>> {
        let mut out = Vec::new();
        let f1s = |c: MatchCounts| [c.strict.f1(), c.lenient.f1(), c.clitic.f1()];
        for p in 0..self.pair_count() {
            out.extend(f1s(self.pair_total(sums, p)));
            out.extend([self.cohen(sums, p), None, None]);
        }
        out.extend(f1s(self.overall(sums)));
        for t in 0..self.types {
            out.extend(f1s(self.type_total(sums, t)));
        }
        out.extend([self.fleiss(sums, raters).kappa(), None, None]);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityTypeId;

    #[test]
    fn the_fast_clitic_counts_equal_the_plain_ones() {
        let text = "والميادين مدينة البوكمال بالميادين";
        let slice = |s: Span| Some(text.chars().skip(s.start).take(s.len()).collect::<String>());
        let m = |start, end, ty: &str| (Span::new(start, end), EntityTypeId::new(ty));
        let a = [m(0, 9, "LOCATION"), m(10, 24, "LOCATION"), m(25, 34, "LOCATION"), m(25, 34, "ACTOR")];
        let b = [m(1, 9, "LOCATION"), m(16, 24, "LOCATION"), m(26, 34, "LOCATION"), m(25, 34, "LOCATION")];
        for (x, y) in [(&a[..], &b[..]), (&b[..], &a[..]), (&a[..], &a[..]), (&a[..2], &b[2..])] {
            assert_eq!(clitic_lenient(x, y, slice), super::super::clitic_counts(x, y, slice));
        }
    }
}
