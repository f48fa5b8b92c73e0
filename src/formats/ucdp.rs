//! Event records as UCDP's Georeferenced Event Dataset (`tarmeez export --format ucdp`): `ucdp_ged.csv` with
//! exactly GED's columns, in their order, and the evidence beside it (`ucdp_ged.evidence.csv`, see
//! [`super::record_evidence`]).
//!
//! - `side_a` and `side_b` are actor 1 and actor 2, swapped in a state-based event whose state is actor 2
//!   (UCDP puts the government on side A); a one-sided event without a second actor has `Civilians` on side B.
//! - `number_of_sources` is 1: a record comes from one article. `source_office` is the outlet,
//!   `source_date` and `source_headline` the article's date and title, `source_article` the three together,
//!   `source_original` whom the article cites (SOURCE fillers).
//! - `where_coordinates` is the registry place's name, `where_description` the article's words for it.
//! - `best`, `low` and `high` are the coder's counts; one not coded stays empty rather than copied from another.

use super::events_table::format_number;
use crate::workflow::event_record::EventRecord;
use std::path::{Path, PathBuf};

/// The file written into the output folder.
pub const FILE_NAME: &str = "ucdp_ged.csv";

/// UCDP GED's columns, in order: the UCDP GED Codebook version 24.1 (the same list as 23.1), as the UCDP API's
/// `gedevents` returns them.
pub const COLUMNS: [&str; 49] = [
    "id",
    "relid",
    "year",
    "active_year",
    "code_status",
    "type_of_violence",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_a",
    "side_b_dset_id",
    "side_b_new_id",
    "side_b",
    "number_of_sources",
    "source_article",
    "source_office",
    "source_date",
    "source_headline",
    "source_original",
    "where_prec",
    "where_coordinates",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "geom_wkt",
    "priogrid_gid",
    "country",
    "country_id",
    "region",
    "event_clarity",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
    "gwnoa",
    "gwnob",
];

/// The columns Tarmeez never fills: UCDP's own ids and names of conflicts, dyads and actors (`relid`,
/// `*_dset_id`, `*_new_id`, `conflict_name`, `dyad_name`), which only UCDP's actor and conflict lists give;
/// whether the year is active and the coding status, which are UCDP's judgements over all its sources; the
/// PRIO-GRID cell; how clear the event is; the deaths by side, which Tarmeez counts per event only; and the
/// sides' state numbers (`gwnoa`, `gwnob`), since the actor registry holds no country.
pub const NOT_CODED: [&str; 21] = [
    "relid",
    "active_year",
    "code_status",
    "conflict_dset_id",
    "conflict_new_id",
    "conflict_name",
    "dyad_dset_id",
    "dyad_new_id",
    "dyad_name",
    "side_a_dset_id",
    "side_a_new_id",
    "side_b_dset_id",
    "side_b_new_id",
    "priogrid_gid",
    "event_clarity",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "gwnoa",
    "gwnob",
];

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn count(v: Option<f64>) -> String {
    v.map(format_number).unwrap_or_default()
}

/// Side A and side B (see the module's rules).
pub fn sides(r: &EventRecord) -> (String, String) {
    let state = |a: &Option<crate::workflow::event_record::RecordActor>| {
        a.as_ref()
            .and_then(|a| a.kind)
            .is_some_and(|k| matches!(k, crate::model::ActorKind::StateForces | crate::model::ActorKind::ExternalForce))
    };
    let (a, b) = (r.actor1_name().to_owned(), r.actor2_name().to_owned());
    match r.type_of_violence {
        Some(1) if state(&r.actor2) && !state(&r.actor1) => (b, a),
        Some(3) if r.actor2.is_none() => (a, "Civilians".to_owned()),
        _ => (a, b),
    }
}

/// One record's cells, in [`COLUMNS`] order.
pub fn row(r: &EventRecord) -> [String; 49] {
    let place = r.place.as_ref();
    let (side_a, side_b) = sides(r);
    let coordinates = r.coordinates();
    let (lat, lon) = coordinates.unzip();
    let article = [r.row.source.as_str(), r.published.as_str(), r.headline.as_str()];
    let mut cells: Vec<String> = vec![
        r.record_id.clone(),
        String::new(),
        opt(r.dates.year()),
        String::new(),
        String::new(),
        opt(r.type_of_violence),
    ];
    cells.extend(std::iter::repeat_n(String::new(), 8));
    cells.extend([side_a, String::new(), String::new(), side_b]);
    cells.extend([
        "1".to_owned(),
        article.iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(", "),
        r.row.source.clone(),
        r.published.clone(),
        r.headline.clone(),
        r.row.reported_by.clone(),
        opt(place.map(|p| p.kind.ucdp_where_prec())),
        place.map(|p| p.name.clone()).unwrap_or_default(),
        r.row.location.clone(),
        place.map(|p| p.admin1.clone()).unwrap_or_default(),
        place.map(|p| p.admin2.clone()).unwrap_or_default(),
        opt(lat),
        opt(lon),
        coordinates.map(|(lat, lon)| format!("POINT ({lon} {lat})")).unwrap_or_default(),
        String::new(),
        r.country.map(|c| c.name.to_owned()).unwrap_or_default(),
        opt(r.country.and_then(|c| c.gw)),
        r.country.map(|c| c.ucdp_region.to_owned()).unwrap_or_default(),
        String::new(),
        opt(r.dates.date_prec),
        opt(r.dates.first_day.map(|d| d.iso())),
        opt(r.dates.last_day.map(|d| d.iso())),
    ]);
    cells.extend(std::iter::repeat_n(String::new(), 4));
    cells.extend([
        count(r.fatalities),
        count(r.fatalities_high),
        count(r.fatalities_low),
        String::new(),
        String::new(),
    ]);
    cells.try_into().unwrap_or_else(|v: Vec<String>| unreachable!("{} cells for 49 columns", v.len()))
}

/// The records as CSV bytes, header first.
pub fn to_csv(records: &[EventRecord]) -> Result<Vec<u8>, csv::Error> {
    super::record_evidence::table_csv(&COLUMNS, records.iter().map(row))
}

/// Writes `<dir>/ucdp_ged.csv` and its evidence file, each atomically; returns both paths.
pub fn write(dir: &Path, records: &[EventRecord]) -> std::io::Result<Vec<PathBuf>> {
    let csv = to_csv(records).map_err(std::io::Error::other)?;
    super::record_evidence::write_table(dir, FILE_NAME, csv, records)
}
