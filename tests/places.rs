//! Places (issue 19): the gazetteer shipped with Tarmeez, resolving the place names of Arabic news to it, and
//! linking LOCATION mentions to places as one undoable edit.

mod common;

use tarmeez::model::{DocId, MentionId, PlaceId, PlaceRegistry};
use tarmeez::workflow::places::{Gazetteer, LinkError, link_edit, resolve_place};

fn resolved(text: &str) -> Option<String> {
    resolve_place(&PlaceRegistry::default(), Gazetteer::builtin(), text).map(|m| m.id.0)
}

/// Every place the seed article names, as it writes it, and the GeoNames entry it must resolve to (ids checked
/// in GeoNames' data), or `None` where the gazetteer lacks the place: the oil field and the villages and
/// desert stretches around Al Mayadin are not in GeoNames' populated places of 500 or more, Iraqi Kurdistan
/// is no GeoNames first-level unit, and the gazetteer holds no rivers; the sample project's own places
/// cover those.
#[test]
fn every_place_the_seed_article_names_resolves_to_its_entry() {
    let expected = [
        ("دير الزور", Some("gn-170794")),
        ("ديرالزور", Some("gn-170794")),
        ("بريف دير الزور", Some("gn-170792")),
        ("بريف ديرالزور الشرقي", Some("gn-170792")),
        ("محافظة دير الزور", Some("gn-170792")),
        ("مدينة الميادين", Some("gn-173480")),
        ("الميادين", Some("gn-173480")),
        ("بالميادين", Some("gn-173480")),
        ("مدينة البوكمال", Some("gn-174448")),
        ("البوكمال", Some("gn-174448")),
        ("أربيل", Some("gn-95446")),
        ("محافظة أربيل", Some("gn-95445")),
        ("سوريا", Some("gn-163843")),
        ("العراق", Some("gn-99237")),
        ("لبنان", Some("gn-272103")),
        ("طهران", Some("gn-112931")),
        ("إيران", Some("gn-130758")),
        ("حقل العمر النفطي", None),
        ("بادية القورية", None),
        ("منطقة الشبلي", None),
        ("منطقة الحميضة", None),
        ("إقليم كردستان", None),
        ("الفرات", None),
    ];
    let wrong: Vec<String> = expected
        .iter()
        .filter(|(text, want)| resolved(text).as_deref() != *want)
        .map(|(text, want)| format!("{text}: expected {want:?}, got {:?}", resolved(text)))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// 40 spellings of Syrian and Iraqi places as Arabic news writes them (clitics, without spaces, hamza, ya and
/// ta marbuta written variously): at least 90% resolve to the right GeoNames entry.
#[test]
fn news_spellings_of_places_resolve_at_least_ninety_percent_right() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/places/spellings.tsv");
    let text = std::fs::read_to_string(path).unwrap();
    let rows: Vec<(&str, &str)> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut cols = l.split('\t');
            (cols.next().unwrap(), cols.next().unwrap())
        })
        .collect();
    assert_eq!(rows.len(), 40);
    let misses: Vec<String> = rows
        .iter()
        .filter_map(|(spelling, id)| {
            let got = resolved(spelling);
            (got.as_deref() != Some(&format!("gn-{id}"))).then(|| format!("{spelling}: expected gn-{id}, got {got:?}"))
        })
        .collect();
    println!("{} of {} spellings resolved right; misses: {misses:#?}", rows.len() - misses.len(), rows.len());
    assert!(misses.len() * 10 <= rows.len(), "more than 10% wrong: {misses:#?}");
}

