//! The `tarmeez` command: with no subcommand it opens the GUI; subcommands run headless jobs.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tarmeez::formats::corpus::{self, Columns, CorpusFormat};
use tarmeez::formats::export::{ExportCounts, ExportFormat, ExportReport, coded_documents, export_project};
use tarmeez::formats::import::AnnotationFormat;
use tarmeez::formats::png_render::{RenderOptions, render_png};
use tarmeez::formats::suggestions::{self, SuggestionFormat};
use tarmeez::formats::{brat, plain_text};
use tarmeez::model::{Annotator, DocId, LabelTarget, ProjectEdit, SourceName, default_conflict_schema};
use tarmeez::settings::{self, Settings};
use tarmeez::store::{OpenOptions, Project, StoreError};
use tarmeez::text::scene::HighlightSet;
use tarmeez::ui::TarmeezApp;
use tarmeez::ui::windows::NameDialog;
use tarmeez::workflow::Stats;
use tarmeez::workflow::suggestion_import::{import_edit, mapping_edit, plan_import, source_info};

/// Prints a line to standard output; a closed pipe (`tarmeez stats p | head -1`) ends the program quietly
/// instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if let Err(e) = writeln!(std::io::stdout().lock(), $($arg)*) {
            if e.kind() == std::io::ErrorKind::BrokenPipe {
                std::process::exit(0);
            }
            return Err(e.into());
        }
    }};
}

/// The sample project, opened when no project is named.
const SAMPLE_PROJECT: &str = "projects/al-omar-oilfield";

#[derive(Parser)]
#[command(name = "tarmeez", version, about = "Annotation workbench for coding armed-conflict events in Arabic news")]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    /// Project folder to open in the window (default: the sample project).
    project: Option<PathBuf>,
    /// Whose annotation layer to edit (default: $TARMEEZ_ANNOTATOR, else your login name); for `export`, the
    /// one coder whose layer to export (default: every coder's).
    #[arg(long, global = true)]
    annotator: Option<String>,
    #[command(subcommand)]
    command: Option<Job>,
}

