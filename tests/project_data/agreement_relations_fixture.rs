//! Relation agreement on the agreement fixture equals the figures an independent script computed
//! (scripts/agreement/reference_relations.py: its own RON reading and counting, kappa from nltk, alpha from the
//! `krippendorff` package), to 1e-9; and `tarmeez agreement` prints and exports them.

use crate::common;

use common::open_read_only;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tarmeez::model::Annotator;
use tarmeez::workflow::agreement::relations::{RelationAgreement, relation_agreement};
use tarmeez::workflow::agreement::{RESAMPLES, SEED};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agreement-project")
}

fn expected() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agreement-project.relations.expected.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Whether an expected ratio (a number, or null where undefined) equals ours to 1e-9.
fn same(expected: &Value, ours: Option<f64>) -> bool {
    match (expected.as_f64(), ours) {
        (None, None) => expected.is_null(),
        (Some(e), Some(o)) => (e - o).abs() < 1e-9,
        _ => false,
    }
}

fn ours() -> Vec<RelationAgreement> {
    let project = open_read_only(&fixture());
    let coders: Vec<Annotator> = ["huda", "layla", "omar"].map(|c| Annotator::parse(c).unwrap()).into();
    relation_agreement(&project, &coders, None)
}

fn check(expected: &Value, ours: &RelationAgreement) {
    let kind = ours.kind.as_str();
    let n = |v: &Value| v.as_u64().unwrap() as usize;
    assert_eq!((n(&expected["relations"]), n(&expected["units"])), (ours.relations, ours.units), "{kind}");
    assert_eq!(n(&expected["values"]), ours.values, "{kind}");
    assert!(same(&expected["alpha"], ours.alpha), "{kind} alpha: {} against {:?}", expected["alpha"], ours.alpha);
    let pairs = expected["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), ours.pairs.len());
    for (e, o) in pairs.iter().zip(&ours.pairs) {
        let what = format!("{kind} {} – {}", o.first, o.second);
        assert_eq!(
            (e["first"].as_str().unwrap(), e["second"].as_str().unwrap()),
            (o.first.as_str(), o.second.as_str())
        );
        let c = &o.counts;
        assert_eq!(
            [n(&e["documents"]), n(&e["relations_first"]), n(&e["relations_second"]), n(&e["matched"])],
            [o.documents, c.first, c.second, c.first_matched],
            "{what}"
        );
        assert_eq!((n(&e["units"]), n(&e["unpaired"])), (o.units, o.unpaired), "{what}");
        assert!(same(&e["f1"], c.f1()), "{what} F1: {} against {:?}", e["f1"], c.f1());
        assert!(same(&e["cohen_kappa"], o.kappa), "{what} kappa: {} against {:?}", e["cohen_kappa"], o.kappa);
        let mut confusion = Vec::new();
        for (a, row) in e["confusion"].as_object().unwrap() {
            for (b, count) in row.as_object().unwrap() {
                confusion.push(((a.clone(), b.clone()), n(count)));
            }
        }
        assert_eq!(confusion, o.confusion.clone().into_iter().collect::<Vec<_>>(), "{what}");
    }
}

#[test]
fn relation_figures_of_both_kinds_equal_the_reference_script_s() {
    let (expected, ours) = (expected(), ours());
    assert_eq!(ours.len(), 2);
    for o in &ours {
        check(&expected[o.kind.as_str()], o);
        // The fixture has relations that agree and that disagree, of both kinds.
        assert!(o.pairs.iter().any(|p| p.counts.first_matched > 0), "{:?}", o.kind);
        assert!(o.pairs.iter().any(|p| p.confusion.keys().any(|(a, b)| a != b)), "{:?}", o.kind);
    }
}

fn tarmeez_agreement(args: &[&str]) -> String {
    let out =
        std::process::Command::new(env!("CARGO_BIN_EXE_tarmeez")).arg("agreement").arg(fixture()).args(args).output();
    let out = out.unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{text}{}", String::from_utf8_lossy(&out.stderr));
    text
}

#[test]
fn tarmeez_agreement_prints_the_relation_figures_in_its_table() {
    let text = tarmeez_agreement(&[]);
    let expected = expected();
    for (kind, name) in [("mentions", "between mentions"), ("events", "between events")] {
        let e = &expected[kind];
        let head = format!(
            "  {name}: {} relations; Krippendorff's alpha (nominal) {:.3} [",
            e["relations"],
            e["alpha"].as_f64().unwrap()
        );
        assert!(text.contains(&head), "{head}\n{text}");
        for p in e["pairs"].as_array().unwrap() {
            let line = format!(
                "    {} – {}: {} relations against {}, {} the same; F1 {:.3} [",
                p["first"].as_str().unwrap(),
                p["second"].as_str().unwrap(),
                p["relations_first"],
                p["relations_second"],
                p["matched"],
                p["f1"].as_f64().unwrap()
            );
            assert!(text.contains(&line), "{line}\n{text}");
        }
    }
}

#[test]
fn tarmeez_agreement_exports_the_relation_figures_as_json_and_csv() {
    let json: Value = serde_json::from_str(&tarmeez_agreement(&["--format", "json"])).unwrap();
    let ours = ours();
    for o in &ours {
        let e = &json["relations"][o.kind.as_str()];
        check(e, o);
        // The interval is the table's; the JSON carries the figures the reference computes.
        assert!(o.alpha_interval(RESAMPLES, SEED).is_some());
    }
    let csv = tarmeez_agreement(&["--format", "csv"]);
    let mentions = &ours[0];
    let p = &mentions.pairs[0];
    let f1_row = format!("mention_relations_pair,{},{},,,,f1,{}", p.first, p.second, p.counts.f1().unwrap());
    assert!(csv.contains(&f1_row), "{f1_row}\n{csv}");
    let alpha_row = format!("event_relations,,,,,,alpha_nominal,{}", ours[1].alpha.unwrap());
    assert!(csv.contains(&alpha_row), "{alpha_row}\n{csv}");
    assert!(csv.contains(",mention_relations_confusion,") || csv.contains("\nmention_relations_confusion,"), "{csv}");
}

/// The Agreement window (Go > Agreement) shows both kinds of relations with the reference's relation count
/// and alpha (as the window rounds it).
#[test]
fn the_agreement_window_shows_the_relation_figures_of_both_kinds() {
    use egui_kittest::kittest::Queryable as _;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("project");
    for (rel, bytes) in common::files(&fixture()) {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let mut h = common::window(tarmeez::ui::TarmeezApp::new(Some(common::open_as(&dir, "huda")), None));
    h.get_by_label("Go").click();
    h.run();
    h.get_by_label("Agreement").click();
    // The report is computed on a worker thread: frames run until it is shown.
    for _ in 0..500 {
        h.step();
        if h.query_by_label_contains("Between mentions:").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
    let e = expected();
    for kind in ["mentions", "events"] {
        let count = e[kind]["relations"].as_u64().unwrap();
        let title = if kind == "mentions" { "Between mentions" } else { "Between events" };
        h.get_by_label(&format!("{title}: {count} relations"));
        let alpha = format!("{:.3}", e[kind]["alpha"].as_f64().unwrap());
        let units = e[kind]["units"].as_u64().unwrap();
        let line = h.query_all_by_label_contains("Krippendorff's alpha (nominal), all coders: ").any(|n| {
            let text = format!("{n:?}");
            text.contains(&format!(": {alpha}")) && text.contains(&format!("on {units} units"))
        });
        assert!(line, "alpha {alpha} on {units} units of {kind}");
    }
}
