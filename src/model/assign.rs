//! The draw of `tarmeez assign`: which coders code each document not yet assigned.
//!
//! - Each new document gets `per_doc` distinct coders, or, with an overlap share, only that share of the
//!   documents does and the rest get one coder each.
//! - The overlap share counts over all the project's documents: after the draw, as close as rounding allows
//!   to `overlap`% of them have `per_doc` coders. Documents already assigned keep their coders (and count
//!   towards the share); only new documents are drawn.
//! - Coders are drawn to balance loads: each document goes to the coders with the fewest documents so far
//!   (documents already assigned count), ties broken by the seeded draw. Starting from nothing, loads end at
//!   most one apart.
//! - The seed makes it reproducible: the same documents, coders, options and seed give the same file.

use super::{Annotator, Assignments, DocId};
use std::collections::{BTreeMap, BTreeSet};

/// What `tarmeez assign` was asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct AssignOptions {
    /// The team, each named once.
    pub coders: Vec<Annotator>,
    /// How many coders code each document (each overlap document, when `overlap` is given).
    pub per_doc: usize,
    /// The share of documents, in percent (0 to 100), that get `per_doc` coders; the rest get one. `None`:
    /// every document gets `per_doc`.
    pub overlap: Option<f64>,
    /// The seed of the draw.
    pub seed: u64,
}

/// Why the draw was refused.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum AssignError {
    /// No coder was named.
    #[error("no coders were given: name them with --coders, for example --coders huda,omar,layla")]
    NoCoders,
    /// A coder was named twice.
    #[error("the coder `{0}` is named twice in --coders")]
    Duplicate(Annotator),
    /// `per_doc` is zero.
    #[error("--per-doc must be at least 1")]
    PerDocZero,
    /// More coders per document than there are coders.
    #[error("--per-doc {per_doc} asks for more coders per document than the {coders} given in --coders")]
    PerDocTooLarge {
        /// What was asked.
        per_doc: usize,
        /// How many coders there are.
        coders: usize,
    },
    /// The share is not a percentage.
    #[error("--overlap must be a share between 0% and 100%, not {0}")]
    OverlapOutOfRange(String),
    /// An overlap share with one coder per document means nothing.
    #[error("--overlap needs --per-doc 2 or more: it is the share of documents that get that many coders")]
    OverlapNeedsPerDoc,
}

/// The outcome of a draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Draw {
    /// The assignments to write: those kept and the new ones.
    pub assignments: Assignments,
    /// Documents assigned by this draw.
    pub new: usize,
    /// Documents that were assigned already and kept their coders.
    pub kept: usize,
    /// Assignments of documents the project no longer has, left out.
    pub dropped: usize,
}

/// Draws coders for the `documents` (the project's, in order) that `existing` does not assign yet.
pub fn assign(existing: &Assignments, documents: &[DocId], options: &AssignOptions) -> Result<Draw, AssignError> {
    check(options)?;
    let in_project: BTreeSet<&DocId> = documents.iter().collect();
    let mut assignments = Assignments::default();
    for (doc, coders) in &existing.documents {
        if in_project.contains(doc) && !coders.is_empty() {
            assignments.documents.insert(doc.clone(), coders.clone());
        }
    }
    let kept = assignments.documents.len();
    let dropped = existing.documents.len() - kept;
    let new_docs: Vec<&DocId> = documents.iter().filter(|d| !assignments.documents.contains_key(*d)).collect();
    let mut rng = SplitMix(options.seed);
    let wide = wide_documents(&assignments, documents.len(), &new_docs, options, &mut rng);
    let mut loads: BTreeMap<&Annotator, usize> = options.coders.iter().map(|c| (c, 0)).collect();
    for coder in assignments.documents.values().flatten() {
        if let Some(n) = loads.get_mut(coder) {
            *n += 1;
        }
    }
    for (k, doc) in new_docs.iter().enumerate() {
        let how_many = if wide.contains(&k) { options.per_doc } else { 1 };
        let mut order: Vec<(usize, u64, &Annotator)> =
            options.coders.iter().map(|c| (loads[c], rng.next(), c)).collect();
        order.sort_unstable();
        let chosen: BTreeSet<Annotator> = order.iter().take(how_many).map(|(_, _, c)| (*c).clone()).collect();
        for coder in &chosen {
            if let Some(n) = loads.get_mut(coder) {
                *n += 1;
            }
        }
        assignments.documents.insert((*doc).clone(), chosen);
    }
    Ok(Draw { assignments, new: new_docs.len(), kept, dropped })
}

