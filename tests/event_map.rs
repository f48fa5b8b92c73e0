//! The event map (issue 19) on a copy of the sample whose events have places with coordinates: clicking a
//! point opens its event, the time slider hides the points outside its window, and the HTML export's map is
//! an SVG with one circle per event that has coordinates.

mod common;

use common::{open_as, press, sample_copy};
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use tarmeez::model::{DocId, Edit, EventId, Mention, MentionId, Place, PlaceId, PlaceKind, ProjectEdit};
use tarmeez::store::Project;
use tarmeez::ui::TarmeezApp;
use tarmeez::ui::action::Focus;

/// Places of the sample's LOCATION mentions: (mention, id, name, Arabic name, kind, latitude, longitude).
const PLACES: [(u32, &str, &str, &str, PlaceKind, f64, f64); 4] = [
    (5, "deir-ez-zor", "Deir ez-Zor", "دير الزور", PlaceKind::Town, 35.336, 40.140),
    (14, "al-mayadin", "Al Mayadin", "الميادين", PlaceKind::Town, 35.021, 40.452),
    (17, "iraq", "Iraq", "العراق", PlaceKind::Country, 33.0, 43.7),
    (21, "al-hamidah", "Al Hamidah", "الحميضة", PlaceKind::Village, 34.45, 40.92),
];

/// A copy of the sample opened as its coder, with its places in the registry and its LOCATION mentions
/// linked to them: the shelling (e1) at Deir ez-Zor, the response (e2) at al-Mayadin, the threat (e3) in
/// Iraq, the strikes (e5) near Abu Kamal; the statement (e4) has no place.
fn placed_sample() -> (tempfile::TempDir, Project) {
    let (tmp, dir) = sample_copy();
    (tmp, with_places(&dir))
}

/// The project at `dir` opened as the sample's coder, with the places of [`PLACES`] linked.
fn with_places(dir: &std::path::Path) -> Project {
    let mut project = open_as(dir, "sample");
    project.load_all();
    let doc = DocId::parse(common::SAMPLE_DOC).unwrap();
    // The sample links its LOCATION mentions to places of its own; these tests place the events themselves.
    let layer = project.document(&doc).unwrap().loaded().unwrap().layers[project.annotator()].clone();
    for (id, mention) in layer.mentions.into_iter().filter(|(_, m)| m.place.is_some()) {
        let unlinked = Mention { place: None, ..mention };
        project.apply(&doc, Edit::PutMention(id, Some(unlinked))).unwrap();
    }
    for (mention, id, name, name_ar, kind, lat, lon) in PLACES {
        let id = PlaceId::new(id);
        let mut place = Place::new(name, kind);
        place.name_ar = name_ar.to_owned();
        (place.latitude, place.longitude) = (Some(lat), Some(lon));
        project.apply_edit(ProjectEdit::PutPlace(id.clone(), Some(place))).unwrap();
        let layer = &project.document(&doc).unwrap().loaded().unwrap().layers[project.annotator()];
        let mut m = layer.mentions[&MentionId(mention)].clone();
        m.place = Some(id);
        project.apply(&doc, Edit::PutMention(MentionId(mention), Some(m))).unwrap();
    }
    project
}

/// Clicks the primary button at `pos` (a map point is painted, not a widget of its own).
fn click_at(h: &mut egui_kittest::Harness<'_, TarmeezApp>, pos: egui::Pos2) {
    h.hover_at(pos);
    h.step();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.run();
}

fn drawn_events(h: &egui_kittest::Harness<'_, TarmeezApp>) -> Vec<EventId> {
    let mut ids: Vec<EventId> = h.state().event_map().unwrap().drawn().iter().map(|d| d.row.event).collect();
    ids.sort();
    ids
}

