//! The command line's arguments (clap): the subcommands and their options, and the format lists as `--format` values.

use crate::*;

#[derive(Parser)]
#[command(name = "tarmeez", version, about = "Annotation workbench for coding armed-conflict events in Arabic news")]
#[command(args_conflicts_with_subcommands = true)]
pub(crate) struct Cli {
    /// Project folder to open in the window (default: the welcome screen, with the recent projects and the
    /// sample).
    pub(crate) project: Option<PathBuf>,
    /// Whose annotation layer to edit (default: $TARMEEZ_ANNOTATOR, else your login name); for `export`, the
    /// one coder whose layer to export (default: every coder's).
    #[arg(long, global = true)]
    pub(crate) annotator: Option<String>,
    #[command(subcommand)]
    pub(crate) command: Option<Job>,
}

#[derive(Subcommand)]
pub(crate) enum Job {
    /// Check every file of a project; exit 0 when clean, else list every problem with its file and line.
    Validate {
        /// Project folder.
        project: PathBuf,
    },
    /// Clear up what an interrupted save or import left: remove stray temp files, roll back a half-written
    /// document (or write its metadata again from its text when annotations of it exist); annotations of a
    /// document that is gone are reported and kept. Then validate: exit 0 when the project is clean.
    Repair {
        /// Project folder.
        project: PathBuf,
        /// Only say what would be done.
        #[arg(long)]
        dry_run: bool,
    },
    /// Count documents, mentions by type, events by type and suggestions by status.
    Stats {
        /// Project folder.
        project: PathBuf,
    },
    /// How far coders agree on mentions: for each pair, F1 (strict: same span and type; lenient: overlapping,
    /// same type) and Cohen's kappa on every letter's label, pooled over the documents both coded; with three
    /// or more coders, Fleiss' kappa over the documents all coded.
    Agreement {
        /// Project folder.
        project: PathBuf,
        /// Only these coders, separated by commas: --coders huda,omar (default: every coder with a layer).
        #[arg(long, value_name = "NAMES")]
        coders: Option<String>,
        /// Only mentions of these entity types: --types ACTOR,LOCATION (default: every type of the schema).
        #[arg(long, value_name = "TYPES")]
        types: Option<String>,
        /// Only these documents, by id: --docs doc-1,doc-2 (default: every document).
        #[arg(long, value_name = "IDS")]
        docs: Option<String>,
        /// `table` for reading (default), `csv` (one figure a row) or `json` (the whole report).
        #[arg(long, value_enum, default_value_t = AgreementFormat::Table)]
        format: AgreementFormat,
        /// Also write the diagnosis CSV to FILE: every disagreement unit of the chosen coders and documents
        /// (as `tarmeez disagreements` writes it).
        #[arg(long, value_name = "FILE")]
        diagnosis: Option<PathBuf>,
    },
    /// Create an empty project with the default conflict schema (or ACLED's: --schema acled).
    New {
        /// Folder to create (must not exist, or be empty).
        dir: PathBuf,
        /// The project's display name.
        #[arg(long)]
        name: String,
        /// The schema to start with.
        #[arg(long, value_name = "PRESET", default_value = "conflict")]
        schema: SchemaChoice,
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
        /// Write one PNG per page, named after --out with a page number (`page-0001.png`, ...), each at most
        /// --page-height pixels tall and cut between lines: for documents too long for one image.
        #[arg(long)]
        pages: bool,
        /// Page height in pixels with --pages (default: the A4 proportion of the width).
        #[arg(long, requires = "pages")]
        page_height: Option<u32>,
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
        partial: bool, // Issue 17: CoNLL's tagging scheme.
        /// CoNLL: the tags' scheme, iob1, iob2, bioes or bilou (default: told from the tags).
        #[arg(long)]
        scheme: Option<String>,
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
    /// Import a coder's annotations from another tool (brat, doccano, CoNLL; Label Studio into each annotator's
    /// coder) into --annotator's layer: mentions, events with their roles, relations, attributes, actor links and
    /// notes. Nothing is written when anything is refused, unless --partial is given.
    ImportAnnotations {
        /// Project folder.
        project: PathBuf,
        /// An `.ann` file, or a folder of them (searched with its subfolders; the `.txt` files beside them); a
        /// doccano or Label Studio file; a WebAnno `.tsv` file or a folder of them (the coder by each file's name
        /// without --annotator).
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
        // Issue 17: mapping labels to the schema's types, and importing the valid part.
        /// Read a label as a schema type, e.g. --map Person=ACTOR, or --map 3=ACTOR for doccano 1.x's
        /// numbered labels (labels equal to a type's id in any case need none).
        #[arg(long = "map", value_name = "LABEL=TYPE")]
        map: Vec<String>,
        // Issue 17: Label Studio's annotators are user ids or emails; its projects have a labeling config.
        /// label-studio: the coder of a Label Studio user (its id or email), e.g. --coder 3=huda; without it a
        /// file with one annotator goes into --annotator's layer.
        #[arg(long = "coder", value_name = "USER=CODER")]
        coder: Vec<String>,
        /// label-studio: the project's labeling config, to list the labels it declares that the schema lacks
        /// (default: `label_config.xml` beside the file, when there is one).
        #[arg(long)]
        config: Option<PathBuf>,
        /// Import the valid files (brat), lines (doccano), tasks (label-studio) or documents (CoNLL) and list the
        /// refused ones; the exit status is 1.
        #[arg(long)]
        partial: bool,
        /// Add the labels that neither the schema nor --map give a type to the schema, as new entity, event
        /// and relation types (brat: as its annotation.conf declares them), and the roles its event types
        /// lack; saved with the import.
        #[arg(long)]
        add_types: bool,
        // Issue 17: CoNLL's tagging scheme.
        /// CoNLL: the tags' scheme, iob1, iob2, bioes or bilou (default: told from the tags).
        #[arg(long)]
        scheme: Option<String>,
    },
    // Sharing through git (issue 13; src/sync/).
    /// Share a project with a team through git: make its folder a repository (or keep the one it is), with a
    /// .gitignore keeping locks and temp files out and a .gitattributes keeping texts byte-exact, commit it,
    /// and with --remote push it there.
    InitTeam {
        /// Project folder.
        project: PathBuf,
        /// The shared repository (a URL or a path to a bare repository), set as `origin` and pushed to.
        #[arg(long)]
        remote: Option<String>,
    },
    /// Sync a shared project: commit your changed files, fetch and merge your teammates' work, push; offline,
    /// commit and say so (the next sync pushes). Then print the status: commits to send and to receive, and
    /// each teammate's last sync.
    Sync {
        /// Project folder.
        project: PathBuf,
        /// The coder whose sync it is (default: --annotator, else the name the window remembers, else your
        /// login name).
        #[arg(long = "as", value_name = "CODER")]
        coder: Option<String>,
        /// Only print the status; commit and exchange nothing.
        #[arg(long)]
        status: bool,
    },
    // Curation (issue 14; src/workflow/curation/).
    /// Write the diagnosis of an agreement study: one CSV row per disagreement unit (document, offsets, text,
    /// how the coders differ, the gold layer's state, each coder's version).
    Disagreements {
        /// Project folder.
        project: PathBuf,
        /// Only these coders, separated by commas (default: every coder with a layer).
        #[arg(long, value_name = "NAMES")]
        coders: Option<String>,
        /// Only these documents, separated by commas.
        #[arg(long, value_name = "IDS")]
        docs: Option<String>,
        /// The CSV file to write (`-`: standard output).
        #[arg(long, short, value_name = "FILE", default_value = "-")]
        out: PathBuf,
    },
    /// Merge into the gold layer every disagreement-free or majority unit: each open unit whose version at
    /// least --at-least coders share. Units the curator already settled or rejected are left as they are.
    /// The curator is --annotator (else the name the window remembers).
    Curate {
        /// Project folder.
        project: PathBuf,
        /// How many coders must share a version for it to be merged.
        #[arg(long, value_name = "K")]
        at_least: usize,
        /// Only these coders, separated by commas (default: every coder with a layer).
        #[arg(long, value_name = "NAMES")]
        coders: Option<String>,
    },
    /// Assign documents to coders: writes assignments.ron (see --help).
    #[command(long_about = ASSIGN_HELP)]
    Assign {
        /// Project folder.
        project: PathBuf,
        /// The coders, by the names they code under, separated by commas: --coders huda,omar,layla.
        #[arg(long, value_name = "NAMES")]
        coders: String,
        /// How many coders code each document (with --overlap: each overlap document).
        #[arg(long, default_value_t = 1, value_name = "N")]
        per_doc: usize,
        /// The share of all documents that get --per-doc coders, for measuring agreement, e.g. 20%; the
        /// others get one coder each.
        #[arg(long, value_name = "PERCENT")]
        overlap: Option<String>,
        /// The seed of the draw: the same documents, options and seed give the same assignments.
        #[arg(long, default_value_t = 0, value_name = "N")]
        seed: u64,
    },
    // The place registry (issue 19; cli/places.rs).
    /// The project's places: list (or search with the gazetteer), add, link LOCATION mentions to them.
    Places {
        #[command(subcommand)]
        job: crate::cli::places::PlacesJob,
    },
    // Model servers (issue 18; src/models/, cli/model_sources.rs).
    /// Model servers as suggestion sources: add, list, check, remove.
    Source {
        #[command(subcommand)]
        job: crate::cli::model_sources::SourceJob,
    },
    /// Ask a source's model server for suggestions on documents (default: every document), a few at a time;
    /// each document's answer is imported whole, or not at all when any of it is refused. One line per
    /// refused item or failed document; the exit status is then 1.
    Predict {
        /// Project folder.
        project: PathBuf,
        /// The source whose server to ask (`tarmeez source add`).
        #[arg(long)]
        source: String,
        /// Only this document (repeat for several).
        #[arg(long = "doc", value_name = "ID")]
        docs: Vec<String>,
        /// How many requests go out at once.
        #[arg(long, value_name = "N", default_value_t = tarmeez::models::ask::DEFAULT_PARALLEL)]
        parallel: usize,
    },
}

/// How `tarmeez agreement` writes its report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum AgreementFormat {
    /// Tables for reading: pairs, types with intervals, the coder matrix, Fleiss' kappa and alpha-U.
    Table,
    /// One figure a row: level,first,second,document,type,other_type,measure,value,low,high.
    Csv,
    /// The whole report as one JSON object.
    Json,
}

