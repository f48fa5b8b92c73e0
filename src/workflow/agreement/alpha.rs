//! Krippendorff's alpha for coded units (nominal, ordinal and interval data), from the coincidence matrix as
//! in Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011): units coded by fewer than two coders
//! are not pairable and left out; missing values are allowed.

/// How different two values are, squared (the metric's δ²).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// Categories: equal or not.
    Nominal,
    /// Ranks: how many pairable values lie between the two, counting each end's values half
    /// (Krippendorff's ordinal δ² = (Σ_{g=c..k} n_g − (n_c + n_k)/2)²); only the values' order matters.
    Ordinal,
    /// Numbers on an interval scale: the squared difference.
    Interval,
}

/// A value as a key that orders like the number (`f64::total_cmp`), so values can key an ordered map.
fn key(v: f64) -> u64 {
    let bits = v.to_bits();
    if bits >> 63 == 1 { !bits } else { bits | 1 << 63 }
}

/// The number a [`key`] stands for.
fn value(key: u64) -> f64 {
    f64::from_bits(if key >> 63 == 1 { key & !(1 << 63) } else { !key })
}

/// The coincidence matrix of some units' pairable values: for each ordered pair of values (c, k) from different
/// coders of one unit, the sum of the weights 1 / (m_u − 1), m_u being the unit's number of values. It adds
/// over units and documents, so a document's table can be summed with others' (for a bootstrap over documents)
/// and alpha taken from the sum.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ValueCoincidences {
    /// o_ck by (c, k), as [`key`]s; only pairs that occur.
    o: std::collections::BTreeMap<(u64, u64), f64>,
}

impl ValueCoincidences {
    /// The table of `units`, each the values its coders gave; units with fewer than two are not pairable.
    pub fn of(units: &[Vec<f64>]) -> Self {
        let mut out = Self::default();
        for unit in units.iter().filter(|u| u.len() >= 2) {
            let weight = 1.0 / (unit.len() - 1) as f64;
            for (i, &c) in unit.iter().enumerate() {
                for (j, &k) in unit.iter().enumerate() {
                    if i != j {
                        *out.o.entry((key(c), key(k))).or_default() += weight;
                    }
                }
            }
        }
        out
    }

    /// Adds another table (another document's, say).
    pub fn add(&mut self, other: &ValueCoincidences) {
        for (pair, weight) in &other.o {
            *self.o.entry(*pair).or_default() += weight;
        }
    }

    /// Alpha from the table. `None` when undefined: fewer than two pairable values, or no variation at all.
    pub fn alpha(&self, metric: Metric) -> Option<f64> {
        let mut keys: Vec<u64> = self.o.keys().map(|(c, _)| *c).collect();
        keys.dedup();
        let values: Vec<f64> = keys.iter().map(|k| value(*k)).collect();
        let index = |k: u64| keys.binary_search(&k).unwrap_or(0);
        // The marginals n_c and their total n, the number of pairable values.
        let mut n = vec![0.0; keys.len()];
        for ((c, _), w) in &self.o {
            n[index(*c)] += w;
        }
        let total: f64 = n.iter().sum();
        if total < 2.0 {
            return None;
        }
        let observed: f64 =
            self.o.iter().map(|((c, k), w)| w * distance(metric, &values, &n, index(*c), index(*k))).sum();
        let mut expected = 0.0;
        for c in 0..n.len() {
            for k in 0..n.len() {
                expected += n[c] * n[k] * distance(metric, &values, &n, c, k);
            }
        }
        // α = 1 − D_o / D_e with D_o = Σ o_ck δ² / n and D_e = Σ n_c n_k δ² / (n (n − 1)).
        (expected > 0.0).then(|| 1.0 - (total - 1.0) * observed / expected)
    }
}

/// δ² between the values of index c and k of `values` (ascending), given their marginals `n` (for the ordinal
/// metric).
fn distance(metric: Metric, values: &[f64], n: &[f64], c: usize, k: usize) -> f64 {
    match metric {
        Metric::Nominal => f64::from(u8::from(c != k)),
        Metric::Ordinal => {
            let (lo, hi) = (c.min(k), c.max(k));
            (n[lo..=hi].iter().sum::<f64>() - (n[c] + n[k]) / 2.0).powi(2)
        }
        Metric::Interval => (values[c] - values[k]).powi(2),
    }
}

