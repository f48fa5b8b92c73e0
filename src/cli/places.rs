//! Issue 19: the place registry from the command line. `places list` prints the project's places (or, with a
//! query, the project's and the gazetteer's that match it); `places add` adds a place; `places link` links
//! every unlinked LOCATION mention of the coder's layer that names a place, as the window's "Link places in
//! this document" does. Writes go through the store (the coder's lock, the shared lock for the place files).

use crate::*;
use clap::Args;
use tarmeez::model::{Place, PlaceKind};
use tarmeez::workflow::places::{Gazetteer, auto_link, find_places, new_place_id};

/// `tarmeez places ...`: what to do with a project's places.
#[derive(Subcommand)]
pub(crate) enum PlacesJob {
    /// List the project's places (id, name, Arabic name, kind, admin1, coordinates); with a query, the project's
    /// and the gazetteer's places that match it, best first (gazetteer places marked `gazetteer`).
    List {
        /// Project folder.
        project: PathBuf,
        /// A name to search for, Arabic or Latin.
        query: Option<String>,
    },
    /// Add a place to the project's registry; prints its new id.
    Add(AddPlace),
    /// Link every unlinked LOCATION mention of --annotator's layer whose text names one place (the project's
    /// or the gazetteer's, copied into the project), in every document or in --doc; says how many were linked
    /// and lists those left.
    Link {
        /// Project folder.
        project: PathBuf,
        /// Only this document (repeat for several).
        #[arg(long = "doc", value_name = "ID")]
        docs: Vec<String>,
    },
}

/// `tarmeez places add`.
#[derive(Args)]
pub(crate) struct AddPlace {
    /// Project folder.
    project: PathBuf,
    /// The name in Latin letters, as datasets write it ("Al Omar oil field").
    name: String,
    /// The name in Arabic.
    #[arg(long)]
    arabic: Option<String>,
    /// Another spelling, Arabic or Latin (repeat for several).
    #[arg(long = "variant", value_name = "NAME")]
    variants: Vec<String>,
    /// The kind: town, village, area, base, site, crossing, admin3, admin2, admin1, country, water, other.
    #[arg(long, default_value = "other")]
    kind: String,
    /// The country, ISO 3166-1 alpha-3 (SYR, IRQ).
    #[arg(long)]
    country: Option<String>,
    /// The governorate (first-level unit) in Latin letters.
    #[arg(long)]
    admin1: Option<String>,
    /// Latitude in degrees.
    #[arg(long, allow_negative_numbers = true)]
    lat: Option<f64>,
    /// Longitude in degrees.
    #[arg(long, allow_negative_numbers = true)]
    lon: Option<f64>,
    /// Where the coordinates come from, or any other note.
    #[arg(long)]
    notes: Option<String>,
}

/// Runs a `places` job.
pub(crate) fn places_job(job: PlacesJob, annotator: Annotator) -> Result<ExitCode> {
    match job {
        PlacesJob::List { project, query } => list(&project, query.as_deref()),
        PlacesJob::Add(args) => add(args, annotator),
        PlacesJob::Link { project, docs } => link(&project, &docs, annotator),
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

/// One line of a place: id, names, kind, governorate, coordinates.
fn line(id: &str, place: &Place, mark: &str) -> String {
    let at = place.coordinates().map_or_else(String::new, |(lat, lon)| format!("{lat}, {lon}"));
    let kind = format!("{:?}", place.kind).to_lowercase();
    format!("{id}\t{}\t{}\t{kind}\t{}\t{at}{mark}", place.name, place.name_ar, place.admin1)
}

fn list(dir: &Path, query: Option<&str>) -> Result<ExitCode> {
    let project = crate::cli::project::open_read_only(dir).with_context(|| format!("cannot open {}", dir.display()))?;
    match query {
        None => {
            for (id, place) in &project.places().places {
                outln!("{}", line(id.as_str(), place, ""));
            }
        }
        Some(q) => {
            for m in find_places(project.places(), Gazetteer::builtin(), q) {
                outln!("{}", line(m.id.as_str(), &m.place, if m.in_project { "" } else { "\tgazetteer" }));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The kind named on the command line (`town`, `Admin1`).
fn parse_kind(name: &str) -> Result<PlaceKind> {
    PlaceKind::ALL.into_iter().find(|k| format!("{k:?}").eq_ignore_ascii_case(name.trim())).ok_or_else(|| {
        let all: Vec<String> = PlaceKind::ALL.iter().map(|k| format!("{k:?}").to_lowercase()).collect();
        anyhow::anyhow!("`{name}` is not a kind of place; use one of {}", all.join(", "))
    })
}

fn add(args: AddPlace, annotator: Annotator) -> Result<ExitCode> {
    let mut place = Place::new(args.name.trim(), parse_kind(&args.kind)?);
    place.name_ar = args.arabic.unwrap_or_default();
    place.variants = args.variants.iter().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()).collect();
    place.country = args.country.unwrap_or_default();
    place.admin1 = args.admin1.unwrap_or_default();
    (place.latitude, place.longitude) = (args.lat, args.lon);
    place.notes = args.notes.unwrap_or_default();
    let mut project = open_writable(&args.project, annotator)?;
    let id = new_place_id(&project, &place.name);
    project.apply_edit(ProjectEdit::PutPlace(id.clone(), Some(place)))?;
    project.save_dirty().with_context(|| format!("cannot save {}", args.project.display()))?;
    outln!("{id}");
    Ok(ExitCode::SUCCESS)
}

fn link(dir: &Path, docs: &[String], annotator: Annotator) -> Result<ExitCode> {
    let mut project = open_writable(dir, annotator)?;
    let ids: Vec<DocId> = if docs.is_empty() {
        project.documents().iter().map(|d| d.id.clone()).collect()
    } else {
        let mut ids = Vec::new();
        for d in docs {
            let id = DocId::parse(d).map_err(|e| anyhow::anyhow!("`{d}`: {e}"))?;
            if project.document(&id).is_none() {
                anyhow::bail!("there is no document `{d}` in {}", dir.display());
            }
            ids.push(id);
        }
        ids
    };
    let (edit, done) = auto_link(&project, &ids, Gazetteer::builtin());
    if let Some(edit) = edit {
        project.apply_edit(edit)?;
        project.save_dirty().with_context(|| format!("cannot save {}", dir.display()))?;
    }
    for (doc, mention, text) in &done.unresolved {
        outln!("{doc}\t{mention}\t{text}\tnot linked");
    }
    outln!("{} mention(s) linked, {} left unlinked", done.linked, done.left);
    Ok(ExitCode::SUCCESS)
}
