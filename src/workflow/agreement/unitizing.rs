//! Krippendorff's alpha-U: agreement on where units of each category lie on a continuum and where they do
//! not, as defined in Krippendorff, "Content Analysis: An Introduction to Its Methodology" (2nd ed., 2004;
//! first in Krippendorff 1995, "On the reliability of unitizing continuous data", Sociological Methodology 25).
//!
//! Each coder divides the continuum, for a category c, into its units of c and the gaps between them. Two
//! coders' segments that overlap differ by δ² = (b₁ − b₂)² + (e₁ − e₂)² when both are units, by l² when one
//! is a unit of length l lying inside the other's gap, and by 0 otherwise. With m coders and a continuum of
//! length L:
//!
//! - observed: D_o = Σ_{coders i≠j} Σ δ² / (m (m − 1) L²);
//! - expected: D_e = (2 / L) Σ_{units u} [ (N − 1)(2l³ − 3l² + l) / 3 + l² Σ_{gaps g of any coder, l_g ≥ l}
//!   (l_g − l + 1) ] / (m L (m L − 1) − Σ_u l (l − 1)), N the number of units of c;
//! - α_c = 1 − D_o / D_e, and over all categories α = 1 − Σ_c D_o / Σ_c D_e.
//!
//! Here the continuum is the documents every coder coded, one after another (a unit or a gap never crosses
//! from one document into the next), a category is an entity type, and a coder's overlapping units of one
//! type (a mention nested in another) count as their union, as the definition wants a coder's units of one
//! category apart.

/// One category's sums over the documents added so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CategorySums {
    /// Σ δ² over ordered pairs of coders.
    pub observed: f64,
    /// The lengths of every coder's units.
    pub units: Vec<u64>,
    /// The lengths of every coder's gaps.
    pub gaps: Vec<u64>,
}

/// A coder's segments of one document `[0, len)`: (start, end, is a unit), in order, covering it.
fn segments(len: usize, ranges: &[(usize, usize)]) -> Vec<(usize, usize, bool)> {
    let mut sorted: Vec<(usize, usize)> = ranges.iter().map(|&(s, e)| (s.min(len), e.min(len))).collect();
    sorted.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in sorted.into_iter().filter(|(s, e)| s < e) {
        match merged.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    let mut out = Vec::with_capacity(2 * merged.len() + 1);
    let mut pos = 0;
    for (s, e) in merged {
        if s > pos {
            out.push((pos, s, false));
        }
        out.push((s, e, true));
        pos = e;
    }
    if pos < len {
        out.push((pos, len, false));
    }
    out
}

/// δ² of two overlapping segments.
fn distance(a: (usize, usize, bool), b: (usize, usize, bool)) -> f64 {
    let sq = |x: usize, y: usize| (x.abs_diff(y) as f64).powi(2);
    match (a.2, b.2) {
        (true, true) => sq(a.0, b.0) + sq(a.1, b.1),
        (true, false) if b.0 <= a.0 && a.1 <= b.1 => sq(a.1, a.0),
        (false, true) if a.0 <= b.0 && b.1 <= a.1 => sq(b.1, b.0),
        _ => 0.0,
    }
}

/// Σ δ² of one pair of coders' segments of a document: both divide it, so the overlapping pairs are those a
/// sweep over the two meets.
fn pair_distance(a: &[(usize, usize, bool)], b: &[(usize, usize, bool)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        sum += distance(a[i], b[j]);
        let (ea, eb) = (a[i].1, b[j].1);
        if ea <= eb {
            i += 1;
        }
        if eb <= ea {
            j += 1;
        }
    }
    sum
}

impl CategorySums {
    /// Adds a document of `len` code points in which coder k marked `coders[k]` as units of this category.
    pub fn add_document(&mut self, len: usize, coders: &[Vec<(usize, usize)>]) {
        let all: Vec<Vec<(usize, usize, bool)>> = coders.iter().map(|r| segments(len, r)).collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                self.observed += 2.0 * pair_distance(a, b);
            }
            for &(s, e, unit) in a {
                if unit { &mut self.units } else { &mut self.gaps }.push((e - s) as u64);
            }
        }
    }

    /// D_o for `coders` coders on a continuum of `length`.
    pub fn observed(&self, coders: usize, length: usize) -> f64 {
        let (m, l) = (coders as f64, length as f64);
        self.observed / (m * (m - 1.0) * l * l)
    }

    /// D_e for `coders` coders on a continuum of `length`.
    pub fn expected(&self, coders: usize, length: usize) -> f64 {
        let (m, l) = (coders as f64, length as f64);
        let n = self.units.len() as f64;
        let mut gaps = self.gaps.clone();
        gaps.sort_unstable();
        // suffix[i] = Σ gaps[i..]: the gaps at least as long as a unit are a suffix of the sorted gaps.
        let mut suffix = vec![0u64; gaps.len() + 1];
        for i in (0..gaps.len()).rev() {
            suffix[i] = suffix[i + 1] + gaps[i];
        }
        let mut sum = 0.0;
        for &u in &self.units {
            let first = gaps.partition_point(|&g| g < u);
            let count = (gaps.len() - first) as f64;
            let fits = suffix[first] as f64 - (u as f64 - 1.0) * count;
            let u = u as f64;
            sum += (n - 1.0) * (2.0 * u.powi(3) - 3.0 * u * u + u) / 3.0 + u * u * fits;
        }
        let within: f64 = self.units.iter().map(|&u| u as f64 * (u as f64 - 1.0)).sum();
        let denominator = m * l * (m * l - 1.0) - within;
        if denominator <= 0.0 { 0.0 } else { 2.0 / l * sum / denominator }
    }
}