/// Linking a sample LOCATION mention to a gazetteer place copies the place into the project and sets the
/// mention's place in one edit; one undo takes both back, and redo brings both again.
#[test]
fn linking_a_mention_to_a_gazetteer_place_is_one_undoable_edit() {
    let (_tmp, dir) = common::sample_copy();
    // The sample's places and links taken out (it is committed linked), so that its mentions name places the
    // project does not have yet.
    std::fs::remove_dir_all(dir.join("places")).unwrap();
    let layer_file = dir.join(format!("annotations/{}/sample.ron", common::SAMPLE_DOC));
    let text = std::fs::read_to_string(&layer_file).unwrap();
    let unlinked: String = text.lines().filter(|l| !l.contains("place: Some")).map(|l| format!("{l}\n")).collect();
    std::fs::write(&layer_file, unlinked).unwrap();
    let mut project = common::open_as(&dir, "sample");
    let doc = DocId::parse(common::SAMPLE_DOC).unwrap();
    let gazetteer = Gazetteer::builtin();
    let (mention, place) = {
        let loaded = project.load_document(&doc).unwrap();
        let layer = &loaded.layers[project.annotator()];
        layer
            .mentions
            .iter()
            .filter(|(_, m)| m.entity_type.as_str() == "LOCATION")
            .find_map(|(id, m)| {
                let text = loaded.text.slice(m.span)?;
                let found = resolve_place(project.places(), gazetteer, text)?;
                (!found.in_project).then_some((*id, found.id))
            })
            .expect("a sample LOCATION mention names a gazetteer place")
    };
    let edit = link_edit(&project, &doc, mention, &place, gazetteer).unwrap();
    project.apply_edit(edit).unwrap();
    let linked = |p: &tarmeez::store::Project| {
        let layer = &p.load_document(&doc).unwrap().layers[p.annotator()];
        (layer.mentions[&mention].place.clone(), p.places().places.contains_key(&place))
    };
    assert_eq!(linked(&project), (Some(place.clone()), true));
    project.undo().unwrap();
    assert_eq!(linked(&project), (None, false));
    project.redo().unwrap();
    assert_eq!(linked(&project), (Some(place.clone()), true));
}

#[test]
fn linking_refuses_unknown_places_missing_mentions_and_other_types() {
    let (_tmp, dir) = common::sample_copy();
    let project = common::open_as(&dir, "sample");
    let doc = DocId::parse(common::SAMPLE_DOC).unwrap();
    let gazetteer = Gazetteer::builtin();
    let (location, other) = {
        let layer = &project.load_document(&doc).unwrap().layers[project.annotator()];
        let of_type = |location: bool| {
            layer.mentions.iter().find(|(_, m)| (m.entity_type.as_str() == "LOCATION") == location).map(|(id, _)| *id)
        };
        (of_type(true).unwrap(), of_type(false).unwrap())
    };
    let mayadin = PlaceId::new("gn-173480");
    let unknown = link_edit(&project, &doc, location, &PlaceId::new("gn-1"), gazetteer).unwrap_err();
    assert!(matches!(unknown, LinkError::UnknownPlace(_)), "{unknown}");
    let missing = link_edit(&project, &doc, MentionId(9999), &mayadin, gazetteer).unwrap_err();
    assert!(matches!(missing, LinkError::NoMention { .. }), "{missing}");
    let wrong_type = link_edit(&project, &doc, other, &mayadin, gazetteer).unwrap_err();
    assert!(wrong_type.to_string().contains("only LOCATION mentions"), "{wrong_type}");
}

/// The registry suggester proposes the seed article's places as LOCATION mentions from the gazetteer, and
/// nothing else: every LOCATION suggestion is a place name (a span the sample's coder marked LOCATION, or the
/// name of a country, governorate or town), none is an ordinary word.
#[test]
fn the_registry_suggester_proposes_the_seed_articles_places_and_no_common_words() {
    let (_tmp, dir) = common::sample_copy();
    let mut project = common::open_as(&dir, "huda");
    let doc = DocId::parse(common::SAMPLE_DOC).unwrap();
    let (edit, _) = tarmeez::workflow::suggesters::registry(&project, std::slice::from_ref(&doc)).unwrap();
    project.apply_edit(edit).unwrap();
    let loaded = project.load_document(&doc).unwrap();
    let source = tarmeez::model::SourceName::parse("registry-huda").unwrap();
    let location = tarmeez::model::SuggestedLabel::Entity(tarmeez::model::EntityTypeId::new("LOCATION"));
    let found: Vec<&str> = loaded.suggestions[&source]
        .suggestions
        .values()
        .filter(|s| s.label == location)
        .filter_map(|s| loaded.text.slice(s.span))
        .collect();
    println!("{} LOCATION suggestions: {found:?}", found.len());
    let distinct: std::collections::BTreeSet<&str> = found.iter().copied().collect();
    for place in ["الميادين", "البوكمال", "دير الزور", "ديرالزور", "محافظة أربيل", "سوريا", "العراق", "لبنان", "طهران"]
    {
        assert!(distinct.contains(place), "{place} not proposed: {distinct:?}");
    }
    // The sample's own places (the oil field, the badia, the villages) are proposed too: they resolve in the
    // project's registry.
    let places = project.places();
    let unresolved: Vec<&&str> =
        distinct.iter().filter(|t| resolve_place(places, Gazetteer::builtin(), t).is_none()).collect();
    assert!(unresolved.is_empty(), "proposed but naming no place: {unresolved:?}");
}
