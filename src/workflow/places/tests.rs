use super::gazetteer::geonames_id;
use super::*;
use crate::model::{Place, PlaceKind, PlaceRegistry};

#[test]
fn the_shipped_gazetteer_parses_every_line() {
    let text = include_str!("../../../assets/places/gazetteer.tsv");
    let parsed = Gazetteer::parse(text).expect("the shipped gazetteer parses");
    let lines = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).count();
    assert_eq!(parsed.len(), lines);
    assert_eq!(Gazetteer::builtin().len(), lines);
}
