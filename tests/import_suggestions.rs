//! `tarmeez import-suggestions`, run as a user runs it, on a private copy of the sample project plus a short
//! document (`tests/fixtures/suggestions/omar-short.txt`, with emoji so that UTF-16 and code point offsets
//! differ). The fixtures are real-shaped files of each format, written from each format's documentation, with
//! the offsets of real phrases of the two documents. Every test of bad input checks that no file of the project
//! changed.

mod common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use tarmeez::formats::suggestions::{self, RefusalKind, SuggestionFormat};
use tarmeez::model::*;
use tarmeez::workflow::suggestion_import::{import_edit, plan_import, source_info};

/// The short document added to the sample copy.
const SHORT_DOC: &str = "omar-short";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/suggestions").join(name)
}

/// A private copy of the sample project with the short document added.
fn project() -> (tempfile::TempDir, PathBuf) {
    let (tmp, dir) = sample_copy();
    let text = std::fs::read_to_string(fixture("omar-short.txt")).unwrap();
    let mut p = open_as(&dir, "setup");
    let meta = DocumentMeta {
        title: "عاجل: قصف صاروخي على قاعدة حقل العمر".into(), ..DocumentMeta::default()
    };
    assert_eq!(p.add_document(SHORT_DOC, text, meta).unwrap().as_str(), SHORT_DOC);
    (tmp, dir)
}

/// Runs `tarmeez import-suggestions <dir> <file> <args>`; returns the exit code and standard output.
fn import(dir: &Path, file: &Path, args: &[&str]) -> (Option<i32>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tarmeez"))
        .args(["import-suggestions", dir.to_str().unwrap(), file.to_str().unwrap()])
        .args(args)
        .env("TARMEEZ_ANNOTATOR", "cli-test")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    (out.status.code(), format!("{stdout}{stderr}"))
}

/// The suggestions of `source` for `doc`: (start, end, label, score), by id.
fn suggestions_of(dir: &Path, doc: &str, source: &str) -> Vec<(usize, usize, String, Option<f64>)> {
    let Some(set) = set_of(dir, doc, source) else { return Vec::new() };
    set.suggestions
        .values()
        .map(|s| {
            let label = match &s.label {
                SuggestedLabel::Entity(t) => t.to_string(),
                SuggestedLabel::Event(t) => format!("event {t}"),
            };
            (s.span.start, s.span.end, label, s.score)
        })
        .collect()
}

fn set_of(dir: &Path, doc: &str, source: &str) -> Option<SuggestionSet> {
    let p = open_read_only(dir);
    let loaded = p.load_document(&DocId::parse(doc).unwrap()).unwrap();
    loaded.suggestions.get(&SourceName::parse(source).unwrap()).cloned()
}

/// Spans and labels only.
fn spans(dir: &Path, doc: &str, source: &str) -> Vec<(usize, usize, String)> {
    suggestions_of(dir, doc, source).into_iter().map(|(s, e, l, ..)| (s, e, l)).collect()
}

fn span(start: usize, end: usize, label: &str) -> (usize, usize, String) {
    (start, end, label.to_owned())
}

