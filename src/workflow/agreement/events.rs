//! Agreement on events (issue 14): events of two coders are aligned one to one (same type; the same trigger
//! strictly, overlapping triggers leniently), trigger F1 counts the aligned events, argument F1 (ACE-style)
//! the arguments of leniently aligned events that agree on role and filler, and Krippendorff's alpha per
//! event attribute compares the values coders gave to the same event, clustered across all coders.
//! Definitions are in README's "Agreement" paragraph.

mod align;
mod attributes;
mod counts;
mod project;

pub use align::{Member, align, clusters, overlap};
pub use attributes::{ORDERED_CHOICE_ATTRIBUTES, attribute_units, date_days, metric_of, ordered_choices, value_of};
pub use counts::{ArgumentMatch, EventCounts, Filler, argument_counts, matched_arguments};
pub use project::{AttributeAgreement, EventPairAgreement, EventScope, attribute_alpha, event_pairwise};
