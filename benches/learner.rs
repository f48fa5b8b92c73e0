//! One training round of the learner on 10,000 tokens of coded Arabic news (the corpus tests/learner.rs
//! generates): what the window's background thread does after every N decisions. `round` is the app's
//! round (a learner without the held-out documents measured on them, then one on everything); `train` is
//! one training alone; `tag` predicts one document. Budget (DESIGN.md section 8, issue 18): a round under 2 s.

#[path = "../tests/common/arabic_corpus.rs"]
mod arabic_corpus;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;
use tarmeez::model::{DocId, DocText, EntityTypeId, Span};
use tarmeez::workflow::learner::{Example, Gazetteer, Learner, train_round};

const TOKENS: usize = 10_000;

/// Coded documents from the generated feed until they hold 10,000 learner tokens.
fn corpus() -> Vec<(DocId, Example)> {
    let docs = arabic_corpus::stories(7, 200, 5);
    let mut out = Vec::new();
    let mut tokens = 0;
    for (i, d) in docs.iter().enumerate() {
        if tokens >= TOKENS {
            break;
        }
        let e = Example {
            text: Arc::new(DocText::new(d.text.clone())),
            mentions: d.mentions.iter().map(|(s, e, t)| (Span::new(*s, *e), EntityTypeId::new(*t))).collect(),
        };
        tokens += Learner::train(std::slice::from_ref(&e), Gazetteer::default()).trained_tokens();
        out.push((DocId::parse(&format!("doc{i:04}")).unwrap(), e));
    }
    out
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let gazetteer = Gazetteer::new(arabic_corpus::ACTORS[..12].iter().copied());
    let examples: Vec<Example> = corpus.iter().map(|(_, e)| e.clone()).collect();
    let learner = Learner::train(&examples, gazetteer.clone());
    eprintln!("{} documents, {} tokens", corpus.len(), learner.trained_tokens());
    let mut group = c.benchmark_group("learner");
    group.sample_size(10);
    group.bench_function("round_10k_tokens", |b| b.iter(|| black_box(train_round(&corpus, &gazetteer))));
    group.bench_function("train_10k_tokens", |b| b.iter(|| black_box(Learner::train(&examples, gazetteer.clone()))));
    group.bench_function("tag_one_document", |b| b.iter(|| black_box(learner.tag(&examples[0].text))));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
