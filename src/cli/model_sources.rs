//! Issue 18: model servers from the command line. `source add|list|check|remove` keep a source's server in
//! `project.ron` (written by the store's save, under the shared lock); `predict` asks a source's server about
//! documents in the background (`models::ask`) and imports each document's answer whole or not at all
//! (`workflow::model_suggestions`).

use crate::*;
use clap::Args;
use std::time::Duration;
use tarmeez::formats::suggestions::RefusalKind;
use tarmeez::model::{ModelServer, ServerKind};
use tarmeez::models::{self, DocRequest, ask::Asking};
use tarmeez::workflow::model_suggestions::{AnswerPlan, plan_answer};

/// `tarmeez source ...`: what to do with a project's model sources.
#[derive(Subcommand)]
pub(crate) enum SourceJob {
    /// Add a model server as a suggestion source, or change an existing source's server or label mapping
    /// (saved in project.ron, shared with the team).
    Add(AddArgs),
    /// List the project's suggestion sources: their servers and label mappings.
    List {
        /// Project folder.
        project: PathBuf,
    },
    /// Check that a source's server answers (the ML backend's /health and /setup; the others' health).
    Check {
        /// Project folder.
        project: PathBuf,
        /// The source's name.
        name: String,
    },
    /// Stop asking a source's server; its label mapping and the suggestions already asked for stay.
    Remove {
        /// Project folder.
        project: PathBuf,
        /// The source's name.
        name: String,
    },
}

/// `tarmeez source add`.
#[derive(Args)]
pub(crate) struct AddArgs {
    /// Project folder.
    project: PathBuf,
    /// The source's name, e.g. `spacy-ner`: its suggestions, mapping and decisions are kept under it.
    name: String,
    /// The protocol: ls-backend (Label Studio ML backend), openai (OpenAI-compatible chat completions) or
    /// tarmeez (Tarmeez's own; README, "Model servers"). Needed for a new source.
    #[arg(long)]
    kind: Option<String>,
    /// The server's base URL, e.g. http://localhost:9090 (for openai, the base of /chat/completions, e.g.
    /// http://localhost:8080/v1). Needed for a new source.
    #[arg(long)]
    url: Option<String>,
    /// Map a model label to a schema type, e.g. --map PER=ACTOR, or leave it out with --map MISC=ignore.
    #[arg(long = "map", value_name = "LABEL=TYPE")]
    map: Vec<String>,
    /// Seconds one request may take (default 60).
    #[arg(long, value_name = "SECS")]
    timeout: Option<u32>,
    /// The model to ask, for servers that serve several (the ML backend's model_version, the chat model).
    #[arg(long)]
    model: Option<String>,
    /// A file holding the chat prompt template, with {schema} and {text} put in (openai).
    #[arg(long, value_name = "FILE")]
    prompt_file: Option<PathBuf>,
    /// The environment variable holding the server's API key (never the key itself: project.ron is shared).
    #[arg(long, value_name = "VAR")]
    api_key_env: Option<String>,
    /// Send coders' decisions on its suggestions back to the server (the ML backend's /webhook).
    #[arg(long)]
    feedback: bool,
}

/// Runs a `source` job.
pub(crate) fn source_job(job: SourceJob, annotator: Annotator) -> Result<ExitCode> {
    match job {
        SourceJob::Add(args) => add(args, annotator),
        SourceJob::List { project } => list(&project),
        SourceJob::Check { project, name } => check(&project, &name),
        SourceJob::Remove { project, name } => remove(&project, &name, annotator),
    }
}

fn open_writable(dir: &Path, annotator: Annotator) -> Result<Project> {
    let project = Project::open(dir, OpenOptions { annotator, read_only: false })
        .with_context(|| format!("cannot open {}", dir.display()))?;
    if let tarmeez::store::Access::ReadOnly(why) = project.access() {
        anyhow::bail!("cannot write to {}: {why}", dir.display());
    }
    Ok(project)
}

fn open_reading(dir: &Path) -> Result<Project> {
    let reader = Annotator::parse("reader").map_err(|e| anyhow::anyhow!("{e}"))?;
    Project::open(dir, OpenOptions { annotator: reader, read_only: true })
        .with_context(|| format!("cannot open {}", dir.display()))
}

fn source_name(name: &str) -> Result<SourceName> {
    SourceName::parse(name).map_err(|e| anyhow::anyhow!("source name `{name}`: {e}"))
}

/// A URL the clients can ask: `http://` or `https://` and a host.
fn check_url(url: &str) -> Result<()> {
    let url = url.trim();
    let rest = url.strip_prefix("http://").or_else(|| url.strip_prefix("https://"));
    let Some(rest) = rest else {
        anyhow::bail!(
            "--url {url}: not a web address; it must start with http:// or https://, e.g. http://localhost:9090"
        );
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') || url.contains(char::is_whitespace) {
        anyhow::bail!("--url {url}: no server named in it, e.g. http://localhost:9090");
    }
    Ok(())
}

