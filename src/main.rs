//! The `tarmeez` command: with no subcommand it opens the GUI; subcommands run headless jobs.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tarmeez::formats::corpus::{self, Columns, CorpusFormat};
use tarmeez::formats::export::{ExportCounts, ExportFormat, ExportReport, coded_documents, export_project};
use tarmeez::formats::import::AnnotationFormat;
use tarmeez::formats::png_render::RenderOptions;
use tarmeez::formats::suggestions::{self, SuggestionFormat};
use tarmeez::formats::{brat, plain_text, schema_additions, sniff, type_labels};
use tarmeez::model::{Annotator, DocId, LabelTarget, ProjectEdit, SourceName};
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

/// The sample project, offered on the welcome screen.
const SAMPLE_PROJECT: &str = "projects/al-omar-oilfield";

mod cli;

use cli::args::*;
use cli::assign::*;
use cli::export::*;
use cli::imports::*;
use cli::project::*;

/// `--annotator`, checked: a name that is no valid layer name is a usage error (exit 2).
fn given_annotator(cli: &Cli) -> Result<Option<Annotator>, ExitCode> {
    let Some(name) = cli.annotator.as_deref() else { return Ok(None) };
    Annotator::parse(name).map(Some).map_err(|e| {
        eprintln!("error: --annotator: {e}");
        ExitCode::from(2)
    })
}

/// `import-annotations`: the format's job with its options.
fn import_annotations_job(job: Job, annotator: Option<&Annotator>) -> anyhow::Result<ExitCode> {
    let Job::ImportAnnotations { project, path, format, doc, replace, map, partial, add_types, scheme, coder, config } =
        job
    else {
        unreachable!("called with import-annotations only")
    };
    let options = AnnotationOptions { doc, replace, map, partial, add_types, format: format.0, scheme };
    match format.0 {
        AnnotationFormat::Brat => import_annotations(&project, &path, &options, annotator),
        AnnotationFormat::Doccano => import_doccano(&project, &path, &options, annotator),
        // Issue 17: Label Studio tasks into documents and each annotator's coder's layers.
        AnnotationFormat::LabelStudio => {
            let ls = cli::label_studio::LabelStudioOptions { coders: coder, config };
            cli::label_studio::import(&project, &path, &options, &ls, annotator)
        }
        AnnotationFormat::Conll => cli::imports_conll::import_conll(&project, &path, &options, annotator),
        // Issue 17: WebAnno TSV files into documents and the layers of the coders they name.
        AnnotationFormat::WebAnno => cli::import_webanno::import_webanno(&project, &path, &options, annotator),
    }
}

