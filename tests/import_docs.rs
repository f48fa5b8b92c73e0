//! Importing a corpus from one JSON lines or CSV file: good records come in, bad ones are named by line.

mod common;
use common::*;
use egui_kittest::kittest::Queryable as _;
use std::path::Path;
use std::process::{Command, Output};
use tarmeez::formats::corpus::{BATCH, Columns, Record, SkipReason, import_records, read_records};
use tarmeez::model::*;

fn tarmeez(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).env("TARMEEZ_ANNOTATOR", "cli-test").output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A new empty project in a temp folder.
fn new_project() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("p");
    tarmeez::store::Project::create(&dir, "t", default_conflict_schema(), Annotator::parse("a").unwrap()).unwrap();
    (tmp, dir)
}

fn meta(dir: &Path, id: &str) -> (DocumentMeta, String) {
    let p = open_read_only(dir);
    p.load_all();
    let d = p.document(&DocId::parse(id).unwrap()).unwrap_or_else(|| panic!("no document `{id}`"));
    (d.meta.clone().unwrap(), d.text().unwrap().as_str().to_owned())
}

fn doc_count(dir: &Path) -> usize {
    open_read_only(dir).documents().len()
}

#[test]
fn jsonl_with_arabic_texts_metadata_and_bad_lines() {
    let (tmp, dir) = new_project();
    let file = tmp.path().join("corpus.jsonl");
    let lines = [
        r#"{"id": "raqqa-1", "text": "قصف مدفعي على الرقة\nنص الخبر", "title": "قصف على الرقة", "date": "2021-06-29", "source": "عنب بلدي", "url": "https://example.org/1", "lang": "ar"}"#,
        r#"{"text": "غارات على إدلب", "title": "Idlib strikes", "lang": "ar", "section": "news"}"#,
        r#"{"text": "اشتباكات في دير الزور" "title": "x"}"#,
        r#"{"id": "empty", "text": "  \n "}"#,
        "",
        r#"{"id": "copy", "text": "غارات على إدلب"}"#,
        r#"{"title": "no text"}"#,
        r#"{"text": "انفجار في حلب"}"#,
    ];
    std::fs::write(&file, lines.join("\n") + "\n").unwrap();
    let out = tarmeez(&["import-docs", dir.to_str().unwrap(), file.to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "skipped records make the exit status 1: {text}");
    let f = file.display();
    assert!(text.contains(&format!("imported {f}:1 as raqqa-1")), "{text}");
    assert!(text.contains(&format!("imported {f}:2 as idlib-strikes")), "{text}");
    assert!(text.contains(&format!("imported {f}:8 as doc")), "{text}");
    assert!(text.contains(&format!("skipped  {f}:3: is not a JSON object")), "{text}");
    assert!(text.contains(&format!("skipped  {f}:4: has an empty text")), "{text}");
    assert!(text.contains(&format!("skipped  {f}:6: has the same text as line 2")), "{text}");
    assert!(text.contains(&format!("skipped  {f}:7: has no `text`")), "{text}");
    assert!(text.contains("note:") && text.contains("`lang` (2)") && text.contains("`section` (1)"), "{text}");
    assert!(text.trim_end().ends_with("3 imported, 4 skipped"), "{text}");

    let (m, body) = meta(&dir, "raqqa-1");
    assert_eq!(body, "قصف مدفعي على الرقة\nنص الخبر");
    assert_eq!(m.title, "قصف على الرقة");
    assert_eq!(m.date, "2021-06-29");
    assert_eq!(m.source, "عنب بلدي");
    assert_eq!(m.url, "https://example.org/1");
    assert_eq!(m.text_hash, text_hash(&body));
    assert_eq!(meta(&dir, "doc").0.title, "انفجار في حلب", "the title defaults to the first line");
    assert_eq!(doc_count(&dir), 3);

    // The same file again: every text is now a duplicate of a project document.
    let again = tarmeez(&["import-docs", dir.to_str().unwrap(), file.to_str().unwrap()]);
    let text = stdout(&again);
    assert!(text.contains("has the same text as document `raqqa-1` of the project"), "{text}");
    assert!(text.trim_end().ends_with("0 imported, 7 skipped"), "{text}");
    assert_eq!(doc_count(&dir), 3);
    assert!(tarmeez(&["validate", dir.to_str().unwrap()]).status.success());
}

#[test]
fn csv_with_chosen_columns_and_quoted_multi_line_text() {
    let (tmp, dir) = new_project();
    let file = tmp.path().join("articles.csv");
    let csv = "\u{feff}headline,body,published,outlet,link,extra\n\
               \"قصف على الرقة، اليوم\",\"قصف مدفعي على الرقة\nنص \"\"الخبر\"\" الثاني\",2021-06-29,عنب بلدي,https://e.org/1,x\n\
               غارات,,2021-07-01,,,\n\
               إدلب,\"غارات على إدلب\",2021-07-02,,,\n";
    std::fs::write(&file, csv).unwrap();
    let out = tarmeez(&[
        "import-docs",
        dir.to_str().unwrap(),
        file.to_str().unwrap(),
        "--text-column",
        "body",
        "--title-column",
        "headline",
        "--date-column",
        "published",
        "--source-column",
        "outlet",
        "--url-column",
        "link",
    ]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    let f = file.display();
    assert!(text.contains(&format!("skipped  {f}:4: has an empty text")), "the row after a 2-line one: {text}");
    assert!(text.contains(&format!("imported {f}:5 as")), "{text}");
    assert!(text.contains("`extra` (1)"), "{text}");
    assert!(text.trim_end().ends_with("2 imported, 1 skipped"), "{text}");

    let p = open_read_only(&dir);
    p.load_all();
    let first = p.documents().iter().find(|d| d.meta.as_ref().unwrap().date == "2021-06-29").unwrap();
    let m = first.meta.as_ref().unwrap();
    assert_eq!(first.text().unwrap().as_str(), "قصف مدفعي على الرقة\nنص \"الخبر\" الثاني");
    assert_eq!(m.title, "قصف على الرقة، اليوم");
    assert_eq!(m.source, "عنب بلدي");
    assert_eq!(m.url, "https://e.org/1");
    assert_eq!(p.documents().len(), 2);
    drop(p);

    // A text column that is not there: nothing is imported, and the columns are listed.
    let out = tarmeez(&["import-docs", dir.to_str().unwrap(), file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("no `text` column") && text.contains("headline, body"), "{text}");
    assert!(text.contains("nothing was imported"), "{text}");
    assert!(tarmeez(&["validate", dir.to_str().unwrap()]).status.success());
}

#[test]
fn duplicates_of_the_project_and_invalid_utf8_in_csv() {
    let (tmp, dir) = sample_copy();
    let sample_text = std::fs::read_to_string(dir.join(format!("documents/{SAMPLE_DOC}.txt"))).unwrap();
    let file = tmp.path().join("more.data");
    let mut bytes = Vec::new();
    let mut w = csv::Writer::from_writer(&mut bytes);
    w.write_record(["id", "text"]).unwrap();
    w.write_record(["again", &sample_text]).unwrap();
    w.write_record(["new-one", "هجوم على نقطة عسكرية"]).unwrap();
    drop(w);
    bytes.extend_from_slice(b"latin,caf\xe9\n");
    std::fs::write(&file, bytes).unwrap();
    // The header, the sample's text over several lines, then the new one: the Latin-1 row comes after.
    let latin_line = 4 + sample_text.matches('\n').count();

    let out = tarmeez(&["import-docs", dir.to_str().unwrap(), file.to_str().unwrap()]);
    assert!(stdout(&out).contains("give --format"), "{}", stdout(&out));
    let out = tarmeez(&["import-docs", dir.to_str().unwrap(), file.to_str().unwrap(), "--format", "csv"]);
    let text = stdout(&out);
    assert!(text.contains(&format!("has the same text as document `{SAMPLE_DOC}` of the project")), "{text}");
    assert!(text.contains(&format!(":{latin_line}: is not UTF-8")), "{text}");
    assert!(text.contains("as new-one"), "{text}");
    assert!(text.trim_end().ends_with("1 imported, 2 skipped"), "{text}");
    assert_eq!(doc_count(&dir), 2);
}

/// The names of the files in the project's `documents/` folder, sorted.
fn document_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("documents"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn cancelling_after_the_first_batch_leaves_its_documents_whole() {
    let (tmp, dir) = new_project();
    let file = tmp.path().join("many.jsonl");
    let total = 2 * BATCH + BATCH / 2;
    let lines: Vec<String> =
        (0..total).map(|i| format!(r#"{{"id": "d{i:04}", "text": "خبر رقم {i} عن القصف"}}"#)).collect();
    std::fs::write(&file, lines.join("\n")).unwrap();
    let (records, skips) = read_records(&file, None, &Columns::default()).unwrap();
    assert!(skips.is_empty());
    let mut p = open_as(&dir, "a");
    let mut calls = Vec::new();
    let outcome = import_records(&mut p, records, &mut |done, total| {
        calls.push((done, total));
        false
    });
    assert!(outcome.cancelled);
    assert!(outcome.error.is_none());
    assert_eq!(calls, [(BATCH, total)], "progress is told, and a stop honoured, after each batch");
    assert_eq!(outcome.imported.len(), BATCH);
    drop(p);
    assert_eq!(doc_count(&dir), BATCH);
    let names = document_files(&dir);
    let expected: Vec<String> = (0..BATCH).flat_map(|i| [format!("d{i:04}.ron"), format!("d{i:04}.txt")]).collect();
    assert_eq!(names, expected, "nothing half-written, no temp file left");
    let out = tarmeez(&["validate", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stdout(&out));
}

#[test]
fn thousands_of_records_become_as_many_valid_documents_across_batches() {
    let (tmp, dir) = new_project();
    let file = tmp.path().join("many.jsonl");
    // No ids: every document's id is made from `doc`. Line `again` repeats line 3 (an earlier batch) and line
    // `twice` repeats line `once` (the same batch).
    let (again, once, twice, n) = (BATCH + 500, BATCH + 600, BATCH + 700, BATCH + 1000);
    let text = |i: usize| format!("خبر رقم {i} عن قصف مدفعي قرب الميادين");
    let lines: Vec<String> = (1..=n)
        .map(|line| match line {
            _ if line == again => text(3),
            _ if line == twice => text(once),
            _ => text(line),
        })
        .map(|t| serde_json::json!({ "text": t }).to_string())
        .collect();
    std::fs::write(&file, lines.join("\n")).unwrap();
    let out = tarmeez(&["import-docs", dir.to_str().unwrap(), file.to_str().unwrap()]);
    let report = stdout(&out);
    assert!(report.trim_end().ends_with(&format!("{} imported, 2 skipped", n - 2)), "{report}");
    let f = file.display();
    assert!(report.contains(&format!("imported {f}:1 as doc\n")), "{report}");
    assert!(report.contains(&format!("imported {f}:{n} as doc-{}\n", n - 2)), "{report}");
    assert!(
        report.contains(&format!("skipped  {f}:{again}: has the same text as line 3, imported just before as `doc-3`")),
        "{report}"
    );
    assert!(
        report.contains(&format!(
            "skipped  {f}:{twice}: has the same text as line {once}, imported just before as `doc-{}`",
            once - 1
        )),
        "{report}"
    );
    let p = open_read_only(&dir);
    p.load_all();
    assert_eq!(p.documents().len(), n - 2);
    assert_eq!(p.problems().count(), 0);
    let doc = p.document(&DocId::parse(&format!("doc-{}", once - 1)).unwrap()).unwrap();
    assert_eq!(doc.text().unwrap().as_str(), text(once));
    assert_eq!(doc.meta.as_ref().unwrap().title, text(once));
    assert_eq!(document_files(&dir).len(), 2 * (n - 2), "a text and a metadata file each, no temp file");
    let out = tarmeez(&["validate", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stdout(&out));
}

#[test]
fn records_with_no_id_and_no_title_get_doc_ids_and_empty_ones_are_skipped() {
    let (_tmp, dir) = new_project();
    let mut p = open_as(&dir, "a");
    let record = |line: usize, text: &str| Record { line, text: text.into(), ..Record::default() };
    let records = vec![record(1, "نص أول"), record(2, "نص ثان"), record(3, ""), record(4, "نص أول")];
    let outcome = import_records(&mut p, records, &mut |_, _| true);
    let ids: Vec<&str> = outcome.imported.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(ids, ["doc", "doc-2"]);
    assert!(matches!(outcome.skipped[0].reason, SkipReason::Empty));
    assert_eq!(outcome.skipped[1].line, 4);
    assert!(outcome.skipped[1].reason.to_string().contains("line 1"), "{}", outcome.skipped[1].reason);
    assert!(!outcome.cancelled);
}

#[test]
fn the_window_is_offered_the_csv_header_or_the_json_keys_and_an_empty_column_is_left_out() {
    use tarmeez::formats::corpus::{CorpusFormat, fields};
    let (tmp, _dir) = new_project();
    let csv = tmp.path().join("c.csv");
    std::fs::write(&csv, "\u{feff}body,title,when\n\"نص\",عنوان,2021-06-29\n").unwrap();
    assert_eq!(fields(&csv, CorpusFormat::Csv).unwrap(), ["body", "title", "when"]);
    let jsonl = tmp.path().join("j.jsonl");
    std::fs::write(&jsonl, "{\"text\": \"a\", \"url\": \"u\"}\nnot json\n{\"text\": \"b\", \"lang\": \"ar\"}\n")
        .unwrap();
    assert_eq!(fields(&jsonl, CorpusFormat::Jsonl).unwrap(), ["lang", "text", "url"]);
    let bom = tmp.path().join("bom.jsonl");
    std::fs::write(&bom, "\u{feff}{\"text\": \"a\", \"title\": \"t\"}\r\n").unwrap();
    assert_eq!(fields(&bom, CorpusFormat::Jsonl).unwrap(), ["text", "title"], "a byte-order mark is not a key");
    assert!(fields(&tmp.path().join("missing.csv"), CorpusFormat::Csv).unwrap_err().message.contains("cannot be read"));

    // The title column exists, but the coder chose none: the title comes from the text's first line.
    let columns = Columns { text: "body".into(), title: String::new(), date: "when".into(), ..Columns::default() };
    let (records, skips) = read_records(&csv, None, &columns).unwrap();
    assert!(skips.is_empty());
    assert_eq!(records[0].title, None);
    assert_eq!(records[0].date.as_deref(), Some("2021-06-29"));
    assert_eq!(records[0].ignored, ["title"]);
}

/// Steps the window until `done` holds (the file is read on a thread, the records imported a slice a frame).
fn step_until(
    h: &mut egui_kittest::Harness<'_, tarmeez::ui::TarmeezApp>,
    done: impl Fn(&egui_kittest::Harness<'_, tarmeez::ui::TarmeezApp>) -> bool,
) {
    for _ in 0..2000 {
        if done(h) {
            return;
        }
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    panic!("the window did not get there");
}

fn imported_ids(h: &egui_kittest::Harness<'_, tarmeez::ui::TarmeezApp>) -> Vec<String> {
    h.state().project().unwrap().documents().iter().map(|d| d.id.to_string()).collect()
}

#[test]
fn the_import_window_imports_with_progress_cancels_and_resumes() {
    let (tmp, dir) = sample_copy();
    let file = tmp.path().join("corpus.jsonl");
    // Twelve articles; the first sorts before the sample, so the list moves under the shown document; one
    // line is broken and one repeats an earlier text.
    let mut lines: Vec<String> = (1..=12)
        .map(|i| {
            format!(
                r#"{{"id": "{}", "text": "خبر رقم {i} عن قصف في دير الزور", "lang": "ar"}}"#,
                if i == 1 { "aaa".into() } else { format!("d{i:02}") }
            )
        })
        .collect();
    lines.insert(3, "{broken".into());
    lines.push(r#"{"id": "again", "text": "خبر رقم 2 عن قصف في دير الزور"}"#.into());
    std::fs::write(&file, lines.join("\n")).unwrap();

    let mut h = window(tarmeez::ui::TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    assert_eq!(h.state().shown_document().unwrap().as_str(), SAMPLE_DOC);
    h.state_mut().open_documents_file(file.clone());
    h.state_mut().documents_import().unwrap().frame_budget = std::time::Duration::ZERO; // one record a frame
    h.run();
    h.get_by_label("JSON lines").click(); // told from the extension; clicking keeps it
    h.run();
    h.get_by_label("Start the import").click();
    // Three documents in, then Cancel.
    step_until(&mut h, |h| imported_ids(h).len() == 4);
    assert!(h.state_mut().documents_import().is_some_and(|w| w.busy()));
    assert_eq!(h.state().shown_document().unwrap().as_str(), SAMPLE_DOC, "the shown document stays");
    h.get_by_label("Cancel").click();
    h.run();
    h.get_by_label_contains("Cancelled after");
    // A click takes a frame or two to arrive; what was imported by then stays, and the report says so.
    let n = imported_ids(&h).len() - 1;
    assert!((3..12).contains(&n), "{n}");
    h.get_by_label_contains(&format!("{n} documents imported, 1 record skipped."));
    h.get_by_label_contains("Skipped line 4: is not a JSON object");
    h.get_by_label_contains("not imported, with the number of records having each: `lang` (12)");
    let mut expected = vec!["aaa".to_owned(), SAMPLE_DOC.to_owned()];
    expected.extend((2..=n).map(|i| format!("d{i:02}")));
    assert_eq!(imported_ids(&h), expected);
    let out = tarmeez(&["validate", dir.to_str().unwrap()]);
    assert!(out.status.success(), "the project is valid after a cancel: {}", stdout(&out));

    // Again: what is in already is skipped, the rest comes in.
    h.get_by_label("Import this file again").click();
    h.run();
    h.get_by_label("Start the import").click();
    step_until(&mut h, |h| h.query_by_label_contains("documents imported,").is_some());
    h.get_by_label_contains(&format!("{} documents imported, {} records skipped.", 12 - n, n + 2));
    // The line that says d02 again, and the line "again" that repeats its text.
    assert_eq!(h.query_all_by_label_contains("has the same text as document `d02` of the project").count(), 2);
    assert_eq!(imported_ids(&h).len(), 13);
    assert_eq!(h.state().shown_document().unwrap().as_str(), SAMPLE_DOC);
}

#[test]
fn the_import_window_takes_the_csv_columns_the_coder_chooses() {
    let (tmp, dir) = sample_copy();
    let file = tmp.path().join("corpus.csv");
    std::fs::write(&file, "body,headline,published\n\"قصف على\nحقل العمر\",عنوان أول,2021-06-29\n").unwrap();
    let mut h = window(tarmeez::ui::TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    h.state_mut().open_documents_file(file);
    h.run();
    h.get_by_label("CSV with a header row");
    for (column, choice) in [("Title column", "headline"), ("Date column", "published")] {
        h.get_by_label(column).click();
        h.run();
        h.get_by_label(choice).click();
        h.run();
    }
    h.get_by_label("Start the import").click();
    step_until(&mut h, |h| h.query_by_label_contains("1 document imported, 0 records skipped.").is_some());
    let id = imported_ids(&h).into_iter().find(|id| id != SAMPLE_DOC).unwrap();
    drop(h);
    let (meta, text) = meta(&dir, &id);
    assert_eq!((meta.title.as_str(), meta.date.as_str()), ("عنوان أول", "2021-06-29"));
    assert_eq!(text, "قصف على\nحقل العمر");
}

#[test]
fn ctrl_c_stops_the_command_line_import_between_whole_documents() {
    let (tmp, dir) = new_project();
    let file = tmp.path().join("many.jsonl");
    let lines: Vec<String> =
        (0..5000).map(|i| format!(r#"{{"id": "n{i}", "text": "خبر رقم {i} عن قصف في دير الزور"}}"#)).collect();
    std::fs::write(&file, lines.join("\n")).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_tarmeez"))
        .args(["import-docs", dir.to_str().unwrap(), file.to_str().unwrap()])
        .env("TARMEEZ_ANNOTATOR", "cli-test")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until documents are coming in, then press Ctrl+C.
    let metas = || {
        std::fs::read_dir(dir.join("documents"))
            .map(|d| d.filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "ron")).count())
            .unwrap_or(0)
    };
    let start = std::time::Instant::now();
    while metas() < 20 && start.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let kill = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("stopped (Ctrl+C) after"), "{text}");
    let imported = doc_count(&dir);
    assert!((20..5000).contains(&imported), "{imported}");
    // Every text has its metadata: no document was cut in half.
    let txt = std::fs::read_dir(dir.join("documents"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "txt"))
        .count();
    assert_eq!(txt, imported);
    let validate = tarmeez(&["validate", dir.to_str().unwrap()]);
    assert!(validate.status.success(), "{}", stdout(&validate));
}

#[test]
fn opening_another_project_stops_an_import_and_closes_the_annotation_import() {
    let (tmp, dir) = sample_copy();
    let (_tmp2, other) = sample_copy();
    let file = tmp.path().join("corpus.jsonl");
    let lines: Vec<String> = (1..=12).map(|i| format!(r#"{{"id": "d{i:02}", "text": "خبر رقم {i}"}}"#)).collect();
    std::fs::write(&file, lines.join("\n")).unwrap();
    let mut h = window(tarmeez::ui::TarmeezApp::new(Some(open_as(&dir, "sample")), None));
    h.state_mut().open_documents_file(file);
    h.state_mut().documents_import().unwrap().frame_budget = std::time::Duration::ZERO;
    h.state_mut().open_annotations_file(tmp.path().join("whatever.jsonl"));
    h.run();
    h.get_by_label("Import into my layer");
    h.get_by_label("Start the import").click();
    step_until(&mut h, |h| imported_ids(h).len() >= 3);
    h.state_mut().open_project(other.clone());
    h.run();
    h.get_by_label_contains("Stopped: another project was opened.");
    assert!(
        h.query_by_label("Import into my layer").is_none(),
        "the annotation import was planned for the old project"
    );
    for _ in 0..20 {
        h.step();
    }
    assert_eq!(imported_ids(&h), [SAMPLE_DOC], "nothing goes into the project opened since");
    let first = doc_count(&dir);
    assert!((3..13).contains(&first), "{first}");
}