fn check(options: &AssignOptions) -> Result<(), AssignError> {
    if options.coders.is_empty() {
        return Err(AssignError::NoCoders);
    }
    let mut seen = BTreeSet::new();
    if let Some(twice) = options.coders.iter().find(|c| !seen.insert(*c)) {
        return Err(AssignError::Duplicate(twice.clone()));
    }
    if options.per_doc == 0 {
        return Err(AssignError::PerDocZero);
    }
    if options.per_doc > options.coders.len() {
        return Err(AssignError::PerDocTooLarge { per_doc: options.per_doc, coders: options.coders.len() });
    }
    if let Some(share) = options.overlap {
        if !(0.0..=100.0).contains(&share) {
            return Err(AssignError::OverlapOutOfRange(format!("{share}%")));
        }
        if options.per_doc < 2 {
            return Err(AssignError::OverlapNeedsPerDoc);
        }
    }
    Ok(())
}

/// Which of the new documents (by position in `new_docs`) get `per_doc` coders: all of them without an
/// overlap share; else as many as bring the project's overlap to its share, chosen by the seeded draw.
fn wide_documents(
    kept: &Assignments,
    total: usize,
    new_docs: &[&DocId],
    options: &AssignOptions,
    rng: &mut SplitMix,
) -> BTreeSet<usize> {
    let Some(share) = options.overlap else { return (0..new_docs.len()).collect() };
    // A share of a whole number of documents: round to the nearest (half up), as the summary reports it.
    let target = (share / 100.0 * total as f64).round() as usize;
    let want = target.saturating_sub(kept.overlap()).min(new_docs.len());
    let mut order: Vec<usize> = (0..new_docs.len()).collect();
    // Fisher-Yates with the seeded generator: every subset of `want` documents is equally likely.
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    order.into_iter().take(want).collect()
}

