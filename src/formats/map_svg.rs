//! The event map as a static SVG image, for the HTML export: the same outlines, points and colours as the
//! map window (`formats/map_data.rs`), with a legend of the event types and sizes, and a line counting the
//! events that have no place with coordinates. Each event is one `<circle class="event">` with a `<title>`
//! (what a browser shows on hover) and the event's id in `data-e`, as the page's events table has it.

use super::events_table::EventRow;
use super::map_data::{self, MapPoints, Outlines, radius};
use crate::model::{Rgb, Schema};
use std::fmt::Write;

/// The image's width in pixels; its height follows the area shown.
pub const WIDTH: f64 = 640.0;
/// Pixels between events at one place (times their spread).
const SPREAD_PX: f64 = 9.0;
/// The height of the legend under the map.
const LEGEND_LINE: f64 = 18.0;

/// The area shown: west, south, east, north. Around the points (at least `MIN_SPAN` degrees each way, a
/// margin of `MARGIN`), inside the outlines' box; the whole box when no event has coordinates.
fn view(outlines: &Outlines, points: &MapPoints) -> [f64; 4] {
    const MARGIN: f64 = 1.0;
    const MIN_SPAN: f64 = 5.0;
    let [bw, bs, be, bn] = outlines.bbox;
    let Some(first) = points.points.first() else { return outlines.bbox };
    let mut v = [first.lon, first.lat, first.lon, first.lat];
    for p in &points.points {
        v = [v[0].min(p.lon), v[1].min(p.lat), v[2].max(p.lon), v[3].max(p.lat)];
    }
    let widen = |lo: f64, hi: f64, min: f64, max: f64| {
        let pad = ((MIN_SPAN - (hi - lo)) / 2.0).max(MARGIN);
        let (lo, hi) = (lo - pad, hi + pad);
        // Slide back inside the box, keeping the span where it fits.
        let shift = (min - lo).max(0.0) - (hi - max).max(0.0);
        ((lo + shift).max(min), (hi + shift).min(max))
    };
    let (w, e) = widen(v[0], v[2], bw, be);
    let (s, n) = widen(v[1], v[3], bs, bn);
    [w, s, e, n]
}

/// Screen coordinates of the view: longitudes shortened by cos φ at the middle latitude.
struct Projection {
    west: f64,
    north: f64,
    k: f64,
    cos: f64,
}

impl Projection {
    fn new(view: [f64; 4]) -> (Projection, f64) {
        let cos = ((view[1] + view[3]) / 2.0).to_radians().cos();
        let k = WIDTH / ((view[2] - view[0]) * cos);
        (Projection { west: view[0], north: view[3], k, cos }, (view[3] - view[1]) * k)
    }

    fn xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        ((lon - self.west) * self.cos * self.k, (self.north - lat) * self.k)
    }
}

/// The SVG of `rows`' events over the shipped outlines.
pub fn map_svg(rows: &[EventRow], schema: &Schema) -> String {
    let outlines = map_data::outlines();
    let points = map_data::map_points(rows, schema);
    let (proj, height) = Projection::new(view(outlines, &points));
    let types = types_shown(rows, &points, schema);
    let legend_height = LEGEND_LINE * (types.len() as f64 + 3.0);
    let total = height + legend_height;
    let mut out = String::with_capacity(64 * 1024);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"event-map\" width=\"{WIDTH}\" height=\"{total:.0}\" \
         viewBox=\"0 0 {WIDTH} {total:.0}\" role=\"img\" aria-label=\"Map of the events with a place\">"
    );
    let _ = writeln!(
        out,
        "<defs><clipPath id=\"map-area\"><rect width=\"{WIDTH}\" height=\"{height:.1}\"/></clipPath></defs>\n\
         <rect width=\"{WIDTH}\" height=\"{height:.1}\" fill=\"#dfe9f0\"/>\n<g clip-path=\"url(#map-area)\">"
    );
    shapes(&mut out, outlines, &proj);
    for p in &points.points {
        let row = &rows[p.row];
        let (x, y) = proj.xy(p.lon, p.lat);
        let (x, y) = (x + f64::from(p.spread[0]) * SPREAD_PX, y - f64::from(p.spread[1]) * SPREAD_PX);
        let fill = if p.known_fatalities { p.color.to_string() } else { "none".to_owned() };
        let _ = writeln!(
            out,
            "<circle class=\"event\" data-e=\"{}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"{fill}\" \
             fill-opacity=\"0.8\" stroke=\"{}\" stroke-width=\"1.5\"><title>{}</title></circle>",
            row.event,
            p.radius,
            p.color,
            Esc(&tooltip(row)),
        );
    }
    out.push_str("</g>\n");
    legend(&mut out, &types, &points, height);
    out.push_str("</svg>\n");
    out
}

