//! What the event map shows, without a GUI: the country and governorate outlines shipped in
//! `assets/map/outlines.txt` (Natural Earth, public domain; written by `scripts/map/make_outlines.py`), and
//! the events of a table ([`EventRow`]s) as points: where (the registry place's coordinates), what colour
//! (the schema's colour of the event type), how big (fatalities, on a square-root scale), and when (the
//! row's date as a day number, for the time slider). The window (`ui/windows/event_map.rs`) and the HTML
//! export's map (`formats/map_svg.rs`) both draw from here.
//!
//! Choices made here:
//! - **Several events at one place** keep the place's coordinates and get a *spread*: a unit offset around
//!   it (the first in the middle, the next ones on rings around it), which the drawing multiplies by a
//!   distance in pixels, so each stays visible and clickable at any zoom.
//! - **Partial dates** (`2021`, `2021-06`) count as their first day (1 January, 1 June), the earliest day
//!   they can mean; an event without a date is shown only while the time window spans the whole range.
//! - **Fatalities**: the area grows with the number killed (radius `MIN_KNOWN + SCALE·√n`, at most
//!   `MAX_RADIUS`); an event whose fatalities are unknown gets the smallest radius and is drawn hollow.

use super::events_table::EventRow;
use crate::model::{Rgb, Schema};
use crate::text::dates::CivilDate;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The outlines shipped with Tarmeez.
const OUTLINES: &str = include_str!("../../../assets/map/outlines.txt");

/// The radius, in pixels, of an event whose fatalities are unknown (drawn hollow).
pub const UNKNOWN_RADIUS: f32 = 3.5;
/// The radius of an event with no one killed.
pub const MIN_KNOWN: f32 = 4.0;
/// Pixels added per square root of a death.
pub const SCALE: f32 = 2.0;
/// The largest radius, so that a massacre does not cover a governorate.
pub const MAX_RADIUS: f32 = 22.0;
/// The grey of an event whose type the schema does not have.
pub const UNKNOWN_TYPE: Rgb = Rgb([0x80, 0x80, 0x80]);

/// A line of the outlines file could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("map outlines, line {line}: {message}")]
pub struct OutlineError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// Whether an outline is a country's or a first-level unit's (a governorate).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// A country (Natural Earth's admin-0).
    Country,
    /// A governorate or province (admin-1).
    Admin1,
}

/// One country or governorate: its closed rings of (longitude, latitude), the first point not repeated.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// Country or governorate.
    pub level: Level,
    /// ISO 3166-1 alpha-3 of the country ("SYR").
    pub country: String,
    /// The name in Natural Earth ("Dayr Az Zawr").
    pub name: String,
    /// Its rings, each `[lon, lat]` points.
    pub rings: Vec<Vec<[f64; 2]>>,
}

/// The outlines: the box they were clipped to and the shapes, countries first.
#[derive(Clone, Debug, PartialEq)]
pub struct Outlines {
    /// West, south, east, north, in degrees.
    pub bbox: [f64; 4],
    /// Countries and governorates, in the file's order.
    pub shapes: Vec<Shape>,
}

impl Outlines {
    /// The latitude in the middle of the box, at which the map's longitudes are shortened (cos φ) so that
    /// shapes are not stretched east-west.
    pub fn mid_latitude(&self) -> f64 {
        (self.bbox[1] + self.bbox[3]) / 2.0
    }
}

/// The outlines shipped with Tarmeez, read once.
pub fn outlines() -> &'static Outlines {
    static PARSED: OnceLock<Outlines> = OnceLock::new();
    // The file is ours and checked by a unit test; an unreadable one would draw an empty map, not fail.
    PARSED
        .get_or_init(|| parse_outlines(OUTLINES).unwrap_or(Outlines { bbox: [34.0, 28.5, 49.0, 38.5], shapes: vec![] }))
}

/// Reads the outlines format (see `scripts/map/make_outlines.py`).
pub fn parse_outlines(text: &str) -> Result<Outlines, OutlineError> {
    let mut bbox = None;
    let mut shapes: Vec<Shape> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let err = |message: String| OutlineError { line: i + 1, message };
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        match word {
            "bbox" => {
                let v = numbers(rest).map_err(err)?;
                bbox = Some(<[f64; 4]>::try_from(v).map_err(|v| err(format!("bbox has {} numbers, not 4", v.len())))?);
            }
            "country" | "admin1" => {
                let (country, name) = rest.split_once(' ').unwrap_or((rest, ""));
                let level = if word == "country" { Level::Country } else { Level::Admin1 };
                shapes.push(Shape { level, country: country.to_owned(), name: name.to_owned(), rings: vec![] });
            }
            "ring" => {
                let v = numbers(rest).map_err(err)?;
                if v.len() < 6 || v.len() % 2 != 0 {
                    return Err(err(format!("a ring needs pairs of numbers, at least 3; it has {}", v.len())));
                }
                let shape = shapes.last_mut().ok_or_else(|| err("a ring before any country or admin1".into()))?;
                shape.rings.push(v.chunks(2).map(|p| [p[0], p[1]]).collect());
            }
            other => return Err(err(format!("unknown record `{other}`"))),
        }
    }
    let bbox = bbox.ok_or(OutlineError { line: 0, message: "no bbox line".into() })?;
    Ok(Outlines { bbox, shapes })
}

