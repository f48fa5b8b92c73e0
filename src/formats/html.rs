//! Coded articles as web pages that read offline in any browser (`tarmeez export --format html`).
//!
//! The output folder holds:
//! - `index.html`: every exported layer of every document (title, date, source, coder, counts) with a link;
//! - one page per layer, `<doc>.<annotator>.html`;
//! - `fonts/`: the app's bundled fonts (Noto Naskh Arabic, Noto Sans, Noto Sans Hebrew, Noto Emoji) and their
//!   licences, so that Arabic, Hebrew and emoji show as in the app on a machine without those fonts. Each page
//!   names them in `@font-face` rules and in its font stacks, in the app's order; the browser falls back to
//!   the system's fonts for what they lack, as the app does. The files are written once beside the pages
//!   rather than embedded in base64: they weigh 1.6 MB together, which base64 would make 2.1 MB on every page.
//!   The pages sit beside `fonts/` rather than in folders of their own because browsers refuse a
//!   `file://` page a font from a parent folder (Firefox), and Chromium's headless screenshots do not wait
//!   for a font that a linked stylesheet carries; so each page has its own small `<style>`.
//!
//! A page shows the document's title and metadata, the article, a legend of the schema's types with their
//! counts in the layer, and the layer's events table (the columns of `events-csv`, and the relations between
//! events, each linked to its trigger), then the events on a map (an inline SVG, `formats/map_svg.rs`) when
//! any has a place with coordinates. Each line of the text
//! is a `<p dir="auto">` (or the document's fixed direction), so the browser's own bidi algorithm lays an
//! Arabic paragraph out right to left from its first strong letter, as the app does. Mentions and event
//! triggers are `<mark>`s coloured by type, with a tooltip (type, actor, attributes, roles, note). Marks
//! nest as the spans nest; a span that crosses another's edge or a line break is split into fragments that
//! carry the same `data-m` (mention) or `data-e` (event) id, so the page stays well-formed. Only colours
//! change inside a word, so the browser still joins the Arabic letters across a mark's edge.
//!
//! The markup is also well-formed XML (void elements closed with `/>`), which lets tests read it back with an
//! XML parser and check that every mark covers exactly its span's letters.

use super::events_table::{self, EventColumn, EventRow};
use super::hf_jsonl::{ExportError, ExportSummary, LayerToExport, layers_to_export};
use crate::model::{
    ActorRegistry, Annotator, AttrValue, Attributes, Direction, DocumentMeta, Layer, Rgb, Schema, Span,
};
use crate::store::Project;
use crate::text::fonts::{BUNDLED, LICENCES};
use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::path::Path;

/// The index page.
pub const INDEX_FILE: &str = "index.html";

/// Where the fonts and their licences go, relative to the output folder.
const FONT_DIR: &str = "fonts";

/// Whether a page's events table has this column: those of `events-csv` but the ones the page already says
/// (document, coder, outlet).
fn on_page(c: &EventColumn) -> bool {
    !matches!(c, EventColumn::Document | EventColumn::Annotator | EventColumn::Source)
}

/// Writes the pages of `annotator`'s layers, or every coder's, into `out_dir` (see the module's documentation).
/// Broken documents are listed in the summary's `skipped`. Everything a coder made is shown (provenance of
/// accepted suggestions aside), so `not_expressed` stays empty.
pub fn export_html(
    project: &Project,
    annotator: Option<&Annotator>,
    out_dir: &Path,
) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    let layers = layers_to_export(project, annotator, out_dir, &mut summary)?;
    let mut index_rows = Vec::new();
    let mut pages = Vec::new();
    for l in &layers {
        let rows = events_table::document_rows(l.project, l.doc, l.annotator);
        // Ids and coders' names are slugs without dots, so `<doc>.<annotator>.html` cannot clash with another
        // page or with index.html (a document may well be called `index`).
        let name = format!("{}.{}.html", l.doc, l.annotator);
        let meta = l.project.document(l.doc).and_then(|d| d.meta.clone()).unwrap_or_default();
        summary.spans += l.layer.mentions.len() + l.layer.events.len();
        pages.push((name.clone(), document_page(l, &meta, &rows)));
        index_rows.push(IndexRow { href: name, meta, layer: l, events: rows.len() });
    }
    let index = index_page(&index_rows, &layers.first().map(|l| l.project.config().name.clone()).unwrap_or_default());
    let fonts = out_dir.join(FONT_DIR);
    let mut files: Vec<_> = (BUNDLED.iter().map(|f| (fonts.join(f.file), f.bytes.to_vec())))
        .chain(LICENCES.iter().map(|(name, text)| (fonts.join(name), text.as_bytes().to_vec())))
        .collect();
    files.extend(pages.into_iter().map(|(name, page)| (out_dir.join(name), page.into_bytes())));
    // The index last: it is the page to open, so it appears only once the pages it links are there.
    let index = (out_dir.join(INDEX_FILE), index.into_bytes());
    crate::store::atomic::write_atomic_all(&files).map_err(|(path, source)| ExportError::Write { path, source })?;
    crate::store::atomic::write_atomic(&index.0, &index.1)
        .map_err(|source| ExportError::Write { path: index.0.clone(), source })?;
    summary.files = files.into_iter().map(|(path, _)| path).chain([index.0]).collect();
    Ok(summary)
}

