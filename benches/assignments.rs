//! Assignments on a 10,000-document project (DESIGN.md section 8): the draw of `tarmeez assign` (three
//! coders, two per document), the document list's order for one coder, and the progress table, which reads
//! every assigned coder's status from 20,000 layer files of 50 mentions each without loading any text (the
//! window does this on a worker thread; the figure says how long its spinner turns).

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;
use tarmeez::model::*;
use tarmeez::store::{OpenOptions, Project, paths, to_ron};
use tarmeez::workflow::assignments::{DocOrder, project_progress};

const DOCUMENTS: usize = 10_000;
const CODERS: [&str; 3] = ["huda", "omar", "layla"];

fn layer(k: usize) -> Layer {
    let types = ["ACTOR", "LOCATION", "TIME", "WEAPON"];
    let mentions =
        (0..50).map(|m| (MentionId(m as u32 + 1), Mention::new(Span::new(m * 6, m * 6 + 4), types[m % 4]))).collect();
    let status = [DocStatus::New, DocStatus::InProgress, DocStatus::Done][k % 3];
    Layer { status, mentions, ..Layer::default() }
}

/// Writes the documents' metadata and texts and each assigned coder's layer directly (their content is what
/// the store writes; atomic saves would make the setup take minutes).
fn build(root: &Path, assignments: &Assignments) {
    drop(Project::create(root, "bench", default_conflict_schema(), Annotator::parse("lead").unwrap()).unwrap());
    let write = |rel: std::path::PathBuf, bytes: &[u8]| {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    };
    for (k, (id, coders)) in assignments.documents.iter().enumerate() {
        let text = DocText::new(format!("تقرير رقم {k} ").repeat(40));
        let meta = DocumentMeta { chars: text.len_chars(), text_hash: text.hash(), ..DocumentMeta::default() };
        write(paths::text(id), text.as_str().as_bytes());
        write(paths::meta(id), to_ron(&meta).unwrap().as_bytes());
        for coder in coders {
            write(paths::layer(id, coder), to_ron(&layer(k)).unwrap().as_bytes());
        }
    }
}

fn bench_assignments(c: &mut Criterion) {
    let docs: Vec<DocId> = (0..DOCUMENTS).map(|i| DocId::parse(&format!("doc-{i:05}")).unwrap()).collect();
    let options = AssignOptions {
        coders: CODERS.iter().map(|c| Annotator::parse(c).unwrap()).collect(),
        per_doc: 2,
        overlap: None,
        seed: 1,
    };
    let mut group = c.benchmark_group("assignments");
    group.sample_size(10);
    group.bench_function("draw: 10k documents, 3 coders, 2 per document", |b| {
        b.iter(|| black_box(assign(&Assignments::default(), &docs, &options).unwrap().new))
    });
    let assignments = assign(&Assignments::default(), &docs, &options).unwrap().assignments;

    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("bench");
    build(&root, &assignments);
    let project =
        Project::open(&root, OpenOptions { annotator: Annotator::parse("huda").unwrap(), read_only: true }).unwrap();
    assert_eq!(project.documents().len(), DOCUMENTS);
    group.bench_function("list order for one coder: 10k documents", |b| {
        b.iter(|| black_box(DocOrder::of(&project, &assignments).mine.len()))
    });
    group.bench_function("progress table: 20k layer files read, no text", |b| {
        b.iter(|| {
            let table = project_progress(&project, &assignments);
            assert_eq!(table.coders.values().map(|r| r.unknown).sum::<usize>(), 0);
            black_box(table.documents)
        })
    });
    group.finish();
}

criterion_group!(benches, bench_assignments);
criterion_main!(benches);
