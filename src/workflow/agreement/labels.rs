//! Per-code-point labels as small numbers, and the sums over them that the chance-corrected measures need:
//! a label table per coder pair (Cohen's kappa), agreeing pairs and label totals (Fleiss' kappa), and a
//! coincidence matrix (Krippendorff's alpha, nominal). Each sum adds over documents, so that pooling and the
//! bootstrap add a document's sums instead of its code points.

use super::Labelled;
use crate::model::EntityTypeId;

/// Each code point's label: 0 outside every mention, else 1 + the index in `types` of the innermost mention
/// covering it (the smallest type id among equally long ones), as [`super::code_point_labels`] labels them.
/// Mentions of a type not in `types` are left out.
pub fn label_indices(len: usize, mentions: &[Labelled], types: &[EntityTypeId]) -> Vec<u16> {
    // The best mention so far at each code point: (length, label), u32::MAX long for none.
    let mut best: Vec<(u32, u16)> = vec![(u32::MAX, 0); len];
    for (span, ty) in mentions {
        let Some(index) = types.iter().position(|t| t == ty) else { continue };
        let label = u16::try_from(index + 1).unwrap_or(u16::MAX);
        let length = u32::try_from(span.len()).unwrap_or(u32::MAX - 1);
        for slot in best.iter_mut().take(span.end.min(len)).skip(span.start) {
            let better = length < slot.0 || (length == slot.0 && slot.1 > 0 && ty < &types[usize::from(slot.1) - 1]);
            if better {
                *slot = (length, label);
            }
        }
    }
    best.into_iter().map(|(_, label)| label).collect()
}

/// How often two coders gave each pair of labels to the same code point: `cells[a * k + b]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PairTable {
    /// Labels: 1 + the number of types.
    pub k: usize,
    /// The counts, row (first coder's label) by column (second's).
    pub cells: Vec<u64>,
}

impl PairTable {
    /// An empty table of `k` labels.
    pub fn new(k: usize) -> Self {
        Self { k, cells: vec![0; k * k] }
    }

    /// Counts two coders' labels of the same code points.
    pub fn count(&mut self, first: &[u16], second: &[u16]) {
        for (a, b) in first.iter().zip(second) {
            self.cells[usize::from(*a) * self.k + usize::from(*b)] += 1;
        }
    }

    /// Adds another table of the same labels.
    pub fn add(&mut self, other: &PairTable) {
        if self.cells.is_empty() {
            *self = other.clone();
            return;
        }
        for (a, b) in self.cells.iter_mut().zip(&other.cells) {
            *a += b;
        }
    }

    /// Cohen's kappa of the table: (p_o − p_e) / (1 − p_e), p_e from the two coders' own label shares.
    /// `None` when undefined (no code points, or chance explains everything).
    pub fn cohen(&self) -> Option<f64> {
        let n: u64 = self.cells.iter().sum();
        if n == 0 {
            return None;
        }
        let n = n as f64;
        let observed = (0..self.k).map(|l| self.cells[l * self.k + l]).sum::<u64>() as f64 / n;
        let row = |l: usize| self.cells[l * self.k..(l + 1) * self.k].iter().sum::<u64>() as f64;
        let col = |l: usize| (0..self.k).map(|r| self.cells[r * self.k + l]).sum::<u64>() as f64;
        let expected: f64 = (0..self.k).map(|l| row(l) / n * (col(l) / n)).sum();
        (expected < 1.0).then(|| (observed - expected) / (1.0 - expected))
    }
}

/// Fleiss' kappa's sums over code points each labelled by the same `raters` coders.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FleissSums {
    /// Code points.
    pub units: u64,
    /// Coders per code point.
    pub raters: u64,
    /// Σ over code points and labels of c (c − 1), c the coders who gave the label there.
    pub agreeing: u64,
    /// How often each label was given.
    pub totals: Vec<u64>,
}

impl FleissSums {
    /// Adds another document's sums (of the same coders).
    pub fn add(&mut self, other: &FleissSums) {
        if self.totals.is_empty() {
            *self = other.clone();
            return;
        }
        self.units += other.units;
        self.agreeing += other.agreeing;
        for (a, b) in self.totals.iter_mut().zip(&other.totals) {
            *a += b;
        }
    }

    /// Fleiss' kappa: (P̄ − P̄e) / (1 − P̄e). `None` when undefined (no code points, fewer than two coders, or
    /// one label throughout).
    pub fn kappa(&self) -> Option<f64> {
        if self.units == 0 || self.raters < 2 {
            return None;
        }
        let (n, r) = (self.units as f64, self.raters as f64);
        let observed = self.agreeing as f64 / (n * r * (r - 1.0));
        let expected: f64 = self.totals.iter().map(|&t| (t as f64 / (n * r)).powi(2)).sum();
        (expected < 1.0).then(|| (observed - expected) / (1.0 - expected))
    }
}