// ---------------------------------------------------------------------------------------------------------
// Pages

/// The start of every page, up to and including `<body>`.
fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"Tarmeez\"/>\n<title>{}</title>\n<style>\n",
        Esc(title),
    );
    font_faces(out);
    let _ = write!(out, "{STYLE}</style>\n</head>\n<body>\n");
}

/// The `@font-face` rules of the bundled fonts (files in `fonts/`, under their own family names, so that the
/// page uses these files even where another version of a font is installed) and the two font stacks: the
/// interface's Latin first, the article's and Arabic cells' Arabic first, as in the app. The browser takes
/// each character from the first family of the stack that has it, then from the system's fonts.
fn font_faces(out: &mut String) {
    for f in &BUNDLED {
        let _ = writeln!(
            out,
            "@font-face {{ font-family: \"{}\"; src: url(\"{FONT_DIR}/{}\") format(\"truetype\"); }}",
            f.family, f.file
        );
    }
    let stack = |first: &str| {
        let rest = BUNDLED.iter().map(|f| f.family).filter(|family| *family != first);
        std::iter::once(first).chain(rest).map(|family| format!("\"{family}\"")).collect::<Vec<_>>().join(", ")
    };
    let _ = writeln!(out, "body {{ font-family: {}, \"Segoe UI\", system-ui, sans-serif; }}", stack("Noto Sans"));
    let _ = writeln!(out, ".ar, article {{ font-family: {}, serif; }}", stack("Noto Naskh Arabic"));
}

