//! The gazetteer shipped with Tarmeez: `assets/places/gazetteer.tsv`, made by
//! `scripts/places/make_gazetteer.py` from GeoNames (CC BY 4.0), embedded in the binary.

use crate::model::{Place, PlaceId, PlaceKind};
use crate::text::matching::PreparedName;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The shipped data: one place a line, tab-separated (see the script for the columns).
const BUILTIN: &str = include_str!("../../../assets/places/gazetteer.tsv");

/// A line of gazetteer data that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("gazetteer line {line}: {message}")]
pub struct GazetteerError {
    /// The line, counted from 1.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// Places with GeoNames ids (`gn-<geonameid>`), in the order of the data (larger places first within a
/// kind), each with its names prepared for matching.
#[derive(Debug, Default)]
pub struct Gazetteer {
    places: Vec<(PlaceId, Place)>,
    /// Per place, every name and its spaceless form ([`super::find`]).
    names: Vec<Vec<PreparedName>>,
    index: HashMap<PlaceId, usize>,
}

impl Gazetteer {
    /// The gazetteer shipped with Tarmeez, read once.
    pub fn builtin() -> &'static Gazetteer {
        static BUILT: OnceLock<Gazetteer> = OnceLock::new();
        // The shipped file is checked by a unit test, so it always parses.
        BUILT.get_or_init(|| Gazetteer::parse(BUILTIN).unwrap_or_default())
    }

    /// Reads gazetteer data (the shipped format; `#` starts a comment line).
    pub fn parse(text: &str) -> Result<Self, GazetteerError> {
        let mut out = Gazetteer::default();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let (id, place) = parse_line(line).map_err(|message| GazetteerError { line: i + 1, message })?;
            out.insert(id, place);
        }
        Ok(out)
    }

    /// Adds a place (replacing one with the same id).
    pub fn insert(&mut self, id: PlaceId, place: Place) {
        let names = super::find::prepared_names(&place);
        match self.index.get(&id) {
            Some(&i) => {
                self.places[i].1 = place;
                self.names[i] = names;
            }
            None => {
                self.index.insert(id.clone(), self.places.len());
                self.places.push((id, place));
                self.names.push(names);
            }
        }
    }

    /// The place with this id.
    pub fn get(&self, id: &PlaceId) -> Option<&Place> {
        self.index.get(id).map(|&i| &self.places[i].1)
    }

    /// Every place, in the data's order.
    pub fn iter(&self) -> impl Iterator<Item = (&PlaceId, &Place)> {
        self.places.iter().map(|(id, place)| (id, place))
    }

    /// Every place with its prepared names, in the data's order.
    pub(super) fn iter_prepared(&self) -> impl Iterator<Item = (usize, &PlaceId, &Place, &[PreparedName])> {
        self.places.iter().zip(&self.names).enumerate().map(|(i, ((id, p), n))| (i, id, p, n.as_slice()))
    }

    /// How many places it holds.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether it holds no place.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Where the place with this id stands in the data (its rank among places of one kind).
    pub(super) fn position(&self, id: &PlaceId) -> Option<usize> {
        self.index.get(id).copied()
    }
}

/// The id of the GeoNames place `geonameid`.
pub fn geonames_id(geonameid: u64) -> PlaceId {
    PlaceId::new(format!("gn-{geonameid}"))
}

fn parse_kind(s: &str) -> Result<PlaceKind, String> {
    PlaceKind::ALL.into_iter().find(|k| format!("{k:?}") == s).ok_or_else(|| format!("`{s}` is not a kind of place"))
}

fn parse_coordinate(s: &str, what: &str) -> Result<Option<f64>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    s.parse().map(Some).map_err(|_| format!("the {what} `{s}` is not a number"))
}

fn parse_line(line: &str) -> Result<(PlaceId, Place), String> {
    let f: Vec<&str> = line.split('\t').collect();
    let [gid, kind, country, admin1, admin2, lat, lon, name, name_ar, variants] = f[..] else {
        return Err(format!("expected 10 tab-separated columns, found {}", f.len()));
    };
    let geonameid: u64 = gid.parse().map_err(|_| format!("the GeoNames id `{gid}` is not a number"))?;
    let mut place = Place::new(name, parse_kind(kind)?);
    place.name_ar = name_ar.to_owned();
    place.variants = variants.split('|').filter(|v| !v.is_empty()).map(str::to_owned).collect();
    place.country = country.to_owned();
    place.admin1 = admin1.to_owned();
    place.admin2 = admin2.to_owned();
    place.latitude = parse_coordinate(lat, "latitude")?;
    place.longitude = parse_coordinate(lon, "longitude")?;
    place.geonames = Some(geonameid);
    Ok((geonames_id(geonameid), place))
}
