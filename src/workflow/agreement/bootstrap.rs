//! A bootstrap 95% interval over documents: resample the documents with replacement, recompute the pooled
//! figure from the resampled documents' sums, and take the 2.5th and 97.5th percentiles.
//!
//! The random numbers come from `fastrand` (wyrand), already in the dependency tree through `tempfile`, small,
//! without dependencies of its own, and reproducible from a seed, so the same data and seed give the same
//! interval on every machine.

/// A 95% interval.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    /// The 2.5th percentile.
    pub low: f64,
    /// The 97.5th percentile.
    pub high: f64,
}

/// How many resamples a report draws by default.
pub const RESAMPLES: usize = 1000;
/// The seed a report uses by default.
pub const SEED: u64 = 14;

/// The bootstrap interval of `figure` over `per_doc` (each document's sums, added with `add` from
/// `T::default()`): `resamples` draws of as many documents as there are, with replacement, from a generator
/// seeded with `seed`. Percentiles interpolate linearly between the sorted figures (position p·(n − 1), as
/// numpy's default). A resample whose figure is undefined is left out; `None` when every one is, or there
/// are no documents.
pub fn bootstrap<T: Default>(
    per_doc: &[T],
    add: impl Fn(&mut T, &T),
    figure: impl Fn(&T) -> Option<f64>,
    resamples: usize,
    seed: u64,
) -> Option<Interval> {
    bootstrap_many(per_doc, add, |t| vec![figure(t)], resamples, seed).pop().flatten()
}

/// [`bootstrap`] of several figures from the same resamples: `figures` gives them all from one resample's
/// sums, always as many and in the same order; one interval for each.
pub fn bootstrap_many<T: Default>(
    per_doc: &[T],
    add: impl Fn(&mut T, &T),
    figures: impl Fn(&T) -> Vec<Option<f64>>,
    resamples: usize,
    seed: u64,
) -> Vec<Option<Interval>> {
    let count = figures(&T::default()).len();
    if per_doc.is_empty() {
        return vec![None; count];
    }
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut drawn: Vec<Vec<f64>> = vec![Vec::with_capacity(resamples); count];
    for _ in 0..resamples {
        let mut sum = T::default();
        for _ in 0..per_doc.len() {
            add(&mut sum, &per_doc[rng.usize(..per_doc.len())]);
        }
        for (values, figure) in drawn.iter_mut().zip(figures(&sum)) {
            values.extend(figure);
        }
    }
    drawn
        .into_iter()
        .map(|mut values| {
            values.sort_by(f64::total_cmp);
            Some(Interval { low: percentile(&values, 0.025)?, high: percentile(&values, 0.975)? })
        })
        .collect()
}

/// The `p` quantile of sorted values, interpolating linearly between neighbours.
fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let position = p * last as f64;
    let below = position.floor() as usize;
    let above = (below + 1).min(last);
    let fraction = position - below as f64;
    Some(sorted[below] + (sorted[above] - sorted[below]) * fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(a: &mut (u32, u32), b: &(u32, u32)) {
        a.0 += b.0;
        a.1 += b.1;
    }

    fn share(s: &(u32, u32)) -> Option<f64> {
        (s.1 > 0).then(|| f64::from(s.0) / f64::from(s.1))
    }

    #[test]
    fn documents_that_all_agree_give_an_interval_of_one_point() {
        let docs = vec![(3, 3), (5, 5), (1, 1)];
        assert_eq!(bootstrap(&docs, add, share, 200, 7), Some(Interval { low: 1.0, high: 1.0 }));
        assert_eq!(bootstrap(&Vec::<(u32, u32)>::new(), add, share, 200, 7), None);
        // A figure undefined in every resample (nothing marked anywhere): no interval.
        assert_eq!(bootstrap(&[(0, 0), (0, 0)], add, share, 50, 7), None);
    }

    #[test]
    fn the_interval_is_seeded_and_holds_the_pooled_figure() {
        // Ten documents: half agree fully, half not at all; pooled 0.5.
        let docs: Vec<(u32, u32)> = (0..10).map(|i| if i % 2 == 0 { (4, 4) } else { (0, 4) }).collect();
        let a = bootstrap(&docs, add, share, 1000, 14).unwrap();
        assert_eq!(Some(a), bootstrap(&docs, add, share, 1000, 14), "same seed, same interval");
        assert!(a.low < 0.5 && 0.5 < a.high && a.low >= 0.0 && a.high <= 1.0, "{a:?}");
        // With 10 documents of 0 or 1, a resample's share is k/10: both ends are tenths.
        assert!(((a.low * 10.0).round() - a.low * 10.0).abs() < 1e-9, "{a:?}");
    }

    #[test]
    fn percentiles_interpolate_between_neighbours() {
        let v = [0.0, 1.0, 2.0, 3.0, 4.0];
        assert_eq!(percentile(&v, 0.5), Some(2.0));
        assert!((percentile(&v, 0.025).unwrap() - 0.1).abs() < 1e-12);
        assert!((percentile(&v, 0.975).unwrap() - 3.9).abs() < 1e-12);
        assert_eq!(percentile(&[], 0.5), None);
    }
}