#[derive(Subcommand)]
enum Job {
    /// Check every file of a project; exit 0 when clean, else list every problem with its file and line.
    Validate {
        /// Project folder.
        project: PathBuf,
    },
    /// Count documents, mentions by type, events by type and suggestions by status.
    Stats {
        /// Project folder.
        project: PathBuf,
    },
    /// Create an empty project with the default conflict schema.
    New {
        /// Folder to create (must not exist, or be empty).
        dir: PathBuf,
        /// The project's display name.
        #[arg(long)]
        name: String,
    },
    /// Render a document with its annotations to a PNG image.
    Render {
        /// Project folder.
        project: PathBuf,
        /// Document id (the file stem under documents/).
        doc_id: String,
        /// PNG file to write.
        #[arg(long)]
        out: PathBuf,
        /// Image width in pixels.
        #[arg(long, default_value_t = 1000)]
        width: u32,
        /// Text size in pixels.
        #[arg(long, default_value_t = 22.0)]
        font_size: f32,
        /// Show type labels over each span.
        #[arg(long)]
        labels: bool,
        /// Leave out pending suggestions.
        #[arg(long)]
        no_suggestions: bool,
        /// Dark background.
        #[arg(long)]
        dark: bool,
    },
    /// Import UTF-8 .txt files as documents, one per file; folders are searched recursively.
    ImportText {
        /// Project folder.
        project: PathBuf,
        /// Files and folders to import.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Import documents from one file: JSON lines (`text` and optional `id`, `title`, `date`, `source`, `url`
    /// per line) or CSV with a header row. Bad records are named with their line and skipped; the exit status
    /// is then 1.
    ImportDocs {
        /// Project folder.
        project: PathBuf,
        /// The file to import.
        file: PathBuf,
        /// The file's format (default: told from the extension, .jsonl/.ndjson or .csv).
        #[arg(long, value_enum)]
        format: Option<CorpusChoice>,
        /// The column (CSV) or key (JSON lines) holding the text.
        #[arg(long, default_value = "text")]
        text_column: String,
        /// The column or key holding the id hint (else the title, else `doc`).
        #[arg(long, default_value = "id")]
        id_column: String,
        /// The column or key holding the title (else the text's first line).
        #[arg(long, default_value = "title")]
        title_column: String,
        /// The column or key holding the publication date.
        #[arg(long, default_value = "date")]
        date_column: String,
        /// The column or key holding the source (outlet).
        #[arg(long, default_value = "source")]
        source_column: String,
        /// The column or key holding the URL.
        #[arg(long, default_value = "url")]
        url_column: String,
    },
    /// Import a tagger's suggestions (Hugging Face, spaCy, doccano, Label Studio or brat output) for review.
    /// Nothing is written when an item is refused, unless --partial is given; the exit status is then 1.
    ImportSuggestions {
        /// Project folder.
        project: PathBuf,
        /// The file to import.
        file: PathBuf,
        /// Name of the suggestion source (the model or tagger), e.g. `camelbert-ner`: its label mapping and
        /// review decisions are kept under this name.
        #[arg(long)]
        source: String,
        /// The file's format (default: told from the extension and content).
        #[arg(long, value_enum)]
        format: Option<SuggestionChoice>,
        /// The document the suggestions are for, when the file does not say (a Hugging Face list, brat).
        #[arg(long)]
        doc: Option<String>,
        /// Map a model label to a schema type, e.g. --map PER=ACTOR; saved with the source.
        #[arg(long = "map", value_name = "LABEL=TYPE")]
        map: Vec<String>,
        /// Do not import a model label, e.g. --ignore MISC; saved with the source.
        #[arg(long = "ignore", value_name = "LABEL")]
        ignore: Vec<String>,
        /// Import the valid part of a file that has refused items.
        #[arg(long)]
        partial: bool,
    },
    /// Export the coded events as a table for analysis: one row per event, of every coder's layer, or only
    /// of --annotator's when given.
    Export {
        /// Project folder.
        project: PathBuf,
        /// What to write.
        #[arg(long, value_enum)]
        format: ExportChoice,
        /// Folder to write into (created if missing).
        #[arg(long)]
        out: PathBuf,
    },
    /// Import a coder's annotations from another tool (brat) into --annotator's layer: mentions, events with
    /// their roles, relations, attributes, actor links and notes. Nothing is written when anything is refused.
    ImportAnnotations {
        /// Project folder.
        project: PathBuf,
        /// An `.ann` file, or a folder of them (with their `.txt` files beside them).
        path: PathBuf,
        /// The files' format.
        #[arg(long, value_enum)]
        format: AnnotationChoice,
        /// The document, when a single `.ann` file is named neither by its id nor by a `.txt` of its text.
        #[arg(long)]
        doc: Option<String>,
        /// Replace the coder's existing annotations of those documents (else such documents are refused).
        #[arg(long)]
        replace: bool,
    },
}

/// A `--format` value: one of a format list's `ALL`, spelt by its `name()`, explained by its `help()`. The
/// lists live in `tarmeez::formats` (shared with the window's menus, and free of clap), so each is wrapped
/// here to be a clap value.
macro_rules! format_choice {
    ($(#[$doc:meta])* $choice:ident($format:ty)) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        struct $choice($format);

        impl ValueEnum for $choice {
            fn value_variants<'a>() -> &'a [Self] {
                static ALL: std::sync::LazyLock<Vec<$choice>> =
                    std::sync::LazyLock::new(|| <$format>::ALL.into_iter().map($choice).collect());
                &ALL
            }

            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(clap::builder::PossibleValue::new(self.0.name()).help(self.0.help()))
            }
        }
    };
}

format_choice!(
    /// The formats `export` writes ([`ExportFormat::ALL`]).
    ExportChoice(ExportFormat)
);
format_choice!(
    /// The formats `import-annotations` reads ([`AnnotationFormat::ALL`]).
    AnnotationChoice(AnnotationFormat)
);
format_choice!(
    /// The formats `import-suggestions` reads ([`SuggestionFormat::ALL`]).
    SuggestionChoice(SuggestionFormat)
);
format_choice!(
    /// The formats `import-docs` reads ([`CorpusFormat::ALL`]).
    CorpusChoice(CorpusFormat)
);

fn main() -> ExitCode {
    let cli = Cli::parse();
    let given = match cli.annotator.as_deref() {
        Some(name) => match Annotator::parse(name) {
            Ok(a) => Some(a),
            Err(e) => {
                eprintln!("error: --annotator: {e}");
                return ExitCode::from(2);
            }
        },
        None => None,
    };
    let annotator = given.clone().unwrap_or_else(tarmeez::default_annotator);
    let result = match cli.command {
        None => run_gui(cli.project, given),
        Some(Job::Validate { project }) => validate(&project),
        Some(Job::Stats { project }) => stats(&project),
        Some(Job::New { dir, name }) => new_project(&dir, &name, annotator),
        Some(Job::ImportText { project, paths }) => import_text(&project, &paths, annotator),
        Some(Job::ImportDocs {
            project,
            file,
            format,
            text_column,
            id_column,
            title_column,
            date_column,
            source_column,
            url_column,
        }) => {
            let columns = Columns {
                text: text_column,
                id: id_column,
                title: title_column,
                date: date_column,
                source: source_column,
                url: url_column,
            };
            import_docs(&project, &file, format.map(|f| f.0), &columns, annotator)
        }
        Some(Job::ImportSuggestions { project, file, source, format, doc, map, ignore, partial }) => {
            let options = SuggestionOptions { source, format: format.map(|f| f.0), doc, map, ignore, partial };
            import_suggestions(&project, &file, &options, annotator)
        }
        // Without --annotator every coder's layer is exported: the default annotator is for editing.
        Some(Job::Export { project, format, out }) => {
            export(&project, format.0, &out, cli.annotator.is_some().then_some(&annotator))
        }
        Some(Job::ImportAnnotations { project, path, format, doc, replace }) => match format.0 {
            AnnotationFormat::Brat => {
                let annotator = cli.annotator.is_some().then_some(&annotator);
                import_annotations(&project, &path, doc.as_deref(), replace, annotator)
            }
            AnnotationFormat::Doccano => {
                let annotator = cli.annotator.is_some().then_some(&annotator);
                import_doccano(&project, &path, annotator)
            }
        },
        Some(Job::Render { project, doc_id, out, width, font_size, labels, no_suggestions, dark }) => {
            let options = RenderOptions { width, font_size, labels, dark, ..RenderOptions::default() };
            render(&project, &doc_id, &out, options, !no_suggestions, annotator)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn sample_project() -> PathBuf {
    let here = PathBuf::from(SAMPLE_PROJECT);
    if here.is_dir() { here } else { Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE_PROJECT) }
}

/// Opens the window. The coder's name comes from `--annotator`, else `$TARMEEZ_ANNOTATOR`, else the settings;
/// when none of them has it, the window asks once and remembers the answer.
fn run_gui(project: Option<PathBuf>, given: Option<Annotator>) -> Result<ExitCode> {
    let dir = project.unwrap_or_else(sample_project);
    let from_env =
        std::env::var("TARMEEZ_ANNOTATOR").ok().filter(|s| !s.trim().is_empty()).map(|s| Annotator::from_raw(&s));
    let settings_path = settings::default_path();
    let (remembered, note) = match settings_path.as_deref().map(Settings::load) {
        Some(Ok(s)) => (s.annotator, None),
        Some(Err(e)) => (None, Some(format!("{e}. It is left as it is; your name is used for this session only."))),
        None => (None, None),
    };
    let app = match given.or(from_env).or(remembered) {
        Some(annotator) => match Project::open(&dir, OpenOptions { annotator: annotator.clone(), read_only: false }) {
            Ok(p) => TarmeezApp::new(Some(p), None),
            Err(e) => {
                TarmeezApp::new(None, Some(format!("Could not open {}:\n{e}", dir.display()))).with_annotator(annotator)
            }
        },
        None => {
            // A settings file that failed to load is never overwritten.
            let path = if note.is_some() { None } else { settings_path };
            let mut dialog = NameDialog::new(dir, path, tarmeez::default_annotator().as_str());
            dialog.note = note;
            TarmeezApp::asking_name(dialog)
        }
    };
    tarmeez::ui::run(app).map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

fn open_read_only(dir: &Path) -> Result<Project, StoreError> {
    Project::open(dir, OpenOptions { annotator: tarmeez::default_annotator(), read_only: true })
}

fn validate(dir: &Path) -> Result<ExitCode> {
    let project = match open_read_only(dir) {
        Ok(p) => p,
        Err(StoreError::Invalid(problems)) => {
            for p in &problems {
                outln!("{}", p.under(dir));
            }
            outln!("{} problem(s); the project cannot be opened", problems.len());
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    project.load_all();
    let problems: Vec<_> = project.problems().collect();
    for p in &problems {
        outln!("{}", p.under(dir));
    }
    let docs = project.documents().len();
    if problems.is_empty() {
        outln!("{}: {docs} document(s), no problems", dir.display());
        Ok(ExitCode::SUCCESS)
    } else {
        outln!("{}: {docs} document(s), {} problem(s)", dir.display(), problems.len());
        Ok(ExitCode::FAILURE)
    }
}

fn stats(dir: &Path) -> Result<ExitCode> {
    let project = open_read_only(dir).with_context(|| format!("cannot open {}", dir.display()))?;
    outln!("Project: {}", project.config().name);
    outln!("{}", Stats::of(&project).to_string().trim_end());
    let review = tarmeez::workflow::review_stats::review_stats(&project);
    if !review.is_empty() {
        outln!("{}", tarmeez::workflow::review_stats::ReviewTable(&review).to_string().trim_end());
    }
    Ok(ExitCode::SUCCESS)
}

fn new_project(dir: &Path, name: &str, annotator: Annotator) -> Result<ExitCode> {
    Project::create(dir, name, default_conflict_schema(), annotator)?;
    outln!("Created project \"{name}\" in {}", dir.display());
    outln!("Import articles with: tarmeez import-text {} <files or folders>", dir.display());
    Ok(ExitCode::SUCCESS)
}

fn render(
    dir: &Path,
    doc_id: &str,
    out: &Path,
    mut options: RenderOptions,
    suggestions: bool,
    annotator: Annotator,
) -> Result<ExitCode> {
    let project = open_read_only(dir).with_context(|| format!("cannot open {}", dir.display()))?;
    let id = DocId::parse(doc_id).map_err(|e| anyhow::anyhow!("document id: {e}"))?;
    match project.load_document(&id) {
        Ok(_) => {}
        Err(StoreError::BrokenDocument(_)) => {
            let problems: Vec<String> = project
                .document(&id)
                .map(|d| d.problems().iter().map(|p| p.under(dir).to_string()).collect())
                .unwrap_or_default();
            anyhow::bail!("document `{id}` has problems:\n{}", problems.join("\n"));
        }
        Err(e) => return Err(e.into()),
    }
    let entry = project.document(&id).context("the document vanished while loading")?;
    let loaded = entry.loaded().context("the document could not be loaded")?;
    let layer = loaded.layer_to_show(&annotator).map(|(_, l)| l);
    let sources = loaded.suggestions.iter().filter(|_| suggestions);
    let highlights = HighlightSet::build(&project.config().schema, layer, sources);
    if let Some(meta) = &entry.meta {
        options.direction = meta.direction;
    }
    let text = loaded.text.clone();
    let png = render_png(text, &highlights, Some(&project.config().schema), options)?;
    tarmeez::store::atomic::write_atomic(out, &png).with_context(|| format!("cannot write {}", out.display()))?;
    outln!("wrote {}", out.display());
    Ok(ExitCode::SUCCESS)
}

fn import_text(dir: &Path, paths: &[PathBuf], annotator: Annotator) -> Result<ExitCode> {
    let mut project = Project::open(dir, OpenOptions { annotator, read_only: false })
        .with_context(|| format!("cannot open {}", dir.display()))?;
    if let tarmeez::store::Access::ReadOnly(why) = project.access() {
        anyhow::bail!("cannot import into {}: {why}", dir.display());
    }
    let mut files = Vec::new();
    for path in paths {
        if !path.exists() {
            anyhow::bail!("{} does not exist; nothing was imported", path.display());
        }
        files.extend(
            plain_text::collect_text_files(std::slice::from_ref(path))
                .with_context(|| format!("cannot list {}", path.display()))?,
        );
    }
    let report = plain_text::import_text_files(&mut project, &files, |_, _| {})?;
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
fn import_docs(
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
    // Ctrl+C stops the import between documents: each is written whole, so the project stays valid.
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
struct SuggestionOptions {
    source: String,
    format: Option<SuggestionFormat>,
    doc: Option<String>,
    map: Vec<String>,
    ignore: Vec<String>,
    partial: bool,
}

fn import_suggestions(dir: &Path, file: &Path, options: &SuggestionOptions, annotator: Annotator) -> Result<ExitCode> {
    let source = SourceName::parse(&options.source).map_err(|e| anyhow::anyhow!("--source: {e}"))?;
    let doc = match &options.doc {
        Some(d) => Some(DocId::parse(d).map_err(|e| anyhow::anyhow!("--doc: {e}"))?),
        None => None,
    };
    let mut project = Project::open(dir, OpenOptions { annotator, read_only: false })
        .with_context(|| format!("cannot open {}", dir.display()))?;
    if let tarmeez::store::Access::ReadOnly(why) = project.access() {
        anyhow::bail!("cannot import into {}: {why}", dir.display());
    }
    if let Some(d) = &doc
        && project.document(d).is_none()
    {
        anyhow::bail!("--doc: no document `{d}` in {}; nothing was imported", dir.display());
    }
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
    let parsed = match suggestions::read_path(file, options.format) {
        Ok(p) => p,
        Err(e) => {
            let sep = if e.line.is_some() { "" } else { " " };
            outln!("{shown}:{sep}{e}");
            outln!("nothing was imported");
            return Ok(ExitCode::FAILURE);
        }
    };
    let report = plan_import(&project, &source, parsed, doc.as_ref(), &mapping);
    for note in &report.notes {
        outln!("{shown}: note: {note}");
    }
    for refusal in &report.refused {
        outln!("{shown}:{refusal}");
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
        project.save_dirty().context("the import could not be saved")?;
    }
    Ok(if report.refused.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// The schema's entity and event type ids, for messages about label mappings.
fn type_names(schema: &tarmeez::model::Schema) -> String {
    let entities = schema.entity_types.iter().map(|t| t.id.as_str());
    entities.chain(schema.event_types.iter().map(|t| t.id.as_str())).collect::<Vec<_>>().join(", ")
}

fn export(dir: &Path, format: ExportFormat, out: &Path, annotator: Option<&Annotator>) -> Result<ExitCode> {
    let project = open_read_only(dir).with_context(|| format!("cannot open {}", dir.display()))?;
    if out.exists() && !out.is_dir() {
        anyhow::bail!("--out {} is a file; give the folder to write into", out.display());
    }
    if format == ExportFormat::EventsCsv
        && let Some(a) = annotator
    {
        project.load_all();
        let unreadable = project.documents().iter().any(|d| d.loaded().is_none());
        if coded_documents(&project, Some(a)) == 0 && !unreadable {
            // A misspelt name would otherwise give an empty table that looks like a real one.
            anyhow::bail!("no document has a layer by annotator `{a}`; nothing was written");
        }
    }
    let context = match format {
        ExportFormat::EventsCsv | ExportFormat::Brat => "cannot write into",
        _ => "cannot export into",
    };
    let report =
        export_project(&project, format, annotator, out).with_context(|| format!("{context} {}", out.display()))?;
    report_skipped(&project, dir, &report);
    match &report.counts {
        ExportCounts::Events { rows, documents } => {
            let path = report.files.first().map(|p| p.display().to_string()).unwrap_or_default();
            let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
            outln!("{} from {} written to {path}", plural(*rows, "event"), plural(*documents, "document"));
            if !report.skipped.is_empty() {
                // The table is written but incomplete; say so to scripts, as import-text does for skipped files.
                let skipped = plural(report.skipped.len(), "document");
                eprintln!("{skipped} skipped; run `tarmeez validate {}` for every problem", dir.display());
            }
        }
        ExportCounts::Brat { ann_files } => {
            if let Some(a) = annotator
                && coded_documents(&project, Some(a)) == 0
                && report.skipped.is_empty()
            {
                eprintln!("note: no document has a layer by annotator `{a}`; the .ann files are empty");
            }
            let docs: std::collections::BTreeSet<_> = ann_files.iter().map(|(d, ..)| d).collect();
            outln!(
                "{} .ann file(s) of {} document(s), {} and {} written to {}",
                ann_files.len(),
                docs.len(),
                brat::CONF_FILE,
                brat::VISUAL_FILE,
                out.display()
            );
            if !report.skipped.is_empty() {
                let n = report.skipped.len();
                eprintln!("{n} document(s) skipped; run `tarmeez validate {}` for every problem", dir.display());
            }
        }
        ExportCounts::Spans { spans, layers, documents } => {
            for n in &report.not_expressed {
                outln!("not expressed: {n}");
            }
            let files = match format {
                // One page per layer: name the page to open rather than every file.
                ExportFormat::Html => format!(
                    "{} files in {}; open {}",
                    report.files.len(),
                    out.display(),
                    out.join(tarmeez::formats::html::INDEX_FILE).display()
                ),
                _ => report.files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>().join(", "),
            };
            outln!("{spans} spans of {layers} layers in {documents} documents written to {files}");
        }
    }
    Ok(if report.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// Names on standard error each document an export left out; events-csv gives the first problem's place
/// under the project folder, brat the problem as read, the span formats none.
fn report_skipped(project: &Project, dir: &Path, report: &ExportReport) {
    for (doc, first) in &report.skipped {
        match (report.format, first) {
            (ExportFormat::EventsCsv, _) => {
                let problem = project.document(doc).and_then(|d| d.problems().first().map(|p| p.under(dir)));
                let first = problem.map(|p| format!(": {p}")).unwrap_or_default();
                eprintln!("skipped document `{doc}`, it has problems{first}");
            }
            (_, Some(first)) => eprintln!("skipped document `{doc}`, it has problems: {first}"),
            (_, None) => eprintln!("skipped document `{doc}`, it has problems"),
        }
    }
}

/// `import-annotations --format doccano`: the file's entities and relations into the coder's layer.
fn import_doccano(dir: &Path, path: &Path, annotator: Option<&Annotator>) -> Result<ExitCode> {
    let Some(annotator) = annotator else {
        anyhow::bail!("give --annotator: the coder whose layer receives the annotations");
    };
    let mut project = Project::open(dir, OpenOptions { annotator: annotator.clone(), read_only: false })
        .with_context(|| format!("cannot open {}", dir.display()))?;
    match tarmeez::formats::doccano::import_doccano(&mut project, path, annotator) {
        Ok(s) => {
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
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            outln!("{e}");
            outln!("nothing was imported");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn import_annotations(
    dir: &Path,
    path: &Path,
    doc: Option<&str>,
    replace: bool,
    annotator: Option<&Annotator>,
) -> Result<ExitCode> {
    // Writing into someone's layer by default would be a surprise: the coder is named.
    let Some(annotator) = annotator else {
        anyhow::bail!("give --annotator: the coder whose layer receives the annotations");
    };
    let doc = match doc {
        Some(d) => Some(DocId::parse(d).map_err(|e| anyhow::anyhow!("--doc: {e}"))?),
        None => None,
    };
    if !path.exists() {
        anyhow::bail!("{} does not exist; nothing was imported", path.display());
    }
    let mut project = Project::open(dir, OpenOptions { annotator: annotator.clone(), read_only: false })
        .with_context(|| format!("cannot open {}", dir.display()))?;
    if let tarmeez::store::Access::ReadOnly(why) = project.access() {
        anyhow::bail!("cannot import into {}: {why}", dir.display());
    }
    if let Some(d) = &doc
        && project.document(d).is_none()
    {
        anyhow::bail!("--doc: no document `{d}` in {}; nothing was imported", dir.display());
    }
    let plan = brat::plan_import(&project, path, doc.as_ref(), replace);
    for note in &plan.notes {
        outln!("note: {note}");
    }
    for refusal in &plan.refused {
        outln!("{refusal}");
    }
    if !plan.refused.is_empty() {
        outln!("{} refusal(s); nothing was imported", plan.refused.len());
        return Ok(ExitCode::FAILURE);
    }
    if plan.layers.is_empty() {
        outln!("no annotations to import");
        return Ok(ExitCode::SUCCESS);
    }
    let edit = brat::import_edit(&project, &plan);
    project.apply_edit(edit).context("nothing was imported")?;
    project.save_dirty().context("the import could not be saved")?;
    for (id, file, layer) in &plan.layers {
        outln!(
            "{}: {} mention(s), {} event(s), {} relation(s) into `{id}` for {annotator}",
            file.display(),
            layer.mentions.len(),
            layer.events.len(),
            layer.relations.len()
        );
    }
    outln!("{} document(s) imported", plan.layers.len());
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_name_parses_back_to_itself_on_the_command_line() {
        for format in ExportFormat::ALL {
            assert_eq!(ExportChoice::from_str(format.name(), false), Ok(ExportChoice(format)));
        }
        for format in AnnotationFormat::ALL {
            assert_eq!(AnnotationChoice::from_str(format.name(), false), Ok(AnnotationChoice(format)));
        }
        for format in SuggestionFormat::ALL {
            assert_eq!(SuggestionChoice::from_str(format.name(), false), Ok(SuggestionChoice(format)));
        }
        for format in CorpusFormat::ALL {
            assert_eq!(CorpusChoice::from_str(format.name(), false), Ok(CorpusChoice(format)));
        }
    }
}