/// Alpha-U of each category and over all of them, for `coders` coders on a continuum of `length` code points.
/// A category's is `None` when undefined (no units, or no expected disagreement).
pub fn alpha_u(categories: &[CategorySums], coders: usize, length: usize) -> (Option<f64>, Vec<Option<f64>>) {
    if coders < 2 || length == 0 {
        return (None, vec![None; categories.len()]);
    }
    let pairs: Vec<(f64, f64)> =
        categories.iter().map(|c| (c.observed(coders, length), c.expected(coders, length))).collect();
    let each = pairs.iter().map(|&(o, e)| (e > 0.0).then(|| 1.0 - o / e)).collect();
    let (o, e) = pairs.iter().fold((0.0, 0.0), |(so, se), (o, e)| (so + o, se + e));
    ((e > 0.0).then(|| 1.0 - o / e), each)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sums(len: usize, coders: &[&[(usize, usize)]]) -> CategorySums {
        let mut s = CategorySums::default();
        s.add_document(len, &coders.iter().map(|c| c.to_vec()).collect::<Vec<_>>());
        s
    }

    /// The worked example of Krippendorff (2004), "Content Analysis", 2nd ed., p. 254: two observers unitize
    /// a continuum from 150 to 450 with categories c and k (here shifted to start at 0). Its values, to four
    /// places: for c, D_o = .0144, D_e = .0532 and α_c = .7286; for k, which both marked alike, D_e = .0490
    /// and α_k = 1; over both α = .8591. The data and values are as transcribed in DKPro Statistics'
    /// `Krippendorff2004Test` (the book itself was not at hand), which checks the overall α to ±.0005 as here:
    /// 1 − ΣD_o / ΣD_e gives 0.8587.
    #[test]
    fn krippendorff_2004_worked_example() {
        let c = sums(300, &[&[(75, 145), (220, 250)], &[(70, 150), (205, 225), (250, 270)]]);
        let k = sums(300, &[&[(30, 90), (150, 200)], &[(30, 90), (150, 200)]]);
        assert!((c.observed(2, 300) - 0.0144).abs() < 5e-5, "{}", c.observed(2, 300));
        assert!((c.expected(2, 300) - 0.0532).abs() < 5e-5, "{}", c.expected(2, 300));
        assert!((k.expected(2, 300) - 0.0490).abs() < 5e-5, "{}", k.expected(2, 300));
        let (overall, each) = alpha_u(&[c, k], 2, 300);
        assert!((each[0].unwrap() - 0.7286).abs() < 5e-5, "{each:?}");
        assert_eq!(each[1], Some(1.0));
        assert!((overall.unwrap() - 0.8591).abs() < 5e-4, "{overall:?}");
    }

    #[test]
    fn perfect_agreement_is_one_and_disjoint_units_are_below_zero() {
        let same = sums(100, &[&[(10, 20), (40, 60)], &[(10, 20), (40, 60)], &[(10, 20), (40, 60)]]);
        assert_eq!(alpha_u(&[same], 3, 100).0, Some(1.0));
        let apart = sums(100, &[&[(10, 20)], &[(50, 60)]]);
        assert!(alpha_u(&[apart], 2, 100).0.unwrap() < 0.0);
    }

    #[test]
    fn a_silent_coder_disagrees_by_every_unit_and_nothing_marked_is_undefined() {
        // The second coder marks nothing: each of the first's units lies in the second's one gap.
        let silent = sums(100, &[&[(10, 20)], &[]]);
        assert_eq!(silent.observed, 2.0 * 100.0);
        assert!(alpha_u(&[silent], 2, 100).0.unwrap() < 0.0);
        assert_eq!(alpha_u(&[sums(100, &[&[], &[]])], 2, 100), (None, vec![None]));
    }

    #[test]
    fn nested_units_count_as_their_union() {
        let nested = sums(100, &[&[(10, 30), (15, 20)], &[(10, 30)]]);
        let plain = sums(100, &[&[(10, 30)], &[(10, 30)]]);
        assert_eq!(nested, plain);
    }
}
