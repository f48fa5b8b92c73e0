//! Agreement between coders (issue 14), computed from their layers without a GUI. This first part covers
//! spans: pairwise F1 (strict: same span and type; lenient: overlapping, same type), pooled over documents
//! (counts summed first, then the ratio: a long document weighs what its mentions weigh, unlike an average of
//! per-document scores), and kappas on per-code-point labels (Cohen's for two coders, Fleiss' for any
//! number); Krippendorff's alpha for coded units (nominal, ordinal, interval); and events (`events/`: trigger and
//! argument F1, alpha per event attribute).
//! Definitions are in README's "Agreement" paragraph.

mod alpha;
mod events;
mod kappa;
mod project;
mod spans;

pub use alpha::{Metric, ValueCoincidences, krippendorff_alpha};
pub use kappa::{cohen_kappa, fleiss_kappa};
pub use project::coders;
pub use spans::{Labelled, SpanCounts, Strictness, clitic_counts, clitic_equal, code_point_labels, span_counts};

// The span report (agree-spans): selection, per-document sums, bootstrap intervals, confusion, alpha-U.
mod bootstrap;
mod confusion;
mod labels;
mod report;
mod select;
mod sums;
mod unitizing;

pub use bootstrap::{Interval, RESAMPLES, SEED, bootstrap, bootstrap_many};
pub use confusion::{Confusion, add_confusion};
pub use labels::{Coincidences, FleissSums, PairTable, label_indices, unit_sums};
pub use report::{DocFigures, PairReport, Pooled, SpanReport, TypeReport, f1s, span_report};
pub use select::{DocMentions, SelectError, Selection, SpanData, select};
pub use sums::{Layout, MatchCounts};
pub use unitizing::{CategorySums, alpha_u};

// Events: alignment, trigger and argument F1, alpha per event attribute.
pub use events::*;

// Relations between mentions and between events: units by their ends, F1, kappa, confusion, alpha.
pub mod relations;
