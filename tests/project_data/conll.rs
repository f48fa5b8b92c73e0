//! CoNLL column files read into a project: ANERcorp's shape, CoNLL-2003's IOB1 with `-DOCSTART-`, and
//! Tarmeez's own export, through the command line as a user runs it, on a copy of the sample project.

use crate::common;
use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tarmeez::model::{DocId, Span};

fn tarmeez(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).output().unwrap()
}

fn text(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/conll").join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// `import-annotations --format conll` into `coder`'s layer, with more arguments.
fn import(dir: &Path, file: &Path, coder: &str, more: &[&str]) -> Output {
    let mut args = vec!["import-annotations", s(dir), s(file), "--format", "conll", "--annotator", coder];
    args.extend_from_slice(more);
    tarmeez(&args)
}

/// A document's mentions in `coder`'s layer as (text, type), in text order.
fn mentions(dir: &Path, doc: &str, coder: &str) -> Vec<(String, String)> {
    let project = open_as(dir, coder);
    let loaded = project.load_document(&DocId::parse(doc).unwrap()).unwrap();
    let Some(layer) = loaded.layers.get(project.annotator()) else { return Vec::new() };
    let mut out: Vec<(Span, String)> = layer.mentions.values().map(|m| (m.span, m.entity_type.to_string())).collect();
    out.sort();
    out.into_iter().map(|(span, ty)| (loaded.text.slice(span).unwrap().to_owned(), ty)).collect()
}

const ANER_MAP: [&str; 6] = ["--map", "PERS=ACTOR", "--map", "ORG=actor", "--map", "LOC=Location"];

#[test]
fn an_anercorp_file_makes_a_document_and_its_mapped_spans_exactly() {
    let (_tmp, dir) = sample_copy();
    let file = fixture("anercorp.txt");
    let before = files(&dir);
    let refused = import(&dir, &file, "huda", &[]);
    assert_eq!(refused.status.code(), Some(1), "{}", text(&refused));
    let out = text(&refused);
    assert!(out.contains("anercorp.txt:5: unknown label `PERS` (1 span;"), "{out}");
    assert!(out.contains("anercorp.txt:14: unknown label `LOC` (2 spans, the first here;"), "{out}");
    assert_eq!(out.matches("unknown label").count(), 3, "one line per label: {out}");
    assert!(out.contains("--map PERS=TYPE"), "{out}");
    assert!(out.contains("nothing was imported"), "{out}");
    assert_eq!(files(&dir), before, "a refused import writes nothing");

    let o = import(&dir, &file, "huda", &ANER_MAP);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("created document `anercorp-1`"), "{}", text(&o));
    let project = open_as(&dir, "huda");
    let doc = DocId::parse("anercorp-1").unwrap();
    let loaded = project.load_document(&doc).unwrap();
    assert!(loaded.text.as_str().starts_with("قالت مصادر إن مليشيا أبو الفضل"), "{}", loaded.text.as_str());
    let got = mentions(&dir, "anercorp-1", "huda");
    let want = [
        ("أبو الفضل العباس", "ACTOR"),
        ("الثوري الإيراني", "ACTOR"),
        ("حقل العمر", "LOCATION"),
        ("دير الزور", "LOCATION"),
    ];
    assert_eq!(got, want.map(|(t, y)| (t.to_owned(), y.to_owned())));
    // After the emoji, code points and UTF-16 units differ: the offsets are code points.
    let layer = &loaded.layers[project.annotator()];
    let field = layer.mentions.values().find(|m| loaded.text.slice(m.span) == Some("حقل العمر")).unwrap();
    let before_span: String = loaded.text.as_str().chars().take(field.span.start).collect();
    assert!(before_span.contains('🔥'));
    assert_eq!(before_span.encode_utf16().count(), field.span.start + 1);
    drop(project);

    let again = import(&dir, &file, "huda", &ANER_MAP);
    assert!(text(&again).contains("0 mention(s)") && text(&again).contains("4 already present"), "{}", text(&again));
}

#[test]
fn a_conll_2003_file_is_read_as_iob1_one_document_per_docstart() {
    let (_tmp, dir) = sample_copy();
    let file = fixture("conll2003.txt");
    let maps = ["--map", "PER=ACTOR", "--map", "ORG=ACTOR", "--map", "LOC=LOCATION", "--map", "MISC=SOURCE"];
    let strict = import(&dir, &file, "huda", &[&maps[..], &["--scheme", "iob2"]].concat());
    assert_eq!(strict.status.code(), Some(1));
    assert!(text(&strict).contains("conll2003.txt:3: I-ORG does not continue a span of ORG"), "{}", text(&strict));

    let o = import(&dir, &file, "huda", &maps);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("note: read as IOB1"), "{}", text(&o));
    assert!(text(&o).contains("line 3 starts a span with I-ORG"), "{}", text(&o));
    let first = mentions(&dir, "conll2003-1", "huda");
    let names: Vec<&str> = first.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(names, ["EU", "German", "British", "Peter Blackburn"]);
    let second = mentions(&dir, "conll2003-2", "huda");
    assert_eq!(second[0], ("BRUSSELS".to_owned(), "LOCATION".to_owned()));
    assert_eq!(second[1], ("European Commission".to_owned(), "ACTOR".to_owned()));
    let project = open_as(&dir, "huda");
    let loaded = project.load_document(&DocId::parse("conll2003-1").unwrap()).unwrap();
    assert_eq!(loaded.text.as_str(), "EU rejects German call to boycott British lamb .\nPeter Blackburn");
}

