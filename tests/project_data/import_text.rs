//! Importing plain-text files: the good ones come in, the bad ones are named and skipped.

use crate::common;
use common::*;
use tarmeez::formats::plain_text::{SkipReason, collect_text_files, import_text_files};
use tarmeez::model::*;

#[test]
fn importing_a_folder_with_bad_files_imports_the_good_ones_and_names_the_bad_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    let mut p =
        tarmeez::store::Project::create(&dir, "t", default_conflict_schema(), Annotator::parse("a").unwrap()).unwrap();
    let input = tmp.path().join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    std::fs::write(input.join("a-raqqa.txt"), "قصف مدفعي على الرقة\n\nنص الخبر").unwrap();
    std::fs::write(input.join("sub/b-idlib.txt"), "\u{feff}غارات على إدلب").unwrap();
    std::fs::write(input.join("c-latin1.txt"), b"caf\xe9 \xe0 Alep").unwrap();
    std::fs::write(input.join("d-empty.txt"), " \n\t\n").unwrap();
    std::fs::write(input.join("e-copy.txt"), "قصف مدفعي على الرقة\n\nنص الخبر").unwrap();
    std::fs::write(input.join("notes.md"), "not a text to import").unwrap();

    let files = collect_text_files(std::slice::from_ref(&input)).unwrap().files;
    assert_eq!(files.len(), 5, "only .txt files, recursively: {files:?}");
    let mut calls = Vec::new();
    let report = import_text_files(&mut p, &files, |done, total| calls.push((done, total))).unwrap();
    assert_eq!(calls, [(0, 5), (5, 5)], "progress before each batch of files and at the end");

    let imported: Vec<&str> = report.imported.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(imported, vec!["a-raqqa", "b-idlib"]);
    let skipped: Vec<(String, String)> = report
        .skipped
        .iter()
        .map(|(path, why)| (path.file_name().unwrap().to_string_lossy().into_owned(), why.to_string()))
        .collect();
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    assert!(matches!(report.skipped[0].1, SkipReason::NotUtf8 { line: 1 }));
    assert_eq!(skipped[0].0, "c-latin1.txt");
    assert!(matches!(report.skipped[1].1, SkipReason::Empty));
    assert_eq!(skipped[1].0, "d-empty.txt");
    assert!(matches!(report.skipped[2].1, SkipReason::Duplicate(_)));
    assert!(skipped[2].1.contains("a-raqqa.txt"), "names the earlier file: {}", skipped[2].1);

    // Nothing half-written: exactly the two documents, each with its text and metadata.
    let mut names: Vec<String> = std::fs::read_dir(dir.join("documents"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["a-raqqa.ron", "a-raqqa.txt", "b-idlib.ron", "b-idlib.txt"]);
    drop(p);

    let p = open_read_only(&dir);
    p.load_all();
    assert_eq!(p.problems().count(), 0);
    let b = p.document(&DocId::parse("b-idlib").unwrap()).unwrap();
    assert_eq!(b.meta.as_ref().unwrap().title, "غارات على إدلب");
    assert_eq!(b.text().unwrap().as_str(), "غارات على إدلب", "the byte-order mark is dropped");
    assert_eq!(p.document(&DocId::parse("a-raqqa").unwrap()).unwrap().meta.as_ref().unwrap().source, "a-raqqa.txt");
}

#[test]
fn a_text_already_in_the_project_is_a_duplicate() {
    let (_tmp, dir) = sample_copy();
    let mut p = open_as(&dir, "huda");
    let file = dir.parent().unwrap().join("again.txt");
    std::fs::copy(dir.join(format!("documents/{SAMPLE_DOC}.txt")), &file).unwrap();
    let report = import_text_files(&mut p, &[file], |_, _| {}).unwrap();
    assert!(report.imported.is_empty());
    assert!(report.skipped[0].1.to_string().contains(SAMPLE_DOC));
}
