//! The evidence of exported event records, in a file beside the dataset's (`acled.csv` gets
//! `acled.evidence.csv`), since a codebook's columns must stay exactly its own: one row per span that
//! justifies a field of a record.
//!
//! Columns: `record_id` (the dataset's event id), `document`, `annotator`, `field` (an attribute id such as
//! `fatalities`, or a record field: `date`, `actor1`, `actor2`, `location`, `source`, ...), `start` and `end`
//! (code points of the document's text, end exclusive), `quote` (the words there) and `given` (`coder` when
//! the coder gave the span for the field, `role` when it is the span of the mention filling the role the
//! field comes from).

use crate::workflow::event_record::EventRecord;
use std::path::{Path, PathBuf};

/// The header line.
pub const COLUMNS: [&str; 8] = ["record_id", "document", "annotator", "field", "start", "end", "quote", "given"];

/// The evidence file's path beside `dataset`: its stem with `.evidence.csv`.
pub fn path_beside(dataset: &Path) -> PathBuf {
    let stem = dataset.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    dataset.with_file_name(format!("{stem}.evidence.csv"))
}

/// Every record's evidence as CSV bytes, header first.
pub fn to_csv(records: &[EventRecord]) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(COLUMNS)?;
    for r in records {
        for e in &r.evidence {
            out.write_record([
                r.record_id.as_str(),
                r.row.doc.as_str(),
                r.row.annotator.as_str(),
                e.field.as_str(),
                &e.span.start.to_string(),
                &e.span.end.to_string(),
                &e.quote,
                if e.explicit { "coder" } else { "role" },
            ])?;
        }
    }
    out.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// A dataset table as CSV bytes: `columns` as the header, then one row per record.
pub fn table_csv<R: IntoIterator<Item = String>>(
    columns: &[&str],
    rows: impl IntoIterator<Item = R>,
) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(columns)?;
    for row in rows {
        out.write_record(row)?;
    }
    out.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Writes a dataset table (`csv`) as `<dir>/<file_name>` and the evidence of `records` beside it, each
/// atomically; returns both paths.
pub fn write_table(
    dir: &Path,
    file_name: &str,
    csv: Vec<u8>,
    records: &[EventRecord],
) -> std::io::Result<Vec<PathBuf>> {
    let path = dir.join(file_name);
    crate::store::atomic::write_atomic(&path, &csv)?;
    let evidence = write_beside(&path, records)?;
    Ok(vec![path, evidence])
}

/// Writes the evidence of `records` beside `dataset`, atomically; returns its path.
pub fn write_beside(dataset: &Path, records: &[EventRecord]) -> std::io::Result<PathBuf> {
    let path = path_beside(dataset);
    crate::store::atomic::write_atomic(&path, &to_csv(records).map_err(std::io::Error::other)?)?;
    Ok(path)
}
