//! Place matching over the whole gazetteer shipped (about 700 places): autocomplete as a coder types
//! (`find_places`, a prefix and a whole name), linking a mention's text (`resolve_place`), and the registry
//! suggester's place search over the seed article.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use tarmeez::model::PlaceRegistry;
use tarmeez::text::matching::PreparedText;
use tarmeez::workflow::places::{Gazetteer, find_places, place_queries, resolve_place, text_stems};

fn bench(c: &mut Criterion) {
    let gazetteer = Gazetteer::builtin();
    let project = PlaceRegistry::default();
    c.bench_function("find_places prefix الميا", |b| {
        b.iter(|| find_places(&project, gazetteer, black_box("الميا")))
    });
    c.bench_function("find_places ديرالزور", |b| {
        b.iter(|| find_places(&project, gazetteer, black_box("ديرالزور")))
    });
    c.bench_function("resolve_place بريف دير الزور", |b| {
        b.iter(|| resolve_place(&project, gazetteer, black_box("بريف دير الزور")))
    });
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/projects/al-omar-oilfield/documents/al-omar-oilfield-2021-06-29.txt");
    let article = std::fs::read_to_string(path).expect("the sample article");
    c.bench_function("place names in the seed article", |b| {
        b.iter(|| {
            let text = PreparedText::new(&article);
            let stems = text_stems(&article);
            let mut queries = place_queries(&project, gazetteer);
            queries
                .iter_mut()
                .filter(|q| q.may_match(&stems))
                .map(|q| q.query.find_prepared(&text).len())
                .sum::<usize>()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
