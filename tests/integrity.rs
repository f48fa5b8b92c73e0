//! A project folder's integrity: what interrupted writes leave (temp files, a text without its metadata),
//! annotations of documents that are gone, and folders that are links. `validate` names each with its file and
//! fails; `repair` clears up what it can without losing a coder's work; writes never go through a link.
#![cfg(unix)]

mod common;
use common::*;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output};
use tarmeez::model::*;
use tarmeez::store::{Access, AnnotatorLock};

fn tarmeez(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).env("TARMEEZ_ANNOTATOR", "cli-test").output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn both(o: &Output) -> String {
    format!("{}{}", stdout(o), String::from_utf8_lossy(&o.stderr))
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn sample_id() -> DocId {
    DocId::parse(SAMPLE_DOC).unwrap()
}

/// The lines of `validate`'s output that name a problem (all but the summary).
fn problem_lines(o: &Output) -> Vec<String> {
    stdout(o).lines().filter(|l| l.contains(": ") && !l.contains("document(s)")).map(str::to_owned).collect()
}

#[test]
fn a_text_without_metadata_is_named_by_validate_and_rolled_back_by_repair() {
    let (_tmp, dir) = sample_copy();
    std::fs::write(dir.join("documents/half.txt"), "نص لم يكتمل استيراده").unwrap();
    std::fs::write(dir.join("documents/.tarmeez-half.ron-Ab12Cd.tmp"), "(title: \"نص").unwrap();
    let out = tarmeez(&["validate", s(&dir)]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let lines = problem_lines(&out);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(lines.iter().any(|l| l.contains("documents/.tarmeez-half.ron-Ab12Cd.tmp: a temp file")), "{lines:#?}");
    assert!(lines.iter().any(|l| l.contains("documents/half.txt: a text without its metadata")), "{lines:#?}");

    let before = files(&dir);
    let dry = tarmeez(&["repair", s(&dir), "--dry-run"]);
    assert!(dry.status.success(), "{}", both(&dry));
    assert!(stdout(&dry).contains("would remove documents/half.txt"), "{}", stdout(&dry));
    assert_eq!(files(&dir), before, "a dry run changes nothing");

    let done = tarmeez(&["repair", s(&dir)]);
    assert!(done.status.success(), "{}", both(&done));
    let text = stdout(&done);
    assert!(text.contains("removed documents/.tarmeez-half.ron-Ab12Cd.tmp"), "{text}");
    assert!(text.contains("removed documents/half.txt"), "{text}");
    assert!(text.trim_end().ends_with("1 document(s), no problems"), "{text}");
    assert!(!dir.join("documents/half.txt").exists());
}

#[test]
fn a_deleted_metadata_file_is_named_and_repair_brings_the_document_and_its_annotations_back() {
    let (_tmp, dir) = sample_copy();
    std::fs::remove_file(dir.join(format!("documents/{SAMPLE_DOC}.ron"))).unwrap();
    let out = tarmeez(&["validate", s(&dir)]);
    assert_eq!(out.status.code(), Some(1), "the document and its annotations vanished silently: {}", both(&out));
    assert!(
        stdout(&out).contains(&format!("documents/{SAMPLE_DOC}.txt: a text without its metadata")),
        "{}",
        both(&out)
    );

    let done = tarmeez(&["repair", s(&dir)]);
    assert!(done.status.success(), "{}", both(&done));
    assert!(stdout(&done).contains(&format!("finished document `{SAMPLE_DOC}`")), "{}", stdout(&done));
    let p = open_read_only(&dir);
    let doc = p.load_document(&sample_id()).unwrap();
    assert_eq!(doc.layers[&Annotator::parse("sample").unwrap()].mentions.len(), 24, "the coder's work is back");
    assert_eq!(p.document(&sample_id()).unwrap().title(), SAMPLE_DOC);
}

#[test]
fn annotations_of_a_document_whose_files_are_gone_are_named_and_kept() {
    let (_tmp, dir) = sample_copy();
    for ext in ["ron", "txt"] {
        std::fs::remove_file(dir.join(format!("documents/{SAMPLE_DOC}.{ext}"))).unwrap();
    }
    let before = files(&dir);
    let out = tarmeez(&["validate", s(&dir)]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let lines = problem_lines(&out);
    assert_eq!(lines.len(), 2, "{lines:#?}");
    assert!(lines[0].contains(&format!("annotations/{SAMPLE_DOC}: annotations or suggestions of a document")));
    assert!(lines[1].contains(&format!("suggestions/{SAMPLE_DOC}: ")));

    let repaired = tarmeez(&["repair", s(&dir)]);
    assert_eq!(repaired.status.code(), Some(1), "the project is still not clean: {}", both(&repaired));
    let text = stdout(&repaired);
    assert!(text.contains(&format!("left annotations/{SAMPLE_DOC}: a coder's work")), "{text}");
    assert!(text.contains("from git or a backup"), "says what to do: {text}");
    assert_eq!(files(&dir), before, "nothing of the coders' work was deleted");
}

#[test]
fn stray_temp_files_are_named_and_removed_but_not_while_their_coder_is_editing() {
    let (_tmp, dir) = sample_copy();
    let layers = format!("annotations/{SAMPLE_DOC}");
    let temps = [
        ".tarmeez-actors.ron-Ab12Cd.tmp".to_owned(),
        format!("{layers}/.tarmeez-sample.ron-Ab12Cd.tmp"),
        format!("suggestions/{SAMPLE_DOC}/.tarmeez-camelbert-ner.ron-Ab12Cd.tmp"),
    ];
    let huda_temp = format!("{layers}/.tarmeez-huda.ron-Zz99Yy.tmp");
    for t in temps.iter().chain([&huda_temp]) {
        std::fs::write(dir.join(t), "(partial").unwrap();
    }
    let huda = AnnotatorLock::acquire(&dir, &Annotator::parse("huda").unwrap()).unwrap();
    let out = tarmeez(&["validate", s(&dir)]);
    assert_eq!(out.status.code(), Some(1));
    let lines = problem_lines(&out);
    assert_eq!(lines.len(), 3, "huda's session may be saving hers right now: {lines:#?}");
    assert!(temps.iter().all(|t| lines.iter().any(|l| l.contains(t.as_str()))), "{lines:#?}");

    let done = tarmeez(&["repair", s(&dir)]);
    assert!(done.status.success(), "{}", both(&done));
    let text = stdout(&done);
    assert!(text.contains(&format!("skipped {huda_temp}: it is beside huda's layer")), "{text}");
    assert!(temps.iter().all(|t| !dir.join(t).exists()));
    assert!(dir.join(&huda_temp).exists());
    drop(huda);
    assert_eq!(tarmeez(&["validate", s(&dir)]).status.code(), Some(1), "huda's session is over: her temp is stray");
    assert!(tarmeez(&["repair", s(&dir)]).status.success());
    assert!(!dir.join(&huda_temp).exists());
}

/// Moves `rel` of the project out to `outside` and puts a link to it in its place.
fn link_out(dir: &Path, rel: &str, outside: &Path) {
    std::fs::rename(dir.join(rel), outside).unwrap();
    symlink(outside, dir.join(rel)).unwrap();
}

#[test]
fn saves_imports_and_locks_through_a_linked_folder_are_refused_and_write_nothing_outside() {
    let (tmp, dir) = sample_copy();
    let outside = tmp.path().join("elsewhere");
    link_out(&dir, &format!("annotations/{SAMPLE_DOC}"), &outside);
    let mut p = open_as(&dir, "huda");
    p.load_document(&sample_id()).unwrap();
    p.apply(&sample_id(), Edit::SetStatus(DocStatus::Done)).unwrap();
    let err = p.save_dirty().unwrap_err().to_string();
    assert!(err.contains(&format!("annotations/{SAMPLE_DOC} inside the project is a link to")), "{err}");
    assert!(!outside.join("huda.ron").exists(), "nothing was written outside the project");
    drop(p);

    let docs_outside = tmp.path().join("documents-elsewhere");
    link_out(&dir, "documents", &docs_outside);
    let mut p = open_as(&dir, "huda");
    let added = p.add_document("new", "نص جديد".to_owned(), DocumentMeta::default());
    assert!(added.unwrap_err().to_string().contains("documents inside the project is a link"));
    assert!(!docs_outside.join("new.txt").exists());
    drop(p);

    let locks_outside = tmp.path().join("locks-elsewhere");
    std::fs::create_dir(&locks_outside).unwrap();
    std::fs::remove_dir_all(dir.join(".locks")).ok();
    symlink(&locks_outside, dir.join(".locks")).unwrap();
    let p = open_as(&dir, "omar");
    assert!(
        matches!(p.access(), Access::ReadOnly(why) if why.contains(".locks inside the project is a link")),
        "{:?}",
        p.access()
    );
    assert_eq!(std::fs::read_dir(&locks_outside).unwrap().count(), 0, "no lock file was made outside");
}

#[test]
fn validate_names_a_linked_folder() {
    let (tmp, dir) = sample_copy();
    link_out(&dir, &format!("suggestions/{SAMPLE_DOC}"), &tmp.path().join("elsewhere"));
    let out = tarmeez(&["validate", s(&dir)]);
    assert_eq!(out.status.code(), Some(1), "{}", both(&out));
    let lines = problem_lines(&out);
    assert_eq!(lines.len(), 1, "{lines:#?}");
    assert!(lines[0].contains(&format!("suggestions/{SAMPLE_DOC}: this folder is a link to")), "{lines:#?}");
}

#[test]
fn import_text_follows_no_link_loop_and_no_link_out_of_the_folders_named() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    assert!(tarmeez(&["new", s(&dir), "--name", "t"]).status.success());
    let input = tmp.path().join("in");
    let other = tmp.path().join("other");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(input.join("a.txt"), "قصف على الرقة").unwrap();
    std::fs::write(input.join("sub/b.txt"), "غارات على إدلب").unwrap();
    std::fs::write(other.join("c.txt"), "نص من مكان آخر").unwrap();
    symlink(&input, input.join("sub/loop")).unwrap();
    symlink(&other, input.join("out")).unwrap();

    let out = tarmeez(&["import-text", s(&dir), s(&input)]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "links were skipped: {}", both(&out));
    assert!(text.contains("2 imported, 2 skipped"), "{}", both(&out));
    assert!(text.contains("sub/loop: is a link to") && text.contains("a folder already searched"), "{text}");
    assert!(text.contains("/out: is a link to") && text.contains("outside the folders named"), "{text}");
    assert!(!text.contains("c.txt"), "{text}");
}

#[test]
fn the_problems_window_shows_what_the_repair_would_do_then_does_it_and_reopens_the_project() {
    use egui_kittest::kittest::Queryable;
    let (_tmp, dir) = sample_copy();
    std::fs::write(dir.join("documents/half.txt"), "نص لم يكتمل استيراده").unwrap();
    let own_temp = format!("annotations/{SAMPLE_DOC}/.tarmeez-huda.ron-Ab12Cd.tmp");
    std::fs::write(dir.join(&own_temp), "(partial").unwrap();
    let mut h = window(tarmeez::ui::TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Validate project").click();
    h.run();
    h.get_by_label("documents/half.txt");
    h.get_by_label(&own_temp);
    h.get_by_label("Repair…").click();
    h.run();
    h.get_by_label_contains("would remove documents/half.txt");
    h.get_by_label_contains(&format!("would remove {own_temp}"));
    assert!(dir.join("documents/half.txt").exists(), "nothing is done before the coder confirms");
    h.get_by_label("Repair now").click();
    h.run();
    h.get_by_label_contains("removed documents/half.txt");
    assert!(!dir.join("documents/half.txt").exists());
    assert!(!dir.join(&own_temp).exists(), "the session's own temp file was removed under its own lock");
    let project = h.state().project().expect("the project is open again");
    assert_eq!(project.access(), &Access::ReadWrite, "reopened with the coder's lock");
    assert_eq!(project.documents().len(), 1);
}
