//! The relation figures of `tarmeez agreement`: lines of the table, rows of the CSV and the JSON object, for
//! relations between mentions and between events (`workflow::agreement::relations`).

use crate::cli::agreement::ratio;
use serde_json::{Value, json};
use tarmeez::workflow::agreement::relations::{RelationAgreement, RelationKind, RelationPair};
use tarmeez::workflow::agreement::{Interval, RESAMPLES, SEED};

/// What a kind is called in the table.
fn between(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::Mentions => "between mentions",
        RelationKind::Events => "between events",
    }
}

/// A figure with its interval, as the rest of the table prints it.
fn with_interval(value: Option<f64>, interval: Option<Interval>) -> String {
    match (value, interval) {
        (Some(_), Some(i)) => format!("{} [{:.3}, {:.3}]", ratio(value), i.low, i.high),
        _ => ratio(value),
    }
}

/// A pair's confusion on one line: `AFFILIATED_WITH/none 2, none/AFFILIATED_WITH 1` (first coder's label
/// first), agreements included.
fn confusion_line(p: &RelationPair) -> String {
    p.confusion.iter().map(|((a, b), n)| format!("{a}/{b} {n}")).collect::<Vec<_>>().join(", ")
}

/// The table's lines for the relations; nothing when no chosen coder related anything.
pub(crate) fn table_lines(kinds: &[RelationAgreement]) -> Vec<String> {
    if kinds.iter().all(|k| k.relations == 0) {
        return Vec::new();
    }
    let mut out = vec![
        "Agreement on relations: a unit is a pair of ends (the same span and type for every coder) that a coder \
         related; its label is the relation type, \"none\" for a coder who marked both ends and no relation; a \
         coder without both ends has no label (\"unpaired\"). [low, high]: bootstrap 95% interval over documents."
            .to_owned(),
    ];
    for k in kinds.iter().filter(|k| k.relations > 0) {
        out.push(format!(
            "  {}: {} relations; Krippendorff's alpha (nominal) {} on {} units with labels from two or more coders",
            between(k.kind),
            k.relations,
            with_interval(k.alpha, k.alpha_interval(RESAMPLES, SEED)),
            k.units
        ));
        for p in &k.pairs {
            let c = &p.counts;
            out.push(format!(
                "    {} – {}: {} relations against {}, {} the same; F1 {}; Cohen's kappa {} on {} units, {} unpaired",
                p.first,
                p.second,
                c.first,
                c.second,
                c.first_matched,
                with_interval(c.f1(), p.f1_interval(RESAMPLES, SEED)),
                ratio(p.kappa),
                p.units,
                p.unpaired
            ));
            if !p.confusion.is_empty() {
                out.push(format!("      labels ({} / {}): {}", p.first, p.second, confusion_line(p)));
            }
        }
    }
    out
}

/// One CSV row in `agreement_out`'s columns: level, first, second, document, type, other_type, measure,
/// value, low, high.
pub(crate) type CsvRow = [String; 10];

fn row(level: String, pair: (&str, &str), labels: (&str, &str), measure: &str, value: Option<f64>) -> CsvRow {
    let number = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    [level, pair.0.into(), pair.1.into(), String::new(), labels.0.into(), labels.1.into(), measure.into()]
        .into_iter()
        .chain([number(value), String::new(), String::new()])
        .collect::<Vec<String>>()
        .try_into()
        .unwrap_or_default()
}

/// The CSV rows: per kind, `<kind>_relations` (alpha, units), `<kind>_relations_pair` (counts, F1, kappa),
/// `<kind>_relations_confusion` (a count per pair of labels, in the type columns).
pub(crate) fn csv_rows(kinds: &[RelationAgreement]) -> Vec<CsvRow> {
    let mut out = Vec::new();
    for k in kinds {
        let level = |l: &str| format!("{}_relations{l}", k.kind.as_str().trim_end_matches('s'));
        out.push(row(level(""), ("", ""), ("", ""), "alpha_nominal", k.alpha));
        out.push(row(level(""), ("", ""), ("", ""), "units", Some(k.units as f64)));
        for p in &k.pairs {
            let pair = (p.first.as_str(), p.second.as_str());
            let c = &p.counts;
            for (measure, value) in [
                ("relations_first", Some(c.first as f64)),
                ("relations_second", Some(c.second as f64)),
                ("matched", Some(c.first_matched as f64)),
                ("f1", c.f1()),
                ("cohen_kappa", p.kappa),
                ("units", Some(p.units as f64)),
                ("unpaired", Some(p.unpaired as f64)),
            ] {
                out.push(row(level("_pair"), pair, ("", ""), measure, value));
            }
            for ((a, b), n) in &p.confusion {
                out.push(row(level("_confusion"), pair, (a, b), "count", Some(*n as f64)));
            }
        }
    }
    out
}

/// The JSON object: per kind, the names of tests/fixtures/agreement-project.relations.expected.json.
pub(crate) fn json_value(kinds: &[RelationAgreement]) -> Value {
    let kind = |k: &RelationAgreement| {
        let pairs: Vec<Value> = k
            .pairs
            .iter()
            .map(|p| {
                let mut confusion = serde_json::Map::new();
                for ((a, b), n) in &p.confusion {
                    confusion.entry(a.clone()).or_insert_with(|| json!({}))[b] = json!(n);
                }
                json!({"first": p.first.as_str(), "second": p.second.as_str(), "documents": p.documents,
                       "relations_first": p.counts.first, "relations_second": p.counts.second,
                       "matched": p.counts.first_matched, "f1": p.counts.f1(), "units": p.units,
                       "unpaired": p.unpaired, "cohen_kappa": p.kappa, "confusion": confusion})
            })
            .collect();
        json!({"relations": k.relations, "units": k.units, "values": k.values, "alpha": k.alpha, "pairs": pairs})
    };
    kinds.iter().map(|k| (k.kind.as_str().to_owned(), kind(k))).collect()
}
