//! Who is coding (issue 13, identity): the name dialog needs a real name, proposes the one from the coder's
//! git configuration, and flags a name that another coder's files in the project already use.

use crate::common;

use common::*;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use tarmeez::ui::TarmeezApp;
use tarmeez::ui::windows::NameDialog;

fn dialog_on_sample(
    proposed: &str,
) -> (tempfile::TempDir, tempfile::TempDir, egui_kittest::Harness<'static, TarmeezApp>) {
    let (tmp, dir) = sample_copy();
    let settings = tempfile::tempdir().unwrap();
    let dialog = NameDialog::new(dir, Some(settings.path().join("settings.ron")), proposed);
    let h = window(TarmeezApp::asking_name(dialog));
    (tmp, settings, h)
}

fn type_name(h: &mut egui_kittest::Harness<'static, TarmeezApp>, name: &str) {
    h.get_by_label("Your name").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Your name").type_text(name);
    h.run();
}

/// The finding: a newcomer who pressed Enter became `annotator`, and two such coders wrote the same files.
#[test]
fn enter_on_the_placeholder_name_does_not_start_coding() {
    let (_tmp, _settings, mut h) = dialog_on_sample("annotator");
    h.get_by_label("Your name").focus();
    h.run();
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert!(h.state().project().is_none(), "`annotator` is not anyone's name");
    h.get_by_label_contains("is not a name");
    type_name(&mut h, "Huda Ali");
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert_eq!(h.state().project().unwrap().annotator().as_str(), "huda-ali");
}

/// `sample` already has a layer in the sample project: taking that name is asked about once, not silent.
#[test]
fn a_name_another_coder_s_files_use_is_flagged_before_it_is_taken() {
    let (_tmp, _settings, mut h) = dialog_on_sample("");
    type_name(&mut h, "Sample");
    h.get_by_label_contains("already has work in this project (1 document)");
    press(&mut h, Modifiers::NONE, Key::Enter);
    assert!(h.state().project().is_none(), "Enter does not take another coder's name");
    h.get_by_label("Yes, that is me").click();
    h.run();
    assert_eq!(h.state().project().unwrap().annotator().as_str(), "sample");
}

/// The proposal comes from git (`user.name`), which a team that syncs through git has set.
#[test]
fn the_proposed_name_is_the_one_git_knows() {
    let home = tempfile::tempdir().unwrap();
    std::fs::write(home.path().join(".gitconfig"), "[user]\n\tname = Huda Ali\n").unwrap();
    assert_eq!(tarmeez::identity::git_user_name(Some(home.path())).as_deref(), Some("Huda Ali"));
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(tarmeez::identity::git_user_name(Some(empty.path())), None);
}
