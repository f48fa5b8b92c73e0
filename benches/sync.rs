//! Sync benchmark (issue 13: under a second for a 10,000-document project when nothing changed): a project of
//! 10,000 short documents, shared through a local bare repository, synced by `tarmeez::sync::sync` (the
//! real git: commit, fetch, merge, push, then the status) when nothing changed, and when the coder changed
//! 100 documents' layers since the last sync.

use criterion::{BatchSize, Criterion, SamplingMode, criterion_group, criterion_main};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;
use tarmeez::model::*;
use tarmeez::store::{NewDoc, OpenOptions, Project};

const DOCS: usize = 10_000;
const CHANGED: usize = 100;

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git").arg("-C").arg(dir).args(args).output().unwrap();
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// The shared project: 10,000 documents, one mark of the coder's in the first one, pushed to a bare repository.
fn shared_project(tmp: &Path) -> (PathBuf, Vec<DocId>) {
    let root = tmp.join("p");
    let coder = Annotator::parse("bench").unwrap();
    let mut project = Project::create(&root, "bench", default_conflict_schema(), coder.clone()).unwrap();
    let docs = (0..DOCS)
        .map(|i| NewDoc {
            id_hint: format!("n{i}"),
            text: format!("خبر رقم {i}: قصفت القوات الحكومية مواقع قرب دير الزور صباح اليوم، ولم تعلق أي جهة رسمية."),
            meta: DocumentMeta { title: format!("خبر {i}"), ..DocumentMeta::default() },
        })
        .collect();
    let ids: Vec<DocId> = project.add_documents(docs).unwrap().into_iter().map(Result::unwrap).collect();
    let layer = project.load_document(&ids[0]).unwrap().layers.get(&coder).cloned().unwrap_or_default();
    let (edit, _) = coding::mark(&layer, Span::new(0, 3), &EntityTypeId::new("ACTOR"));
    project.apply(&ids[0], edit).unwrap();
    project.save_dirty().unwrap();
    drop(project);
    let remote = tmp.join("shared.git");
    git(tmp, &["init", "-q", "--bare", remote.to_str().unwrap()]);
    git(&root, &["init", "-q"]);
    git(&root, &["config", "user.name", "Bench"]);
    git(&root, &["config", "user.email", "bench@example.org"]);
    tarmeez::sync::init_team(&root, Some(remote.to_str().unwrap())).unwrap();
    (root, ids)
}

fn bench_sync(c: &mut Criterion) {
    let tmp = tempfile::tempdir().unwrap();
    let (root, ids) = shared_project(tmp.path());
    let coder = Annotator::parse("bench").unwrap();
    let _ = Project::open(&root, OpenOptions { annotator: coder.clone(), read_only: true }).unwrap();
    // A layer file as the coder's session writes it, copied into other documents with a changing note.
    let layer = std::fs::read_to_string(root.join(format!("annotations/{}/bench.ron", ids[0]))).unwrap();
    let mut group = c.benchmark_group("sync_10000_documents");
    group.sampling_mode(SamplingMode::Flat).sample_size(10).warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("nothing_changed", |b| {
        b.iter(|| {
            let report = tarmeez::sync::sync(&root, &coder).unwrap();
            assert!(report.committed.is_none() && report.offline.is_none());
        });
    });
    let mut round = 0;
    group.bench_function("100_documents_changed", |b| {
        b.iter_batched(
            || {
                round += 1;
                for doc in &ids[1..=CHANGED] {
                    let dir = root.join("annotations").join(doc.as_str());
                    std::fs::create_dir_all(&dir).unwrap();
                    std::fs::write(dir.join("bench.ron"), format!("// round {round}\n{layer}")).unwrap();
                }
            },
            |()| {
                let report = tarmeez::sync::sync(&root, &coder).unwrap();
                assert_eq!(report.committed.as_deref(), Some("Tarmeez sync (bench): 100 documents coded"));
                assert_eq!(report.pushed, 1);
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, bench_sync);
criterion_main!(benches);