/// The project validates cleanly (the written suggestion files are valid).
fn assert_valid(dir: &Path) {
    let out = Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(["validate", dir.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
}

/// Every phrase the fixtures point at really is at its offsets (guards the fixtures themselves).
#[test]
fn the_fixture_offsets_point_at_their_phrases() {
    let sample = std::fs::read_to_string(sample_dir().join(format!("documents/{SAMPLE_DOC}.txt"))).unwrap();
    let short = std::fs::read_to_string(fixture("omar-short.txt")).unwrap();
    let slice = |t: &str, s: usize, e: usize| t.chars().skip(s).take(e - s).collect::<String>();
    assert_eq!(slice(&sample, 266, 289), "مليشيا أبو الفضل العباس");
    assert_eq!(slice(&sample, 379, 388), "حقل العمر");
    assert_eq!(slice(&sample, 407, 416), "دير الزور");
    assert_eq!(slice(&short, 29, 38), "حقل العمر");
    assert_eq!(slice(&short, 112, 121), "دير الزور");
    assert_eq!(slice(&short, 201, 215), "مدينة الميادين");
    assert_eq!(short.encode_utf16().count(), short.chars().count() + 2, "two emoji outside the BMP");
}

#[test]
fn hf_aggregated_list_into_one_document_saves_the_mapping_and_reimports_nothing() {
    let (_tmp, dir) = project();
    let file = fixture("hf-aggregated.json");
    let maps = ["--map", "LOC=LOCATION", "--map", "ORG=ACTOR", "--ignore", "MISC"];
    let (code, out) = import(&dir, &file, &[&["--source", "hf-ner", "--doc", SAMPLE_DOC][..], &maps].concat());
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains(
            "read 6 items: imported 5 into 1 document, ignored 1, not proposed again 0 (already reviewed or present), refused 0"
        ),
        "{out}"
    );
    let got = suggestions_of(&dir, SAMPLE_DOC, "hf-ner");
    assert_eq!(
        got.iter().map(|(s, e, l, ..)| (*s, *e, l.clone())).collect::<Vec<_>>(),
        [
            span(101, 117, "LOCATION"),
            span(123, 132, "LOCATION"),
            span(218, 226, "LOCATION"),
            span(266, 289, "ACTOR"),
            span(353, 367, "ACTOR")
        ]
    );
    assert_eq!(got[0].3, Some(0.9979));
    let set = set_of(&dir, SAMPLE_DOC, "hf-ner").unwrap();
    assert_eq!(set.suggestions.keys().map(|k| k.to_string()).collect::<Vec<_>>(), ["s1", "s2", "s3", "s4", "s5"]);
    assert_eq!(set.source.model, "hf-ner");
    // The mapping is saved with the source: the next import needs no --map.
    let p = open_read_only(&dir);
    let mapping = &p.config().sources[&SourceName::parse("hf-ner").unwrap()];
    assert_eq!(mapping.labels["LOC"], LabelTarget::Entity("LOCATION".into()));
    assert_eq!(mapping.labels["ORG"], LabelTarget::Entity("ACTOR".into()));
    assert_eq!(mapping.labels["MISC"], LabelTarget::Ignore);
    assert_valid(&dir);
    let before = files(&dir);
    let (code, out) = import(&dir, &file, &["--source", "hf-ner", "--doc", SAMPLE_DOC]);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("imported 0 into 0 documents, ignored 1, not proposed again 5"), "{out}");
    assert_eq!(files(&dir), before, "importing the same file again changes nothing");
}

#[test]
fn hf_raw_b_i_tokens_are_merged_into_spans() {
    let (_tmp, dir) = project();
    let args = ["--source", "hf-ner", "--doc", SAMPLE_DOC, "--map", "LOC=LOCATION", "--map", "ORG=ACTOR"];
    let (code, out) = import(&dir, &fixture("hf-raw-tokens.json"), &args);
    assert_eq!(code, Some(0), "{out}");
    let got = suggestions_of(&dir, SAMPLE_DOC, "hf-ner");
    assert_eq!(
        got.iter().map(|(s, e, l, ..)| (*s, *e, l.clone())).collect::<Vec<_>>(),
        [span(266, 289, "ACTOR"), span(379, 388, "LOCATION"), span(407, 416, "LOCATION")]
    );
    let mean = (0.9987 + 0.9991 + 0.9978 + 0.9969) / 4.0;
    assert!((got[0].3.unwrap() - mean).abs() < 1e-9, "the merged span's score is its tokens' mean");
    assert_valid(&dir);
}

#[test]
fn hf_json_lines_name_their_documents() {
    let (_tmp, dir) = project();
    let args = ["--source", "hf-ner", "--map", "LOC=LOCATION", "--map", "PER=ACTOR", "--map", "ORG=SOURCE"];
    let (code, out) = import(&dir, &fixture("hf-docs.jsonl"), &args);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("imported 6 into 2 documents"), "{out}");
    assert_eq!(
        spans(&dir, SAMPLE_DOC, "hf-ner"),
        [span(521, 535, "LOCATION"), span(2979, 3001, "SOURCE"), span(3158, 3166, "ACTOR")]
    );
    assert_eq!(
        spans(&dir, SHORT_DOC, "hf-ner"),
        [span(29, 38, "LOCATION"), span(112, 121, "LOCATION"), span(201, 215, "LOCATION")]
    );
    assert_valid(&dir);
}

