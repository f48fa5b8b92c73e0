//! The dataset exports over 10,000 events: the sample's document with its five events copied 2,000 times
//! (each copy at its own trigger, so each has its own record id), a place linked: building the records, then
//! writing them as ACLED CSV (with the evidence file's rows) and as GeoJSON, in memory.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use tarmeez::formats::{acled, geojson, record_evidence};
use tarmeez::model::*;
use tarmeez::store::{OpenOptions, Project};
use tarmeez::workflow::event_record::project_records;

const COPIES: u32 = 2000;

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

/// The sample with 10,000 events in its layer and a place for the shelling's.
fn project(dir: &Path) -> Project {
    copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/al-omar-oilfield"), dir);
    let options = OpenOptions { annotator: Annotator::parse("sample").unwrap(), read_only: false };
    let mut project = Project::open(dir, options).unwrap();
    let mut place = Place::new("Al-Omar oil field", PlaceKind::Site);
    (place.country, place.latitude, place.longitude) = ("SYR".into(), Some(35.06), Some(40.57));
    project.apply_edit(ProjectEdit::PutPlace(PlaceId::from("omar"), Some(place))).unwrap();
    let doc = DocId::parse("al-omar-oilfield-2021-06-29").unwrap();
    let layer = project.layer_mut(&doc).unwrap();
    layer.mentions.get_mut(&MentionId(4)).unwrap().place = Some(PlaceId::from("omar"));
    let originals: Vec<Event> = layer.events.values().cloned().collect();
    layer.events.clear();
    let mut id = 1;
    for copy in 0..COPIES {
        for original in &originals {
            let mut e = original.clone();
            e.trigger = Span::new(copy as usize, copy as usize + 1);
            layer.events.insert(EventId(id), e);
            id += 1;
        }
    }
    project
}

fn bench_exports(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let project = project(&tmp.path().join("project"));
    let records = project_records(&project, None);
    assert_eq!(records.len(), 10_000);
    c.bench_function("records of 10,000 events", |b| b.iter(|| black_box(project_records(&project, None))));
    c.bench_function("ACLED CSV and evidence rows of 10,000 records", |b| {
        b.iter(|| black_box((acled::to_csv(&records).unwrap(), record_evidence::to_csv(&records).unwrap())))
    });
    c.bench_function("GeoJSON of 10,000 records", |b| {
        b.iter(|| black_box(serde_json::to_vec(&geojson::collection(&records)).unwrap()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench_exports
}
criterion_main!(benches);
