//! Habits every tool window shares, driven as a user would: Escape closes the topmost window before it
//! closes the inspector, Enter confirms a message, long windows scroll, and windows leave the article free.

use crate::common;
use common::*;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use tarmeez::model::MentionId;
use tarmeez::ui::action::Focus;
use tarmeez::ui::{Command, TarmeezApp};

#[test]
fn escape_closes_the_open_window_first_then_the_inspector() {
    let (_tmp, dir) = sample_copy();
    let mut h = window(TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    h.state_mut().focus_on(Focus::Mention(MentionId(1)));
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::E);
    h.get_by_label("Whole project");
    // The inspector has an actor search field too: the registry's makes two.
    let actor_searches = |h: &egui_kittest::Harness<'_, TarmeezApp>| h.query_all_by_label("Search actors").count();
    assert_eq!(actor_searches(&h), 1);
    press(&mut h, Modifiers::COMMAND, Key::K);
    assert_eq!(actor_searches(&h), 2);
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert_eq!(actor_searches(&h), 1, "the topmost window (actors) closes first");
    h.get_by_label("Whole project");
    assert_eq!(h.state().focus(), Some(Focus::Mention(MentionId(1))), "the inspector stays");
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label("Whole project").is_none(), "then the events table");
    assert_eq!(h.state().focus(), Some(Focus::Mention(MentionId(1))), "the inspector still stays");
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert_eq!(h.state().focus(), None, "then the inspector closes");
}

#[test]
fn a_window_the_coder_raised_is_the_one_escape_closes() {
    let (_tmp, dir) = sample_copy();
    let mut h = window(TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    press(&mut h, Modifiers::COMMAND, Key::E);
    press(&mut h, Modifiers::COMMAND, Key::K);
    // A click on the events table brings it over the actor registry.
    h.get_by_label("Whole project").click();
    h.run();
    press(&mut h, Modifiers::NONE, Key::Escape);
    assert!(h.query_by_label("Whole project").is_none(), "the raised window closes");
    h.get_by_label("Search actors");
}

#[test]
fn enter_confirms_a_message_and_does_not_reach_the_review_queue() {
    let (_tmp, dir) = sample_copy();
    let mut h = window(TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    // Ctrl+J with one document: "Every other document is done." is said.
    press(&mut h, Modifiers::COMMAND, Key::J);
    h.get_by_label("Every other document is done.");
    let before = h.state().project().unwrap().generation();
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert!(h.query_by_label("Every other document is done.").is_none(), "Enter dismissed the message");
    assert_eq!(h.state().project().unwrap().generation(), before, "and accepted nothing");
}

#[test]
fn the_last_row_of_the_shortcuts_window_is_reachable_in_a_small_window() {
    let (_tmp, dir) = sample_copy();
    let mut h = egui_kittest::Harness::builder()
        .with_size([1280.0, 860.0])
        .build_ui_state(|ui, app: &mut TarmeezApp| app.show(ui), TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    h.run();
    press(&mut h, Modifiers::NONE, Key::F1);
    let last = Command::ALL.last().unwrap().help();
    h.get_by_label(last).scroll_to_me();
    h.run();
    let rect = h.get_by_label(last).rect();
    assert!(rect.bottom() <= 860.0, "the last row is on screen after scrolling to it: {rect:?}");
}

#[test]
fn a_window_opens_beside_the_article_when_there_is_room() {
    let (_tmp, dir) = sample_copy();
    let mut h = window(TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    let article = h.get_by_role(eframe::egui::accesskit::Role::Document).rect();
    press(&mut h, Modifiers::COMMAND, Key::F);
    let field = h.get_by_label("Search the project").rect();
    assert!(field.left() >= article.right(), "the search window leaves the article free: {field:?} {article:?}");
}