#[test]
fn a_click_on_a_map_point_opens_its_event_and_the_time_slider_hides_points_outside_its_window() {
    let (_tmp, project) = placed_sample();
    let mut h = common::window(TarmeezApp::new(Some(project), None));
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::M);
    h.get_by_label("1 event has no place with coordinates.");
    assert_eq!(drawn_events(&h), [EventId(1), EventId(2), EventId(3), EventId(5)], "e4 has no place");
    let map = h.state().event_map().unwrap();
    let rows = map.rows().to_vec();
    // Deir ez-Zor is north-west of al-Mayadin, which is north-west of al-Hamidah; Iraq's point is east.
    let at = |e: u32| map.drawn().iter().find(|d| d.row.event == EventId(e)).unwrap().at;
    let (deir, mayadin, hamidah, iraq) = (at(1), at(2), at(5), at(3));
    assert!(deir.x < mayadin.x && mayadin.x < hamidah.x && iraq.x > hamidah.x, "{deir:?} {mayadin:?} {hamidah:?}");
    assert!(deir.y < mayadin.y && mayadin.y < hamidah.y, "north is up");

    assert_ne!(h.state().focus(), Some(Focus::Event(EventId(5))));
    click_at(&mut h, hamidah);
    assert_eq!(h.state().focus(), Some(Focus::Event(EventId(5))));
    assert_eq!(h.state().shown_document().map(DocId::as_str), Some(common::SAMPLE_DOC));
    h.get_by_label_contains("Event e5: Attack");

    // The time window: moving its start one day on hides the events of the first day, and only those.
    let (first, _) = h.state().event_map().unwrap().time_window().expect("dated events");
    let first_day: Vec<EventId> = rows
        .iter()
        .filter(|r| r.coordinates.is_some() && tarmeez::formats::map_data::day_number(&r.date) == Some(first))
        .map(|r| r.event)
        .collect();
    assert!(!first_day.is_empty() && first_day.len() < 4, "{rows:?}");
    let from = h.get_all_by_role(egui::accesskit::Role::Slider).next().expect("the From slider");
    from.focus();
    h.run();
    press(&mut h, Modifiers::NONE, Key::ArrowRight);
    assert_eq!(h.state().event_map().unwrap().time_window().unwrap().0, first + 1);
    let shown = drawn_events(&h);
    assert!(first_day.iter().all(|e| !shown.contains(e)), "{first_day:?} hidden: {shown:?}");
    assert_eq!(shown.len(), 4 - first_day.len());
}

#[test]
fn the_map_shows_the_events_tables_rows_when_asked_and_follows_its_scope() {
    let (_tmp, dir) = sample_copy();
    // A second article (the sample's, under another id, its places not linked): the table's "this document"
    // then differs from the whole project.
    let (from, to) = (common::SAMPLE_DOC, "second-article");
    for ext in ["ron", "txt"] {
        std::fs::copy(dir.join(format!("documents/{from}.{ext}")), dir.join(format!("documents/{to}.{ext}"))).unwrap();
    }
    std::fs::create_dir_all(dir.join(format!("annotations/{to}"))).unwrap();
    // Its layer is the sample's without the place links.
    let layer = std::fs::read_to_string(dir.join(format!("annotations/{from}/sample.ron"))).unwrap();
    let unlinked: String =
        layer.lines().filter(|l| !l.trim_start().starts_with("place:")).map(|l| format!("{l}\n")).collect();
    std::fs::write(dir.join(format!("annotations/{to}/sample.ron")), unlinked).unwrap();
    let mut h = common::window(TarmeezApp::new(Some(with_places(&dir)), None));
    press(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::M);
    let rows = |h: &egui_kittest::Harness<'_, TarmeezApp>| h.state().event_map().unwrap().rows().len();
    assert_eq!(rows(&h), 10, "every event of the project");
    h.get_by_label("6 events have no place with coordinates.");

    h.get_by_label("The events table's rows").click();
    h.run();
    h.get_by_label("The events table is closed: its rows are this document's until it is opened.");
    assert_eq!(rows(&h), 5, "the shown document's, as the table would show them");
    press(&mut h, Modifiers::COMMAND, Key::E);
    assert!(h.query_by_label_contains("The events table is closed").is_none());
    assert_eq!(rows(&h), 5);
    h.get_by_label("Whole project").click();
    h.run();
    assert_eq!(rows(&h), 10, "the table shows the whole project, and so does the map");
    assert_eq!(h.state().events_table().unwrap().rows().len(), 10);
}

#[test]
fn the_html_exports_map_is_an_svg_with_one_circle_per_event_with_coordinates() {
    let (tmp, project) = placed_sample();
    let out = tmp.path().join("html");
    tarmeez::formats::html::export_html(&project, None, &out).unwrap();
    let page = std::fs::read_to_string(out.join(format!("{}.sample.html", common::SAMPLE_DOC))).unwrap();
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..Default::default() };
    let doc =
        roxmltree::Document::parse_with_options(&page, options).expect("the page, map included, is well-formed XML");
    let svg = doc.descendants().find(|n| n.has_tag_name("svg")).expect("an inline SVG");
    let circles: Vec<&str> = svg
        .descendants()
        .filter(|n| n.has_tag_name("circle") && n.attribute("class") == Some("event"))
        .map(|n| n.attribute("data-e").unwrap())
        .collect();
    assert_eq!(circles, ["e1", "e2", "e3", "e5"]);
    let text: String = svg.descendants().filter_map(|n| n.text()).collect();
    assert!(text.contains("4 events on the map; 1 without a place with coordinates."), "{text}");
    // The map comes after the events table, where the page lists the events.
    assert!(page.find("<table class=\"events\"").unwrap() < page.find("<svg").unwrap());
}
