//! The project's data without the window: store, formats, agreement, curation and review workflows, the command line. One test binary, so CI links it once.

#[path = "../common/mod.rs"]
mod common;

mod agreement_events_fixture;
mod agreement_fixture;
mod agreement_relations_fixture;
mod cli_agreement;
mod cli_assign;
mod concurrent_writers;
mod conll;
mod curation;
mod curation_relations;
mod import_findings;
mod import_text;
mod incremental_layout;
mod project_edits;
mod refresh;
mod render_pages;
mod review;
mod store_round_trip;
mod store_validation;
mod webanno;
mod workflow_review;
