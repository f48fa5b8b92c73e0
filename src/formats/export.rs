//! The one list of export formats, shared by `tarmeez export --format` and File > Export, and the one
//! function that writes a project in any of them.
//!
//! Names, descriptions and dispatch live here so that a format added once appears on the command line and in
//! the window alike; each caller only words the [`ExportReport`] its own way.

use crate::formats::{acled, geojson, ucdp};
use crate::formats::{brat, conll, doccano, events_csv, events_table, hf_jsonl, html, label_studio, webanno};
use crate::model::{Annotator, DocId};
use crate::store::Project;
use std::fmt;
use std::path::{Path, PathBuf};

/// A format the coded data can be exported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// An ACLED-like events table, `events.csv`.
    EventsCsv,
    /// brat standoff: `.txt` and `.ann` per document, `annotation.conf` and `visual.conf`.
    Brat,
    /// doccano JSON lines.
    Doccano,
    /// CoNLL BIO tokens.
    Conll,
    /// Hugging Face JSON lines.
    HfJsonl,
    /// Label Studio tasks with a labeling config (issue 17).
    LabelStudio,
    /// WebAnno TSV 3.3 (INCEpTION), one file per document and coder.
    WebAnno,
    /// Web pages to read in a browser.
    Html,
    /// ACLED's columns, `acled.csv`, with the evidence beside it (issue 19).
    Acled,
    /// UCDP GED's columns, `ucdp_ged.csv`, with the evidence beside it (issue 19).
    Ucdp,
    /// The events as GeoJSON points, `events.geojson` (issue 19).
    GeoJson,
}

impl ExportFormat {
    /// Every format, in the order they are listed.
    pub const ALL: [ExportFormat; 11] = [
        ExportFormat::EventsCsv,
        ExportFormat::Brat,
        ExportFormat::Doccano,
        ExportFormat::Conll,
        ExportFormat::HfJsonl,
        ExportFormat::LabelStudio,
        ExportFormat::WebAnno,
        ExportFormat::Html,
        ExportFormat::Acled,
        ExportFormat::Ucdp,
        ExportFormat::GeoJson,
    ];

    /// The name as `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::EventsCsv => "events-csv",
            ExportFormat::Brat => "brat",
            ExportFormat::Doccano => "doccano",
            ExportFormat::Conll => "conll",
            ExportFormat::HfJsonl => "hf-jsonl",
            ExportFormat::LabelStudio => "label-studio",
            ExportFormat::WebAnno => "webanno",
            ExportFormat::Html => "html",
            ExportFormat::Acled => "acled",
            ExportFormat::Ucdp => "ucdp",
            ExportFormat::GeoJson => "geojson",
        }
    }

    /// The format named `name` (as [`ExportFormat::name`] spells it).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.name() == name)
    }

    /// What the format holds, in a few words, for a list to choose from.
    pub fn description(self) -> &'static str {
        match self {
            ExportFormat::EventsCsv => "one row per event (ACLED-like)",
            ExportFormat::Brat => ".txt and .ann per document, annotation.conf",
            ExportFormat::Doccano => "JSON lines with entities and relations",
            ExportFormat::Conll => "BIO tokens, clitics split at mention boundaries",
            ExportFormat::HfJsonl => "text and code point spans",
            ExportFormat::LabelStudio => "Label Studio tasks and labeling config",
            ExportFormat::WebAnno => "WebAnno TSV 3.3 for INCEpTION, a file per document and coder",
            ExportFormat::Html => "pages to read in a browser, with legend and events",
            ExportFormat::Acled => "ACLED's columns, with the evidence beside",
            ExportFormat::Ucdp => "UCDP GED's columns, with the evidence beside",
            ExportFormat::GeoJson => "the events as map points (RFC 7946)",
        }
    }

    /// What the format writes, in full, for the command line's `--help`.
    pub fn help(self) -> &'static str {
        match self {
            ExportFormat::EventsCsv => {
                "`events.csv`: one row per event with ACLED-like columns (date, type, actors, location, fatalities, ...)"
            }
            ExportFormat::Brat => {
                "brat standoff: a `.txt` and an `.ann` per document (in `<out>/<annotator>/` without --annotator), \
                 with `annotation.conf` and `visual.conf` describing the schema"
            }
            ExportFormat::Doccano => {
                "`doccano.jsonl`: text, entities (mentions and triggers) and relations (event roles, event relations)"
            }
            ExportFormat::Conll => {
                "`mentions.conll`: BIO tags, one token per line with its offset; clitics split off at mention boundaries"
            }
            ExportFormat::HfJsonl => {
                "`hf.jsonl`: text and entity spans in code points, in the Hugging Face pipeline's shape"
            }
            ExportFormat::LabelStudio => {
                "`tasks.json`: one Label Studio task per document, one annotation per coder (regions, roles and \
                 relations, UTF-16 offsets), with `label_config.xml` declaring the schema's types"
            }
            ExportFormat::WebAnno => {
                "WebAnno TSV 3.3, INCEpTION's format: `<doc>/<annotator>.tsv` per layer, mentions as named \
                 entities, events with their roles as slot links, relations between mentions and between events"
            }
            ExportFormat::Html => {
                "Web pages: each article right to left with coloured spans, a legend and its events, one \
                 `<doc>.<annotator>.html` per layer; `index.html` lists them"
            }
            ExportFormat::Acled => {
                "`acled.csv`: one row per event with exactly the ACLED codebook's columns (what Tarmeez does not \
                 code left empty), and `acled.evidence.csv`: the quotes that justify each field, with their offsets"
            }
            ExportFormat::Ucdp => {
                "`ucdp_ged.csv`: one row per event with exactly UCDP GED's columns (what Tarmeez does not code \
                 left empty), and `ucdp_ged.evidence.csv`: the quotes that justify each field, with their offsets"
            }
            ExportFormat::GeoJson => {
                "`events.geojson`: a FeatureCollection, a Point per event at its place's coordinates (null for an \
                 event without them), ACLED's fields and the evidence quotes as properties"
            }
        }
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The counts an export reports, in the shape of its format.
#[derive(Debug)]
pub enum ExportCounts {
    /// events-csv: the table's rows and the documents with a layer they come from.
    Events {
        /// Rows written (one per event).
        rows: usize,
        /// Documents read that have a layer to export.
        documents: usize,
    },
    /// brat: one `.ann` (and `.txt`) per document and layer.
    Brat {
        /// `(document, annotator, .ann path)` for each pair of files written.
        ann_files: Vec<(DocId, Annotator, PathBuf)>,
    },
    /// ACLED, UCDP and GeoJSON: event records.
    Records {
        /// Records written (one per event and layer).
        rows: usize,
        /// Documents read that have a layer to export.
        documents: usize,
        /// Evidence spans written.
        evidence: usize,
    },
    /// doccano, CoNLL, hf-jsonl and HTML: spans of layers.
    Spans {
        /// Spans written.
        spans: usize,
        /// Layers written.
        layers: usize,
        /// Documents written.
        documents: usize,
    },
}

