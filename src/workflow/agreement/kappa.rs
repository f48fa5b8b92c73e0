//! Chance-corrected agreement on labelled units (here: code points): Cohen's kappa for two coders and
//! Fleiss' kappa for any number, by their textbook definitions.

use std::collections::BTreeMap;
use std::hash::Hash;

/// Cohen's kappa of two coders' labels of the same units: (observed − expected) / (1 − expected), the
/// expected agreement from each coder's own label shares. `None` when it is undefined (no units, or both
/// coders gave every unit one and the same label, so that chance explains everything).
pub fn cohen_kappa<L: Ord + Clone>(first: &[L], second: &[L]) -> Option<f64> {
    assert_eq!(first.len(), second.len(), "both coders label the same units");
    let n = first.len() as f64;
    if first.is_empty() {
        return None;
    }
    let observed = first.iter().zip(second).filter(|(a, b)| a == b).count() as f64 / n;
    let shares = |labels: &[L]| {
        let mut out: BTreeMap<L, f64> = BTreeMap::new();
        for l in labels {
            *out.entry(l.clone()).or_default() += 1.0 / n;
        }
        out
    };
    let (a, b) = (shares(first), shares(second));
    let expected: f64 = a.iter().map(|(l, p)| p * b.get(l).copied().unwrap_or(0.0)).sum();
    (expected < 1.0).then(|| (observed - expected) / (1.0 - expected))
}

/// Fleiss' kappa of units each labelled by the same number of coders: `units[i]` maps each label to how many
/// coders gave it to unit i. `None` when undefined (fewer than two coders, no units, or one label throughout).
pub fn fleiss_kappa<L: Ord + Clone + Hash>(units: &[BTreeMap<L, usize>]) -> Option<f64> {
    let raters = units.first()?.values().sum::<usize>();
    if raters < 2 || units.iter().any(|u| u.values().sum::<usize>() != raters) {
        return None;
    }
    let (n, r) = (units.len() as f64, raters as f64);
    let mut totals: BTreeMap<L, f64> = BTreeMap::new();
    let mut agreement = 0.0;
    for unit in units {
        let pairs: f64 = unit.values().map(|&c| (c * c.saturating_sub(1)) as f64).sum();
        agreement += pairs / (r * (r - 1.0));
        for (l, &c) in unit {
            *totals.entry(l.clone()).or_default() += c as f64;
        }
    }
    let observed = agreement / n;
    let expected: f64 = totals.values().map(|t| (t / (n * r)).powi(2)).sum();
    (expected < 1.0).then(|| (observed - expected) / (1.0 - expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cohen_s_kappa_of_a_hand_counted_case() {
        // Ten code points: AAAAAOOOOO against AAAOOOOOOO. Observed 0.8; expected 0.5·0.3 + 0.5·0.7 = 0.5.
        let a: Vec<char> = "AAAAAOOOOO".chars().collect();
        let b: Vec<char> = "AAAOOOOOOO".chars().collect();
        assert!((cohen_kappa(&a, &b).unwrap() - 0.6).abs() < 1e-12);
        assert_eq!(cohen_kappa(&a, &a), Some(1.0));
        let all_o: Vec<char> = "OOOO".chars().collect();
        assert_eq!(cohen_kappa(&all_o, &all_o), None, "one label throughout: undefined");
    }

    /// The worked example of Fleiss (1971) as given on Wikipedia's "Fleiss' kappa" page: 10 subjects, 14
    /// raters, 5 categories; κ = 0.210 (P̄ = 0.378, P̄e = 0.213).
    #[test]
    fn fleiss_kappa_of_the_published_worked_example() {
        let rows = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ];
        let units: Vec<BTreeMap<usize, usize>> = rows
            .iter()
            .map(|row| row.iter().enumerate().filter(|(_, c)| **c > 0).map(|(j, c)| (j, *c)).collect())
            .collect();
        let kappa = fleiss_kappa(&units).unwrap();
        assert!((kappa - 0.20993).abs() < 5e-5, "{kappa}");
    }

    #[test]
    fn fleiss_kappa_of_two_coders_is_close_to_cohen_s_and_one_when_all_agree() {
        let units: Vec<BTreeMap<char, usize>> = vec![BTreeMap::from([('A', 2)]), BTreeMap::from([('O', 2)])];
        assert_eq!(fleiss_kappa(&units), Some(1.0));
        assert_eq!(fleiss_kappa::<char>(&[]), None);
    }
}
