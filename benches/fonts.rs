//! What falling back to the system's fonts costs (text/fonts.rs): building the font collection with and
//! without the system's (once per process: the window builds it on a thread while it opens), and laying
//! out a paragraph of scripts no bundled font has, which sends parley to the system's fonts, against one
//! that the bundled fonts draw alone.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;
use tarmeez::model::{Direction, DocText};
use tarmeez::text::{LayoutEngine, LayoutParams, fonts};

fn bench_context(c: &mut Criterion) {
    let mut group = c.benchmark_group("font_context");
    group.sample_size(20);
    group.bench_function("bundled", |b| b.iter(|| black_box(fonts::uncached_font_context(false))));
    group.bench_function("with_system", |b| b.iter(|| black_box(fonts::uncached_font_context(true))));
    group.bench_function("shared_clone", |b| b.iter(|| black_box(fonts::font_context_with(true))));
    group.finish();
}

fn bench_fallback_layout(c: &mut Criterion) {
    let params = LayoutParams { width: 600.0, direction: Direction::Auto, ..LayoutParams::default() };
    let bundled = Arc::new(DocText::new("قال نتنياهو (בנימין נתניהו) إن 🙂 The militia shelled al-Omar.\n".repeat(20)));
    let others = Arc::new(DocText::new("قالت الجالية (Հայաստան) ሰላም नमस्ते ܫܠܡܐ ქართული.\n".repeat(20)));
    let mut group = c.benchmark_group("layout_20_paragraphs");
    for (name, system) in [("bundled_only", false), ("with_system", true)] {
        let mut engine = LayoutEngine::with_system_fonts(system);
        group.bench_function(format!("{name}/bundled_scripts"), |b| {
            b.iter(|| black_box(engine.layout(bundled.clone(), params)))
        });
        group.bench_function(format!("{name}/other_scripts"), |b| {
            b.iter(|| black_box(engine.layout(others.clone(), params)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_context, bench_fallback_layout);
criterion_main!(benches);
