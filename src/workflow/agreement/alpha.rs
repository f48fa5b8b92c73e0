//! Krippendorff's alpha for coded units (nominal and interval data), from the coincidence matrix as in
//! Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): units coded by fewer than two coders
//! are not pairable and left out; missing values are allowed.

/// How different two values are, squared (the metric's δ²).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// Categories: equal or not.
    Nominal,
    /// Numbers on an interval scale: the squared difference.
    Interval,
}

impl Metric {
    fn distance(self, a: f64, b: f64) -> f64 {
        match self {
            Metric::Nominal => f64::from(u8::from(a != b)),
            Metric::Interval => (a - b).powi(2),
        }
    }
}

/// Alpha of `units`, each the values its coders gave (a coder who gave none is simply absent). `None` when
/// undefined: fewer than two pairable values, or no variation at all to disagree about.
pub fn krippendorff_alpha(units: &[Vec<f64>], metric: Metric) -> Option<f64> {
    // The pairable values, each with the weight 1 / (m_u − 1) of its unit.
    let pairable: Vec<(&Vec<f64>, f64)> =
        units.iter().filter(|u| u.len() >= 2).map(|u| (u, 1.0 / (u.len() - 1) as f64)).collect();
    let all: Vec<f64> = pairable.iter().flat_map(|(u, _)| u.iter().copied()).collect();
    let n = all.len() as f64;
    if n < 2.0 {
        return None;
    }
    let mut observed = 0.0;
    for (values, weight) in &pairable {
        for (i, a) in values.iter().enumerate() {
            for (j, b) in values.iter().enumerate() {
                if i != j {
                    observed += weight * metric.distance(*a, *b);
                }
            }
        }
    }
    let mut expected = 0.0;
    for (i, a) in all.iter().enumerate() {
        for (j, b) in all.iter().enumerate() {
            if i != j {
                expected += metric.distance(*a, *b);
            }
        }
    }
    // α = 1 − D_o / D_e with D_o = Σ o_ck δ² / n and D_e = Σ n_c n_k δ² / (n (n − 1)).
    (expected > 0.0).then(|| 1.0 - (n - 1.0) * observed / expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Krippendorff's (2011) worked example: four coders, twelve units, missing values; α = 0.743 for nominal
    /// and 0.849 for interval data (as printed there, to three places).
    fn worked_example() -> Vec<Vec<f64>> {
        // One row per coder, one column per unit; `.` is a unit the coder did not code.
        let rows = [
            "1 2 3 3 2 1 4 1 2 . . .",
            "1 2 3 3 2 2 4 1 2 5 . 3",
            ". 3 3 3 2 3 4 2 2 5 1 .",
            "1 2 3 3 2 4 4 1 2 5 1 .",
        ];
        let table: Vec<Vec<Option<f64>>> =
            rows.iter().map(|r| r.split(' ').map(|v| v.parse().ok()).collect()).collect();
        (0..12).map(|u| table.iter().filter_map(|r| r[u]).collect()).collect()
    }

    #[test]
    fn the_published_worked_example_gives_its_published_values() {
        let units = worked_example();
        let nominal = krippendorff_alpha(&units, Metric::Nominal).unwrap();
        let interval = krippendorff_alpha(&units, Metric::Interval).unwrap();
        assert!((nominal - 0.743).abs() < 5e-4, "{nominal}");
        assert!((interval - 0.849).abs() < 5e-4, "{interval}");
    }

    #[test]
    fn perfect_agreement_is_one_and_a_lone_value_is_not_pairable() {
        let units = vec![vec![1.0, 1.0], vec![2.0, 2.0, 2.0], vec![7.0]];
        assert_eq!(krippendorff_alpha(&units, Metric::Nominal), Some(1.0));
        assert_eq!(krippendorff_alpha(&[vec![3.0]], Metric::Nominal), None);
        assert_eq!(krippendorff_alpha(&[vec![3.0, 3.0]], Metric::Interval), None, "no variation: undefined");
    }
}
