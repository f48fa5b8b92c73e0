//! `tarmeez agreement --format csv|json`: the report for programs. The CSV has one figure a row under stable
//! columns; the JSON holds the whole report, with the counts behind every F1.

use crate::*;
use serde_json::{Value, json};
use tarmeez::model::EntityTypeId;
use tarmeez::workflow::agreement::relations::RelationAgreement;
use tarmeez::workflow::agreement::{Interval, MatchCounts, Pooled, SpanCounts, SpanReport, f1s};

/// The CSV's columns, in order.
pub(crate) const COLUMNS: [&str; 10] =
    ["level", "first", "second", "document", "type", "other_type", "measure", "value", "low", "high"];

/// The F1 measures' names, in the order of [`f1s`].
const F1_NAMES: [&str; 3] = ["f1_strict", "f1_lenient", "f1_clitic"];

/// One CSV row: where the figure belongs, what it is, its value and interval (empty where undefined).
#[derive(Clone, Copy, Default)]
struct Row<'a> {
    level: &'a str,
    first: &'a str,
    second: &'a str,
    document: &'a str,
    entity_type: &'a str,
    other_type: &'a str,
    measure: &'a str,
    value: Option<f64>,
    interval: Option<Interval>,
}

fn number(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn write_row(w: &mut csv::Writer<Vec<u8>>, r: &Row) -> Result<()> {
    let (low, high) = (r.interval.map(|i| i.low), r.interval.map(|i| i.high));
    let fields = [r.level, r.first, r.second, r.document, r.entity_type, r.other_type, r.measure];
    let mut record: Vec<String> = fields.iter().map(|s| (*s).to_owned()).collect();
    record.extend([number(r.value), number(low), number(high)]);
    w.write_record(&record)?;
    Ok(())
}

/// The three F1 rows of pooled counts (with intervals when given).
fn f1_rows<'a>(base: Row<'a>, counts: &MatchCounts, intervals: [Option<Interval>; 3]) -> Vec<Row<'a>> {
    let f = f1s(counts);
    (0..3).map(|i| Row { measure: F1_NAMES[i], value: f[i], interval: intervals[i], ..base }).collect()
}

/// A type's name, or `none`.
fn type_name(t: &Option<EntityTypeId>) -> &str {
    t.as_ref().map_or("none", EntityTypeId::as_str)
}

/// Every figure of the report as CSV rows on standard output.
pub(crate) fn csv(r: &SpanReport, types: &[EntityTypeId], relations: &[RelationAgreement]) -> Result<()> {
    // Written to memory first and printed with `outln!`, so that a closed pipe (`| head`) ends quietly.
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS)?;
    let mut rows: Vec<Row> = Vec::new();
    for p in &r.pairs {
        let pair = Row { level: "pair", first: p.first.as_str(), second: p.second.as_str(), ..Row::default() };
        rows.extend(f1_rows(pair, &p.pooled.counts, p.pooled.intervals));
        rows.push(Row { measure: "cohen_kappa", value: p.kappa.0, interval: p.kappa.1, ..pair });
        for (t, counts) in types.iter().zip(&p.per_type) {
            let base = Row { level: "pair_type", entity_type: t.as_str(), ..pair };
            rows.extend(f1_rows(base, counts, [None; 3]));
        }
        for d in &p.per_document {
            let base = Row { level: "pair_document", document: d.document.as_str(), ..pair };
            rows.extend(f1_rows(base, &d.counts, [None; 3]));
            rows.push(Row { measure: "cohen_kappa", value: d.kappa, ..base });
        }
        for ((a, b), n) in &p.confusion {
            let (a, b) = (type_name(a), type_name(b));
            rows.push(Row {
                level: "confusion",
                entity_type: a,
                other_type: b,
                measure: "count",
                value: Some(*n as f64),
                ..pair
            });
        }
    }
    rows.extend(f1_rows(Row { level: "all_pairs", ..Row::default() }, &r.overall.counts, r.overall.intervals));
    for t in &r.per_type {
        let base = Row { level: "type", entity_type: t.entity_type.as_str(), ..Row::default() };
        rows.extend(f1_rows(base, &t.pooled.counts, t.pooled.intervals));
        rows.push(Row { measure: "alpha_u", value: t.alpha_u, ..base });
    }
    let all = |measure, value, interval| Row { level: "all_coders", measure, value, interval, ..Row::default() };
    rows.push(all("fleiss_kappa", r.fleiss.0, r.fleiss.1));
    rows.push(all("alpha_nominal", r.alpha, None));
    rows.push(all("alpha_u", r.alpha_u, None));
    for row in &rows {
        write_row(&mut w, row)?;
    }
    for row in crate::cli::agreement_relations::csv_rows(relations) {
        w.write_record(&row)?;
    }
    let bytes = w.into_inner().map_err(|e| anyhow::anyhow!("cannot write the CSV: {e}"))?;
    outln!("{}", String::from_utf8_lossy(&bytes).trim_end_matches('\n'));
    Ok(())
}

