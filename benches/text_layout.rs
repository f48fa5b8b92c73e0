//! Article view benchmarks (DESIGN.md section 8): layout of the seed article, of the article repeated
//! 100 times (about 500k characters) and of 500k characters of Latin names in Arabic at a narrow width (the
//! worst case for rule L1), hit testing, highlight geometry for 10,000 spans, and the CPU cost of building
//! one visible screen (highlight shapes plus glyph mesh) at 1x and 100x.
//! Budgets: 100x layout well under a second; one screen under 2 ms whatever the document length.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use eframe::egui;
use std::hint::black_box;
use std::sync::Arc;
use tarmeez::model::*;
use tarmeez::text::scene::{HighlightSet, SceneStyle};
use tarmeez::text::{DocumentLayout, LayoutEngine, LayoutParams, Motion};
use tarmeez::ui::article_view::{GlyphAtlas, paint};

const WIDTH: f32 = 900.0;
const SCREEN: f32 = 800.0;

fn seed() -> String {
    let path =
        concat!(env!("CARGO_MANIFEST_DIR"), "/projects/al-omar-oilfield/documents/al-omar-oilfield-2021-06-29.txt");
    std::fs::read_to_string(path).expect("the sample article")
}

fn text(repeat: usize) -> Arc<DocText> {
    let seed = seed();
    Arc::new(DocText::new(vec![seed.as_str(); repeat].join("\n\n")))
}

/// Paragraphs of Arabic with multi-word Latin names and English with Arabic phrases, about 500k characters.
fn mixed_names() -> Arc<DocText> {
    let paragraphs = [
        "وفي تقرير صادر عن موقع Atlantic Council الذي يتخذ من واشنطن مقراً له، قال الباحث إن إيران تمكنت من بناء إمبراطورية عسكرية.",
        "قالت منظمة Human Rights Watch في تقرير نشرته يوم 3 تموز 2021 إن 12 مدنياً قتلوا في ريف Deir ez-Zor الشرقي.",
        "نقلت وكالة Reuters News Agency (رويترز) عن مصدر في Syrian Democratic Forces أن الهجوم بدأ الساعة 10:30 مساءً.",
        "The Syrian Observatory for Human Rights (المرصد السوري لحقوق الإنسان في لندن) said that the militia moved 300 fighters to البوكمال والميادين ودير الزور in June 2021.",
    ]
    .join("\n\n");
    let repeat = 500_000 / paragraphs.chars().count() + 1;
    Arc::new(DocText::new(vec![paragraphs.as_str(); repeat].join("\n\n")))
}

fn params() -> LayoutParams {
    LayoutParams { width: WIDTH, ..LayoutParams::default() }
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

fn screen(ctx: &egui::Context, atlas: &mut GlyphAtlas, layout: &DocumentLayout, set: &HighlightSet, y0: f32) -> usize {
    let style = SceneStyle { dark: false, labels: false, font_size: layout.params().font_size };
    let shapes = set.shapes(layout, y0, y0 + SCREEN, style, None);
    let (mesh, _) = paint::glyph_mesh(ctx, atlas, layout, egui::Pos2::ZERO, y0, y0 + SCREEN, egui::Color32::BLACK);
    shapes.len() + mesh.vertices.len()
}

fn bench_layout(c: &mut Criterion) {
    let mut engine = LayoutEngine::new();
    let t1 = text(1);
    let t100 = text(100);
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    group.bench_function(format!("seed article ({} chars)", t1.len_chars()), |b| {
        b.iter(|| black_box(engine.layout(t1.clone(), params()).height()))
    });
    group.bench_function(format!("seed x100 ({} chars)", t100.len_chars()), |b| {
        b.iter(|| black_box(engine.layout(t100.clone(), params()).height()))
    });
    // The worst case for rule L1 (text/layout/trailing.rs): Latin names in Arabic and Arabic phrases in
    // English, at a narrow width where many lines wrap inside them.
    let names = mixed_names();
    let narrow = LayoutParams { width: 300.0, ..LayoutParams::default() };
    group.bench_function(format!("mixed names at 300 px ({} chars)", names.len_chars()), |b| {
        b.iter(|| black_box(engine.layout(names.clone(), narrow).height()))
    });
    group.finish();

    let l100 = engine.layout(t100.clone(), params());
    let l1 = engine.layout(t1.clone(), params());
    println!(
        "seed x100: {} paragraphs, {} lines, height {:.0}",
        l100.paragraphs().len(),
        l100.line_count(),
        l100.height()
    );
    let mut group = c.benchmark_group("queries on seed x100");
    let mut k = 0u32;
    group.bench_function("caret_at (hit test)", |b| {
        b.iter(|| {
            k = k.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let (x, y) = ((k % 900) as f32, (k % 1_000_000) as f32 / 1e6 * l100.height());
            black_box(l100.caret_at(x, y))
        })
    });
    group.bench_function("grapheme_at (hit test)", |b| {
        b.iter(|| {
            k = k.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let (x, y) = ((k % 900) as f32, (k % 1_000_000) as f32 / 1e6 * l100.height());
            black_box(l100.grapheme_at(x, y))
        })
    });
    let set = highlights(&t100, 10_000);
    group.sample_size(10);
    group.bench_function("highlight rectangles of 10,000 spans", |b| {
        b.iter(|| {
            let mut n = 0;
            for h in set.items() {
                l100.span_rects_with(h.span, |_| n += 1);
            }
            black_box(n)
        })
    });
    group.finish();

    let ctx = egui::Context::default();
    let set1 = highlights(&t1, 100);
    let mut group = c.benchmark_group("one screen (shapes + glyph mesh, warm atlas)");
    for (name, layout, set) in [("1x", &l1, &set1), ("100x", &l100, &set)] {
        let mut atlas = GlyphAtlas::default();
        let y0 = layout.height() / 2.0;
        screen(&ctx, &mut atlas, layout, set, y0);
        group.bench_function(name, |b| b.iter(|| black_box(screen(&ctx, &mut atlas, layout, set, y0))));
    }
    group.bench_function("100x, cold atlas", |b| {
        b.iter_batched(
            GlyphAtlas::default,
            |mut atlas| black_box(screen(&ctx, &mut atlas, &l100, &set, 1000.0)),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// Caret keys from random offsets of the seed x100 (src/text/layout/caret.rs): each runs once per key press.
fn bench_caret(c: &mut Criterion) {
    let t100 = text(100);
    let l100 = LayoutEngine::new().layout(t100.clone(), params());
    let mut group = c.benchmark_group("queries on seed x100");
    let mut k = 0u32;
    let len = t100.len_chars();
    let motions = [
        ("caret Down", Motion::Line { down: true }),
        ("caret End", Motion::LineEdge { end: true }),
        ("caret Page Down (700)", Motion::Page { down: true, height: 700.0 }),
        ("caret Ctrl+Left (word)", Motion::Word { left: true, clitics: false }),
        ("caret Ctrl+Alt+Left (clitics)", Motion::Word { left: true, clitics: true }),
    ];
    for (name, motion) in motions {
        group.bench_function(name, |b| {
            b.iter(|| {
                k = k.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                black_box(l100.move_caret(k as usize % len, None, motion))
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_layout, bench_caret);
criterion_main!(benches);
