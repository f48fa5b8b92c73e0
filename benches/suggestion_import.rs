//! Suggestion import benchmark (issue budget: about a second): 100,000 Hugging Face-style suggestions, 100 for
//! each document of a 1,000-document project, given as JSON lines with document ids. Measured: reading and
//! parsing the file, planning (loading and checking every document), building the edit, applying it, and
//! saving (1,000 suggestion files, each written atomically with fsync); and the same without the save, to show
//! how much of it is the disk.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use tarmeez::formats::suggestions;
use tarmeez::model::*;
use tarmeez::store::{OpenOptions, Project, paths, to_ron};
use tarmeez::workflow::suggestion_import::{import_edit, plan_import, source_info};

const DOCUMENTS: usize = 1_000;
const SUGGESTIONS_PER_DOC: usize = 100;

/// An Arabic article of about 2,000 characters with a number in it, so every document differs.
fn article(i: usize) -> String {
    let sentence = "قصفت مليشيا أبو الفضل العباس قاعدة التحالف الدولي في حقل العمر النفطي بريف دير الزور، وردت طائرات التحالف بغارات جوية على مواقعها في مدينة الميادين. ";
    format!("تقرير رقم {i}\n\n{}", sentence.repeat(14))
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

/// Writes the project (texts and metadata only) with the store's own serializer, directly rather than through
/// atomic saves, as `project_store` does; and returns the JSON lines to import.
fn build(root: &Path) -> String {
    let annotator = Annotator::parse("bench").unwrap();
    drop(Project::create(root, "bench", default_conflict_schema(), annotator).unwrap());
    let labels = ["LOC", "PER", "ORG", "DATE"];
    let mut jsonl = String::new();
    for i in 0..DOCUMENTS {
        let id = DocId::parse(&format!("doc-{i:05}")).unwrap();
        let text = DocText::new(article(i));
        let meta = DocumentMeta {
            title: format!("تقرير رقم {i}"),
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
        assert!(words.len() >= SUGGESTIONS_PER_DOC);
        let entities: Vec<serde_json::Value> = (0..SUGGESTIONS_PER_DOC)
            .map(|k| {
                let (start, end) = words[k];
                serde_json::json!({
                    "entity_group": labels[k % labels.len()],
                    "score": 0.5 + (k % 50) as f64 / 100.0,
                    "word": text.slice(Span::new(start, end)).unwrap(),
                    "start": start,
                    "end": end,
                })
            })
            .collect();
        jsonl.push_str(&serde_json::json!({"doc_id": id.as_str(), "entities": entities}).to_string());
        jsonl.push('\n');
    }
    jsonl
}

fn mapping() -> SourceConfig {
    let mut m = SourceConfig::default();
    for (label, ty) in [("LOC", "LOCATION"), ("PER", "ACTOR"), ("ORG", "ACTOR"), ("DATE", "TIME")] {
        m.labels.insert(label.into(), LabelTarget::Entity(ty.into()));
    }
    m
}

/// Reads the file and imports it; with `save`, writes the suggestion files. Returns how many were imported.
fn import(project: &mut Project, file: &Path, save: bool) -> usize {
    let source = SourceName::parse("bench-ner").unwrap();
    let parsed = suggestions::read_path(file, None).unwrap();
    let report = plan_import(project, &source, parsed, None, &mapping());
    assert!(report.refused.is_empty(), "{:?}", report.refused.first());
    let edit = import_edit(project, &source, &report, source_info(&source, &report));
    project.apply_edit(edit).unwrap();
    if save {
        project.save_dirty().unwrap();
    }
    report.imported()
}

fn bench_import(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("bench");
    let file = tmp.path().join("suggestions.jsonl");
    std::fs::write(&file, build(&root)).unwrap();
    let annotator = Annotator::parse("bench").unwrap();
    // Each run starts from the project without suggestions (opening it is not measured).
    let fresh = || {
        let _ = std::fs::remove_dir_all(root.join("suggestions"));
        Project::open(&root, OpenOptions { annotator: annotator.clone(), read_only: false }).unwrap()
    };
    {
        // The figures mean something only if everything is imported and the result is valid.
        let mut p = fresh();
        assert_eq!(import(&mut p, &file, true), DOCUMENTS * SUGGESTIONS_PER_DOC);
        let p = Project::open(&root, OpenOptions { annotator: annotator.clone(), read_only: true }).unwrap();
        p.load_all();
        assert_eq!(p.problems().count(), 0);
    }

    let mut group = c.benchmark_group("suggestion import");
    group.sample_size(10);
    group.bench_function("100k suggestions into 1k documents: parse, plan, edit, apply", |b| {
        // The project is returned so that dropping it is not measured.
        b.iter_batched(fresh, |mut p| (black_box(import(&mut p, &file, false)), p), BatchSize::PerIteration)
    });
    group.bench_function("100k suggestions into 1k documents: parse, plan, edit, apply, save", |b| {
        b.iter_batched(fresh, |mut p| (black_box(import(&mut p, &file, true)), p), BatchSize::PerIteration)
    });
    group.finish();
}

criterion_group!(benches, bench_import);
criterion_main!(benches);
