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

fn resolved(text: &str) -> Option<String> {
    resolve_place(&PlaceRegistry::default(), Gazetteer::builtin(), text).map(|m| m.id.0)
}

#[test]
fn seed_article_places_resolve() {
    for (text, want) in [
        ("الميادين", Some("gn-173480")),
        ("بالميادين", Some("gn-173480")),
        ("مدينة الميادين", Some("gn-173480")),
        ("دير الزور", Some("gn-170794")),
        ("ديرالزور", Some("gn-170794")),
        ("بريف دير الزور", Some("gn-170792")),
        ("ريف ديرالزور", Some("gn-170792")),
        ("محافظة دير الزور", Some("gn-170792")),
        ("البوكمال", Some("gn-174448")),
        ("أربيل", Some("gn-95446")),
        ("محافظة أربيل", Some("gn-95445")),
        ("ريف دمشق", Some("gn-170652")),
        ("سوريا", Some("gn-163843")),
        ("طهران", Some("gn-112931")),
        ("دير", None),
        ("حقل العمر النفطي", None),
    ] {
        assert_eq!(resolved(text).as_deref(), want, "{text}");
    }
}

#[test]
fn a_project_place_replaces_the_gazetteers_and_wins_ties() {
    let mut project = PlaceRegistry::default();
    let mut mayadin = Gazetteer::builtin().get(&geonames_id(173480)).cloned().unwrap();
    mayadin.notes = "checked".into();
    project.places.insert(geonames_id(173480), mayadin);
    let mut field = Place::new("Al-Omar oil field", PlaceKind::Site);
    field.name_ar = "حقل العمر".into();
    project.places.insert("al-omar".into(), field);
    let found = find_places(&project, Gazetteer::builtin(), "الميادين");
    assert_eq!(found.iter().filter(|m| m.id == geonames_id(173480)).count(), 1);
    assert!(found[0].in_project && found[0].place.notes == "checked");
    let field = resolve_place(&project, Gazetteer::builtin(), "بحقل العمر").unwrap();
    assert_eq!(field.id.0, "al-omar");
}

#[test]
fn at_equal_score_larger_places_come_first() {
    let found = find_places(&PlaceRegistry::default(), Gazetteer::builtin(), "دير الزور");
    let kinds: Vec<PlaceKind> = found.iter().take(2).map(|m| m.place.kind).collect();
    assert_eq!(kinds, [PlaceKind::Admin1, PlaceKind::Town]);
    let prefix = find_places(&PlaceRegistry::default(), Gazetteer::builtin(), "الميا");
    assert_eq!(prefix.first().map(|m| m.id.0.as_str()), Some("gn-173480"));
}
