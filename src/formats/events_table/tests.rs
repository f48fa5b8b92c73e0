//! Tests of the event table on a copy of the sample project: building rows, and sorting them by a column.

use super::*;
use crate::store::OpenOptions;
use std::path::{Path, PathBuf};

const DOC: &str = "al-omar-oilfield-2021-06-29";

/// A private copy of the committed sample (the `sample` layer only, no locks), opened read-only: the
/// app may be editing the sample itself.
fn sample() -> (tempfile::TempDir, Project) {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_owned();
            let in_annotations = from.parent().is_some_and(|d| d.ends_with("annotations"));
            if name == ".locks" || (in_annotations && p.is_file() && name != "sample.ron") {
                continue;
            }
            if p.is_dir() { copy(&p, &to.join(&name)) } else { std::fs::copy(&p, to.join(&name)).map(|_| ()).unwrap() }
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir: PathBuf = tmp.path().join("project");
    copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/al-omar-oilfield"), &dir);
    let options = OpenOptions { annotator: Annotator::parse("reader").unwrap(), read_only: true };
    (tmp, Project::open(&dir, options).unwrap())
}

fn sample_rows() -> Vec<EventRow> {
    let (_tmp, project) = sample();
    project_rows(&project, Some(&Annotator::parse("sample").unwrap()))
}

fn row(rows: &[EventRow], event: u32) -> &EventRow {
    rows.iter().find(|r| r.event == EventId(event)).unwrap()
}

#[test]
fn one_row_per_event_in_id_order() {
    let rows = sample_rows();
    let ids: Vec<String> = rows.iter().map(EventRow::id).collect();
    assert_eq!(ids, (1..=5).map(|n| format!("{DOC}:e{n}")).collect::<Vec<_>>());
    assert!(rows.iter().all(|r| r.annotator.as_str() == "sample" && r.source.starts_with("Seed corpus")));
}

#[test]
fn the_shelling_names_the_militia_by_its_canonical_name_and_keeps_the_targeted_base() {
    let rows = sample_rows();
    let shelling = row(&rows, 1);
    assert_eq!(shelling.event_type, "Attack");
    assert_eq!(shelling.actor1, "Liwa Abu al-Fadl al-Abbas", "the registry's name, not the article's spelling");
    assert_eq!(shelling.actor2, "قاعدة التحالف الدولي", "the Target role is the second actor role");
    assert_eq!(shelling.location, "حقل العمر النفطي; دير الزور", "both Location fillers, in order");
    assert_eq!(shelling.fatalities, Some(0.0));
    assert_eq!(shelling.fatalities_text(), "0");
    assert_eq!(shelling.modality, "asserted");
    assert_eq!(shelling.trigger_text, "قصفت");
    assert_eq!(shelling.time_text, "مساء أمس");
    assert_eq!(shelling.notes, "Eight rockets; no casualties or damage reported");
}

#[test]
fn two_mentions_of_one_actor_make_one_name() {
    let response = &sample_rows()[1];
    assert_eq!(response.actor1, "International Coalition against ISIS");
    assert_eq!(response.actor2, "Liwa Abu al-Fadl al-Abbas");
    assert_eq!(response.location, "منطقة المزارع; مدينة الميادين");
    assert_eq!(response.fatalities, None, "no attribute is unknown, not zero");
}

#[test]
fn the_al_hamidah_strikes_have_a_place_and_fatalities_but_no_attacker() {
    let strikes = &sample_rows()[4];
    assert_eq!(strikes.trigger_text, "استهدفت");
    assert_eq!(strikes.actor1, "");
    assert_eq!(strikes.location, "منطقة الحميضة");
    assert_eq!(strikes.fatalities, Some(5.0));
}

#[test]
fn actor_columns_follow_the_schema_roles() {
    let rows = sample_rows();
    let threat = row(&rows, 3);
    assert_eq!(
        (threat.actor1.as_str(), threat.actor2.as_str()),
        ("Saraya Awliya al-Dam", "United States Armed Forces")
    );
    assert_eq!(threat.location, "العراق");
    assert_eq!(threat.modality, "threatened");
    let statement = row(&rows, 4);
    assert_eq!(statement.event_type, "Statement / call");
    assert_eq!(
        (statement.actor1.as_str(), statement.actor2.as_str()),
        ("Kata'ib Hezbollah", "United States Armed Forces")
    );
    assert_eq!(statement.location, "", "STATEMENT has no place role");
}