/// The countries filled, the governorates' borders thin over them, the countries' borders on top.
fn shapes(out: &mut String, outlines: &Outlines, proj: &Projection) {
    use map_data::Level;
    let path = |rings: &[Vec<[f64; 2]>]| {
        let mut d = String::new();
        for ring in rings {
            for (i, p) in ring.iter().enumerate() {
                let (x, y) = proj.xy(p[0], p[1]);
                let _ = write!(d, "{}{x:.1} {y:.1}", if i == 0 { "M" } else { "L" });
            }
            d.push('Z');
        }
        d
    };
    let of = |level| outlines.shapes.iter().filter(move |s| s.level == level);
    for s in of(Level::Country) {
        let _ = writeln!(out, "<path d=\"{}\" fill=\"#f6f3ec\" stroke=\"none\"/>", path(&s.rings));
    }
    for s in of(Level::Admin1) {
        let _ = writeln!(
            out,
            "<path class=\"admin1\" d=\"{}\" fill=\"none\" stroke=\"#b9b3a6\" stroke-width=\"0.6\"><title>{}</title></path>",
            path(&s.rings),
            Esc(&s.name)
        );
    }
    for s in of(Level::Country) {
        let _ = writeln!(
            out,
            "<path class=\"country\" d=\"{}\" fill=\"none\" stroke=\"#6f6a60\" stroke-width=\"1\"/>",
            path(&s.rings)
        );
    }
}

/// The event types of the points (schema order, then unknown ones as they come), with their colours.
fn types_shown(rows: &[EventRow], points: &MapPoints, schema: &Schema) -> Vec<(String, Rgb)> {
    let mut out: Vec<(String, Rgb)> = Vec::new();
    for t in &schema.event_types {
        if points.points.iter().any(|p| rows[p.row].event_type_id == t.id) {
            out.push((t.name.clone(), t.color));
        }
    }
    for p in &points.points {
        let row = &rows[p.row];
        if schema.event_type(&row.event_type_id).is_none() && !out.iter().any(|(n, _)| *n == row.event_type) {
            out.push((row.event_type.clone(), map_data::UNKNOWN_TYPE));
        }
    }
    out
}

/// The legend under the map: a swatch per event type, the sizes, and the events left out.
fn legend(out: &mut String, types: &[(String, Rgb)], points: &MapPoints, top: f64) {
    let mut y = top + LEGEND_LINE;
    out.push_str("<g class=\"legend\" font-family=\"sans-serif\" font-size=\"12\" fill=\"#222\">\n");
    for (name, color) in types {
        let _ = writeln!(
            out,
            "<rect x=\"8\" y=\"{:.1}\" width=\"12\" height=\"12\" fill=\"{color}\"/><text x=\"26\" y=\"{:.1}\">{}</text>",
            y - 11.0,
            y - 1.0,
            Esc(name)
        );
        y += LEGEND_LINE;
    }
    // The sizes: unknown (hollow), none, 5 and 25 killed.
    let _ = write!(out, "<text x=\"8\" y=\"{:.1}\">Killed:</text>", y - 1.0);
    let mut x = 60.0;
    for (label, n) in [("unknown", None), ("0", Some(0.0)), ("5", Some(5.0)), ("25", Some(25.0))] {
        let r = f64::from(radius(n));
        let fill = if n.is_some() { "#888" } else { "none" };
        let _ = write!(
            out,
            "<circle class=\"key\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"{r:.1}\" fill=\"{fill}\" stroke=\"#888\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\">{label}</text>",
            x + r,
            y - 5.0,
            x + 2.0 * r + 4.0,
            y - 1.0
        );
        x += 2.0 * r + 16.0 + 7.0 * label.len() as f64;
    }
    out.push('\n');
    y += LEGEND_LINE;
    let placed = points.points.len();
    let left = points.without_coordinates;
    let _ = writeln!(
        out,
        "<text x=\"8\" y=\"{:.1}\">{placed} {} on the map; {left} without a place with coordinates.</text>",
        y - 1.0,
        if placed == 1 { "event" } else { "events" }
    );
    out.push_str("</g>\n");
}

