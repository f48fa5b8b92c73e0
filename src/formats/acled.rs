//! Event records as ACLED's dataset (`tarmeez export --format acled`): `acled.csv` with exactly the columns of
//! ACLED's export, in their order, and the evidence beside it (`acled.evidence.csv`, see
//! [`super::record_evidence`]). The record's rules are in `workflow::event_record`.
//!
//! Cells Tarmeez has no value for are empty, never 0: an event without a fatalities count has an empty
//! `fatalities`, where ACLED itself would write 0.

use super::events_table::format_number;
use crate::workflow::event_record::EventRecord;
use std::path::{Path, PathBuf};

/// The file written into the output folder.
pub const FILE_NAME: &str = "acled.csv";

/// ACLED's columns, in order: the ACLED Codebook (2023, the structure of 20 March 2023, "Guide to 2023 ACLED
/// Column Changes": `disorder_type`, `civilian_targeting` and `tags` added; `data_id`, `event_id_no_cnty` and
/// `iso3` removed), as the ACLED API returns them.
pub const COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// The columns Tarmeez never fills: `timestamp` is when ACLED last changed its copy of the event, which
/// a coder's file does not have (writing the export's time would make every export differ).
pub const NOT_CODED: [&str; 1] = ["timestamp"];

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// One record's cells, in [`COLUMNS`] order.
pub fn row(r: &EventRecord) -> [String; 31] {
    let place = r.place.as_ref();
    let country = r.country;
    let (lat, lon) = r.coordinates().unzip();
    [
        r.record_id.clone(),
        r.dates.date.clone(),
        opt(r.dates.year()),
        opt(r.dates.time_precision),
        r.disorder_type.clone(),
        r.acled_event_type.clone(),
        r.sub_event_type.clone(),
        r.actor1_name().to_owned(),
        r.assoc_actor_1.join("; "),
        opt(r.inter1),
        r.actor2_name().to_owned(),
        r.assoc_actor_2.join("; "),
        opt(r.inter2),
        opt(r.interaction),
        if r.civilian_targeting { "Civilian targeting".to_owned() } else { String::new() },
        opt(country.map(|c| c.iso_numeric)),
        country.map(|c| c.acled_region.to_owned()).unwrap_or_default(),
        country.map(|c| c.name.to_owned()).unwrap_or_default(),
        place.map(|p| p.admin1.clone()).unwrap_or_default(),
        place.map(|p| p.admin2.clone()).unwrap_or_default(),
        place.map(|p| p.admin3.clone()).unwrap_or_default(),
        r.location().to_owned(),
        opt(lat),
        opt(lon),
        opt(place.map(|p| p.kind.acled_geo_precision())),
        r.source.clone(),
        r.source_scale.clone(),
        r.row.notes.clone(),
        r.fatalities.map(format_number).unwrap_or_default(),
        r.tags.clone(),
        String::new(),
    ]
}

/// The records as CSV bytes, header first.
pub fn to_csv(records: &[EventRecord]) -> Result<Vec<u8>, csv::Error> {
    super::record_evidence::table_csv(&COLUMNS, records.iter().map(row))
}

/// Writes `<dir>/acled.csv` and its evidence file, each atomically; returns both paths.
pub fn write(dir: &Path, records: &[EventRecord]) -> std::io::Result<Vec<PathBuf>> {
    let csv = to_csv(records).map_err(std::io::Error::other)?;
    super::record_evidence::write_table(dir, FILE_NAME, csv, records)
}