#[test]
fn the_date_comes_from_the_time_mention_else_its_words_else_the_publication() {
    let (_tmp, project) = sample();
    let doc = DocId::parse(DOC).unwrap();
    let sample = Annotator::parse("sample").unwrap();
    let rows = project_rows(&project, Some(&sample));
    // The shelling's time, "مساء أمس", has no normalized date: its words are read against the publication
    // date (29 June), which gives the 28th.
    assert_eq!((rows[0].date.as_str(), rows[0].date_basis), ("2021-06-28", DateBasis::TimeWords));
    assert_eq!(rows[0].date_basis.as_str(), "time-words");
    // The time words are isolated, so that a leading number stays with them in the English cell.
    assert_eq!(rows[0].date_source(), "read from «\u{2068}مساء أمس\u{2069}»", "the table says the date was read");
    // An event without a time role filled takes the publication date.
    let e = rows.iter().find(|r| r.time_text.is_empty()).unwrap();
    assert_eq!((e.date.as_str(), e.date_basis), ("2021-06-29", DateBasis::Publication));
    assert_eq!(e.date_source(), "publication date");

    // Give the shelling's "مساء أمس" its normalized date: the row takes it over the publication date.
    let loaded = project.document(&doc).unwrap().loaded().unwrap();
    let mut layer = loaded.layers[&sample].clone();
    let time = layer.mentions.get_mut(&"m24".parse().unwrap()).unwrap();
    time.attributes.insert("date".into(), AttrValue::Date("2021-06-28".into()));
    let cx = Cx {
        project: &project,
        doc: &doc,
        annotator: &sample,
        layer: &layer,
        text: &loaded.text,
        publication: "2021-06-29",
        source: "",
    };
    let row = cx.row(EventId(1), &layer.events[&EventId(1)]);
    assert_eq!((row.date.as_str(), row.date_basis), ("2021-06-28", DateBasis::TimeMention));
    assert_eq!(row.date_source(), "time role «\u{2068}مساء أمس\u{2069}»");
    let undated = Cx { publication: "", ..cx };
    let row = undated.row(EventId(4), &layer.events[&EventId(4)]);
    assert_eq!((row.date.as_str(), row.date_basis), ("", DateBasis::Unknown));
}

#[test]
fn document_rows_is_empty_for_an_unloaded_document_or_an_unknown_annotator() {
    let (_tmp, project) = sample();
    let doc = DocId::parse(DOC).unwrap();
    let sample = Annotator::parse("sample").unwrap();
    assert!(document_rows(&project, &doc, &sample).is_empty(), "not loaded yet");
    project.load_document(&doc).unwrap();
    assert_eq!(document_rows(&project, &doc, &sample).len(), 5);
    assert!(document_rows(&project, &doc, &Annotator::parse("nobody").unwrap()).is_empty());
    assert_eq!(project_rows(&project, None).len(), 5, "every coder's layer when none is named");
}

#[test]
fn sorting_by_fatalities_is_numeric_with_unknowns_last_both_ways() {
    let mut rows = sample_rows();
    rows[1].fatalities = Some(12.0);
    sort_rows(&mut rows, EventColumn::Fatalities, true);
    let order = |rows: &[EventRow]| rows.iter().map(|r| r.event.0).collect::<Vec<_>>();
    // 0 (e1) < 5 (e5) < 12 (e2); e3 and e4 have none and keep their order at the end.
    assert_eq!(order(&rows), [1, 5, 2, 3, 4]);
    sort_rows(&mut rows, EventColumn::Fatalities, false);
    assert_eq!(order(&rows), [2, 5, 1, 3, 4]);
}

#[test]
fn sorting_is_stable_and_ids_sort_by_number() {
    let mut rows = sample_rows();
    rows[0].event = EventId(10);
    sort_rows(&mut rows, EventColumn::EventType, true);
    let order = |rows: &[EventRow]| rows.iter().map(|r| r.event.0).collect::<Vec<_>>();
    assert_eq!(order(&rows), [10, 2, 5, 4, 3], "attacks keep their order; Statement before Threat");
    sort_rows(&mut rows, EventColumn::Event, true);
    assert_eq!(order(&rows), [2, 3, 4, 5, 10]);
    sort_rows(&mut rows, EventColumn::Actor1, true);
    assert_eq!(rows.last().unwrap().event, EventId(5), "the empty attacker goes last");
}

#[test]
fn numbers_read_as_people_write_them() {
    assert_eq!(format_number(5.0), "5");
    assert_eq!(format_number(2.5), "2.5");
    assert_eq!(format_number(-0.0), "0");
}