#[test]
fn spacy_doc_to_json_is_matched_by_its_text() {
    let (_tmp, dir) = project();
    let args = ["--source", "spacy-ar", "--map", "LOC=LOCATION", "--map", "ORG=ACTOR"];
    let (code, out) = import(&dir, &fixture("spacy-doc.json"), &args);
    assert_eq!(code, Some(0), "{out}");
    let got = suggestions_of(&dir, SHORT_DOC, "spacy-ar");
    assert_eq!(
        got.iter().map(|(s, e, l, ..)| (*s, *e, l.clone())).collect::<Vec<_>>(),
        [
            span(29, 38, "LOCATION"),
            span(90, 99, "LOCATION"),
            span(112, 121, "LOCATION"),
            span(167, 187, "ACTOR"),
            span(201, 215, "LOCATION")
        ]
    );
    assert!(got.iter().all(|s| s.3.is_none()), "spaCy's NER gives no scores");
    assert!(suggestions_of(&dir, SAMPLE_DOC, "spacy-ar").is_empty());
    assert_valid(&dir);
}

#[test]
fn doccano_label_form_is_matched_by_text_despite_its_numeric_id() {
    let (_tmp, dir) = project();
    let args = ["--source", "doccano", "--map", "LOC=LOCATION", "--map", "ORG=ACTOR", "--map", "DATE=TIME"];
    let (code, out) = import(&dir, &fixture("doccano-label.jsonl"), &args);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(
        spans(&dir, SHORT_DOC, "doccano"),
        [span(90, 99, "LOCATION"), span(112, 121, "LOCATION"), span(139, 147, "TIME"), span(167, 187, "ACTOR")]
    );
    assert_valid(&dir);
}

#[test]
fn doccano_entities_form_leaves_relations_out_with_a_note() {
    let (_tmp, dir) = project();
    let args = ["--source", "doccano", "--format", "doccano", "--map", "LOC=LOCATION", "--map", "ORG=ACTOR"];
    let (code, out) = import(&dir, &fixture("doccano-entities.jsonl"), &args);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("note: left out 1 relation(s)"), "{out}");
    // `ATTACK` is an event type of the schema: it needs no mapping.
    assert_eq!(
        spans(&dir, SHORT_DOC, "doccano"),
        [span(150, 160, "event ATTACK"), span(167, 187, "ACTOR"), span(201, 215, "LOCATION")]
    );
    assert_valid(&dir);
}

#[test]
fn label_studio_utf16_offsets_become_code_points() {
    let (_tmp, dir) = project();
    let args = ["--source", "ls-ner", "--map", "LOC=LOCATION", "--map", "ORG=ACTOR"];
    let (code, out) = import(&dir, &fixture("label-studio-predictions.json"), &args);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("note: left out 1 result(s) of type `relation`"), "{out}");
    let got = suggestions_of(&dir, SHORT_DOC, "ls-ner");
    // After each emoji the UTF-16 offsets in the file are one more than the code points stored.
    assert_eq!(
        got.clone(),
        [
            (29, 38, "LOCATION".to_owned(), Some(0.98)),
            (90, 99, "LOCATION".to_owned(), Some(0.97)),
            (112, 121, "LOCATION".to_owned(), Some(0.91)),
            (167, 187, "ACTOR".to_owned(), Some(0.88)),
            (201, 215, "LOCATION".to_owned(), Some(0.93)),
        ]
    );
    assert_eq!(set_of(&dir, SHORT_DOC, "ls-ner").unwrap().source.model, "camelbert-msa-ner-v1");
    assert_valid(&dir);
}

#[test]
fn label_studio_predictions_in_code_points_are_recognised_by_their_text() {
    // A Python ML backend counts code points; the result's text shows which unit the file uses.
    let (tmp, dir) = project();
    let text = std::fs::read_to_string(fixture("omar-short.txt")).unwrap();
    let task = serde_json::json!([{"data": {"text": text}, "predictions": [{"result": [
        {"from_name": "label", "to_name": "text", "type": "labels",
         "value": {"start": 112, "end": 121, "text": "دير الزور", "labels": ["LOC"]}}
    ]}]}]);
    let file = tmp.path().join("backend.json");
    std::fs::write(&file, task.to_string()).unwrap();
    let (code, out) = import(&dir, &file, &["--source", "ls-ner", "--map", "LOC=LOCATION"]);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(spans(&dir, SHORT_DOC, "ls-ner"), [span(112, 121, "LOCATION")]);
}

