//! The workflows: plain functions from `&Project` (+ inputs) to a `ProjectEdit` or a result; no GUI, no disk
//! writes. The UI and the command line call these and hand the edits to `Project::apply_edit`.

pub mod actor_edits;
pub mod agreement;
pub mod assignments;
pub mod curation;
// Issue 18: the learner inside the app.
pub mod learner;
pub mod model_suggestions;
// Issue 19: places for LOCATION mentions (the gazetteer, matching, linking).
pub mod places;
pub mod review;
pub mod review_stats;
mod search;
mod stats;
pub mod suggesters;
pub mod suggestion_import;
// Issue 19: the records an event dataset publishes (ACLED, UCDP GED), with their evidence.
pub mod event_record;

pub use search::{SearchHit, search_project};
pub use stats::Stats;
