//! The findings of issue 17 about the existing readers, each on a file shaped as the other tool writes it
//! (`tests/fixtures/formats/<tool>/`; each file says which documentation page its shape comes from). The
//! document, `raqqa.txt`, starts with an emoji, so UTF-16 offsets and code point offsets differ.
// A test here reads as one scenario from start to end; cut into pieces it would hide the story.
#![allow(clippy::too_many_lines)]

use crate::common;
use common::cli::{fixture, run, s};
use common::open_read_only;
use std::path::{Path, PathBuf};
use tarmeez::model::{Annotator, DocId, Layer, SourceName, SuggestedLabel};

/// A fresh project with the default schema and the documents `raqqa` (and `mosul`).
fn project() -> (tempfile::TempDir, PathBuf) {
    common::cli::project_with("findings", &[&fixture("raqqa.txt"), &fixture("brat/folder/bad/mosul.txt")])
}

fn layer(dir: &Path, doc: &str, annotator: &str) -> Layer {
    let p = open_read_only(dir);
    let loaded = p.load_document(&DocId::parse(doc).unwrap()).unwrap();
    loaded.layers.get(&Annotator::parse(annotator).unwrap()).cloned().unwrap_or_default()
}

fn mentions(layer: &Layer) -> Vec<(usize, usize, String)> {
    let mut out: Vec<_> =
        layer.mentions.values().map(|m| (m.span.start, m.span.end, m.entity_type.to_string())).collect();
    out.sort();
    out
}

fn import(dir: &Path, path: &Path, format: &str, coder: &str, extra: &[&str]) -> (bool, String) {
    let mut args = vec!["import-annotations", s(dir), s(path), "--format", format, "--annotator", coder];
    args.extend(extra);
    run(&args)
}