/// Alpha of `units`, each the values its coders gave (a coder who gave none is simply absent). `None` when
/// undefined: fewer than two pairable values, or no variation at all to disagree about. Ordinal values are
/// ranks: any numbers whose order is the categories' order.
pub fn krippendorff_alpha(units: &[Vec<f64>], metric: Metric) -> Option<f64> {
    ValueCoincidences::of(units).alpha(metric)
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

    /// The same example against the `krippendorff` Python package (0.9.0), to the last digits:
    /// `krippendorff.alpha(reliability_data=rows, level_of_measurement=level)` with `.` as NaN gives
    /// 0.743421052631579 (nominal), 0.8153875037548814 (ordinal; Krippendorff prints 0.815) and
    /// 0.8491071428571428 (interval).
    #[test]
    fn the_worked_example_equals_the_reference_package_for_each_metric() {
        let units = worked_example();
        for (metric, expected) in [
            (Metric::Nominal, 0.743421052631579),
            (Metric::Ordinal, 0.8153875037548814),
            (Metric::Interval, 0.8491071428571428),
        ] {
            let alpha = krippendorff_alpha(&units, metric).unwrap();
            assert!((alpha - expected).abs() < 1e-12, "{metric:?}: {alpha} against {expected}");
        }
    }

    #[test]
    fn perfect_agreement_is_one_and_a_lone_value_is_not_pairable() {
        let units = vec![vec![1.0, 1.0], vec![2.0, 2.0, 2.0], vec![7.0]];
        assert_eq!(krippendorff_alpha(&units, Metric::Nominal), Some(1.0));
        assert_eq!(krippendorff_alpha(&[vec![3.0]], Metric::Nominal), None);
        assert_eq!(krippendorff_alpha(&[vec![3.0, 3.0]], Metric::Interval), None, "no variation: undefined");
    }

    /// Three coders, six units, ranks 1..3 (a `.` where a coder gave nothing). From the `krippendorff`
    /// package (0.9.0): `krippendorff.alpha(reliability_data=[[1,2,3,3,1,nan],[1,3,3,2,1,2],[2,2,3,3,nan,nan]],
    /// level_of_measurement=...)` gives 0.6935714285714285 (ordinal) and 0.7132352941176472 (interval); with
    /// every 3 made a 10 the ordinal alpha is unchanged and the interval one falls to 0.520308924485126.
    #[test]
    fn ordinal_alpha_depends_on_the_order_of_values_only() {
        let units = |top: f64| -> Vec<Vec<f64>> {
            vec![
                vec![1.0, 1.0, 2.0],
                vec![2.0, top, 2.0],
                vec![top, top, top],
                vec![top, 2.0, top],
                vec![1.0, 1.0],
                vec![2.0],
            ]
        };
        let close = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-12);
        assert!(close(krippendorff_alpha(&units(3.0), Metric::Ordinal), 0.6935714285714285));
        assert!(close(krippendorff_alpha(&units(10.0), Metric::Ordinal), 0.6935714285714285));
        assert!(close(krippendorff_alpha(&units(3.0), Metric::Interval), 0.7132352941176472));
        assert!(close(krippendorff_alpha(&units(10.0), Metric::Interval), 0.520308924485126));
        assert_eq!(krippendorff_alpha(&[vec![2.0, 2.0], vec![5.0, 5.0]], Metric::Ordinal), Some(1.0));
    }

    #[test]
    fn tables_of_parts_add_up_to_the_table_of_the_whole_and_keys_keep_the_order() {
        let units = worked_example();
        let mut sum = ValueCoincidences::of(&units[..5]);
        sum.add(&ValueCoincidences::of(&units[5..]));
        for metric in [Metric::Nominal, Metric::Ordinal, Metric::Interval] {
            let (whole, parts) = (krippendorff_alpha(&units, metric).unwrap(), sum.alpha(metric).unwrap());
            assert!((whole - parts).abs() < 1e-12, "{metric:?}");
        }
        let numbers = [-3.5, -0.0, 0.0, 1e-9, 2.0, f64::MAX];
        for pair in numbers.windows(2) {
            assert!(key(pair[0]) < key(pair[1]), "{pair:?}");
            assert_eq!(value(key(pair[0])).to_bits(), pair[0].to_bits());
        }
    }
}
