//! The project's place registry: the places LOCATION mentions refer to, with their names in Arabic and Latin
//! letters, their administrative units and coordinates, so that an event dataset can map and count events by
//! place (ACLED's admin1-3, latitude, longitude and geo precision; UCDP GED's `where_prec`).
//!
//! A project keeps the places its coders use, one file each (`places/<id>.ron`), like the actor registry.
//! The gazetteer shipped with Tarmeez (GeoNames' Syria and Iraq) is where most of them come from: linking a
//! mention to a gazetteer place copies it into the project, so a project's exports never depend on the
//! version of the program that reads it. Coders add what the gazetteer lacks (a field base, a village).

use super::PlaceId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What kind of place it is; it sets how precisely an event there is located.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PlaceKind {
    /// A country.
    Country,
    /// A first-level unit: a governorate (محافظة), a region such as Iraqi Kurdistan.
    Admin1,
    /// A second-level unit: a district (منطقة, قضاء).
    Admin2,
    /// A third-level unit: a subdistrict (ناحية).
    Admin3,
    /// A city or town.
    Town,
    /// A village or hamlet.
    Village,
    /// A neighbourhood, a named area or stretch of desert (بادية), farmland.
    Area,
    /// A military base, airport or checkpoint.
    Base,
    /// An oil or gas field, a dam, a factory or another site.
    Site,
    /// A border crossing.
    Crossing,
    /// A river, lake or sea.
    Water,
    /// Anything else.
    Other,
}

impl PlaceKind {
    /// Every kind, in the order a list offers them.
    pub const ALL: [PlaceKind; 12] = [
        PlaceKind::Town,
        PlaceKind::Village,
        PlaceKind::Area,
        PlaceKind::Base,
        PlaceKind::Site,
        PlaceKind::Crossing,
        PlaceKind::Admin3,
        PlaceKind::Admin2,
        PlaceKind::Admin1,
        PlaceKind::Country,
        PlaceKind::Water,
        PlaceKind::Other,
    ];

    /// ACLED's `geo_precision`: 1 when the event is at this town or site, 2 when it is in a part of a region
    /// (an area, a district or subdistrict), 3 when only the province or country is known.
    pub fn acled_geo_precision(self) -> u8 {
        match self {
            PlaceKind::Town | PlaceKind::Village | PlaceKind::Base | PlaceKind::Site | PlaceKind::Crossing => 1,
            PlaceKind::Area | PlaceKind::Admin3 | PlaceKind::Admin2 | PlaceKind::Water | PlaceKind::Other => 2,
            PlaceKind::Admin1 | PlaceKind::Country => 3,
        }
    }

    /// UCDP GED's `where_prec`: 1 the exact place, 2 within about 25 km of it, 3 a second-order unit, 4 a
    /// first-order unit, 5 a linear feature (a river), 6 only the country.
    pub fn ucdp_where_prec(self) -> u8 {
        match self {
            PlaceKind::Town | PlaceKind::Village | PlaceKind::Base | PlaceKind::Site | PlaceKind::Crossing => 1,
            PlaceKind::Area | PlaceKind::Admin3 | PlaceKind::Other => 2,
            PlaceKind::Admin2 => 3,
            PlaceKind::Admin1 => 4,
            PlaceKind::Water => 5,
            PlaceKind::Country => 6,
        }
    }
}

/// One place of the registry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// The name in Latin letters as datasets write it ("Al Mayadin"), used in exports.
    pub name: String,
    /// The name in Arabic ("الميادين").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_ar: String,
    /// Other spellings, Arabic and Latin ("الميادين", "Mayadeen", "ميادين"), used for linking.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// The country, ISO 3166-1 alpha-3 ("SYR", "IRQ").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub country: String,
    /// The first-level unit (governorate) in Latin letters ("Deir ez-Zor").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub admin1: String,
    /// The second-level unit (district).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub admin2: String,
    /// The third-level unit (subdistrict).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub admin3: String,
    /// Latitude in degrees (WGS 84), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    /// Longitude in degrees (WGS 84), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// The GeoNames id, when the place is in GeoNames.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonames: Option<u64>,
    /// Free notes (where a coder found the coordinates of a base).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Place {
    /// A place with a name and a kind and nothing else known.
    pub fn new(name: impl Into<String>, kind: PlaceKind) -> Self {
        Self {
            name: name.into(),
            name_ar: String::new(),
            variants: Vec::new(),
            kind,
            country: String::new(),
            admin1: String::new(),
            admin2: String::new(),
            admin3: String::new(),
            latitude: None,
            longitude: None,
            geonames: None,
            notes: String::new(),
        }
    }

    /// Every name the place goes by: the Latin name, the Arabic name, then the variants.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain((!self.name_ar.is_empty()).then_some(self.name_ar.as_str()))
            .chain(self.variants.iter().map(String::as_str))
    }

    /// Latitude and longitude, when both are known.
    pub fn coordinates(&self) -> Option<(f64, f64)> {
        Some((self.latitude?, self.longitude?))
    }
}

/// All places of a project, one file each: `places/<id>.ron`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceRegistry {
    /// Places by id.
    #[serde(default, deserialize_with = "super::unique_keys")]
    pub places: BTreeMap<PlaceId, Place>,
}

impl PlaceRegistry {
    /// Problems inside the registry: coordinates outside the globe, one of latitude and longitude without the
    /// other. Each is `(place id, sentence)`.
    pub fn problems(&self) -> Vec<(PlaceId, String)> {
        let mut out = Vec::new();
        for (id, place) in &self.places {
            match (place.latitude, place.longitude) {
                (Some(lat), _) if !(-90.0..=90.0).contains(&lat) => {
                    out.push((id.clone(), format!("place `{id}` has latitude {lat}, outside -90 to 90")))
                }
                (_, Some(lon)) if !(-180.0..=180.0).contains(&lon) => {
                    out.push((id.clone(), format!("place `{id}` has longitude {lon}, outside -180 to 180")))
                }
                (Some(_), None) | (None, Some(_)) => out.push((
                    id.clone(),
                    format!("place `{id}` has only one of latitude and longitude; give both or neither"),
                )),
                _ => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_outside_the_globe_or_half_given_are_problems() {
        let mut registry = PlaceRegistry::default();
        let mut ok = Place::new("Al Mayadin", PlaceKind::Town);
        (ok.latitude, ok.longitude) = (Some(35.02), Some(40.45));
        let mut far = ok.clone();
        far.latitude = Some(135.0);
        let mut half = ok.clone();
        half.longitude = None;
        registry.places.insert(PlaceId::from("ok"), ok);
        registry.places.insert(PlaceId::from("far"), far);
        registry.places.insert(PlaceId::from("half"), half);
        let ids: Vec<String> = registry.problems().into_iter().map(|(id, _)| id.0).collect();
        assert_eq!(ids, ["far", "half"]);
    }
}
