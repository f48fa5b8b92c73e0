//! `tarmeez agreement`: how far coders agree on mentions, for a selection of coders, types and documents,
//! as tables for reading, CSV or JSON (`agreement_out.rs`).

use crate::*;
use tarmeez::model::EntityTypeId;
use tarmeez::workflow::agreement::relations::{RelationAgreement, relation_agreement};
use tarmeez::workflow::agreement::{EventPairAgreement, EventScope, Metric, SpanData, attribute_alpha, event_pairwise};
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
    /// `--diagnosis`: where to write the disagreement units.
    pub diagnosis: Option<std::path::PathBuf>,
}

/// The names of a comma-separated option, each parsed by `parse`.
pub(crate) fn list<T, E: std::fmt::Display>(
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
    if let Some(path) = &options.diagnosis {
        let docs = selection.documents.clone().unwrap_or_default();
        crate::cli::curate::write_diagnosis(&project, &data.coders, &docs, path)?;
    }
    let documents = data.documents.iter().map(|d| d.id.clone()).collect();
    let relations = relation_agreement(&project, &data.coders, Some(&documents));
    match options.format {
        AgreementFormat::Table => {
            table(&report, &data.types)?;
            event_table(&project, &data)?;
            relation_table(&relations)?;
        }
        AgreementFormat::Csv => crate::cli::agreement_out::csv(&report, &data.types, &relations)?,
        AgreementFormat::Json => outln!("{}", crate::cli::agreement_out::json(&report, &data.types, &relations)),
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

// --- Events: trigger and argument F1 per pair, alpha per event attribute (README, "Agreement") ---------------

/// A pair's event figures, three lines: the events each coder marked, then the trigger and the argument F1s,
/// each with its bootstrap 95% interval over the documents.
fn event_pair_lines(p: &EventPairAgreement) -> [String; 3] {
    let c = &p.pooled;
    let f = c.f1s();
    let i = p.intervals(RESAMPLES, SEED);
    let show = |k: usize| with_interval(f[k], i[k]);
    [
        format!(
            "  {} – {}: {} events against {}",
            p.first, p.second, c.triggers_lenient.first, c.triggers_lenient.second
        ),
        format!("    trigger F1   strict {}  lenient {}", show(0), show(1)),
        format!("    argument F1  strict {}  lenient {}  by actor {}", show(2), show(3), show(4)),
    ]
}

fn metric_name(metric: Metric) -> &'static str {
    match metric {
        Metric::Nominal => "nominal",
        Metric::Ordinal => "ordinal",
        Metric::Interval => "interval",
    }
}

/// The event figures of the table for the selected coders and documents (every event type: `--types` names
/// entity types): one line per coder pair, then alpha per event attribute; nothing when no chosen coder
/// marked an event.
fn event_lines(project: &tarmeez::store::Project, chosen: &[Annotator], scope: &EventScope) -> Vec<String> {
    let pairs = event_pairwise(project, chosen, scope);
    if pairs.iter().all(|p| p.pooled.triggers_lenient.first + p.pooled.triggers_lenient.second == 0) {
        return Vec::new();
    }
    let mut out = vec![format!(
        "Agreement on events, pooled over the documents each pair coded; [low, high]: 95% interval from \
         {RESAMPLES} bootstrap resamples of the documents:"
    )];
    out.extend(pairs.iter().flat_map(event_pair_lines));
    let alphas = attribute_alpha(project, chosen, scope);
    if !alphas.is_empty() {
        out.push(format!(
            "Krippendorff's alpha per event attribute, events aligned across all {} coders, with its interval:",
            chosen.len()
        ));
    }
    for a in alphas {
        let (name, units) = (metric_name(a.metric), a.units);
        let alpha = with_interval(a.alpha, a.interval(RESAMPLES, SEED));
        out.push(format!("  {} ({name}): {alpha} on {units} events with values from two or more coders", a.attribute));
    }
    out
}

/// Prints [`event_lines`] for the coders and documents of `data`.
fn event_table(project: &tarmeez::store::Project, data: &SpanData) -> Result<()> {
    let scope = EventScope { documents: Some(data.documents.iter().map(|d| d.id.clone()).collect()), types: None };
    let lines = event_lines(project, &data.coders, &scope);
    if !lines.is_empty() {
        outln!();
    }
    for line in lines {
        outln!("{line}");
    }
    Ok(())
}

/// Prints the relation lines (`agreement_relations.rs`), after a blank line, when any coder related anything.
fn relation_table(relations: &[RelationAgreement]) -> Result<()> {
    let lines = crate::cli::agreement_relations::table_lines(relations);
    if !lines.is_empty() {
        outln!();
    }
    for line in lines {
        outln!("{line}");
    }
    Ok(())
}
