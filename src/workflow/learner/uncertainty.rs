//! Ordering by the learner's uncertainty, for the review queue: what the learner is least sure of first, so
//! that each decision teaches it the most (uncertainty sampling).

use super::tagger::Learner;
use crate::model::{DocId, DocText};

/// `items` ordered by `uncertainty`, highest first; ties keep their order.
pub fn most_uncertain_first<T>(items: &mut [T], uncertainty: impl Fn(&T) -> f64) {
    let mut keyed: Vec<(f64, usize)> = items.iter().enumerate().map(|(i, t)| (uncertainty(t), i)).collect();
    keyed.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let order: Vec<usize> = keyed.into_iter().map(|(_, i)| i).collect();
    apply_order(items, &order);
}

/// Puts `items[order[k]]` at `k`.
fn apply_order<T>(items: &mut [T], order: &[usize]) {
    let mut place: Vec<usize> = vec![0; order.len()];
    for (k, &i) in order.iter().enumerate() {
        place[i] = k;
    }
    for i in 0..items.len() {
        while place[i] != i {
            let j = place[i];
            items.swap(i, j);
            place.swap(i, j);
        }
    }
}

/// Documents with the learner's uncertainty about each (mean over tokens), most uncertain first.
pub fn documents_by_uncertainty<'a>(
    learner: &Learner,
    docs: impl IntoIterator<Item = (&'a DocId, &'a DocText)>,
) -> Vec<(DocId, f64)> {
    let mut out: Vec<(DocId, f64)> = docs.into_iter().map(|(d, t)| (d.clone(), learner.tag(t).uncertainty())).collect();
    most_uncertain_first(&mut out, |(_, u)| *u);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highest_first_and_ties_stay() {
        let mut v = vec![("a", 0.1), ("b", 0.9), ("c", 0.5), ("d", 0.9)];
        most_uncertain_first(&mut v, |(_, u)| *u);
        assert_eq!(v.iter().map(|(n, _)| *n).collect::<String>(), "bdca");
    }
}
