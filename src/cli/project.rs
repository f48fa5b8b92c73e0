//! Jobs on a whole project: validate, stats, new, render.

use crate::*;
use tarmeez::formats::png_render::{MAX_IMAGE_HEIGHT, Pages, RenderError, render_png_noting_missing};
use tarmeez::store::{SharedFilesLock, integrity, repair};

pub(crate) fn open_read_only(dir: &Path) -> Result<Project, StoreError> {
    Project::open(dir, OpenOptions { annotator: tarmeez::default_annotator(), read_only: true })
}

pub(crate) fn validate(dir: &Path) -> Result<ExitCode> {
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
    // What loading cannot see: leftovers of interrupted writes, annotations of missing documents, links.
    let leftovers = integrity::problems(dir, None, SharedFilesLock::PATIENCE)
        .with_context(|| format!("cannot read the project folder {}", dir.display()))?;
    let links = project.place_link_problems();
    let problems: Vec<_> = project.problems().chain(&links).chain(&leftovers).collect();
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

/// `repair`: clears up what interrupted writes left, says each step, then validates (exit 0 when clean).
pub(crate) fn repair(dir: &Path, dry_run: bool) -> Result<ExitCode> {
    let options = repair::RepairOptions { dry_run, own_session: None };
    let steps = repair::repair(dir, &options)?;
    for step in &steps {
        outln!("{}", step.describe(dry_run));
    }
    let fixed = steps.iter().filter(|s| s.fixed()).count();
    if dry_run {
        outln!("{fixed} repair(s) to make, {} to leave; nothing was changed", steps.len() - fixed);
        return Ok(ExitCode::SUCCESS);
    }
    outln!("{fixed} repair(s) made, {} left", steps.len() - fixed);
    validate(dir)
}

pub(crate) fn stats(dir: &Path) -> Result<ExitCode> {
    let project = open_read_only(dir).with_context(|| format!("cannot open {}", dir.display()))?;
    outln!("Project: {}", project.config().name);
    outln!("{}", Stats::of(&project).to_string().trim_end());
    use tarmeez::workflow::review_stats::{ReviewTable, Reviewers, review_stats};
    let review = review_stats(&project, &Reviewers::Everyone);
    if !review.is_empty() {
        outln!("All coders, pooled:");
        outln!("{}", ReviewTable(&review).to_string().trim_end());
        let coders: std::collections::BTreeSet<Annotator> = project
            .documents()
            .iter()
            .filter_map(|d| d.loaded())
            .flat_map(|l| l.layers.iter().filter(|(_, layer)| !layer.reviews.is_empty()).map(|(a, _)| a.clone()))
            .collect();
        for coder in coders {
            outln!("Decisions of {coder}:");
            outln!("{}", ReviewTable(&review_stats(&project, &Reviewers::Coder(coder))).to_string().trim_end());
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn new_project(
    dir: &Path,
    name: &str,
    preset: tarmeez::model::Preset,
    annotator: Annotator,
) -> Result<ExitCode> {
    Project::create(dir, name, preset.schema(), annotator)?;
    outln!("Created project \"{name}\" in {}", dir.display());
    outln!("Import articles with: tarmeez import-text {} <files or folders>", dir.display());
    Ok(ExitCode::SUCCESS)
}

/// The page height `--pages` uses without `--page-height`: the proportion of an A4 sheet.
pub(crate) fn default_page_height(width: u32) -> u32 {
    (width as f32 * 1.414).round() as u32
}

/// `render`: one image, or with `pages` (a page height) one image per page.
pub(crate) fn render(
    dir: &Path,
    doc_id: &str,
    out: &Path,
    mut options: RenderOptions,
    suggestions: bool,
    annotator: Annotator,
    pages: Option<u32>,
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
    let schema = Some(&project.config().schema);
    if let Some(page_height) = pages {
        return render_pages(Pages::new(text, &highlights, schema, options, page_height)?, out);
    }
    let (png, missing) = match render_png_noting_missing(text, &highlights, schema, options) {
        Err(RenderError::TooTall) => anyhow::bail!(
            "`{id}` is more than {MAX_IMAGE_HEIGHT} pixels tall at width {}, too tall for one image: use --pages \
             to write one PNG per page",
            options.width
        ),
        other => other?,
    };
    tarmeez::store::atomic::write_atomic(out, &png).with_context(|| format!("cannot write {}", out.display()))?;
    outln!("wrote {}", out.display());
    report_missing_glyphs(&missing);
    Ok(ExitCode::SUCCESS)
}

/// Says on stderr which characters were drawn as empty boxes, so that a missing font is never silent.
pub(crate) fn report_missing_glyphs(missing: &std::collections::BTreeMap<char, usize>) {
    if missing.is_empty() {
        return;
    }
    let total: usize = missing.values().sum();
    let which: Vec<String> = missing.iter().map(|(c, n)| format!("U+{:04X} {c} ({n})", u32::from(*c))).collect();
    let fonts = if tarmeez::text::fonts::system_fallback() {
        "in any font, bundled or the system's,"
    } else {
        "in the bundled fonts (TARMEEZ_FONTS=bundled: the system's were not tried)"
    };
    eprintln!("warning: {total} characters had no glyph {fonts} and are drawn as empty boxes: {}", which.join(", "));
}

/// Writes each page to `<stem>-0001.png`, `<stem>-0002.png`, ... beside `out`, one at a time.
fn render_pages(mut pages: Pages<'_>, out: &Path) -> Result<ExitCode> {
    let stem = out.file_stem().map_or_else(|| "page".into(), |s| s.to_string_lossy().into_owned());
    let name = |n: usize| out.with_file_name(format!("{stem}-{n:04}.png"));
    let mut n = 0;
    while let Some(png) = pages.next_page()? {
        n += 1;
        let path = name(n);
        tarmeez::store::atomic::write_atomic(&path, &png)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    outln!("wrote {n} page(s): {} to {}", name(1).display(), name(n).display());
    report_missing_glyphs(&pages.missing_glyphs());
    Ok(ExitCode::SUCCESS)
}
