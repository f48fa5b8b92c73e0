//! Importers and exporters of other tools' formats.

pub mod brat;
pub mod conll;
pub mod corpus;
pub mod doccano;
pub mod events_csv;
pub mod events_table;
pub mod export;
pub mod hf_jsonl;
pub mod html;
pub mod import;
pub mod plain_text;
pub mod png_render;
pub mod suggestions;
pub mod text_file;
// Issue 17: labels matched to schema types case-blind and through --map, and telling formats apart.
pub mod sniff;
pub mod type_labels;
// Issue 17: what another tool's files declare or use, to map or add before an import.
pub mod found_types;
// Issue 17: Label Studio task exports in (documents and coders' layers) and out (tasks.json, label_config.xml).
pub mod label_studio;
pub mod schema_additions;
// Issue 17: WebAnno TSV 3, INCEpTION's interchange format, read and written.
pub mod webanno;
// Issue 19: the event map's outlines and points (shared by the window and the HTML export's map).
pub mod map_data;
pub mod map_svg;
// Issue 19: event records as ACLED, UCDP GED and GeoJSON, with their evidence beside them.
pub mod acled;
pub mod geojson;
pub mod record_evidence;
pub mod ucdp;
