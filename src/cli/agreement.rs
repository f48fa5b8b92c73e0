//! `tarmeez agreement`: how far coders agree on mentions, for a selection of coders, types and documents,
//! as tables for reading, CSV or JSON (`agreement_out.rs`).

use crate::*;
use tarmeez::model::EntityTypeId;
use tarmeez::workflow::agreement::{
    Interval, Pooled, RESAMPLES, SEED, SelectError, Selection, SpanReport, f1s, select, span_report,
};

/// The command's options as given.
pub(crate) struct Options {
    /// `--coders`, comma-separated.
    pub coders: Option<String>,
    /// `--types`, comma-separated.
    pub types: Option<String>,
    /// `--docs`, comma-separated.
    pub docs: Option<String>,
    /// `--format`.
    pub format: AgreementFormat,
}

/// The names of a comma-separated option, each parsed by `parse`.
fn list<T, E: std::fmt::Display>(
    option: &str,
    value: Option<&String>,
    parse: impl Fn(&str) -> Result<T, E>,
) -> Result<Option<Vec<T>>> {
    let Some(value) = value else { return Ok(None) };
    let names = value.split(',').map(str::trim).filter(|n| !n.is_empty());
    let parsed: Result<Vec<T>, E> = names.map(parse).collect();
    Ok(Some(parsed.map_err(|e| anyhow::anyhow!("{option}: {e}"))?))
}

pub(crate) fn agreement(dir: &Path, options: &Options) -> Result<ExitCode> {
    let project = crate::cli::project::open_read_only(dir).with_context(|| format!("cannot open {}", dir.display()))?;
    let selection = Selection {
        coders: list("--coders", options.coders.as_ref(), Annotator::parse)?,
        types: list("--types", options.types.as_ref(), |t| Ok::<_, String>(EntityTypeId::new(t)))?,
        documents: list("--docs", options.docs.as_ref(), DocId::parse)?,
    };
    let data = match select(&project, &selection) {
        Ok(data) => data,
        // A project with fewer than two coders has nothing to compare yet: said, not an error.
        Err(SelectError::TooFewCoders(n)) if selection.coders.is_none() => {
            outln!("Agreement needs two coders; this project has {n}.");
            return Ok(ExitCode::SUCCESS);
        }
        Err(e) => {
            let option = match e {
                SelectError::UnknownType(_) => "--types: ",
                SelectError::UnknownDocument(_) => "--docs: ",
                SelectError::UnknownCoder(_) | SelectError::TooFewCoders(_) => "--coders: ",
            };
            anyhow::bail!("{option}{e}")
        }
    };
    let report = span_report(&data, RESAMPLES, SEED);
    match options.format {
        AgreementFormat::Table => table(&report, &data.types)?,
        AgreementFormat::Csv => crate::cli::agreement_out::csv(&report, &data.types)?,
        AgreementFormat::Json => outln!("{}", crate::cli::agreement_out::json(&report, &data.types)),
    }
    Ok(ExitCode::SUCCESS)
}

/// A ratio to three places, or a dash where it is undefined.
pub(crate) fn ratio(value: Option<f64>) -> String {
    value.map_or("–".to_owned(), |v| format!("{v:.3}"))
}

/// A figure with its interval: `0.567 [0.512, 0.620]`.
fn with_interval(value: Option<f64>, interval: Option<Interval>) -> String {
    match (value, interval) {
        (Some(_), Some(i)) => format!("{} [{:.3}, {:.3}]", ratio(value), i.low, i.high),
        _ => ratio(value),
    }
}

/// The three F1s of pooled counts, each with its interval, in columns.
fn f1_columns(p: &Pooled) -> String {
    let f = f1s(&p.counts);
    (0..3).map(|i| format!("{:<22}", with_interval(f[i], p.intervals[i]))).collect::<Vec<_>>().join(" ")
}

fn table(r: &SpanReport, types: &[EntityTypeId]) -> Result<()> {
    outln!(
        "Agreement on mentions: {} coders, {} documents ({} coded by all). Pooled: the counts of all documents are added",
        r.coders.len(),
        r.documents,
        r.all_coded
    );
    outln!("before any ratio. [low, high]: 95% interval from {RESAMPLES} bootstrap resamples of the documents.");
    outln!();
    outln!(
        "{:<24} {:>5}  {:<22} {:<22} {:<22} {}",
        "pair",
        "docs",
        "F1 strict",
        "F1 lenient",
        "F1 clitic-lenient",
        "Cohen's kappa"
    );
    for p in &r.pairs {
        let name = format!("{} – {}", p.first, p.second);
        outln!("{name:<24} {:>5}  {} {}", p.documents, f1_columns(&p.pooled), with_interval(p.kappa.0, p.kappa.1));
    }
    outln!("{:<24} {:>5}  {}", "all pairs", "", f1_columns(&r.overall).trim_end());
    outln!();
    outln!(
        "{:<24} {:>5}  {:<22} {:<22} {:<22} {}",
        "type (all pairs)",
        "",
        "F1 strict",
        "F1 lenient",
        "F1 clitic-lenient",
        "alpha-U"
    );
    for t in &r.per_type {
        outln!("{:<24} {:>5}  {} {}", t.entity_type.as_str(), "", f1_columns(&t.pooled), ratio(t.alpha_u));
    }
    outln!();
    matrix(r)?;
    outln!();
    if r.coders.len() > 2 {
        outln!(
            "Fleiss' kappa, {} coders on the {} documents all coded: {}",
            r.coders.len(),
            r.all_coded,
            with_interval(r.fleiss.0, r.fleiss.1)
        );
    }
    outln!("Krippendorff's alpha on code points (nominal; a coder without a layer missing): {}", ratio(r.alpha));
    let names: Vec<&str> = types.iter().map(EntityTypeId::as_str).collect();
    outln!(
        "Alpha-U (unitizing; {}) on the {} documents all coded: {}",
        names.join(", "),
        r.all_coded,
        ratio(r.alpha_u)
    );
    Ok(())
}

/// The coder-by-coder matrix: strict F1 above the diagonal, Cohen's kappa below.
fn matrix(r: &SpanReport) -> Result<()> {
    outln!("Coder by coder: F1 strict above the diagonal, Cohen's kappa below.");
    let header: Vec<String> = r.coders.iter().map(|c| format!("{:>10}", c.as_str())).collect();
    outln!("{:<12}{}", "", header.join(""));
    for (i, row) in r.coders.iter().enumerate() {
        let cells: Vec<String> = r
            .coders
            .iter()
            .enumerate()
            .map(|(j, _)| {
                let pair = r.pairs.iter().find(|p| (p.first == r.coders[i.min(j)]) && (p.second == r.coders[i.max(j)]));
                let value = match (pair, i.cmp(&j)) {
                    (Some(p), std::cmp::Ordering::Less) => ratio(p.pooled.counts.strict.f1()),
                    (Some(p), std::cmp::Ordering::Greater) => ratio(p.kappa.0),
                    _ => "·".to_owned(),
                };
                format!("{value:>10}")
            })
            .collect();
        outln!("{:<12}{}", row.as_str(), cells.join(""));
    }
    Ok(())
}
