//! `tarmeez agreement` on a copy of the sample: a second coder who marked the same mentions but one.

use crate::common;

use common::{SAMPLE_DOC, open_as, sample_copy};
use std::process::Command;
use tarmeez::model::{Annotator, DocId, Edit};

fn agreement(dir: &std::path::Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tarmeez")).arg("agreement").arg(dir).args(args).output().unwrap();
    (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn two_coders_who_differ_by_one_mention_agree_as_counted_by_hand() {
    let (_tmp, dir) = sample_copy();
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    let mut huda = open_as(&dir, "huda");
    let sample = huda.load_document(&doc).unwrap().layers[&Annotator::parse("sample").unwrap()].clone();
    let n = sample.mentions.len();
    // Huda marks every mention the sample coder marked but the first (spans and types only).
    let edits = sample
        .mentions
        .iter()
        .skip(1)
        .map(|(id, m)| Edit::PutMention(*id, Some(tarmeez::model::Mention::new(m.span, m.entity_type.clone()))))
        .collect();
    huda.apply(&doc, Edit::Batch(edits)).unwrap();
    huda.save_dirty().unwrap();
    drop(huda);

    let (ok, out) = agreement(&dir, &["--format", "csv"]);
    assert!(ok, "{out}");
    // Strict F1 = 2·(n−1) / (n + n−1): every one of huda's n−1 is the sample's, n−1 of the sample's n are huda's.
    let f1 = 2.0 * (n - 1) as f64 / (2 * n - 1) as f64;
    for measure in ["f1_strict", "f1_lenient", "f1_clitic"] {
        let value = figure(&out, &["pair", "huda", "sample", "", "", "", measure]);
        assert!((value - f1).abs() < 1e-12, "{measure}: {value}\n{out}");
    }
    let (ok, table) = agreement(&dir, &[]);
    assert!(ok && table.contains(&format!("huda – sample                1  {f1:.3}")), "{table}");

    let (ok, out) = agreement(&dir, &["--coders", "huda,nobody"]);
    assert!(!ok && out.contains("--coders: `nobody` has coded no document"), "{out}");
}

/// The value of the CSV row that starts with `key` (its first seven columns).
fn figure(csv: &str, key: &[&str]) -> f64 {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let row = reader.records().map(Result::unwrap).find(|r| r.iter().take(7).eq(key.iter().copied()));
    row.unwrap_or_else(|| panic!("no row {key:?} in\n{csv}"))[7].parse().unwrap()
}

fn fixture() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agreement-project")
}

fn reference() -> serde_json::Value {
    let text = std::fs::read_to_string(fixture().with_extension("expected.json")).unwrap();
    serde_json::from_str::<serde_json::Value>(&text).unwrap()["spans"].clone()
}

#[test]
fn the_table_shows_pairs_types_matrix_fleiss_and_alpha_u() {
    let (ok, out) = agreement(&fixture(), &[]);
    assert!(ok, "{out}");
    let fleiss = reference()["fleiss_kappa"].as_f64().unwrap();
    for part in [
        "3 coders, 20 documents (19 coded by all)",
        "huda – layla",
        "layla – omar",
        "all pairs",
        "type (all pairs)",
        "Coder by coder: F1 strict above the diagonal, Cohen's kappa below.",
        &format!("Fleiss' kappa, 3 coders on the 19 documents all coded: {fleiss:.3} ["),
        "Alpha-U (unitizing; ACTOR, LOCATION, TIME, WEAPON, CASUALTIES, SOURCE) on the 19 documents all coded: 0.",
        // Type names are padded like the pairs, so the columns line up.
        &format!("{:<24} {:>5}  0.", "LOCATION", ""),
    ] {
        assert!(out.contains(part), "{part}\n{out}");
    }
}

#[test]
fn json_and_csv_give_the_reference_figures() {
    let want = reference();
    let (ok, out) = agreement(&fixture(), &["--format", "json"]);
    assert!(ok, "{out}");
    let got: serde_json::Value = serde_json::from_str(&out).unwrap();
    let (ok, csv) = agreement(&fixture(), &["--format", "csv"]);
    assert!(ok, "{csv}");
    assert!(csv.starts_with("level,first,second,document,type,other_type,measure,value,low,high\n"), "{csv}");
    for (g, w) in got["pairs"].as_array().unwrap().iter().zip(want["pairs"].as_array().unwrap()) {
        let (a, b) = (w["first"].as_str().unwrap(), w["second"].as_str().unwrap());
        for how in ["strict", "lenient", "clitic"] {
            let expected = w[how]["f1"].as_f64().unwrap();
            assert!((g[how]["f1"].as_f64().unwrap() - expected).abs() < 1e-9, "{a}–{b} {how}");
            let from_csv = figure(&csv, &["pair", a, b, "", "", "", &format!("f1_{how}")]);
            assert!((from_csv - expected).abs() < 1e-9, "{a}–{b} {how} in the CSV");
            let interval = g[how]["interval"].as_array().unwrap();
            let (low, high) = (interval[0].as_f64().unwrap(), interval[1].as_f64().unwrap());
            assert!(low <= expected && expected <= high, "{a}–{b} {how}: {expected} outside [{low}, {high}]");
        }
        assert!((g["cohen_kappa"].as_f64().unwrap() - w["cohen_kappa"].as_f64().unwrap()).abs() < 1e-9);
        assert_eq!(g["confusion"], w["confusion"], "{a}–{b}");
    }
    let fleiss = figure(&csv, &["all_coders", "", "", "", "", "", "fleiss_kappa"]);
    assert!((fleiss - want["fleiss_kappa"].as_f64().unwrap()).abs() < 1e-9);
}

#[test]
fn types_and_documents_narrow_the_comparison() {
    let want = reference();
    // Only ACTOR: each pair's figures are the reference's ACTOR figures.
    let (ok, csv) = agreement(&fixture(), &["--types", "ACTOR", "--format", "csv"]);
    assert!(ok, "{csv}");
    let actor = &want["pairs"][0]["per_type"]["ACTOR"]["lenient"]["f1"];
    let got = figure(&csv, &["pair", "huda", "layla", "", "", "", "f1_lenient"]);
    assert!((got - actor.as_f64().unwrap()).abs() < 1e-9, "{got} against {actor}");
    // One document: each pair's figures are the reference's figures of that document.
    let (ok, csv) = agreement(&fixture(), &["--docs", "agr-03", "--format", "csv"]);
    assert!(ok, "{csv}");
    let doc = &want["pairs"][2]["per_document"]["agr-03"]["strict"];
    let got = figure(&csv, &["pair", "layla", "omar", "", "", "", "f1_strict"]);
    assert!((got - doc.as_f64().unwrap()).abs() < 1e-9, "{got} against {doc}");
}

#[test]
fn unknown_coders_types_and_documents_are_refused_by_name() {
    for (args, message) in [
        (["--coders", "huda,nobody"], "--coders: `nobody` has coded no document of this project"),
        (["--coders", "huda"], "--coders: agreement needs two coders; the selection has 1"),
        (["--types", "ACTOR,ACTR"], "--types: `ACTR` is not an entity type of this project's schema"),
        (["--docs", "agr-01,agr-99"], "--docs: `agr-99` is not a document of this project"),
    ] {
        let (ok, out) = agreement(&fixture(), &args);
        assert!(!ok && out.contains(message), "{args:?}: {out}");
    }
}

#[test]
fn a_reader_that_stops_early_ends_the_csv_quietly() {
    use std::io::BufRead;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tarmeez"))
        .args(["agreement", fixture().to_str().unwrap(), "--format", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Like `| head -1`: read the header, then close the pipe.
    let mut first = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.starts_with("level,first,second"), "{first}");
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !err.contains("Broken pipe"), "{:?} {err}", out.status);
}

#[test]
fn the_diagnosis_lists_every_disagreement_unit_of_the_chosen_coders_and_documents() {
    let fixture = fixture();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("diagnosis.csv");
    let run = |args: &[&str]| {
        let o = Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    let f = fixture.to_str().unwrap();
    run(&["agreement", f, "--coders", "huda,omar", "--docs", "agr-01,agr-02", "--diagnosis", out.to_str().unwrap()]);
    let written = std::fs::read_to_string(&out).unwrap();
    let rows: Vec<&str> = written.lines().collect();
    assert_eq!(rows[0], "document,kind,start,end,text,disagreement,gold,huda,omar");
    assert!(rows.len() > 2, "{written}");
    assert!(rows[1..].iter().all(|r| r.starts_with("agr-01,") || r.starts_with("agr-02,")), "{written}");
    // The same units as `tarmeez disagreements` lists.
    let listed = run(&["disagreements", f, "--coders", "huda,omar", "--docs", "agr-01,agr-02"]);
    assert_eq!(listed, written);
}
