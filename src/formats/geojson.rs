//! Event records as GeoJSON (`tarmeez export --format geojson`, RFC 7946): `events.geojson`, one
//! FeatureCollection with a Feature per record.
//!
//! - The geometry is a Point at the registry place's coordinates, `[longitude, latitude]` in WGS 84 as
//!   RFC 7946 section 3.1.1 orders them.
//! - An event whose place has no coordinates (or that has no registry place) is kept with a `null` geometry,
//!   which RFC 7946 section 3.2 allows for an unlocated feature: a map skips it, a table keeps it, and the
//!   export's notes list it. Dropping it would make a count of events from the file silently wrong.
//! - The Feature's `id` is the record id; its `properties` are ACLED's columns (numbers as numbers, an empty
//!   cell as `null`), then `document`, `annotator` and `evidence`: `[{field, start, end, quote, given}]` as in
//!   [`super::record_evidence`].

use super::acled;
use crate::workflow::event_record::EventRecord;
use serde_json::{Map, Value, json};
use std::path::{Path, PathBuf};

/// The file written into the output folder.
pub const FILE_NAME: &str = "events.geojson";

/// ACLED's columns whose values are numbers.
const NUMERIC: [&str; 10] = [
    "year",
    "time_precision",
    "inter1",
    "inter2",
    "interaction",
    "iso",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
];

/// One record as a Feature.
pub fn feature(r: &EventRecord) -> Value {
    let mut properties = Map::new();
    for (column, cell) in acled::COLUMNS.iter().zip(acled::row(r)) {
        let value = if cell.is_empty() {
            Value::Null
        } else if NUMERIC.contains(column) {
            cell.parse::<f64>().ok().and_then(serde_json::Number::from_f64).map_or(Value::String(cell), Value::Number)
        } else {
            Value::String(cell)
        };
        properties.insert((*column).to_owned(), value);
    }
    properties.insert("document".into(), json!(r.row.doc.to_string()));
    properties.insert("annotator".into(), json!(r.row.annotator.to_string()));
    let evidence: Vec<Value> = r
        .evidence
        .iter()
        .map(|e| {
            json!({
                "field": e.field.to_string(),
                "start": e.span.start,
                "end": e.span.end,
                "quote": e.quote,
                "given": if e.explicit { "coder" } else { "role" },
            })
        })
        .collect();
    properties.insert("evidence".into(), Value::Array(evidence));
    let geometry =
        r.coordinates().map_or(Value::Null, |(lat, lon)| json!({"type": "Point", "coordinates": [lon, lat]}));
    json!({"type": "Feature", "id": r.record_id, "geometry": geometry, "properties": properties})
}

/// The records as a FeatureCollection.
pub fn collection(records: &[EventRecord]) -> Value {
    json!({"type": "FeatureCollection", "features": records.iter().map(feature).collect::<Vec<_>>()})
}

/// Writes `<dir>/events.geojson` atomically; returns its path.
pub fn write(dir: &Path, records: &[EventRecord]) -> std::io::Result<PathBuf> {
    let path = dir.join(FILE_NAME);
    let bytes = serde_json::to_vec_pretty(&collection(records)).map_err(std::io::Error::other)?;
    crate::store::atomic::write_atomic(&path, &bytes)?;
    Ok(path)
}
