//! doccano import benchmark (issue 12: 76,000 mentions took 29 s, quadratic in the mentions of a document):
//! one document of about 500,000 characters with a mention on each of its first 76,000 words, an event every
//! 100 words with a role filled, given as one doccano line. Measured: planning the import (reading the file,
//! checking every entity and relation against the text and the schema, building the edit), the step that was
//! quadratic; and the whole import with its save, once per sample.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use tarmeez::formats::doccano::{import_doccano, plan_doccano};
use tarmeez::model::*;
use tarmeez::store::{OpenOptions, Project, paths, to_ron};

/// Mentions in the file, as in the measurement.
const MENTIONS: usize = 76_000;
/// One event trigger every this many words (its role filled by the mention before it).
const EVENT_EVERY: usize = 100;

/// About 500,000 characters of Arabic news text.
fn article() -> String {
    let sentence = "قصفت مليشيا أبو الفضل العباس قاعدة التحالف الدولي في حقل العمر النفطي بريف دير الزور، وردت طائرات التحالف بغارات جوية على مواقعها في مدينة الميادين. ";
    sentence.repeat(3_400)
}

/// The code point spans of the words of `text`.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.chars().chain([' ']).enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Writes the project (one document, no annotations) and the doccano file to import; returns the file.
fn build(root: &Path) -> std::path::PathBuf {
    let annotator = Annotator::parse("bench").unwrap();
    drop(Project::create(root, "bench", default_conflict_schema(), annotator).unwrap());
    let id = DocId::parse("long").unwrap();
    let text = DocText::new(article());
    let meta = DocumentMeta {
        title: "long".into(),
        chars: text.len_chars(),
        text_hash: text.hash(),
        ..DocumentMeta::default()
    };
    for (rel, bytes) in [(paths::text(&id), text.as_str().to_owned()), (paths::meta(&id), to_ron(&meta).unwrap())] {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let words = words(text.as_str());
    let events = MENTIONS / EVENT_EVERY;
    assert!(words.len() >= MENTIONS + events, "{} words", words.len());
    let labels = ["ACTOR", "LOCATION", "TIME", "WEAPON"];
    let mut entities = Vec::new();
    let mut relations = Vec::new();
    let mut word = words.iter();
    for k in 0..MENTIONS {
        let (start, end) = word.next().unwrap();
        // Every fourth mention is an ACTOR, the Attacker of the event that follows it.
        let label = labels[k % labels.len()];
        entities.push(serde_json::json!({"id": k, "start_offset": start, "end_offset": end, "label": label}));
        if k % EVENT_EVERY == 0 {
            let (start, end) = word.next().unwrap();
            let trigger = MENTIONS + k;
            entities
                .push(serde_json::json!({"id": trigger, "start_offset": start, "end_offset": end, "label": "ATTACK"}));
            relations.push(serde_json::json!({"from_id": trigger, "to_id": k, "type": "Attacker"}));
        }
    }
    let line =
        serde_json::json!({"doc_id": "long", "text": text.as_str(), "entities": entities, "relations": relations});
    let file = root.parent().unwrap().join("long.jsonl");
    std::fs::write(&file, format!("{line}\n")).unwrap();
    file
}

fn open(root: &Path) -> Project {
    Project::open(root, OpenOptions { annotator: Annotator::parse("bench").unwrap(), read_only: false }).unwrap()
}

fn doccano_import(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("project");
    let file = build(&root);
    let bench = Annotator::parse("bench").unwrap();
    let mut group = c.benchmark_group("doccano_import");
    group.sample_size(10);
    group.bench_function("plan_76k_mentions_in_one_document", |b| {
        let project = open(&root);
        project.load_all();
        b.iter(|| {
            let (summary, edit) = plan_doccano(&project, &file, &bench).unwrap();
            assert_eq!(summary.mentions, MENTIONS);
            black_box(edit)
        });
    });
    group.bench_function("import_and_save_76k_mentions_in_one_document", |b| {
        b.iter_batched(
            || {
                // A fresh layer each time: remove the one the last run saved.
                let _ = std::fs::remove_dir_all(root.join("annotations"));
                open(&root)
            },
            |mut project| {
                let summary = import_doccano(&mut project, &file, &bench).unwrap();
                assert_eq!((summary.mentions, summary.files_written), (MENTIONS, 1));
                project
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, doccano_import);
criterion_main!(benches);