#[test]
fn brat_t_lines_are_imported_and_fragments_only_around_white_space_make_one_span() {
    let (tmp, dir) = project();
    let file = fixture(&format!("{SAMPLE_DOC}.ann"));
    let maps = ["--source", "brat", "--map", "Organization=ACTOR", "--map", "Location=LOCATION"];
    // T5's fragments (266 289;290 298) leave out one space: one span, as brat and Tarmeez's export write it.
    let (code, out) = import(&dir, &file, &maps);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("read 5 items: imported 5 into 1 document"), "{out}");
    for note in ["left out 1 event(s)", "left out 1 relation(s)", "left out 1 note(s)"] {
        assert!(out.contains(note), "{note:?} in {out}");
    }
    assert_eq!(
        spans(&dir, SAMPLE_DOC, "brat"),
        [
            span(266, 289, "ACTOR"),
            span(266, 298, "ACTOR"),
            span(328, 332, "event ATTACK"),
            span(379, 388, "LOCATION"),
            span(407, 416, "LOCATION")
        ]
    );
    assert_valid(&dir);

    // Fragments around words (`مليشيا` and `الفضل`, leaving out `أبو`) cannot be one span: refused.
    let gapped = tmp.path().join(format!("{SAMPLE_DOC}.ann"));
    std::fs::write(&gapped, "T1\tOrganization 266 272;277 282\tمليشيا الفضل\n").unwrap();
    let before = files(&dir);
    let (code, out) = import(&dir, &gapped, &["--source", "brat-2", "--map", "Organization=ACTOR"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains(":line 1 (T1): "), "{out}");
    assert!(out.contains("nothing was imported"), "{out}");
    assert_eq!(files(&dir), before);
}

#[test]
fn a_brat_file_named_otherwise_goes_where_doc_says_or_finds_its_document_by_its_txt() {
    let (tmp, dir) = project();
    let file = tmp.path().join("article-17.ann");
    std::fs::write(&file, "T1\tLocation 29 38\tحقل العمر\n").unwrap();
    let (code, out) = import(&dir, &file, &["--source", "brat", "--doc", SHORT_DOC]);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(spans(&dir, SHORT_DOC, "brat"), [span(29, 38, "LOCATION")]);
    // Without --doc, the .txt beside the .ann names the document by its text.
    let file = tmp.path().join("export/article-18.ann");
    std::fs::create_dir(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "T1\tLocation 112 121\tدير الزور\n").unwrap();
    std::fs::copy(fixture("omar-short.txt"), file.with_extension("txt")).unwrap();
    let (code, out) = import(&dir, &file, &["--source", "brat"]);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(spans(&dir, SHORT_DOC, "brat"), [span(29, 38, "LOCATION"), span(112, 121, "LOCATION")]);
}

/// Writes `content` beside the project, imports it into `SAMPLE_DOC` by default, and checks that it is
/// refused: exit status 1, every `expected` text in the output, and every file of the project unchanged.
fn assert_refused(file_name: &str, content: &str, args: &[&str], expected: &[&str]) -> String {
    let (tmp, dir) = project();
    let file = tmp.path().join(file_name);
    std::fs::write(&file, content).unwrap();
    let before = files(&dir);
    let (code, out) = import(&dir, &file, args);
    assert_eq!(code, Some(1), "{out}");
    for e in expected {
        assert!(out.contains(e), "expected {e:?} in:\n{out}");
    }
    assert!(out.contains("nothing was imported"), "{out}");
    assert_eq!(files(&dir), before, "a refused import must not change the project");
    out
}

const HF_ARGS: [&str; 6] = ["--source", "hf-ner", "--doc", SAMPLE_DOC, "--map", "LOC=LOCATION"];

/// An HF list holding one good item and `bad`.
fn hf_with(bad: &str) -> String {
    format!(
        "[\n  {{\"entity_group\": \"LOC\", \"score\": 0.99, \"word\": \"حقل العمر\", \"start\": 379, \"end\": 388}},\n  {bad}\n]\n"
    )
}