/// What an export wrote, and what it left out.
#[derive(Debug)]
pub struct ExportReport {
    /// The format written.
    pub format: ExportFormat,
    /// The files written (for brat, the `.ann` files; the `.txt` files and configuration lie beside them).
    pub files: Vec<PathBuf>,
    /// Documents left out because they have problems, with the first problem when the format names it.
    pub skipped: Vec<(DocId, Option<String>)>,
    /// What the format cannot express, one sentence each.
    pub not_expressed: Vec<String>,
    /// The format's counts.
    pub counts: ExportCounts,
}

/// The number of documents read that have a layer to export: `annotator`'s, or any coder's.
pub fn coded_documents(project: &Project, annotator: Option<&Annotator>) -> usize {
    project
        .documents()
        .iter()
        .filter_map(|d| d.loaded())
        .filter(|d| annotator.map_or(!d.layers.is_empty(), |a| d.layers.contains_key(a)))
        .count()
}

/// Writes `project` in `format` into the folder `out` (created if missing): `annotator`'s layers, or every
/// coder's when `None`. Documents that cannot be read are left out and listed in the report.
pub fn export_project(
    project: &Project,
    format: ExportFormat,
    annotator: Option<&Annotator>,
    out: &Path,
) -> std::io::Result<ExportReport> {
    match format {
        ExportFormat::EventsCsv => export_events(project, annotator, out),
        ExportFormat::Brat => export_brat(project, annotator, out),
        ExportFormat::Acled | ExportFormat::Ucdp | ExportFormat::GeoJson => {
            export_records(project, format, annotator, out)
        }
        ExportFormat::Doccano
        | ExportFormat::Conll
        | ExportFormat::HfJsonl
        | ExportFormat::Html
        | ExportFormat::LabelStudio
        | ExportFormat::WebAnno => export_spans(project, format, annotator, out),
    }
}