const STYLE: &str = r#"body { color: #1d1d1f; background: #fff; max-width: 70em; margin: 1.5em auto; padding: 0 1.2em; line-height: 1.5; }
h1 { font-size: 1.6em; margin: 0.2em 0; }
nav, .meta { color: #555; font-size: 0.9em; }
article { font-size: 1.3em; line-height: 2.2; border-top: 1px solid #ddd; border-bottom: 1px solid #ddd; padding: 0.6em 0; }
article p { margin: 0; min-height: 0.7em; }
mark { color: inherit; border-radius: 2px; border-bottom: 2px solid; }
mark.t { outline: 1.5px solid; outline-offset: 1px; }
mark:target { outline: 3px solid #f5a623; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; padding: 0; list-style: none; font-size: 0.9em; }
.legend .zero { color: #999; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px; vertical-align: -0.1em; margin-inline-end: 0.3em; }
table { border-collapse: collapse; font-size: 0.85em; width: 100%; }
th, td { border: 1px solid #ddd; padding: 0.25em 0.45em; vertical-align: top; text-align: start; }
th { background: #f4f4f6; }
td.ar { font-size: 1.1em; }
td.nowrap { white-space: nowrap; }
"#;

fn document_page(l: &LayerToExport<'_>, meta: &DocumentMeta, rows: &[EventRow]) -> String {
    let schema = &l.project.config().schema;
    let title = if meta.title.is_empty() { l.doc.as_str() } else { meta.title.as_str() };
    let mut out = String::with_capacity(l.text.as_str().len() * 3 + 8192);
    head(&mut out, title);
    let _ = writeln!(out, "<nav><a href=\"{INDEX_FILE}\">All documents</a></nav>");
    let _ = writeln!(out, "<h1 dir=\"auto\" class=\"ar\">{}</h1>", Esc(title));
    let mut facts = vec![format!("document <code>{}</code>", Esc(l.doc.as_str()))];
    if !meta.date.is_empty() {
        facts.push(format!("published {}", Esc(&meta.date)));
    }
    if !meta.source.is_empty() {
        facts.push(format!("<bdi>{}</bdi>", Esc(&meta.source)));
    }
    if !meta.url.is_empty() {
        // Only web addresses become links: a `javascript:` or `data:` URL from an imported corpus would run
        // in the reader's browser when clicked.
        let lower = meta.url.trim().to_ascii_lowercase();
        if lower.starts_with("https://") || lower.starts_with("http://") {
            facts.push(format!("<a href=\"{0}\">{0}</a>", Esc(meta.url.trim())));
        } else {
            facts.push(format!("<bdi>{}</bdi>", Esc(&meta.url)));
        }
    }
    facts.push(format!("coded by {} ({})", Esc(l.annotator.as_str()), l.layer.status.as_str()));
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", facts.join(" &#183; "));
    let _ = writeln!(out, "<h2>Legend</h2>");
    legend(&mut out, schema, l.layer);
    article(&mut out, l, meta.direction);
    let _ = writeln!(out, "<h2>Events ({})</h2>", rows.len());
    events_table(&mut out, rows, l.layer, schema);
    event_map(&mut out, rows, schema);
    out.push_str("</body>\n</html>\n");
    out
}

/// The events on a map (issue 19): an inline SVG (`map_svg`) under the events table, or a line saying why
/// there is none.
fn event_map(out: &mut String, rows: &[EventRow], schema: &Schema) {
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h2>Map</h2>");
    if rows.iter().all(|r| r.coordinates.is_none()) {
        let _ = writeln!(out, "<p>No event of this document has a place with coordinates.</p>");
        return;
    }
    let _ = writeln!(out, "<figure class=\"map\">\n{}</figure>", super::map_svg::map_svg(rows, schema));
}

/// The schema's entity and event types with their colour and how many of each the layer has.
fn legend(out: &mut String, schema: &Schema, layer: &Layer) {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for m in layer.mentions.values() {
        *counts.entry(m.entity_type.as_str()).or_default() += 1;
    }
    for e in layer.events.values() {
        *counts.entry(e.event_type.as_str()).or_default() += 1;
    }
    let entities = schema.entity_types.iter().map(|t| (t.id.as_str(), &t.name, &t.name_ar, t.color, "mention"));
    let events = schema.event_types.iter().map(|t| (t.id.as_str(), &t.name, &t.name_ar, t.color, "event"));
    out.push_str("<ul class=\"legend\">\n");
    for (id, name, name_ar, color, what) in entities.chain(events) {
        let n = counts.get(id).copied().unwrap_or(0);
        let class = if n == 0 { " class=\"zero\"" } else { "" };
        let ar = if name_ar.is_empty() { String::new() } else { format!(" <bdi class=\"ar\">{}</bdi>", Esc(name_ar)) };
        let plural = if n == 1 { "" } else { "s" };
        let _ = writeln!(
            out,
            "<li{class} data-type=\"{}\"><span class=\"swatch\" style=\"background:{color}\"></span>{} \
             <code>{}</code>{ar}: {n} {what}{plural}</li>",
            Esc(id),
            Esc(name),
            Esc(id),
        );
    }
    out.push_str("</ul>\n");
}

fn events_table(out: &mut String, rows: &[EventRow], layer: &Layer, schema: &Schema) {
    if rows.is_empty() {
        out.push_str("<p>No events are coded in this document.</p>\n");
        return;
    }
    out.push_str("<table class=\"events\">\n<thead><tr>");
    for c in EventColumn::ALL.into_iter().filter(on_page) {
        let _ = write!(out, "<th>{}</th>", c.title());
    }
    out.push_str("<th>Relations</th></tr></thead>\n<tbody>\n");
    for row in rows {
        let _ = write!(out, "<tr data-e=\"{}\">", row.event);
        for c in EventColumn::ALL.into_iter().filter(on_page) {
            let cell = c.cell(row);
            match c {
                // The event id links to its trigger in the article.
                // The event links to its trigger in the article; the page already names the document.
                EventColumn::Event => {
                    let _ = write!(out, "<td class=\"nowrap\"><a href=\"#{0}\">{0}</a></td>", row.event);
                }
                EventColumn::Date => {
                    let _ = write!(out, "<td class=\"nowrap\">{}</td>", Esc(&cell));
                }
                // Relations follow the notes: the last column.
                EventColumn::Notes => {
                    let _ = write!(out, "<td dir=\"auto\">{}</td>", Esc(&cell));
                    relations_cell(out, row, layer, schema);
                }
                _ if has_arabic(&cell) => {
                    let _ = write!(out, "<td dir=\"auto\" class=\"ar\">{}</td>", Esc(&cell));
                }
                _ => {
                    let _ = write!(out, "<td dir=\"auto\">{}</td>", Esc(&cell));
                }
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The relations of the row's event, from it (`In response to e1`) and to it (`e2 In response to it`), each
/// event linked to its trigger.
fn relations_cell(out: &mut String, row: &EventRow, layer: &Layer, schema: &Schema) {
    let name = |r: &crate::model::Relation| {
        schema.relation_type(&r.relation_type).map_or_else(|| r.relation_type.to_string(), |t| t.name.clone())
    };
    let mut parts = Vec::new();
    for r in layer.relations.values() {
        let note = if r.note.is_empty() { String::new() } else { format!(" ({})", Esc(&r.note)) };
        if r.from == row.event {
            parts.push(format!("{} <a href=\"#{1}\">{1}</a>{note}", Esc(&name(r)), r.to));
        } else if r.to == row.event {
            parts.push(format!("<a href=\"#{0}\">{0}</a> {1} it{note}", r.from, Esc(&name(r))));
        }
    }
    let _ = write!(out, "<td class=\"relations\">{}</td>", parts.join("; "));
}

struct IndexRow<'a> {
    href: String,
    meta: DocumentMeta,
    layer: &'a LayerToExport<'a>,
    events: usize,
}

fn index_page(rows: &[IndexRow<'_>], project_name: &str) -> String {
    let mut out = String::new();
    let title = if project_name.is_empty() { "Tarmeez export".to_owned() } else { project_name.to_owned() };
    head(&mut out, &title);
    let _ = writeln!(out, "<h1 dir=\"auto\">{}</h1>", Esc(&title));
    let _ = writeln!(out, "<p class=\"meta\">{} coded documents, exported by Tarmeez.</p>", rows.len());
    out.push_str(
        "<table class=\"documents\">\n<thead><tr><th>Title</th><th>Published</th><th>Source</th><th>Coder</th>\
         <th>Status</th><th>Mentions</th><th>Events</th></tr></thead>\n<tbody>\n",
    );
    for r in rows {
        let title = if r.meta.title.is_empty() { r.layer.doc.as_str() } else { r.meta.title.as_str() };
        let _ = writeln!(
            out,
            "<tr><td dir=\"auto\" class=\"ar\"><a href=\"{}\">{}</a></td><td>{}</td><td dir=\"auto\">{}</td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            Esc(&r.href),
            Esc(title),
            Esc(&r.meta.date),
            Esc(&r.meta.source),
            Esc(r.layer.annotator.as_str()),
            r.layer.layer.status.as_str(),
            r.layer.layer.mentions.len(),
            r.events,
        );
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

// ---------------------------------------------------------------------------------------------------------
// The article

/// A highlighted span of the article: a mention or an event's trigger.
struct Mark {
    span: Span,
    /// `m3` or `e1`.
    id: String,
    /// The attribute that groups its fragments: `data-m` or `data-e`.
    data: &'static str,
    class: &'static str,
    color: Rgb,
    tooltip: String,
}

impl Mark {
    fn open_tag(&self, out: &mut String, first: bool) {
        let [r, g, b] = self.color.0;
        // Only the first fragment carries the `id` (ids are unique in a page); the events table links to it.
        let anchor = if first && self.data == "data-e" { format!(" id=\"{}\"", self.id) } else { String::new() };
        let _ = write!(
            out,
            "<mark class=\"{}\" {}=\"{}\"{anchor} style=\"background:rgba({r},{g},{b},0.22);border-color:{};\
             outline-color:{}\" title=\"{}\">",
            self.class,
            self.data,
            self.id,
            self.color,
            self.color,
            Esc(&self.tooltip)
        );
    }
}

/// The article: one `<p>` per line of the text, marks nested as their spans nest.
fn article(out: &mut String, l: &LayerToExport<'_>, direction: Direction) {
    let marks = marks(l);
    let dir = match direction {
        Direction::Auto => "auto",
        Direction::Rtl => "rtl",
        Direction::Ltr => "ltr",
    };
    let lang = if has_arabic(l.text.as_str()) { " lang=\"ar\"" } else { "" };
    let _ = writeln!(out, "<h2>Article</h2>\n<article{lang}>");
    let mut starts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut ends: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, m) in marks.iter().enumerate() {
        starts.entry(m.span.start).or_default().push(i);
        ends.entry(m.span.end).or_default().push(i);
    }
    // Outer spans open first: at one start, the longer span, then a mention around a trigger of the same
    // words, then in the order of `marks` (mentions by id, then events by id).
    for list in starts.values_mut() {
        list.sort_by_key(|&i| (std::cmp::Reverse(marks[i].span.end), marks[i].data != "data-m", i));
    }
    // `covering` is what should be open at the current letter, outermost first; `open` is what the output
    // has open. They are brought together lazily, just before a letter is written, so no empty fragment is
    // written, and a line break closes everything without losing what covers the next line.
    let mut covering: Vec<usize> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut opened_once = vec![false; marks.len()];
    let _ = write!(out, "<p dir=\"{dir}\">");
    for (pos, c) in l.text.as_str().chars().enumerate() {
        if let Some(ending) = ends.get(&pos) {
            covering.retain(|i| !ending.contains(i));
        }
        if let Some(starting) = starts.get(&pos) {
            covering.extend(starting.iter().filter(|&&i| !marks[i].span.is_empty()));
        }
        if c == '\n' {
            close_all(out, &mut open);
            let _ = write!(out, "</p>\n<p dir=\"{dir}\">");
            continue;
        }
        let same = open.iter().zip(&covering).take_while(|(a, b)| a == b).count();
        for _ in same..open.len() {
            out.push_str("</mark>");
        }
        open.truncate(same);
        for &i in &covering[same..] {
            marks[i].open_tag(out, !opened_once[i]);
            opened_once[i] = true;
            open.push(i);
        }
        push_escaped(out, c);
    }
    close_all(out, &mut open);
    out.push_str("</p>\n</article>\n");
}

fn close_all(out: &mut String, open: &mut Vec<usize>) {
    for _ in open.drain(..) {
        out.push_str("</mark>");
    }
}

/// The layer's mentions and triggers, with their colours and tooltips.
fn marks(l: &LayerToExport<'_>) -> Vec<Mark> {
    let schema = &l.project.config().schema;
    let actors = &l.project.actors();
    let grey = Rgb([0x88, 0x88, 0x88]);
    let mut out = Vec::new();
    for (id, m) in &l.layer.mentions {
        let t = schema.entity_type(&m.entity_type);
        let mut tip = t.map_or_else(|| m.entity_type.to_string(), |t| t.name.clone());
        if let Some(actor) = &m.actor {
            let _ = write!(tip, ": {}", actor_name(actors, actor));
        }
        attributes(&mut tip, &m.attributes);
        if !m.note.is_empty() {
            let _ = write!(tip, "\nNote: {}", m.note);
        }
        let color = t.map_or(grey, |t| t.color);
        out.push(Mark { span: m.span, id: id.to_string(), data: "data-m", class: "m", color, tooltip: tip });
    }
    for (id, e) in &l.layer.events {
        let t = schema.event_type(&e.event_type);
        let mut tip = format!("{id} {}", t.map_or_else(|| e.event_type.to_string(), |t| t.name.clone()));
        for a in &e.arguments {
            let role = t.and_then(|t| t.roles.iter().find(|r| r.id == a.role)).map_or(a.role.as_str(), |r| &r.name);
            let filler = l.layer.mentions.get(&a.mention).and_then(|m| l.text.slice(m.span)).unwrap_or("");
            let _ = write!(tip, "\n{role}: {filler}");
        }
        attributes(&mut tip, &e.attributes);
        if !e.note.is_empty() {
            let _ = write!(tip, "\nNote: {}", e.note);
        }
        let color = t.map_or(grey, |t| t.color);
        out.push(Mark { span: e.trigger, id: id.to_string(), data: "data-e", class: "t", color, tooltip: tip });
    }
    out
}

fn actor_name(actors: &ActorRegistry, id: &crate::model::ActorId) -> String {
    actors.actors.get(id).map_or_else(|| id.to_string(), |a| a.name.clone())
}

fn attributes(tip: &mut String, attributes: &Attributes) {
    for (k, v) in attributes {
        let v = match v {
            AttrValue::Bool(b) => if *b { "yes" } else { "no" }.to_owned(),
            AttrValue::Number(n) => events_table::format_number(*n),
            AttrValue::Choice(s) | AttrValue::Date(s) | AttrValue::Text(s) => s.clone(),
        };
        let _ = write!(tip, "\n{k}: {v}");
    }
}

// ---------------------------------------------------------------------------------------------------------
// Text

/// Whether `s` has a letter of the Arabic script, to pick the Arabic font and `lang`.
fn has_arabic(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'))
}

/// Text escaped for HTML content and quoted attribute values.
struct Esc<'a>(&'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..i])?;
            f.write_str(match rest.as_bytes()[i] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[i + 1..];
        }
        f.write_str(rest)
    }
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        _ => out.push(c),
    }
}
