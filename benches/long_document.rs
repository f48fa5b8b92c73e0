//! A 500k-character document (the seed article repeated with varied numbers and paragraphs, see
//! `text::long_document`): how long until its first screen can be painted after opening it, and rendering
//! it to PNG.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::sync::Arc;
use tarmeez::formats::png_render::{Pages, RenderOptions};
use tarmeez::model::*;
use tarmeez::text::long_document::{LONG_DOCUMENT_CHARS, long_document};
use tarmeez::text::scene::HighlightSet;
use tarmeez::text::{DocumentLayout, LayoutEngine, LayoutParams};

/// The article view's width and height at 100% zoom in a 1400x1000 window.
const WIDTH: f32 = 900.0;
const SCREEN: f32 = 900.0;

fn seed() -> String {
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/projects/al-omar-oilfield/documents/al-omar-oilfield-2021-06-29.txt");
    std::fs::read_to_string(path).expect("the sample article")
}

fn bench_first_screen(c: &mut Criterion) {
    let text = Arc::new(DocText::new(long_document(&seed(), LONG_DOCUMENT_CHARS)));
    let params = LayoutParams { width: WIDTH, ..LayoutParams::default() };
    let mut engine = LayoutEngine::new();
    let mut group = c.benchmark_group("first screen");
    // What the view does now: the outline, then the paragraphs of the first screen and one screen below
    // (`LayoutCache::prepare`); the rest is laid out on the worker thread.
    group.bench_function(format!("outline + first screen ({} chars)", text.len_chars()), |b| {
        b.iter(|| {
            let mut layout = DocumentLayout::outline(text.clone(), params);
            engine.shape_band(&mut layout, -SCREEN, 2.0 * SCREEN);
            black_box(layout.visible_chars(0.0, SCREEN))
        })
    });
    // The same at the end of the document (a jump there before the rest is laid out).
    group.bench_function(format!("outline + last screen ({} chars)", text.len_chars()), |b| {
        b.iter(|| {
            let mut layout = DocumentLayout::outline(text.clone(), params);
            let end = layout.height();
            engine.shape_band(&mut layout, end - 2.0 * SCREEN, end + SCREEN);
            black_box(layout.visible_chars(end - SCREEN, end))
        })
    });
    group.sample_size(10);
    // Before, the view waited for the whole layout before showing any text.
    group.bench_function(format!("whole layout ({} chars)", text.len_chars()), |b| {
        b.iter(|| black_box(engine.layout(text.clone(), params).visible_chars(0.0, SCREEN)))
    });
    group.finish();
}

/// `n` mentions of 2-4 words spread evenly over the text, on word boundaries.
fn highlights(text: &DocText, n: usize) -> HighlightSet {
    let s = text.as_str();
    let starts: Vec<usize> =
        s.char_indices().filter(|(_, c)| *c == ' ').map(|(b, _)| text.char_of_byte(b).unwrap() + 1).collect();
    let mut layer = Layer::default();
    let types = ["ACTOR", "LOCATION", "TIME", "WEAPON"];
    for k in 0..n {
        let i = k * starts.len() / n;
        let end = starts.get(i + 2 + k % 3).map_or(text.len_chars(), |e| e - 1);
        let mention = Mention::new(Span::new(starts[i], end.max(starts[i] + 1)), types[k % 4]);
        layer.mentions.insert(MentionId(k as u32 + 1), mention);
    }
    HighlightSet::build(&default_conflict_schema(), Some(&layer), [])
}

/// `tarmeez render --pages` of the whole document, in memory: every page laid out, drawn and encoded.
fn bench_render(c: &mut Criterion) {
    let text = Arc::new(DocText::new(long_document(&seed(), LONG_DOCUMENT_CHARS)));
    let schema = default_conflict_schema();
    let mut group = c.benchmark_group("render in pages of 1000x1414");
    group.sample_size(10);
    for (name, set) in [("no annotations", HighlightSet::default()), ("10,000 mentions", highlights(&text, 10_000))] {
        group.bench_function(format!("{} chars, {name}", text.len_chars()), |b| {
            b.iter(|| {
                let mut pages = Pages::new(text.clone(), &set, Some(&schema), RenderOptions::default(), 1414).unwrap();
                let mut bytes = 0;
                while let Some(png) = pages.next_page().unwrap() {
                    bytes += png.len();
                }
                black_box(bytes)
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_first_screen, bench_render);
criterion_main!(benches);