/// events-csv: the events table of the chosen layers.
fn export_events(project: &Project, annotator: Option<&Annotator>, out: &Path) -> std::io::Result<ExportReport> {
    let rows = events_table::project_rows(project, annotator);
    let path = events_csv::write_events_csv(out, &rows)?;
    let skipped = project.documents().iter().filter(|d| d.loaded().is_none()).map(|d| (d.id.clone(), None)).collect();
    let counts = ExportCounts::Events { rows: rows.len(), documents: coded_documents(project, annotator) };
    Ok(ExportReport { format: ExportFormat::EventsCsv, files: vec![path], skipped, not_expressed: vec![], counts })
}

/// ACLED, UCDP and GeoJSON: the event records of the chosen layers. The notes name the columns left empty,
/// the events without coordinates, and the events that appear once per coder.
fn export_records(
    project: &Project,
    format: ExportFormat,
    annotator: Option<&Annotator>,
    out: &Path,
) -> std::io::Result<ExportReport> {
    let records = crate::workflow::event_record::project_records(project, annotator);
    crate::store::atomic::create_dir_durable(out)?;
    let (files, not_coded): (Vec<PathBuf>, &[&str]) = match format {
        ExportFormat::Acled => (acled::write(out, &records)?, &acled::NOT_CODED),
        ExportFormat::Ucdp => (ucdp::write(out, &records)?, &ucdp::NOT_CODED),
        _ => (vec![geojson::write(out, &records)?], &acled::NOT_CODED),
    };
    let mut notes = vec![format!("columns left empty, not coded by Tarmeez: {}", not_coded.join(", "))];
    let unlocated: Vec<&str> =
        records.iter().filter(|r| r.coordinates().is_none()).map(|r| r.record_id.as_str()).collect();
    if !unlocated.is_empty() {
        let how = if format == ExportFormat::GeoJson { "null geometry" } else { "empty latitude and longitude" };
        notes.push(format!("{} events without coordinates ({how}): {}", unlocated.len(), unlocated.join(", ")));
    }
    let coders: std::collections::BTreeSet<_> = records.iter().map(|r| &r.row.annotator).collect();
    if coders.len() > 1 {
        notes.push(format!(
            "the layers of {} coders are written, so an event two coders coded appears twice; give --annotator for one",
            coders.len()
        ));
    }
    let skipped = project.documents().iter().filter(|d| d.loaded().is_none()).map(|d| (d.id.clone(), None)).collect();
    let counts = ExportCounts::Records {
        rows: records.len(),
        documents: coded_documents(project, annotator),
        evidence: records.iter().map(|r| r.evidence.len()).sum(),
    };
    Ok(ExportReport { format, files, skipped, not_expressed: notes, counts })
}

/// brat: see [`brat::export_project`].
fn export_brat(project: &Project, annotator: Option<&Annotator>, out: &Path) -> std::io::Result<ExportReport> {
    let report = brat::export_project(project, annotator, out)?;
    Ok(ExportReport {
        format: ExportFormat::Brat,
        files: report.written.iter().map(|(.., ann)| ann.clone()).collect(),
        skipped: report.skipped.into_iter().map(|(doc, first)| (doc, Some(first))).collect(),
        not_expressed: report.not_expressed.iter().map(ToString::to_string).collect(),
        counts: ExportCounts::Brat { ann_files: report.written },
    })
}

/// doccano, CoNLL, hf-jsonl and HTML: every chosen layer's spans.
fn export_spans(
    project: &Project,
    format: ExportFormat,
    annotator: Option<&Annotator>,
    out: &Path,
) -> std::io::Result<ExportReport> {
    let summary = match format {
        ExportFormat::Doccano => doccano::export_doccano(project, annotator, out),
        ExportFormat::Conll => conll::export_conll(project, annotator, out),
        ExportFormat::Html => html::export_html(project, annotator, out),
        ExportFormat::LabelStudio => label_studio::export_label_studio(project, annotator, out),
        ExportFormat::WebAnno => webanno::export_webanno(project, annotator, out),
        _ => hf_jsonl::export_hf_jsonl(project, annotator, out),
    }
    // Its message and cause chain are kept: the command line prints the chain, the window the message.
    .map_err(std::io::Error::other)?;
    Ok(ExportReport {
        format,
        files: summary.files,
        skipped: summary.skipped.into_iter().map(|doc| (doc, None)).collect(),
        not_expressed: summary.not_expressed.iter().map(ToString::to_string).collect(),
        counts: ExportCounts::Spans { spans: summary.spans, layers: summary.layers, documents: summary.documents },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_parses_back_to_its_format() {
        for format in ExportFormat::ALL {
            assert_eq!(ExportFormat::from_name(format.name()), Some(format));
            assert_eq!(format.to_string(), format.name());
            assert!(!format.description().is_empty() && !format.help().is_empty());
        }
        assert_eq!(ExportFormat::from_name("csv"), None);
    }
}
