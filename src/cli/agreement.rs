//! `tarmeez agreement`: how far coders agree on mentions, pooled over the documents each pair coded.

use crate::*;
use tarmeez::workflow::agreement::{EventPairAgreement, EventScope, Metric, attribute_alpha, event_pairwise};
use tarmeez::workflow::agreement::{PairAgreement, coders, fleiss, pairwise};

/// A ratio to three places, or a dash where it is undefined.
fn ratio(value: Option<f64>) -> String {
    value.map_or("–".to_owned(), |v| format!("{v:.3}"))
}

fn pair_line(p: &PairAgreement) -> String {
    format!(
        "  {} – {}: {} documents, F1 strict {} clitic-lenient {} lenient {}, Cohen's kappa {}",
        p.first,
        p.second,
        p.documents,
        ratio(p.strict.f1()),
        ratio(p.clitic.f1()),
        ratio(p.lenient.f1()),
        ratio(p.kappa)
    )
}

pub(crate) fn agreement(dir: &Path, only: Option<&str>) -> Result<ExitCode> {
    let project = crate::cli::project::open_read_only(dir).with_context(|| format!("cannot open {}", dir.display()))?;
    let all = coders(&project);
    let chosen: Vec<Annotator> = match only {
        None => all,
        Some(list) => {
            let mut chosen = Vec::new();
            for name in list.split(',').map(str::trim) {
                let coder = Annotator::parse(name).map_err(|e| anyhow::anyhow!("--coders: {e}"))?;
                if !all.contains(&coder) {
                    anyhow::bail!("--coders: `{coder}` has coded no document of this project");
                }
                chosen.push(coder);
            }
            chosen
        }
    };
    if chosen.len() < 2 {
        outln!("Agreement needs two coders; this project has {}.", chosen.len());
        return Ok(ExitCode::SUCCESS);
    }
    outln!("Agreement on mentions, pooled over the documents each pair coded:");
    for pair in pairwise(&project, &chosen) {
        outln!("{}", pair_line(&pair));
    }
    if chosen.len() > 2 {
        let (kappa, documents) = fleiss(&project, &chosen);
        outln!("Fleiss' kappa of all {} coders on the {documents} documents all coded: {}", chosen.len(), ratio(kappa));
    }
    for line in event_lines(&project, &chosen) {
        outln!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}

// --- Events: trigger and argument F1 per pair, alpha per event attribute (README, "Agreement") ---------------

fn event_pair_line(p: &EventPairAgreement) -> String {
    let c = &p.pooled;
    format!(
        "  {} – {}: {} events against {}, trigger F1 strict {} lenient {}; argument F1 strict {} lenient {} by actor {}",
        p.first,
        p.second,
        c.triggers_lenient.first,
        c.triggers_lenient.second,
        ratio(c.triggers_strict.f1()),
        ratio(c.triggers_lenient.f1()),
        ratio(c.arguments_strict.f1()),
        ratio(c.arguments_lenient.f1()),
        ratio(c.arguments_actor.f1())
    )
}

fn metric_name(metric: Metric) -> &'static str {
    match metric {
        Metric::Nominal => "nominal",
        Metric::Ordinal => "ordinal",
        Metric::Interval => "interval",
    }
}

/// The event figures of the table: one line per coder pair, then alpha per event attribute; nothing when no
/// chosen coder marked an event.
fn event_lines(project: &tarmeez::store::Project, chosen: &[Annotator]) -> Vec<String> {
    let scope = EventScope::default();
    let pairs = event_pairwise(project, chosen, &scope);
    if pairs.iter().all(|p| p.pooled.triggers_lenient.first + p.pooled.triggers_lenient.second == 0) {
        return Vec::new();
    }
    let mut out = vec!["Agreement on events, pooled over the documents each pair coded:".to_owned()];
    out.extend(pairs.iter().map(event_pair_line));
    let alphas = attribute_alpha(project, chosen, &scope);
    if !alphas.is_empty() {
        out.push(format!(
            "Krippendorff's alpha per event attribute, events aligned across all {} coders:",
            chosen.len()
        ));
    }
    for a in alphas {
        let (name, units) = (metric_name(a.metric), a.units);
        out.push(format!(
            "  {} ({name}): {} on {units} events with values from two or more coders",
            a.attribute,
            ratio(a.alpha)
        ));
    }
    out
}
