//! Document import benchmark (issue 12: under 2 s for 10,000 short documents; Label Studio took 3.9 s on this
//! machine, Tarmeez 114 s before the group commit, 2.3 s before `store::new_file`, 1.9 s with it, on an idle
//! machine): a JSON lines corpus of 10,000 short Arabic news items
//! (about 210 characters each, the items `benches/short_corpus.py` writes) imported into a fresh project
//! through the same library path as `tarmeez import-docs`: reading the records, then adding them in batches
//! (every file durable before the import returns). A smaller import of 1,000 shows the cost per batch.

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use std::path::{Path, PathBuf};
use std::time::Duration;
use tarmeez::formats::corpus::{Columns, import_records, read_records};
use tarmeez::model::*;
use tarmeez::store::Project;

const PLACES: [&str; 8] = ["دير الزور", "الميادين", "البوكمال", "الرقة", "حلب", "إدلب", "درعا", "حمص"];
const ACTORS: [&str; 4] = ["مليشيا أبو الفضل العباس", "قوات التحالف الدولي", "فصائل المعارضة", "القوات الحكومية"];

/// The `i`-th item of the corpus, as `benches/short_corpus.py` writes it.
fn item(i: usize) -> String {
    let (place, actor) = (PLACES[i % PLACES.len()], ACTORS[i % ACTORS.len()]);
    let text = format!(
        "خبر رقم {i}: قصفت {actor} مواقع قرب {place} صباح اليوم، وأفادت مصادر محلية بسقوط {} قتلى وعدد من \
         الجرحى. وردت القوات المستهدفة بقصف مدفعي على مصادر النيران، ولم تعلق أي جهة رسمية على الحادثة حتى الآن.",
        i % 17
    );
    serde_json::json!({ "id": format!("n{i}"), "text": text }).to_string()
}

fn corpus(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join(format!("short-{n}.jsonl"));
    let lines: Vec<String> = (0..n).map(item).collect();
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

/// A fresh empty project in its own temp folder.
fn fresh_project() -> (tempfile::TempDir, Project) {
    let tmp = tempfile::tempdir().unwrap();
    let annotator = Annotator::parse("bench").unwrap();
    let project = Project::create(tmp.path().join("p"), "bench", default_conflict_schema(), annotator).unwrap();
    (tmp, project)
}

fn bench_import(c: &mut Criterion) {
    let inputs = tempfile::tempdir().unwrap();
    // The projects are removed at the end only: on an ext4 without a journal (as on this machine) creating
    // files just after thousands were deleted is several times slower (the allocator skips inodes deleted in
    // the last minute), which would make each run pay for the removal of the one before.
    let mut done: Vec<tempfile::TempDir> = Vec::new();
    let mut group = c.benchmark_group("import_docs");
    // Each run writes thousands of files: a few runs, each timed alone.
    group.sampling_mode(SamplingMode::Flat).sample_size(10).warm_up_time(Duration::from_secs(1));
    for n in [1_000, 10_000] {
        let file = corpus(inputs.path(), n);
        group.measurement_time(Duration::from_secs(if n > 1_000 { 20 } else { 5 }));
        group.bench_function(format!("{n}_short_documents"), |b| {
            b.iter_batched(
                fresh_project,
                |(tmp, mut project)| {
                    let (records, skipped) = read_records(&file, None, &Columns::default()).unwrap();
                    assert!(skipped.is_empty());
                    let outcome = import_records(&mut project, records, &mut |_, _| true);
                    assert_eq!(outcome.imported.len(), n, "{:?}", outcome.error);
                    done.push(tmp);
                    project
                },
                BatchSize::PerIteration,
            );
        });
    }
    group.finish();
    drop(done);
}

criterion_group!(benches, bench_import);
criterion_main!(benches);