fn add(args: AddArgs, annotator: Annotator) -> Result<ExitCode> {
    let mut project = open_writable(&args.project, annotator)?;
    let name = source_name(&args.name)?;
    let mut config = project.config().sources.get(&name).cloned().unwrap_or_default();
    let mut server = match (&args.kind, &args.url, config.server.take()) {
        (None, None, Some(old)) => old,
        (kind, url, old) => {
            let Some(kind_name) = kind.as_deref().or(old.as_ref().map(|o| o.kind.name())) else {
                anyhow::bail!("give --kind (ls-backend, openai or tarmeez) for the new source `{name}`");
            };
            let Some(kind) = ServerKind::from_name(kind_name) else {
                let kinds: Vec<&str> = ServerKind::ALL.iter().map(|k| k.name()).collect();
                anyhow::bail!("--kind {kind_name}: not a kind of server Tarmeez can ask; one of {}", kinds.join(", "));
            };
            let Some(url) = url.clone().or(old.as_ref().map(|o| o.url.clone())) else {
                anyhow::bail!("give --url, the server's address, for the new source `{name}`");
            };
            let mut server = old.unwrap_or_else(|| ModelServer::new(kind, url.clone()));
            server.kind = kind;
            server.url = url;
            server
        }
    };
    check_url(&server.url)?;
    settings_of(&args, &mut server)?;
    for pair in &args.map {
        let Some((label, ty)) = pair.split_once('=').filter(|(l, t)| !l.is_empty() && !t.is_empty()) else {
            anyhow::bail!("--map {pair}: expected LABEL=TYPE, e.g. --map PER=ACTOR");
        };
        let Some(target) = suggestions::parse_target(ty, &project.config().schema) else {
            let types = crate::cli::imports::type_names(&project.config().schema);
            anyhow::bail!("--map {pair}: `{ty}` is not a type of the schema ({types}), nor `ignore`");
        };
        config.labels.insert(label.to_owned(), target);
    }
    let shown = format!("{} at {}", server.kind.name(), server.url);
    config.server = Some(server);
    project.apply_edit(ProjectEdit::SetSource(name.clone(), Some(config)))?;
    crate::cli::imports::save_import(&mut project)?;
    outln!("source `{name}`: {shown}");
    Ok(ExitCode::SUCCESS)
}

/// The optional settings of `source add` onto `server`.
fn settings_of(args: &AddArgs, server: &mut ModelServer) -> Result<()> {
    if let Some(secs) = args.timeout {
        anyhow::ensure!(secs > 0, "--timeout {secs}: give at least 1 second");
        server.timeout_secs = secs;
    }
    if let Some(model) = &args.model {
        server.model.clone_from(model);
    }
    if let Some(file) = &args.prompt_file {
        server.prompt = std::fs::read_to_string(file)
            .with_context(|| format!("--prompt-file: cannot read {} as UTF-8 text", file.display()))?;
    }
    if let Some(var) = &args.api_key_env {
        anyhow::ensure!(
            !var.is_empty() && var.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "--api-key-env {var}: give the name of an environment variable (letters, digits, _), not the key"
        );
        server.api_key_env.clone_from(var);
    }
    if args.feedback {
        server.feedback = true;
    }
    Ok(())
}

