//! The event table as CSV (`tarmeez export --format events-csv`): one row per event, with ACLED-like
//! columns, for R, pandas or a spreadsheet. The rules that fill the columns are in
//! [`super::events_table`].
//!
//! UTF-8 without a byte-order mark (Arabic is written as is), comma-separated, fields quoted only when they
//! need it (commas, quotes, line breaks), one header line.

use super::events_table::EventRow;
use std::path::{Path, PathBuf};

/// The file written into the output folder.
pub const FILE_NAME: &str = "events.csv";

/// The header line, in column order. `event_id` is `<doc>:<event>`, unique together with `annotator`;
/// `date_basis` tells where `event_date` came from (`event`, `time`, `publication` or empty);
/// `trigger_start` and `trigger_end` are the trigger's code-point offsets in the document's text.
pub const HEADER: [&str; 18] = [
    "event_id",
    "event_date",
    "date_basis",
    "time_text",
    "event_type",
    "actor1",
    "actor2",
    "location",
    "fatalities",
    "modality",
    "reported_by",
    "source",
    "document",
    "annotator",
    "trigger",
    "trigger_start",
    "trigger_end",
    "notes",
];

/// One row's fields, in [`HEADER`] order.
pub fn record(row: &EventRow) -> [String; 18] {
    [
        row.id(),
        row.date.clone(),
        row.date_basis.as_str().to_owned(),
        row.time_text.clone(),
        row.event_type.clone(),
        row.actor1.clone(),
        row.actor2.clone(),
        row.location.clone(),
        row.fatalities_text(),
        row.modality.clone(),
        row.reported_by.clone(),
        row.source.clone(),
        row.doc.to_string(),
        row.annotator.to_string(),
        row.trigger_text.clone(),
        row.trigger.start.to_string(),
        row.trigger.end.to_string(),
        row.notes.clone(),
    ]
}

/// The whole table as CSV bytes, header first.
pub fn to_csv(rows: &[EventRow]) -> Result<Vec<u8>, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(HEADER)?;
    for row in rows {
        out.write_record(record(row))?;
    }
    out.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

/// Writes the table to `<dir>/events.csv` atomically (a reader never sees half a table), creating `dir`
/// if needed. Returns the file's path.
pub fn write_events_csv(dir: &Path, rows: &[EventRow]) -> std::io::Result<PathBuf> {
    let bytes = to_csv(rows).map_err(std::io::Error::other)?;
    let path = dir.join(FILE_NAME);
    crate::store::atomic::write_atomic(&path, &bytes)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::events_table::DateBasis;
    use crate::model::{Annotator, DocId, EventId, EventTypeId, Span};

    fn row() -> EventRow {
        EventRow {
            place: None,
            coordinates: None,
            doc: DocId::parse("doc").unwrap(),
            annotator: Annotator::parse("sample").unwrap(),
            event: EventId(3),
            date: "2021-06-28".into(),
            date_basis: DateBasis::TimeMention,
            time_text: "مساء أمس".into(),
            event_type_id: EventTypeId::from("ATTACK"),
            event_type: "Attack".into(),
            actor1: "Liwa Abu al-Fadl al-Abbas".into(),
            actor2: "قاعدة التحالف الدولي".into(),
            location: "حقل العمر النفطي; دير الزور".into(),
            fatalities: Some(2.0),
            modality: "asserted".into(),
            reported_by: String::new(),
            source: "Outlet, \"quoted\"".into(),
            notes: "line one\nline two".into(),
            trigger: Span::new(328, 332),
            trigger_text: "قصفت".into(),
        }
    }

    #[test]
    fn csv_round_trips_quotes_line_breaks_and_arabic() {
        let bytes = to_csv(&[row()]).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with("event_id,event_date,"), "no byte-order mark: {text}");
        assert!(text.contains("حقل العمر النفطي; دير الزور"), "Arabic as is");
        let mut reader = csv::Reader::from_reader(&bytes[..]);
        assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), HEADER);
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].iter().map(str::to_owned).collect::<Vec<_>>(), record(&row()));
        assert_eq!(&records[0][0], "doc:e3");
        assert_eq!(&records[0][8], "2");
        assert_eq!(&records[0][11], "Outlet, \"quoted\"");
        assert_eq!(&records[0][17], "line one\nline two");
    }

    #[test]
    fn writes_the_file_into_a_new_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let path = write_events_csv(&tmp.path().join("out/tables"), &[]).unwrap();
        assert_eq!(path, tmp.path().join("out/tables/events.csv"));
        assert_eq!(std::fs::read_to_string(path).unwrap().lines().count(), 1, "the header alone");
    }
}
