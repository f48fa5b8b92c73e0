//! The dataset exports of issue 19 (`export --format acled|ucdp|geojson`) on a copy of the sample whose
//! places are in the registry and linked, in memory: each file re-read with the csv crate or serde_json and
//! checked against the codebooks' column lists typed out here, the interaction codes against the actor
//! codes, the evidence quotes against the article's text, and the GeoJSON against RFC 7946.

mod common;

use common::cli::{run, s};
use common::{SAMPLE_DOC, open_as, sample_copy};
use std::path::Path;
use tarmeez::formats::export::{ExportFormat, ExportReport, export_project};
use tarmeez::formats::{acled, record_evidence, ucdp};
use tarmeez::model::{
    Annotator, AttrValue, AttributeDef, AttributeKind, AttributeTarget, DocId, Edit, EventId, FieldId, MentionId,
    Place, PlaceId, PlaceKind, ProjectEdit, Span, acled as codes,
};
use tarmeez::store::Project;

/// ACLED's columns as its codebook (2023) and API list them, typed here apart from `formats::acled::COLUMNS`.
const ACLED_CODEBOOK: &str = "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type \
     actor1 assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region country admin1 \
     admin2 admin3 location latitude longitude geo_precision source source_scale notes fatalities tags timestamp";

/// UCDP GED's columns as its codebook (24.1) lists them.
const UCDP_CODEBOOK: &str = "id relid year active_year code_status type_of_violence conflict_dset_id conflict_new_id \
     conflict_name dyad_dset_id dyad_new_id dyad_name side_a_dset_id side_a_new_id side_a side_b_dset_id side_b_new_id \
     side_b number_of_sources source_article source_office source_date source_headline source_original where_prec \
     where_coordinates where_description adm_1 adm_2 latitude longitude geom_wkt priogrid_gid country country_id \
     region event_clarity date_prec date_start date_end deaths_a deaths_b deaths_civilians deaths_unknown best high \
     low gwnoa gwnob";

fn words(list: &str) -> Vec<&str> {
    list.split_whitespace().collect()
}

fn place(name: &str, kind: PlaceKind, country: &str, admin1: &str, at: Option<(f64, f64)>) -> Place {
    let mut p = Place::new(name, kind);
    (p.country, p.admin1) = (country.into(), admin1.into());
    (p.latitude, p.longitude) = at.unzip();
    p
}

/// The sample with its places in the registry and its LOCATION mentions linked (al-Hamidah left unlinked,
/// Iraq without coordinates), the ACLED attributes in the schema and the shelling coded with them and with
/// evidence of its sub-event type and of its fatalities.
fn linked_sample(dir: &Path) -> Project {
    let mut project = open_as(dir, "sample");
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    let places = [
        ("omar", place("Al-Omar oil field", PlaceKind::Site, "SYR", "Deir ez-Zor", Some((35.06, 40.57)))),
        ("deir", place("Deir ez-Zor", PlaceKind::Admin1, "SYR", "Deir ez-Zor", Some((35.336, 40.1408)))),
        ("mayadin", place("Al Mayadin", PlaceKind::Town, "SYR", "Deir ez-Zor", Some((35.0203, 40.4512)))),
        ("iraq", place("Iraq", PlaceKind::Country, "IRQ", "", None)),
    ];
    for (id, p) in places {
        project.apply_edit(ProjectEdit::PutPlace(PlaceId::from(id), Some(p))).unwrap();
    }
    let mut schema = project.config().schema.clone();
    let attr = |id: &str, kind: AttributeKind| AttributeDef {
        id: id.into(),
        name: id.into(),
        target: AttributeTarget::Event,
        kind,
        types: Vec::new(),
    };
    let subs = codes::SUB_EVENT_TYPES.iter().map(|t| t.0.to_owned()).collect();
    // The default schema has them since issue 19; the sample's older copies would not.
    for def in [
        attr(codes::SUB_EVENT_TYPE, AttributeKind::Choice(subs)),
        attr(codes::CIVILIAN_TARGETING, AttributeKind::Boolean),
    ] {
        if schema.attribute(&def.id).is_none() {
            schema.attributes.push(def);
        }
    }
    project.apply_edit(ProjectEdit::SetSchema(Box::new(schema))).unwrap();
    project.load_all();
    let layer = project.document(&doc).unwrap().loaded().unwrap().layers[&Annotator::parse("sample").unwrap()].clone();
    let mut edits = Vec::new();
    for (mention, place) in [(4, "omar"), (5, "deir"), (13, "mayadin"), (14, "mayadin"), (17, "iraq")] {
        let mut m = layer.mentions[&MentionId(mention)].clone();
        m.place = Some(PlaceId::from(place));
        edits.push(Edit::PutMention(MentionId(mention), Some(m)));
    }
    let mut shelling = layer.events[&EventId(1)].clone();
    shelling
        .attributes
        .insert(codes::SUB_EVENT_TYPE.into(), AttrValue::Choice("Shelling/artillery/missile attack".into()));
    shelling.attributes.insert(codes::CIVILIAN_TARGETING.into(), AttrValue::Bool(false));
    shelling.evidence.insert(FieldId::from(codes::SUB_EVENT_TYPE), vec![Span { start: 800, end: 813 }]);
    shelling.evidence.insert(FieldId::from("fatalities"), vec![Span { start: 328, end: 341 }]);
    edits.push(Edit::PutEvent(EventId(1), Some(shelling)));
    project.apply(&doc, Edit::Batch(edits)).unwrap();
    project
}

