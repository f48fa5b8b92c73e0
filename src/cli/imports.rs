//! Jobs that bring files in: import-text, import-docs, import-suggestions, import-annotations.

use crate::*;

pub(crate) fn import_text(dir: &Path, paths: &[PathBuf], annotator: Annotator) -> Result<ExitCode> {
    let mut project = Project::open(dir, OpenOptions { annotator, read_only: false })
        .with_context(|| format!("cannot open {}", dir.display()))?;
    if let tarmeez::store::Access::ReadOnly(why) = project.access() {
        anyhow::bail!("cannot import into {}: {why}", dir.display());
    }
    // The same listing as the window's File > Add text files.
    let collected = plain_text::collect_inputs(paths)?;
    let (files, links) = (collected.files, collected.skipped);
    let mut report = plain_text::import_text_files(&mut project, &files, |_, _| {})?;
    report.skipped.extend(links);
    for (path, id) in &report.imported {
        outln!("imported {} as {id}", path.display());
    }
    for (path, reason) in &report.skipped {
        outln!("skipped  {}: {reason}", path.display());
    }
    outln!("{} imported, {} skipped", report.imported.len(), report.skipped.len());
    Ok(if report.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// `import-docs`: one document per record of a JSON lines or CSV file; progress on stderr for long imports.
pub(crate) fn import_docs(
    dir: &Path,
    file: &Path,
    format: Option<CorpusFormat>,
    columns: &Columns,
    annotator: Annotator,
) -> Result<ExitCode> {
    let mut project = Project::open(dir, OpenOptions { annotator, read_only: false })
        .with_context(|| format!("cannot open {}", dir.display()))?;
    if let tarmeez::store::Access::ReadOnly(why) = project.access() {
        anyhow::bail!("cannot import into {}: {why}", dir.display());
    }
    let shown = file.display();
    let (records, mut skipped) = match corpus::read_records(file, format, columns) {
        Ok(r) => r,
        Err(e) => {
            outln!("{shown}: {e}");
            outln!("nothing was imported");
            return Ok(ExitCode::FAILURE);
        }
    };
    if let Some(note) = corpus::ignored_note(&records) {
        outln!("{shown}: note: {note}");
    }
    // Ctrl+C stops the import between batches of documents: each is written whole, so the project stays valid.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = stop.clone();
    let _ = ctrlc::set_handler(move || flag.store(true, std::sync::atomic::Ordering::SeqCst));
    // The bar is drawn on stderr when it is a terminal, and not at all in scripts and pipes.
    let bar = indicatif::ProgressBar::new(records.len() as u64).with_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} records, {eta} left (Ctrl+C stops)")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let mut report = |done: usize, _total: usize| {
        bar.set_position(done as u64);
        !stop.load(std::sync::atomic::Ordering::SeqCst)
    };
    let total = records.len();
    let outcome = corpus::import_records(&mut project, records, &mut report);
    bar.finish_and_clear();
    for (line, id) in &outcome.imported {
        outln!("imported {shown}:{line} as {id}");
    }
    skipped.extend(outcome.skipped);
    skipped.sort_by_key(|s| s.line);
    for skip in &skipped {
        outln!("skipped  {shown}:{}: {}", skip.line, skip.reason);
    }
    outln!("{} imported, {} skipped", outcome.imported.len(), skipped.len());
    if let Some(e) = outcome.error {
        return Err(anyhow::Error::new(e).context("the import stopped: the project could not be written"));
    }
    if outcome.cancelled {
        outln!(
            "stopped (Ctrl+C) after {} of {total} records: the documents imported stay; run the import again to add \
             the rest (texts already in the project are skipped)",
            bar.position()
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(if skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// The options of `import-suggestions`.
pub(crate) struct SuggestionOptions {
    pub(crate) source: String,
    pub(crate) format: Option<SuggestionFormat>,
    pub(crate) doc: Option<String>,
    pub(crate) map: Vec<String>,
    pub(crate) ignore: Vec<String>,
    pub(crate) partial: bool,
    // Issue 17: CoNLL's tagging scheme.
    pub(crate) scheme: Option<String>,
}

pub(crate) fn import_suggestions(
    dir: &Path,
    file: &Path,
    options: &SuggestionOptions,
    annotator: Annotator,
) -> Result<ExitCode> {
    let source = SourceName::parse(&options.source).map_err(|e| anyhow::anyhow!("--source: {e}"))?;
    let doc = match &options.doc {
        Some(d) => Some(DocId::parse(d).map_err(|e| anyhow::anyhow!("--doc: {e}"))?),
        None => None,
    };
    let mut project = open_for_import(dir, annotator, doc.as_ref())?;
    // The saved mapping, with this command's additions: saved with the import, so each label is asked once.
    let mut mapping = project.config().sources.get(&source).cloned().unwrap_or_default();
    for pair in &options.map {
        let Some((label, ty)) = pair.split_once('=').filter(|(l, t)| !l.is_empty() && !t.is_empty()) else {
            anyhow::bail!("--map {pair}: expected LABEL=TYPE, e.g. --map PER=ACTOR");
        };
        let Some(target) = suggestions::parse_target(ty, &project.config().schema) else {
            let types = type_names(&project.config().schema);
            anyhow::bail!("--map {pair}: `{ty}` is not a type of the schema ({types}), nor `ignore`");
        };
        mapping.labels.insert(label.to_owned(), target);
    }
    for label in &options.ignore {
        mapping.labels.insert(label.clone(), LabelTarget::Ignore);
    }
    let shown = file.display();
    // Issue 17: CoNLL columns are placed in the project's documents as they are read.
    let parsed = match crate::cli::imports_conll::conll_suggestions(&project, file, options, doc.as_ref())? {
        Some(parsed) => Some(parsed),
        None => read_suggestion_file(file, options.format)?,
    };
    let Some(parsed) = parsed else {
        return Ok(ExitCode::FAILURE);
    };
    let report = plan_import(&project, &source, parsed, doc.as_ref(), &mapping);
    for note in &report.notes {
        outln!("{shown}: note: {note}");
    }
    for refusal in &report.refused {
        outln!("{}", located(&shown, &refusal.origin, &refusal.reason));
    }
    let unknown = report.unknown_labels();
    if !unknown.is_empty() {
        outln!(
            "labels without a mapping: {}; map each with --map LABEL=TYPE (TYPE one of {}) or leave it out with \
             --ignore LABEL",
            unknown.join(", "),
            type_names(&project.config().schema)
        );
    }
    let write = report.refused.is_empty() || options.partial;
    outln!("{}", report.summary(write));
    if !write {
        outln!("nothing was imported: fix the file, or import its valid part with --partial");
        return Ok(ExitCode::FAILURE);
    }
    let mut edits = Vec::new();
    edits.extend(mapping_edit(&project, &source, &mapping));
    if report.imported() > 0 {
        edits.push(import_edit(&project, &source, &report, source_info(&source, &report)));
    }
    if !edits.is_empty() {
        project.apply_edit(ProjectEdit::Batch(edits))?;
        save_import(&mut project)?;
    }
    Ok(if report.refused.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Reads a suggestion file, or says why it cannot (`None`; nothing is imported). A file another format
/// entirely is named for what it looks like, rather than "not valid JSON".
fn read_suggestion_file(file: &Path, format: Option<SuggestionFormat>) -> Result<Option<suggestions::ParsedFile>> {
    let shown = file.display();
    let other_kind = |chosen: Option<SuggestionFormat>| {
        sniff::sniff_path(file).filter(|g| g.kind.suggestion_format().is_none_or(|f| Some(f) != chosen))
    };
    let parsed = match suggestions::read_path(file, format) {
        Ok(p) => p,
        Err(e) => {
            match other_kind(format) {
                // Its own words say more than a JSON parser's about a file that is not JSON at all.
                Some(guess) if guess.kind != sniff::Kind::OtherJson => outln!("{shown}: {guess}"),
                guess => {
                    // The error starts with its line and column when it has them: `file:3:5: ...`.
                    let sep = if e.line.is_some() { "" } else { " " };
                    outln!("{shown}:{sep}{e}");
                    if let Some(guess) = guess {
                        outln!("{shown}: {guess}");
                    }
                }
            }
            outln!("nothing was imported");
            return Ok(None);
        }
    };
    if parsed.items.is_empty()
        && !parsed.refused.is_empty()
        && let Some(guess) = other_kind(Some(parsed.format))
    {
        outln!("{shown}: {guess}");
    }
    Ok(Some(parsed))
}

/// The schema's entity and event type ids, for messages about label mappings.
pub(crate) fn type_names(schema: &tarmeez::model::Schema) -> String {
    let entities = schema.entity_types.iter().map(|t| t.id.as_str());
    entities.chain(schema.event_types.iter().map(|t| t.id.as_str())).collect::<Vec<_>>().join(", ")
}

/// The options of `import-annotations`.
pub(crate) struct AnnotationOptions {
    pub(crate) doc: Option<String>,
    pub(crate) replace: bool,
    pub(crate) map: Vec<String>,
    pub(crate) partial: bool,
    /// Add the labels without a type to the schema.
    pub(crate) add_types: bool,
    /// The files' format.
    pub(crate) format: AnnotationFormat,
    // Issue 17: CoNLL's tagging scheme.
    pub(crate) scheme: Option<String>,
}

/// The mapping of the file's labels to the schema's types: `--map`, and with `--add-types` a type added to
/// the project's schema (in memory, saved with the import) for each label still without one. Without it, the
/// labels left without a type are named once, with the two ways to give them one.
pub(crate) fn label_map(
    project: &mut Project,
    path: &Path,
    options: &AnnotationOptions,
) -> Result<type_labels::LabelMap> {
    label_map_of(project, options, &options.format.found_types(path))
}

/// [`label_map`] for the labels `found` (Label Studio: its file's and its `--config`'s).
pub(crate) fn label_map_of(
    project: &mut Project,
    options: &AnnotationOptions,
    found: &tarmeez::formats::found_types::FoundTypes,
) -> Result<type_labels::LabelMap> {
    let schema = &project.config().schema;
    let map = type_labels::parse_map(&options.map, schema).map_err(anyhow::Error::msg)?;
    let missing = schema_additions::missing(schema, &map, found);
    if missing.is_empty() {
        return Ok(map);
    }
    if !options.add_types {
        let labels: Vec<&str> = missing.iter().map(|m| m.label.as_str()).collect();
        outln!(
            "labels the schema has no type for: {}; map each with --map LABEL=TYPE (TYPE one of {}), or add them to \
             the schema with --add-types",
            labels.join(", "),
            type_labels::type_list(schema)
        );
        return Ok(map);
    }
    let additions = schema_additions::add_missing(schema, &map, found);
    project
        .apply_edit(ProjectEdit::SetSchema(Box::new(additions.schema)))
        .context("the types could not be added; nothing was imported")?;
    for added in &additions.added {
        outln!("adding {added}");
    }
    Ok(additions.map)
}

/// `import-annotations --format doccano`: the file's entities and relations into the coder's layer.
pub(crate) fn import_doccano(
    dir: &Path,
    path: &Path,
    options: &AnnotationOptions,
    annotator: Option<&Annotator>,
) -> Result<ExitCode> {
    use tarmeez::formats::doccano::{ImportError, ImportOptions, import_doccano_with};
    let Some(annotator) = annotator else {
        anyhow::bail!("give --annotator: the coder whose layer receives the annotations");
    };
    let mut project = Project::open(dir, OpenOptions { annotator: annotator.clone(), read_only: false })
        .with_context(|| format!("cannot open {}", dir.display()))?;
    let map = label_map(&mut project, path, options)?;
    let doccano_options = ImportOptions { map, partial: options.partial, schema: None };
    match import_doccano_with(&mut project, path, annotator, &doccano_options) {
        Ok(s) => {
            for r in &s.refused {
                outln!("{}:{}: {}", path.display(), r.line, r.message);
            }
            outln!(
                "read {} lines: {} mentions, {} events, {} roles, {} relations into {} documents ({} already present)",
                s.lines,
                s.mentions,
                s.events,
                s.arguments,
                s.relations,
                s.documents,
                s.already_present
            );
            if !s.refused.is_empty() {
                outln!("{} refused line(s) or item(s) left out", s.refused.len());
                return Ok(ExitCode::FAILURE);
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(ImportError::Store(e @ StoreError::PartlySaved { .. })) => {
            outln!("the import was saved only in part: {e}");
            Ok(ExitCode::FAILURE)
        }
        Err(e) => {
            outln!("{e}");
            say_what_it_looks_like(path, |k| k.annotation_format() == Some(AnnotationFormat::Doccano))?;
            // --partial is suggested only where it would import something.
            let partial = matches!(e, ImportError::Refused { valid_lines: 1.., .. }) && !options.partial;
            outln!("nothing was imported{}", if partial { " (import the valid lines with --partial)" } else { "" });
            Ok(ExitCode::FAILURE)
        }
    }
}

/// When the file at `path` looks like another format than the reader that refused it (`same` says which
/// kinds it reads), says what it looks like and why.
pub(crate) fn say_what_it_looks_like(path: &Path, same: impl Fn(sniff::Kind) -> bool) -> Result<()> {
    if path.is_file()
        && let Some(guess) = sniff::sniff_path(path).filter(|g| !same(g.kind))
    {
        outln!("{}: {guess}", path.display());
    }
    Ok(())
}

/// `<file>:<where>: <reason>`, or `<file>: <reason>` when the place is the whole file.
fn located(file: &impl std::fmt::Display, origin: &str, reason: &str) -> String {
    if origin.is_empty() { format!("{file}: {reason}") } else { format!("{file}:{origin}: {reason}") }
}

/// Saves what an import changed. Some files may be written and others not: the error then says so and
/// names them, rather than reporting a complete failure.
pub(crate) fn save_import(project: &mut Project) -> Result<()> {
    project.save_dirty().map(drop).map_err(|e| {
        let what = match e {
            StoreError::PartlySaved { .. } => "the import was saved only in part",
            _ => "the import could not be saved",
        };
        anyhow::Error::new(e).context(what)
    })
}

/// `import-annotations --format brat`: `.ann` files into the coder's layer; with `--partial` the valid files
/// are imported and the refused ones listed.
pub(crate) fn import_annotations(
    dir: &Path,
    path: &Path,
    options: &AnnotationOptions,
    annotator: Option<&Annotator>,
) -> Result<ExitCode> {
    // Writing into someone's layer by default would be a surprise: the coder is named.
    let Some(annotator) = annotator else {
        anyhow::bail!("give --annotator: the coder whose layer receives the annotations");
    };
    let doc = match &options.doc {
        Some(d) => Some(DocId::parse(d).map_err(|e| anyhow::anyhow!("--doc: {e}"))?),
        None => None,
    };
    if !path.exists() {
        anyhow::bail!("{} does not exist; nothing was imported", path.display());
    }
    let mut project = open_for_import(dir, annotator.clone(), doc.as_ref())?;
    let map = label_map(&mut project, path, options)?;
    let plan_options = brat::PlanOptions { doc, replace: options.replace, map, schema: None };
    let plan = brat::plan_import_with(&project, path, &plan_options);
    for note in &plan.notes {
        outln!("note: {note}");
    }
    for refusal in &plan.refused {
        outln!("{refusal}");
    }
    if !plan.refused.is_empty() {
        say_what_it_looks_like(path, |k| k.annotation_format() == Some(AnnotationFormat::Brat))?;
        if !options.partial || plan.layers.is_empty() {
            let hint = if options.partial { "" } else { " (import the valid files with --partial)" };
            outln!("{} refusal(s); nothing was imported{hint}", plan.refused.len());
            return Ok(ExitCode::FAILURE);
        }
    }
    if plan.layers.is_empty() {
        outln!("no annotations to import");
        return Ok(ExitCode::SUCCESS);
    }
    let edit = brat::import_edit(&project, &plan);
    project.apply_edit(edit).context("nothing was imported")?;
    save_import(&mut project)?;
    for (id, file, layer) in &plan.layers {
        outln!(
            "{}: {} mention(s), {} event(s), {} relation(s) into `{id}` for {annotator}",
            file.display(),
            layer.mentions.len(),
            layer.events.len(),
            layer.relations.len() + layer.mention_relations.len()
        );
    }
    outln!("{} document(s) imported", plan.layers.len());
    if !plan.refused.is_empty() {
        outln!("{} refusal(s) in the files left out, listed above", plan.refused.len());
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens a project to import into: refused when it is read-only (another session holds the coder's lock) or
/// when `--doc` names no document of it.
pub(crate) fn open_for_import(dir: &Path, annotator: Annotator, doc: Option<&DocId>) -> Result<Project> {
    let project = Project::open(dir, OpenOptions { annotator, read_only: false })
        .with_context(|| format!("cannot open {}", dir.display()))?;
    if let tarmeez::store::Access::ReadOnly(why) = project.access() {
        anyhow::bail!("cannot import into {}: {why}", dir.display());
    }
    if let Some(d) = doc
        && project.document(d).is_none()
    {
        anyhow::bail!("--doc: no document `{d}` in {}; nothing was imported", dir.display());
    }
    Ok(project)
}