#[test]
fn offsets_past_the_end_are_refused() {
    let out = assert_refused(
        "out.json",
        &hf_with(r#"{"entity_group": "LOC", "score": 0.9, "word": "x", "start": 5020, "end": 5031}"#),
        &HF_ARGS,
        &["out.json:item 2: span 5020..5031 is past the end of the document, which has 5027 characters", "refused 1"],
    );
    assert!(out.contains("read 2 items: 1 valid for 1 document"), "{out}");
    assert_refused(
        "negative.json",
        &hf_with(r#"{"entity_group": "LOC", "score": 0.9, "word": "x", "start": -3, "end": 4}"#),
        &HF_ARGS,
        &["item 2: `start` -3 is negative"],
    );
}

#[test]
fn reversed_and_empty_spans_are_refused() {
    assert_refused(
        "reversed.json",
        &hf_with(r#"{"entity_group": "LOC", "score": 0.9, "word": "x", "start": 388, "end": 379}"#),
        &HF_ARGS,
        &["item 2: start 388 is after end 379"],
    );
    assert_refused(
        "empty.json",
        &hf_with(r#"{"entity_group": "LOC", "score": 0.9, "word": "x", "start": 379, "end": 379}"#),
        &HF_ARGS,
        &["item 2: the span 379..379 is empty"],
    );
}

#[test]
fn offsets_inside_a_grapheme_are_refused() {
    // `رداً`: offset 421 falls between the alef and its tanwin.
    assert_refused(
        "grapheme.json",
        &hf_with(r#"{"entity_group": "LOC", "score": 0.9, "word": "ردا", "start": 418, "end": 421}"#),
        &HF_ARGS,
        &["item 2: span 418..421 splits a character: offset 421"],
    );
    // UTF-16 offset 1 of the short document is inside its first emoji's surrogate pair.
    let text = std::fs::read_to_string(fixture("omar-short.txt")).unwrap();
    let task = serde_json::json!([{"data": {"text": text}, "predictions": [{"result": [
        {"type": "labels", "value": {"start": 1, "end": 7, "labels": ["LOC"]}},
        {"type": "labels", "value": {"start": 30, "end": 39, "text": "حقل العمر", "labels": ["LOC"]}}
    ]}]}]);
    assert_refused(
        "surrogate.json",
        &task.to_string(),
        &["--source", "ls", "--map", "LOC=LOCATION"],
        &[
            "task 1, prediction 1, result 1: offset 1 (UTF-16) falls inside a character outside the Basic Multilingual Plane",
        ],
    );
}

#[test]
fn span_text_that_differs_from_the_document_is_refused() {
    // The file says حقل العمل where the document has حقل العمر.
    let ann = "T1\tLocation 379 388\tحقل العمل\nT2\tLocation 407 416\tدير الزور\n";
    assert_refused(
        &format!("{SAMPLE_DOC}.ann"),
        ann,
        &["--source", "brat", "--map", "Location=LOCATION"],
        &["line 1 (T1): the file says the span 379..388 is «حقل العمل» but the document has «حقل العمر» there"],
    );
}

#[test]
fn unknown_labels_are_refused_with_how_to_map_them() {
    assert_refused(
        "labels.json",
        &hf_with(r#"{"entity_group": "NORP", "score": 0.9, "word": "العراقية", "start": 290, "end": 298}"#),
        &HF_ARGS,
        &[
            "item 2: unknown label `NORP` (map it with --map NORP=TYPE or --ignore NORP)",
            "labels without a mapping: NORP",
        ],
    );
}

#[test]
fn scores_that_are_not_numbers_are_refused() {
    assert_refused(
        "score.json",
        &hf_with(r#"{"entity_group": "LOC", "score": "0.97", "word": "دير الزور", "start": 407, "end": 416}"#),
        &HF_ARGS,
        &["item 2: score \"0.97\" is not a number"],
    );
    assert_refused(
        "score-range.json",
        &hf_with(r#"{"entity_group": "LOC", "score": 97, "word": "دير الزور", "start": 407, "end": 416}"#),
        &HF_ARGS,
        &["item 2: score 97 is not between 0 and 1"],
    );
}

#[test]
fn a_truncated_file_is_refused_with_its_position() {
    let whole = hf_with(r#"{"entity_group": "LOC", "score": 0.9, "word": "دير الزور", "start": 407, "end": 416}"#);
    let cut = &whole[..whole.len() - 30];
    let out = assert_refused("cut.json", cut, &HF_ARGS, &["cut.json:3:", "the file is cut short"]);
    assert!(!out.contains("read "), "a file that cannot be read reports no items: {out}");
    // In JSON lines only the cut line is refused (and that is enough to import nothing).
    let lines = std::fs::read_to_string(fixture("hf-docs.jsonl")).unwrap();
    let cut = &lines[..lines.rfind(", \"end\": 215").unwrap()];
    assert_refused(
        "cut.jsonl",
        cut,
        &["--source", "hf-ner", "--map", "LOC=LOCATION", "--map", "PER=ACTOR", "--map", "ORG=ACTOR"],
        &["cut.jsonl:line 2: the line is cut short", "read 4 items: 3 valid for 1 document"],
    );
}

#[test]
fn malformed_files_and_items_are_refused() {
    let out = assert_refused("bad.json", "[{\"entity_group\": \"LOC\" \"start\": 1}]", &HF_ARGS, &["bad.json:1:"]);
    assert!(out.contains("not valid JSON"), "{out}");
    assert_refused(
        "item.json",
        &hf_with(r#"{"entity_group": "LOC", "score": 0.9, "word": "x", "start": "407", "end": 416}"#),
        &HF_ARGS,
        &["item 2: `start` is the string \"407\", not a number"],
    );
    assert_refused(
        "noend.json",
        &hf_with(r#"{"entity_group": "LOC", "score": 0.9, "word": "x", "start": 407}"#),
        &HF_ARGS,
        &["item 2: no `end` offset"],
    );
    assert_refused(
        "spacy.json",
        r#"{"text": "x", "ents": [{"start": 0, "label": "LOC"}], "tokens": []}"#,
        &["--source", "spacy", "--doc", SAMPLE_DOC],
        &["ent 1: no `end` offset"],
    );
    assert_refused(
        "mystery.json",
        r#"{"rows": [1, 2, 3]}"#,
        &["--source", "x", "--doc", SAMPLE_DOC],
        &["cannot tell the format from the content; give --format"],
    );
}

#[test]
fn unknown_documents_are_refused() {
    let line =
        r#"{"doc_id": "no-such-article", "entities": [{"entity_group": "LOC", "score": 0.9, "start": 0, "end": 4}]}"#;
    let good =
        r#"{"doc_id": "omar-short", "entities": [{"entity_group": "LOC", "score": 0.9, "start": 29, "end": 38}]}"#;
    assert_refused(
        "docs.jsonl",
        &format!("{good}\n{line}\n"),
        &["--source", "hf-ner", "--map", "LOC=LOCATION"],
        &["docs.jsonl:line 2, entity 1: no document `no-such-article` in the project"],
    );
    // A text the project does not have (one letter changed).
    let text = std::fs::read_to_string(fixture("omar-short.txt")).unwrap().replace("عاجل", "عاجل جداً");
    let doccano = serde_json::json!({"id": 3, "text": text, "label": [[0, 1, "LOC"]]});
    assert_refused(
        "texts.jsonl",
        &format!("{doccano}\n"),
        &["--source", "doccano", "--map", "LOC=LOCATION"],
        &["texts.jsonl:line 1, label 1: no document has the file's text («📢 عاجل جداً"],
    );
    // A list that does not say its document, imported without --doc.
    assert_refused(
        "nodoc.json",
        &hf_with(r#"{"entity_group": "LOC", "score": 0.9, "start": 407, "end": 416}"#),
        &["--source", "hf-ner", "--map", "LOC=LOCATION"],
        &["item 1: the file does not say which document it is for: give the document (--doc)"],
    );
}

#[test]
fn a_document_id_whose_text_differs_from_the_files_is_refused() {
    let text = std::fs::read_to_string(fixture("omar-short.txt")).unwrap().replace("🚀", "");
    let spacy = serde_json::json!({"text": text, "ents": [{"start": 29, "end": 38, "label": "LOC"}], "_": {"doc_id": SHORT_DOC}});
    assert_refused(
        "changed.json",
        &spacy.to_string(),
        &["--source", "spacy", "--map", "LOC=LOCATION"],
        &["ent 1: the file's copy of the text differs from the text of `omar-short` in the project"],
    );
}

#[test]
fn duplicates_in_a_file_are_refused() {
    assert_refused(
        "dup.json",
        &hf_with(r#"{"entity_group": "LOC", "score": 0.7, "word": "حقل العمر", "start": 379, "end": 388}"#),
        &HF_ARGS,
        &["item 2: the same span 379..388 and label `LOC` as item 1"],
    );
}

#[test]
fn partial_imports_the_valid_part_and_exits_1() {
    let (tmp, dir) = project();
    let file = tmp.path().join("mixed.json");
    std::fs::write(
        &file,
        hf_with(r#"{"entity_group": "LOC", "score": 0.9, "word": "x", "start": 388, "end": 379}"#)
            .replace("\n]", ",\n  {\"entity_group\": \"LOC\", \"score\": 0.8, \"start\": 407, \"end\": 416}\n]"),
    )
    .unwrap();
    let (code, out) = import(&dir, &file, &[&HF_ARGS[..], &["--partial"]].concat());
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("read 3 items: imported 2 into 1 document"), "{out}");
    assert!(out.contains("mixed.json:item 2: start 388 is after end 379"), "{out}");
    assert!(!out.contains("nothing was imported"), "{out}");
    assert_eq!(spans(&dir, SAMPLE_DOC, "hf-ner"), [span(379, 388, "LOCATION"), span(407, 416, "LOCATION")]);
    assert_valid(&dir);
}

#[test]
fn a_rejected_suggestion_is_not_proposed_again() {
    let (tmp, dir) = project();
    // The sample's tagger already proposed 2146..2153 as a LOCATION and the coder rejected it; 101..117 was
    // accepted. A new run of the same tagger proposes both again, and one new span.
    let file = tmp.path().join("rerun.json");
    std::fs::write(
        &file,
        r#"[{"entity_group": "LOC", "score": 0.45, "word": "العسكري", "start": 2146, "end": 2153},
            {"entity_group": "LOC", "score": 0.97, "word": "حقل العمر النفطي", "start": 101, "end": 117},
            {"entity_group": "LOC", "score": 0.96, "word": "حقل العمر", "start": 379, "end": 388}]"#,
    )
    .unwrap();
    let before = suggestions_of(&dir, SAMPLE_DOC, "camelbert-ner");
    let args = ["--source", "camelbert-ner", "--doc", SAMPLE_DOC, "--map", "LOC=LOCATION"];
    let (code, out) = import(&dir, &file, &args);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("imported 1 into 1 document, ignored 0, not proposed again 2"), "{out}");
    let after = suggestions_of(&dir, SAMPLE_DOC, "camelbert-ner");
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(after[..before.len()], before[..], "reviewed and pending suggestions are untouched");
    assert_eq!(after.last().unwrap().0..after.last().unwrap().1, 379..388);
    let set = set_of(&dir, SAMPLE_DOC, "camelbert-ner").unwrap();
    assert_eq!(set.suggestions.keys().next_back().unwrap().to_string(), "s22", "new ids continue after s21");

    // The coder rejects the new one (as the review queue does); the next run does not bring it back.
    let mut p = open_as(&dir, "sample");
    let id = *set.suggestions.keys().next_back().unwrap();
    let (doc, source) = (DocId::parse(SAMPLE_DOC).unwrap(), SourceName::parse("camelbert-ner").unwrap());
    p.load_document(&doc).unwrap();
    let reject = tarmeez::workflow::review::reject(&p, &doc, &source, id).unwrap();
    p.apply_edit(reject).unwrap();
    p.save_dirty().unwrap();
    drop(p);
    let before = files(&dir);
    let (code, out) = import(&dir, &file, &args);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("imported 0 into 0 documents, ignored 0, not proposed again 3"), "{out}");
    assert_eq!(files(&dir), before);
}

#[test]
fn an_unknown_doc_option_or_a_bad_mapping_changes_nothing() {
    let (_tmp, dir) = project();
    let before = files(&dir);
    let (code, out) = import(&dir, &fixture("hf-aggregated.json"), &["--source", "hf-ner", "--doc", "nope"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("no document `nope`"), "{out}");
    let (code, out) = import(
        &dir,
        &fixture("hf-aggregated.json"),
        &["--source", "hf-ner", "--doc", SAMPLE_DOC, "--map", "LOC=PLACE"],
    );
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("`PLACE` is not a type of the schema"), "{out}");
    let (code, out) = import(&dir, &fixture("hf-aggregated.json"), &["--source", "HF NER", "--doc", SAMPLE_DOC]);
    assert_ne!(code, Some(0), "{out}");
    assert!(out.contains("--source"), "{out}");
    assert_eq!(files(&dir), before);
}

/// The window's path: plan, show the labels to map, apply as one edit, undo.
#[test]
fn the_library_plans_applies_and_undoes_an_import() {
    let (_tmp, dir) = project();
    let parsed = suggestions::read_path(&fixture("spacy-doc.json"), None).unwrap();
    assert_eq!(parsed.format, SuggestionFormat::Spacy);
    let mut p = open_as(&dir, "cli-test");
    let source = SourceName::parse("spacy-ar").unwrap();
    let mut mapping = p.config().sources.get(&source).cloned().unwrap_or_default();
    assert_eq!(suggestions::labels_needing_mapping(&parsed.items, &mapping, &p.config().schema), ["LOC", "ORG"]);
    let report = plan_import(&p, &source, parsed.clone(), None, &mapping);
    assert_eq!(report.refused.len(), 5);
    assert!(report.refused.iter().all(|r| r.kind == RefusalKind::UnknownLabel));
    assert_eq!(report.unknown_labels(), ["LOC", "ORG"]);
    mapping.labels.insert("LOC".into(), LabelTarget::Entity("LOCATION".into()));
    mapping.labels.insert("ORG".into(), LabelTarget::Ignore);
    let report = plan_import(&p, &source, parsed, None, &mapping);
    assert_eq!((report.imported(), report.ignored, report.refused.len()), (4, 1, 0));
    let edit = import_edit(&p, &source, &report, source_info(&source, &report));
    p.apply_edit(edit).unwrap();
    p.save_dirty().unwrap();
    let file = dir.join(format!("suggestions/{SHORT_DOC}/spacy-ar.ron"));
    assert!(file.exists());
    p.undo().unwrap();
    p.save_dirty().unwrap();
    assert!(!file.exists(), "undoing the import removes its file");
}

#[test]
fn a_hugging_face_word_that_is_not_the_text_at_its_offsets_is_refused() {
    // The offsets point at دير الزور but the tagger's word is another place: the offsets are off.
    assert_refused(
        "shifted.json",
        &hf_with(r#"{"entity_group": "LOC", "score": 0.9, "word": "حقل العمر", "start": 407, "end": 416}"#),
        &HF_ARGS,
        &["shifted.json:item 2: the file's `word` «حقل العمر» is not the document's text at 407..416, «دير الزور»"],
    );
    // Raw tokens are compared once merged: the second token's word is not what the document has.
    let tokens = r###"[{"entity": "B-LOC", "score": 0.9, "index": 1, "word": "حقل", "start": 379, "end": 382},
        {"entity": "I-LOC", "score": 0.9, "index": 2, "word": "##العمل", "start": 383, "end": 388}]"###;
    assert_refused(
        "tokens.json",
        tokens,
        &HF_ARGS,
        &["tokens.json:items 1-2: the file's `word` «حقل ##العمل» is not the document's text at 379..388, «حقل العمر»"],
    );
}

#[test]
fn hugging_face_words_rewritten_by_tokenizers_are_accepted() {
    let (tmp, dir) = project();
    let file = tmp.path().join("tokenizers.json");
    // WordPiece pieces (`##`), SentencePiece and byte-level markers (`▁`, `Ġ`), spaces the tokenizer added
    // or dropped, an unknown token (`[UNK]`), and a word without its diacritics (an uncased model's).
    std::fs::write(
        &file,
        r###"[{"entity": "B-LOC", "score": 0.9, "index": 1, "word": "دير", "start": 407, "end": 410},
            {"entity": "I-LOC", "score": 0.9, "index": 2, "word": "الز", "start": 411, "end": 414},
            {"entity": "I-LOC", "score": 0.9, "index": 3, "word": "##ور", "start": 414, "end": 416},
            {"entity": "B-ORG", "score": 0.9, "index": 9, "word": "▁مليشيا", "start": 266, "end": 272},
            {"entity": "I-ORG", "score": 0.9, "index": 10, "word": "Ġأبو", "start": 273, "end": 276},
            {"entity_group": "LOC", "score": 0.9, "word": "حقلالعمر", "start": 379, "end": 388},
            {"entity_group": "LOC", "score": 0.9, "word": " حقل العمر  النفطي ", "start": 101, "end": 117},
            {"entity_group": "LOC", "score": 0.9, "word": "دير [UNK]", "start": 123, "end": 132},
            {"entity_group": "LOC", "score": 0.9, "word": "ردا", "start": 418, "end": 422}]"###,
    )
    .unwrap();
    let args = [&HF_ARGS[..], &["--map", "ORG=ACTOR"]].concat();
    let (code, out) = import(&dir, &file, &args);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("imported 6 into 1 document"), "{out}");
    assert_valid(&dir);
}