/// `tarmeez render`: its options gathered for [`render`].
fn render_job(job: Job, annotator: Annotator) -> anyhow::Result<ExitCode> {
    let Job::Render { project, doc_id, out, width, font_size, labels, no_suggestions, dark, pages, page_height } = job
    else {
        unreachable!("called for render only")
    };
    let options = RenderOptions { width, font_size, labels, dark, ..RenderOptions::default() };
    let pages = pages.then(|| page_height.unwrap_or_else(|| default_page_height(width)));
    render(&project, &doc_id, &out, options, !no_suggestions, annotator, pages)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The window and `render` fall back to the system's fonts for characters the bundled ones lack, unless
    // TARMEEZ_FONTS=bundled asks for the bundled fonts alone (the same pixels on every machine).
    tarmeez::text::fonts::set_system_fallback(std::env::var_os("TARMEEZ_FONTS").is_none_or(|v| v != "bundled"));
    let given = match given_annotator(&cli) {
        Ok(given) => given,
        Err(code) => return code,
    };
    let annotator = given.clone().unwrap_or_else(tarmeez::default_annotator);
    let result = match cli.command {
        None => run_gui(cli.project, given),
        Some(Job::Validate { project }) => validate(&project),
        Some(Job::Repair { project, dry_run }) => repair(&project, dry_run),
        Some(Job::Stats { project }) => stats(&project),
        Some(Job::Agreement { project, coders, types, docs, format, diagnosis }) => {
            cli::agreement::agreement(&project, &cli::agreement::Options { coders, types, docs, format, diagnosis })
        }
        Some(Job::Disagreements { project, coders, docs, out }) => {
            cli::curate::disagreements(&project, coders.as_deref(), docs.as_deref(), &out)
        }
        Some(Job::Curate { project, at_least, coders }) => {
            cli::curate::curate(&project, at_least, coders.as_deref(), annotator)
        }
        Some(Job::New { dir, name, schema }) => new_project(&dir, &name, schema.0, annotator),
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
        Some(Job::ImportSuggestions { project, file, source, format, doc, map, ignore, partial, scheme }) => {
            let options = SuggestionOptions { source, format: format.map(|f| f.0), doc, map, ignore, partial, scheme };
            import_suggestions(&project, &file, &options, annotator)
        }
        // Without --annotator every coder's layer is exported: the default annotator is for editing.
        Some(Job::Export { project, format, out }) => {
            export(&project, format.0, &out, cli.annotator.is_some().then_some(&annotator))
        }
        Some(job @ Job::ImportAnnotations { .. }) => {
            import_annotations_job(job, cli.annotator.is_some().then_some(&annotator))
        }
        Some(job @ Job::Render { .. }) => render_job(job, annotator),
        Some(Job::InitTeam { project, remote }) => cli::sync::init_team(&project, remote.as_deref()),
        Some(Job::Sync { project, coder, status }) => {
            cli::sync::sync(&project, coder.as_deref(), given.as_ref(), status)
        }
        Some(Job::Assign { project, coders, per_doc, overlap, seed }) => {
            assign_documents(&project, &AssignArgs { coders, per_doc, overlap, seed })
        }
        // Issue 19: the place registry.
        Some(Job::Places { job }) => cli::places::places_job(job, annotator),
        // Issue 18: model servers.
        Some(Job::Source { job }) => cli::model_sources::source_job(job, annotator),
        Some(Job::Predict { project, source, docs, parallel }) => {
            let args = cli::model_sources::PredictArgs { source, docs, parallel };
            cli::model_sources::predict(&project, &args, annotator)
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

/// Opens the window, on `project` or, without one, on the welcome screen. The coder's name comes from
/// `--annotator`, else `$TARMEEZ_ANNOTATOR`, else the settings; when none of them has it, the window asks once
/// (before the first project opens) and remembers the answer.
fn run_gui(project: Option<PathBuf>, given: Option<Annotator>) -> Result<ExitCode> {
    // The system's font list is read while the window opens, not when the first article is laid out.
    tarmeez::text::fonts::warm_up();
    let from_env =
        std::env::var("TARMEEZ_ANNOTATOR").ok().filter(|s| !s.trim().is_empty()).map(|s| Annotator::from_raw(&s));
    let settings_path = settings::default_path();
    let (remembered, note) = match settings_path.as_deref().map(Settings::load) {
        Some(Ok(s)) => (s.annotator, None),
        Some(Err(e)) => (None, Some(format!("{e}. It is left as it is; your name is used for this session only."))),
        None => (None, None),
    };
    // A settings file that failed to load is never overwritten.
    let writable_settings = if note.is_some() { None } else { settings_path };
    let app = match (project, given.or(from_env).or(remembered)) {
        (None, annotator) => {
            let app = TarmeezApp::new(None, note);
            match annotator {
                Some(annotator) => app.with_annotator(annotator),
                None => app,
            }
        }
        (Some(dir), Some(annotator)) => {
            match Project::open(&dir, OpenOptions { annotator: annotator.clone(), read_only: false }) {
                Ok(p) => TarmeezApp::new(Some(p), None),
                Err(e) => TarmeezApp::new(None, Some(format!("Could not open {}:\n{e}", dir.display())))
                    .with_annotator(annotator),
            }
        }
        (Some(dir), None) => {
            let mut dialog = NameDialog::new(dir, writable_settings.clone(), &tarmeez::identity::proposed_name());
            dialog.note = note;
            TarmeezApp::asking_name(dialog)
        }
    };
    let app = app.with_settings(writable_settings).with_sample(sample_project());
    tarmeez::ui::run(app).map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))?;
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
