//! A structured averaged perceptron (Collins 2002) over BIO tags: a weight per feature and tag, and a weight
//! per pair of adjacent tags. Decoding is Viterbi with the BIO constraint (a continuing tag only after the
//! same type's); it also gives each token's max-marginal margin, the best path's score minus the best score
//! of a path with another tag at that token, which the learner turns into confidence.
//!
//! Written here rather than taken from a crate: `crfs` 0.4 (the maintained CRF crate) tags but exposes no
//! marginals, and the uncertainty ordering needs a score per token.

use super::features::Feature;
use std::collections::HashMap;

/// One training sequence: each token's feature hashes and its gold tag.
pub struct Sequence<'a> {
    /// Features per token.
    pub features: &'a [Vec<Feature>],
    /// Gold tag per token.
    pub tags: &'a [usize],
}

/// Whether tag `cur` may follow tag `prev` (`None`: the sequence's start): a continuing tag (even, not 0)
/// only after the beginning or continuation of its own type.
fn allowed(prev: Option<usize>, cur: usize) -> bool {
    if cur == 0 || cur % 2 == 1 {
        return true;
    }
    prev.is_some_and(|p| p != 0 && p.div_ceil(2) == cur / 2)
}

/// Trained weights (averaged).
#[derive(Clone, Debug)]
pub struct Perceptron {
    tags: usize,
    rows: HashMap<Feature, u32>,
    /// `rows.len() * tags` emission weights.
    emit: Vec<f32>,
    /// `(tags + 1) * tags` transition weights; row `tags` is the start.
    trans: Vec<f32>,
}

/// A decoded sequence.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The best tag per token.
    pub tags: Vec<usize>,
    /// Per token, the best path's score minus the best score with another tag there (0 or more).
    pub margins: Vec<f32>,
}

/// Weights while training, with the sums the average is taken from.
struct Weights {
    w: Vec<f32>,
    /// Sum of `step * change`, so that the average is `w - acc / steps`.
    acc: Vec<f32>,
}

impl Weights {
    fn new(n: usize) -> Self {
        Self { w: vec![0.0; n], acc: vec![0.0; n] }
    }
    fn add(&mut self, i: usize, by: f32, step: f32) {
        self.w[i] += by;
        self.acc[i] += step * by;
    }
    fn average(self, steps: f32) -> Vec<f32> {
        self.w.iter().zip(&self.acc).map(|(w, a)| w - a / steps).collect()
    }
}

