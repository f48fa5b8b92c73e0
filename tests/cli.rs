//! The command line, run as a user runs it.

mod common;
use common::*;
use std::process::{Command, Output};

fn tarmeez(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).env("TARMEEZ_ANNOTATOR", "cli-test").output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn validate_passes_on_the_sample_project() {
    let (_tmp, dir) = sample_copy();
    let out = tarmeez(&["validate", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    assert!(stdout(&out).contains("1 document(s), no problems"));
}

#[test]
fn validate_lists_every_problem_with_its_file_and_fails() {
    let (_tmp, dir) = sample_copy();
    let layer = dir.join(format!("annotations/{SAMPLE_DOC}/sample.ron"));
    edit_file(&layer, "type: \"SOURCE\"", "type: \"REPORTER\"");
    edit_file(&layer, "(role: \"Threatener\"", "(role: \"Attacker\"");
    let out = tarmeez(&["validate", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().filter(|l| l.contains("sample.ron:")).collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(lines.iter().any(|l| l.contains("REPORTER")));
    assert!(lines.iter().any(|l| l.contains("Attacker")));
    assert!(text.contains("2 problem(s)"));
}

#[test]
fn validate_reports_a_folder_that_is_not_a_project() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tarmeez(&["validate", tmp.path().to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not a Tarmeez project"));
}

#[test]
fn stats_prints_the_sample_counts() {
    let (_tmp, dir) = sample_copy();
    let out = tarmeez(&["stats", dir.to_str().unwrap()]);
    assert!(out.status.success());
    let text = stdout(&out);
    for expected in
        ["Documents: 1", "Mentions: 24", "Events: 5", "ATTACK", "Relations: 1", "pending", "accepted", "rejected"]
    {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn new_then_import_text_then_validate() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("corpus");
    let out = tarmeez(&["new", dir.to_str().unwrap(), "--name", "Deir ez-Zor 2021"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let input = tmp.path().join("articles");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("one.txt"), "قصفت الميليشيات القاعدة").unwrap();
    std::fs::write(input.join("bad.txt"), b"\xff\xfe").unwrap();
    let out = tarmeez(&["import-text", dir.to_str().unwrap(), input.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "a skipped file makes the exit status non-zero");
    assert!(text.contains("imported") && text.contains("one.txt"), "{text}");
    assert!(text.contains("skipped") && text.contains("bad.txt") && text.contains("not UTF-8"), "{text}");
    assert!(text.contains("1 imported, 1 skipped"));
    let out = tarmeez(&["validate", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("1 document(s)"));
    let again = tarmeez(&["new", dir.to_str().unwrap(), "--name", "x"]);
    assert!(!again.status.success(), "new never overwrites a project");
}

#[test]
fn render_writes_a_png_of_the_document() {
    let (tmp, dir) = sample_copy();
    let out = tmp.path().join("page.png");
    let o = tarmeez(&["render", dir.to_str().unwrap(), SAMPLE_DOC, "--out", out.to_str().unwrap(), "--width", "640"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let png = std::fs::read(&out).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    let height = u32::from_be_bytes(png[20..24].try_into().unwrap());
    assert_eq!(width, 640);
    assert!(height > 1000, "the whole article, top to bottom: {height}");
}

#[test]
fn render_names_an_unknown_document() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("page.png");
    let (_tmp2, dir) = sample_copy();
    let o = tarmeez(&["render", dir.to_str().unwrap(), "no-such-doc", "--out", out.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no document `no-such-doc`"));
    assert!(!out.exists());
}
