//! Curation benchmark (issue 14): the disagreement units and a "merge where at least 2 of 3 agree" over 1,000
//! documents x 3 coders x 50 mentions, on the layers in memory (what the window's queue and merge compute).
//! The coders agree on most mentions and differ on type, boundaries or presence on a fifth of them.

use criterion::{Criterion, criterion_group, criterion_main};
use std::collections::BTreeMap;
use tarmeez::model::*;
use tarmeez::workflow::curation::{Curator, merge_document, units};

const DOCS: usize = 1_000;
const MENTIONS: usize = 50;

/// One document's three layers: mention `i` at `10·i..10·i+6`, varied by coder on every fifth one.
fn layers(doc: usize, coders: &[Annotator]) -> BTreeMap<Annotator, Layer> {
    coders
        .iter()
        .enumerate()
        .map(|(c, coder)| {
            let mut layer = Layer::default();
            for i in 0..MENTIONS {
                let (mut start, mut ty) = (10 * i, "ACTOR");
                match (i + doc + c) % 15 {
                    0 => continue,
                    1 => ty = "LOCATION",
                    2 => start += 2,
                    _ => {}
                }
                layer.mentions.insert(layer.next_mention_id(), Mention::new(Span::new(start, 10 * i + 6), ty));
            }
            (coder.clone(), layer)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let coders: Vec<Annotator> = ["huda", "layla", "omar"].iter().map(|n| Annotator::parse(n).unwrap()).collect();
    let docs: Vec<(DocId, BTreeMap<Annotator, Layer>)> =
        (0..DOCS).map(|i| (DocId::parse(&format!("d{i}")).unwrap(), layers(i, &coders))).collect();
    let who = Curator { name: Annotator::parse("samir").unwrap(), at: "2026-11-29T00:00:00Z".into() };
    c.bench_function("units_1000_docs_3_coders_50_mentions", |b| {
        b.iter(|| docs.iter().map(|(id, l)| units(id, l, &coders).len()).sum::<usize>())
    });
    c.bench_function("merge_at_least_2_of_3_1000_docs", |b| {
        b.iter(|| docs.iter().map(|(id, l)| merge_document(id, l, &coders, 2, &who).1).sum::<usize>())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
