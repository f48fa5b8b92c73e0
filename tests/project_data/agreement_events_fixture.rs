//! Event agreement on the agreement fixture equals the figures an independent script computed
//! (scripts/agreement/reference_events.py: its own RON reader and counting, alpha from the `krippendorff`
//! package), to 1e-9.

use crate::common;

use common::open_read_only;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use tarmeez::model::{Annotator, EventTypeId};
use tarmeez::workflow::agreement::{
    AttributeAgreement, EventPairAgreement, EventScope, Interval, Metric, RESAMPLES, SEED, SpanCounts, attribute_alpha,
    event_pairwise,
};

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agreement-project")
}

fn expected() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/agreement-project.events.expected.json");
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

fn check_counts(what: &str, expected: &Value, ours: &SpanCounts) {
    let count = |k: &str| expected[k].as_u64().unwrap() as usize;
    assert_eq!(
        (count("first"), count("second"), count("matched"), count("matched")),
        (ours.first, ours.second, ours.first_matched, ours.second_matched),
        "{what}"
    );
    assert!(same(&expected["f1"], ours.f1()), "{what}: {} against {:?}", expected["f1"], ours.f1());
}

fn check_pairs(expected: &Value, ours: &[EventPairAgreement]) {
    let expected = expected.as_array().unwrap();
    assert_eq!(expected.len(), ours.len());
    for (e, o) in expected.iter().zip(ours) {
        let pair = format!("{} – {}", o.first, o.second);
        assert_eq!(
            (e["first"].as_str().unwrap(), e["second"].as_str().unwrap()),
            (o.first.as_str(), o.second.as_str())
        );
        assert_eq!(e["documents"].as_u64().unwrap() as usize, o.per_document.len(), "{pair}");
        let c = &o.pooled;
        check_counts(&format!("{pair} triggers strict"), &e["triggers_strict"], &c.triggers_strict);
        check_counts(&format!("{pair} triggers lenient"), &e["triggers_lenient"], &c.triggers_lenient);
        check_counts(&format!("{pair} arguments strict"), &e["arguments_strict"], &c.arguments_strict);
        check_counts(&format!("{pair} arguments lenient"), &e["arguments_lenient"], &c.arguments_lenient);
        check_counts(&format!("{pair} arguments by actor"), &e["arguments_actor"], &c.arguments_actor);
    }
}

fn check_attributes(expected: &Value, ours: &[AttributeAgreement]) {
    let expected = expected.as_array().unwrap();
    let names: Vec<&str> = expected.iter().map(|e| e["attribute"].as_str().unwrap()).collect();
    let our_names: Vec<&str> = ours.iter().map(|a| a.attribute.as_str()).collect();
    assert_eq!(names, our_names);
    for (e, o) in expected.iter().zip(ours) {
        let metric = match o.metric {
            Metric::Nominal => "nominal",
            Metric::Ordinal => "ordinal",
            Metric::Interval => "interval",
        };
        let what = &o.attribute;
        assert_eq!(e["metric"].as_str().unwrap(), metric, "{what}");
        assert_eq!(e["units"].as_u64().unwrap() as usize, o.units, "{what}");
        assert_eq!(e["values"].as_u64().unwrap() as usize, o.values, "{what}");
        assert!(same(&e["alpha"], o.alpha), "{what}: {} against {:?}", e["alpha"], o.alpha);
    }
}

fn coders(names: &Value) -> Vec<Annotator> {
    names.as_array().unwrap().iter().map(|n| Annotator::parse(n.as_str().unwrap()).unwrap()).collect()
}

#[test]
fn event_figures_of_all_coders_equal_the_reference_script_s() {
    let (project, expected) = (open_read_only(&fixture()), expected());
    let all = coders(&expected["coders"]);
    let scope = EventScope::default();
    check_pairs(&expected["all_types"]["pairs"], &event_pairwise(&project, &all, &scope));
    check_attributes(&expected["all_types"]["attributes"], &attribute_alpha(&project, &all, &scope));
}

