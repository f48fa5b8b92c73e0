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
    // The review table: the sample's camelbert set has one accepted (0.97) and one rejected (0.42) suggestion.
    assert!(text.contains("Review of camelbert-ner: 1 accepted, 0 edited, 1 rejected, 19 pending"), "{text}");
    assert!(text.contains("      0.00         2       0.50         0.50"), "{text}");
    assert!(text.contains("      0.90         1       1.00         1.00"), "{text}");
}

#[test]
fn stats_and_validate_count_and_check_relations_between_mentions() {
    let (_tmp, dir) = sample_copy();
    let layer = dir.join(format!("annotations/{}/sample.ron", common::SAMPLE_DOC));
    // The sample coder's militia (m2) affiliated with the coalition (m10): the schema allows it (actor to
    // actor); and one to a place (m3), which it does not.
    common::edit_file(
        &layer,
        "  relations: {",
        "  mention_relations: {\n    \"r7\": (type: \"AFFILIATED_WITH\", from: \"m2\", to: \"m10\"),\n  },\n  relations: {",
    );
    let out = tarmeez(&["stats", dir.to_str().unwrap()]);
    let text = stdout(&out);
    assert!(text.contains("Relations between mentions") && text.contains("AFFILIATED_WITH"), "{text}");
    assert!(tarmeez(&["validate", dir.to_str().unwrap()]).status.success());
    common::edit_file(&layer, "to: \"m10\"", "to: \"m3\"");
    let out = tarmeez(&["validate", dir.to_str().unwrap()]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("does not go from a mention of type ACTOR to one of type LOCATION"), "{said}");
    assert!(said.contains("sample.ron:"), "with the file and line: {said}");
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

/// The rows of a CSV file as header-keyed maps, read back with a real CSV parser.
fn read_csv(path: &std::path::Path) -> (Vec<String>, Vec<std::collections::BTreeMap<String, String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows =
        reader.records().map(|r| header.iter().cloned().zip(r.unwrap().iter().map(str::to_owned)).collect()).collect();
    (header, rows)
}

#[test]
fn export_writes_the_events_csv_of_the_sample() {
    let (tmp, dir) = sample_copy();
    let out_dir = tmp.path().join("exports/run-1");
    let o = tarmeez(&["export", dir.to_str().unwrap(), "--format", "events-csv", "--out", out_dir.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv_path = out_dir.join("events.csv");
    assert!(stdout(&o).contains("5 events from 1 document written to"), "{}", stdout(&o));
    assert!(stdout(&o).contains(csv_path.to_str().unwrap()));
    let (header, rows) = read_csv(&csv_path);
    assert_eq!(
        header,
        [
            "event_id",
            "event_date",
            "date_basis",
            "time_text",
            "event_type",
            "actor1",
            "actor2",
            "location",
            "fatalities",
            "modality",
            "reported_by",
            "source",
            "document",
            "annotator",
            "trigger",
            "trigger_start",
            "trigger_end",
            "notes"
        ]
    );
    assert_eq!(rows.len(), 5);
    let shelling = &rows[0];
    assert_eq!(shelling["event_id"], format!("{SAMPLE_DOC}:e1"));
    // "مساء أمس" in an article of 29 June, read as the 28th (no coder gave it a normalized date).
    assert_eq!(shelling["event_date"], "2021-06-28");
    assert_eq!(shelling["date_basis"], "time-words");
    assert_eq!(shelling["event_type"], "Attack");
    assert_eq!(shelling["actor1"], "Liwa Abu al-Fadl al-Abbas");
    assert_eq!(shelling["location"], "حقل العمر النفطي; دير الزور");
    assert_eq!(shelling["fatalities"], "0");
    assert_eq!(shelling["modality"], "asserted");
    assert_eq!(shelling["annotator"], "sample");
    assert_eq!(shelling["trigger"], "قصفت");
    let strikes = rows.iter().find(|r| r["location"] == "منطقة الحميضة").unwrap();
    assert_eq!(strikes["fatalities"], "5");
    assert_eq!(rows[1]["fatalities"], "", "no attribute is no value");

    // The same export again replaces the file; naming a coder keeps only their layer.
    let again = tarmeez(&[
        "export",
        dir.to_str().unwrap(),
        "--format",
        "events-csv",
        "--out",
        out_dir.to_str().unwrap(),
        "--annotator",
        "sample",
    ]);
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    assert_eq!(read_csv(&csv_path).1, rows);
    assert_eq!(std::fs::read_dir(&out_dir).unwrap().count(), 1, "no temporary file is left behind");
}

#[test]
fn export_names_a_broken_document_and_an_unknown_annotator() {
    let (tmp, dir) = sample_copy();
    let out_dir = tmp.path().join("out");
    let export = |extra: &[&str]| {
        let mut args =
            vec!["export", dir.to_str().unwrap(), "--format", "events-csv", "--out", out_dir.to_str().unwrap()];
        args.extend_from_slice(extra);
        tarmeez(&args)
    };
    let o = export(&["--annotator", "nobody"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no document has a layer by annotator `nobody`"));
    assert!(!out_dir.join("events.csv").exists());

    edit_file(&dir.join(format!("annotations/{SAMPLE_DOC}/sample.ron")), "type: \"SOURCE\"", "type: \"REPORTER\"");
    let o = export(&[]);
    assert_eq!(o.status.code(), Some(1), "an incomplete table is a failure for scripts");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains(&format!("skipped document `{SAMPLE_DOC}`")) && err.contains("REPORTER"), "{err}");
    assert!(stdout(&o).contains("0 events from 0 documents written to"), "{}", stdout(&o));
    assert_eq!(read_csv(&out_dir.join("events.csv")).1.len(), 0, "the header alone");
}

#[test]
fn export_refuses_an_unknown_format_and_a_missing_project() {
    let (tmp, dir) = sample_copy();
    let out_dir = tmp.path().join("out");
    let o = tarmeez(&["export", dir.to_str().unwrap(), "--format", "acled-xlsx", "--out", out_dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "a usage error");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("acled-xlsx") && err.contains("events-csv"), "the error lists the formats: {err}");

    let missing = tmp.path().join("no-such-project");
    let o =
        tarmeez(&["export", missing.to_str().unwrap(), "--format", "events-csv", "--out", out_dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("is not a Tarmeez project") && !err.contains("panicked"), "{err}");
    assert!(!out_dir.exists(), "nothing is created when nothing is exported");
}

#[test]
fn export_doccano_conll_and_hf_jsonl_and_import_doccano_back() {
    let (tmp, dir) = sample_copy();
    let p = dir.to_str().unwrap();
    for (format, file, expected) in [
        ("doccano", "doccano.jsonl", "\"start_offset\""),
        ("conll", "mentions.conll", "B-LOCATION"),
        ("hf-jsonl", "hf.jsonl", "\"entity_group\""),
    ] {
        let out_dir = tmp.path().join(format);
        let out = tarmeez(&["export", p, "--format", format, "--out", out_dir.to_str().unwrap()]);
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        let written = std::fs::read_to_string(out_dir.join(file)).unwrap();
        assert!(written.contains(expected), "{format}: {written}");
    }
    let file = tmp.path().join("doccano/doccano.jsonl");
    let out = tarmeez(&["import-annotations", p, file.to_str().unwrap(), "--format", "doccano", "--annotator", "rt"]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(stdout(&out).contains("24 mentions, 5 events"), "{}", stdout(&out));
    assert!(tarmeez(&["validate", p]).status.success());
}

/// The `Possible values:` of a `--help` page, by name.
fn possible_values(help: &str) -> Vec<String> {
    let lines = help.lines().skip_while(|l| l.trim() != "Possible values:").skip(1);
    let values = lines.take_while(|l| l.trim().starts_with("- "));
    values.map(|l| l.trim()[2..].split(':').next().unwrap().to_owned()).collect()
}

#[test]
fn help_lists_exactly_the_shared_format_lists() {
    use tarmeez::formats::suggestions::SuggestionFormat;
    use tarmeez::formats::{corpus::CorpusFormat, export::ExportFormat, import::AnnotationFormat};
    let cases: [(&str, Vec<&str>); 4] = [
        ("export", ExportFormat::ALL.iter().map(|f| f.name()).collect()),
        ("import-annotations", AnnotationFormat::ALL.iter().map(|f| f.name()).collect()),
        ("import-suggestions", SuggestionFormat::ALL.iter().map(|f| f.name()).collect()),
        ("import-docs", CorpusFormat::ALL.iter().map(|f| f.name()).collect()),
    ];
    let exports = ["events-csv", "brat", "doccano", "conll", "hf-jsonl", "label-studio", "webanno", "html"];
    // Issue 19: the dataset exports.
    let datasets = ["acled", "ucdp", "geojson"];
    assert_eq!(cases[0].1, [&exports[..], &datasets[..]].concat());
    for (command, names) in cases {
        let out = tarmeez(&[command, "--help"]);
        assert!(out.status.success(), "{command}: {}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(possible_values(&stdout(&out)), names, "{command} --help");
    }
}

/// A copy of the sample with a second document, `short`, whose annotation folder cannot be made (a file is
/// in its way), so that an import into both documents saves one layer and not the other.
fn project_where_one_layer_cannot_be_saved() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, dir) = sample_copy();
    let mut p = open_as(&dir, "setup");
    p.add_document("short", "قصفت الطائرات دير الزور".into(), Default::default()).unwrap();
    drop(p);
    let folder = dir.join("annotations/short");
    if folder.is_dir() {
        std::fs::remove_dir_all(&folder).unwrap();
    }
    std::fs::write(&folder, "in the way").unwrap();
    (tmp, dir)
}

#[test]
fn an_import_saved_in_part_says_which_files_were_written_and_which_were_not() {
    let (tmp, dir) = project_where_one_layer_cannot_be_saved();
    let p = dir.to_str().unwrap();
    let brat = tmp.path().join("brat");
    let exported =
        tarmeez(&["export", p, "--format", "brat", "--annotator", "sample", "--out", brat.to_str().unwrap()]);
    assert!(exported.status.success(), "{}", stdout(&exported));
    std::fs::write(brat.join("short.ann"), "T1\tLOCATION 14 23\tدير الزور\n").unwrap();
    let out = tarmeez(&["import-annotations", p, brat.to_str().unwrap(), "--format", "brat", "--annotator", "huda"]);
    let said = format!("{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{said}");
    let saved = format!("annotations/{SAMPLE_DOC}/huda.ron");
    assert!(dir.join(&saved).is_file(), "one layer is written");
    assert!(said.contains("saved only in part"), "{said}");
    assert!(said.contains(&format!("saved: {saved}")), "{said}");
    assert!(said.contains("not saved: annotations/short/huda.ron"), "{said}");
    assert!(!said.contains("could not be saved"), "it was saved in part: {said}");
    assert!(!said.contains("previous version"), "the file had no previous version: {said}");

    // The same with doccano: the summary is not followed by "nothing was imported".
    let doccano = tmp.path().join("doccano.jsonl");
    let line = |doc: &str, text: &str, start: usize, end: usize| {
        serde_json::json!({"doc_id": doc, "text": text, "entities": [
            {"id": 1, "start_offset": start, "end_offset": end, "label": "LOCATION"}]})
        .to_string()
    };
    let sample_text = std::fs::read_to_string(dir.join(format!("documents/{SAMPLE_DOC}.txt"))).unwrap();
    let lines = [line(SAMPLE_DOC, &sample_text, 379, 388), line("short", "قصفت الطائرات دير الزور", 14, 23)];
    std::fs::write(&doccano, lines.join("\n") + "\n").unwrap();
    let out =
        tarmeez(&["import-annotations", p, doccano.to_str().unwrap(), "--format", "doccano", "--annotator", "rana"]);
    let said = format!("{}{}", stdout(&out), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{said}");
    assert!(dir.join(format!("annotations/{SAMPLE_DOC}/rana.ron")).is_file(), "one layer is written");
    assert!(said.contains(&format!("saved: annotations/{SAMPLE_DOC}/rana.ron")), "{said}");
    assert!(said.contains("not saved: annotations/short/rana.ron"), "{said}");
    assert!(!said.contains("nothing was imported"), "{said}");
    assert!(!said.contains("previous version"), "{said}");
}

/// A fontconfig setup whose only system font is egui's Hack (it has Armenian, which no bundled font has),
/// so that what `render` finds among "the system's fonts" is the same on every machine.
fn system_fonts_with_hack(root: &std::path::Path) -> std::path::PathBuf {
    let fonts = root.join("system-fonts");
    std::fs::create_dir_all(&fonts).unwrap();
    std::fs::write(fonts.join("Hack-Regular.ttf"), epaint_default_fonts::HACK_REGULAR).unwrap();
    let conf = root.join("fonts.conf");
    let xml = format!(
        "<?xml version=\"1.0\"?>\n<fontconfig>\n  <dir>{}</dir>\n  <cachedir>{}</cachedir>\n</fontconfig>\n",
        fonts.display(),
        root.join("fontconfig-cache").display()
    );
    std::fs::write(&conf, xml).unwrap();
    conf
}

/// A project with one document per (name, text), for `render`.
fn project_with_texts(root: &std::path::Path, texts: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = root.join("corpus");
    assert!(tarmeez(&["new", dir.to_str().unwrap(), "--name", "Scripts"]).status.success());
    let input = root.join("articles");
    std::fs::create_dir(&input).unwrap();
    for (name, text) in texts {
        std::fs::write(input.join(format!("{name}.txt")), text).unwrap();
    }
    let o = tarmeez(&["import-text", dir.to_str().unwrap(), input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stdout(&o));
    dir
}

#[test]
fn render_draws_hebrew_and_emoji_and_names_the_characters_no_font_has() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = project_with_texts(
        tmp.path(),
        &[
            ("quotes", "قال نتنياهو (בנימין נתניהו) إن «הכל בסדר» 😀🔥🙂\nThe post read: 👍 ❤️ 🤝"),
            ("ethiopic", "نقلت وكالة الأنباء الإثيوبية: ሰላም ሰላም"),
        ],
    );
    let conf = system_fonts_with_hack(tmp.path());
    let png = tmp.path().join("page.png");
    let render = |doc: &str| {
        Command::new(env!("CARGO_BIN_EXE_tarmeez"))
            .args(["render", dir.to_str().unwrap(), doc, "--out", png.to_str().unwrap()])
            .env("FONTCONFIG_FILE", &conf)
            .output()
            .unwrap()
    };
    let o = render("quotes");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(String::from_utf8_lossy(&o.stderr), "", "Hebrew and emoji have glyphs");
    let o = render("ethiopic");
    assert!(o.status.success(), "a missing glyph is a warning, the image is still written");
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(err.contains("6 characters had no glyph in any font") && err.contains("U+1230 ሰ (2)"), "{err}");
}

#[test]
fn render_falls_back_to_the_system_fonts_and_counts_only_what_none_has() {
    let tmp = tempfile::tempdir().unwrap();
    // Armenian (in the system's Hack, in no bundled font) and Ethiopic (in neither).
    let dir = project_with_texts(tmp.path(), &[("armenian", "قالت الجالية الأرمنية (Հայաստան) في حلب: ሰላም")]);
    let conf = system_fonts_with_hack(tmp.path());
    let png = tmp.path().join("page.png");
    let render = |fonts: &str| {
        Command::new(env!("CARGO_BIN_EXE_tarmeez"))
            .args(["render", dir.to_str().unwrap(), "armenian", "--out", png.to_str().unwrap()])
            .env("FONTCONFIG_FILE", &conf)
            .env("TARMEEZ_FONTS", fonts)
            .output()
            .unwrap()
    };
    let o = render("system");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(err.contains("3 characters had no glyph in any font"), "only the Ethiopic is missing: {err}");
    assert!(!err.contains("U+0540"), "Armenian comes from the system's font: {err}");
    let o = render("bundled");
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(err.contains("11 characters had no glyph in the bundled fonts") && err.contains("U+0540 Հ (1)"), "{err}");
}
