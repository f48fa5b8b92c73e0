//! Project store benchmarks (DESIGN.md section 8): a synthetic project of 10,000 documents with 50 mentions
//! each; opening it (document list and metadata, annotations load lazily), loading one document, and saving
//! one edited document. Budgets: open in about a second, save one document in a few milliseconds. Then
//! exports of a 1,000-document project (HTML pages and doccano), which write every file atomically.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use tarmeez::model::*;
use tarmeez::store::{OpenOptions, Project, paths, to_ron};

const DOCUMENTS: usize = 10_000;
const MENTIONS_PER_DOC: usize = 50;

/// An Arabic article of about 2,000 characters with a number in it, so every document differs.
fn article(i: usize) -> String {
    let sentence = "قصفت مليشيا أبو الفضل العباس قاعدة التحالف الدولي في حقل العمر النفطي بريف دير الزور، وردت طائرات التحالف بغارات جوية على مواقعها في مدينة الميادين. ";
    format!("تقرير رقم {i}\n\n{}", sentence.repeat(14))
}

fn layer(text: &DocText) -> Layer {
    let words: Vec<(usize, usize)> = {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.as_str().chars().enumerate() {
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
    };
    let types = ["ACTOR", "LOCATION", "TIME", "WEAPON"];
    let mentions = (0..MENTIONS_PER_DOC)
        .map(|k| {
            let (s, e) = words[(k * 3) % words.len()];
            let mention = Mention::new(Span::new(s, e), types[k % types.len()]);
            (MentionId(k as u32 + 1), mention)
        })
        .collect();
    Layer { status: DocStatus::InProgress, mentions, ..Layer::default() }
}

/// Writes the synthetic project with the store's own serializer. Files are written directly rather than
/// through atomic saves (30,000 fsyncs would make the setup take a minute); their content is identical.
fn build(root: &Path, documents: usize) {
    let annotator = Annotator::parse("bench").unwrap();
    drop(Project::create(root, "bench", default_conflict_schema(), annotator.clone()).unwrap());
    for i in 0..documents {
        let id = DocId::parse(&format!("doc-{i:05}")).unwrap();
        let text = DocText::new(article(i));
        let meta = DocumentMeta {
            title: format!("تقرير رقم {i}"),
            source: "synthetic".into(),
            chars: text.len_chars(),
            text_hash: text.hash(),
            ..DocumentMeta::default()
        };
        let write = |rel: std::path::PathBuf, bytes: &[u8]| {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        };
        write(paths::text(&id), text.as_str().as_bytes());
        write(paths::meta(&id), to_ron(&meta).unwrap().as_bytes());
        write(paths::layer(&id, &annotator), to_ron(&layer(&text)).unwrap().as_bytes());
    }
}

fn bench_store(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("bench");
    build(&root, DOCUMENTS);
    let annotator = Annotator::parse("bench").unwrap();
    let read_only = OpenOptions { annotator: annotator.clone(), read_only: true };
    {
        // The synthetic project must be valid, or the figures mean nothing.
        let p = Project::open(&root, read_only.clone()).unwrap();
        assert_eq!(p.documents().len(), DOCUMENTS);
        let id = p.documents()[0].id.clone();
        assert_eq!(p.load_document(&id).unwrap().layers[&annotator].mentions.len(), MENTIONS_PER_DOC);
        assert_eq!(p.problems().count(), 0);
    }

    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    group.bench_function("open 10k-document project", |b| {
        b.iter(|| black_box(Project::open(&root, read_only.clone()).unwrap().documents().len()))
    });

    let mut project = Project::open(&root, OpenOptions { annotator, read_only: false }).unwrap();
    let id = DocId::parse("doc-05000").unwrap();
    group.bench_function("load one document (text + 50 mentions, validated)", |b| {
        b.iter_batched(
            || Project::open(&root, read_only.clone()).unwrap(),
            |p| black_box(p.load_document(&id).unwrap().text.len_chars()),
            BatchSize::PerIteration,
        )
    });
    group.finish();

    let mut group = c.benchmark_group("store");
    group.sample_size(50);
    let mut flip = false;
    group.bench_function("save one edited document (atomic, fsync)", |b| {
        b.iter(|| {
            flip = !flip;
            let layer = project.layer_mut(&id).unwrap();
            layer.status = if flip { DocStatus::Done } else { DocStatus::InProgress };
            black_box(project.save_document(&id).unwrap())
        })
    });
    group.finish();
}

fn bench_export(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("bench");
    build(&root, 1_000);
    let read_only = OpenOptions { annotator: Annotator::parse("bench").unwrap(), read_only: true };
    let out = tmp.path().join("out");
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("html: 1,000 documents, 50 mentions each (open, load, write 1,002 files)", |b| {
        b.iter(|| {
            let p = Project::open(&root, read_only.clone()).unwrap();
            black_box(tarmeez::formats::html::export_html(&p, None, &out).unwrap().files.len())
        })
    });
    group.bench_function("doccano: 1,000 documents, 50 mentions each (open, load, write one file)", |b| {
        b.iter(|| {
            let p = Project::open(&root, read_only.clone()).unwrap();
            black_box(tarmeez::formats::doccano::export_doccano(&p, None, &out).unwrap().spans)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_store, bench_export);
criterion_main!(benches);
