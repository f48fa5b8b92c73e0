//! The agreement fixture (tests/fixtures/agreement-project/, written by scripts/agreement/make_fixture.py): a
//! valid project that the app opens, with three coders who differ in the ways the measures count.

use crate::common;

use common::open_read_only;
use std::path::{Path, PathBuf};
use std::process::Command;
use tarmeez::model::Annotator;
use tarmeez::workflow::agreement::coders;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agreement-project")
}

#[test]
fn the_fixture_opens_without_problems_and_has_what_the_measures_need() {
    let project = open_read_only(&fixture());
    project.load_all();
    let problems: Vec<String> = project.problems().map(|p| p.to_string()).collect();
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(project.documents().len(), 20);
    let names: Vec<String> = coders(&project).iter().map(ToString::to_string).collect();
    assert_eq!(names, ["huda", "layla", "omar"]);
    // The seed article is among the documents, its text as in the corpus.
    let seed = project.documents().iter().find(|d| d.id.as_str() == common::SAMPLE_DOC).unwrap();
    let corpus = std::fs::read_to_string(common::sample_dir().join("documents/al-omar-oilfield-2021-06-29.txt"));
    assert_eq!(seed.loaded().unwrap().text.as_str(), corpus.unwrap());
    // omar did not code one document; layla coded one and marked nothing.
    let omar = Annotator::parse("omar").unwrap();
    let layla = Annotator::parse("layla").unwrap();
    let layers = |d: &tarmeez::store::DocEntry| d.loaded().unwrap().layers.clone();
    assert_eq!(project.documents().iter().filter(|d| !layers(d).contains_key(&omar)).count(), 1);
    assert!(project.documents().iter().any(|d| layers(d).get(&layla).is_some_and(|l| l.mentions.is_empty())));
    let events: usize = project.documents().iter().flat_map(|d| layers(d).into_values()).map(|l| l.events.len()).sum();
    assert!(events > 60, "{events} events");
}

#[test]
fn tarmeez_validate_passes_on_the_fixture() {
    let out = Command::new(env!("CARGO_BIN_EXE_tarmeez")).arg("validate").arg(fixture()).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.contains("20 document(s), no problems"), "{text}");
}

/// The figures scripts/agreement/reference.py computed with nltk, krippendorff and its own counting.
fn expected() -> serde_json::Value {
    let text = std::fs::read_to_string(fixture().with_extension("expected.json")).unwrap();
    serde_json::from_str::<serde_json::Value>(&text).unwrap()["spans"].clone()
}

/// `actual` equals the reference's number (or both are undefined), to 1e-9.
fn close(actual: Option<f64>, expected: &serde_json::Value, what: &str) {
    match (actual, expected.as_f64()) {
        (Some(a), Some(e)) => assert!((a - e).abs() < 1e-9, "{what}: {a} against the reference's {e}"),
        (None, None) => {}
        (a, _) => panic!("{what}: {a:?} against the reference's {expected}"),
    }
}

fn counts_equal(actual: tarmeez::workflow::agreement::SpanCounts, expected: &serde_json::Value, what: &str) {
    let field = |k: &str| expected[k].as_u64().unwrap() as usize;
    assert_eq!(
        (actual.first, actual.second, actual.first_matched, actual.second_matched),
        (field("first"), field("second"), field("first_matched"), field("second_matched")),
        "{what}"
    );
    close(actual.f1(), &expected["f1"], what);
}

fn counts_of(actual: &tarmeez::workflow::agreement::MatchCounts, expected: &serde_json::Value, what: &str) {
    counts_equal(actual.strict, &expected["strict"], &format!("{what} strict"));
    counts_equal(actual.lenient, &expected["lenient"], &format!("{what} lenient"));
    counts_equal(actual.clitic, &expected["clitic"], &format!("{what} clitic"));
}

#[test]
fn the_span_report_equals_the_reference_in_every_figure() {
    use tarmeez::workflow::agreement::{Selection, select, span_report};
    let project = open_read_only(&fixture());
    let expected = expected();
    let data = select(&project, &Selection::default()).unwrap();
    let report = span_report(&data, 50, 14);
    assert_eq!(report.documents as u64, expected["documents"].as_u64().unwrap());
    for (pair, want) in report.pairs.iter().zip(expected["pairs"].as_array().unwrap()) {
        let name = format!("{}–{}", pair.first, pair.second);
        assert_eq!(pair.first.as_str(), want["first"].as_str().unwrap());
        assert_eq!(pair.documents as u64, want["documents"].as_u64().unwrap(), "{name}");
        counts_of(&pair.pooled.counts, want, &name);
        close(pair.kappa.0, &want["cohen_kappa"], &format!("{name} Cohen's kappa"));
        for (t, counts) in data.types.iter().zip(&pair.per_type) {
            counts_of(counts, &want["per_type"][t.as_str()], &format!("{name} {t}"));
        }
        assert_eq!(pair.per_document.len(), want["per_document"].as_object().unwrap().len(), "{name}");
        for doc in &pair.per_document {
            let w = &want["per_document"][doc.document.as_str()];
            close(doc.counts.strict.f1(), &w["strict"], &format!("{name} {} strict", doc.document));
            close(doc.counts.lenient.f1(), &w["lenient"], &format!("{name} {} lenient", doc.document));
            close(doc.counts.clitic.f1(), &w["clitic"], &format!("{name} {} clitic", doc.document));
        }
        let mut confusion = serde_json::Map::new();
        for ((a, b), n) in &pair.confusion {
            let label =
                |t: &Option<tarmeez::model::EntityTypeId>| t.as_ref().map_or("none".to_owned(), |t| t.to_string());
            let row = confusion.entry(label(a)).or_insert_with(|| serde_json::json!({}));
            row[label(b)] = serde_json::json!(n);
        }
        assert_eq!(serde_json::Value::Object(confusion), want["confusion"], "{name} confusion");
    }
    counts_of(&report.overall.counts, &expected["overall"], "all pairs");
    close(report.fleiss.0, &expected["fleiss_kappa"], "Fleiss' kappa");
    assert_eq!(report.all_coded as u64, expected["fleiss_documents"].as_u64().unwrap());
    close(report.alpha, &expected["alpha_nominal_code_points"], "alpha on code points");
}