fn suggestions(dir: &Path, source: &str) -> Vec<(usize, usize, String)> {
    let p = open_read_only(dir);
    let loaded = p.load_document(&DocId::parse("raqqa").unwrap()).unwrap();
    let Some(set) = loaded.suggestions.get(&SourceName::parse(source).unwrap()) else { return Vec::new() };
    let mut out: Vec<_> = set
        .suggestions
        .values()
        .map(|x| {
            let label = match &x.label {
                SuggestedLabel::Entity(t) => t.to_string(),
                SuggestedLabel::Event(t) => format!("event {t}"),
            };
            (x.span.start, x.span.end, label)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn labels_that_differ_from_schema_types_only_in_case_are_those_types() {
    let (_tmp, dir) = project();
    let (ok, out) = import(&dir, &fixture("brat/mixed-case/raqqa.ann"), "brat", "huda", &[]);
    assert!(ok, "{out}");
    let huda = layer(&dir, "raqqa", "huda");
    assert_eq!(mentions(&huda), [(6, 16, "ACTOR".into()), (17, 28, "LOCATION".into())]);
    let event = huda.events.values().next().expect("the Attack event");
    assert_eq!((event.event_type.as_str(), event.trigger.start, event.arguments.len()), ("ATTACK", 2, 2));

    let (ok, out) = import(&dir, &fixture("doccano/label.jsonl"), "doccano", "omar", &[]);
    assert!(ok, "{out}");
    assert_eq!(mentions(&layer(&dir, "raqqa", "omar")), [(6, 16, "ACTOR".into()), (17, 28, "LOCATION".into())]);
}

#[test]
fn doccano_labels_and_numbered_annotations_are_read_and_a_file_with_nothing_is_an_error() {
    let (_tmp, dir) = project();
    let (ok, out) = import(&dir, &fixture("doccano/labels.jsonl"), "doccano", "huda", &[]);
    assert!(ok, "{out}");
    assert_eq!(mentions(&layer(&dir, "raqqa", "huda")), [(6, 16, "ACTOR".into()), (47, 53, "ACTOR".into())]);

    // doccano 1.x numbers its labels: without a mapping the ids are named and nothing is imported.
    let numbered = fixture("doccano/annotations-1x.jsonl");
    let (ok, out) = import(&dir, &numbered, "doccano", "omar", &[]);
    assert!(!ok, "{out}");
    assert!(out.contains("3") && out.contains("5") && out.contains("--map 3="), "{out}");
    assert!(mentions(&layer(&dir, "raqqa", "omar")).is_empty());
    let (ok, out) = import(&dir, &numbered, "doccano", "omar", &["--map", "3=ACTOR", "--map", "5=location"]);
    assert!(ok, "{out}");
    assert_eq!(mentions(&layer(&dir, "raqqa", "omar")), [(6, 16, "ACTOR".into()), (17, 28, "LOCATION".into())]);

    let (ok, out) = import(&dir, &fixture("doccano/nothing.jsonl"), "doccano", "layla", &[]);
    assert!(!ok, "a file that yields nothing is not a success: {out}");
    assert!(out.contains("nothing"), "{out}");
    assert!(out.contains("spans"), "the keys it has are named: {out}");
}

#[test]
fn hugging_face_subword_pieces_join_their_word_and_a_batch_of_lists_is_read() {
    let (_tmp, dir) = project();
    let maps = ["--map", "ORG=ACTOR", "--map", "LOC=LOCATION"];
    let file = fixture("hf/raw-subwords.json");
    let mut args = vec!["import-suggestions", s(&dir), s(&file), "--source", "bert", "--doc", "raqqa"];
    args.extend(maps);
    let (ok, out) = run(&args);
    assert!(ok, "{out}");
    assert_eq!(suggestions(&dir, "bert"), [(6, 16, "ACTOR".into()), (17, 28, "LOCATION".into())]);

    let file = fixture("hf/batch.json");
    let mut args = vec!["import-suggestions", s(&dir), s(&file), "--source", "batch", "--doc", "raqqa"];
    args.extend(maps);
    let (ok, out) = run(&args);
    assert!(ok, "{out}");
    assert_eq!(suggestions(&dir, "batch"), [(6, 16, "ACTOR".into()), (17, 28, "LOCATION".into())]);
}

#[test]
fn a_folder_of_brat_files_is_read_recursively_and_partial_imports_the_valid_files() {
    let (_tmp, dir) = project();
    let folder = fixture("brat/folder");
    let (ok, out) = import(&dir, &folder, "brat", "huda", &[]);
    assert!(!ok, "{out}");
    assert!(out.contains("mosul.ann:2:"), "the refused line is named: {out}");
    assert!(mentions(&layer(&dir, "raqqa", "huda")).is_empty(), "nothing is imported without --partial");

    let (ok, out) = import(&dir, &folder, "brat", "huda", &["--partial"]);
    assert!(!ok, "refusals still make the exit status 1: {out}");
    assert!(out.contains("mosul.ann:2:"), "{out}");
    assert_eq!(mentions(&layer(&dir, "raqqa", "huda")), [(6, 16, "ACTOR".into()), (47, 53, "ACTOR".into())]);
    assert!(mentions(&layer(&dir, "mosul", "huda")).is_empty(), "the refused file changes nothing");

    // Mapped, the unknown type is read too.
    let (ok, out) = import(&dir, &folder, "brat", "omar", &["--map", "PLANET=location"]);
    assert!(ok, "{out}");
    assert_eq!(mentions(&layer(&dir, "mosul", "omar")), [(0, 5, "ACTOR".into()), (7, 11, "LOCATION".into())]);
}

#[test]
fn partial_imports_the_valid_lines_of_a_doccano_file() {
    let (tmp, dir) = project();
    let raqqa = std::fs::read_to_string(fixture("raqqa.txt")).unwrap();
    let mosul = std::fs::read_to_string(fixture("brat/folder/bad/mosul.txt")).unwrap();
    let good = serde_json::json!({"text": raqqa, "labels": [[6, 16, "ACTOR"]]});
    let bad = serde_json::json!({"text": mosul, "labels": [[0, 6, "PLANET"]]});
    let file = tmp.path().join("two.jsonl");
    std::fs::write(&file, format!("{good}\n{bad}\n")).unwrap();
    let (ok, out) = import(&dir, &file, "doccano", "huda", &[]);
    assert!(!ok && out.contains("two.jsonl:2: entity #1: unknown label `PLANET`"), "{out}");
    assert!(out.contains("--partial"), "{out}");
    assert!(mentions(&layer(&dir, "raqqa", "huda")).is_empty());
    let (ok, out) = import(&dir, &file, "doccano", "huda", &["--partial"]);
    assert!(!ok, "{out}");
    assert!(out.contains("two.jsonl:2: entity #1: unknown label `PLANET`"), "{out}");
    assert_eq!(mentions(&layer(&dir, "raqqa", "huda")), [(6, 16, "ACTOR".into())]);
    assert!(mentions(&layer(&dir, "mosul", "huda")).is_empty());
}

#[test]
fn a_span_over_a_line_break_goes_to_brat_without_a_trailing_space_and_comes_back() {
    let (tmp, dir) = project();
    // doccano's import form, a span from «الرقة» over « \n» to «فجر».
    let text = std::fs::read_to_string(fixture("raqqa.txt")).unwrap();
    let line = serde_json::json!({"text": text, "labels": [[23, 33, "LOCATION"]]});
    let file = tmp.path().join("span.jsonl");
    std::fs::write(&file, format!("{line}\n")).unwrap();
    let (ok, out) = import(&dir, &file, "doccano", "huda", &[]);
    assert!(ok, "{out}");
    let out_dir = tmp.path().join("brat");
    let (ok, out) = run(&["export", s(&dir), "--format", "brat", "--out", s(&out_dir), "--annotator", "huda"]);
    assert!(ok, "{out}");
    let ann = std::fs::read_to_string(out_dir.join("raqqa.ann")).unwrap();
    assert!(ann.contains("T1\tLOCATION 23 28;30 33\tالرقة فجر\n"), "{ann}");
    let (ok, out) = import(&dir, &out_dir.join("raqqa.ann"), "brat", "omar", &[]);
    assert!(ok, "{out}");
    assert_eq!(mentions(&layer(&dir, "raqqa", "omar")), [(23, 33, "LOCATION".into())]);

    // import-suggestions reads the same fragments, as Tarmeez's export writes them.
    let ann = fixture("brat/line-break/raqqa.ann");
    let (ok, out) = run(&["import-suggestions", s(&dir), s(&ann), "--source", "brat-x"]);
    assert!(ok, "{out}");
    assert_eq!(suggestions(&dir, "brat-x"), [(23, 33, "LOCATION".into())]);
}

#[test]
fn a_file_of_another_format_is_named_for_what_it_looks_like() {
    let (tmp, dir) = project();
    let (ok, out) = run(&["import-suggestions", s(&dir), s(&fixture("detect/raqqa.tsv")), "--source", "x"]);
    assert!(!ok, "{out}");
    assert!(out.contains("WebAnno TSV 3") && out.contains("#FORMAT=WebAnno TSV 3.3"), "{out}");
    assert!(!out.contains("not valid JSON"), "{out}");
    // CoNLL is read now (issue 17): its tokens are no document's text, and suggestions make no documents.
    let (ok, out) = run(&["import-suggestions", s(&dir), s(&fixture("detect/raqqa.conll")), "--source", "x"]);
    assert!(!ok, "{out}");
    assert!(out.contains("no document of the project has these tokens"), "{out}");
    assert!(!out.contains("not valid JSON"), "{out}");
    let (ok, out) = import(&dir, &fixture("brat/mixed-case/raqqa.ann"), "doccano", "huda", &[]);
    assert!(!ok, "{out}");
    assert!(out.contains("looks like brat"), "{out}");
    let (ok, out) = import(&dir, &fixture("doccano/labels.jsonl"), "brat", "huda", &[]);
    assert!(!ok, "{out}");
    assert!(out.contains("looks like doccano"), "{out}");

    // spaCy's `Doc.to_json()` is one object: a problem with it has no line, and no empty place is printed.
    let file = tmp.path().join("doc.json");
    std::fs::write(&file, r#"{"text": "قصف 🚀", "ents": [{"start": 0, "end": 3, "label": "ORG"}], "tokens": []}"#)
        .unwrap();
    let (ok, out) = run(&["import-suggestions", s(&dir), s(&file), "--source", "x", "--format", "hf"]);
    assert!(!ok, "{out}");
    assert!(!out.contains("::"), "{out}");
}