/// SplitMix64: a small generator whose output depends on the seed alone, today and in every later version
/// (a library's generator may change between releases, and the same seed must give the same file).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0); the bias of the modulo is far below anything a team could notice.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coders(names: &[&str]) -> Vec<Annotator> {
        names.iter().map(|n| Annotator::parse(n).unwrap()).collect()
    }

    fn docs(n: usize) -> Vec<DocId> {
        (0..n).map(|i| DocId::parse(&format!("doc{i:04}")).unwrap()).collect()
    }

    fn options(names: &[&str], per_doc: usize, overlap: Option<f64>, seed: u64) -> AssignOptions {
        AssignOptions { coders: coders(names), per_doc, overlap, seed }
    }

    fn load_spread(asg: &Assignments, team: &[Annotator]) -> (usize, usize) {
        let loads = asg.loads();
        let of = |c: &Annotator| loads.get(c).copied().unwrap_or(0);
        (team.iter().map(of).min().unwrap(), team.iter().map(of).max().unwrap())
    }

    #[test]
    fn every_document_gets_per_doc_distinct_coders_and_loads_differ_by_at_most_one() {
        for (n_docs, names, per_doc) in [
            (50, &["a1", "b2", "c3"][..], 2),
            (7, &["a1", "b2", "c3", "d4", "e5"][..], 3),
            (101, &["a1", "b2", "c3", "d4"][..], 1),
            (3, &["a1", "b2", "c3", "d4", "e5", "f6", "g7"][..], 2),
        ] {
            let opts = options(names, per_doc, None, 7);
            let draw = assign(&Assignments::default(), &docs(n_docs), &opts).unwrap();
            assert_eq!(draw.assignments.documents.len(), n_docs);
            assert_eq!((draw.new, draw.kept, draw.dropped), (n_docs, 0, 0));
            for (doc, chosen) in &draw.assignments.documents {
                assert_eq!(chosen.len(), per_doc, "{doc}: a set, so distinct");
                assert!(chosen.iter().all(|c| opts.coders.contains(c)), "{doc}");
            }
            let (min, max) = load_spread(&draw.assignments, &opts.coders);
            assert!(max - min <= 1, "{n_docs} docs, {names:?}: loads {min}..{max}");
        }
    }

    #[test]
    fn the_overlap_share_is_the_share_of_all_documents_within_rounding() {
        for (n_docs, share, expected) in [(50, 20.0, 10), (7, 20.0, 1), (9, 50.0, 5), (40, 0.0, 0), (12, 100.0, 12)] {
            let opts = options(&["a1", "b2", "c3"], 2, Some(share), 3);
            let draw = assign(&Assignments::default(), &docs(n_docs), &opts).unwrap();
            assert_eq!(draw.assignments.overlap(), expected, "{share}% of {n_docs}");
            assert!(draw.assignments.documents.values().all(|c| c.len() == 1 || c.len() == 2));
            let (min, max) = load_spread(&draw.assignments, &opts.coders);
            assert!(max - min <= 1, "loads {min}..{max}");
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_draw_and_another_seed_another() {
        let opts = options(&["a1", "b2", "c3", "d4"], 2, Some(30.0), 42);
        let first = assign(&Assignments::default(), &docs(60), &opts).unwrap();
        let again = assign(&Assignments::default(), &docs(60), &opts).unwrap();
        assert_eq!(first, again);
        let other = assign(&Assignments::default(), &docs(60), &AssignOptions { seed: 43, ..opts }).unwrap();
        assert_ne!(first.assignments, other.assignments);
    }

    #[test]
    fn a_second_run_keeps_what_was_assigned_and_balances_the_new_documents() {
        let opts = options(&["a1", "b2", "c3"], 2, Some(20.0), 1);
        let first = assign(&Assignments::default(), &docs(30), &opts).unwrap();
        // Ten more documents arrive, one coder joins, and a document the project lost is dropped.
        let mut existing = first.assignments.clone();
        existing.documents.insert(DocId::parse("gone").unwrap(), coders(&["a1"]).into_iter().collect());
        let opts = options(&["a1", "b2", "c3", "d4"], 2, Some(20.0), 9);
        let second = assign(&existing, &docs(40), &opts).unwrap();
        assert_eq!((second.new, second.kept, second.dropped), (10, 30, 1));
        for (doc, chosen) in &first.assignments.documents {
            assert_eq!(second.assignments.documents.get(doc), Some(chosen), "{doc} keeps its coders");
        }
        assert_eq!(second.assignments.overlap(), 8, "20% of 40");
        // The newcomer takes the new documents until loads even out as far as they can.
        let loads = second.assignments.loads();
        let d4 = loads.get(&Annotator::parse("d4").unwrap()).copied().unwrap_or(0);
        assert!(d4 >= 10, "d4 has {d4} of the new documents");
    }

    #[test]
    fn impossible_requests_are_refused() {
        let refused = |o: AssignOptions| assign(&Assignments::default(), &docs(3), &o).unwrap_err();
        assert_eq!(refused(options(&[], 1, None, 0)), AssignError::NoCoders);
        assert_eq!(refused(options(&["a1", "b2"], 3, None, 0)), AssignError::PerDocTooLarge { per_doc: 3, coders: 2 });
        assert_eq!(refused(options(&["a1"], 0, None, 0)), AssignError::PerDocZero);
        assert!(matches!(refused(options(&["a1", "a1"], 1, None, 0)), AssignError::Duplicate(_)));
        assert!(matches!(refused(options(&["a1", "b2"], 2, Some(120.0), 0)), AssignError::OverlapOutOfRange(_)));
        assert_eq!(refused(options(&["a1", "b2"], 1, Some(20.0), 0)), AssignError::OverlapNeedsPerDoc);
    }
}
