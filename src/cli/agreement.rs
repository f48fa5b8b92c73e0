//! `tarmeez agreement`: how far coders agree on mentions, pooled over the documents each pair coded.

use crate::*;
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
    Ok(ExitCode::SUCCESS)
}
