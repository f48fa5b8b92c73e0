//! Tests of the map's data: the shipped outlines, dates as days, radii, colours, spread and the time window.

use super::*;
use crate::model::Annotator;
use crate::store::{OpenOptions, Project};

/// The sample's rows (its `sample` layer), read from the committed project without writing to it.
fn sample_rows() -> (Vec<EventRow>, Schema) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/al-omar-oilfield");
    let options = OpenOptions { annotator: Annotator::parse("reader").unwrap(), read_only: true };
    let project = Project::open(&dir, options).unwrap();
    let rows = crate::formats::events_table::project_rows(&project, Some(&Annotator::parse("sample").unwrap()));
    (rows, project.config().schema.clone())
}

fn shape<'a>(o: &'a Outlines, level: Level, name: &str) -> &'a Shape {
    o.shapes.iter().find(|s| s.level == level && s.name == name).unwrap_or_else(|| panic!("no {name}"))
}

/// Whether a point is inside a ring (even-odd rule).
fn inside(ring: &[[f64; 2]], lon: f64, lat: f64) -> bool {
    let mut inside = false;
    for (i, a) in ring.iter().enumerate() {
        let b = ring[(i + 1) % ring.len()];
        if (a[1] > lat) != (b[1] > lat) && lon < a[0] + (lat - a[1]) / (b[1] - a[1]) * (b[0] - a[0]) {
            inside = !inside;
        }
    }
    inside
}

fn in_shape(s: &Shape, lon: f64, lat: f64) -> bool {
    s.rings.iter().any(|r| inside(r, lon, lat))
}

#[test]
fn the_shipped_outlines_have_the_countries_and_governorates_and_towns_fall_in_the_right_ones() {
    let o = outlines();
    assert_eq!(o.bbox, [34.0, 28.5, 49.0, 38.5]);
    for name in ["Syria", "Iraq", "Lebanon", "Jordan", "Turkey", "Iran", "Israel", "Saudi Arabia", "Kuwait"] {
        assert!(!shape(o, Level::Country, name).rings.is_empty(), "{name}");
    }
    let governorates = |c: &str| o.shapes.iter().filter(|s| s.level == Level::Admin1 && s.country == c).count();
    assert_eq!((governorates("SYR"), governorates("IRQ")), (15, 18), "Syria's 14 and the UNDOF zone; Iraq's 18");
    // al-Mayadin and Deir ez-Zor are in Syria's Dayr Az Zawr, Erbil in Iraq's Arbil, not in each other.
    let deir = shape(o, Level::Admin1, "Dayr Az Zawr");
    assert!(in_shape(deir, 40.45, 35.02) && in_shape(deir, 40.14, 35.33));
    assert!(in_shape(shape(o, Level::Admin1, "Arbil"), 44.01, 36.19));
    assert!(in_shape(shape(o, Level::Country, "Syria"), 40.92, 34.45), "Abu Kamal is on Syria's side");
    assert!(!in_shape(shape(o, Level::Country, "Syria"), 44.01, 36.19));
    assert!(in_shape(shape(o, Level::Country, "Iraq"), 44.01, 36.19));
    // Every point stays in the box it was clipped to.
    let [w, s, e, n] = o.bbox;
    let points = o.shapes.iter().flat_map(|s| s.rings.iter().flatten());
    assert!(points.clone().all(|p| (w..=e).contains(&p[0]) && (s..=n).contains(&p[1])));
    assert!(OUTLINES.len() < 300_000, "the asset stays small: {} bytes", OUTLINES.len());
}

#[test]
fn a_broken_outline_line_is_named_by_its_number() {
    let e = parse_outlines("# c\nbbox 1 2 3 4\ncountry SYR Syria\nring 1 2 3\n").unwrap_err();
    assert_eq!(e.line, 4);
    assert!(e.to_string().contains("line 4"), "{e}");
    assert_eq!(parse_outlines("ring 1 2 3 4 5 6\n").unwrap_err().line, 1, "a ring before any shape");
    assert_eq!(parse_outlines("bbox 1 2 3\n").unwrap_err().line, 1);
    assert_eq!(parse_outlines("bbox 1 2 3 4\nwhat 1\n").unwrap_err().line, 2);
    assert!(parse_outlines("country SYR Syria\n").is_err(), "no bbox");
    let ok = parse_outlines("bbox 1 2 3 4\nadmin1 IRQ Al-Anbar\nring 0 0 1 0 1 1\n").unwrap();
    assert_eq!(ok.shapes[0].rings, vec![vec![[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]]]);
    assert_eq!((ok.shapes[0].level, ok.shapes[0].name.as_str()), (Level::Admin1, "Al-Anbar"));
}

