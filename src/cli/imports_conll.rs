//! `import-annotations --format conll` and `import-suggestions --format conll`: CoNLL columns placed in the
//! project's documents (see `tarmeez::formats::conll`).

use crate::cli::imports::{AnnotationOptions, SuggestionOptions, open_for_import, say_what_it_looks_like};
use crate::*;
use tarmeez::formats::conll::{self, ConllError, ImportOptions, Scheme};

/// `--scheme`, read.
fn scheme(name: Option<&str>) -> Result<Option<Scheme>> {
    name.map(|n| {
        Scheme::from_name(n).ok_or_else(|| anyhow::anyhow!("--scheme {n}: expected iob1, iob2, bioes or bilou"))
    })
    .transpose()
}

/// `import-annotations --format conll`: the file's spans into the coder's layer, the documents the project
/// lacks created from the tokens.
pub(crate) fn import_conll(
    dir: &Path,
    path: &Path,
    options: &AnnotationOptions,
    annotator: Option<&Annotator>,
) -> Result<ExitCode> {
    let Some(annotator) = annotator else {
        anyhow::bail!("give --annotator: the coder whose layer receives the annotations");
    };
    if options.replace {
        anyhow::bail!("--replace is for brat; a CoNLL import adds to the layer and leaves what is there");
    }
    let doc = match &options.doc {
        Some(d) => Some(DocId::parse(d).map_err(|e| anyhow::anyhow!("--doc: {e}"))?),
        None => None,
    };
    let mut project = open_for_import(dir, annotator.clone(), doc.as_ref())?;
    let map = crate::cli::imports::label_map(&mut project, path, options)?;
    let scheme = scheme(options.scheme.as_deref())?;
    let import = ImportOptions { map, partial: options.partial, scheme, doc, schema: None };
    let shown = path.display();
    match conll::import_conll(&mut project, path, &import) {
        Ok(s) => {
            for note in &s.notes {
                outln!("{shown}: note: {note}");
            }
            for p in &s.refused {
                outln!("{shown}:{}: {}", p.line, p.message);
            }
            for id in &s.created {
                outln!("created document `{id}` from the file's tokens");
            }
            outln!(
                "{} mention(s), {} event(s) into {} document(s) for {annotator} ({} already present; {} document(s) created)",
                s.mentions,
                s.events,
                s.documents,
                s.already_present,
                s.created.len()
            );
            if !s.refused.is_empty() {
                outln!("{} problem(s) in the documents left out, listed above", s.refused.len());
                return Ok(ExitCode::FAILURE);
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(ConllError::Refused { problems, valid_docs, .. }) => {
            for p in &problems {
                outln!("{shown}:{}: {}", p.line, p.message);
            }
            say_what_it_looks_like(path, |k| k.annotation_format() == Some(AnnotationFormat::Conll))?;
            let partial = valid_docs > 0 && !options.partial;
            let hint = if partial { " (import the valid documents with --partial)" } else { "" };
            outln!("{} problem(s); nothing was imported{hint}", problems.len());
            Ok(ExitCode::FAILURE)
        }
        Err(e) => {
            outln!("{e}");
            say_what_it_looks_like(path, |k| k.annotation_format() == Some(AnnotationFormat::Conll))?;
            outln!("nothing was imported");
            Ok(ExitCode::FAILURE)
        }
    }
}

/// The suggestions of a CoNLL file, its tokens placed in the project's documents; `None` when the file is
/// not to be read as CoNLL (another `--format`, or not told so by its content).
pub(crate) fn conll_suggestions(
    project: &Project,
    file: &Path,
    options: &SuggestionOptions,
    doc: Option<&DocId>,
) -> Result<Option<suggestions::ParsedFile>> {
    let is_conll = match options.format {
        Some(f) => f == SuggestionFormat::Conll,
        None => {
            file.extension().is_some_and(|e| e.eq_ignore_ascii_case("conll"))
                || sniff::sniff_path(file).is_some_and(|g| g.kind == sniff::Kind::Conll)
        }
    };
    if !is_conll {
        return Ok(None);
    }
    let scheme = scheme(options.scheme.as_deref())?;
    suggestions::read_conll_aligned(project, file, doc, scheme)
        .map(Some)
        .map_err(|e| anyhow::anyhow!("{}: {e}; nothing was imported", file.display()))
}