/// The sample exported as CoNLL by `coder`.
fn export_sample(dir: &Path, out: &Path) -> PathBuf {
    let o = tarmeez(&["export", s(dir), "--format", "conll", "--out", s(out), "--annotator", "sample"]);
    assert!(o.status.success(), "{}", text(&o));
    out.join("mentions.conll")
}

#[test]
fn tarmeez_own_export_reads_back_into_another_coder_layer() {
    let (tmp, dir) = sample_copy();
    let file = export_sample(&dir, &tmp.path().join("out"));
    let o = import(&dir, &file, "huda", &[]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(mentions(&dir, SAMPLE_DOC, "huda"), mentions(&dir, SAMPLE_DOC, "sample"));
    assert_eq!(mentions(&dir, SAMPLE_DOC, "huda").len(), 24);
}

#[test]
fn a_token_not_in_the_text_or_a_wrong_offset_is_refused_with_its_line() {
    let (tmp, dir) = sample_copy();
    let file = export_sample(&dir, &tmp.path().join("out"));
    let content = std::fs::read_to_string(&file).unwrap();
    let lines: Vec<&str> = content.lines().collect();
    let at = lines.iter().position(|l| l.starts_with("الميادين\t")).unwrap();
    let before = files(&dir);

    let misplaced = content.replacen("الميادين\t", "البوكمال\t", 1);
    std::fs::write(&file, misplaced).unwrap();
    let o = import(&dir, &file, "huda", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let expected = format!("mentions.conll:{}: token «البوكمال» is not where it should be", at + 1);
    assert!(text(&o).contains(&expected), "{}", text(&o));
    assert_eq!(files(&dir), before);

    let (word, offset) = lines[at].split_once('\t').map(|(w, r)| (w, r.split('\t').next().unwrap())).unwrap();
    let shifted = format!("{word}\t{}\t", offset.parse::<usize>().unwrap() + 1);
    std::fs::write(&file, content.replacen(&format!("{word}\t{offset}\t"), &shifted, 1)).unwrap();
    let o = import(&dir, &file, "huda", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let expected =
        format!("mentions.conll:{}: the offset column says {}", at + 1, offset.parse::<usize>().unwrap() + 1);
    assert!(text(&o).contains(&expected), "{}", text(&o));
    assert_eq!(files(&dir), before);
}

#[test]
fn partial_imports_the_documents_that_place_and_lists_the_others() {
    let (tmp, dir) = sample_copy();
    let file = tmp.path().join("two.conll");
    let good = "-DOCSTART- O\n\nحقل B-Location\nالعمر I-Location\nالنفطي O\n";
    std::fs::write(&file, format!("# doc_id = {SAMPLE_DOC}\nكلمة O\nغريبة B-Location\n\n{good}")).unwrap();
    let o = import(&dir, &file, "huda", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("two.conll:2: token «كلمة»"), "{}", text(&o));
    assert!(text(&o).contains("import the valid documents with --partial"), "{}", text(&o));
    let o = import(&dir, &file, "huda", &["--partial"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("two.conll:2: token «كلمة»"), "{}", text(&o));
    assert!(text(&o).contains("created document `two-2`"), "{}", text(&o));
    assert_eq!(mentions(&dir, "two-2", "huda"), [("حقل العمر".to_owned(), "LOCATION".to_owned())]);
    assert!(mentions(&dir, SAMPLE_DOC, "huda").is_empty());
}

#[test]
fn tokens_of_a_document_of_the_project_are_placed_in_it_by_doc_or_by_text() {
    let (tmp, dir) = sample_copy();
    // The sample's first line as ANERcorp would tokenize it, without blank lines.
    let tokens = "ميليشيات B-ORG\nإيران I-ORG\nتقصف O\nقاعدة O\nللتحالف B-ORG\nالدولي I-ORG\nشرق O\nسوريا B-LOC\n";
    let file = tmp.path().join("first-line.txt");
    std::fs::write(&file, tokens).unwrap();
    let maps = ["--map", "ORG=ACTOR", "--map", "LOC=LOCATION"];
    let o = import(&dir, &file, "huda", &[&maps[..], &["--doc", SAMPLE_DOC]].concat());
    assert!(o.status.success(), "{}", text(&o));
    let got = mentions(&dir, SAMPLE_DOC, "huda");
    let names: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(names, ["ميليشيات إيران", "للتحالف الدولي", "سوريا"]);
    // A file naming another document of the project than --doc is refused.
    let named = tmp.path().join("named.conll");
    std::fs::write(&named, format!("# doc_id = {SAMPLE_DOC}\n{tokens}")).unwrap();
    assert!(import(&dir, &fixture("anercorp.txt"), "ali", &ANER_MAP).status.success());
    let o = import(&dir, &named, "huda", &[&maps[..], &["--doc", "anercorp-1"]].concat());
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let expected = format!("named.conll:1: the file says document `{SAMPLE_DOC}`, but --doc names `anercorp-1`");
    assert!(text(&o).contains(&expected), "{}", text(&o));
    // Without --doc the tokens are not the whole text of any document: a new one is made.
    let o = import(&dir, &file, "ali", &maps);
    assert!(text(&o).contains("created document `first-line-1`"), "{}", text(&o));
}

#[test]
fn bioes_ill_formed_is_refused_with_file_and_line() {
    let (tmp, dir) = sample_copy();
    let file = tmp.path().join("bioes.conll");
    std::fs::write(&file, "قصف O\nحقل B-LOC\nالعمر I-LOC\n\nأمس S-TIME\n").unwrap();
    let o = import(&dir, &file, "huda", &["--map", "LOC=LOCATION"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("bioes.conll:3: the span of LOC begun on line 2 is not ended by E-LOC"), "{}", text(&o));
}

#[test]
fn conll_suggestions_are_placed_in_the_document_they_tag() {
    let (tmp, dir) = sample_copy();
    let file = export_sample(&dir, &tmp.path().join("out"));
    let args = ["import-suggestions", s(&dir), s(&file), "--source", "conll-tagger", "--format", "conll"];
    let o = tarmeez(&args);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("imported 24 into 1 document"), "{}", text(&o));
    // A file of tokens no document has: suggestions make no documents.
    let o = tarmeez(&["import-suggestions", s(&dir), s(&fixture("anercorp.txt")), "--source", "aner"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("no document of the project has these tokens"), "{}", text(&o));
}

#[test]
fn found_types_lists_the_file_labels_in_order() {
    let file = tarmeez::formats::conll::read_file(&fixture("anercorp.txt"), None).unwrap();
    let found = tarmeez::formats::conll::found_types(&file);
    assert_eq!(found.entities, ["PERS", "ORG", "LOC"]);
}

#[test]
fn file_import_annotations_reads_conll_into_ones_layer_undoably() {
    use egui_kittest::kittest::Queryable as _;
    let (tmp, dir) = sample_copy();
    let file = export_sample(&dir, &tmp.path().join("out"));
    let mut h = common::window(tarmeez::ui::TarmeezApp::new(Some(open_as(&dir, "huda")), None));
    h.state_mut().open_annotations_file(file);
    h.run();
    h.get_by_label("CoNLL / IOB columns");
    h.get_by_label_contains("IOB2 tags (");
    h.get_by_label_contains("24 mentions, 0 events into 1 document");
    h.get_by_label("Import into my layer").click();
    h.run();
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    let layer = |h: &egui_kittest::Harness<'_, tarmeez::ui::TarmeezApp>| {
        let loaded = h.state().project().unwrap().document(&doc).unwrap().loaded().unwrap();
        loaded.layers.get(&tarmeez::model::Annotator::parse("huda").unwrap()).map_or(0, |l| l.mentions.len())
    };
    assert_eq!(layer(&h), 24);
    common::press(&mut h, eframe::egui::Modifiers::COMMAND, eframe::egui::Key::Z);
    assert_eq!(layer(&h), 0, "one Ctrl+Z takes the import back");

    // Labels the schema lacks are listed, each to map onto a type or to add.
    h.state_mut().open_annotations_file(fixture("anercorp.txt"));
    h.run();
    h.get_by_label("Type for label PERS");
    // A file whose tokens no document has: the window says how to create it, and imports nothing.
    let new = tmp.path().join("new.conll");
    std::fs::write(&new, "حقل B-LOCATION\nالعمر I-LOCATION\n").unwrap();
    h.state_mut().open_annotations_file(new);
    h.run();
    h.get_by_label_contains("creates them from the tokens");
}

#[test]
fn an_import_stopped_after_making_its_documents_is_finished_by_running_it_again() {
    let (_tmp, dir) = sample_copy();
    let file = fixture("anercorp.txt");
    assert!(import(&dir, &file, "huda", &ANER_MAP).status.success());
    // As if stopped between writing the new document and saving the layer.
    std::fs::remove_file(dir.join("annotations/anercorp-1/huda.ron")).unwrap();
    let o = import(&dir, &file, "huda", &ANER_MAP);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("0 document(s) created"), "{}", text(&o));
    assert_eq!(mentions(&dir, "anercorp-1", "huda").len(), 4);
    let docs = std::fs::read_dir(dir.join("documents")).unwrap().count();
    assert_eq!(docs, 4, "no second copy of the document");
}