fn interval(i: Option<Interval>) -> Value {
    i.map_or(Value::Null, |i| json!([i.low, i.high]))
}

fn counts(c: SpanCounts) -> Value {
    json!({"first": c.first, "second": c.second, "first_matched": c.first_matched,
           "second_matched": c.second_matched, "f1": c.f1()})
}

fn match_counts(c: &MatchCounts) -> Value {
    json!({"strict": counts(c.strict), "lenient": counts(c.lenient), "clitic": counts(c.clitic)})
}

fn pooled(p: &Pooled) -> Value {
    let mut v = match_counts(&p.counts);
    for (name, i) in ["strict", "lenient", "clitic"].iter().zip(p.intervals) {
        v[*name]["interval"] = interval(i);
    }
    v
}

/// The whole report as JSON: the same names as tests/fixtures/agreement-project.expected.json where the
/// figures are the same.
pub(crate) fn json(r: &SpanReport, types: &[EntityTypeId], relations: &[RelationAgreement]) -> String {
    let pairs: Vec<Value> = r
        .pairs
        .iter()
        .map(|p| {
            let mut v = pooled(&p.pooled);
            v["first"] = json!(p.first.as_str());
            v["second"] = json!(p.second.as_str());
            v["documents"] = json!(p.documents);
            v["cohen_kappa"] = json!(p.kappa.0);
            v["cohen_kappa_interval"] = interval(p.kappa.1);
            v["per_type"] = types.iter().zip(&p.per_type).map(|(t, c)| (t.to_string(), match_counts(c))).collect();
            v["per_document"] = p
                .per_document
                .iter()
                .map(|d| (d.document.to_string(), json!({"counts": match_counts(&d.counts), "cohen_kappa": d.kappa})))
                .collect();
            let mut confusion = serde_json::Map::new();
            for ((a, b), n) in &p.confusion {
                let name = |t: &Option<EntityTypeId>| t.as_ref().map_or("none".to_owned(), ToString::to_string);
                let row = confusion.entry(name(a)).or_insert_with(|| json!({}));
                row[name(b)] = json!(n);
            }
            v["confusion"] = Value::Object(confusion);
            v
        })
        .collect();
    let per_type: serde_json::Map<String, Value> = r
        .per_type
        .iter()
        .map(|t| {
            let mut v = pooled(&t.pooled);
            v["alpha_u"] = json!(t.alpha_u);
            (t.entity_type.to_string(), v)
        })
        .collect();
    let report = json!({
        "coders": r.coders.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        "documents": r.documents,
        "pairs": pairs,
        "overall": pooled(&r.overall),
        "per_type": per_type,
        "fleiss_kappa": r.fleiss.0,
        "fleiss_kappa_interval": interval(r.fleiss.1),
        "fleiss_documents": r.all_coded,
        "alpha_nominal_code_points": r.alpha,
        "alpha_u": r.alpha_u,
        "relations": crate::cli::agreement_relations::json_value(relations),
        "bootstrap": {"resamples": tarmeez::workflow::agreement::RESAMPLES, "seed": tarmeez::workflow::agreement::SEED},
    });
    serde_json::to_string_pretty(&report).unwrap_or_default()
}
