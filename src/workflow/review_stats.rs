//! How each suggestion source fared in review: counts by outcome and precision at each score threshold,
//! for the stats window's plot and `tarmeez stats`.

use crate::model::{Annotator, ReviewStatus, SourceName};
use crate::store::Project;
use std::collections::BTreeMap;
use std::fmt;

/// Score thresholds the precision curve is computed at: 0.00, 0.05, ..., 0.95.
pub fn thresholds() -> impl Iterator<Item = f64> {
    (0..20).map(|i| f64::from(i) * 0.05)
}

/// Precision of a source's suggestions scored at least `threshold`, among those reviewed.
#[derive(Clone, Debug, PartialEq)]
pub struct ThresholdPoint {
    /// The score threshold.
    pub threshold: f64,
    /// Reviewed suggestions at or above it.
    pub reviewed: usize,
    /// Share accepted as suggested.
    pub precision: f64,
    /// Share accepted as suggested or after editing (type or boundaries).
    pub lenient_precision: f64,
}

/// One source's review outcome across the loaded documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SourceReview {
    /// Not yet reviewed.
    pub pending: usize,
    /// Accepted as suggested.
    pub accepted: usize,
    /// Accepted with another type or other boundaries.
    pub edited: usize,
    /// Rejected.
    pub rejected: usize,
    /// Precision at each threshold that has reviewed suggestions.
    pub curve: Vec<ThresholdPoint>,
}

/// Whose decisions the statistics count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reviewers {
    /// One coder's: pending means not decided by them.
    Coder(Annotator),
    /// Every coder's, pooled: each coder's decision on a suggestion counts once; pending means decided by
    /// no one.
    Everyone,
}

/// Review outcomes per source over the project's loaded documents (load them first for the whole project),
/// for one coder or pooled over every coder.
pub fn review_stats(project: &Project, reviewers: &Reviewers) -> BTreeMap<SourceName, SourceReview> {
    let mut scored: BTreeMap<SourceName, Vec<(f64, ReviewStatus)>> = BTreeMap::new();
    let mut out: BTreeMap<SourceName, SourceReview> = BTreeMap::new();
    for doc in project.documents() {
        let Some(loaded) = doc.loaded() else { continue };
        let layers: Vec<_> = match reviewers {
            Reviewers::Coder(a) => loaded.layers.get(a).into_iter().collect(),
            Reviewers::Everyone => loaded.layers.values().collect(),
        };
        for (source, set) in &loaded.suggestions {
            let r = out.entry(source.clone()).or_default();
            for (id, s) in &set.suggestions {
                let decisions: Vec<ReviewStatus> =
                    layers.iter().filter_map(|l| l.decision(source, *id)).map(|d| d.status).collect();
                if decisions.is_empty() {
                    r.pending += 1;
                }
                for status in decisions {
                    match status {
                        ReviewStatus::Pending => r.pending += 1,
                        ReviewStatus::Accepted => r.accepted += 1,
                        ReviewStatus::Edited => r.edited += 1,
                        ReviewStatus::Rejected => r.rejected += 1,
                    }
                    if status != ReviewStatus::Pending {
                        scored.entry(source.clone()).or_default().push((s.score.unwrap_or(0.0), status));
                    }
                }
            }
        }
    }
    for (source, reviewed) in scored {
        let r = out.entry(source).or_default();
        for t in thresholds() {
            let above: Vec<ReviewStatus> = reviewed.iter().filter(|(s, _)| *s >= t - 1e-9).map(|(_, st)| *st).collect();
            if above.is_empty() {
                continue;
            }
            let n = above.len() as f64;
            let accepted = above.iter().filter(|s| **s == ReviewStatus::Accepted).count() as f64;
            let edited = above.iter().filter(|s| **s == ReviewStatus::Edited).count() as f64;
            r.curve.push(ThresholdPoint {
                threshold: t,
                reviewed: above.len(),
                precision: accepted / n,
                lenient_precision: (accepted + edited) / n,
            });
        }
    }
    out
}

/// The review table `tarmeez stats` prints.
pub struct ReviewTable<'a>(pub &'a BTreeMap<SourceName, SourceReview>);

impl fmt::Display for ReviewTable<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (source, r) in self.0 {
            writeln!(
                f,
                "Review of {source}: {} accepted, {} edited, {} rejected, {} pending",
                r.accepted, r.edited, r.rejected, r.pending
            )?;
            if r.curve.is_empty() {
                continue;
            }
            writeln!(f, "  score >=  reviewed  precision  with edited")?;
            for p in &r.curve {
                writeln!(
                    f,
                    "  {:>8.2}  {:>8}  {:>9.2}  {:>11.2}",
                    p.threshold, p.reviewed, p.precision, p.lenient_precision
                )?;
            }
        }
        Ok(())
    }
}