/// `tarmeez assign --help`.
const ASSIGN_HELP: &str = "Assign documents to coders: writes assignments.ron in the project.

Each document not yet assigned gets --per-doc coders (default 1), drawn so that every coder has as many \
documents as the others (at most one apart). With --overlap P%, only P% of all the project's documents get \
--per-doc coders (so that agreement can be measured on them) and every other document gets one coder; which \
documents overlap is drawn with --seed, so the same seed gives the same file.

Run it again after importing more documents: documents already assigned keep their coders (and count \
towards the overlap share and the loads), and only the new ones are drawn. Each coder's window then lists \
the documents assigned to them first, and Ctrl+J goes to the next of them not done.

Coders are named as they code (the name of their layer files); placeholder names such as `annotator` are \
refused. When anything is refused, nothing is written.";

/// A `--format` value: one of a format list's `ALL`, spelt by its `name()`, explained by its `help()`. The
/// lists live in `tarmeez::formats` (shared with the window's menus, and free of clap), so each is wrapped
/// here to be a clap value.
macro_rules! format_choice {
    ($(#[$doc:meta])* $choice:ident($format:ty)) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) struct $choice(pub(crate) $format);

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

// Issue 19: the schema presets of `tarmeez new --schema`.
format_choice!(
    /// The schemas `new` starts a project with ([`tarmeez::model::Preset::ALL`]).
    SchemaChoice(tarmeez::model::Preset)
);