impl Perceptron {
    /// Trains on `sequences` for `epochs` passes, visiting them in an order shuffled by `seed`.
    pub fn train(tags: usize, sequences: &[Sequence<'_>], epochs: usize, seed: u64) -> Self {
        let mut rows: HashMap<Feature, u32> = HashMap::new();
        let interned: Vec<Vec<Vec<u32>>> = sequences
            .iter()
            .map(|s| {
                s.features
                    .iter()
                    .map(|fs| {
                        fs.iter()
                            .map(|f| {
                                let n = rows.len() as u32;
                                *rows.entry(*f).or_insert(n)
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut emit = Weights::new(rows.len() * tags);
        let mut trans = Weights::new((tags + 1) * tags);
        let mut order: Vec<usize> = (0..sequences.len()).collect();
        let mut rng = seed | 1;
        let mut step = 1.0f32;
        for _ in 0..epochs {
            shuffle(&mut order, &mut rng);
            for &k in &order {
                let feats = &interned[k];
                let gold = sequences[k].tags;
                let scores = emissions(tags, feats.iter().map(|fs| fs.iter().map(|&r| r as usize)), &emit.w);
                let predicted = viterbi(tags, &scores, &trans.w).tags;
                if predicted != gold {
                    update(tags, feats, gold, &predicted, &mut emit, &mut trans, step);
                }
                step += 1.0;
            }
        }
        Self { tags, rows, emit: emit.average(step), trans: trans.average(step) }
    }

    /// The best tags of a sequence and each token's margin.
    pub fn decode(&self, features: &[Vec<Feature>]) -> Decoded {
        let rows = features.iter().map(|fs| fs.iter().filter_map(|f| self.rows.get(f)).map(|&r| r as usize));
        let scores = emissions(self.tags, rows, &self.emit);
        viterbi(self.tags, &scores, &self.trans)
    }
}

/// A Fisher-Yates shuffle driven by a xorshift generator (deterministic, no dependency).
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        order.swap(i, (*state % (i as u64 + 1)) as usize);
    }
}

/// The perceptron's update: the gold path's features and transitions up, the predicted path's down.
fn update(
    tags: usize,
    feats: &[Vec<u32>],
    gold: &[usize],
    predicted: &[usize],
    emit: &mut Weights,
    trans: &mut Weights,
    step: f32,
) {
    for i in 0..gold.len() {
        let (g, p) = (gold[i], predicted[i]);
        if g != p {
            for &r in &feats[i] {
                emit.add(r as usize * tags + g, 1.0, step);
                emit.add(r as usize * tags + p, -1.0, step);
            }
        }
        let (gp, pp) = if i == 0 { (tags, tags) } else { (gold[i - 1], predicted[i - 1]) };
        if (gp, g) != (pp, p) {
            trans.add(gp * tags + g, 1.0, step);
            trans.add(pp * tags + p, -1.0, step);
        }
    }
}

/// Each token's score per tag: the sum of its features' weights.
fn emissions(tags: usize, rows: impl Iterator<Item = impl Iterator<Item = usize>>, emit: &[f32]) -> Vec<f32> {
    let mut out = Vec::new();
    for token in rows {
        let at = out.len();
        out.resize(at + tags, 0.0);
        for r in token {
            for (o, w) in out[at..].iter_mut().zip(&emit[r * tags..(r + 1) * tags]) {
                *o += w;
            }
        }
    }
    out
}

/// Viterbi over `scores` (`tags` per token) with transitions `trans`, plus max-marginal margins from a
/// backward pass of the same kind.
fn viterbi(tags: usize, scores: &[f32], trans: &[f32]) -> Decoded {
    let n = scores.len() / tags;
    if n == 0 {
        return Decoded { tags: Vec::new(), margins: Vec::new() };
    }
    let t = |prev: Option<usize>, cur: usize| {
        if allowed(prev, cur) { trans[prev.unwrap_or(tags) * tags + cur] } else { f32::NEG_INFINITY }
    };
    // Forward: best score of a path ending in each tag at each token, and where it came from.
    let mut fwd = vec![f32::NEG_INFINITY; n * tags];
    let mut back = vec![0usize; n * tags];
    for c in 0..tags {
        fwd[c] = t(None, c) + scores[c];
    }
    for i in 1..n {
        for c in 0..tags {
            let (best, from) = (0..tags)
                .map(|p| (fwd[(i - 1) * tags + p] + t(Some(p), c), p))
                .fold((f32::NEG_INFINITY, 0), |a, b| if b.0 > a.0 { b } else { a });
            fwd[i * tags + c] = best + scores[i * tags + c];
            back[i * tags + c] = from;
        }
    }
    // Backward: best score of the rest of the path after each tag at each token.
    let mut bwd = vec![0.0f32; n * tags];
    for i in (0..n - 1).rev() {
        for c in 0..tags {
            bwd[i * tags + c] = (0..tags)
                .map(|d| t(Some(c), d) + scores[(i + 1) * tags + d] + bwd[(i + 1) * tags + d])
                .fold(f32::NEG_INFINITY, f32::max);
        }
    }
    let mut path = vec![0; n];
    path[n - 1] = (0..tags).fold(0, |a, c| if fwd[(n - 1) * tags + c] > fwd[(n - 1) * tags + a] { c } else { a });
    for i in (1..n).rev() {
        path[i - 1] = back[i * tags + path[i]];
    }
    let margins = (0..n)
        .map(|i| {
            let through = |c: usize| fwd[i * tags + c] + bwd[i * tags + c];
            let best = through(path[i]);
            let other = (0..tags).filter(|&c| c != path[i]).map(through).fold(f32::NEG_INFINITY, f32::max);
            if other.is_finite() { (best - other).max(0.0) } else { f32::INFINITY }
        })
        .collect();
    Decoded { tags: path, margins }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_learns_a_separable_pattern_and_is_surer_of_what_it_saw() {
        // Feature 7 marks a one-token mention of type 0 (tag 1); 8 begins a two-token one of type 1 (3, 4).
        let x1 = vec![vec![1], vec![7], vec![1]];
        let x2 = vec![vec![8], vec![9], vec![1]];
        let (t1, t2) = (vec![0, 1, 0], vec![3, 4, 0]);
        let seqs = [Sequence { features: &x1, tags: &t1 }, Sequence { features: &x2, tags: &t2 }];
        let p = Perceptron::train(5, &seqs, 5, 42);
        assert_eq!(p.decode(&x1).tags, t1);
        assert_eq!(p.decode(&x2).tags, t2);
        let unseen = p.decode(&[vec![1], vec![99], vec![1]]);
        assert!(unseen.margins[1] < p.decode(&x1).margins[1]);
    }

    #[test]
    fn a_continuing_tag_never_follows_another_type() {
        // Emissions favour tag 4 (type 1 continues) after tag 1 (type 0 begins): not allowed.
        let scores = [0.0, 5.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 9.0];
        let d = viterbi(5, &scores, &[0.0; 30]);
        assert!(allowed(Some(d.tags[0]), d.tags[1]), "{:?}", d.tags);
    }
}
