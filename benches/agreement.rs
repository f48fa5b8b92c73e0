//! The whole span agreement report (pairwise F1 strict, lenient and clitic-lenient, per type and per
//! document, Cohen's and Fleiss' kappa, alpha on code points, alpha-U, confusion, and the bootstrap intervals
//! from 1,000 resamples) over 1,000 documents coded by 3 coders with 50 mentions each, built in memory.
//! Budget: under a second.

use criterion::{Criterion, criterion_group, criterion_main};
use std::collections::BTreeMap;
use std::hint::black_box;
use std::sync::Arc;
use tarmeez::model::{Annotator, DocId, DocText, EntityTypeId, Span};
use tarmeez::workflow::agreement::{DocMentions, Labelled, RESAMPLES, SEED, SpanData, span_report};

const DOCUMENTS: usize = 1_000;
const MENTIONS: usize = 50;
const WORDS: [&str; 8] = ["والميادين", "الحشد", "الشعبي", "قصفت", "بالقرب", "مدينة", "البوكمال", "مواقعهم"];
const TYPES: [&str; 6] = ["ACTOR", "LOCATION", "TIME", "WEAPON", "CASUALTIES", "SOURCE"];

/// One document: 150 words; every third word starts a mention of one or two words. Each coder keeps most
/// mentions, drops some, retypes some and moves a boundary of some, drawn from a seed per document and coder.
fn document(i: usize, coders: &[Annotator]) -> DocMentions {
    let mut rng = fastrand::Rng::with_seed(i as u64);
    let words: Vec<&str> = (0..3 * MENTIONS).map(|_| WORDS[rng.usize(..WORDS.len())]).collect();
    let text = words.join(" ");
    let mut starts = Vec::new();
    let mut pos = 0;
    for w in &words {
        starts.push((pos, pos + w.chars().count()));
        pos += w.chars().count() + 1;
    }
    let base: Vec<Labelled> = (0..MENTIONS)
        .map(|m| {
            let (s, _) = starts[3 * m];
            let e = starts[3 * m + rng.usize(..2)].1;
            (Span::new(s, e), EntityTypeId::new(TYPES[rng.usize(..TYPES.len())]))
        })
        .collect();
    let layers: BTreeMap<Annotator, Vec<Labelled>> = coders
        .iter()
        .enumerate()
        .map(|(c, coder)| {
            let mut rng = fastrand::Rng::with_seed((i * 10 + c) as u64);
            let mentions = base
                .iter()
                .filter_map(|(span, ty)| match rng.usize(..12) {
                    0 => None,
                    1 => Some((*span, EntityTypeId::new(TYPES[rng.usize(..TYPES.len())]))),
                    2 => Some((Span::new(span.start + 1, span.end), ty.clone())),
                    _ => Some((*span, ty.clone())),
                })
                .collect();
            (coder.clone(), mentions)
        })
        .collect();
    DocMentions { id: DocId::parse(&format!("doc-{i:04}")).unwrap(), text: Arc::new(DocText::new(text)), layers }
}

fn bench_report(c: &mut Criterion) {
    let coders: Vec<Annotator> = ["huda", "layla", "omar"].iter().map(|n| Annotator::parse(n).unwrap()).collect();
    let data = SpanData {
        types: TYPES.iter().map(|t| EntityTypeId::new(*t)).collect(),
        documents: (0..DOCUMENTS).map(|i| document(i, &coders)).collect(),
        coders,
    };
    let mut group = c.benchmark_group("agreement");
    group.sample_size(10).measurement_time(std::time::Duration::from_secs(8));
    group.bench_function("span report, 1,000 documents x 3 coders x 50 mentions", |b| {
        b.iter(|| black_box(span_report(black_box(&data), RESAMPLES, SEED)))
    });
    group.finish();
}

criterion_group!(benches, bench_report);
criterion_main!(benches);