/// What a point's hover says: type, date, place, actors, fatalities.
fn tooltip(row: &EventRow) -> String {
    let mut lines = vec![format!("{} {}", row.event, row.event_type)];
    if !row.date.is_empty() {
        lines.push(row.date.clone());
    }
    for (what, value) in [("Place", &row.location), ("Actor 1", &row.actor1), ("Actor 2", &row.actor2)] {
        if !value.is_empty() {
            lines.push(format!("{what}: {value}"));
        }
    }
    let killed = row.fatalities_text();
    lines.push(format!("Fatalities: {}", if killed.is_empty() { "unknown" } else { &killed }));
    lines.join("\n")
}

/// Text escaped for XML.
struct Esc<'a>(&'a str);

impl std::fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for c in self.0.chars() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '"' => f.write_str("&quot;")?,
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_rows() -> (Vec<EventRow>, Schema) {
        use crate::model::Annotator;
        use crate::store::{OpenOptions, Project};
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/al-omar-oilfield");
        let options = OpenOptions { annotator: Annotator::parse("reader").unwrap(), read_only: true };
        let project = Project::open(&dir, options).unwrap();
        let mut rows = crate::formats::events_table::project_rows(&project, Some(&Annotator::parse("sample").unwrap()));
        // The sample's places are linked; each test places the rows itself.
        for row in &mut rows {
            (row.place, row.coordinates) = (None, None);
        }
        (rows, project.config().schema.clone())
    }

    #[test]
    fn the_svg_parses_and_has_one_circle_per_placed_event_where_its_town_is() {
        let (mut rows, schema) = sample_rows();
        rows[0].coordinates = Some((35.02, 40.45)); // al-Mayadin
        rows[4].coordinates = Some((34.45, 40.92)); // Abu Kamal
        rows[1].event_type = "A <b>\"type\"</b> & more".into();
        rows[1].event_type_id = "UNKNOWN".into();
        rows[1].coordinates = Some((36.19, 44.01)); // Erbil
        let svg = map_svg(&rows, &schema);
        let doc = roxmltree::Document::parse(&svg).expect("well-formed SVG");
        let circles: Vec<_> =
            doc.descendants().filter(|n| n.has_tag_name("circle") && n.attribute("class") == Some("event")).collect();
        assert_eq!(circles.len(), 3);
        let at = |i: usize| {
            let n = circles[i];
            (n.attribute("cx").unwrap().parse::<f64>().unwrap(), n.attribute("cy").unwrap().parse::<f64>().unwrap())
        };
        // Abu Kamal is south-east of al-Mayadin, Erbil far to the north-east.
        let (mayadin, abu_kamal, erbil) = (at(0), at(2), at(1));
        assert!(abu_kamal.0 > mayadin.0 && abu_kamal.1 > mayadin.1, "{mayadin:?} {abu_kamal:?}");
        assert!(erbil.0 > abu_kamal.0 + 100.0 && erbil.1 < mayadin.1, "{erbil:?}");
        assert_eq!(circles[2].attribute("r"), Some(format!("{:.1}", radius(Some(5.0))).as_str()));
        assert_eq!(circles[1].attribute("fill"), Some("none"), "unknown fatalities are hollow");
        let text: String = doc.descendants().filter_map(|n| n.text()).collect();
        assert!(text.contains("3 events on the map; 2 without a place with coordinates."), "{text}");
        assert!(text.contains("A <b>\"type\"</b> & more"), "the unknown type is in the legend, escaped");
        assert!(text.contains("Place: حقل العمر النفطي; دير الزور"));
    }

    #[test]
    fn without_coordinates_the_whole_region_is_drawn_and_no_event() {
        let (rows, schema) = sample_rows();
        let svg = map_svg(&rows, &schema);
        let doc = roxmltree::Document::parse(&svg).unwrap();
        assert_eq!(doc.descendants().filter(|n| n.attribute("class") == Some("event")).count(), 0);
        assert!(doc.descendants().filter(|n| n.attribute("class") == Some("country")).count() >= 9);
        assert!(svg.contains("0 events on the map; 5 without a place with coordinates."));
    }
}
