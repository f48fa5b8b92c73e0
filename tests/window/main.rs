//! The window's flows, driven through egui_kittest (and a few that need no window but share its setup): one test binary, so CI links it once.

#[path = "../common/mod.rs"]
mod common;

mod article_keys;
mod article_view;
mod assignments_ui;
mod coding_windows;
mod context_rows;
mod curation_relations_ui;
mod curation_ui;
mod dates_ui;
mod disk_changes;
mod identity;
mod interface_language;
mod long_article_view;
mod mention_relations;
mod review_flow;
mod role_filling_ui;
mod tashkeel_ui;
mod text_fields;
mod tooltips;
mod ui_shell;
mod window_habits;
mod window_layout;