fn numbers(s: &str) -> Result<Vec<f64>, String> {
    s.split_whitespace().map(|n| n.parse::<f64>().map_err(|_| format!("`{n}` is not a number"))).collect()
}

/// A day as a number (days since 1970-01-01), from `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a partial date is its
/// first day. `None` for an empty or unreadable date.
pub fn day_number(date: &str) -> Option<i64> {
    let date = date.trim();
    let mut parts = date.splitn(3, '-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: u8 = match parts.next() {
        Some(m) => m.parse().ok()?,
        None => 1,
    };
    let day: u8 = match parts.next() {
        Some(d) => d.get(..2)?.parse().ok()?,
        None => 1,
    };
    let epoch = CivilDate::new(1970, 1, 1)?;
    Some(CivilDate::new(year, month, day)?.days_since(epoch))
}

/// The `YYYY-MM-DD` of a day number.
pub fn day_text(day: i64) -> String {
    CivilDate::new(1970, 1, 1).map(|e| e.plus_days(day).to_string()).unwrap_or_default()
}

/// The radius in pixels of an event's point.
pub fn radius(fatalities: Option<f64>) -> f32 {
    match fatalities {
        Some(n) if n.is_finite() => (MIN_KNOWN + SCALE * (n.max(0.0) as f32).sqrt()).min(MAX_RADIUS),
        _ => UNKNOWN_RADIUS,
    }
}

/// One event on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct MapPoint {
    /// The row's index in the rows the points were made from.
    pub row: usize,
    /// Longitude and latitude of its place.
    pub lon: f64,
    /// Latitude.
    pub lat: f64,
    /// A unit offset from the place shared with other events (`[0, 0]` for the first or only one), to be
    /// multiplied by a distance in pixels; y points north.
    pub spread: [f32; 2],
    /// The event type's colour.
    pub color: Rgb,
    /// Radius in pixels (see [`radius`]).
    pub radius: f32,
    /// Whether the fatalities are known (a hollow point when not).
    pub known_fatalities: bool,
    /// The day of its date (see [`day_number`]).
    pub day: Option<i64>,
}

/// The points of some rows, and how many rows could not be placed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapPoints {
    /// One per row with coordinates, in the rows' order.
    pub points: Vec<MapPoint>,
    /// Rows whose event has no place with coordinates.
    pub without_coordinates: usize,
}

impl MapPoints {
    /// The first and last day of the points' dates, `None` when none is dated.
    pub fn time_range(&self) -> Option<(i64, i64)> {
        let days = self.points.iter().filter_map(|p| p.day);
        days.fold(None, |r, d| Some(r.map_or((d, d), |(a, b): (i64, i64)| (a.min(d), b.max(d)))))
    }

    /// The points shown with the time window `from..=to` (days): the dated ones inside it, and the undated
    /// ones only while the window covers the whole range (they cannot be said to be inside a narrower one).
    pub fn in_window(&self, from: i64, to: i64) -> impl Iterator<Item = &MapPoint> {
        let whole = self.time_range().is_none_or(|(a, b)| from <= a && to >= b);
        self.points.iter().filter(move |p| p.day.map_or(whole, |d| from <= d && d <= to))
    }
}

/// The colour of an event type in the schema, grey when it has none.
pub fn type_color(schema: &Schema, row: &EventRow) -> Rgb {
    schema.event_type(&row.event_type_id).map_or(UNKNOWN_TYPE, |t| t.color)
}

/// The map's points for `rows`.
pub fn map_points(rows: &[EventRow], schema: &Schema) -> MapPoints {
    let mut out = MapPoints::default();
    // Events at one place, counted as they come, by coordinates to the micro-degree.
    let mut at_place: BTreeMap<(i64, i64), usize> = BTreeMap::new();
    for (i, row) in rows.iter().enumerate() {
        let Some((lat, lon)) = row.coordinates.filter(|(a, o)| a.is_finite() && o.is_finite()) else {
            out.without_coordinates += 1;
            continue;
        };
        let key = ((lat * 1e6).round() as i64, (lon * 1e6).round() as i64);
        let nth = at_place.entry(key).or_default();
        out.points.push(MapPoint {
            row: i,
            lon,
            lat,
            spread: spread(*nth),
            color: type_color(schema, row),
            radius: radius(row.fatalities),
            known_fatalities: row.fatalities.is_some_and(f64::is_finite),
            day: day_number(&row.date),
        });
        *nth += 1;
    }
    out
}

/// The unit offset of the `n`th event at one place: 0 in the middle, then 6 on the first ring, 12 on the
/// second, and so on (the rings one unit apart, the points on a ring one unit apart too).
pub fn spread(n: usize) -> [f32; 2] {
    if n == 0 {
        return [0.0, 0.0];
    }
    let (mut ring, mut first) = (1usize, 1usize);
    while n >= first + 6 * ring {
        first += 6 * ring;
        ring += 1;
    }
    let angle = (n - first) as f32 / (6 * ring) as f32 * std::f32::consts::TAU;
    [ring as f32 * angle.cos(), ring as f32 * angle.sin()]
}

#[cfg(test)]
mod tests;