#[test]
fn dates_become_days_and_partial_dates_their_first_day() {
    assert_eq!(day_number("1970-01-01"), Some(0));
    assert_eq!(day_number("2021-06-29"), Some(18807));
    assert_eq!(day_number("2021-06"), day_number("2021-06-01"));
    assert_eq!(day_number("2021"), day_number("2021-01-01"));
    assert_eq!(day_number("2021-06-29T22:00"), day_number("2021-06-29"));
    for bad in ["", "June", "2021-13", "2021-02-30"] {
        assert_eq!(day_number(bad), None, "{bad}");
    }
    assert_eq!(day_text(18807), "2021-06-29");
}

#[test]
fn the_radius_grows_with_the_square_root_of_the_dead_and_unknown_is_smallest() {
    assert_eq!(radius(None), UNKNOWN_RADIUS);
    assert_eq!(radius(Some(f64::NAN)), UNKNOWN_RADIUS);
    assert_eq!(radius(Some(0.0)), MIN_KNOWN);
    assert!(UNKNOWN_RADIUS < radius(Some(0.0)));
    // Four times the dead, twice the growth.
    let grow = |n: f64| radius(Some(n)) - MIN_KNOWN;
    assert!((grow(16.0) - 2.0 * grow(4.0)).abs() < 1e-5);
    assert_eq!(radius(Some(1e6)), MAX_RADIUS);
}

#[test]
fn events_at_one_place_are_spread_on_rings_and_none_share_an_offset() {
    assert_eq!(spread(0), [0.0, 0.0]);
    let offsets: Vec<[f32; 2]> = (0..19).map(spread).collect();
    for (i, a) in offsets.iter().enumerate() {
        for b in &offsets[i + 1..] {
            assert!(((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt() > 0.9, "{a:?} {b:?}");
        }
    }
    let ring = |p: [f32; 2]| (p[0].hypot(p[1])).round() as i32;
    assert_eq!(
        offsets.iter().map(|p| ring(*p)).collect::<Vec<_>>(),
        [0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]
    );
}

#[test]
fn rows_with_coordinates_become_points_coloured_by_type_and_the_others_are_counted() {
    let (mut rows, schema) = sample_rows();
    assert_eq!(rows.len(), 5);
    let mayadin = Some((35.02, 40.45));
    rows[0].coordinates = mayadin;
    rows[1].coordinates = mayadin;
    rows[4].coordinates = Some((34.45, 40.92));
    let map = map_points(&rows, &schema);
    assert_eq!(map.without_coordinates, 2);
    assert_eq!(map.points.iter().map(|p| p.row).collect::<Vec<_>>(), [0, 1, 4]);
    let attack = schema.event_type(&"ATTACK".into()).unwrap().color;
    assert!(map.points.iter().all(|p| p.color == attack));
    assert_eq!((map.points[0].lon, map.points[0].lat), (40.45, 35.02));
    assert_eq!(map.points[0].spread, [0.0, 0.0]);
    assert_ne!(map.points[1].spread, [0.0, 0.0], "the second event at al-Mayadin is moved aside");
    assert_eq!(map.points[2].spread, [0.0, 0.0], "alone at Abu Kamal");
    assert_eq!(map.points[2].radius, radius(Some(5.0)));
    assert!(!map.points[1].known_fatalities && map.points[0].known_fatalities);
    rows[3].event_type_id = "NO_SUCH_TYPE".into();
    rows[3].coordinates = Some((36.19, 44.01));
    assert_eq!(map_points(&rows, &schema).points[2].color, UNKNOWN_TYPE);
}

#[test]
fn the_time_window_hides_points_outside_it_and_undated_ones_once_it_narrows() {
    let (mut rows, schema) = sample_rows();
    for (r, date) in rows.iter_mut().zip(["2021-06-27", "2021-06-28", "2021-06", "", "2021-06-29"]) {
        r.coordinates = Some((35.0, 40.0));
        r.date = date.to_owned();
    }
    let map = map_points(&rows, &schema);
    let day = |s| day_number(s).unwrap();
    assert_eq!(map.time_range(), Some((day("2021-06-01"), day("2021-06-29"))));
    let shown = |from, to| map.in_window(day(from), day(to)).map(|p| p.row).collect::<Vec<_>>();
    assert_eq!(shown("2021-06-01", "2021-06-29"), [0, 1, 2, 3, 4], "the whole range shows the undated too");
    assert_eq!(shown("2021-06-28", "2021-06-29"), [1, 4]);
    assert_eq!(shown("2021-06-01", "2021-06-27"), [0, 2]);
    assert_eq!(MapPoints::default().time_range(), None);
}