fn export(project: &Project, format: ExportFormat, out: &Path) -> ExportReport {
    export_project(project, format, Some(&Annotator::parse("sample").unwrap()), out).unwrap()
}

/// The rows of a CSV file, header first, read with the csv crate.
fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_path(path).unwrap();
    reader.records().map(|r| r.unwrap().iter().map(str::to_owned).collect()).collect()
}

/// The sample article's text, read from its file, as code points.
fn article(dir: &Path) -> Vec<char> {
    std::fs::read_to_string(dir.join("documents").join(format!("{SAMPLE_DOC}.txt"))).unwrap().chars().collect()
}

fn quote_at(text: &[char], start: &str, end: &str) -> String {
    text[start.parse::<usize>().unwrap()..end.parse::<usize>().unwrap()].iter().collect()
}

/// Checks an evidence file: its header, a row per span, every quote the article's words at its offsets.
fn check_evidence(path: &Path, text: &[char], ids: &[String]) {
    let rows = read_csv(path);
    assert_eq!(rows[0], ["record_id", "document", "annotator", "field", "start", "end", "quote", "given"]);
    assert!(rows.len() > 10, "{} rows", rows.len());
    for row in &rows[1..] {
        assert!(ids.contains(&row[0]), "evidence of an unknown record {}", row[0]);
        assert_eq!(quote_at(text, &row[4], &row[5]), row[6], "{row:?}");
    }
    let given = |field: &str, by: &str| rows.iter().any(|r| r[3] == field && r[7] == by);
    assert!(given("sub_event_type", "coder") && given("fatalities", "coder") && given("actor1", "role"));
}

#[test]
fn the_acled_export_has_the_codebooks_columns_consistent_codes_and_quotes_at_their_offsets() {
    let (_tmp, dir) = sample_copy();
    let project = linked_sample(&dir);
    let out = dir.join("out");
    let report = export(&project, ExportFormat::Acled, &out);
    assert_eq!(report.files, [out.join("acled.csv"), out.join("acled.evidence.csv")]);
    assert_eq!(record_evidence::path_beside(&report.files[0]), report.files[1]);
    let rows = read_csv(&report.files[0]);
    assert_eq!(rows[0], words(ACLED_CODEBOOK), "the codebook's columns, in its order");
    assert_eq!(rows[0], acled::COLUMNS);
    assert_eq!(rows.len(), 6, "a row per event");
    let col = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    for row in &rows[1..] {
        assert_eq!(row.len(), rows[0].len());
        let (i1, i2, i) = (&row[col("inter1")], &row[col("inter2")], &row[col("interaction")]);
        if let (Ok(a), Ok(b)) = (i1.parse::<u8>(), i2.parse::<u8>()) {
            let want = match (a.min(b), a.max(b)) {
                (0, 0) => String::new(),
                (0, x) => format!("{x}0"),
                (x, y) => format!("{x}{y}"),
            };
            assert_eq!(i, &want, "interaction of {a} and {b}");
        } else {
            assert_eq!(i, "", "an unknown actor type leaves the interaction empty");
        }
        for empty in acled::NOT_CODED {
            assert_eq!(row[col(empty)], "", "{empty} is not coded");
        }
    }
    let shelling = &rows[1];
    let cell = |name: &str| shelling[col(name)].as_str();
    assert_eq!((cell("event_type"), cell("disorder_type")), ("Explosions/Remote violence", "Political violence"));
    assert_eq!((cell("iso"), cell("country"), cell("region")), ("760", "Syria", "Middle East"));
    assert_eq!((cell("location"), cell("latitude"), cell("longitude")), ("Al-Omar oil field", "35.06", "40.57"));
    assert_eq!((cell("geo_precision"), cell("admin1")), ("1", "Deir ez-Zor"));
    assert_eq!((cell("actor1"), cell("inter1")), ("Liwa Abu al-Fadl al-Abbas", "3"));
    assert_eq!(cell("fatalities"), "0");
    let ids: Vec<String> = rows[1..].iter().map(|r| r[0].clone()).collect();
    check_evidence(&report.files[1], &article(&dir), &ids);
    assert!(report.not_expressed.iter().any(|n| n.contains("timestamp")), "{:?}", report.not_expressed);
}