/// Krippendorff's coincidence matrix of nominal labels, `o[c * k + l]`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Coincidences {
    /// Labels.
    pub k: usize,
    /// The coincidences.
    pub o: Vec<f64>,
}

impl Coincidences {
    /// Adds another document's coincidences.
    pub fn add(&mut self, other: &Coincidences) {
        if self.o.is_empty() {
            *self = other.clone();
            return;
        }
        for (a, b) in self.o.iter_mut().zip(&other.o) {
            *a += b;
        }
    }

    /// Alpha (nominal): 1 − (n − 1) Σ_{c≠l} o_cl / Σ_{c≠l} n_c n_l. `None` when undefined.
    pub fn alpha(&self) -> Option<f64> {
        let k = self.k;
        let totals: Vec<f64> = (0..k).map(|c| self.o[c * k..(c + 1) * k].iter().sum()).collect();
        let n: f64 = totals.iter().sum();
        let mut observed = 0.0;
        let mut expected = 0.0;
        for c in 0..k {
            for l in (0..k).filter(|&l| l != c) {
                observed += self.o[c * k + l];
                expected += totals[c] * totals[l];
            }
        }
        (n > 1.0 && expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
    }
}

/// Fleiss' sums and coincidences of one document's code points, labelled by `layers` (every coder who coded
/// it, each a label per code point) among `k` labels.
pub fn unit_sums(layers: &[Vec<u16>], k: usize) -> (FleissSums, Coincidences) {
    let len = layers.first().map_or(0, Vec::len);
    let m = layers.len();
    let mut fleiss = FleissSums { units: len as u64, raters: m as u64, agreeing: 0, totals: vec![0; k] };
    let mut coincidences = Coincidences { k, o: vec![0.0; k * k] };
    if m < 2 {
        return (fleiss, coincidences);
    }
    let weight = 1.0 / (m - 1) as f64;
    let mut counts = vec![0u64; k];
    for i in 0..len {
        counts.fill(0);
        for layer in layers {
            counts[usize::from(layer[i])] += 1;
        }
        for (c, &count) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
            fleiss.totals[c] += count;
            fleiss.agreeing += count * (count - 1);
            for (l, &other) in counts.iter().enumerate().filter(|(_, n)| **n > 0) {
                let pairs = if c == l { count * (count - 1) } else { count * other };
                coincidences.o[c * k + l] += pairs as f64 * weight;
            }
        }
    }
    (fleiss, coincidences)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn m(start: usize, end: usize, ty: &str) -> Labelled {
        (Span::new(start, end), EntityTypeId::new(ty))
    }

    #[test]
    fn labels_follow_the_innermost_mention_as_code_point_labels_do() {
        let types = [EntityTypeId::new("SOURCE"), EntityTypeId::new("ACTOR")];
        let mentions = [m(0, 14, "ACTOR"), m(6, 14, "SOURCE"), m(20, 22, "SOURCE"), m(20, 22, "ACTOR")];
        let labels = label_indices(24, &mentions, &types);
        let named = super::super::code_point_labels(24, &mentions);
        for (i, (index, name)) in labels.iter().zip(&named).enumerate() {
            let expected = name.as_ref().map_or(0, |n| types.iter().position(|t| t == n).unwrap() + 1);
            assert_eq!(usize::from(*index), expected, "code point {i}");
        }
    }

    #[test]
    fn the_sums_give_the_textbook_kappas_and_alpha() {
        // Cohen: AAAAAOOOOO against AAAOOOOOOO is 0.6 (kappa.rs counts it by hand).
        let a: Vec<u16> = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0].into();
        let b: Vec<u16> = [1, 1, 1, 0, 0, 0, 0, 0, 0, 0].into();
        let mut table = PairTable::new(2);
        table.count(&a, &b);
        assert!((table.cohen().unwrap() - 0.6).abs() < 1e-12);
        // Fleiss and alpha equal the crate's own functions on the same units.
        let (fleiss, coincidences) = unit_sums(&[a.clone(), b.clone(), a.clone()], 2);
        let units: Vec<std::collections::BTreeMap<u16, usize>> = (0..10)
            .map(|i| {
                let mut m = std::collections::BTreeMap::new();
                for l in [a[i], b[i], a[i]] {
                    *m.entry(l).or_default() += 1;
                }
                m
            })
            .collect();
        assert!((fleiss.kappa().unwrap() - super::super::fleiss_kappa(&units).unwrap()).abs() < 1e-12);
        let values: Vec<Vec<f64>> = (0..10).map(|i| vec![f64::from(a[i]), f64::from(b[i]), f64::from(a[i])]).collect();
        let alpha = super::super::krippendorff_alpha(&values, super::super::Metric::Nominal).unwrap();
        assert!((coincidences.alpha().unwrap() - alpha).abs() < 1e-12);
    }
}