fn list(dir: &Path) -> Result<ExitCode> {
    let project = open_reading(dir)?;
    let sources = &project.config().sources;
    if sources.is_empty() {
        outln!("no suggestion sources; add a model server with `tarmeez source add`");
    }
    for (name, config) in sources {
        let server = match &config.server {
            Some(s) => {
                let mut line = format!("{} at {}, timeout {} s", s.kind.name(), s.url, s.timeout_secs);
                if !s.model.is_empty() {
                    line.push_str(&format!(", model {}", s.model));
                }
                if !s.api_key_env.is_empty() {
                    line.push_str(&format!(", key in ${}", s.api_key_env));
                }
                if s.feedback {
                    line.push_str(", feedback on");
                }
                line
            }
            None => "suggestion files only".to_owned(),
        };
        outln!("{name}: {server}");
        if !config.labels.is_empty() {
            let map: Vec<String> = config.labels.iter().map(|(l, t)| format!("{l}={}", target_name(t))).collect();
            outln!("  labels: {}", map.join(", "));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn target_name(t: &LabelTarget) -> String {
    match t {
        LabelTarget::Entity(id) => id.to_string(),
        LabelTarget::Event(id) => id.to_string(),
        LabelTarget::Ignore => "ignore".into(),
    }
}

fn check(dir: &Path, name: &str) -> Result<ExitCode> {
    let project = open_reading(dir)?;
    let name = source_name(name)?;
    let config = project.config().sources.get(&name).cloned().unwrap_or_default();
    let predictor = models::connect(&name, &config, &project.config().schema).map_err(|e| anyhow::anyhow!("{e}"))?;
    match predictor.check() {
        Ok(about) => {
            outln!("{name}: {about}");
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            outln!("{name}: {e}");
            Ok(ExitCode::FAILURE)
        }
    }
}

fn remove(dir: &Path, name: &str, annotator: Annotator) -> Result<ExitCode> {
    let mut project = open_writable(dir, annotator)?;
    let name = source_name(name)?;
    let Some(mut config) = project.config().sources.get(&name).cloned() else {
        anyhow::bail!("no source `{name}` in {}", dir.display());
    };
    anyhow::ensure!(config.server.take().is_some(), "the source `{name}` has no model server to remove");
    // A mapping is kept: suggestions already asked for, and files imported under the name, still use it.
    let kept = (!config.labels.is_empty()).then_some(config);
    project.apply_edit(ProjectEdit::SetSource(name.clone(), kept))?;
    crate::cli::imports::save_import(&mut project)?;
    outln!("source `{name}`: its server is no longer asked; its suggestions stay");
    Ok(ExitCode::SUCCESS)
}

/// `tarmeez predict`.
pub(crate) struct PredictArgs {
    pub(crate) source: String,
    pub(crate) docs: Vec<String>,
    pub(crate) parallel: usize,
}

/// The documents to ask about with their texts: those given, else every document of the project.
fn requests(project: &Project, given: &[String]) -> Result<Vec<DocRequest>> {
    let ids: Vec<DocId> = if given.is_empty() {
        project.documents().iter().map(|d| d.id.clone()).collect()
    } else {
        let mut ids = Vec::new();
        for d in given {
            let id = DocId::parse(d).map_err(|e| anyhow::anyhow!("--doc {d}: {e}"))?;
            anyhow::ensure!(project.document(&id).is_some(), "--doc {d}: no such document in the project");
            ids.push(id);
        }
        ids
    };
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let loaded = project.load_document(&id).with_context(|| format!("cannot read the document `{id}`"))?;
        out.push(DocRequest { text: loaded.text.as_str().into(), id });
    }
    Ok(out)
}

/// Asks the source's server about the documents; imports each document's answer whole or not at all.
pub(crate) fn predict(dir: &Path, args: &PredictArgs, annotator: Annotator) -> Result<ExitCode> {
    let mut project = open_writable(dir, annotator)?;
    let source = source_name(&args.source)?;
    let config = project.config().sources.get(&source).cloned().unwrap_or_default();
    let predictor = models::connect(&source, &config, &project.config().schema).map_err(|e| anyhow::anyhow!("{e}"))?;
    let docs = requests(&project, &args.docs)?;
    let total = docs.len();
    let bar = indicatif::ProgressBar::new(total as u64).with_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} documents asked, {eta} left")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let mut asking = Asking::start(predictor, docs, args.parallel);
    let mut tally = Tally::default();
    while !asking.is_finished() {
        let Some(answer) = asking.wait(Duration::from_millis(200)) else { continue };
        bar.set_position(asking.progress().0 as u64);
        let doc = answer.doc;
        let parsed = match answer.result {
            Ok(parsed) => parsed,
            Err(e) => {
                say(&bar, &format!("{doc}: {e}"))?;
                tally.failed += 1;
                continue;
            }
        };
        match plan_answer(&project, &source, &doc, parsed) {
            AnswerPlan::Import(edit, report) => {
                for note in &report.notes {
                    say(&bar, &format!("{doc}: note: {note}"))?;
                }
                if let Some(edit) = edit {
                    project.apply_edit(*edit)?;
                }
                tally.imported += 1;
                tally.added += report.imported();
            }
            AnswerPlan::Refused(refusals) => {
                for r in &refusals {
                    say(&bar, &format!("{doc}: {r}"))?;
                }
                tally.unknown_labels |= refusals.iter().any(|r| r.kind == RefusalKind::UnknownLabel);
                tally.failed += 1;
            }
        }
    }
    bar.finish_and_clear();
    crate::cli::imports::save_import(&mut project)?;
    let Tally { imported, added, failed, unknown_labels } = tally;
    if unknown_labels {
        let types = crate::cli::imports::type_names(&project.config().schema);
        outln!(
            "map the model's labels with `tarmeez source add {} {source} --map LABEL=TYPE` (TYPE one of {types}, or \
             `ignore`), then ask again",
            dir.display()
        );
    }
    outln!(
        "asked `{source}` about {total} document(s): {added} suggestion(s) imported into {imported}, {failed} \
         document(s) refused or failed (nothing imported for those)"
    );
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// What `predict` did, for its last lines.
#[derive(Default)]
struct Tally {
    imported: usize,
    added: usize,
    failed: usize,
    unknown_labels: bool,
}

/// Prints a line above the progress bar.
fn say(bar: &indicatif::ProgressBar, line: &str) -> Result<()> {
    bar.suspend(|| -> Result<()> {
        outln!("{line}");
        Ok(())
    })
}