#[test]
fn event_figures_of_one_event_type_equal_the_reference_script_s() {
    let (project, expected) = (open_read_only(&fixture()), expected());
    let all = coders(&expected["coders"]);
    let scope = EventScope { types: Some(BTreeSet::from([EventTypeId::from("ATTACK")])), ..EventScope::default() };
    check_pairs(&expected["attack_only"]["pairs"], &event_pairwise(&project, &all, &scope));
    check_attributes(&expected["attack_only"]["attributes"], &attribute_alpha(&project, &all, &scope));
}

#[test]
fn attribute_alpha_of_two_coders_equals_the_reference_script_s() {
    let (project, expected) = (open_read_only(&fixture()), expected());
    let two = coders(&expected["two_coders"]["coders"]);
    check_attributes(&expected["two_coders"]["attributes"], &attribute_alpha(&project, &two, &EventScope::default()));
}

/// A ratio of the expected figures as the table prints it, with its interval.
fn printed(value: &Value, interval: Option<Interval>) -> String {
    match (value.as_f64(), interval) {
        (None, _) => "–".to_owned(),
        (Some(v), None) => format!("{v:.3}"),
        (Some(v), Some(i)) => format!("{v:.3} [{:.3}, {:.3}]", i.low, i.high),
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

/// The table shows the reference figures; the intervals (which the reference does not compute) are the
/// library's bootstrap with the table's resamples and seed.
#[test]
fn tarmeez_agreement_prints_the_event_figures() {
    let text = tarmeez_agreement(&[]);
    let expected = expected();
    let project = open_read_only(&fixture());
    let ours = event_pairwise(&project, &coders(&expected["coders"]), &EventScope::default());
    for (pair, our) in expected["all_types"]["pairs"].as_array().unwrap().iter().zip(&ours) {
        let intervals = our.intervals(RESAMPLES, SEED);
        let f1 = |k: &str, i: usize| printed(&pair[k]["f1"], intervals[i]);
        let lines = format!(
            "  {} – {}: {} events against {}\n    trigger F1   strict {}  lenient {}\n    argument F1  strict {}  \
             lenient {}  by actor {}\n",
            pair["first"].as_str().unwrap(),
            pair["second"].as_str().unwrap(),
            pair["triggers_lenient"]["first"],
            pair["triggers_lenient"]["second"],
            f1("triggers_strict", 0),
            f1("triggers_lenient", 1),
            f1("arguments_strict", 2),
            f1("arguments_lenient", 3),
            f1("arguments_actor", 4),
        );
        assert!(text.contains(&lines), "{lines}\n{text}");
    }
    let attributes = attribute_alpha(&project, &coders(&expected["coders"]), &EventScope::default());
    for (a, our) in expected["all_types"]["attributes"].as_array().unwrap().iter().zip(&attributes) {
        let line = format!(
            "  {} ({}): {} on {} events with values from two or more coders",
            a["attribute"].as_str().unwrap(),
            a["metric"].as_str().unwrap(),
            printed(&a["alpha"], our.interval(RESAMPLES, SEED)),
            a["units"]
        );
        assert!(text.contains(&line), "{line}\n{text}");
    }
}

#[test]
fn tarmeez_agreement_limits_the_event_figures_to_the_chosen_coders_and_documents() {
    let text = tarmeez_agreement(&["--coders", "huda,omar", "--docs", "agr-01,agr-02,agr-03"]);
    let project = open_read_only(&fixture());
    let coders = coders(&serde_json::json!(["huda", "omar"]));
    let documents = ["agr-01", "agr-02", "agr-03"].map(|d| tarmeez::model::DocId::parse(d).unwrap());
    let scope = EventScope { documents: Some(documents.into_iter().collect()), types: None };
    let pairs = event_pairwise(&project, &coders, &scope);
    assert_eq!(pairs.len(), 1);
    let c = &pairs[0].pooled;
    let line = format!("  huda – omar: {} events against {}\n", c.triggers_lenient.first, c.triggers_lenient.second);
    assert!(text.contains(&line), "{line}\n{text}");
    let strict = printed(&serde_json::json!(c.triggers_strict.f1()), pairs[0].intervals(RESAMPLES, SEED)[0]);
    assert!(text.contains(&format!("    trigger F1   strict {strict}  ")), "{strict}\n{text}");
    assert!(!text.contains("layla –"), "{text}");
    assert!(c.triggers_lenient.first < 12, "three documents only: {c:?}");
}