#[test]
fn the_ucdp_export_has_the_codebooks_columns_dates_and_points() {
    let (_tmp, dir) = sample_copy();
    let project = linked_sample(&dir);
    let out = dir.join("out");
    let report = export(&project, ExportFormat::Ucdp, &out);
    let rows = read_csv(&report.files[0]);
    assert_eq!(rows[0], words(UCDP_CODEBOOK), "the codebook's columns, in its order");
    assert_eq!(rows[0], ucdp::COLUMNS);
    assert_eq!(rows.len(), 6);
    let col = |name: &str| rows[0].iter().position(|c| c == name).unwrap();
    for row in &rows[1..] {
        assert_eq!(row.len(), 49);
        assert!(row[col("date_start")] <= row[col("date_end")], "{row:?}");
        assert_eq!(row[col("year")], &row[col("date_start")][..4]);
        if !row[col("latitude")].is_empty() {
            let wkt = format!("POINT ({} {})", row[col("longitude")], row[col("latitude")]);
            assert_eq!(row[col("geom_wkt")], wkt, "WKT is longitude first");
        }
        for empty in ucdp::NOT_CODED {
            assert_eq!(row[col(empty)], "", "{empty} is not coded");
        }
    }
    let response = &rows[2];
    assert_eq!((response[col("country")].as_str(), response[col("country_id")].as_str()), ("Syria", "652"));
    assert_eq!(response[col("where_coordinates")], "Al Mayadin");
    assert_eq!((response[col("where_prec")].as_str(), response[col("date_prec")].as_str()), ("1", "1"));
    assert_eq!(response[col("type_of_violence")], "1", "the coalition against a militia is state-based");
    assert_eq!(response[col("source_date")], "2021-06-29");
    let ids: Vec<String> = rows[1..].iter().map(|r| r[0].clone()).collect();
    check_evidence(&report.files[1], &article(&dir), &ids);
}

#[test]
fn the_geojson_export_is_rfc_7946_points_lon_lat_with_unlocated_events_kept_and_listed() {
    let (_tmp, dir) = sample_copy();
    let project = linked_sample(&dir);
    let out = dir.join("out");
    let report = export(&project, ExportFormat::GeoJson, &out);
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&report.files[0]).unwrap()).unwrap();
    assert_eq!(json["type"], "FeatureCollection");
    let features = json["features"].as_array().unwrap();
    assert_eq!(features.len(), 5, "every event, located or not");
    let text = article(&dir);
    let mut unlocated = Vec::new();
    for f in features {
        assert_eq!(f["type"], "Feature");
        let props = &f["properties"];
        assert_eq!(f["id"], props["event_id_cnty"]);
        for column in words(ACLED_CODEBOOK) {
            assert!(props.get(column).is_some(), "property {column}");
        }
        match &f["geometry"] {
            serde_json::Value::Null => unlocated.push(f["id"].as_str().unwrap().to_owned()),
            g => {
                assert_eq!(g["type"], "Point");
                let c = g["coordinates"].as_array().unwrap();
                let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
                assert_eq!((lon, lat), (props["longitude"].as_f64().unwrap(), props["latitude"].as_f64().unwrap()));
                assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
                assert!(lon > lat, "Syria lies east of 35.7°E and south of 37.4°N: [lon, lat], not [lat, lon]");
            }
        }
        for e in props["evidence"].as_array().unwrap() {
            let quote: String =
                text[e["start"].as_u64().unwrap() as usize..e["end"].as_u64().unwrap() as usize].iter().collect();
            assert_eq!(e["quote"], quote.as_str());
        }
    }
    assert_eq!(
        unlocated.len(),
        2,
        "the Iraq threat (the test's place for Iraq has no coordinates) and the statement (no place); the sample \
         links al-Humaydah itself"
    );
    let note = report.not_expressed.iter().find(|n| n.contains("without coordinates")).expect("a note");
    assert!(unlocated.iter().all(|id| note.contains(id.as_str())), "{note}");
    assert!(features.iter().filter(|f| f["geometry"].is_null()).all(|f| f["properties"]["latitude"].is_null()));
}

#[test]
fn the_command_line_exports_the_sample_with_its_notes_and_refuses_an_unknown_coder() {
    let (_tmp, dir) = sample_copy();
    let out = dir.join("out");
    for (format, file) in [("acled", "acled.csv"), ("ucdp", "ucdp_ged.csv"), ("geojson", "events.geojson")] {
        let (ok, text) = run(&["export", s(&dir), "--format", format, "--out", s(&out), "--annotator", "sample"]);
        assert!(ok, "{text}");
        assert!(text.contains("5 event(s) from 1 document(s)") && text.contains("without coordinates"), "{text}");
        assert!(out.join(file).is_file());
    }
    assert!(out.join("acled.evidence.csv").is_file() && out.join("ucdp_ged.evidence.csv").is_file());
    assert_eq!(read_csv(&out.join("acled.csv"))[0], words(ACLED_CODEBOOK));
    let (ok, text) = run(&["export", s(&dir), "--format", "ucdp", "--out", s(&dir.join("x")), "--annotator", "nobody"]);
    assert!(!ok && text.contains("no document has a layer by annotator `nobody`"), "{text}");
    assert!(!dir.join("x").exists(), "nothing written");
}
